/**
 * Opening an .xlsx for the CLI, with the file refused by name and a code for the reason when it
 * is not one: missing, the old binary .xls, macro-enabled .xlsm, password-protected
 * (an encrypted OOXML file is an OLE container, not a zip), not a zip, damaged.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { xlsxBytesProblem } from "../../readers/xlsx-bytes";
import { refuse, type ProblemError } from "../../core/problem";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { XlsxValues } from "../../xlsx/xlsx-values";
import { XlsxPackage } from "../../xlsx/xlsx-package";
import { readXlsxFile } from "../../xlsx/xlsx-files";

/** Why the file cannot be opened as an .xlsx (missing, another format), null when it can be tried. */
export function workbookProblem(path: string): ProblemError | null {
  const file = basename(path);
  if (!existsSync(path) || !statSync(path).isFile()) return refuse("file-not-found", { file }, { file });
  const code = xlsxBytesProblem(file, readFileSync(path).subarray(0, 8));
  return code ? refuse(code, { file }, { file }) : null;
}

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const problem = workbookProblem(path);
  if (problem) throw problem;
  try {
    return await XlsxWorkbook.open(path);
  } catch {
    throw refuse("workbook-damaged", { file: basename(path) }, { file: basename(path) });
  }
}

/** The bytes of a file that exists (what kind of file it is, the readers below check). */
async function existingFile(path: string): Promise<Uint8Array> {
  const name = basename(path);
  if (!existsSync(path) || !statSync(path).isFile())
    throw refuse("file-not-found", { file: name }, { file: name });
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
