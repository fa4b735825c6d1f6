/**
 * The Office.js adapter: the only code in the product that calls Excel.run.
 *
 * Sync discipline: one sync to learn the existing sheets, then one sync per request batch, then one
 * to recalculate. A batch holds as many row blocks as fit the payload budget (Excel on the web
 * refuses requests over 5 MB), so the number of syncs depends on the payload size, never on the row
 * count as such. Everything is prepared (and so checked) before the first write; all new sheets are
 * created in the first request, before any formula that refers to them is written. A sheet that
 * exists is written in place (never deleted and recreated): its position, the clerk's formatting
 * and comments, and formulas on other sheets that point at it stay.
 */
import { isoToSerial } from "../core/excel-dates";
import { asLiteralForValues } from "../core/sheets/literal-text";
import { CancelledError } from "../core/workflows/cancelled";
import { PAGE_MARGINS_POINTS, PAGE_NUMBER_TEXT, POINTS_PER_CHARACTER } from "../core/sheets/print-setup";
import type { SheetValue } from "../core/sheets/read-sheet";
import {
  NUMBER_FORMATS,
  blockAddress,
  cellKind,
  cellRuleAddress,
  columnDataAddress,
  highlightFormula,
  isFormulaCell,
  type ScalarCell,
  type SheetCell,
  type SheetSpec,
  type ValidationRule,
} from "../core/sheets/sheet-spec";
import { DEFAULT_CHUNK_BUDGET_BYTES, splitRowsByPayload } from "../core/sheets/request-chunks";
import { headerHeight } from "../core/sheets/row-heights";
import type { DocumentSheet } from "../core/sheets/document-spec";
import { queueDocument } from "./document-renderer";
import { uniqueSheetName } from "../core/sheets/sheet-names";
import type {
  SelectionSnapshot,
  WorkbookPort,
  WriteOptions,
  WriteResult,
  WrittenSheet,
} from "./workbook-port";

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const HEADER_FILL = "#DDEBF7";

export { CancelledError } from "../core/workflows/cancelled";

interface PreparedSheet {
  spec: SheetSpec;
  name: string;
  /** True when the sheet exists and is written in place. */
  existing: boolean;
  values: ScalarCell[][];
  formats: string[];
  /** Column index -> formulas of that column (null where the cell is a plain value). */
  formulaColumns: Map<number, (string | null)[]>;
  /** Formula columns that are one formula filled down: sent once, filled by Excel (copyFrom). */
  filledColumns: Set<number>;
  /** Rows as sent (values and formulas), for the payload estimate. */
  payload: unknown[][];
}

/** A cell read range at a time under Excel on the web's 5 MB response limit (~100 bytes a cell). */
export const READ_CELLS_PER_REQUEST = 40_000;
/** Rows of a document sheet per request (each row is a few formatting commands). */
export const DOCUMENT_ROWS_PER_REQUEST = 800;

export class SelectionError extends Error {
  readonly code = "InvalidSelection";
  constructor() {
    super("Chọn một vùng liền nhau (không chọn nhiều vùng cùng lúc). / Select one contiguous range.");
    this.name = "SelectionError";
  }
}

interface Job {
  sheet: PreparedSheet;
  first: boolean;
  start: number;
  count: number;
  bytes: number;
}

function defaultRunner(): ExcelRunner {
  return (batch) => Excel.run(batch);
}

function toWritable(cell: ScalarCell, kind: string): ScalarCell {
  if (cell === null) return "";
  if (kind === "date" && typeof cell === "string") return isoToSerial(cell) ?? asLiteralForValues(cell);
  if (typeof cell === "string") return asLiteralForValues(cell);
  return cell;
}

/** A column of formulas keeps the General format: a Text-formatted cell keeps a formula as text. */
function formatOf(kind: SheetSpec["columns"][number]["kind"], hasFormulas: boolean): string {
  const f = NUMBER_FORMATS[kind];
  return hasFormulas && f === "@" ? NUMBER_FORMATS.formula : f;
}

