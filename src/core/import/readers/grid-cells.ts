/**
 * A grid of cells — a range of the open sheet, an .xlsx sheet, a .csv/.tsv file — as Excel holds a
 * Word table after pasting it: one row per table row with multi-line cells, or one logical row spread
 * over several rows with the other cells blank; merged cells hold their text in the first cell only.
 * Each row becomes a grid row; a row with text in one cell only and no table around it is prose.
 */
import { columnLetter } from "../../sheets/sheet-spec";
import { isBlank } from "../../text/normalize";
import type { DocItem } from "../grid";

export type CellValue = string | number | boolean | null | undefined;

export interface GridSource {
  file: string;
  sheet?: string;
  /** 0-based position of cells[0][0] in the sheet. */
  top?: number;
  left?: number;
}

function cellString(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\r\n?/g, "\n");
}

export function gridToDocItems(cells: readonly (readonly CellValue[])[], source: GridSource): DocItem[] {
  const top = source.top ?? 0;
  const left = source.left ?? 0;
  const prefix = source.sheet ? `${source.sheet}!` : "";
  const address = (r: number, c: number) => `${prefix}${columnLetter(left + c)}${top + r + 1}`;
  const width = Math.max(0, ...cells.map((r) => r.length));
  const items: DocItem[] = [];
  cells.forEach((row, r) => {
    const texts = Array.from({ length: width }, (_, c) => cellString(row[c]));
    const filled = texts.map((t, c) => [t, c] as const).filter(([t]) => !isBlank(t));
    // Blank rows (spacing, page breaks) carry nothing; a table goes on across them.
    if (!filled.length) return;
    const at = { file: source.file, cell: address(r, filled[0]![1]) };
    items.push({
      kind: "row",
      at,
      cells: texts.map((t, c) => ({ lines: t.split("\n"), at: { file: source.file, cell: address(r, c) } })),
    });
  });
  return items;
}
