/**
 * One reading of a plan file from its bytes, for the CLI and the pane alike: the limits first,
 * then the reader of its type (.txt, .csv/.tsv, .xlsx with every sheet, .docx, .pdf), and a
 * document in which nothing of a plan was found is refused rather than "imported" as nothing.
 * Old or unsupported formats are refused by name, in Vietnamese and English.
 */
import {
  ImportError,
  parseDocItems,
  parsePlanGrid,
  parsePlanSheets,
  parsePlanText,
} from "../core/import/parse-plan";
import type { ParsedPlan } from "../core/model/plan";
import { problemText } from "../messages/problem-messages";
import { readDelimited } from "./delimited-text";
import { readDocx } from "./docx-file";
import {
  checkCellLength,
  checkFileSize,
  checkItemsText,
  checkLineLengths,
  checkSheetSize,
  checkZip,
} from "./input-limits";
import type { DocItem } from "../core/import/grid";
import { readPdf, type PdfEnvironment } from "./pdf-file";
import { readXlsx } from "./tabular-files";
import { decodeUtf8 } from "./utf8-text";
import { isOleContainer, xlsxBytesProblem } from "./xlsx-bytes";

/** A document's items, once their text is known to be within the limit. */
function checkedItems(items: DocItem[], file: string): DocItem[] {
  checkItemsText(items, file);
  return items;
}

export const PARSE_EXTENSIONS = [".txt", ".docx", ".pdf", ".xlsx", ".csv", ".tsv"];

export interface ReadOptions {
  file: string;
  planYear?: number;
  pdf?: PdfEnvironment;
}

export async function readPlanBytes(bytes: Uint8Array, o: ReadOptions): Promise<ParsedPlan> {
  const { file } = o;
  const ext = (/\.[^.]+$/.exec(file)?.[0] ?? "").toLowerCase();
  checkFileSize(bytes, file);
  if (ext === ".xlsx" || ext === ".xls" || ext === ".xlsm") {
    const problem = xlsxBytesProblem(file, bytes);
    if (problem) throw new ImportError(problem.vi, problem.en);
    await checkZip(bytes, file);
  }
  // An encrypted Word file is an OLE container, not a zip (as an encrypted .xlsx is).
  if (ext === ".docx" && isOleContainer(bytes))
    throw new ImportError(
      `Tệp ${file} được đặt mật khẩu (hoặc là tệp Word cũ .doc đổi đuôi): hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) hoặc lưu lại thành .docx.`,
      `${file} is password-protected (or an old .doc renamed): remove the password or save it as .docx.`,
    );
  const parsed = await readByType(ext, file, bytes, { file, planYear: o.planYear }, o.pdf ?? {});
  if (!parsed.plan.tables.length && !parsed.plan.targets.length) {
    // Text printed column by column: say why nothing could be read, and what to give instead.
    const why = parsed.warnings.find((w) => w.code === "column-blocks");
    throw new ImportError(
      `Tệp ${file} không có bảng nhiệm vụ, bảng chỉ tiêu hay chỉ tiêu nào đọc được${bytes.length === 0 ? " (tệp rỗng)" : ""}.${why ? ` ${problemText(why, "vi")}` : ""}`,
      `${file} holds no task table, indicator table or target${bytes.length === 0 ? " (the file is empty)" : ""}.${why ? ` ${problemText(why, "en")}` : ""}`,
    );
  }
  return parsed;
}

async function readByType(
  ext: string,
  file: string,
  bytes: Uint8Array,
  opts: { file: string; planYear: number | undefined },
  pdf: PdfEnvironment,
): Promise<ParsedPlan> {
  if (ext === ".txt" || ext === ".text") {
    const text = decodeUtf8(bytes, file);
    checkLineLengths(text, file);
    return parsePlanText(text, opts);
  }
  if (ext === ".csv" || ext === ".tsv") {
    const cells = readDelimited(decodeUtf8(bytes, file), ext === ".csv" ? "," : "\t", file);
    checkSheetSize(
      cells.length,
      cells.reduce((w, r) => Math.max(w, r.length), 0),
      file,
      file,
    );
    cells.forEach((row, r) =>
      row.forEach((c, k) => checkCellLength(String(c ?? ""), file, `dòng ${r + 1}, cột ${k + 1}`)),
    );
    return parsePlanGrid(cells, { file }, opts);
  }
  if (ext === ".xlsx") {
    let sheets;
    try {
      sheets = await readXlsx(bytes, file);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `Tệp ${file} không phải tệp Excel (.xlsx) hợp lệ (${(error as Error).message}).`,
        `${file} is not a valid Excel (.xlsx) file (${(error as Error).message}).`,
      );
    }
    if (!sheets.length)
      throw new ImportError(`Tệp ${file} không có trang tính nào.`, `${file} has no worksheet.`);
    // Every sheet, in order: one sheet per appendix is common.
    return parsePlanSheets(sheets, opts);
  }
  if (ext === ".docx") return parseDocItems(checkedItems(await readDocx(bytes, file), file), opts);
  if (ext === ".doc")
    throw new ImportError(
      `Tệp ${file} là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu lại thành .docx rồi nhập lại.`,
      `${file} is an old Word (.doc) file. Save it as .docx in Word and import again.`,
    );
  if (ext === ".pdf") return parseDocItems(checkedItems(await readPdf(bytes, file, pdf), file), opts);
  throw new ImportError(
    `Không hỗ trợ loại tệp “${ext || "(không có đuôi)"}”. Các loại được hỗ trợ: ${PARSE_EXTENSIONS.join(", ")}.`,
    `Unsupported file type "${ext}". Supported: ${PARSE_EXTENSIONS.join(", ")}.`,
  );
}
