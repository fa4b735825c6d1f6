/**
 * Which of a table row's atoms go to which column, in text copied out of a PDF: each cell is scored
 * by what a cell of its column looks like (deadline grammar, unit names, list markers, the texts the
 * column holds in other rows) and by the layout (same-baseline breaks, leading spaces, capitals, the
 * column's wrap width), and dynamic programming finds the row's best cut.
 */
import { parseDeadline } from "../../deadlines/parse-deadline";
import { remembered } from "../../remembered";
import { foldForMatch, joinLines } from "../../text/normalize";
import type { TaskField } from "../column-map";
import { DEADLINE_WORD, type Atom } from "./pdf-text-atoms";

/** How a deadline cell starts ("Tháng 9/2025", "Thường xuyên", "2025–2030 …", "Hoàn thành trước …"). */
const DEADLINE_HEAD =
  /^(?:nhiệm vụ thường|thường xuyên|thực hiện|hằng|hàng|tháng|quý|năm|trước|từ|đến|giai đoạn|hoàn thành|ngày|chậm nhất|\d)/iu;

export interface ColumnModel {
  field: TaskField;
  /** Estimated wrap width in characters (0 = unknown). */
  width: number;
  /** How often each cell text (folded) was seen in this column in the first pass: only texts held often enough to count. */
  seen: Map<string, number>;
  seenMax: number;
  /** Rows the first pass saw: a text counts only when it is common (a dominant unit, say). */
  seenRows: number;
  /** The most common text of the column, when one dominates. */
  mode: string | null;
  /** Share of first-pass rows where the column is not empty. */
  filled: number;
}

/** A cell's text without the list mark it starts with ("- Sở Y tế" → "Sở Y tế"). */
export function withoutMarker(text: string): string {
  return /^[-+•]/.test(text) ? text.replace(/^[-+•]\s*/, "") : text;
}

/** How often the column held this text: compared by length first, the keys are few (see learnColumns). */
function seenCount(col: ColumnModel, key: string): number {
  for (const [k, n] of col.seen) if (k.length === key.length && k === key) return n;
  return 0;
}

const seenKey = (text: string): string => withoutMarker(foldForMatch(text));

/** seenKey of a cell from its atoms' folded texts (no re-folding in the DP's inner loop). */
function seenKeyOf(content: readonly Atom[]): string {
  let out = "";
  for (const a of content) out = joinAtom(out, foldedOf(a));
  return withoutMarker(out);
}

function foldedOf(a: Atom): string {
  a.f.folded ??= foldForMatch(a.text);
  return a.f.folded;
}

const MAX_CELL_ATOMS = 40;
/**
 * Two lines with no empty line between them usually sit on one baseline in two columns; some
 * copies also run a cell's own lines together, so this is evidence, not a rule.
 */
const NO_GAP_PENALTY = 2.5;

/** The most lines a cell of a column can take (deadlines and units are short). */
export function maxAtoms(field: TaskField): number {
  switch (field) {
    case "no":
      return 1;
    case "deadline":
      return 8;
    case "lead":
      return 10;
    case "task":
      return MAX_CELL_ATOMS;
    default:
      return 20;
  }
}

/** The deadline check the DP repeats many times, remembered per text. */
const parsesAsDeadline = remembered((text: string): boolean => {
  const d = parseDeadline(text, 2000);
  return d.dueDate !== null || d.recurrence !== "none";
}, 50_000);
function looksLikeDeadline(text: string): boolean {
  if (!text || !DEADLINE_WORD.test(text)) return false;
  return parsesAsDeadline(text);
}

/** joinLines for atoms, whose texts are already normalised, one atom at a time: the hyphen rule only. */
function joinAtom(out: string, text: string): string {
  if (!text) return out;
  if (!out) return text;
  if (out.length > 1 && out.endsWith("-") && out[out.length - 2] !== " ") return out + text;
  return `${out} ${text}`;
}

