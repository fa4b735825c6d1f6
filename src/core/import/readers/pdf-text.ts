/**
 * Text copied out of a PDF. Each table row comes out cell after cell in column order, every cell
 * broken into the lines it was wrapped to, usually with an empty line after each printed line. Two
 * lines of different columns that sit on the same baseline come out with no empty line between
 * them, or even joined on one line ("… công nghệ Phòng Văn hóa – Xã hội"). Page numbers and the
 * header repeated after a page break fall between the lines of a row.
 *
 * Reading it back:
 * 1. find each table's header run with the header vocabulary, its title above, and its end;
 * 2. drop page numbers and repeated headers (reported), take section rows (I, II, …) and, when the
 *    table numbers its rows, cut the body into rows at the TT numbers;
 * 3. assign each row's lines to the columns with dynamic programming over "atoms" (lines, or the
 *    two halves of a line that holds the end of one cell and the start of the next: pdf-text-atoms),
 *    scoring what a cell of each column looks like (deadline grammar, unit names, list markers), the
 *    layout signals (same-baseline breaks, leading spaces, capitals) and, in a second pass, each
 *    column's wrap width (pdf-text-cells).
 */
import { append } from "../../append";
import type { DroppedLine, PlanTable, SourceLocation } from "../../model/plan";
import { foldForMatch, joinLines, normalizeInline } from "../../text/normalize";
import { mapTaskHeader, type TaskField } from "../column-map";
import { taskRows, type RawRow } from "../build-tables";
import { LineSet } from "../line-set";
import { parseHeaderRun } from "./pdf-header";
import { indicatorHeaderAt, readIndicatorRegion } from "./pdf-indicators";
import { atomsOf, toPdfLines, type Atom, type PdfLine } from "./pdf-text-atoms";
import {
  assignCells,
  learnColumns,
  maxAtoms,
  sameBaselineCut,
  scoreCellsFrom,
  type ColumnModel,
} from "./pdf-text-cells";
import { isAppendixTitle } from "../appendix-title";

export interface PdfTextTables {
  tables: PlanTable[];
  rowSources: SourceLocation[][];
  dropped: DroppedLine[];
  /** Line numbers (1-based) that belong to tables: title, header and body. */
  consumed: LineSet;
  /** Table lines that were read into a title, header, section or cell. */
  placed: LineSet;
}
const SECTION_TITLE_START = /^\p{Lu}|^[“"]/u;

/** A lettered part above the Roman sections, its title in capitals ("B  NHIỆM VỤ TRỌNG TÂM"). */
const PART_LINE = /^\s*([A-HĐ])[.)]?\s+(\p{Lu}[\p{Lu}\s,;–-]*)$/u;
const ROMAN_LINE = /^\s*((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*\.?\s*(?:$|\s(.*)$)/;
const NUMBER_LINE = /^\s*(\d{1,5})\s*\.?\s*$/;
const NUMBER_THEN_TEXT = /^\s*(\d{1,5})\.?\s+(\p{Lu}.*)$/u;
const CLOSING = /^(nơi nhận|tm\.|kt\.|t\/m|chủ tịch|phó chủ tịch|bí thư)\b/iu;

/** The header run starting at `start`: the longest run of lines made only of header phrases. */
function headerAt(lines: PdfLine[], start: number): { columns: string[]; end: number } | null {
  // "STT" may be wrapped in a narrow column: "ST" on a line of its own, "T" under it.
  if (!/^(s?tt|st$|nội|noi|tên|ten|nhiệm|nhiem)/iu.test(lines[start]!.text)) return null;
  const first = foldForMatch(lines[start]!.text);
  if (!/^(s?tt|st$|noi dung|ten nhiem vu|nhiem vu)\b/.test(first)) return null;
  let text = "";
  let best: { columns: string[]; end: number } | null = null;
  for (let i = start; i < lines.length && i < start + 16; i++) {
    if (!lines[i]!.text) continue;
    text = `${text} ${lines[i]!.text}`;
    const parsed = parseHeaderRun(text);
    if (!parsed) break;
    // A header names each column once: a repeat means the header was printed again.
    const names = parsed.columns.map(foldForMatch);
    if (new Set(names).size < names.length) break;
    best = { columns: parsed.columns, end: i + 1 };
  }
  if (!best) return null;
  const fields = best.columns.map(mapTaskHeader);
  if (!fields.includes("task") || new Set(fields.filter((f) => f !== "note")).size < 3) return null;
  return best;
}

function titleAbove(lines: PdfLine[], headerStart: number, floor: number): { title: string; from: number } {
  const window: number[] = [];
  for (let i = headerStart - 1; i >= floor && window.length < 12; i--) if (lines[i]!.text) window.unshift(i);
  const start = [...window].reverse().find((i) => isAppendixTitle(lines[i]!.text));
  const picked = start !== undefined ? window.filter((i) => i >= start) : window.slice(-1);
  const text = picked.map((i) => lines[i]!.text).filter((t) => !/^\(\s*(ban hành )?kèm theo/iu.test(t));
  return { title: joinLines(text), from: picked[0] ?? headerStart };
}
/** Lines a section heading ("II. Nhóm nhiệm vụ …") may wrap over, its own line included. */
const MAX_SECTION_LINES = 5;
/** Rows the first pass looks at to learn column widths and usual texts: plenty for the statistics. */
const LEARNING_SAMPLE = 400;

/** Up to `max` items spread evenly over the list. */
function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, k) => items[Math.floor((k * items.length) / max)]!);
}

