/**
 * Text that keeps the printed layout (`pdftotext -layout`, a PDF viewer's "copy as layout"): the
 * cells of a table row stand side by side on each printed line and pages end with a form feed.
 *
 * What such text does that a PDF's own positions do not:
 * - justified cells run up to the next column with a single space ("Văn phòng Xây - Phòng Văn hóa,"),
 *   so cells cannot be cut at runs of spaces;
 * - the horizontal scale changes from page to page (a page with little text is squeezed), and
 *   drifts a few characters from line to line within a page, so one set of column edges does not
 *   hold for a whole table and no edge holds exactly;
 * - a cell printed wider than its column pushes the cells to its right along the line.
 *
 * So each page of a table gets its own column edges: between the labels of the header printed on
 * that page (the repeated header), at the character column where the body's words start most often
 * and that no word runs across. Each line is then cut into cells by a cost (assignWords) that also
 * knows how long each column's lines are in this table; the edges and those lengths are measured
 * again from the cells so cut, and the lines cut once more. Lines are grouped into rows by the TT
 * column, a row's cells start where its other lines show them starting, and the rows go to the same
 * table builder as every other reader (build-tables.ts), which drops repeated headers and reads
 * sections, titles and indicator tables.
 */
import { append } from "../../append";
import type { DroppedLine } from "../../model/plan";
import { foldForMatch, normalizeInline } from "../../text/normalize";
import {
  looksLikeIndicatorHeader,
  looksLikeTaskHeader,
  mapIndicatorHeader,
  mapTaskHeader,
} from "../column-map";
import type { DocItem, GridRow } from "../grid";
import { UNIT_START } from "../../units/split-units";
import { remembered } from "../../remembered";
import { cheapestCells, floats, type KnownCell } from "./layout-cut";
import { isAppendixTitle } from "../appendix-title";

/** A line in capitals only (a title or a section heading, not a table row). */
const CAPITALS_ONLY = /^\p{Lu}[\p{Lu}\s,–-]+$/u;
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

/** A printed line: its text (form feeds removed), its 1-based line number and page. */
interface Line {
  text: string;
  no: number;
  page: number;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
  }));
}

/** Words (runs of non-spaces) with their character columns. */
const wordsOf = (text: string) => spansOf(text, /\S+/g);
/** Stretches of text separated by two spaces or more. */
const stretchesOf = (text: string) => spansOf(text, /\S+(?: \S+)*/g);

/**
 * The header cell a wrapped label's part sits under (overlapping it give or take two characters;
 * of two such cells, the one it overlaps most).
 */
function cellUnder(cells: readonly Span[], part: Span): Span | undefined {
  let best: Span | undefined;
  let most = -Infinity;
  for (const c of cells) {
    if (!(part.start < c.end + 2 && part.end > c.start - 2)) continue;
    const overlap = Math.min(part.end, c.end) - Math.max(part.start, c.start);
    if (overlap > most) [best, most] = [c, overlap];
  }
  return best;
}

/** Adds a wrapped label's part to the cell it sits under (before its text for a line above it). */
function addUnder(cell: Span, part: Span, above = false): void {
  cell.text = above ? `${part.text} ${cell.text}` : `${cell.text} ${part.text}`;
  cell.start = Math.min(cell.start, part.start);
  cell.end = Math.max(cell.end, part.end);
}

/** A row label in the TT column: "1", "12.", "1.2", a Roman section "IV", a part letter "B". */
const ROW_LABEL = /^(\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]+[.)]?|[A-HĐ][.)]?)$/u;
const SECTION_LABEL = /^([IVXLC]+|[A-HĐ])[.)]?$/u;
const LONE_NUMBER = /^\d{1,4}$/;

interface Header {
  /** Line indexes [start, end) of the header's printed lines. */
  start: number;
  end: number;
  /** One cell per column: its label and the character columns the label covers. */
  cells: Span[];
}

function isHeaderCells(texts: string[]): boolean {
  const isIndicator = looksLikeIndicatorHeader(texts) && !texts.map(mapTaskHeader).includes("deadline");
  return isIndicator || looksLikeTaskHeader(texts);
}

/**
 * A table header starting at line i: its first line's stretches are the column labels, and the
 * short lines just under it (wrapped labels: "Cơ quan phối" / "hợp") add to the label they sit under.
 */
function headerAt(lines: readonly Line[], i: number, same?: Header): Header | null {
  const first = lines[i]!;
  if (!/^(s\s?tt?|tt|nội|tên|nhiệm)/iu.test(first.text.trim())) return null;
  let cells = stretchesOf(first.text).flatMap(cutAfterYears).flatMap(cutAfterNumberLabel);
  // Two labels on the first line may be all it prints when the others sit higher and lower.
  if (cells.length < 2) return null;
  // Labels printed centred in a taller header cell start on the lines above ("Cơ        quan" /
  // "TT  Tên nhiệm vụ  Cơ quan chủ trì      Kết quả" / "phối hợp"): taken with the header.
  const above = labelsAbove(lines, i, cells);
  let start = i;
  if (above) [cells, start] = [above.cells, above.start];
  // Every reading that makes a header: the first line alone, then with each wrapped line added.
  const found: Header[] = [];
  if (isHeaderCells(cells.map((c) => c.text))) found.push({ start, end: i + 1, cells });
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const line = lines[j]!;
    if (line.page !== first.page || !line.text.trim()) break;
    const parts = stretchesOf(line.text);
    // A row label in the first column ("A    NHIỆM VỤ …", "1    Xây dựng …"): the body has begun.
    if (parts.length > 1 && ROW_LABEL.test(parts[0]!.text)) break;
    if (!parts.every(labelLike)) break;
    const next = withLabelParts(cells, parts, "below");
    if (!next) break;
    cells = next;
    if (isHeaderCells(cells.map((c) => c.text))) found.push({ start, end: j + 1, cells });
  }
  // The header printed again on a later page: the reading with the same labels, no longer (the row
  // that continues from the page before starts right under it).
  if (same)
    return (
      found.find((h) => sameLabels(h, same)) ??
      found.find((h) => sameWords(h, same)) ??
      found[found.length - 1] ??
      null
    );
  return found[found.length - 1] ?? null;
}

