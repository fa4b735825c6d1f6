/**
 * The Office.js adapter: the only code in the product that calls Excel.run.
 *
 * Sync discipline: one sync to learn the existing sheet names, then one sync per request batch.
 * A batch holds as many row blocks as fit the payload budget (Excel on the web refuses requests over
 * 5 MB), so the number of syncs depends on the payload size, never on the row count as such: every
 * workbook under ~4 MB of data is written in exactly two syncs.
 */
import { isoToSerial } from "../core/excel-dates";
import { asLiteralForValues } from "../core/sheets/literal-text";
import {
  NUMBER_FORMATS,
  blockAddress,
  columnDataAddress,
  highlightFormula,
  isFormulaCell,
  type ScalarCell,
  type SheetCell,
  type SheetSpec,
} from "../core/sheets/sheet-spec";
import { DEFAULT_CHUNK_BUDGET_BYTES, splitRowsByPayload } from "../core/sheets/request-chunks";
import { uniqueSheetName } from "../core/sheets/sheet-names";
import type {
  SelectionSnapshot,
  WorkbookPort,
  WriteOptions,
  WriteResult,
  WrittenSheet,
} from "./workbook-port";

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel column width is set in points; sheet specs give widths in characters of the default font. */
const POINTS_PER_CHARACTER = 5.6;
const HEADER_FILL = "#DDEBF7";

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

interface PreparedSheet {
  spec: SheetSpec;
  name: string;
  values: ScalarCell[][];
  formats: string[];
  /** Column index -> formulas of that column (null where the cell is a plain value). */
  formulaColumns: Map<number, (string | null)[]>;
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

function prepare(spec: SheetSpec, name: string): PreparedSheet {
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
        return toWritable(cell.cached, col.kind);
      }
      return toWritable(cell, col.kind);
    }),
  );
  return { spec, name, values, formats: spec.columns.map((c) => NUMBER_FORMATS[c.kind]), formulaColumns };
}