function prepare(spec: SheetSpec, name: string, existing: boolean): PreparedSheet {
  const formulaColumns = new Map<number, (string | null)[]>();
  const values = spec.rows.map((row, r) =>
    spec.columns.map((col, c) => {
      const cell: SheetCell = row[c] ?? null;
      if (isFormulaCell(cell)) {
        let column = formulaColumns.get(c);
        if (!column) {
          column = Array<string | null>(spec.rows.length).fill(null);
          formulaColumns.set(c, column);
        }
        column[r] = cell.formula;
        // The formula is written over it: no need to send the cached value.
        return "";
      }
      return toWritable(cell, cellKind(spec, r, c));
    }),
  );
  const formats = spec.columns.map((c, i) => formatOf(c.kind, formulaColumns.has(i)));
  const filledColumns = new Set(
    [...formulaColumns]
      .filter(([c, f]) => spec.columns[c]!.filledDown && f.length > 1 && f.every((x) => x !== null))
      .map(([c]) => c),
  );
  const sent = [...formulaColumns].filter(([c]) => !filledColumns.has(c)).map(([, f]) => f);
  const payload = values.map((row, r) => [...row, ...sent.map((f) => f[r] ?? null)]);
  return { spec, name, existing, values, formats, formulaColumns, filledColumns, payload };
}

/** Groups row blocks of all sheets into request batches under the payload budget. */
function planBatches(sheets: PreparedSheet[], budget: number): Job[][] {
  const batches: Job[][] = [[]];
  let used = 0;
  for (const sheet of sheets) {
    const blocks = splitRowsByPayload(sheet.payload, sheet.formats, budget);
    if (blocks.length === 0) blocks.push({ start: 0, count: 0, bytes: 0 });
    blocks.forEach((block, i) => {
      if (used > 0 && used + block.bytes > budget) {
        batches.push([]);
        used = 0;
      }
      batches[batches.length - 1]!.push({ sheet, first: i === 0, ...block });
      used += block.bytes;
    });
  }
  return batches;
}

function queueSheetSetup(context: Excel.RequestContext, sheet: PreparedSheet): Excel.Worksheet {
  const { spec } = sheet;
  const ws = sheet.existing
    ? context.workbook.worksheets.getItem(sheet.name)
    : context.workbook.worksheets.add(sheet.name);
  const width = spec.columns.length;
  const rows = Math.max(spec.rows.length, 1) + 1;
  const header = ws.getRangeByIndexes(0, 0, 1, width);
  header.numberFormat = [spec.columns.map(() => "@")];
  header.values = [spec.columns.map((c) => asLiteralForValues(c.header))];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.rowHeight = headerHeight(spec);
  spec.columns.forEach((col, c) => {
    const column = ws.getRangeByIndexes(0, c, rows, 1);
    column.format.columnWidth = Math.round(col.width * POINTS_PER_CHARACTER);
    if (col.wrap) column.format.wrapText = true;
    if (col.hidden) column.columnHidden = true;
  });
  if (spec.freezeHeader) ws.freezePanes.freezeRows(1);
  const layout = ws.pageLayout;
  layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (spec.print.repeatHeader) layout.setPrintTitleRows("$1:$1");
  layout.setPrintArea(blockAddress(0, 0, rows, spec.print.columns ?? width));
  layout.leftMargin = PAGE_MARGINS_POINTS.left;
  layout.rightMargin = PAGE_MARGINS_POINTS.right;
  layout.topMargin = PAGE_MARGINS_POINTS.top;
  layout.bottomMargin = PAGE_MARGINS_POINTS.bottom;
  layout.headerMargin = PAGE_MARGINS_POINTS.header;
  layout.footerMargin = PAGE_MARGINS_POINTS.footer;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.headersFooters.defaultForAllPages.centerFooter = PAGE_NUMBER_TEXT;
  return ws;
}

/**
 * Formula columns that are one formula filled down: the first row's formula, copied down by Excel
 * (relative references move as with copy and paste). Queued after every block of values.
 */
function queueFilledFormulas(ws: Excel.Worksheet, sheet: PreparedSheet): void {
  const rows = sheet.spec.rows.length;
  for (const c of sheet.filledColumns) {
    const first = ws.getRangeByIndexes(1, c, 1, 1);
    first.formulas = [[sheet.formulaColumns.get(c)![0]!]];
    ws.getRangeByIndexes(2, c, rows - 1, 1).copyFrom(first, "Formulas");
  }
}

/** Consecutive rows of the same height set in one range each. */
function queueRowHeights(ws: Excel.Worksheet, spec: SheetSpec): void {
  const heights = spec.rowHeights ?? [];
  let start = 0;
  for (let i = 1; i <= heights.length; i++) {
    if (i < heights.length && heights[i] === heights[start]) continue;
    const h = heights[start];
    if (h) ws.getRangeByIndexes(1 + start, 0, i - start, 1).format.rowHeight = h;
    start = i;
  }
}

