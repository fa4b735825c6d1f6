/**
 * One declarative description of a worksheet. Both renderers consume it: the Office.js adapter
 * (src/excel) and the exceljs writer (src/xlsx). Nothing here knows about either.
 */
/**
 * "formula": a column of formulas that return text or numbers; it keeps Excel's General format,
 * since a Text-formatted ("@") cell keeps a formula written into it as literal text.
 */
/**
 * "general": a number shown as typed (Excel's General format): the progress column, where a clerk
 * typing "80%" gets 0.8 shown as 80% and the merge reads what is shown.
 */
export type ColumnKind = "text" | "number" | "integer" | "general" | "percent" | "date" | "formula";

export interface ColumnSpec {
  /** Stable key used by code; never shown. */
  key: string;
  /** Header text shown in row 1. */
  header: string;
  kind: ColumnKind;
  /** Width in Excel character units. */
  width: number;
  wrap?: boolean;
  /** Helper columns the formulas read: hidden, never printed. */
  hidden?: boolean;
  /**
   * Every data row holds the first row's formula filled down (relative rows moved): writers send it
   * once (an .xlsx shared formula, Office.js copyFrom) instead of thousands of copies.
   */
  filledDown?: boolean;
}

export type ScalarCell = string | number | boolean | null;

/** A formula with the value it evaluates to, so files show correct values without the add-in. */
export interface FormulaCell {
  formula: string;
  cached: ScalarCell;
}

/** Date columns hold ISO dates ("2025-12-31"); renderers write them as serial numbers. */
export type SheetCell = ScalarCell | FormulaCell;

/** What a clerk may type in a column (Excel data validation), with the message shown otherwise. */
export type ValidationRule =
  | { kind: "whole"; min: number; max: number }
  | { kind: "decimal"; min: number; max: number }
  | { kind: "date" }
  | { kind: "list"; values: string[] };

export interface ColumnValidation {
  column: string;
  rule: ValidationRule;
  message: string;
}

/**
 * One cell whose format or rule differs from its column's: a settings sheet holds a date, whole
 * numbers and texts in one column of values.
 */
export interface CellRule {
  /** 0-based data row (0 = sheet row 2). */
  row: number;
  /** Column key. */
  column: string;
  kind?: ColumnKind;
  validation?: { rule: ValidationRule; message: string };
}

/** Rows coloured by the text of one column (conditional format over the data rows). */
export interface RowHighlight {
  column: string;
  equals: string;
  /** Fill colour, "#RRGGBB". */
  fill: string;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: SheetCell[][];
  validations?: ColumnValidation[];
  cells?: CellRule[];
  highlights?: RowHighlight[];
  /** Excel table name (letters, digits, underscore); the data is written as a table when set. */
  tableName?: string;
  freezeHeader: boolean;
  print: {
    orientation: "portrait" | "landscape";
    repeatHeader: boolean;
    /** The print area is the first N columns (all when absent). */
    columns?: number;
  };
  /** Row heights in points, data rows only (index 0 = sheet row 2); absent rows keep the default. */
  rowHeights?: (number | null)[];
  /** "veryHidden": a sheet only a program can show (the unit workbooks' metadata). */
  state?: "visible" | "veryHidden";
  /**
   * Sheet protection against slips (no password): every cell locked but those of these columns
   * (by key) in the data rows.
   */
  protection?: { unlocked: string[] };
}

export function isFormulaCell(cell: SheetCell): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/**
 * The columns written as one formula filled down (an .xlsx shared formula): marked filledDown, with
 * more than one row and a formula in every row.
 */
export function filledDownColumns(spec: SheetSpec): number[] {
  if (spec.rows.length < 2) return [];
  return spec.columns
    .map((c, k) => (c.filledDown && spec.rows.every((r) => isFormulaCell(r[k] ?? null)) ? k : -1))
    .filter((k) => k >= 0);
}

/**
 * The spec without the copies of a filled-down formula: the rows after the first keep their cached
 * value and an empty formula, since writers fill the first row's formula down. For sending a spec
 * to another thread (a split's 150 workbooks carry some 150 MB of such copies); a writer renders
 * it as it renders the spec.
 */
export function withoutFilledDownCopies(spec: SheetSpec): SheetSpec {
  const columns = filledDownColumns(spec);
  if (!columns.length) return spec;
  return {
    ...spec,
    rows: spec.rows.map((row, r) => {
      if (r === 0) return row;
      const next = [...row];
      for (const k of columns) next[k] = { formula: "", cached: (row[k] as FormulaCell).cached };
      return next;
    }),
  };
}

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  number: "#,##0.##",
  integer: "0",
  general: "General",
  percent: "0%",
  date: "dd/mm/yyyy",
  formula: "General",
};

/** Column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a block: top-left at (row, col), 0-based. */
export function blockAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const first = `${columnLetter(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetter(col + colCount - 1)}${row + rowCount}`;
}

/** The data rows' range of a column (below the header), at least one row. */
export function columnDataAddress(spec: SheetSpec, key: string): string | null {
  const c = spec.columns.findIndex((col) => col.key === key);
  if (c < 0) return null;
  return blockAddress(1, c, Math.max(spec.rows.length, 1), 1);
}

/** The kind of one cell: its own when a cell rule gives one, else its column's. */
export function cellKind(spec: SheetSpec, row: number, column: number): ColumnKind {
  if (!spec.cells) return spec.columns[column]!.kind;
  const key = spec.columns[column]!.key;
  const rule = spec.cells.find((c) => c.row === row && c.column === key && c.kind);
  return rule?.kind ?? spec.columns[column]!.kind;
}

/** The A1 address of a cell rule's cell, null when its column is not in the spec. */
export function cellRuleAddress(spec: SheetSpec, rule: CellRule): string | null {
  const c = spec.columns.findIndex((col) => col.key === rule.column);
  return c < 0 ? null : `${columnLetter(c)}${rule.row + 2}`;
}

/** The formula of a row highlight, written for the first data row (Excel shifts it down). */
export function highlightFormula(spec: SheetSpec, h: RowHighlight): string | null {
  const c = spec.columns.findIndex((col) => col.key === h.column);
  if (c < 0) return null;
  return `=$${columnLetter(c)}2="${h.equals.replace(/"/g, '""')}"`;
}