interface RowBlock {
  no: string;
  section: string | null;
  sectionTitle: string | null;
  /** The row's atoms; a row that runs over a page break has one segment per page. */
  segments: Atom[][];
  at: SourceLocation;
}

/** Content atoms of each column of one row. */
type Assigned = Atom[][];

function cellsFromCuts(atoms: Atom[], cuts: number[]): Assigned {
  return cuts.slice(0, -1).map((from, c) => atoms.slice(from, cuts[c + 1]).filter((a) => !a.blank));
}

/**
 * Assigns a row's atoms to the columns. After a page break every column continues in order, so each
 * segment is assigned on its own (continuations may start in lower case and leave cells empty) and
 * the columns are joined.
 */
function assignRow(columns: ColumnModel[], block: RowBlock): Assigned {
  const out: Assigned = columns.map(() => []);
  block.segments.forEach((atoms, k) => {
    const cells = cellsFromCuts(atoms, assignCells(columns, atoms, k > 0));
    cells.forEach((cell, c) => append(out[c]!, cell));
  });
  return out;
}

/** The rows as the common row builder takes them: the TT in the TT column, each column's printed lines. */
function rawRows(fields: TaskField[], rows: { block: RowBlock; cells: Assigned }[]): RawRow[] {
  return rows.map(({ block, cells }) => {
    const at = block.at;
    let next = 0;
    return {
      at,
      section: { no: block.section, title: block.sectionTitle },
      cells: fields.map((f) => ({ lines: f === "no" ? [block.no] : cells[next++]!.map((a) => a.text), at })),
    };
  });
}

interface TableRegion {
  kind: "tasks" | "indicators";
  title: string;
  titleFrom: number;
  columns: string[];
  years: number[];
  headerStart: number;
  bodyStart: number;
  bodyEnd: number;
}