function queueBlock(ws: Excel.Worksheet, job: Job): void {
  const { sheet, start, count } = job;
  if (count === 0) return;
  const width = sheet.spec.columns.length;
  const block = ws.getRangeByIndexes(1 + start, 0, count, width);
  block.numberFormat = Array.from({ length: count }, () => sheet.formats);
  block.values = sheet.values.slice(start, start + count);
  for (const [c, formulas] of sheet.formulaColumns) {
    if (sheet.filledColumns.has(c)) continue;
    const slice = formulas.slice(start, start + count);
    if (slice.every((f) => f === null)) continue;
    const column = ws.getRangeByIndexes(1 + start, c, count, 1);
    column.formulas = slice.map((f, i) => [f ?? sheet.values[start + i]![c] ?? ""]);
  }
}

/** Data validation and row highlights, queued with the sheet's last request. */
function queueRules(ws: Excel.Worksheet, sheet: PreparedSheet): void {
  const { spec } = sheet;
  const validate = (range: Excel.Range, rule: ValidationRule, message: string) => {
    range.dataValidation.clear();
    range.dataValidation.rule =
      rule.kind === "whole"
        ? { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } }
        : rule.kind === "decimal"
          ? { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } }
          : rule.kind === "date"
            ? { date: { formula1: "1900-01-01", operator: "GreaterThan" } }
            : { list: { inCellDropDown: true, source: rule.values.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "Giá trị không hợp lệ",
      message,
    };
  };
  for (const v of spec.validations ?? []) {
    const address = columnDataAddress(spec, v.column);
    if (address) validate(ws.getRange(address), v.rule, v.message);
  }
  // Cells whose format or rule is their own (a date in a column of settings).
  for (const cell of spec.cells ?? []) {
    const address = cellRuleAddress(spec, cell);
    if (!address) continue;
    const range = ws.getRange(address);
    if (cell.kind) range.numberFormat = [[NUMBER_FORMATS[cell.kind]]];
    if (cell.validation) validate(range, cell.validation.rule, cell.validation.message);
  }
  const data = ws.getRange(blockAddress(1, 0, Math.max(spec.rows.length, 1), spec.columns.length));
  data.conditionalFormats.clearAll();
  // Excel puts each new rule on top: added last to first, the spec's first rule ends with the top
  // priority, as in the .xlsx writer.
  for (const h of [...(spec.highlights ?? [])].reverse()) {
    const formula = highlightFormula(spec, h);
    if (!formula) continue;
    const cf = data.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = h.fill;
  }
}

