/**
 * Text that keeps the printed layout (`pdftotext -layout`, a PDF viewer's "copy as layout"): the
 * cells of a table row stand side by side on each printed line, separated by runs of spaces, and
 * pages end with a form feed. Each stretch of text becomes a run positioned by its character
 * column, so the text-position method of PDFs (pdf-positions.ts) rebuilds the tables.
 */
import type { PdfRun } from "./pdf-lattice";

/** Points per character column and per line, roughly those of a 12 pt page. */
const CHAR = 2;
const LINE = 12;
const GAP = /\S(?: {3,})\S/;

/** Layout text: many lines hold text in several columns (three or more spaces between them). */
export function isLayoutText(lines: readonly string[]): boolean {
  let wide = 0;
  let filled = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    filled++;
    if (GAP.test(l.trim())) wide++;
  }
  return filled > 0 && wide >= Math.max(6, filled * 0.2);
}

/** Stretches of text on a line: separated by two spaces or more. */
function stretches(line: string): { col: number; text: string }[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ col: m.index!, text: m[0] }));
}

/**
 * Where columns start: character columns at which many stretches start. Neighbouring cells can be
 * one space apart ("… tự động, Các doanh nghiệp"): a stretch that runs over such a start is cut
 * there, at a word boundary.
 */
function columnStarts(lines: readonly string[]): Set<number> {
  const counts = new Map<number, number>();
  let filled = 0;
  for (const l of lines) {
    const parts = stretches(l);
    if (parts.length < 2) continue;
    filled++;
    for (const p of parts) counts.set(p.col, (counts.get(p.col) ?? 0) + 1);
  }
  const threshold = Math.max(4, filled * 0.08);
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([c]) => c));
}

export function layoutRuns(lines: readonly string[]): PdfRun[] {
  const runs: PdfRun[] = [];
  const starts = columnStarts(lines);
  let page = 1;
  let row = 0;
  for (const raw of lines) {
    let line = raw;
    while (line.includes("\f")) {
      line = line.slice(line.indexOf("\f") + 1);
      page++;
      row = 0;
    }
    row++;
    for (const part of stretches(line)) {
      // Cut where a word of the stretch starts at a column start.
      const cuts = [0];
      for (const m of part.text.matchAll(/ (?=\S)/g)) {
        const at = part.col + m.index! + 1;
        if (starts.has(at)) cuts.push(m.index! + 1);
      }
      cuts.push(part.text.length + 1);
      for (let k = 0; k + 1 < cuts.length; k++) {
        const text = part.text.slice(cuts[k], cuts[k + 1]! - 1).trim();
        if (!text) continue;
        const col = part.col + cuts[k]!;
        runs.push({
          text,
          x: col * CHAR,
          right: (col + text.length) * CHAR,
          top: row * LINE,
          height: LINE * 0.8,
          page,
        });
      }
    }
  }
  return runs;
}
