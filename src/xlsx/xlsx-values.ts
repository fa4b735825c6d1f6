/**
 * A SheetSource (read only) straight over an .xlsx package: the cell values of its sheets, the way Excel's
 * Range.values gives them (header row first, dates as serial numbers, blanks as "", a formula's
 * cached value), read from the sheet XML without building a styled model. The merge reads 150
 * returned workbooks and the split reads the master this way: exceljs builds every cell's style
 * and takes about four times as long. Any .xlsx writer's output reads (Excel, LibreOffice, exceljs,
 * the OpenXML SDK's prefixed tags): shared, inline and rich strings, booleans, errors, ISO dates.
 * No Node API here: the pane uses it on the bytes of the files a clerk picks.
 */
import type JSZip from "jszip";
import { isoToSerial, serialToIso } from "../core/excel-dates";
import { refuse } from "../core/problem";
import type { SheetValue } from "../core/sheets/read-sheet";
import type { CellFlags, SheetCells, SheetSource } from "../core/workflows/workbook-port";
import { checkCellLength, checkFileSize, checkSheetSize } from "../readers/input-limits";
import { checkZip } from "../readers/zip-limits";
import { xlsxBytesProblem } from "../readers/xlsx-bytes";
import { partText, setPartText } from "./zip-text";

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities decoded, and OOXML's _xHHHH_ escapes of control characters. */
export function xmlText(s: string): string {
  const decoded =
    s.indexOf("&") < 0
      ? s
      : s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
          e[0] === "#"
            ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
            : (ENTITY[e] ?? m),
        );
  return decoded.indexOf("_x") < 0
    ? decoded
    : decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string item (<si> or <is>): every run's <t>, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.indexOf("rPh") < 0 ? xml : xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) out += m[1];
  return xmlText(out);
}

const ATTRIBUTES = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? m[1] : undefined;
}

/** 0-based column of an A1 reference's letters ("AB12" -> 27). */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Resolves a relationship target against the folder of the part that names it. */
function partPath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

export interface PackageSheet {
  name: string;
  /** The sheet's part in the package ("xl/worksheets/sheet1.xml"). */
  path: string;
  state: string;
}

/** The workbook's sheets in order, with their parts. */
export async function packageSheets(zip: JSZip, file: string): Promise<PackageSheet[]> {
  const workbook = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook && zip.file("content.xml") && zip.file("mimetype"))
    throw refuse("xlsx-ods-renamed", { file }, { file });
  if (!workbook || !rels) throw refuse("xlsx-no-workbook-part", { file }, { file });
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, partPath("xl/workbook.xml", xmlText(target)));
  }
  const sheets: PackageSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = /\sr:id="([^"]*)"/.exec(m[0])?.[1] ?? attr(m[0], "[\\w]+:id");
    const path = id ? targets.get(id) : undefined;
    if (path)
      sheets.push({ name: xmlText(attr(m[0], "name") ?? ""), path, state: attr(m[0], "state") ?? "visible" });
  }
  return sheets;
}

/** The shared strings of a package, in order. */
export async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await partText(zip, "xl/sharedStrings.xml");
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g))
    out.push(m[1] === undefined ? "" : itemText(m[1]));
  return out;
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;

/** A cell's value from its attributes and content, as Range.values gives it. */
export function cellValue(attrs: string, body: string | undefined, strings: readonly string[]): SheetValue {
  if (!body) return "";
  const type = attr(attrs, "t") ?? "n";
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
    return is ? itemText(is[1]!) : "";
  }
  const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
  if (v === undefined) return "";
  switch (type) {
    case "s":
      return strings[Number(v)] ?? "";
    case "b":
      return v === "1" || v === "true";
    case "str":
    case "e":
      return xmlText(v);
    case "d":
      return isoToSerial(v.slice(0, 10)) ?? xmlText(v);
    default: {
      const n = Number(v);
      return v.trim() !== "" && Number.isFinite(n) ? n : xmlText(v);
    }
  }
}

export interface SheetReading {
  /** Style indices whose number format shows a date: such numbers come back as "dd/mm/yyyy" text. */
  dateStyles?: ReadonlySet<number>;
  /**
   * Filled with what the values alone do not say: numbers shown as a percentage (style in
   * `percentStyles`), formulas saved without their value.
   */
  flags?: { percentStyles: ReadonlySet<number>; out: CellFlags };
  /** The cells a merged area covers, but its first, come back blank (as Excel shows them). */
  blankMerged?: boolean;
}