/** Layout terms for atom `a` continuing the cell after `prev` (shared by both scorers). */
function continuation_terms(col: ColumnModel, a: Atom, prev: Atom, openBrackets: number): number {
  let s = 0;
  // A line that ends in a function word ("… và", "… của"), a comma or a dash goes on in the same
  // cell; so does one inside brackets not yet closed.
  if (a.lineStart && (prev.f.endsFunctionWord || prev.f.endsOpen)) s += 2;
  if (openBrackets > 0) s += 3;
  // A lower-case start continues a sentence, unless the line before ended one; so, more weakly, does an
  // acronym ("MN, TH", "GD") that is not a unit's type word, after a line that did not end a sentence.
  if (a.f.lower) s += prev.f.endsPeriod ? -1.5 : 1;
  else if (a.f.acronym && !a.f.unit && !prev.f.endsPunct) s += 1;
  else if (prev.f.endsPunct && a.lineStart) s -= 0.5;
  // A unit's name that starts in the middle of a line, with no comma or semicolon before it, is the
  // next cell's ("Văn phòng Tư pháp Trung tâm Công Thương": a lead and a partner on one baseline).
  if (!a.lineStart && a.f.unit && !prev.f.endsOpen && !prev.f.endsPunct) s -= UNIT_RUN_ON;
  if (col.width > 0 && a.lineStart && !prev.blank && !a.f.marker) {
    const fits = prev.text.length + 1 + a.f.firstWordLength;
    if (fits <= col.width * 0.8) s -= 2.5;
  }
  return s;
}

/** What keeping a unit's name that starts mid-line in the cell before it costs. */
const UNIT_RUN_ON = 4;

/** Score of a cell made of atoms[i..j) in a column. */
export function cellScore(
  col: ColumnModel,
  atoms: Atom[],
  i: number,
  j: number,
  continuation = false,
  resumed = false,
): number {
  const content = atoms.slice(i, j).filter((a) => !a.blank);
  if (!content.length) return emptyScore(col, continuation);
  let s = 0;
  const head = content[0]!;
  // Layout inside the cell.
  let balance = atoms[i]!.blank ? 0 : atoms[i]!.f.parenDelta;
  for (let k = i + 1; k < j; k++) {
    const a = atoms[k]!;
    const prev = atoms[k - 1]!;
    const open = balance;
    if (!a.blank) balance += a.f.parenDelta;
    if (a.blank) {
      // A lone space closes a cell: fine at its end, suspicious inside it.
      s += k === j - 1 ? 1 : -3;
      continue;
    }
    if (!a.lineStart)
      s += 0.5; // keeping a line whole
    else if (!a.gapBefore) s -= NO_GAP_PENALTY; // same baseline: another column
    if (a.leadingSpace) s -= 2.5;
    s += continuation_terms(col, a, prev, open);
  }
  if (col.width > 0) for (const a of content) if (a.lineStart && a.text.length > col.width * 1.3) s -= 2;
  // A new cell starts like one; a cell resumed after a page break (no-TT tables) goes on in lower case.
  if (head.f.lower && !continuation) s -= 3;
  if (!head.f.lower && resumed) s -= 4;
  const cell = new CellText();
  for (const a of content) cell.push(a);
  return s + columnTerms(col, cell, head);
}