/** Wrapped labels are short words, never a list item; a number only as a milestone's year. */
const labelLike = (p: Span) =>
  p.text.length <= 30 &&
  !/^[-–•+]/.test(p.text) &&
  (!/\d/.test(p.text) || /^(năm\s+)?20\d{2}$/iu.test(p.text));

/** The gap between two labels a part sits in (k: right of label k), or -1 (under one, or left of all). */
function gapIndex(cells: readonly Span[], p: Span): number {
  for (let k = 0; k <= cells.length - 1; k++) {
    const left = cells[k]!;
    const right = cells[k + 1];
    if (p.start > left.end + 1 && (!right || p.end < right.start - 1)) return k;
  }
  return -1;
}

/**
 * The header's labels with the parts printed on one more line of it: a part under a label adds to
 * it (after it for a line below, before it for a line above); parts between two labels, or right of
 * them all, are a label printed lower or higher in its cell than the others ("Cơ quan      phối" /
 * "hợp" between "Cơ quan chủ trì" and "Kết quả"), one new label per gap. Null when a part fits
 * neither (the line is not part of the header).
 */
function withLabelParts(
  cells: readonly Span[],
  parts: readonly Span[],
  side: "above" | "below",
  apart = false,
): Span[] | null {
  const next = cells.map((c) => ({ ...c }));
  // Parts already grouped into labels (`apart`) each make one; otherwise a gap's parts make one.
  const fresh = new Map<number, Span[]>();
  for (const p of parts) {
    const gap = cellUnder(cells, p) ? -1 : gapIndex(cells, p);
    if (gap >= 0) {
      const inGap = fresh.get(gap) ?? [];
      fresh.set(gap, inGap);
      if (inGap.length && !apart) addUnder(inGap[0]!, p);
      else inGap.push({ ...p });
      continue;
    }
    const under = cellUnder(next, p);
    if (!under) return null;
    addUnder(under, p, side === "above");
  }
  // New labels go into their gaps, left to right.
  for (const gap of [...fresh.keys()].sort((a, b) => b - a)) next.splice(gap + 1, 0, ...fresh.get(gap)!);
  return next;
}

/**
 * The lines just above a header's first line that hold parts of its labels (a label centred in a
 * taller cell starts higher): at most two, on the same page, each with a part between two labels
 * (a title's last line over the table never has one), all of them label-like. Null when there is none.
 */
function labelsAbove(
  lines: readonly Line[],
  i: number,
  cells: Span[],
): { cells: Span[]; start: number } | null {
  let result: { cells: Span[]; start: number } | null = null;
  let current = cells;
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const line = lines[j]!;
    if (line.page !== lines[i]!.page || !line.text.trim()) break;
    const stretches = stretchesOf(line.text);
    if (!stretches.every(labelLike)) break;
    const inGap = stretches.some((p) => !cellUnder(current, p));
    const grouped = labelGroups(line.text, lines[i + 1], current);
    const next = !inGap
      ? null
      : grouped
        ? withLabelParts(current, grouped, "above", true)
        : withLabelParts(current, stretches, "above");
    if (!next) break;
    current = next;
    result = { cells: current, start: j };
  }
  return result;
}

/**
 * Several labels printed higher than the others, between the same two labels and touching
 * ("Cơ   quan Dự  kiến  kết Thời hạn hoàn" over "phối hợp   quả   thành"): the line under the
 * header's first line starts each of them, so each word above goes with the part under it that
 * starts at or left of it. Null when that line does not hold two parts in one gap.
 */
function labelGroups(text: string, below: Line | undefined, cells: readonly Span[]): Span[] | null {
  if (!below) return null;
  const anchors = stretchesOf(below.text).filter((p) => !cellUnder(cells, p));
  if (anchors.length < 2) return null;
  const words = wordsOf(text);
  if (words.some((w) => cellUnder(cells, w))) return null;
  // Labels set left in their cells: a word goes with the part starting at or left of it. Labels
  // centred (a word starts left of every part): with the part whose centre is nearest.
  // Only parts in the same gap between the header's labels are candidates.
  const inGap = (w: Span) => anchors.filter((a) => gapIndex(cells, a) === gapIndex(cells, w));
  const leftOf = (w: Span) =>
    inGap(w)
      .filter((a) => a.start <= w.start + 2)
      .pop();
  const centred = words.some((w) => !leftOf(w));
  const centre = (x: Span) => (x.start + x.end) / 2;
  const nearest = (w: Span) =>
    inGap(w).reduce<Span | undefined>(
      (best, a) => (!best || Math.abs(centre(a) - centre(w)) < Math.abs(centre(best) - centre(w)) ? a : best),
      undefined,
    );
  const groups = new Map<Span, Span>();
  for (const w of words) {
    const anchor = centred ? nearest(w) : leftOf(w);
    // A word alone in its gap (no part under it there) is a label of its own.
    if (!anchor) {
      groups.set(w, { ...w });
      continue;
    }
    const group = groups.get(anchor);
    if (group) addUnder(group, w);
    else groups.set(anchor, { ...w });
  }
  return [...groups.values()];
}

/**
 * A narrow TT column prints its label one space from the next ("TT Tên chỉ tiêu"): two labels.
 */
function cutAfterNumberLabel(s: Span): Span[] {
  const m = /^(s\s?tt|tt)(\s+)(\S.*)$/iu.exec(s.text);
  if (!m) return [s];
  const rest = s.start + m[1]!.length + m[2]!.length;
  return [
    { start: s.start, end: s.start + m[1]!.length, text: m[1]! },
    { start: rest, end: s.end, text: m[3]! },
  ];
}

/**
 * Milestone labels printed one space apart ("Mục tiêu đến năm 2027 Mục tiêu đến năm 2032") are
 * one stretch: a label ends at its year.
 */
function cutAfterYears(s: Span): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of s.text.matchAll(/\b20\d{2}\b(?= \S)/g)) {
    const end = m.index! + m[0].length;
    out.push({ start: s.start + from, end: s.start + end, text: s.text.slice(from, end) });
    from = end + 1;
  }
  out.push({ start: s.start + from, end: s.end, text: s.text.slice(from) });
  return out;
}