/** A date serial as a clerk sees it (dd/mm/yyyy). */
function serialText(serial: number): string {
  const iso = serialToIso(serial);
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : String(serial);
}

/** The cell values of a sheet's XML: rows from 1 to the last one holding a cell, "" where none. */
export function sheetValues(
  xml: string,
  strings: readonly string[],
  file = "",
  sheet = "",
  reading: SheetReading = {},
): SheetValue[][] {
  const dateStyles = reading.dateStyles;
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const end = xml.indexOf("sheetData>", start + 10);
  const data = xml.slice(start, end < 0 ? undefined : end);
  const rows: SheetValue[][] = [];
  let width = 0;
  let rowNo = 0;
  for (const row of data.matchAll(ROW)) {
    const r = attr(row[1]!, "r");
    rowNo = r ? Number(r) : rowNo + 1;
    const cells: SheetValue[] = [];
    let col = -1;
    for (const cell of (row[2] ?? "").matchAll(CELL)) {
      const ref = attr(cell[1]!, "r");
      col = ref ? columnOf(ref) : col + 1;
      if (col < 0) continue;
      let value = cellValue(cell[1]!, cell[2], strings);
      if (reading.flags) {
        const flags = reading.flags;
        if (typeof value === "number") {
          if (flags.percentStyles.size && flags.percentStyles.has(Number(attr(cell[1]!, "s") ?? 0)))
            flags.out.percent.push(`${rowNo - 1}:${col}`);
        } else if (value === "" && cell[2] && /<(?:\w+:)?f\b/.test(cell[2]))
          flags.out.uncached.push(`${rowNo - 1}:${col}`);
      }
      if (dateStyles && typeof value === "number" && dateStyles.has(Number(attr(cell[1]!, "s") ?? 0)))
        value = serialText(value);
      while (cells.length < col) cells.push("");
      cells[col] = value;
      if (typeof value === "string" && value.length > 1000)
        checkCellLength(value, file, { file, sheet, cell: ref ?? "" });
    }
    if (cells.length) {
      width = Math.max(width, cells.length);
      while (rows.length < rowNo - 1) rows.push([]);
      rows[rowNo - 1] = cells;
      checkSheetSize(rows.length, width, file, sheet);
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    while (row.length < width) row.push("");
    rows[i] = row;
  }
  if (reading.blankMerged)
    for (const m of xml
      .slice(end < 0 ? xml.length : end)
      .matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      const [c1, r1, c2, r2] = [columnOf(m[1]!), Number(m[2]) - 1, columnOf(m[3]!), Number(m[4]) - 1];
      for (let r = r1; r <= r2 && r < rows.length; r++)
        for (let c = c1; c <= c2 && c < width; c++) if (r !== r1 || c !== c1) rows[r]![c] = "";
    }
  return rows;
}

// Excel's built-in date and time formats (ECMA-376 18.8.30), and a format code that shows a date:
// d, m or y outside quotes, brackets and escapes (elapsed-time codes such as [h]:mm are not dates).
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

// Excel's built-in percentage formats (0%, 0.00%), and a format code that shows a percentage: a %
// outside quotes, brackets and escapes.
const BUILTIN_PERCENT = new Set([9, 10]);
function isPercentFormat(code: string): boolean {
  return /%/.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, ""));
}

/** The cell styles (cellXfs indices) of a package whose number format shows a date. */
export async function dateStyles(zip: JSZip): Promise<Set<number>> {
  return stylesShowing(
    zip,
    (id, code) => BUILTIN_DATES.has(id) || (code !== undefined && isDateFormat(code)),
  );
}

/** The cell styles of a package whose number format shows a percentage. */
export async function percentStyles(zip: JSZip): Promise<Set<number>> {
  return stylesShowing(
    zip,
    (id, code) => BUILTIN_PERCENT.has(id) || (code !== undefined && isPercentFormat(code)),
  );
}

