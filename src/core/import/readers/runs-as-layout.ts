/**
 * A PDF's text runs printed as `pdftotext -layout` prints a page: each printed line as one line of
 * text, every run at the character column its x position gives (one even character width for the
 * document: the median width of a character over its runs), a blank line where the gap to the line
 * above is wider than a line and a half (the space between table rows), a form feed before each new
 * page. The layout reader (layout-text.ts) then reads its tables — the same reader, with its header,
 * row and cell rules, for a borderless PDF as for `-layout` text.
 */
import { linesOf, type PdfRun } from "./pdf-lattice";

/** A gap between printed lines wider than this many line heights is a blank line. */
const BLANK_GAP = 1.5;

export function layoutLinesOf(runs: readonly PdfRun[]): string[] {
  const widths = runs
    .filter((r) => r.text.trim().length >= 3 && r.right > r.x)
    .map((r) => (r.right - r.x) / r.text.length)
    .sort((a, b) => a - b);
  const charWidth = widths[Math.floor(widths.length / 2)] ?? 5;
  const left = Math.min(...runs.map((r) => r.x));
  const out: string[] = [];
  let previous: PdfRun[] | null = null;
  for (const line of linesOf(runs)) {
    const first = line[0]!;
    let text = "";
    for (const r of line) {
      const col = Math.max(Math.round((r.x - left) / charWidth), text.length ? text.length + 1 : 0);
      text = `${text.padEnd(col)}${r.text}`;
    }
    if (previous && previous[0]!.page !== first.page) text = `\f${text}`;
    else if (previous && first.top - previous[0]!.top > BLANK_GAP * Math.max(first.height, 1)) out.push("");
    out.push(text.replace(/\s+$/, ""));
    previous = line;
  }
  return out;
}
