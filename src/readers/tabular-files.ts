/**
 * Reading grids from .xlsx files (the CLI and the pane) (.csv/.tsv: delimited-text.ts): every sheet's
 * cells as a clerk sees them (dates as dd/mm/yyyy, merged areas in their first cell), read from the
 * sheet XML (XlsxValues) within the input limits. The cells go to the pure core (parsePlanGrid).
 */
import type { CellValue } from "../core/import/readers/grid-cells";
import { XlsxValues } from "../xlsx/xlsx-values";

export interface SheetGrid {
  sheet: string;
  cells: CellValue[][];
}

/** Every sheet of an .xlsx file as a grid, in the workbook's order. */
export async function readXlsx(bytes: Uint8Array, file = "tệp .xlsx"): Promise<SheetGrid[]> {
  const book = await XlsxValues.fromBytes(bytes, file);
  const grids: SheetGrid[] = [];
  for (const sheet of book.sheets)
    grids.push({ sheet: sheet.name, cells: (await book.readShownSheet(sheet.name)) ?? [] });
  return grids;
}