function sameLabels(a: Header, b: Header): boolean {
  const fa = a.cells.map((c) => foldForMatch(c.text));
  const fb = b.cells.map((c) => foldForMatch(c.text));
  return fa.length === fb.length && fa.every((x, k) => x === fb[k]);
}

/**
 * The header printed again with two labels touching ("Cơ quan phối Thời gian" / "hợp hoàn
 * thành"), cut as the first one: its first line opens each label with that label's first words, in
 * order, as many as it holds (a label wrapped on one page may not be on the next: "Cơ quan phối" /
 * "hợp" there, "Cơ quan phối hợp Sản phẩm" here); the wrapped lines go under the label they sit
 * under. Null when the labels do not come out the same.
 */
function cutAs(lines: readonly Line[], again: Header, first: Header): Header | null {
  // Each label of the first header, word by word: the header printed again shows each label's first
  // words on its first line, in order (the rest wrapped under it, maybe not where it was before).
  const labels = first.cells.map((c) => foldForMatch(c.text).split(/\s+/).filter(Boolean));
  const words = wordsOf(lines[again.start]!.text);
  let at = 0;
  const cells: Span[] = [];
  for (const label of labels) {
    let n = 0;
    while (at + n < words.length && n < label.length && foldForMatch(words[at + n]!.text) === label[n]) n++;
    if (n === 0) return null;
    const part = words.slice(at, at + n);
    at += n;
    cells.push({
      start: part[0]!.start,
      end: part[part.length - 1]!.end,
      text: part.map((w) => w.text).join(" "),
    });
  }
  if (at !== words.length) return null;
  for (let j = again.start + 1; j < again.end; j++)
    for (const p of stretchesOf(lines[j]!.text)) {
      const cell = cellUnder(cells, p);
      if (!cell) return null;
      addUnder(cell, p);
    }
  const cut = { start: again.start, end: again.end, cells };
  return sameLabels(cut, first) ? cut : null;
}

/**
 * The same header printed again, also when two labels touch on it ("Thời gian thực Ghi chú" /
 * "hiện"): the same words.
 */
function sameWords(a: Header, b: Header): boolean {
  const words = (h: Header) =>
    h.cells
      .flatMap((c) => foldForMatch(c.text).split(/\s+/))
      .filter(Boolean)
      .sort()
      .join(" ");
  return words(a) === words(b);
}

/** Per character column, over a page's body lines: words starting there, words running across it. */
function columnStats(body: readonly Line[]) {
  const width = Math.max(0, ...body.map((l) => l.text.length)) + 2;
  const starts = new Array<number>(width).fill(0);
  const across = new Array<number>(width).fill(0);
  const filled = new Array<number>(width).fill(0);
  const clear = new Array<number>(width).fill(0);
  for (const l of body) {
    let end = -2;
    for (const w of wordsOf(l.text)) {
      starts[w.start]!++;
      // Printed clear of its left neighbour (two spaces or more): where its column starts.
      if (w.start - end >= 3) clear[w.start]!++;
      end = w.end;
      for (let x = w.start; x < w.end; x++) filled[x]!++;
      for (let x = w.start + 1; x < w.end; x++) across[x]!++;
    }
  }
  return { width, starts, across, filled, clear };
}

type Stats = ReturnType<typeof columnStats>;

/**
 * The best column edge in [lo, hi]: fewest words running across it, then most words starting at
 * it; then moved left over character columns empty on every line (the gutter), so that a centred
 * cell's shorter lines are not cut off.
 */
function bestEdge(stats: Stats, lo: number, hi: number): number {
  let best = peakEdge(stats, lo, hi);
  if (best < 0) return Math.max(1, lo);
  while (best - 1 > lo && stats.filled[best - 1] === 0 && stats.filled[best - 2] === 0) best--;
  return best;
}

/** Where in [lo, hi] the fewest words run across and, among those, the most cells start (-1: none). */
function peakEdge(stats: Stats, lo: number, hi: number): number {
  let best = -1;
  for (let x = Math.max(1, lo); x <= hi && x < stats.width; x++) {
    if (best < 0) {
      best = x;
      continue;
    }
    const a = stats.across[x]!;
    const b = stats.across[best]!;
    if (a < b || (a === b && stats.starts[x]! > stats.starts[best]!)) best = x;
  }
  return best;
}

/** Characters from where a centred label puts its column's edge that weigh as one word across it. */
const MIRROR_SLACK = 4;
/** What a word starting at an edge is worth against one running across it. */
const START_WEIGHT = 0.5;

/** The edge in [lo, hi] with fewest words across, most starting, nearest where the label puts it. */
function nearEdge(stats: Stats, lo: number, hi: number, expected: number): number {
  let best = -1;
  let cost = Infinity;
  for (let x = Math.max(1, lo); x <= hi && x < stats.width; x++) {
    const c = stats.across[x]! - START_WEIGHT * stats.starts[x]! + Math.abs(x - expected) / MIRROR_SLACK;
    if (c < cost) [best, cost] = [x, c];
  }
  return best < 0 ? Math.max(1, lo) : best;
}

