/**
 * One reading of a plan file from its bytes, for the CLI and the pane alike: the limits first,
 * then the reader of its type (.txt, .csv/.tsv, .xlsx with every sheet, .docx, .pdf), and a
 * document in which nothing of a plan was found is refused rather than "imported" as nothing.
 * Old or unsupported formats are refused by name, in Vietnamese and English.
 */
import { parseDocItems, parsePlanGrid, parsePlanSheets, parsePlanText } from "../core/import/parse-plan";
import type { ParsedPlan } from "../core/model/plan";
import { isProblemError, refuse } from "../core/problem";
import { readDelimited } from "./delimited-text";
import { readDocx } from "./docx-file";
import {
  checkCellLength,
  checkFileSize,
  checkItemsText,
  checkLineLengths,
  checkSheetSize,
} from "./input-limits";
import { checkZip } from "./zip-limits";
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
    if (problem) throw refuse(problem, { file }, { file });
    await checkZip(bytes, file);
  }
  // An encrypted Word file is an OLE container, not a zip (as an encrypted .xlsx is).
  if (ext === ".docx" && isOleContainer(bytes)) throw refuse("docx-encrypted", { file }, { file });
  const parsed = await readByType(ext, file, bytes, { file, planYear: o.planYear }, o.pdf ?? {});
  if (!parsed.plan.tables.length && !parsed.plan.targets.length) {
    // Text printed column by column: say why nothing could be read, and what to give instead.
    const why = parsed.warnings.find((w) => w.code === "column-blocks");
    throw refuse(
      bytes.length === 0 ? "plan-empty-file" : "plan-nothing-read",
      why ? { ...why.params, file, why: why.code } : { file },
      why?.at ?? { file },
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
      row.forEach((c, k) => checkCellLength(String(c ?? ""), file, { file, row: r + 1, column: k + 1 })),
    );
    return parsePlanGrid(cells, { file }, opts);
  }
  if (ext === ".xlsx") {
    let sheets;
    try {
      sheets = await readXlsx(bytes, file);
    } catch (error) {
      if (isProblemError(error)) throw error;
      throw refuse("xlsx-damaged", { file, detail: (error as Error).message }, { file });
    }
    if (!sheets.length) throw refuse("xlsx-no-sheet", { file }, { file });
    // Every sheet, in order: one sheet per appendix is common.
    return parsePlanSheets(sheets, opts);
  }
  if (ext === ".docx") return parseDocItems(checkedItems(await readDocx(bytes, file), file), opts);
  if (ext === ".doc") throw refuse("doc-old-format", { file }, { file });
  if (ext === ".pdf") return parseDocItems(checkedItems(await readPdf(bytes, file, pdf), file), opts);
  throw refuse(
    "file-type-unsupported",
    { file, ext: ext || "—", supported: PARSE_EXTENSIONS.join(", ") },
    { file },
  );
}
