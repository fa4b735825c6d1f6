/**
 * Limits checked before any work starts on a file from outside, each with its message naming the
 * file and the limit: the file's size, and for the zip-based Office formats (.xlsx, .docx) the
 * number of entries and their uncompressed size as the zip's directory states them (a 390 KB .docx
 * that inflates to 400 MB is refused before it is inflated); the pages of a PDF; the cells of a
 * sheet and the length of one cell (Excel's own 32,767 characters) or one line of text.
 */
import JSZip from "jszip";
import { unzipSync } from "fflate";
import { ImportError } from "../core/import/import-error";
import type { DocItem } from "../core/import/grid";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_PDF_PAGES = 500;
/**
 * Rows × columns of one sheet's used range: 25,000 rows of 20 columns, fifty times the longest plan
 * table seen; a sheet at the limit imports in about 6 s and 300 MB (BENCHMARKS.md).
 */
export const MAX_SHEET_CELLS = 500_000;
/**
 * Characters of a document's text (a text file, a paste, the text of a .docx or .pdf): about 25,000
 * lines of plan text, fifty times the longest plan seen; a text at the limit imports in a few seconds
 * (BENCHMARKS.md), where 50 MB of text would take minutes and over 1 GB.
 */
export const MAX_TEXT_CHARS = 4_000_000;
/** Excel's limit for one cell; also the longest line of a text file. */
export const MAX_CELL_CHARS = 32_767;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function checkFileSize(bytes: Uint8Array, file: string): void {
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportError(
      `Tệp ${file} lớn ${mib(bytes.length)}, vượt giới hạn ${mib(MAX_FILE_BYTES)}: hãy tách nhỏ tệp.`,
      `${file} is ${mib(bytes.length)}, over the ${mib(MAX_FILE_BYTES)} limit.`,
    );
}

/** Refuses a zip whose directory announces too many entries or too much data; returns it opened. */
export async function checkZip(bytes: Uint8Array, file: string): Promise<JSZip> {
  checkFileSize(bytes, file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    // The zip library's own words ("Can't find end of central directory") tell a clerk nothing.
    const kind = /\.docx$/i.test(file) ? "Word (.docx)" : "Excel (.xlsx)";
    throw new ImportError(
      `Tệp ${file} không phải tệp ${kind} hợp lệ hoặc đã hỏng (có thể tệp chưa tải về hết, hoặc bị đổi đuôi): hãy mở tệp gốc, lưu lại thành ${kind} rồi gửi lại.`,
      `${file} is not a valid ${kind} file, or is damaged (perhaps not fully downloaded, or renamed): open the original, save it as ${kind} and send it again.`,
    );
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw new ImportError(
      `Tệp ${file} chứa ${entries.length} phần, vượt giới hạn ${MAX_ZIP_ENTRIES}: không đọc.`,
      `${file} holds ${entries.length} parts, over the ${MAX_ZIP_ENTRIES} limit.`,
    );
  // The sizes the central directory announces, read by fflate's directory walk (no part inflated).
  const total = announcedSize(bytes);
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new ImportError(
      `Tệp ${file} khi giải nén lớn ${mib(total)}, vượt giới hạn ${mib(MAX_UNCOMPRESSED_BYTES)} (có thể là tệp độc hại): không đọc.`,
      `${file} inflates to ${mib(total)}, over the ${mib(MAX_UNCOMPRESSED_BYTES)} limit: not read.`,
    );
  return zip;
}

/** The uncompressed size of every part as the zip's central directory announces it. */
function announcedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  return total;
}

export function checkPdfPages(pages: number, file: string): void {
  if (pages > MAX_PDF_PAGES)
    throw new ImportError(
      `Tệp ${file} có ${pages} trang, vượt giới hạn ${MAX_PDF_PAGES} trang: hãy tách riêng phần phụ lục.`,
      `${file} has ${pages} pages, over the ${MAX_PDF_PAGES}-page limit.`,
    );
}

/** A sheet's used range, before its cells are read. */
export function checkSheetSize(rows: number, columns: number, file: string, sheet: string): void {
  if (rows * columns > MAX_SHEET_CELLS)
    throw new ImportError(
      `Trang tính "${sheet}" của tệp ${file} có vùng dữ liệu ${rows} dòng × ${columns} cột, vượt giới hạn ${MAX_SHEET_CELLS.toLocaleString("vi-VN")} ô: hãy chỉ giữ bảng kế hoạch.`,
      `Sheet "${sheet}" of ${file} spans ${rows} rows × ${columns} columns, over the ${MAX_SHEET_CELLS} cell limit.`,
    );
}

/** Each cell of a grid (where = its address, e.g. "Sheet1!C12" or "dòng 4, cột 2"). */
export function checkCellLength(text: string, file: string, where: string): void {
  if (text.length > MAX_CELL_CHARS)
    throw new ImportError(
      `Tệp ${file}, ${where}: ô dài ${text.length} ký tự, vượt giới hạn ${MAX_CELL_CHARS} ký tự của Excel.`,
      `${file}, ${where}: a cell of ${text.length} characters, over Excel's ${MAX_CELL_CHARS}-character limit.`,
    );
}

/** The length of a document's text. */
export function checkTextSize(chars: number, file: string): void {
  if (chars > MAX_TEXT_CHARS)
    throw new ImportError(
      `Tệp ${file} có ${chars.toLocaleString("vi-VN")} ký tự chữ, vượt giới hạn ${MAX_TEXT_CHARS.toLocaleString("vi-VN")} ký tự: hãy chỉ giữ phần kế hoạch (các phụ lục và mục tiêu).`,
      `${file} holds ${chars} characters of text, over the ${MAX_TEXT_CHARS}-character limit: keep only the plan.`,
    );
}

/** The text of a document's items (prose lines and table cells). */
export function checkItemsText(items: readonly DocItem[], file: string): void {
  let chars = 0;
  for (const item of items)
    if (item.kind === "prose") chars += item.text.length;
    else for (const cell of item.cells) for (const line of cell.lines) chars += line.length + 1;
  checkTextSize(chars, file);
}

/** A text's size, and every line of it. */
export function checkLineLengths(text: string, file: string): void {
  checkTextSize(text.length, file);
  let start = 0;
  let line = 1;
  for (let i = 0; i <= text.length; i++)
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i - start > MAX_CELL_CHARS)
        throw new ImportError(
          `Tệp ${file}, dòng ${line}: dài ${i - start} ký tự, vượt giới hạn ${MAX_CELL_CHARS} ký tự một dòng.`,
          `${file}, line ${line}: ${i - start} characters, over the ${MAX_CELL_CHARS}-character line limit.`,
        );
      start = i + 1;
      line++;
    }
}
