/*
 * Excel custom functions, namespace KH. Each function is a thin wrapper over src/core; the JSDoc
 * below is the source of functions.json (custom-functions-metadata-plugin), so it is the text a
 * clerk sees in Excel's formula autocomplete: keep it Vietnamese.
 */
import { PRODUCT } from "../core/product";

/**
 * Trả về phiên bản của phần bổ trợ Theo dõi Kế hoạch.
 * @customfunction PHIENBAN
 * @returns Số phiên bản, ví dụ "0.1.0".
 */
export function phienBan(): string {
  return PRODUCT.version;
}
