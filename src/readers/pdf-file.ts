/**
 * .pdf files through pdfjs-dist, rebuilding tables from where the text sits on the page, not from
 * the order it comes out in:
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
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DocItem, GridCell, GridRow } from "../core/import/grid";
import { ImportError } from "../core/import/parse-plan";
import { parseHeaderRun } from "../core/import/readers/pdf-header";
import { mapTaskHeader } from "../core/import/column-map";
import { normalizeInline } from "../core/text/normalize";
import { latticeItems, type Rule } from "../core/import/readers/pdf-lattice";

interface Run {
  text: string;
  x: number;
  right: number;
  /** Distance from the top of the page. */
  top: number;
  height: number;
  page: number;
}

interface Line {
  runs: Run[];
  top: number;
  page: number;
  text: string;
}

type TextItem = { str: string; transform: number[]; width: number; height: number };

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The ruling lines of a page from its drawing operators (pdf.js operator list): stroked straight
 * segments, and the edges of stroked or thin filled rectangles, in top-down page coordinates.
 */
function rulesOf(
  ops: typeof import("pdfjs-dist/legacy/build/pdf.mjs").OPS,
  list: { fnArray: number[]; argsArray: unknown[] },
  page: number,
  height: number,
): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    const [a, b, c, d, e, f] = ctm;
    const p1 = [a * x1 + c * y1 + e, height - (b * x1 + d * y1 + f)] as const;
    const p2 = [a * x2 + c * y2 + e, height - (b * x2 + d * y2 + f)] as const;
    if (Math.abs(p1[1] - p2[1]) < 1 && Math.abs(p1[0] - p2[0]) > 3)
      rules.push({
        page,
        horizontal: true,
        at: (p1[1] + p2[1]) / 2,
        from: Math.min(p1[0], p2[0]),
        to: Math.max(p1[0], p2[0]),
      });
    else if (Math.abs(p1[0] - p2[0]) < 1 && Math.abs(p1[1] - p2[1]) > 3)
      rules.push({
        page,
        horizontal: false,
        at: (p1[0] + p2[0]) / 2,
        from: Math.min(p1[1], p2[1]),
        to: Math.max(p1[1], p2[1]),
      });
  };
  const STROKES = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const FILLS = new Set([ops.fill, ops.eoFill]);
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = times(ctm, args as Matrix);
    else if (fn === ops.constructPath) {
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!STROKES.has(op) && !FILLS.has(op))) return;
      // Points of each subpath (curves end a straight run).
      const subpaths: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length;) {
        const code = data[k]!;
        if (code === 0) {
          if (current.length) subpaths.push(current);
          current = [[data[k + 1]!, data[k + 2]!]];
          k += 3;
        } else if (code === 1) {
          current.push([data[k + 1]!, data[k + 2]!]);
          k += 3;
        } else if (code === 2) {
          current = [];
          k += 7;
        } else if (code === 3) {
          current = [];
          k += 5;
        } else {
          if (current.length) current.push(current[0]!);
          k += 1;
        }
      }
      if (current.length) subpaths.push(current);
      for (const pts of subpaths) {
        if (STROKES.has(op)) {
          for (let k = 1; k < pts.length; k++) add(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
          continue;
        }
        // A filled thin rectangle is a rule along its long side.
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (pts.length < 4 || pts.length > 6) continue;
        if (y1 - y0 <= 2.5 && x1 - x0 > 3) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (x1 - x0 <= 2.5 && y1 - y0 > 3) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      }
    }
  });
  return rules;
}

async function loadRuns(bytes: Uint8Array, file: string, rules: Rule[] = []): Promise<Run[]> {
  let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    throw new ImportError(
      `Không tải được bộ đọc PDF (${(error as Error).message}).`,
      `Cannot load the PDF reader.`,
    );
  }
  let doc;
  try {
    const standardFontDataUrl = join(require.resolve("pdfjs-dist/package.json"), "..", "standard_fonts/");
    doc = await pdfjs.getDocument({
      data: bytes,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl,
    }).promise;
  } catch (error) {
    throw new ImportError(
      `Tệp ${file} không phải tệp PDF hợp lệ hoặc đã hỏng (${(error as Error).message}).`,
      `${file} is not a valid PDF file or is damaged (${(error as Error).message}).`,
    );
  }
  const runs: Run[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    rules.push(...rulesOf(pdfjs.OPS, await page.getOperatorList(), p, height));
    for (const item of content.items as TextItem[]) {
      const text = normalizeInline(item.str ?? "");
      if (!text) continue;
      const x = item.transform[4]!;
      runs.push({
        text,
        x,
        right: x + item.width,
        top: height - item.transform[5]!,
        height: item.height || 10,
        page: p,
      });
    }
  }
  if (!runs.length)
    throw new ImportError(
      `Tệp ${file} không có lớp chữ (có thể là bản quét). Cần bản PDF có chữ chọn được, hoặc tệp Word.`,
      `${file} has no text layer (maybe a scan). A PDF with selectable text, or the Word file, is needed.`,
    );
  return runs;
}

function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.page - b.page || a.top - b.top || a.x - b.x);
  const lines: Line[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.page === r.page && Math.abs(last.top - r.top) <= Math.max(2, r.height * 0.3))
      last.runs.push(r);
    else lines.push({ runs: [r], top: r.top, page: r.page, text: "" });
  }
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x);
    l.text = l.runs.map((r) => r.text).join(" ");
  }
  return lines;
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
  if (!/^(s?tt|nội|tên|nhiệm)/iu.test(first.text)) return null;
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

export async function readPdf(bytes: Uint8Array, file: string): Promise<DocItem[]> {
  const rules: Rule[] = [];
  const runs = await loadRuns(bytes, file, rules);
  // Tables drawn with cell borders are rebuilt from the rules; without them, from text positions.
  const lattice = latticeItems(runs, rules, file);
  if (lattice) return lattice;
  const lines = linesOf(runs);
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
      if (/^ph[uụ]\s*l[uụ]c\b/iu.test(l.text) || l.runs[0]!.x < left) break;
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

/** For the CLI: read a file from disk. */
export async function readPdfFile(path: string, file: string): Promise<DocItem[]> {
  return readPdf(new Uint8Array(await readFile(path)), file);
}