/** Column edges of one page of a table: between the header's labels where it is printed there. */
function edgesFromHeader(stats: Stats, header: Header): number[] {
  const edges = [0];
  const bounds: [number, number][] = [[0, 0]];
  for (let k = 1; k < header.cells.length; k++) {
    const lo = Math.max(header.cells[k - 1]!.end + 1, edges[k - 1]! + 2);
    // A TT label printed one space from the next label ("TT Tên chỉ tiêu") leaves no room between
    // them: the column's edge is where the body's text starts, a few characters right of it
    // (numbers "1.2", "II." are wider than "TT").
    const narrowNumbers =
      k === 1 &&
      /^s?\s?tt$/iu.test(header.cells[0]!.text) &&
      header.cells[1]!.start - header.cells[0]!.end <= 2;
    const hi = Math.max(lo, header.cells[k]!.start + (narrowNumbers ? 6 : 0));
    bounds.push([lo, hi]);
    // A label printed well right of its column's left edge is centred: the column ends about as far
    // right of the label's centre as it starts left of it. Few rows can leave a gap in the words
    // anywhere between two labels, so there the edge is looked for near that point.
    const prev = header.cells[k - 1]!;
    const centred = k > 1 && prev.start - edges[k - 1]! >= 3;
    const mirrored = prev.start + prev.end - edges[k - 1]!;
    edges.push(centred ? nearEdge(stats, lo, hi, mirrored) : bestEdge(stats, lo, hi));
  }
  // A column where no cell is printed clear of its left neighbour (every line pushed against it):
  // its label is centred, so its left edge is as far left of the label's centre as the next
  // column's edge is right of it.
  for (let k = header.cells.length - 2; k >= 1; k--) {
    const [lo, hi] = bounds[k]!;
    if (stats.clear.slice(lo, hi + 1).some((n) => n > 0)) continue;
    // A label about as wide as its column starts where the column's text does: cells printed clear
    // of their neighbour just right of the label's start mark the edge.
    const justAfter = [hi + 1, hi + 2].find((x) => (stats.clear[x] ?? 0) > 0);
    if (justAfter !== undefined) {
      edges[k] = Math.max(edges[k - 1]! + 2, justAfter - 1);
      continue;
    }
    const cell = header.cells[k]!;
    // The next column's text starts at its edge (before any move left over an empty gutter).
    const [nextLo, nextHi] = bounds[k + 1]!;
    const next = peakEdge(stats, nextLo, nextHi);
    const right = next > 0 && stats.clear[next]! > 0 ? next : edges[k + 1]!;
    const mirrored = Math.round(cell.start + cell.end - right);
    if (mirrored >= lo - 8 && mirrored <= hi) edges[k] = Math.max(edges[k - 1]! + 2, mirrored);
  }
  return edges;
}

/** Column edges of a page without a printed header: near the previous page's edges. */
function edgesFromHints(stats: Stats, hints: readonly number[]): number[] {
  const edges = [0];
  for (let k = 1; k < hints.length; k++) {
    const lo = Math.max(edges[k - 1]! + 2, hints[k]! - 8);
    const hi = Math.max(lo, hints[k]! + 8);
    edges.push(stats.starts.slice(lo, hi + 1).some((n) => n > 0) ? bestEdge(stats, lo, hi) : hints[k]!);
  }
  return edges;
}

/** The cells of one printed line, cut at the column edges (a word goes to the column it starts in). */
function cutLine(
  text: string,
  edges: readonly number[],
  kinds: readonly ColumnKind[],
  caps: readonly number[],
): string[] {
  return cellsOf(text, placeWords(text, edges, kinds, caps), edges.length);
}

/** The cells of a line from its placed words. */
function cellsOf(
  text: string,
  placed: { words: readonly Span[]; columns: number[] | null },
  m: number,
): string[] {
  const { words, columns } = placed;
  const cells = Array.from({ length: m }, () => [] as string[]);
  if (!columns) return [words[0]!.text, text.slice(words[1]!.start).trim(), ...cells.slice(2).map(() => "")];
  words.forEach((w, i) => cells[columns[i]!]!.push(w.text));
  return cells.map((ws) => ws.join(" "));
}

/**
 * A cell's lines start at one character column. Where the row's other lines show a column's cells
 * starting printed clear at x, a word of the column to its left printed at x (give or take one)
 * on a line where the two touch opens the cell there.
 */
function alignCellStarts(
  row: readonly { words: readonly Span[]; columns: number[] | null }[],
  m: number,
): void {
  const starts = Array.from({ length: m }, () => new Map<number, number>());
  for (const { words, columns } of row) {
    if (!columns) continue;
    words.forEach((w, i) => {
      if (!opensClear(words, columns, i)) return;
      const seen = starts[columns[i]!]!;
      seen.set(w.start, (seen.get(w.start) ?? 0) + 1);
    });
  }
  const at = starts.map((seen) => {
    let best = -1;
    let most = 0;
    for (const [x, n] of seen) if (n > most || (n === most && x < best)) [best, most] = [x, n];
    return best;
  });
  for (const { words, columns } of row) {
    if (!columns) continue;
    for (let c = 1; c < m; c++) {
      if (at[c]! < 0) continue;
      const i = words.findIndex(
        (w, k) =>
          k > 0 &&
          columns[k] === c - 1 &&
          columns[k - 1] === c - 1 &&
          Math.abs(w.start - at[c]!) <= 1 &&
          CELL_START.test(w.text),
      );
      if (i < 0) continue;
      for (let k = i; k < words.length && columns[k] === c - 1; k++) columns[k] = c;
    }
  }
}

/** Word i opens its cell (first on the line or in a new column) printed two spaces or more clear. */
function opensClear(words: readonly Span[], columns: readonly number[], i: number): boolean {
  return i === 0 || (columns[i - 1] !== columns[i] && words[i]!.start - words[i - 1]!.end >= 2);
}

/**
 * The words of a line and the column each goes to; no columns for a section row ("III   Đẩy mạnh
 * ứng dụng …"), which spans the columns after its label as one title.
 */
function placeWords(
  text: string,
  edges: readonly number[],
  kinds: readonly ColumnKind[],
  caps: readonly number[],
  continues?: readonly boolean[],
  vocabulary?: Vocabulary,
): { words: readonly Span[]; columns: number[] | null } {
  const line = lineWords(text);
  const words = line.words;
  if (words.length > 1 && words[0]!.start < (edges[1] ?? Infinity) && SECTION_LABEL.test(words[0]!.text)) {
    const rest = text.slice(words[1]!.start).trim();
    if (!/ {2,}/.test(rest) || CAPITALS_ONLY.test(rest)) return { words, columns: null };
  }
  return { words, columns: assignWords(line, edges, kinds, caps, continues, vocabulary) };
}

/**
 * A page's column edges where its cells start printed clear of their left neighbour (first on the
 * line or two spaces on), once its lines are cut: the lower quintile of those starts, so that a
 * cell pushed right by its neighbour does not move the edge; the edge as it was where a column has
 * fewer than three such starts or the edges would cross.
 */
