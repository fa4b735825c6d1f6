/**
 * A declarative description of a document-like worksheet (a report page, an appendix table):
 * rows of cells that may span columns, with fonts, alignment, borders and fills, plus page setup.
 * Both renderers consume it: the Office.js adapter and the exceljs writer.
 */

export interface DocStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  align?: "left" | "center" | "right" | "justify";
  vertical?: "top" | "middle";
  wrap?: boolean;
  /** Thin borders: all four sides, or one rule above or below the cell. */
  border?: "all" | "top" | "bottom";
  /** Fill colour "#RRGGBB". */
  fill?: string;
  /** Indent level (Excel's indent, about 3 characters a level). */
  indent?: number;
  /** Number format for numbers ("0%", "0.0%", "dd/mm/yyyy"). */
  numFmt?: string;
}

export interface DocCell {
  value: string | number | null;
  /** Columns the cell spans (merged), 1 by default. */
  span?: number;
  style?: DocStyle;
}

export interface DocRow {
  cells: DocCell[];
  /** Points; absent keeps the default height. */
  height?: number;
}

/** A native chart on a document sheet, reading ranges of the same sheet (A1, without the sheet name). */
export interface DocChart {
  title: string;
  /** Horizontal bars, stacked or side by side. */
  kind: "barStacked" | "barClustered";
  /** The header cells above the value columns name the series. */
  seriesNames: string;
  categories: string;
  /** One range per series (a column). */
  series: { name: string; values: string; color: string }[];
  /** Top-left cell and size, in cells (0-based). */
  anchor: { row: number; col: number; rows: number; cols: number };
}

export interface DocumentSheet {
  name: string;
  orientation: "portrait" | "landscape";
  /** Page margins in millimetres. */
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Column widths in Excel character units. */
  columnWidths: number[];
  rows: DocRow[];
  /** Rows repeated at the top of each printed page (1-based, inclusive). */
  printTitleRows?: [number, number];
  /** Manual page breaks: after each of these rows (1-based), so that a block is not cut. */
  pageBreaks?: number[];
  /** Page numbers centred in the top margin from page 2 on (Nghị định 30/2020). */
  pageNumbersFromSecond: boolean;
  /** Fit the columns to the page width. */
  fitToWidth: boolean;
  font: { name: string; size: number };
  charts?: DocChart[];
}

/** Total width in characters of `span` columns from `start`. */
export function spanWidth(sheet: DocumentSheet, start: number, span: number): number {
  return sheet.columnWidths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

/** A row height that fits the wrapped text of its cells, for the font size used. */
export function fitDocRowHeight(sheet: DocumentSheet, row: DocRow): number | undefined {
  let col = 0;
  let lines = 1;
  let size = sheet.font.size;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const pts = cell.style?.size ?? sheet.font.size;
    size = Math.max(size, pts);
    if (cell.value !== null && cell.value !== "" && cell.style?.wrap) {
      // Width units are characters of an 11-point font; a larger font fits fewer.
      const perLine = Math.max(
        1,
        Math.floor((spanWidth(sheet, col, span) * 11 * 1.05) / pts) - (cell.style.indent ?? 0) * 3,
      );
      const n = String(cell.value)
        .split("\n")
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      lines = Math.max(lines, n);
    }
    col += span;
  }
  const height = lines * size * 1.35;
  return lines > 1 || size > 12 ? Math.min(409, Math.round(height)) : undefined;
}

/** Excel header code for the page number centred at the top, used from page 2 on. */
export const PAGE_NUMBER_HEADER = "&C&P";

/** Millimetres to inches and points. */
export const mmToInches = (mm: number) => mm / 25.4;
export const mmToPoints = (mm: number) => Math.round((mm / 25.4) * 72 * 10) / 10;
