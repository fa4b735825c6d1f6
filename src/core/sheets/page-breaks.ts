/**
 * Manual page breaks that keep a document sheet's blocks whole when it is printed: a table's header
 * with its first row, a note, a summary table, a chart. Without them, LibreOffice and Excel break
 * wherever a page is full, which can leave a header alone at a page's foot or cut a chart in two.
 *
 * The pages are estimated from the sheet's own description (paper, margins, the columns scaled to
 * fit the page's width, each row's height), with a margin for what the estimate cannot know (fonts'
 * exact metrics): a block is moved to the next page when it would come within that margin of the
 * page's foot. A block taller than a page is left to break where it must.
 */
import { mmToPoints, type DocumentSheet } from "./document-spec";
import { POINTS_PER_CHARACTER } from "./print-setup";

/** A block of rows to keep on one page (1-based, inclusive); `extra`: points below its last row (a chart). */
export interface KeepTogether {
  first: number;
  last: number;
  extra?: number;
}

/** A4 in millimetres. */
const A4 = { short: 210, long: 297 };
/** The share of a page the estimate fills before it moves a block on: the rest covers its error. */
const FILL = 0.95;
/**
 * The height of a row written without one (points): the workbook's default row height, which the
 * writers keep (the rows a chart is anchored on are such rows).
 */
export const DEFAULT_ROW_HEIGHT = 15;

/** Rows after which a page break goes (1-based), so that each block starts on a page it fits. */
export function keepTogetherBreaks(sheet: DocumentSheet, blocks: readonly KeepTogether[]): number[] {
  const [paperW, paperH] = sheet.orientation === "landscape" ? [A4.long, A4.short] : [A4.short, A4.long];
  const m = sheet.marginsMm;
  const printableW = mmToPoints(paperW - m.left - m.right);
  const sheetW = sheet.columnWidths.reduce((a, b) => a + b, 0) * POINTS_PER_CHARACTER;
  const scale = sheet.fitToWidth ? Math.min(1, printableW / sheetW) : 1;
  // The page's height in the sheet's own points (before scaling), the share the estimate trusts.
  const page = (mmToPoints(paperH - m.top - m.bottom) / scale) * FILL;
  const height = (row: number) => sheet.rows[row - 1]?.height ?? DEFAULT_ROW_HEIGHT;
  const titles = sheet.printTitleRows;
  const repeated = titles ? sumHeights(titles[0], titles[1], height) : 0;
  const starts = new Map(blocks.map((b) => [b.first, b]));
  const breaks: number[] = [];
  let y = 0;
  for (let row = 1; row <= sheet.rows.length; row++) {
    const block = starts.get(row);
    if (block && y > repeated) {
      const need = sumHeights(block.first, block.last, height) + (block.extra ?? 0);
      if (y + need > page && repeated + need <= page) {
        breaks.push(row - 1);
        y = repeated;
      }
    }
    const h = height(row);
    if (y + h > page) y = repeated;
    y += h;
  }
  return breaks;
}

function sumHeights(first: number, last: number, height: (row: number) => number): number {
  let sum = 0;
  for (let r = first; r <= last; r++) sum += height(r);
  return sum;
}
