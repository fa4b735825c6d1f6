/**
 * The implementation of the workflows' SheetPort over an exceljs workbook in memory (the CLI, and the
 * pane for files it reads or makes): reads a sheet the way Excel returns it (header first, dates as
 * serial numbers, blanks as "") and writes specs, in place into a sheet of the same name when asked
 * (its position, other sheets and their references stay), else as a new sheet. No Node API here:
 * files on disk are `xlsx-files.ts`'s.
 */
import ExcelJS from "exceljs";
import { isoToSerial } from "../core/excel-dates";
import type { SheetValue } from "../core/sheets/read-sheet";
import type { SheetSpec } from "../core/sheets/sheet-spec";
import { uniqueSheetName } from "../core/sheets/sheet-names";
import type { SheetPort, WriteOptions, WriteResult } from "../core/workflows/workbook-port";
import { newWorkbook, renderSheet } from "./xlsx-writer";
import { renderDocument } from "./document-writer";
import type { DocumentSheet } from "../core/sheets/document-spec";
import { addChartParts, docChartPart, readChartParts, type ChartPart } from "./chart-parts";

/** A cell's value as Excel's Range.values gives it. */
export function excelValue(v: ExcelJS.CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? "" : (isoToSerial(v.toISOString().slice(0, 10)) ?? "");
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v)
      return excelValue((v as ExcelJS.CellFormulaValue).result ?? null);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("text" in v && typeof v.text === "string") return v.text;
    return "";
  }
  return v;
}

/** True when the bytes hold the ASCII text (zip part names are stored as plain text). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - text.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/**
 * How every .xlsx we write is compressed: deflate at level 1, about 3× faster than the default on a
 * 15,000-task workbook for a file about 15 % larger.
 */
export const ZIP_LEVEL = 1;
export const FAST_ZIP = { compression: "DEFLATE", compressionOptions: { level: ZIP_LEVEL } } as const;

export class XlsxWorkbook implements SheetPort {
  /**
   * Charts added to the package on save, since exceljs writes none and drops those it reads: the
   * workbook's own (read when opened) and those of the document sheets written since.
   */
  private readonly charts: ChartPart[];

  constructor(
    readonly book: ExcelJS.Workbook = newWorkbook(),
    charts: ChartPart[] = [],
  ) {
    this.charts = [...charts];
  }

  /** A workbook from the bytes of an .xlsx. */
  static async fromBytes(bytes: Uint8Array): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    // Only a workbook with charts is read for them.
    const charts = containsAscii(bytes, "xl/charts/") ? await readChartParts(bytes) : [];
    return new XlsxWorkbook(book, charts);
  }

  /** Reads an .xlsx file (Node). */
  static async open(path: string): Promise<XlsxWorkbook> {
    const { readXlsxFile } = await import("./xlsx-files");
    return XlsxWorkbook.fromBytes(await readXlsxFile(path));
  }

  async readSheet(name: string): Promise<SheetValue[][] | null> {
    const ws = this.book.getWorksheet(name);
    if (!ws) return null;
    const width = ws.columnCount;
    const out: SheetValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      out.push(Array.from({ length: width }, (_, c) => excelValue(row.getCell(c + 1).value)));
    }
    return out;
  }

  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    const taken = this.book.worksheets.map((w) => w.name);
    const sheets = specs.map((spec) => {
      const existing = options.replaceSheets ? this.book.getWorksheet(spec.name) : undefined;
      const name = existing ? existing.name : uniqueSheetName(spec.name, taken);
      taken.push(name);
      renderSheet(existing ?? this.book.addWorksheet(name), spec);
      return { requested: spec.name, name, rows: spec.rows.length };
    });
    options.onProgress?.({ done: 1, total: 1 });
    return { sheets, syncs: 0 };
  }

  /** Adds document sheets (a report and its appendices), each under a name not taken yet. */
  async writeDocuments(docs: readonly DocumentSheet[]): Promise<string[]> {
    const taken = this.book.worksheets.map((w) => w.name);
    return docs.map((doc) => {
      const name = uniqueSheetName(doc.name, taken);
      taken.push(name);
      renderDocument(this.book.addWorksheet(name), doc);
      for (const chart of doc.charts ?? []) this.charts.push(docChartPart(name, chart));
      return name;
    });
  }

  /** Writes a date (a serial number, shown dd/mm/yyyy unless the cell has a format); false if unchanged. */
  writeDate(sheet: string, address: string, iso: string): boolean {
    const serial = isoToSerial(iso);
    const ws = this.book.getWorksheet(sheet);
    if (serial === null || !ws) return false;
    const cell = ws.getCell(address);
    if (cell.value === serial) return false;
    cell.value = serial;
    if (!cell.numFmt || cell.numFmt === "General") cell.numFmt = "dd/mm/yyyy";
    return true;
  }

  async sheetNames(): Promise<string[]> {
    return this.book.worksheets.map((w) => w.name);
  }

  /** The .xlsx bytes, with the charts exceljs does not write. */
  async toBytes(): Promise<Uint8Array> {
    const sheets = new Set(this.book.worksheets.map((w) => w.name));
    const charts = this.charts.filter((c) => sheets.has(c.sheet));
    // exceljs hands `zip` to JSZip's generateAsync.
    const options = { zip: FAST_ZIP } as unknown as ExcelJS.XlsxWriteOptions;
    const bytes = new Uint8Array((await this.book.xlsx.writeBuffer(options)) as ArrayBuffer);
    return charts.length ? addChartParts(bytes, charts) : bytes;
  }

  /** Writes the workbook to a file (Node). */
  async save(path: string): Promise<void> {
    const { writeXlsxFile } = await import("./xlsx-files");
    await writeXlsxFile(path, await this.toBytes());
  }
}

/** Writes specs into a new workbook file. */
export async function writeWorkbook(path: string, specs: readonly SheetSpec[]): Promise<string[]> {
  const book = new XlsxWorkbook();
  const { sheets } = await book.writeSheets(specs);
  await book.save(path);
  return sheets.map((s) => s.name);
}
