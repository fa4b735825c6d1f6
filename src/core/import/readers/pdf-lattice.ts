/**
 * Tables of a PDF from their ruling lines (the "lattice" method of Camelot, Tabula and pdfplumber):
 * the horizontal and vertical strokes and thin filled rectangles of a page become row boundaries and
 * cell edges; a row band is the space between two neighbouring horizontal rules that vertical rules
 * cross; its cells are the spaces between the vertical rules crossing it (a cell with fewer rules
 * spans several columns: its text goes in its first column, as a merged cell of a .docx does). Text
 * runs are put in the cell under their middle; the rest of the page is prose. Rows continue on the
 * next page as separate bands (the table builder joins a band with no TT to the row above, and
 * drops a repeated header). Pure geometry: pdf-file.ts feeds it from pdf.js.
 */
import type { DocItem, GridCell } from "../grid";
import { append } from "../../append";
import type { SourceLocation } from "../../model/plan";
import { normalizeInline } from "../../text/normalize";

export interface PdfRun {
  text: string;
  x: number;
  right: number;
  /** Baseline, as distance from the top of the page. */
  top: number;
  height: number;
  page: number;
}

/** A ruling line: horizontal (y fixed, x from a to b) or vertical (x fixed, y from a to b); top-down. */
export interface Rule {
  page: number;
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

const SNAP = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
}

interface Band {
  page: number;
  top: number;
  bottom: number;
  /** Cell edges across the band, left to right. */
  edges: number[];
}

/** Row bands of one page: between neighbouring horizontal rules, where vertical rules cross. */
function bandsOf(rules: Rule[]): Band[] {
  const horizontal = rules.filter((r) => r.horizontal);
  const vertical = rules.filter((r) => !r.horizontal);
  // A row cut by a page break may have no rule at the page's end (or start): the vertical rules
  // still reach there, and close the band.
  const ends = vertical.flatMap((v) => [v.from, v.to]);
  const ys = cluster([
    ...horizontal.map((r) => r.at),
    ...(ends.length ? [Math.min(...ends), Math.max(...ends)] : []),
  ]);
  const bands: Band[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    if (bottom - top < 4) continue;
    const mid = (top + bottom) / 2;
    const edges = cluster(vertical.filter((v) => v.from <= mid && v.to >= mid).map((v) => v.at));
    if (edges.length >= 2) bands.push({ page: rules[0]!.page, top, bottom, edges });
  }
  return bands;
}

/** Runs on one printed line joined; a space only where the gap between two runs is a word gap. */
function joinRuns(runs: PdfRun[]): string {
  let text = "";
  let prev: PdfRun | null = null;
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    if (prev && r.x - prev.right > Math.max(0.8, r.height * 0.12)) text += " ";
    text += r.text;
    prev = r;
  }
  return normalizeInline(text);
}

/**
 * Runs grouped into printed lines by baseline (within a third of the text height), page by page,
 * top to bottom, each line left to right. Both PDF table methods read lines this way.
 */
export function linesOf(runs: readonly PdfRun[]): PdfRun[][] {
  const sorted = [...runs].sort((a, b) => a.page - b.page || a.top - b.top || a.x - b.x);
  const lines: PdfRun[][] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && last[0]!.page === r.page && Math.abs(last[0]!.top - r.top) <= Math.max(2, r.height * 0.3))
      last.push(r);
    else lines.push([r]);
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

const LONE_NUMBER = /^\d{1,4}$/;

/**
 * A run that crosses a cell edge (pdf.js joins text that sits close on one baseline, such as a
 * centred "10." and the task beside it) is cut at the space nearest the edge, positions estimated
 * from an even character width.
 */
function splitAtEdges(r: PdfRun, edges: number[]): PdfRun[] {
  const edge = edges.find((e) => r.x < e - 2 && r.right > e + 2);
  if (edge === undefined) return [r];
  const perChar = (r.right - r.x) / Math.max(1, r.text.length);
  const ideal = (edge - r.x) / perChar;
  let cut = -1;
  for (let k = 0; k < r.text.length; k++)
    if (r.text[k] === " " && (cut < 0 || Math.abs(k - ideal) < Math.abs(cut - ideal))) cut = k;
  if (cut <= 0 || Math.abs(cut - ideal) > 3) return [r];
  const left = { ...r, text: r.text.slice(0, cut).trim(), right: r.x + cut * perChar };
  const right = {
    ...r,
    text: r.text.slice(cut + 1).trim(),
    x: Math.max(edge + 1, r.x + (cut + 1) * perChar),
  };
  return [left, ...splitAtEdges(right, edges)];
}

