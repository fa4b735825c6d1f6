/**
 * A SheetSource (read only) over sheets already read (name → values, in the workbook's order), for a
 * workbook whose values were read elsewhere: the CLI's merge reads returned files in worker threads
 * and hands their values over. A sheet that could not be read keeps its error, thrown when the sheet
 * is asked for, as the reader itself would have.
 */
import { ProblemError, type ErrorCode, type Problem } from "../problem";
import type { SheetValue } from "../sheets/read-sheet";
import type { CellFlags, SheetCells, SheetSource } from "./workbook-port";

/** One sheet as read: its values (and flags, where read), or why it could not be read. */
export type ReadSheet =
  { name: string; values: SheetValue[][]; flags?: CellFlags } | { name: string; error: Problem<ErrorCode> };

export class SheetValuesPort implements SheetSource {
  constructor(
    private readonly sheets: readonly ReadSheet[],
    readonly file: string,
  ) {}

  async readSheet(name: string): Promise<SheetValue[][] | null> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) return null;
    if ("error" in sheet) throw new ProblemError(sheet.error);
    return sheet.values;
  }

  async readCells(name: string): Promise<SheetCells | null> {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) return null;
    if ("error" in sheet) throw new ProblemError(sheet.error);
    return { values: sheet.values, flags: sheet.flags ?? { percent: [], uncached: [] } };
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }
}
