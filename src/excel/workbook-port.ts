import type { SheetSpec } from "../core/sheets/sheet-spec";

export interface WriteProgress {
  /** Requests sent so far and in all. */
  done: number;
  total: number;
}

export interface WriteOptions {
  onProgress?: (progress: WriteProgress) => void;
  signal?: AbortSignal;
  /**
   * Replace sheets of the same name (same position) instead of adding "Name (2)": only for sheets the
   * caller has merged with what they held (see core/sheets/update-tasks).
   */
  replaceSheets?: boolean;
}

export interface WrittenSheet {
  requested: string;
  /** The name used: a suffix " (2)" is added when the name is taken (unless replaceSheets). */
  name: string;
  rows: number;
}

export interface WriteResult {
  sheets: WrittenSheet[];
  /** context.sync() calls the write took. */
  syncs: number;
}

export interface SelectionSnapshot {
  sheet: string;
  address: string;
  values: (string | number | boolean)[][];
}

/** What the task pane needs from the open workbook. Implemented with Office.js in office-workbook.ts. */
export interface WorkbookPort {
  writeSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<WriteResult>;
  readSelection(): Promise<SelectionSnapshot>;
  /** The used range of a sheet (header first), or null when the sheet does not exist. */
  readSheet(name: string): Promise<(string | number | boolean)[][] | null>;
  /** Writes a date (as a serial number) into one cell of a sheet. */
  writeDate(sheet: string, address: string, iso: string): Promise<void>;
  /** Selects one data row of a sheet (0-based below the header) and shows it. */
  selectRow(sheet: string, row: number, columns: number): Promise<void>;
}
