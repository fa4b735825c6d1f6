import { PRODUCT } from "../core/product";

export const USAGE = `${PRODUCT.nameVi} (${PRODUCT.nameEn}) ${PRODUCT.version}

Cách dùng / Usage:
  npm run -s plan -- <lệnh> [tùy chọn]

Lệnh / Commands:
  parse FILE [--plan-year YYYY] [--json]
                     Đọc kế hoạch (.txt) và in cấu trúc; --json in JSON theo SCHEMA.md
                     Read a plan and print its structure; --json prints the SCHEMA.md JSON
  build FILE --out SỔ.xlsx [--report-date YYYY-MM-DD] [--plan-year YYYY] [--update SỔ_CŨ.xlsx] [--force]
                     Ghi sổ theo dõi (Nhiệm vụ, Chỉ tiêu, Thiết lập) / write the tracking workbook;
                     --update giữ mọi số liệu đã nhập trong sổ cũ / keeps everything typed in the old one
  report SỔ.xlsx --period YYYY-MM [--kind month|quarter|half|nine-month|year] [--unit TÊN]
         --out BÁO_CÁO.xlsx [--docx BÁO_CÁO.docx] [--pdf BÁO_CÁO.pdf] [--json]
                     Lập báo cáo định kỳ theo Nghị định 30/2020 (trang BC …, phụ lục), Word, PDF;
                     --json in số liệu / the periodic report as sheets, .docx, .pdf; --json prints figures
  split SỔ.xlsx --out-dir THƯ_MỤC [--period YYYY-MM] [--partners] [--force]
                     Tách một sổ cho mỗi cơ quan chủ trì / one workbook per lead unit;
                     --partners: kèm bản chỉ xem cho cơ quan phối hợp / read-only views for partners
  merge SỔ.xlsx SỔ_ĐƠN_VỊ.xlsx… --out SỔ_MỚI.xlsx [--json] [--resubmit]
                     Tổng hợp các sổ đơn vị gửi lại (mỗi tệp trọn vẹn hoặc không) / merge returned workbooks
  undo SỔ.xlsx --out SỔ_KHÔI_PHỤC.xlsx
                     Hoàn tác lần tổng hợp gần nhất / undo the last merge
  completeness SỔ.xlsx --period YYYY-MM [--json]
                     Đơn vị đã gửi, đúng hạn, muộn, chưa gửi / who reported
  version            In số phiên bản / print the version
  help, --help, -h   In hướng dẫn này / print this help

Mã thoát / Exit codes: 0 thành công / success, 1 lỗi dữ liệu hoặc tệp / data or file error,
2 sai cú pháp lệnh / usage error.
`;
