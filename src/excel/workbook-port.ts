import type { SheetPort } from "../core/workflows/workbook-port";

export type { WriteOptions, WriteProgress, WriteResult, WrittenSheet } from "../core/workflows/workbook-port";

export interface SelectionSnapshot {
  sheet: string;
  address: string;
  values: (string | number | boolean)[][];
}

/** What the task pane needs from the open workbook. Implemented with Office.js in office-workbook.ts. */
export interface WorkbookPort extends SheetPort {
  /**
   * Where the workbook lives: open in Excel (a selection to read, rows to show), or a file held by
   * the web app (neither). Unset: Excel.
   */
  readonly host?: "excel" | "file";
  readSelection(): Promise<SelectionSnapshot>;
  /** Writes a date (as a serial number) into one cell of a sheet. */
  writeDate(sheet: string, address: string, iso: string): Promise<void>;
  /** Selects one data row of a sheet (0-based below the header) and shows it. */
  selectRow(sheet: string, row: number, columns: number): Promise<void>;
}
