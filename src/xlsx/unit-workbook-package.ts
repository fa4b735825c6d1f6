/**
 * A unit workbook of the split as an .xlsx package, for a fraction of what rendering it whole takes:
 * the exceljs renderer writes the workbook with each sheet's first data row only (the instructions,
 * the headers, styles, validations, protection, print setup, metadata: everything but the bulk of
 * the rows), then the remaining rows are appended to each sheet's XML, styled and formed as the
 * renderer forms its first row (`appendRows`). A split of 150 unit workbooks spent most of its time
 * in exceljs rendering and compressing rows; this is the same workbook with that work skipped. Where
 * a sheet cannot be completed so (`appendRows` refuses), the whole workbook is rendered by exceljs.
 * The CLI and the browser make each unit workbook so (`unitWorkbookBytes`).
 */
import type ExcelJS from "exceljs";
import type { UnitWorkbook } from "../core/merge/split-plan";
import { writeUnitWorkbook } from "../core/workflows/unit-workbooks";
import { XlsxWorkbook } from "./xlsx-workbook";
import { appendRows, extendPrintArea, firstRowOnly } from "./sheet-patch";
import { packageSheets } from "./xlsx-values";
import { openPackage, packageParts, partText, setPartText, type ZipPart } from "./zip-text";
import { ZIP_LEVEL } from "./xlsx-workbook";
import { zipParts } from "./zip-writer";

export interface UnitWorkbookPackage {
  /** The package's parts in order (folders left out), ready to be zipped. */
  parts: ZipPart[];
  /** "appended": rows added to a first-row rendering; "rendered": the whole workbook by exceljs. */
  how: "appended" | "rendered";
  /** Why rows could not be appended (when rendered). */
  refusal?: string;
}

/** The workbook rendered whole by exceljs, as a package. */
async function rendered(w: UnitWorkbook, refusal?: string): Promise<UnitWorkbookPackage> {
  const book = new XlsxWorkbook();
  await writeUnitWorkbook(book, w);
  return { parts: await packageParts(await openPackage(await book.toBytes())), how: "rendered", refusal };
}

export async function unitWorkbookPackage(w: UnitWorkbook): Promise<UnitWorkbookPackage> {
  const book = new XlsxWorkbook();
  // A sheet whose cells have formats of their own (the settings: a few dozen rows) is rendered whole.
  const whole = (spec: UnitWorkbook["specs"][number]) => Boolean(spec.cells?.length);
  await writeUnitWorkbook(book, { ...w, specs: w.specs.map((s) => (whole(s) ? s : firstRowOnly(s))) });
  // Stored, not compressed: the parts are read back at once and compressed once, when written.
  const options = { zip: { compression: "STORE" } } as unknown as ExcelJS.XlsxWriteOptions;
  const zip = await openPackage((await book.book.xlsx.writeBuffer(options)) as ArrayBuffer);
  const sheets = await packageSheets(zip, w.fileName);
  let workbook = (await partText(zip, "xl/workbook.xml")) ?? "";
  for (const spec of w.specs) {
    if (spec.rows.length < 2 || whole(spec)) continue;
    const index = sheets.findIndex((s) => s.name === spec.name);
    const xml = index < 0 ? undefined : await partText(zip, sheets[index]!.path);
    if (xml === undefined) return rendered(w, `${spec.name}: no part`);
    const out = appendRows(xml, spec);
    if ("refused" in out) return rendered(w, out.refused);
    setPartText(zip, sheets[index]!.path, out.xml);
    workbook = extendPrintArea(workbook, index, 2, out.lastRow);
  }
  setPartText(zip, "xl/workbook.xml", workbook);
  return { parts: await packageParts(zip), how: "appended" };
}

/** A unit workbook's .xlsx bytes: the CLI writes them to a file, the browser into the split's .zip. */
export async function unitWorkbookBytes(w: UnitWorkbook): Promise<Uint8Array> {
  return zipParts((await unitWorkbookPackage(w)).parts, ZIP_LEVEL);
}