/** A growing cell: its content atoms and what the column rules read of them, kept up as it grows. */
class CellText {
  /** The content atoms are buffer[0..size): the buffer is kept from cell to cell. */
  private readonly buffer: Atom[] = [];
  size = 0;
  length = -1;
  /** Some atom holds a deadline's word: only then can the cell read as a deadline. */
  deadlineWord = false;
  /** A line after the cell's first atom opens a list item ("- Sở …"). */
  itemAfterHead = false;
  /** Some line of the cell opens a list item. */
  anyItem = false;
  /** The joined text of content[0..joinedAtoms), extended on demand. */
  private joined = "";
  private joinedAtoms = 0;
  /** isDeadline's answer for the cell's first deadlineAt atoms (the rules ask up to twice a cell). */
  private deadline = false;
  private deadlineAt = -1;
  /** Where the cell starts in its row's atoms, for the row's memo of deadline answers (-1: no memo). */
  private atoms: readonly Atom[] | null = null;
  private start = -1;
  /** Empty again, for the next cell (scoreCellsFrom reuses one), starting at atoms[start]. */
  clear(atoms: readonly Atom[], start: number): void {
    this.atoms = atoms;
    this.start = start;
    this.size = 0;
    this.length = -1;
    this.deadlineWord = this.itemAfterHead = this.anyItem = false;
    this.joined = "";
    this.joinedAtoms = 0;
    this.deadlineAt = -1;
  }
  push(a: Atom): void {
    const item = a.lineStart && a.f.marker;
    if (item && this.size) this.itemAfterHead = true;
    this.anyItem ||= item;
    this.buffer[this.size++] = a;
    this.length += a.text.length + 1;
    this.deadlineWord ||= a.f.deadlineWord;
  }
  text(): string {
    for (; this.joinedAtoms < this.size; this.joinedAtoms++)
      this.joined = joinAtom(this.joined, this.buffer[this.joinedAtoms]!.text);
    return this.joined;
  }
  /** The cell's text reads as a deadline (looksLikeDeadline, without joining texts that cannot). */
  isDeadline(): boolean {
    if (!this.deadlineWord) return false;
    if (this.deadlineAt !== this.size) {
      this.deadlineAt = this.size;
      this.deadline = this.atoms
        ? rowDeadlines.answer(this.atoms, this.start, this)
        : looksLikeDeadline(this.text());
    }
    return this.deadline;
  }
  /** The cell's first and last content atoms (the cell is not empty). */
  head(): Atom {
    return this.buffer[0]!;
  }
  last(): Atom {
    return this.buffer[this.size - 1]!;
  }
  /** A copy of the content atoms. */
  atomList(): Atom[] {
    return this.buffer.slice(0, this.size);
  }
}

/**
 * Whether the cell of a row's atoms that starts at one atom and holds so many of them reads as a
 * deadline: every column of the DP asks it of the same cells, so the answers are kept for the row
 * (keyed by start and size) instead of hashing the cell's text each time.
 */
class RowDeadlines {
  private atoms: readonly Atom[] | null = null;
  private readonly answers = new Map<number, boolean>();
  answer(atoms: readonly Atom[], start: number, cell: CellText): boolean {
    if (atoms !== this.atoms || this.answers.size > 50_000) {
      this.atoms = atoms;
      this.answers.clear();
    }
    const key = start * (MAX_CELL_ATOMS + 1) + cell.size;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = looksLikeDeadline(cell.text());
      this.answers.set(key, answer);
    }
    return answer;
  }
}
const rowDeadlines = new RowDeadlines();

/** Words in a joined text (its texts are normalised: one space between words). */
function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/** The part of a cell's score that depends on the whole cell: usual texts, column shape. */
function columnTerms(col: ColumnModel, cell: CellText, head: Atom, rawKey?: string): number {
  const textLength = cell.length;
  let s = 0;
  // Units and results repeat down a column: a text this column already holds in other rows.
  // The bonus follows how common the text is, so a repeated first-pass mistake does not win.
  // A cell that holds the column's usual text plus more (the usual partners and one extra) counts too.
  // Texts that repeat down a column are short (units, results): long cells are not looked up.
  const size = cell.size;
  if (col.seen.size && size <= 6) {
    const key = rawKey === undefined ? seenKeyOf(cell.atomList()) : withoutMarker(rawKey);
    const exact = seenCount(col, key);
    const extended =
      col.mode && key.startsWith(col.mode) && /^ [-+•] /.test(key.slice(col.mode.length)) ? col.seenMax : 0;
    const seen = Math.max(exact, extended);
    if (seen >= 2 && seen >= col.seenRows * 0.3) s += (4 * seen) / col.seenMax;
  }
  // A deadline's first word left dangling at the end of another cell ("… liên thông" + "Tháng").
  if (col.field !== "deadline" && cell.last().f.dangling) s -= 4;
  // The joined text is built only where a rule reads it (short cells mostly).
  switch (col.field) {
    case "no":
      return size === 1 && /^\d{1,3}\.?$/.test(cell.text()) ? 2 : -20;
    case "deadline": {
      // A deadline cell is short, starts like a deadline and reads as one as a whole.
      if (textLength > 60 || size > 8) {
        s -= 6;
        break;
      }
      const text = cell.text();
      if (!DEADLINE_HEAD.test(text)) s -= cell.isDeadline() ? 2 : 6;
      else if (textLength <= 40 && wordCount(text) <= 8 && cell.isDeadline()) s += 6;
      else s -= cell.isDeadline() ? 2 : 6;
      break;
    }
    case "lead":
      s += head.f.unit ? 3 : -2;
      // The lead is usually one unit: a second list item belongs to the partners.
      if (cell.itemAfterHead) s -= 2;
      if (cell.last().f.bareUnit) s -= 4;
      if (!head.f.unit && textLength < 60 && cell.isDeadline()) s -= 3;
      break;
    case "partners": {
      if (textLength === 1 && cell.text() === "-") s += 2;
      else s += head.f.unit ? 2 : -2;
      if (cell.last().f.bareUnit) s -= 4;
      break;
    }
    case "task":
      if (textLength < 30 && cell.isDeadline()) s -= 4;
      break;
    case "output":
      if (textLength < 30 && cell.isDeadline()) s -= 3;
      if (head.f.unit) s -= 2;
      if (cell.anyItem) s -= 1.5;
      break;
    default:
      break;
  }
  return s;
}