/** Groups row blocks of all sheets into request batches under the payload budget. */
function planBatches(sheets: PreparedSheet[], budget: number): Job[][] {
  const batches: Job[][] = [[]];
  let used = 0;
  for (const sheet of sheets) {
    const blocks = splitRowsByPayload(sheet.values, sheet.formats, budget);
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
  const ws = context.workbook.worksheets.add(sheet.name);
  const width = spec.columns.length;
  const header = ws.getRangeByIndexes(0, 0, 1, width);
  header.numberFormat = [spec.columns.map(() => "@")];
  header.values = [spec.columns.map((c) => asLiteralForValues(c.header))];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  spec.columns.forEach((col, c) => {
    const column = ws.getRangeByIndexes(0, c, Math.max(spec.rows.length, 1) + 1, 1);
    column.format.columnWidth = Math.round(col.width * POINTS_PER_CHARACTER);
    if (col.wrap) column.format.wrapText = true;
  });
  if (spec.freezeHeader) ws.freezePanes.freezeRows(1);
  ws.pageLayout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
  ws.pageLayout.paperSize = "A4";
  if (spec.print.repeatHeader) ws.pageLayout.setPrintTitleRows("$1:$1");
  return ws;
}

function queueBlock(ws: Excel.Worksheet, job: Job): void {
  const { sheet, start, count } = job;
  if (count === 0) return;
  const width = sheet.spec.columns.length;
  const block = ws.getRangeByIndexes(1 + start, 0, count, width);
  block.numberFormat = Array.from({ length: count }, () => sheet.formats);
  block.values = sheet.values.slice(start, start + count);
  for (const [c, formulas] of sheet.formulaColumns) {
    const slice = formulas.slice(start, start + count);
    if (slice.every((f) => f === null)) continue;
    const column = ws.getRangeByIndexes(1 + start, c, count, 1);
    column.formulas = slice.map((f, i) => [f ?? sheet.values[start + i]![c] ?? ""]);
  }
}

/** Data validation and row highlights, queued with the sheet's last request. */
function queueRules(ws: Excel.Worksheet, sheet: PreparedSheet): void {
  const { spec } = sheet;
  for (const v of spec.validations ?? []) {
    const address = columnDataAddress(spec, v.column);
    if (!address) continue;
    const range = ws.getRange(address);
    range.dataValidation.rule =
      v.rule.kind === "whole"
        ? { wholeNumber: { formula1: v.rule.min, formula2: v.rule.max, operator: "Between" } }
        : v.rule.kind === "date"
          ? { date: { formula1: "1900-01-01", operator: "GreaterThan" } }
          : { list: { inCellDropDown: true, source: v.rule.values.join(",") } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: "Giá trị không hợp lệ",
      message: v.message,
    };
  }
  const data = ws.getRange(blockAddress(1, 0, Math.max(spec.rows.length, 1), spec.columns.length));
  for (const h of spec.highlights ?? []) {
    const formula = highlightFormula(spec, h);
    if (!formula) continue;
    const cf = data.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = h.fill;
  }
}

function queueTable(ws: Excel.Worksheet, sheet: PreparedSheet): void {
  const { spec } = sheet;
  if (!spec.tableName) return;
  const address = blockAddress(0, 0, Math.max(spec.rows.length, 1) + 1, spec.columns.length);
  const table = ws.tables.add(address, true);
  table.name = spec.tableName;
  table.style = "TableStyleLight9";
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRunner = defaultRunner(),
    private readonly budgetBytes = DEFAULT_CHUNK_BUDGET_BYTES,
  ) {}

  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    const { onProgress, signal } = options;
    return this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name,items/position");
      await context.sync();
      let syncs = 1;

      const existing = new Map(collection.items.map((s) => [s.name.toLocaleLowerCase("vi"), s]));
      const replaced = new Map<string, Excel.Worksheet>();
      const taken = collection.items.map((s) => s.name);
      const prepared = specs.map((spec) => {
        const old = options.replaceSheets ? existing.get(spec.name.toLocaleLowerCase("vi")) : undefined;
        if (old) {
          replaced.set(old.name, old);
          return prepare(spec, old.name);
        }
        const name = uniqueSheetName(spec.name, taken);
        taken.push(name);
        return prepare(spec, name);
      });
      const batches = planBatches(prepared, this.budgetBytes);
      const worksheets = new Map<PreparedSheet, Excel.Worksheet>();

      // One request per batch: the count grows with the payload (over ~4 MB), not with the rows.
      for (const [index, batch] of batches.entries()) {
        if (signal?.aborted) throw new CancelledError();
        context.workbook.application.suspendApiCalculationUntilNextSync();
        if (index === 0) for (const old of replaced.values()) old.delete();
        for (const job of batch) {
          if (job.first) {
            const ws = queueSheetSetup(context, job.sheet);
            const old = replaced.get(job.sheet.name);
            if (old) ws.position = old.position;
            worksheets.set(job.sheet, ws);
          }
          queueBlock(worksheets.get(job.sheet)!, job);
        }
        if (index === batches.length - 1)
          for (const [sheet, ws] of worksheets) {
            queueTable(ws, sheet);
            queueRules(ws, sheet);
          }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤4 MB request, see above
        await context.sync();
        syncs++;
        onProgress?.({ done: index + 1, total: batches.length });
      }

      const sheets: WrittenSheet[] = prepared.map((p) => ({
        requested: p.spec.name,
        name: p.name,
        rows: p.spec.rows.length,
      }));
      return { sheets, syncs };
    });
  }

  async readSheet(name: string): Promise<(string | number | boolean)[][] | null> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const sheet = sheets.items.find((s) => s.name === name);
      if (!sheet) return null;
      const used = sheet.getUsedRange();
      used.load("values");
      await context.sync();
      return used.values as (string | number | boolean)[][];
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

  async readSelection(): Promise<SelectionSnapshot> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values");
      await context.sync();
      const address = range.address;
      const bang = address.lastIndexOf("!");
      const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : "";
      return { sheet, address, values: range.values as (string | number | boolean)[][] };
    });
  }
}