/** A filter on the header row, as the .xlsx writer sets it (no Excel table: both render the same). */
function queueFilter(ws: Excel.Worksheet, sheet: PreparedSheet, tables: Excel.Table[]): void {
  const { spec } = sheet;
  if (!spec.tableName) return;
  // A sheet written by an earlier version holds a table: made a plain range, its filter replaced.
  for (const t of tables) t.convertToRange();
  ws.autoFilter.apply(blockAddress(0, 0, Math.max(spec.rows.length, 1) + 1, spec.columns.length));
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRunner = defaultRunner(),
    private readonly budgetBytes = DEFAULT_CHUNK_BUDGET_BYTES,
    private readonly readCellsPerRequest = READ_CELLS_PER_REQUEST,
  ) {}

  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    const { onProgress, signal } = options;
    return this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name,items/tables/items/name");
      await context.sync();
      let syncs = 1;

      const existing = new Map(collection.items.map((s) => [s.name.toLocaleLowerCase("vi"), s]));
      const taken = collection.items.map((s) => s.name);
      // Everything is prepared before the first write: a spec that cannot be written fails here.
      const prepared = specs.map((spec) => {
        const old = options.replaceSheets ? existing.get(spec.name.toLocaleLowerCase("vi")) : undefined;
        if (old) return prepare(spec, old.name, true);
        const name = uniqueSheetName(spec.name, taken);
        taken.push(name);
        return prepare(spec, name, false);
      });
      const batches = planBatches(prepared, this.budgetBytes);
      const worksheets = new Map<PreparedSheet, Excel.Worksheet>();

      // One request per batch: the count grows with the payload (over ~4 MB), not with the rows.
      for (const [index, batch] of batches.entries()) {
        if (signal?.aborted && index === 0) throw new CancelledError();
        // Cancelled part way: new sheets are taken out again (one request), so that no half-written
        // sheet stays; a sheet being rewritten in place is finished, since half of it would mix the
        // old rows with the new.
        if (signal?.aborted && prepared.every((p) => !p.existing)) {
          for (const ws of worksheets.values()) ws.delete();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once, then the loop ends
          await context.sync();
          throw new CancelledError();
        }
        context.workbook.application.suspendApiCalculationUntilNextSync();
        // Every sheet exists before the first formula that refers to one of them.
        if (index === 0) for (const sheet of prepared) worksheets.set(sheet, queueSheetSetup(context, sheet));
        for (const job of batch) queueBlock(worksheets.get(job.sheet)!, job);
        if (index === batches.length - 1)
          for (const [sheet, ws] of worksheets) {
            const tables = sheet.existing
              ? (existing.get(sheet.name.toLocaleLowerCase("vi"))?.tables.items ?? [])
              : [];
            queueFilledFormulas(ws, sheet);
            queueFilter(ws, sheet, tables);
            queueRules(ws, sheet);
            queueRowHeights(ws, sheet.spec);
          }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤4 MB request, see above
        await context.sync();
        syncs++;
        onProgress?.({ done: index + 1, total: batches.length });
      }
      // Calculation was suspended while writing: recalculate what was written.
      context.workbook.application.calculate("Recalculate");
      await context.sync();
      syncs++;

      const sheets: WrittenSheet[] = prepared.map((p) => ({
        requested: p.spec.name,
        name: p.name,
        rows: p.spec.rows.length,
      }));
      return { sheets, syncs };
    });
  }

  /**
   * The used range of a sheet, header first. Read in row blocks of at most READ_CELLS_PER_REQUEST
   * cells, since Excel on the web refuses responses over 5 MB.
   */
  async readSheet(name: string): Promise<SheetValue[][] | null> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const sheet = sheets.items.find((s) => s.name === name);
      if (!sheet) return null;
      const used = sheet.getUsedRange();
      used.load("rowCount,columnCount,rowIndex,columnIndex");
      await context.sync();
      const rowsPerRead = Math.max(1, Math.floor(this.readCellsPerRequest / Math.max(1, used.columnCount)));
      const out: SheetValue[][] = [];
      for (let start = 0; start < used.rowCount; start += rowsPerRead) {
        const count = Math.min(rowsPerRead, used.rowCount - start);
        const block = sheet.getRangeByIndexes(
          used.rowIndex + start,
          used.columnIndex,
          count,
          used.columnCount,
        );
        block.load("values");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤5 MB response
        await context.sync();
        out.push(...(block.values as SheetValue[][]));
      }
      // The used range may start below or right of A1: pad so that row 0 is the header row.
      const pad = Array.from({ length: used.rowIndex }, () => [] as SheetValue[]);
      return [...pad, ...out.map((r) => [...Array<SheetValue>(used.columnIndex).fill(""), ...r])];
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /**
   * Adds document sheets (a report and its appendices) under names not taken yet: one sync to read
   * the names, then one per block of DOCUMENT_ROWS_PER_REQUEST rows, calculation suspended.
   */
  async writeDocuments(docs: readonly DocumentSheet[]): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const taken = sheets.items.map((s) => s.name);
      const names = docs.map((d) => {
        const name = uniqueSheetName(d.name, taken);
        taken.push(name);
        return name;
      });
      const jobs = docs.flatMap((d, i) =>
        Array.from({ length: Math.max(1, Math.ceil(d.rows.length / DOCUMENT_ROWS_PER_REQUEST)) }, (_, k) => ({
          doc: d,
          name: names[i]!,
          from: k * DOCUMENT_ROWS_PER_REQUEST,
          to: Math.min(d.rows.length, (k + 1) * DOCUMENT_ROWS_PER_REQUEST),
        })),
      );
      const worksheets = new Map<string, Excel.Worksheet>();
      for (const job of jobs) {
        context.workbook.application.suspendApiCalculationUntilNextSync();
        let ws = worksheets.get(job.name);
        if (!ws) {
          ws = sheets.add(job.name);
          worksheets.set(job.name, ws);
        }
        queueDocument(ws, job.doc, job.from, job.to);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of rows
        await context.sync();
      }
      return names;
    });
  }

  async writeDate(sheet: string, address: string, iso: string): Promise<void> {
    const serial = isoToSerial(iso);
    if (serial === null) throw new Error(`invalid date ${iso}`);
    await this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.numberFormat = [[NUMBER_FORMATS.date]];
      range.values = [[serial]];
      await context.sync();
    });
  }

  async selectRow(sheet: string, row: number, columns: number): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row + 1, 0, 1, Math.max(1, columns)).select();
      await context.sync();
    });
  }

  /** The selected range; a selection of several areas is refused with a message (Excel throws). */
  async readSelection(): Promise<SelectionSnapshot> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values");
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: string }).code === "InvalidSelection") throw new SelectionError();
        throw error;
      }
      const address = range.address;
      const bang = address.lastIndexOf("!");
      const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : "";
      return { sheet, address, values: range.values as (string | number | boolean)[][] };
    });
  }
}
