/**
 * Limits checked before any work starts on a file from outside, each with its message naming the
 * file and the limit: the file's size, and for the zip-based Office formats (.xlsx, .docx) the
 * number of entries and their uncompressed size as the zip's directory states them (a 390 KB .docx
 * that inflates to 400 MB is refused before it is inflated); the pages of a PDF; the cells of a
 * sheet and the length of one cell (Excel's own 32,767 characters) or one line of text.
 */
import { refuse, type ProblemLocation } from "../core/problem";
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

export const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function checkFileSize(bytes: Uint8Array, file: string): void {
  if (bytes.length > MAX_FILE_BYTES)
    throw refuse("file-too-large", { file, size: mib(bytes.length), limit: mib(MAX_FILE_BYTES) }, { file });
}

export function checkPdfPages(pages: number, file: string): void {
  if (pages > MAX_PDF_PAGES)
    throw refuse("pdf-too-many-pages", { file, pages, limit: MAX_PDF_PAGES }, { file });
}

/** A sheet's used range, before its cells are read. */
export function checkSheetSize(rows: number, columns: number, file: string, sheet: string): void {
  if (rows * columns > MAX_SHEET_CELLS)
    throw refuse("sheet-too-large", { file, sheet, rows, columns, limit: MAX_SHEET_CELLS }, { file, sheet });
}

/** Each cell of a grid (at: its sheet and address, or its row and column). */
export function checkCellLength(text: string, file: string, at: ProblemLocation): void {
  if (text.length > MAX_CELL_CHARS)
    throw refuse("cell-too-long", { file, length: text.length, limit: MAX_CELL_CHARS }, at);
}

/** The length of a document's text. */
export function checkTextSize(chars: number, file: string): void {
  if (chars > MAX_TEXT_CHARS) throw refuse("text-too-long", { file, chars, limit: MAX_TEXT_CHARS }, { file });
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
        throw refuse(
          "line-too-long",
          { file, line, length: i - start, limit: MAX_CELL_CHARS },
          { file, line },
        );
      start = i + 1;
      line++;
    }
}
