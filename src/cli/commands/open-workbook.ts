/**
 * Opening an .xlsx for the CLI, with the file refused by name and the reason in Vietnamese and
 * English when it is not one: missing, the old binary .xls, macro-enabled .xlsm, password-protected
 * (an encrypted OOXML file is an OLE container, not a zip), not a zip, damaged.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { xlsxBytesProblem } from "../../readers/xlsx-bytes";
import { ImportError } from "../../core/import/import-error";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { XlsxValues } from "../../xlsx/xlsx-values";
import { XlsxPackage } from "../../xlsx/xlsx-package";
import { readXlsxFile } from "../../xlsx/xlsx-files";

export function workbookProblem(path: string): { vi: string; en: string } | null {
  const name = basename(path);
  if (!existsSync(path) || !statSync(path).isFile())
    return { vi: `Không tìm thấy tệp ${name}.`, en: `${name} not found.` };
  return xlsxBytesProblem(name, readFileSync(path).subarray(0, 8));
}

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const problem = workbookProblem(path);
  if (problem) throw new ImportError(problem.vi, problem.en);
  try {
    return await XlsxWorkbook.open(path);
  } catch {
    throw new ImportError(
      `Tệp ${basename(path)} đã hỏng, không đọc được: hãy mở tệp gốc bằng Excel, lưu lại thành .xlsx rồi thử lại.`,
      `${basename(path)} is damaged and cannot be read: open the original in Excel, save it as .xlsx and retry.`,
    );
  }
}

/** The bytes of a file that exists (what kind of file it is, the readers below check). */
async function existingFile(path: string): Promise<Uint8Array> {
  const name = basename(path);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ImportError(`Không tìm thấy tệp ${name}.`, `${name} not found.`);
  return readXlsxFile(path);
}

/** Opens an .xlsx for its values only (no styled model): the split's master, the returned files. */
export async function openValues(path: string): Promise<XlsxValues> {
  return XlsxValues.fromBytes(await existingFile(path), basename(path));
}

/**
 * Opens an .xlsx the CLI writes back (the merge's master, the undo's workbook): kept as its package,
 * sheets written in place cell by cell.
 */
export async function openPackage(path: string): Promise<XlsxPackage> {
  return XlsxPackage.fromBytes(await existingFile(path), basename(path));
}