function edgesFromCells(
  page: { lines: readonly Line[]; edges: readonly number[] },
  kinds: readonly ColumnKind[],
  caps: readonly number[],
): readonly number[] {
  const starts = page.edges.map(() => [] as number[]);
  for (const l of page.lines) {
    const { words, columns } = placeWords(l.text, page.edges, kinds, caps);
    if (!columns) continue;
    words.forEach((w, i) => {
      if (opensClear(words, columns, i)) starts[columns[i]!]!.push(w.start);
    });
  }
  const edges = page.edges.map((e, k) => {
    const found = starts[k]!;
    return k === 0 || found.length < 3 ? e : quantile(found, 0.2)!;
  });
  for (let k = 1; k < edges.length; k++) if (edges[k]! <= edges[k - 1]! + 1) return page.edges;
  return edges;
}

const pairKey = (a: string, b: string) => `${a}\u0001${b}`;

/**
 * The table's own words, once its lines are cut: pairs of words printed side by side in one cell
 * in at least two places (units' names and usual phrases, "Hạ tầng", "Thương binh", that a line
 * where two cells touch should not cut apart), and each column's line fragments printed in at least
 * two places (a unit's or a result's wrapped line, "Ban Giáo dục và", "duyệt"), which a cut where two
 * cells touch should rather make.
 */
interface Vocabulary {
  pairs: ReadonlySet<string>;
  /** A fragment's text and the columns (a bit each) it is printed in at least twice. */
  fragments: ReadonlyMap<string, number>;
}

function vocabularyOf(
  pages: readonly { lines: readonly Line[]; edges: readonly number[] }[],
  kinds: readonly ColumnKind[],
  caps: readonly number[],
): Vocabulary {
  const pairs = new Map<string, number>();
  const fragments = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const p of pages)
    for (const l of p.lines) {
      const { words, columns } = placeWords(l.text, p.edges, kinds, caps);
      if (!columns) continue;
      let fragment = words[0]?.text ?? "";
      for (let i = 1; i <= words.length; i++) {
        if (i < words.length && columns[i] === columns[i - 1]) {
          count(pairs, pairKey(words[i - 1]!.text, words[i]!.text));
          fragment += ` ${words[i]!.text}`;
          continue;
        }
        count(fragments, `${columns[i - 1]}\u0001${fragment}`);
        fragment = words[i]?.text ?? "";
      }
    }
  const known = new Map<string, number>();
  for (const [key, n] of fragments) {
    if (n < 2) continue;
    const [k, text] = key.split("\u0001") as [string, string];
    known.set(text, (known.get(text) ?? 0) | (1 << Number(k)));
  }
  return { pairs: new Set([...pairs].filter(([, n]) => n >= 2).map(([key]) => key)), fragments: known };
}

