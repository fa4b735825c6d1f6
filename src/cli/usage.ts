import { PRODUCT } from "../core/product";

export const USAGE = `${PRODUCT.nameVi} (${PRODUCT.nameEn}) ${PRODUCT.version}

Cách dùng / Usage:
  npm run -s plan -- <lệnh> [tùy chọn]

Lệnh / Commands:
  parse FILE [--plan-year YYYY] [--json]
                     Đọc kế hoạch (.txt) và in cấu trúc; --json in JSON theo SCHEMA.md
                     Read a plan and print its structure; --json prints the SCHEMA.md JSON
  build FILE --out SỔ.xlsx [--report-date dd/mm/yyyy] [--plan-year YYYY] [--update SỔ_CŨ.xlsx] [--force]
                     Ghi sổ theo dõi (Nhiệm vụ, Chỉ tiêu, Thiết lập) / write the tracking workbook;
                     --update giữ mọi số liệu đã nhập trong sổ cũ / keeps everything typed in the old one
  report SỔ.xlsx --period MM/YYYY [--kind month|quarter|half|nine-month|year] [--unit TÊN]
         --out BÁO_CÁO.xlsx [--docx BÁO_CÁO.docx] [--pdf BÁO_CÁO.pdf] [--json] [--force]
                     Lập báo cáo định kỳ theo Nghị định 30/2020 (trang BC …, phụ lục), Word, PDF;
                     --json in số liệu / the periodic report as sheets, .docx, .pdf; --json prints figures
  split SỔ.xlsx --out-dir THƯ_MỤC [--period MM/YYYY] [--partners] [--force]
                     Tách một sổ cho mỗi cơ quan chủ trì / one workbook per lead unit;
                     --partners: kèm bản chỉ xem cho cơ quan phối hợp / read-only views for partners
  merge SỔ.xlsx SỔ_ĐƠN_VỊ.xlsx… --out SỔ_MỚI.xlsx [--period MM/YYYY] [--json] [--force]
                     Tổng hợp các sổ đơn vị gửi lại (mỗi tệp trọn vẹn hoặc không; tệp gửi lại sau
                     thay tệp trước) / merge returned workbooks (a later file replaces the earlier one)
  conflicts SỔ.xlsx [--take-unit [--id MÃ]…] [--out SỔ_MỚI.xlsx] [--force] [--json]
                     Liệt kê xung đột; --take-unit lấy giá trị của đơn vị / list conflicts, take the units' values
  undo SỔ.xlsx --out SỔ_KHÔI_PHỤC.xlsx [--force]
                     Hoàn tác lần tổng hợp gần nhất / undo the last merge
  completeness SỔ.xlsx [--period MM/YYYY] [--json]
                     Đơn vị đã gửi, đúng hạn, muộn, chưa gửi, gửi lại không cập nhật / who reported
  version            In số phiên bản / print the version
  help, --help, -h   In hướng dẫn này / print this help

Ngày gõ dạng dd/mm/yyyy hoặc YYYY-MM-DD; tháng dạng MM/YYYY hoặc YYYY-MM.
Dates as dd/mm/yyyy or YYYY-MM-DD; months as MM/YYYY or YYYY-MM. "plan LỆNH --help": one command's help.
Không tệp nào bị ghi đè nếu không có --force / no file is overwritten without --force.

Mã thoát / Exit codes: 0 thành công / success, 1 lỗi dữ liệu hoặc tệp / data or file error,
2 sai cú pháp lệnh / usage error.
`;

/** One command's usage, for "plan COMMAND --help": its lines of USAGE. */
export function commandUsage(command: string): string | null {
  const lines = USAGE.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  ${command} `) || l.trim() === command);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && /^ {3,}/.test(lines[end]!) && !/^ {2}\S/.test(lines[end]!)) end++;
  return `${PRODUCT.nameVi} (${PRODUCT.nameEn}) ${PRODUCT.version}\n\nCách dùng / Usage:\n  npm run -s plan -- ${lines
    .slice(start, end)
    .map((l) => l.trimStart())
    .join("\n    ")}\n`;
}