/**
 * The document as prose lines and grid rows when its pages draw table rules, else null (the caller
 * falls back to the text-position method).
 */
export function latticeItems(runs: PdfRun[], rules: Rule[], file: string): DocItem[] | null {
  const pages = [...new Set(runs.map((r) => r.page))].sort((a, b) => a - b);
  const bandsByPage = new Map<number, Band[]>();
  for (const p of pages) {
    const own = rules.filter((r) => r.page === p);
    bandsByPage.set(p, own.length ? bandsOf(own) : []);
  }
  const tableBands = [...bandsByPage.values()].flat().filter((b) => b.edges.length >= 4);
  if (tableBands.length < 2) return null;
  // Every column edge of the document's tables: a cell spanning several columns is placed by them.
  const items: DocItem[] = [];
  for (const p of pages) {
    const bands = bandsByPage.get(p)!;
    const pageRuns = runs.filter((r) => r.page === p);
    const inBand = new Map<Band, PdfRun[]>();
    const loose: PdfRun[] = [];
    for (const r of pageRuns) {
      const mid = r.top - r.height * 0.35;
      const band = bands.find(
        (b) => mid > b.top && mid < b.bottom && r.x + 1 >= b.edges[0]! && r.x < b.edges[b.edges.length - 1]!,
      );
      if (band) inBand.set(band, [...(inBand.get(band) ?? []), r]);
      else loose.push(r);
    }
    // Prose lines and bands in reading order.
    const blocks: { top: number; item: DocItem | null }[] = [];
    const proseLines = linesOf(loose);
    proseLines.forEach((line, k) => {
      const text = joinRuns(line);
      // A lone number above or below everything else on the page is a page number.
      const edge = k === 0 || k === proseLines.length - 1;
      const outside = bands.length
        ? line[0]!.top < bands[0]!.top || line[0]!.top > bands[bands.length - 1]!.bottom
        : true;
      if (!text || (LONE_NUMBER.test(text) && edge && outside)) return;
      blocks.push({
        top: line[0]!.top,
        item: { kind: "prose", text, at: { file, page: p, line: Math.round(line[0]!.top) } },
      });
    });
    // Bands that touch form one table; its column edges are all the edges of its bands.
    const groups: Band[][] = [];
    for (const b of bands) {
      const last = groups[groups.length - 1];
      const prev = last?.[last.length - 1];
      if (prev && b.top - prev.bottom <= SNAP) last!.push(b);
      else groups.push([b]);
    }
    const edgesOf = new Map<Band, number[]>();
    for (const g of groups) {
      const edges = cluster(g.flatMap((b) => b.edges));
      for (const b of g) edgesOf.set(b, edges);
    }
    for (const b of bands) {
      const columnEdges = edgesOf.get(b)!;
      const at: SourceLocation = { file, page: p, line: Math.round(b.top) };
      const first = columnEdges.findIndex((e) => Math.abs(e - b.edges[0]!) <= SNAP);
      const width = columnEdges.length - 1 - Math.max(0, first);
      const cells: GridCell[] = Array.from({ length: Math.max(width, b.edges.length - 1) }, () => ({
        lines: [],
        at,
      }));
      const runsHere = (inBand.get(b) ?? []).flatMap((r) => splitAtEdges(r, b.edges));
      for (let c = 0; c + 1 < b.edges.length; c++) {
        const left = b.edges[c]!;
        const right = b.edges[c + 1]!;
        const own = runsHere.filter((r) => {
          // Text starts inside its cell (after the cell's padding); its width can be reported wider.
          const start = r.x + Math.min(2, (r.right - r.x) / 2);
          return start >= left && start < right;
        });
        const column = Math.max(
          0,
          columnEdges.findIndex((e) => Math.abs(e - left) <= SNAP) - Math.max(0, first),
        );
        const target = cells[column] ?? cells[c]!;
        append(target.lines, linesOf(own).map(joinRuns).filter(Boolean));
      }
      if (cells.every((c) => !c.lines.length)) continue;
      blocks.push({ top: b.top, item: { kind: "row", cells, at } });
    }
    blocks.sort((a, b) => a.top - b.top);
    for (const bl of blocks) if (bl.item) items.push(bl.item);
  }
  return items;
}