/** How much cheaper a unit column opens on a unit-type word ("Sở", "Văn phòng", "Các" …). */
const UNIT_BONUS = 2.5;
/** What cutting apart two words the table prints together in its cells costs. */
const PAIR_SPLIT = 3;
/** How much cheaper the deadline column opens on a date, a year or a period's word. */
const DEADLINE_BONUS = 4;
/** A word that can open a cell: capital, digit, dash or bracket ("Văn phòng …", "6/2027", "- Sở …"). */
const CELL_START = /^[\p{Lu}\d(\-–•+%≥≤<>~]/u;
/** What a column holds, for the words that open its cells: units' names, a unit of measure, text. */
type ColumnKind = "units" | "measure" | "deadline" | "text";
/** A unit of measure as an indicator table's ĐVT column prints it. */
const MEASURE =
  /^(?:%|‰|người|hộ|doanh nghiệp|km|ha|tỷ đồng|triệu đồng|usd|lượt|cơ sở|xã|giường|thuê bao)$/iu;
/** How a deadline cell opens: a date, a year, or a period's word ("6/2029", "2028", "Quý", "Hằng"). */
const DEADLINE_OPEN =
  /^(?:\d{1,2}\/(?:\d{1,2}\/)?\d{4}|(?:19|20)\d{2}(?:[–-](?:19|20)\d{2})?|Quý|Quí|Tháng|Hằng|Hàng|Năm|Thường|Trước)$/u;
/** A list item's mark printed as a word of its own. */
const LIST_DASH = /^[-•+]$/;

/**
 * What assignWords reads of a line's words whatever the columns: kept per line text (a line is
 * placed several times while the table's columns are measured).
 */
interface LineWords {
  words: readonly Span[];
  /** A unit's name starts at the word (within its next four words). */
  unitAt: readonly boolean[];
  /** A measure ("%", "tỷ đồng") starts at the word. */
  measureAt: readonly boolean[];
  /** A list dash ("- Sở Tư pháp"), which goes with the word after it; not a date range's dash. */
  dash: readonly boolean[];
  /** Spaces between the word and the one before (Infinity for the first). */
  gapBefore: readonly number[];
  /** The word may open a cell (a capital, a digit, a mark). */
  cellStart: readonly boolean[];
  /** The word may open a deadline cell. */
  deadlineOpen: readonly boolean[];
  /** chars[i]: printed length of words 0..i-1 set one space apart. */
  chars: readonly number[];
}

function lineWordsOf(text: string): LineWords {
  const words = wordsOf(text);
  const n = words.length;
  const gapBefore = words.map((w, i) => (i > 0 ? w.start - words[i - 1]!.end : Infinity));
  const chars = [0];
  for (let i = 0; i < n; i++) chars.push(chars[i]! + words[i]!.text.length + 1);
  return {
    words,
    unitAt: words.map((_, i) =>
      UNIT_START.test(
        words
          .slice(i, i + 4)
          .map((w) => w.text)
          .join(" "),
      ),
    ),
    measureAt: words.map(
      (w, i) => MEASURE.test(w.text) || (i + 1 < n && MEASURE.test(`${w.text} ${words[i + 1]!.text}`)),
    ),
    // A dash after a date is a range's ("Quý I/2026 -" / "Quý II/2027"), not a list's.
    dash: words.map(
      (w, i) => i + 1 < n && LIST_DASH.test(w.text) && !(i > 0 && /\d$/.test(words[i - 1]!.text)),
    ),
    gapBefore,
    cellStart: words.map((w) => CELL_START.test(w.text)),
    deadlineOpen: words.map((w) => DEADLINE_OPEN.test(w.text)),
    chars,
  };
}

/** lineWordsOf, kept for the lines of the table being read. */
const lineWords = remembered(lineWordsOf, 20_000);

/** Words a known fragment spans at most. */
const FRAGMENT_WORDS = 8;

/** The line's runs of words that the table prints as one cell's line elsewhere, in which columns. */
function knownCells(line: LineWords, vocabulary: Vocabulary | undefined): KnownCell[] {
  const out: KnownCell[] = [];
  if (!vocabulary?.fragments.size) return out;
  const { words } = line;
  for (let end = 1; end <= words.length; end++) {
    let text = words[end - 1]!.text;
    for (let start = end - 1; start >= Math.max(0, end - FRAGMENT_WORDS); start--) {
      if (start < end - 1) text = `${words[start]!.text} ${text}`;
      const columns = vocabulary.fragments.get(text);
      if (columns) out.push({ start, end, columns });
    }
  }
  return out;
}

/**
 * Which column each word of a line goes to. Neighbouring cells can touch with one space (a cell's
 * text pushes the next cell right when it is printed wider than its column), so each line is cut
 * into cells by a small cost: how far a cell starts left of its column (text is pushed right,
 * never left; half a point a character, as the scale drifts), how far a word printed clear of its
 * neighbour runs into the next column, how much a cell printed clear starts nearer the next
 * column's edge than its own, how much a cell's text is longer than that column's longest line in
 * the table, plus a new cell that opens on a lower-case word (a cell's first line starts with a
 * capital, a number or a dash; not where the column's cell goes on from the line above), plus
 * cutting apart two words the table prints together in its cells, minus a cell that opens after a
 * wide gap, on a unit's name in a unit column, on a unit of measure in a ĐVT column or on a date or
 * a period's word in the deadline column, minus a cell the table prints as a line elsewhere
 * (layout-cut.ts). A list dash stays with the word after it. Cells keep their order along the line.
 */
function assignWords(
  line: LineWords,
  edges: readonly number[],
  kinds: readonly ColumnKind[],
  caps: readonly number[],
  /** Columns whose cell goes on from the line above (a lower-case word may open them). */
  continues?: readonly boolean[],
  /** The table's own words: pairs not to cut apart, fragments to rather make. */
  vocabulary?: Vocabulary,
): number[] {
  const { words, unitAt, measureAt, dash, gapBefore, cellStart, deadlineOpen, chars } = line;
  const n = words.length;
  const m = edges.length;
  if (!n) return [];
  // A cell printed clear of its neighbour starts near its column's edge, not nearer the next one.
  const drift = (i: number, k: number) => {
    if (gapBefore[i]! < 2 || k + 1 >= m) return 0;
    const x = words[i]!.start;
    return Math.max(0, x - edges[k]! - (edges[k + 1]! - x)) / 2;
  };
  const together = words.map(
    (w, i) =>
      i > 0 && gapBefore[i]! < 2 && vocabulary?.pairs.has(pairKey(words[i - 1]!.text, w.text)) === true,
  );
  const opens = (i: number, k: number) =>
    (cellStart[i] || continues?.[k] ? 0 : 2) +
    (together[i] ? PAIR_SPLIT : 0) -
    (gapBefore[i]! >= 2 ? 1.5 : 0) -
    ((kinds[k] === "units" && unitAt[i]) || (kinds[k] === "measure" && measureAt[i]) ? UNIT_BONUS : 0) -
    (kinds[k] === "deadline" && deadlineOpen[i] ? DEADLINE_BONUS : 0) +
    drift(i, k);
  // What opening each column at each word costs, and starting there left of the column's edge.
  const openAt = floats(0, n * m, 0);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++)
      openAt[i * m + k] =
        (i === 0 && k === 0 ? 0 : opens(i, k)) + LEFT_WEIGHT * Math.max(0, edges[k]! - 1 - words[i]!.start);
  // Per column, prefix sums over the words of the positional cost of placing them there:
  // placed[k * (n + 1) + i] for words 0..i-1 in column k.
  const placed = floats(1, m * (n + 1), 0);
  for (let k = 0; k < m; k++) {
    const hi = k + 1 < m ? edges[k + 1]! : Infinity;
    const at = k * (n + 1);
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      const right = gapBefore[i]! >= 2 ? Math.max(0, w.end - hi) : 0;
      placed[at + i + 1] = placed[at + i]! + right;
    }
  }
  return cheapestCells({ n, m, openAt, placed, chars, caps, dash, known: knownCells(line, vocabulary) });
}

/** Fewer lines than this printed clear in a column: its width counts as a line's length too. */
const FEW_LINES = 8;
/** What each character a cell starts left of its column's edge costs (the scale drifts along a page). */
const LEFT_WEIGHT = 0.5;
/** A column's longest line: the length 95 % of its clear lines stay within (one stray stretch aside). */
const CAP_QUANTILE = 0.95;
/**
 * The longest line each column holds in the table, from the stretches printed clear of their
 * neighbours that start in the column and end within a few characters of the next column's edge.
 * The last column holds any length.
 */
function columnCaps(
  pages: readonly { lines: readonly Line[]; edges: readonly number[] }[],
  m: number,
): number[] {
  const lengths = Array.from({ length: m }, () => [] as number[]);
  for (const { lines, edges } of pages)
    for (const l of lines)
      for (const s of stretchesOf(l.text)) {
        let k = 0;
        while (k + 1 < m && edges[k + 1]! - 2 <= s.start) k++;
        if (k + 1 < m && s.end > edges[k + 1]! + 4) continue;
        lengths[k]!.push(s.text.length);
      }
  return lengths.map((found, k) => {
    if (k === m - 1) return Infinity;
    const widths = pages.map((p) => p.edges[k + 1]! - p.edges[k]!).sort((a, b) => a - b);
    const width = widths[widths.length >> 1]!;
    const cap = quantile(found, CAP_QUANTILE) ?? 0;
    return found.length < FEW_LINES ? Math.max(width - 1, cap) : cap;
  });
}

export interface LayoutRead {
  items: DocItem[];
  dropped: DroppedLine[];
}

