import { PRODUCT } from "../core/product";

export const USAGE = `${PRODUCT.nameVi} (${PRODUCT.nameEn}) ${PRODUCT.version}

Cách dùng / Usage:
  npm run -s plan -- <lệnh> [tùy chọn]

Lệnh / Commands:
  version            In số phiên bản / print the version
  help, --help, -h   In hướng dẫn này / print this help

Sắp có / Coming: parse, build, report, split, merge.

Mã thoát / Exit codes: 0 thành công / success, 1 lỗi dữ liệu hoặc tệp / data or file error,
2 sai cú pháp lệnh / usage error.
`;