/** Score of an empty cell. */
function emptyScore(col: ColumnModel, continuation: boolean): number {
  if (continuation) return 0;
  // A column that is filled in almost every row is rarely empty.
  const usual = col.filled > 0.85 ? -3 : 0;
  switch (col.field) {
    case "task":
      return -50;
    case "no":
      return -1;
    case "lead":
      return -4 + usual;
    case "partners":
      return -1.5 + usual;
    case "output":
      return -2.5 + usual;
    case "deadline":
      return -3 + usual;
    default:
      return -0.5 + usual;
  }
}

/** The cell scoreCellsFrom grows: one, cleared for each start (the DP scores millions of cells). */
const growingCell = new CellText();

/**
 * cellScore for every cell atoms[i..j), j = i … jMax, in one pass: the layout terms are summed as
 * the cell grows instead of being recomputed for each j. Must agree with cellScore (tested).
 */
export function scoreCellsFrom(
  col: ColumnModel,
  atoms: Atom[],
  i: number,
  jMax: number,
  continuation: boolean,
  out: number[],
  resumed = false,
  scoreFrom = 0,
): number {
  // out keeps its storage from call to call: written by index, the count returned.
  let count = 0;
  out[count++] = i >= scoreFrom ? emptyScore(col, continuation) : -Infinity;
  const cell = growingCell;
  cell.clear(atoms, i);
  let layout = 0;
  let longLines = 0;
  let key = "";
  let balance = 0;
  const wantKey = col.seen.size > 0;
  let lastBlankBonus = 0;
  for (let k = i; k < jMax; k++) {
    const a = atoms[k]!;
    if (k > i) {
      const prev = atoms[k - 1]!;
      // The blank that was last is now inside the cell.
      layout -= lastBlankBonus;
      lastBlankBonus = 0;
      if (a.blank) {
        layout += 1;
        lastBlankBonus = 1 + 3; // +1 while last, -3 once followed
      } else {
        if (!a.lineStart) layout += 0.5;
        else if (!a.gapBefore) layout -= NO_GAP_PENALTY;
        if (a.leadingSpace) layout -= 2.5;
        layout += continuation_terms(col, a, prev, balance);
      }
    }
    if (!a.blank) {
      balance += a.f.parenDelta;
      cell.push(a);
      if (wantKey && cell.size <= 6) key = joinAtom(key, foldedOf(a));
      if (col.width > 0 && a.lineStart && a.text.length > col.width * 1.3) longLines -= 2;
    }
    if (k < scoreFrom - 1) {
      out[count++] = -Infinity;
      continue;
    }
    if (!cell.size) {
      out[count++] = emptyScore(col, continuation);
      continue;
    }
    const head = cell.head();
    const score =
      layout +
      longLines +
      (head.f.lower && !continuation ? -3 : 0) +
      (!head.f.lower && resumed ? -4 : 0) +
      columnTerms(col, cell, head, key);
    out[count++] = score;
  }
  return count;
}

/** A cut before a line with no empty line above it (same baseline: the next column) is expected. */
export function sameBaselineCut(atoms: readonly Atom[], i: number, j: number): number {
  return j < atoms.length && j > i && !atoms[j]!.gapBefore && atoms[j]!.lineStart ? 1 : 0;
}