/** The document as prose lines and grid rows, read from the columns of layout text. */
export function readLayoutText(raw: readonly string[], file: string): LayoutRead {
  const lines: Line[] = [];
  let page = 1;
  raw.forEach((r, i) => {
    let text = r;
    while (text.includes("\f")) {
      text = text.slice(text.indexOf("\f") + 1);
      page++;
    }
    lines.push({ text: text.replace(/\s+$/, ""), no: i + 1, page });
  });
  const at = (l: Line) => ({ file, line: l.no, page: l.page });
  const items: DocItem[] = [];
  const dropped: DroppedLine[] = [];
  // First and last filled line of each page: where a page number is printed.
  const pageEdge = new Set<number>();
  const filled = lines.map((l, k) => (l.text.trim() ? k : -1)).filter((k) => k >= 0);
  filled.forEach((k, f) => {
    const page = lines[k]!.page;
    const prev = filled[f - 1];
    const next = filled[f + 1];
    if (prev === undefined || lines[prev]!.page !== page || next === undefined || lines[next]!.page !== page)
      pageEdge.add(k);
  });

  let i = 0;
  while (i < lines.length) {
    const header = headerAt(lines, i);
    if (!header) {
      const l = lines[i]!;
      if (l.text.trim()) {
        if (pageEdge.has(i) && LONE_NUMBER.test(l.text.trim()))
          dropped.push({ at: at(l), text: l.text.trim(), reason: "page-number" });
        else items.push({ kind: "prose", text: normalizeInline(l.text), at: at(l) });
      }
      i++;
      continue;
    }
    // Lines above the header's first line that turned out to hold parts of its labels were read as
    // prose: they are the header's.
    for (let k = i - 1; k >= header.start; k--) {
      const last = items[items.length - 1];
      if (last?.kind === "prose" && last.at.line === lines[k]!.no) items.pop();
    }
    i = readTable(lines, header, items, dropped, pageEdge, at);
  }
  return { items, dropped };
}

/** Reads the table under a header; returns the index of the first line after it. */
function readTable(
  lines: readonly Line[],
  header: Header,
  items: DocItem[],
  dropped: DroppedLine[],
  pageEdge: ReadonlySet<number>,
  at: (l: Line) => { file: string; line: number; page: number },
): number {
  const labels = header.cells.map((c) => c.text);
  const hasNo = mapTaskHeader(labels[0]!) === "no" || mapIndicatorHeader(labels[0]!) === "no";
  const headerRow = (h: Header): GridRow => {
    const where = at(lines[h.start]!);
    return {
      kind: "row",
      at: where,
      cells: h.cells.map((c) => ({ lines: [normalizeInline(c.text)], at: where })),
    };
  };
  items.push(headerRow(header));

  // The table's lines, page by page, each page with the header printed on it (if any).
  interface Page {
    header: Header | null;
    /** The header printed again at the top of this page. */
    repeat?: Header;
    body: number[];
  }
  const pages: Page[] = [{ header, body: [] }];
  let j = header.end;
  let pageNo = lines[header.start]!.page;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    const t = l.text.trim();
    if (isAppendixTitle(t)) break;
    const again = headerAt(lines, j, header);
    if (again && !sameWords(again, header)) break;
    if (again) {
      // Its labels give this page's column edges when they are cut as the first header's.
      pages.push({
        header: sameLabels(again, header) ? again : cutAs(lines, again, header),
        repeat: again,
        body: [],
      });
      pageNo = lines[again.start]!.page;
      j = again.end - 1;
      continue;
    }
    if (!t) continue;
    if (pageEdge.has(j) && LONE_NUMBER.test(t) && (!hasNo || l.text.search(/\S/) > 6)) {
      dropped.push({ at: at(l), text: t, reason: "page-number" });
      continue;
    }
    if (l.page !== pageNo) {
      pages.push({ header: null, body: [] });
      pageNo = l.page;
    }
    pages[pages.length - 1]!.body.push(j);
  }

  // Rows: a new row at each label in the TT column; other lines continue the row above.
  let row: GridRow | null = null;
  const pendingRepeats: GridRow[] = [];
  const flush = () => {
    if (row) items.push(row);
    row = null;
    append(items, pendingRepeats.splice(0));
  };
  let hints: number[] = [];
  const kinds = labels.map((l): ColumnKind => {
    if (["lead", "partners"].includes(mapTaskHeader(l)) || mapIndicatorHeader(l) === "responsible")
      return "units";
    if (mapTaskHeader(l) === "deadline") return "deadline";
    return mapIndicatorHeader(l) === "unit" ? "measure" : "text";
  });
  const measured = pages.map((p) => {
    const body = p.body.map((k) => lines[k]!);
    const stats = columnStats(body);
    const edges = p.header ? edgesFromHeader(stats, p.header) : edgesFromHints(stats, hints);
    hints = edges;
    return { lines: body, edges };
  });
  // Once the lines are cut, each column's longest line is measured again over every cell printed
  // in it (touching cells included), and the lines cut with that.
  const firstCaps = columnCaps(measured, labels.length);
  const caps = measuredCaps(measured, (l, edges) => cutLine(l.text, edges, kinds, firstCaps), firstCaps);
  // Each page's edges measured again where its cells, so cut, start printed clear.
  const cutPages = measured.map((p) => ({ ...p, edges: edgesFromCells(p, kinds, caps) }));
  const vocabulary = vocabularyOf(cutPages, kinds, caps);
  // The line above started a row (a wrapped label may continue under it).
  let labelRowAbove = false;
  pages.forEach((p, pi) => {
    labelRowAbove = false;
    if (p.repeat) pendingRepeats.push(headerRow(p.header ?? { ...p.repeat, cells: header.cells }));
    if (!row) append(items, pendingRepeats.splice(0));
    const { lines: body, edges } = cutPages[pi]!;
    const placed = body.map((l) => placeWords(l.text, edges, kinds, caps, undefined, vocabulary));
    const cut = placed.map((p, li) => cellsOf(body[li]!.text, p, edges.length));
    // With a TT column, a row's cells start where the row's other lines show them starting.
    if (hasNo)
      for (let a = 0; a < body.length;) {
        let b = a + 1;
        while (b < body.length && !ROW_LABEL.test(cut[b]![0]!)) b++;
        // A column that held text on the line above may go on in lower case on this one.
        for (let x = a + 1; x < b; x++) {
          const above = placed[x - 1]!.columns;
          if (!above) continue;
          const continues = edges.map((_, k) => above.includes(k));
          placed[x] = placeWords(body[x]!.text, edges, kinds, caps, continues, vocabulary);
        }
        alignCellStarts(placed.slice(a, b), edges.length);
        for (let x = a; x < b; x++) cut[x] = cellsOf(body[x]!.text, placed[x]!, edges.length);
        a = b;
      }
    const blocks = blocksOf(body, cut);
    const above = hasNo ? linesAboveLabel(blocks, pi > 0) : new Set<number>();
    const unnumbered = hasNo ? unnumberedRows(blocks, cut, pi > 0) : blockRows(blocks, cut, pi > 0);
    let pending: string[][] = [];
    body.forEach((l, li) => {
      const cells = cut[li]!;
      const first = cells[0]!;
      if (above.has(li)) {
        pending.push(cells);
        return;
      }
      // A row label wrapped in a narrow TT column ("VI" / "I", "1" / "0."): the line under the label
      // holds the rest of it and nothing else.
      const labelLines = row?.cells[0]!.lines;
      if (
        hasNo &&
        labelRowAbove &&
        labelLines?.length === 1 &&
        first &&
        cells.every((c, k) => k === 0 || !c) &&
        ROW_LABEL.test(labelLines[0]! + first)
      ) {
        labelLines[0] += first;
        labelRowAbove = false;
        return;
      }
      const startsRow = hasNo
        ? ROW_LABEL.test(first) || unnumbered.has(li)
        : first !== "" && (!row || cellsEndSentence(row) || unnumbered.has(li));
      labelRowAbove = startsRow;
      if (startsRow || !row) {
        flush();
        const where = at(l);
        row = { kind: "row", at: where, cells: cells.map(() => ({ lines: [], at: where })) };
      }
      const target: GridRow = row;
      for (const line of [...pending, cells])
        line.forEach((c, k) => {
          if (c) target.cells[k]!.lines.push(c);
        });
      pending = [];
    });
  });
  flush();
  return j;
}