function findRegions(lines: PdfLine[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let floor = 0;
  // Index of the last title line at or before each line, so the check below stays linear.
  const lastTitle: number[] = [];
  lines.forEach((l, i) => lastTitle.push(isAppendixTitle(l.text) ? i : (lastTitle[i - 1] ?? -1)));
  let i = 0;
  /** A table whose header runs over lines start..end-1; its title is read above the header. */
  const add = (what: Pick<TableRegion, "kind" | "columns" | "years">, start: number, end: number) => {
    const { title, from } = titleAbove(lines, start, floor);
    regions.push({
      ...what,
      title,
      titleFrom: from,
      headerStart: start,
      bodyStart: end,
      bodyEnd: lines.length,
    });
    i = end - 1;
    floor = end;
  };
  for (; i < lines.length; i++) {
    const indicators = indicatorHeaderAt(lines, i);
    if (indicators) {
      add({ kind: "indicators", columns: [], years: indicators.years }, i, indicators.end);
      continue;
    }
    const header = headerAt(lines, i);
    if (!header) continue;
    const prev = regions[regions.length - 1];
    const titled = i > 0 && lastTitle[i - 1]! >= floor;
    if (prev && !titled && prev.columns.join("|") === header.columns.join("|")) {
      // The same header again with no new title: repeated after a page break, not a new table.
      i = header.end - 1;
      continue;
    }
    add({ kind: "tasks", columns: header.columns, years: [] }, i, header.end);
  }
  regions.forEach((r, k) => {
    const next = regions[k + 1];
    let end = next ? next.titleFrom : lines.length;
    for (let i = r.bodyStart; i < end; i++) {
      const t = lines[i]!.text;
      if (isAppendixTitle(t) || CLOSING.test(t)) {
        end = i;
        break;
      }
    }
    r.bodyEnd = end;
  });
  return regions;
}

/**
 * Some copies print an empty line after every printed line, so that a line with none before it sat
 * on the previous line's baseline (another column); others print no empty lines at all (a PDF
 * viewer's copy, pdf.js's text) and run the cells that share a baseline onto one line. In a body
 * where hardly any line follows an empty one, the missing empty line says nothing.
 */
function baselinesMarked(body: readonly PdfLine[]): boolean {
  const printed = body.filter((l) => l.text && !l.pageBreak);
  const afterGap = printed.filter((l) => l.gapBefore).length;
  return afterGap >= printed.length * BASELINE_SIGNAL;
}

/** Share of a body's lines that must follow an empty line for the empty lines to mark baselines. */
const BASELINE_SIGNAL = 0.2;

/** Drops page numbers and repeated header runs from a body; returns the kept lines. */
function cleanBody(
  lines: PdfLine[],
  region: TableRegion,
  all: PdfLine[],
  dropped: DroppedLine[],
  file: string,
): PdfLine[] {
  // A repeated header holds the first one's words, though a page may wrap them otherwise ("Thời
  // hạn" / "hoàn thành" on one page, "Thời hạn hoàn" / "thành" on the next): compare the lines'
  // (already normalised) texts joined.
  const header = all
    .slice(region.headerStart, region.bodyStart)
    .map((l) => l.text.toLowerCase())
    .filter(Boolean)
    .join(" ");
  const out: PdfLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (header && l.text && header.startsWith(l.text.toLowerCase())) {
      let joined = "";
      let j = i;
      while (j < lines.length && joined.length < header.length) {
        if (!lines[j]!.text) {
          j++;
          continue;
        }
        joined = joined ? `${joined} ${lines[j]!.text.toLowerCase()}` : lines[j]!.text.toLowerCase();
        j++;
        if (!header.startsWith(joined)) break;
      }
      if (joined === header) {
        // The page number printed just before the repeated header.
        const before = out[out.length - 1];
        if (before && NUMBER_LINE.test(before.text)) {
          out.pop();
          dropped.push({ at: { file, line: before.line }, text: before.text, reason: "page-number" });
        }
        for (let x = i; x < j; x++)
          if (lines[x]!.text)
            dropped.push({
              at: { file, line: lines[x]!.line },
              text: lines[x]!.text,
              reason: "repeated-header",
            });
        out.push({ raw: "", text: "", line: l.line, gapBefore: true, pageBreak: true });
        i = j - 1;
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

/** The tables of text copied from a PDF; rawLines are the lines of a text already in NFC. */
export function readPdfTextTables(
  rawLines: readonly string[],
  file: string,
  planYear: number,
): PdfTextTables {
  const lines = toPdfLines(rawLines);
  const result: PdfTextTables = {
    tables: [],
    rowSources: [],
    dropped: [],
    consumed: new LineSet(rawLines.length),
    placed: new LineSet(rawLines.length),
  };
  for (const region of findRegions(lines)) {
    for (let i = region.titleFrom; i < region.bodyEnd; i++) result.consumed.add(lines[i]!.line);
    for (let i = region.titleFrom; i < region.bodyStart; i++) result.placed.add(lines[i]!.line);
    if (region.kind === "indicators") {
      const body = lines.slice(region.bodyStart, region.bodyEnd);
      const { table, sources } = readIndicatorRegion(
        body,
        region.title,
        region.years,
        file,
        result.dropped,
        result.placed,
      );
      result.tables.push(table);
      result.rowSources.push(sources);
      continue;
    }
    const fields = region.columns.map(mapTaskHeader);
    const hasNo = fields[0] === "no";
    const body = cleanBody(
      lines.slice(region.bodyStart, region.bodyEnd),
      region,
      lines,
      result.dropped,
      file,
    );
    // A copy without empty lines between printed lines runs a row's cells onto one line.
    const oneLineRows = !baselinesMarked(body);
    const columns: ColumnModel[] = fields
      .filter((f) => f !== "no")
      .map((field) => ({
        field,
        width: 0,
        seen: new Map<string, number>(),
        seenMax: 1,
        seenRows: 0,
        mode: null,
        filled: 0,
      }));
    let rows: { block: RowBlock; cells: Assigned }[];
    if (hasNo) {
      const blocks = rowsByNumber(body, result.dropped, file, result.placed, oneLineRows);
      learnColumns(
        columns,
        sample(blocks, LEARNING_SAMPLE).map((b) => assignRow(columns, b)),
      );
      rows = blocks.map((block) => ({ block, cells: assignRow(columns, block) }));
    } else {
      // Without a TT column every column is narrow: a line far wider than the table's lines is the
      // prose after it (the region's end is moved up to there).
      const widths = body
        .map((l) => l.text.length)
        .filter((n) => n > 0)
        .slice(0, 60)
        .sort((a, b) => a - b);
      const typical = widths[Math.floor(widths.length * 0.9)] ?? 0;
      const stop = body.findIndex((l, k) => k > 10 && typical > 0 && l.text.length > typical * 2);
      if (stop > 0) {
        for (const l of body.slice(stop)) result.consumed.delete(l.line);
        body.splice(stop);
      }
      rows = rowsWithoutNumbers(
        columns,
        atomsOf(
          body.filter((l) => !l.pageBreak),
          oneLineRows,
        ),
        file,
      );
      for (const r of rows)
        for (const seg of r.block.segments) for (const a of seg) result.placed.add(a.line);
    }
    // The rows' cells go to the row builder every reader uses.
    const taskRowList = taskRows(fields, rawRows(fields, rows), planYear);
    result.tables.push({ kind: "tasks", title: region.title, columns: region.columns, rows: taskRowList });
    result.rowSources.push(rows.map((r) => r.block.at));
  }
  return result;
}

/** Cuts a numbered table body into rows at the TT numbers; takes section rows; drops page numbers. */
function rowsByNumber(
  body: PdfLine[],
  dropped: DroppedLine[],
  file: string,
  placed: LineSet,
  /** The copy runs a row's cells onto one line (no empty lines between printed lines). */
  oneLineRows: boolean,
): RowBlock[] {
  const blocks: RowBlock[] = [];
  let section: string | null = null;
  let sectionTitle: string | null = null;
  let current: { no: string; lines: PdfLine[]; at: SourceLocation } | null = null;
  let prevNo = 0;
  let inSectionTitle = false;
  // Lines of the current section heading, and whether a row followed it: a heading with no row
  // under it (its number lost, say) would swallow what follows, so its lines are left unplaced.
  let sectionLines: number[] = [];
  let sectionHasRows = true;
  const closeSection = () => {
    if (!sectionHasRows) for (const n of sectionLines) placed.delete(n);
    sectionLines = [];
    sectionHasRows = true;
  };
  const flush = () => {
    if (current) {
      const segments: PdfLine[][] = [[]];
      for (const l of current.lines) {
        if (l.pageBreak) segments.push([]);
        else segments[segments.length - 1]!.push(l);
      }
      blocks.push({
        no: current.no,
        section,
        sectionTitle,
        segments: segments.filter((g) => g.length).map((g) => atomsOf(g, oneLineRows)),
        at: current.at,
      });
    }
    current = null;
  };
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    const t = l.text;
    const num = NUMBER_LINE.exec(t) ?? NUMBER_THEN_TEXT.exec(t);
    if (num) {
      const n = Number(num[1]);
      let nextText = "";
      for (let x = i + 1; x < body.length && !nextText; x++) nextText = body[x]!.text;
      const nextNo = NUMBER_LINE.exec(nextText) ?? NUMBER_THEN_TEXT.exec(nextText);
      // A page number just before the row it interrupts: the next line is the expected number.
      const nextIsSection = ROMAN_LINE.test(nextText) && /^\s*[IVX]+\b/.test(nextText);
      const pageBeforeRow =
        (n !== prevNo + 1 && nextNo !== null && Number(nextNo[1]) === prevNo + 1) ||
        (NUMBER_LINE.test(t) && nextIsSection && !inSectionTitle);
      const plausible = n > prevNo && n <= prevNo + 3 && !pageBeforeRow;
      const restart = n === 1 && (inSectionTitle || prevNo === 0);
      if (plausible || restart) {
        if (!inSectionTitle) flush();
        inSectionTitle = false;
        sectionHasRows = true;
        prevNo = n;
        placed.add(l.line);
        current = { no: String(n), lines: [], at: { file, line: l.line } };
        if (num[2]) current.lines.push({ ...l, raw: num[2], text: normalizeInline(num[2]), gapBefore: true });
        continue;
      }
      // A lone small number that is not the next row is a page number; a year ("2027") is content.
      if (NUMBER_LINE.test(t) && n < 1000) {
        dropped.push({ at: { file, line: l.line }, text: t, reason: "page-number" });
        continue;
      }
    }
    const roman = ROMAN_LINE.exec(t) ?? PART_LINE.exec(t);
    if (roman && roman[1] && t.length > 0 && (!current || current.lines.length > 0 || blocks.length === 0)) {
      const looksSection = roman[2] === undefined || SECTION_TITLE_START.test(roman[2] ?? "");
      if (looksSection) {
        flush();
        closeSection();
        placed.add(l.line);
        sectionLines = [l.line];
        sectionHasRows = false;
        section = roman[1];
        sectionTitle = normalizeInline(roman[2] ?? "");
        inSectionTitle = true;
        continue;
      }
    }
    if (inSectionTitle) {
      // A group heading wraps over a few lines at most; more lines before the next row number are
      // a row whose number was lost: they are left unplaced, for the clerk to see.
      if (sectionLines.length >= MAX_SECTION_LINES) continue;
      if (t) sectionTitle = joinLines([sectionTitle ?? "", t]);
      placed.add(l.line);
      sectionLines.push(l.line);
      continue;
    }
    if (current) {
      (current as { lines: PdfLine[] }).lines.push(l);
      placed.add(l.line);
    }
  }
  flush();
  closeSection();
  return blocks;
}

/**
 * A body without a TT column: rows and cells together, by dynamic programming over all atoms with
 * the columns in a cycle (state: next atom, next column). A row's first cell must start like a new
 * entry; each row costs a little, so rows are not split without reason. After a page break a row's
 * cells may resume, in column order, at a lower-case line that starts with a space on the baseline
 * of the line before: the DP may read such a run once more through the columns ("continuation"
 * mode, empty cells free) and the cells join the row above.
 */
function rowsWithoutNumbers(
  columns: ColumnModel[],
  atoms: Atom[],
  file: string,
): { block: RowBlock; cells: Assigned }[] {
  const n = atoms.length;
  const k = columns.length;
  const resumes = (i: number) =>
    i > 0 && i < n && atoms[i]!.leadingSpace && !atoms[i]!.gapBefore && atoms[i]!.f.lower;
  const solve = () => {
    // best[m][c][i]: m = 0 normal rows, m = 1 a page-break continuation of the row above.
    const best = [0, 1].map(() => Array.from({ length: k }, () => Array<number>(n + 1).fill(-Infinity)));
    const back = [0, 1].map(() => Array.from({ length: k }, () => Array<{ i: number; m: number }>(n + 1)));
    best[0]![0]![0] = 0;
    const scores: number[] = [];
    for (let i = 0; i <= n; i++) {
      for (let m = 0; m < 2; m++) {
        for (let c = 0; c < k; c++) {
          const base = best[m]![c]![i]!;
          if (base === -Infinity) continue;
          if (m === 0 && c === 0 && i < n && atoms[i]!.blank && base > best[0]![0]![i + 1]!) {
            best[0]![0]![i + 1] = base; // a lone space between rows
            back[0]![0]![i + 1] = { i: -2, m: 0 };
          }
          // Entering a continuation: only at a row boundary, at a line that resumes cells.
          const modes = m === 0 && c === 0 && resumes(i) ? [0, 1] : [m];
          for (const mode of modes) {
            const cont = mode === 1;
            const next = (c + 1) % k;
            // After the last column a continuation returns to normal rows.
            const nextMode = cont && next === 0 ? 0 : mode;
            const count = scoreCellsFrom(
              columns[c]!,
              atoms,
              i,
              Math.min(n, i + maxAtoms(columns[c]!.field)),
              cont,
              scores,
              cont,
            );
            for (let d = 0; d < count; d++) {
              const j = i + d;
              let sc = base + scores[d]!;
              if (c === 0 && !cont) sc -= 2;
              sc += sameBaselineCut(atoms, i, j);
              if (sc > best[nextMode]![next]![j]!) {
                best[nextMode]![next]![j] = sc;
                back[nextMode]![next]![j] = { i, m: mode };
              }
            }
          }
        }
      }
    }
    const cells: { start: number; end: number; cont: boolean }[] = [];
    let c = 0;
    let m = 0;
    let j = n;
    while (j > 0) {
      const from = back[m]![c]![j];
      if (!from) break;
      if (from.i === -2) {
        j -= 1;
        continue;
      }
      cells.unshift({ start: from.i, end: j, cont: from.m === 1 });
      j = from.i;
      c = (c - 1 + k) % k;
      // A continuation is entered from a normal row boundary (its first column).
      m = from.m === 1 && c === 0 ? 0 : from.m;
    }
    const rows: { block: RowBlock; cells: Assigned }[] = [];
    for (let r = 0; r + k <= cells.length; r += k) {
      const rowCells = cells.slice(r, r + k);
      const assigned = rowCells.map((x) => atoms.slice(x.start, x.end).filter((a) => !a.blank));
      const previous = rows[rows.length - 1];
      if (rowCells[0]!.cont && previous) {
        assigned.forEach((cell, col) => append(previous.cells[col]!, cell));
        previous.block.segments.push(atoms.slice(rowCells[0]!.start, rowCells[k - 1]!.end));
        continue;
      }
      const start = rowCells[0]!.start;
      const end = rowCells[k - 1]!.end;
      rows.push({
        block: {
          no: "",
          section: null,
          sectionTitle: null,
          segments: [atoms.slice(start, end)],
          at: { file, line: atoms[start]?.line ?? 0 },
        },
        cells: assigned,
      });
    }
    return rows;
  };
  learnColumns(
    columns,
    solve().map((r) => r.cells),
  );
  return solve();
}