async function stylesShowing(
  zip: JSZip,
  shows: (numFmtId: number, code: string | undefined) => boolean,
): Promise<Set<number>> {
  const xml = await partText(zip, "xl/styles.xml");
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g))
    custom.set(Number(attr(m[0], "numFmtId")), xmlText(attr(m[0], "formatCode") ?? ""));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].forEach((m, i) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    if (shows(id, custom.get(id))) out.add(i);
  });
  return out;
}

export class XlsxValues implements SheetSource {
  private strings: Promise<string[]> | null = null;
  private readonly texts = new Map<string, string>();
  private dates: Promise<Set<number>> | null = null;
  private percents: Promise<Set<number>> | null = null;

  private constructor(
    readonly zip: JSZip,
    readonly file: string,
    public sheets: PackageSheet[],
    /** When the file was last saved (docProps/core.xml), ISO, or null. */
    readonly modified: string | null,
  ) {}

  /**
   * Opens the bytes of an .xlsx, within the input limits (size, entries, inflated size); a file that
   * is not one (.xls, .xlsm, password-protected, not a zip, damaged) is refused by name.
   */
  static async fromBytes(bytes: Uint8Array, file: string): Promise<XlsxValues> {
    checkFileSize(bytes, file);
    const problem = xlsxBytesProblem(file, bytes.subarray(0, 8));
    if (problem) throw refuse(problem, { file }, { file });
    const zip = await checkZip(bytes, file);
    const sheets = await packageSheets(zip, file);
    const core = await partText(zip, "docProps/core.xml");
    const modified = core ? (/<dcterms:modified\b[^>]*>([^<]*)</.exec(core)?.[1] ?? null) : null;
    return new XlsxValues(zip, file, sheets, modified && !isNaN(Date.parse(modified)) ? modified : null);
  }

  /** Reads the list of sheets again, after parts were added to the package. */
  async reload(): Promise<void> {
    this.texts.clear();
    this.sheets = await packageSheets(this.zip, this.file);
  }

  async readSheet(name: string): Promise<SheetValue[][] | null> {
    return this.read(name, false);
  }

  /**
   * A sheet as a clerk sees it, for reading a plan table: dates as "dd/mm/yyyy" text, the covered
   * cells of a merged area blank.
   */
  async readShownSheet(name: string): Promise<SheetValue[][] | null> {
    return this.read(name, true);
  }

  /** A sheet's values and what they do not say (percentages, formulas without a value), in one pass. */
  async readCells(name: string): Promise<SheetCells | null> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet || !this.zip.file(sheet.path)) return null;
    this.percents ??= percentStyles(this.zip);
    const [xml, strings, percent] = await Promise.all([
      this.sheetXml(sheet.path) as Promise<string>,
      this.sharedStrings(),
      this.percents,
    ]);
    const flags: CellFlags = { percent: [], uncached: [] };
    const values = sheetValues(xml, strings, this.file, name, {
      flags: { percentStyles: percent, out: flags },
    });
    return { values, flags };
  }

  /** The package's shared strings, read once. */
  sharedStrings(): Promise<string[]> {
    this.strings ??= sharedStrings(this.zip);
    return this.strings;
  }

  /**
   * The text of a sheet's part, kept once read: the merge reads the master's task sheet, then
   * patches the same text (14 MB for 15,000 tasks; inflating and decoding it again took 0.3 s).
   */
  async sheetXml(path: string): Promise<string | undefined> {
    const kept = this.texts.get(path);
    if (kept !== undefined) return kept;
    const text = await partText(this.zip, path);
    if (text !== undefined) this.texts.set(path, text);
    return text;
  }

  /** Sets a sheet's part to this text (and keeps it). */
  setSheetXml(path: string, text: string): void {
    setPartText(this.zip, path, text);
    this.texts.set(path, text);
  }

  private async read(name: string, shown: boolean): Promise<SheetValue[][] | null> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet || !this.zip.file(sheet.path)) return null;
    if (shown) this.dates ??= dateStyles(this.zip);
    const [xml, strings, dates] = await Promise.all([
      this.sheetXml(sheet.path) as Promise<string>,
      this.sharedStrings(),
      shown ? this.dates : null,
    ]);
    return sheetValues(xml, strings, this.file, name, dates ? { dateStyles: dates, blankMerged: true } : {});
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }
}