/**
 * Rows printed centred in their cells: a row's other cells start on the lines above its TT label,
 * after the blank line that ends the row before ("   Văn phòng UBND" / "1  Tổ chức …  Sở …" /
 * "   tỉnh"). A block of lines between blank lines holding one label, not on its first line: the
 * lines above the label are the label's row. The first block of a later page is left to the row it
 * continues; a block with several labels (rows printed without space between them) is left as it is.
 */
function linesAboveLabel(blocks: readonly Block[], laterPage: boolean): Set<number> {
  const above = new Set<number>();
  for (const { from, labels } of blocks)
    if (labels.length === 1 && labels[0]! > from && !(laterPage && from === 0))
      for (let x = from; x < labels[0]!; x++) above.add(x);
  return above;
}

/** Lines [from, to) of a page's body between blank lines, and those of them holding a TT label. */
interface Block {
  from: number;
  to: number;
  labels: number[];
}

/** The page's blocks of lines between blank lines, with the lines holding a TT label in each. */
function blocksOf(body: readonly Line[], cut: readonly string[][]): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  for (let li = 1; li <= body.length; li++) {
    if (li < body.length && body[li]!.no - body[li - 1]!.no <= 1) continue;
    const labels: number[] = [];
    for (let x = from; x < li; x++) if (ROW_LABEL.test(cut[x]![0]!)) labels.push(x);
    blocks.push({ from, to: li, labels });
    from = li;
  }
  return blocks;
}

/**
 * A table without a TT column whose rows are printed a blank line apart: when every block between
 * blank lines on the page starts with text in the first column, and there are three or more, each
 * block is a row (its first cell need not end a sentence). The first block of a later page is left
 * to the row it continues.
 */
function blockRows(blocks: readonly Block[], cut: readonly string[][], laterPage: boolean): Set<number> {
  const starts = new Set<number>();
  if (blocks.length < 3 || !blocks.every((b) => /^\p{Lu}/u.test(cut[b.from]![0] ?? ""))) return starts;
  for (const b of blocks) if (!(laterPage && b.from === 0)) starts.add(b.from);
  return starts;
}

/**
 * Rows without a TT number (a section's tasks printed under its row with the TT cell blank): where
 * the table prints a blank line between its rows — nearly every block between blank lines holds
 * at most one label, and there are several — a block with no label whose task cell starts a
 * sentence is a row of its own. The first block of a later page is left to the row it continues.
 */
function unnumberedRows(blocks: readonly Block[], cut: readonly string[][], laterPage: boolean): Set<number> {
  const starts = new Set<number>();
  const labelled = blocks.filter((b) => b.labels.length > 0);
  const separated = labelled.filter((b) => b.labels.length === 1).length;
  if (labelled.length < 2 || separated < 0.9 * labelled.length) return starts;
  for (const b of blocks) {
    if (b.labels.length || (laterPage && b.from === 0)) continue;
    // The task cell may start a line or two lower than another cell of the row (centred cells).
    let task = b.from;
    while (task < b.to - 1 && !cut[task]![1]) task++;
    if (/^\p{Lu}/u.test(cut[task]![1] ?? "")) starts.add(b.from);
  }
  return starts;
}

/** The length CAP_QUANTILE of each column's cells stay within, as the lines were cut (the last column's as it was). */
function measuredCaps(
  pages: readonly { lines: readonly Line[]; edges: readonly number[] }[],
  cut: (l: Line, edges: readonly number[]) => string[],
  caps: readonly number[],
): number[] {
  const lengths = caps.map(() => [] as number[]);
  for (const p of pages)
    for (const l of p.lines)
      cut(l, p.edges).forEach((c, k) => {
        if (c) lengths[k]!.push(c.length);
      });
  return caps.map((cap, k) => {
    const found = lengths[k]!;
    if (k === caps.length - 1 || found.length < FEW_LINES) return cap;
    return quantile(found, CAP_QUANTILE)!;
  });
}

/** The value a share q of the values stay at or under (sorts them in place; undefined if none). */
function quantile(values: number[], q: number): number | undefined {
  values.sort((a, b) => a - b);
  return values[Math.floor((values.length - 1) * q)];
}

/** Without a TT column: the row above is complete when its first cell ends a sentence. */
function cellsEndSentence(row: GridRow): boolean {
  const lastLines = row.cells[0]!.lines;
  return /[.;:]$/.test(lastLines[lastLines.length - 1] ?? "");
}
