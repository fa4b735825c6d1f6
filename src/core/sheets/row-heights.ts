/**
 * Row heights that fit wrapped text, estimated from the text length and the column width (Excel
 * and LibreOffice do not grow a row written by a program; without this, wrapped cells overlap when
 * printed). The estimate counts lines of wrapped columns at about one character per width unit.
 */
import { isFormulaCell, type SheetSpec } from "./sheet-spec";

/** Points per line of 11-point text, and Excel's limit for a row. */
export const LINE_HEIGHT_POINTS = 15;
export const MAX_ROW_HEIGHT_POINTS = 409;

export function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** One height per data row: enough lines for its longest wrapped cell; null for one-line rows. */
export function fitRowHeights(spec: SheetSpec): (number | null)[] {
  const wrapped = spec.columns.flatMap((c, i) => (c.wrap && !c.hidden ? [i] : []));
  return spec.rows.map((row) => {
    let lines = 1;
    for (const i of wrapped) {
      const cell = row[i];
      const v = isFormulaCell(cell ?? null) ? (cell as { cached: unknown }).cached : cell;
      if (v === null || v === undefined || v === "") continue;
      lines = Math.max(lines, linesFor(String(v), spec.columns[i]!.width));
    }
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS) : null;
  });
}

/** The header row's height: its headers wrap within their column widths. */
export function headerHeight(spec: SheetSpec): number {
  const lines = Math.max(1, ...spec.columns.filter((c) => !c.hidden).map((c) => linesFor(c.header, c.width)));
  return Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS);
}
