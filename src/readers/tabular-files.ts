/**
 * Reading grids from .xlsx files with exceljs (the CLI and the pane) (.csv/.tsv: delimited-text.ts).
 * The cells go to the pure core (parsePlanGrid) unchanged.
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../core/import/readers/grid-cells";
import { checkCellLength, checkSheetSize } from "./input-limits";

function excelCellText(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    const d = v;
    return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
    return cell.text;
  }
  return v as CellValue;
}

export interface SheetGrid {
  sheet: string;
  cells: CellValue[][];
}

/** Every worksheet of an .xlsx file as a grid (merged cells keep their text in the first cell). */
export async function readXlsx(bytes: Uint8Array, file = "tệp .xlsx"): Promise<SheetGrid[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  // Every sheet's size first: nothing is read from a workbook one of whose sheets is too large.
  for (const ws of book.worksheets) checkSheetSize(ws.rowCount, ws.columnCount, file, ws.name);
  return book.worksheets.map((ws) => {
    const cells: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: CellValue[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const value = cell.isMerged && cell.master.address !== cell.address ? "" : excelCellText(cell);
        if (typeof value === "string") checkCellLength(value, file, `${ws.name}!${cell.address}`);
        out.push(value);
      }
      cells.push(out);
    }
    return { sheet: ws.name, cells };
  });
}