/** Best assignment of atoms to the columns (in order), as cut points. */
export function assignCells(columns: ColumnModel[], atoms: Atom[], continuation = false): number[] {
  const n = atoms.length;
  const k = columns.length;
  const NEG = -Infinity;
  // best[c * stride + i]: the best score of atoms[0..i) in columns[0..c); back: where that cell starts.
  const stride = n + 1;
  const cells = (k + 1) * stride;
  if (dpBest.length < cells) {
    dpBest = new Float64Array(cells * 2);
    dpBack = new Int32Array(cells * 2);
  }
  const best = dpBest;
  const back = dpBack;
  best.fill(NEG, 0, cells);
  back.fill(-1, 0, cells);
  best[0] = 0;
  const scores = dpScores;
  // The row's cells must end at its last atom: a cell of column c that ends before the columns
  // after it can reach that far is never on the best path, so it is not scored.
  let reachAfter = 0;
  const lastUseful: number[] = [];
  for (let c = k - 1; c >= 0; c--) {
    lastUseful[c] = n - reachAfter;
    reachAfter += maxAtoms(columns[c]!.field);
  }
  for (let c = 0; c < k; c++) {
    const longest = maxAtoms(columns[c]!.field);
    const scoreFrom = lastUseful[c]!;
    const next = (c + 1) * stride;
    for (let i = Math.max(0, scoreFrom - longest); i <= n; i++) {
      const base = best[c * stride + i]!;
      if (base === NEG) continue;
      const count = scoreCellsFrom(
        columns[c]!,
        atoms,
        i,
        Math.min(n, i + longest),
        continuation,
        scores,
        false,
        scoreFrom,
      );
      for (let d = 0; d < count; d++) {
        const j = i + d;
        const s = base + scores[d]! + sameBaselineCut(atoms, i, j);
        if (s > best[next + j]!) {
          best[next + j] = s;
          back[next + j] = i;
        }
      }
    }
  }
  // A row too long for the columns' cell limits (text printed column by column, say): its text
  // goes whole into the first column, for the clerk to see in the preview, rather than be cut at random.
  if (best[k * stride + n] === NEG) return [0, ...columns.map(() => n)];
  const cuts: number[] = [n];
  let j = n;
  for (let c = k; c > 0; c--) {
    j = back[c * stride + j]!;
    cuts.unshift(j);
  }
  return cuts;
}

/** assignCells' tables, kept from row to row (grown when a row needs more). */
let dpBest = new Float64Array(0);
let dpBack = new Int32Array(0);
const dpScores: number[] = [];

/** Each column's wrap width (the median length of its wrapped lines: robust to a few misplaced lines) and the texts it holds. */
export function learnColumns(columns: ColumnModel[], rows: Atom[][][]): void {
  columns.forEach((col, c) => {
    const lengths: number[] = [];
    col.seen = new Map();
    for (const cells of rows) {
      // A line wrapped to the column width is one followed by more of the same paragraph (not a new
      // list item).
      const lineAtoms = cells[c]!.filter((a) => a.lineStart);
      lineAtoms.forEach((a, k) => {
        const next = lineAtoms[k + 1];
        if (next && !/^[-+•]/.test(next.text)) lengths.push(a.text.length);
      });
      const key = seenKey(joinLines(cells[c]!.map((a) => a.text)));
      if (key) col.seen.set(key, (col.seen.get(key) ?? 0) + 1);
    }
    lengths.sort((a, b) => a - b);
    col.width = lengths.length >= 5 ? lengths[Math.floor(lengths.length * 0.5)]! : 0;
    col.seenMax = Math.max(1, ...col.seen.values());
    col.seenRows = rows.length;
    col.filled = rows.length ? rows.filter((cells) => cells[c]!.length > 0).length / rows.length : 0;
    const top = [...col.seen.entries()].sort((a, b) => b[1] - a[1])[0];
    col.mode = top && top[1] >= 2 && top[1] >= rows.length * 0.3 ? top[0] : null;
    // Only texts held often enough to earn a bonus are kept (columnTerms): looking a cell up
    // among two or three texts is cheaper than hashing it, in the DP's inner loop.
    for (const [k, n] of col.seen) if (n < 2 || n < rows.length * 0.3) col.seen.delete(k);
  });
}
