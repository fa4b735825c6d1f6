/**
 * Opening an .xlsx for the CLI, with the file refused by name and the reason in Vietnamese and
 * English when it is not one: missing, the old binary .xls, macro-enabled .xlsm, password-protected
 * (an encrypted OOXML file is an OLE container, not a zip), not a zip, damaged.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { ImportError } from "../../core/import/import-error";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";

export function workbookProblem(path: string): { vi: string; en: string } | null {
  const name = basename(path);
  if (!existsSync(path) || !statSync(path).isFile())
    return { vi: `Không tìm thấy tệp ${name}.`, en: `${name} not found.` };
  const ext = extname(path).toLowerCase();
  if (ext === ".xls")
    return {
      vi: `Tệp ${name} là định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx.`,
      en: `${name} is an old .xls file: save it as .xlsx.`,
    };
  if (ext === ".xlsm")
    return {
      vi: `Tệp ${name} có macro (.xlsm): phần bổ trợ không mở tệp có macro; hãy lưu lại thành .xlsx.`,
      en: `${name} is macro-enabled (.xlsm): save it as .xlsx.`,
    };
  const head = readFileSync(path).subarray(0, 8);
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    return {
      vi: `Tệp ${name} được đặt mật khẩu (hoặc là tệp Excel cũ): hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) và gửi lại.`,
      en: `${name} is password-protected (or an old Excel file): remove the password and send it again.`,
    };
  if (head[0] !== 0x50 || head[1] !== 0x4b)
    return {
      vi: `Tệp ${name} không phải tệp Excel .xlsx (hoặc đã hỏng).`,
      en: `${name} is not an .xlsx file (or is damaged).`,
    };
  return null;
}

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  const problem = workbookProblem(path);
  if (problem) throw new ImportError(problem.vi, problem.en);
  try {
    return await XlsxWorkbook.open(path);
  } catch (error) {
    throw new ImportError(
      `Tệp ${basename(path)} đã hỏng, không đọc được (${(error as Error).message}).`,
      `${basename(path)} is damaged and cannot be read.`,
    );
  }
}
