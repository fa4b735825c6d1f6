/**
 * Tables rebuilt from where text sits on the page, for a PDF without cell borders and for text that
 * keeps the page layout (`pdftotext -layout`):
 * - text runs are grouped into printed lines by their baseline;
 * - a table header is a line (with the lines just under it, for wrapped header cells) whose cells,
 *   joined by column, read as header vocabulary;
 * - column edges are where the body's text lines start (cells are left-aligned: the starts cluster
 *   at each column's left edge);
 * - a row starts at each TT number (or, without a TT column, after a vertical gap in the first
 *   column); a row that runs onto the next page continues there, below the repeated header;
 * - a lone number on a page's first or last line is a page number.
 * The rows go to the same table builder as every other reader.
 */
import type { DocItem, GridCell, GridRow } from "../grid";
import { parseHeaderRun } from "./pdf-header";
import { mapTaskHeader } from "../column-map";
import { linesOf, type PdfRun } from "./pdf-lattice";
import { isAppendixTitle } from "../appendix-title";

type Run = PdfRun;

interface Line {
  runs: Run[];
  top: number;
  page: number;
  text: string;
}

function printedLines(runs: Run[]): Line[] {
  return linesOf(runs).map((line) => ({
    runs: line,
    top: line[0]!.top,
    page: line[0]!.page,
    text: line.map((r) => r.text).join(" "),
  }));
}

interface Header {
  start: number;
  end: number;
  cells: { text: string; x: number; right: number }[];
  columns: string[];
}

/** Header cells: the runs of the first header line, with the wrapped parts below them added. */
function headerAt(lines: Line[], start: number): Header | null {
  const first = lines[start]!;
  if (!/^(s?tt?|nội|tên|nhiệm)/iu.test(first.text)) return null;
  const cells = first.runs.map((r) => ({ text: r.text, x: r.x, right: r.right }));
  let end = start + 1;
  let best: Header | null = null;
  const tryParse = () => {
    const parsed = parseHeaderRun(cells.map((c) => c.text).join(" "));
    if (parsed && !parsed.partial) {
      const fields = parsed.columns.map(mapTaskHeader);
      if (fields.includes("task") && new Set(fields.filter((f) => f !== "note")).size >= 3)
        best = { start, end, cells: cells.map((c) => ({ ...c })), columns: parsed.columns };
    }
  };
  tryParse();
  for (let i = start + 1; i < lines.length && i < start + 4; i++) {
    const line = lines[i]!;
    if (line.page !== first.page || line.top - first.top > first.runs[0]!.height * 4) break;
    let all = true;
    for (const r of line.runs) {
      const cell = cells.find((c) => r.x < c.right + 2 && r.right > c.x - 2);
      if (cell) cell.text = `${cell.text} ${r.text}`;
      else all = false;
    }
    if (!all) break;
    end = i + 1;
    tryParse();
  }
  return best;
}

/** Left edges of the columns: where body lines start most often. */
function columnEdges(body: Line[], count: number): number[] {
  const starts: number[] = [];
  for (const l of body) for (const r of l.runs) starts.push(r.x);
  starts.sort((a, b) => a - b);
  const clusters: { x: number; n: number }[] = [];
  for (const x of starts) {
    const last = clusters[clusters.length - 1];
    if (last && x - last.x <= 6) {
      last.n++;
    } else clusters.push({ x, n: 1 });
  }
  return clusters
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map((c) => c.x)
    .sort((a, b) => a - b);
}

function columnOf(edges: number[], x: number): number {
  let c = 0;
  for (let i = 0; i < edges.length; i++) if (x >= edges[i]! - 4) c = i;
  return c;
}

const LONE_NUMBER = /^\d{1,4}$/;

/** The document as prose lines and grid rows, from the positions of its text runs. */
export function positionItems(runs: Run[], file: string): DocItem[] {
  const lines = printedLines(runs);
  // Page numbers: a lone number on the first or last line of a page.
  const pageEnds = new Set<number>();
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const next = lines[i + 1];
    if (LONE_NUMBER.test(l.text) && (!prev || prev.page !== l.page || !next || next.page !== l.page))
      pageEnds.add(i);
  });
  const items: DocItem[] = [];
  const at = (l: Line) => ({ file, page: l.page, line: Math.round(l.top) });
  let i = 0;
  while (i < lines.length) {
    const header = pageEnds.has(i) ? null : headerAt(lines, i);
    if (!header) {
      if (!pageEnds.has(i)) items.push({ kind: "prose", text: lines[i]!.text, at: at(lines[i]!) });
      i++;
      continue;
    }
    // The table body: until a line that starts left of the table or a title of the next appendix.
    const headerText = header.columns.join(" ").toLowerCase();
    const body: Line[] = [];
    let j = header.end;
    const left = Math.min(...header.cells.map((c) => c.x)) - 30;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (pageEnds.has(j)) continue;
      if (isAppendixTitle(l.text) || l.runs[0]!.x < left) break;
      const repeated = headerAt(lines, j);
      if (repeated && repeated.columns.join(" ").toLowerCase() === headerText) {
        j = repeated.end - 1;
        continue;
      }
      if (repeated) break;
      body.push(l);
    }
    const width = header.columns.length;
    const edges = columnEdges(body, width);
    const hasNo = mapTaskHeader(header.columns[0]!) === "no";
    items.push({
      kind: "row",
      at: at(lines[header.start]!),
      cells: header.columns.map((c) => ({ lines: [c], at: at(lines[header.start]!) })),
    });
    let row: { cells: string[][]; at: ReturnType<typeof at> } | null = null;
    let lastFirstTop = -Infinity;
    let lastFirstPage = 0;
    const flush = () => {
      if (!row) return;
      const cells: GridCell[] = row.cells.map((ls) => ({ lines: ls, at: row!.at }));
      const out: GridRow = { kind: "row", cells, at: row.at };
      items.push(out);
      row = null;
    };
    for (const l of body) {
      const byColumn = new Map<number, string[]>();
      const put = (c: number, text: string) => byColumn.set(c, [...(byColumn.get(c) ?? []), text]);
      for (const r of l.runs) {
        const c = Math.min(width - 1, columnOf(edges, r.x));
        // The TT and the task's first words can come out as one run ("10. Xây dựng …"): the run
        // reaches past the next column's edge, so the number stays and the text moves on.
        const split =
          hasNo && c === 0 && width > 1 && r.right > edges[1]! ? /^(\d{1,4}\.?)\s+(.+)$/.exec(r.text) : null;
        if (split) {
          put(0, split[1]!);
          put(1, split[2]!);
        } else put(c, r.text);
      }
      const first = byColumn.get(0)?.join(" ");
      const startsRow = hasNo
        ? first !== undefined && /^(\d{1,4}\.?|[IVXL]+\.?)(\s|$)/.test(first)
        : first !== undefined && (l.page !== lastFirstPage || l.top - lastFirstTop > l.runs[0]!.height * 1.6);
      if (first !== undefined) {
        lastFirstTop = l.top;
        lastFirstPage = l.page;
      }
      if (startsRow || !row) {
        flush();
        row = { cells: Array.from({ length: width }, () => []), at: at(l) };
      }
      for (const [c, texts] of byColumn) row!.cells[c]!.push(texts.join(" "));
    }
    flush();
    i = j;
  }
  return items;
}
