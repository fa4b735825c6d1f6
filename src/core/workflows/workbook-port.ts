/**
 * The small port the workflows use to reach a workbook. Two implementations: Office.js in the pane
 * (src/excel/office-workbook.ts, the only code that calls Excel.run) and exceljs headless
 * (src/xlsx/xlsx-workbook.ts) for the CLI. Values come back the way Excel returns them: header row
 * first, dates as serial numbers, blanks as "".
 */
import type { SheetValue } from "../sheets/read-sheet";
import type { SheetSpec } from "../sheets/sheet-spec";
import type { DocumentSheet } from "../sheets/document-spec";

export interface WriteProgress {
  /** Requests sent so far and in all. */
  done: number;
  total: number;
}

export interface WriteOptions {
  onProgress?: (progress: WriteProgress) => void;
  /** An AbortSignal (the core names only what it reads). */
  signal?: { readonly aborted: boolean };
  /**
   * Write into sheets of the same name, in place (same position, formatting and references from other
   * sheets kept), instead of adding "Name (2)": only for sheets the caller has merged with what they
   * held (see core/sheets/update-tasks).
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
  /** Requests (context.sync() calls) the write took; 0 headless. */
  syncs: number;
}

/**
 * Cells ("row:column", 0-based, the header row 0) whose value alone does not say what a clerk sees.
 * Lists, not sets: they cross from worker threads as they are.
 */
export interface CellFlags {
  /** A number shown as a percentage (0.8 shown as 80%). */
  percent: string[];
  /** A formula saved without its value (a writer that does not calculate). */
  uncached: string[];
}

export interface SheetCells {
  values: SheetValue[][];
  flags: CellFlags;
}

/** A workbook to read from: the returned files of a merge, a master read for a split or a report. */
export interface SheetSource {
  /** The used range of a sheet (header first), or null when the sheet does not exist. */
  readSheet(name: string): Promise<SheetValue[][] | null>;
  /**
   * The values with what they do not say, where the port can tell (a package on disk can; the
   * values of an open workbook are what Excel computed, with no flags).
   */
  readCells?(name: string): Promise<SheetCells | null>;
  /** The names of the workbook's sheets, in order. */
  sheetNames(): Promise<string[]>;
}

/** A workbook to write to. */
export interface SheetSink {
  writeSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<WriteResult>;
  /** Adds document sheets (never replacing one); returns the names used. */
  writeDocuments(docs: readonly DocumentSheet[]): Promise<string[]>;
}

/** A workbook open for reading and writing: the master, the tracking workbook. */
export interface SheetPort extends SheetSource, SheetSink {}
