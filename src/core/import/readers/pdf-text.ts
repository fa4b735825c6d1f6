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
 *    two halves of a line that holds the end of one cell and the start of the next), scoring what a
 *    cell of each column looks like (deadline grammar, unit names, list markers), the layout signals
 *    (same-baseline breaks, leading spaces, capitals) and, in a second pass, each column's wrap width.
 */
import { parseDeadline } from "../../deadlines/parse-deadline";
import { append } from "../../append";
import type { DroppedLine, PlanTable, SourceLocation } from "../../model/plan";
import { foldForMatch, joinLines, normalizeInline, normalizeSpacing } from "../../text/normalize";
import { UNIT_HINTS, UNIT_START } from "../../units/split-units";
import { mapTaskHeader, type TaskField } from "../column-map";
import { taskRows, type RawRow } from "../build-tables";
import { LineSet } from "../line-set";
import { parseHeaderRun } from "./pdf-header";
import { indicatorHeaderAt, readIndicatorRegion } from "./pdf-indicators";
import { remembered } from "../../remembered";

export interface PdfLine {
  /** The line as copied (NFC), with its leading space kept. */
  raw: string;
  text: string;
  line: number;
  /** An empty line precedes this one (a new baseline); false means same baseline as the previous line. */
  gapBefore: boolean;
  /** Marks where a repeated header was taken out: the cells of the row continue after it. */
  pageBreak?: boolean;
}

export interface PdfTextTables {
  tables: PlanTable[];
  rowSources: SourceLocation[][];
  dropped: DroppedLine[];
  /** Line numbers (1-based) that belong to tables: title, header and body. */
  consumed: LineSet;
  /** Table lines that were read into a title, header, section or cell. */
  placed: LineSet;
}

interface Atom {
  text: string;
  line: number;
  /** Starts a printed line (false for the second half of a split line). */
  lineStart: boolean;
  gapBefore: boolean;
  leadingSpace: boolean;
  /** A lone space: an empty cell or the end of one. */
  blank: boolean;
  /** Features the cell scoring reads many times, computed once. */
  f: AtomFeatures;
}

interface AtomFeatures {
  lower: boolean;
  /** Starts with a list marker ("- ", "+ ", "•"). */
  marker: boolean;
  firstWordLength: number;
  endsPeriod: boolean;
  endsPunct: boolean;
  endsFunctionWord: boolean;
  unit: boolean;
  bareUnit: boolean;
  /** A deadline's first word on its own ("Tháng", "Quý"). */
  dangling: boolean;
  /** Ends in a comma or dash: the sentence goes on. */
  endsOpen: boolean;
  /** Opening minus closing brackets. */
  parenDelta: number;
  /** Starts with an upper-case abbreviation ("MN,", "GD", "CNTT"). */
  acronym: boolean;
  /** Could be part of a deadline: holds one of its words or a digit (or goes on "liên" / "tục"). */
  deadlineWord: boolean;
  /** Folded text (no diacritics, lower case) for matching texts seen in other rows; filled on first use. */
  folded: string | null;
}

// Patterns of the per-atom and per-word tests, made once (a bundler may turn a literal with \p{…}
// into a `new RegExp` at each call).
const STARTS_LOWER = /^(\p{Ll}|\()/u;
const STARTS_ACRONYM = /^\p{Lu}{2,5}(?![\p{Ll}])/u;
const DANGLING_WORD = /^(Tháng|Quý|Năm|Hằng|Hàng|Thường|Trước|Trước ngày)$/u;
const ENDS_LIKE_TEXT = /[\p{Ll}\d.;:)”"]$/u;
const ONE_NAME_WORD = /^[-+•]?\s*\p{Lu}\p{Ll}*$/u;
const SECTION_TITLE_START = /^\p{Lu}|^[“"]/u;

/** Opening brackets and quotes less closing ones. */
function parenDelta(text: string): number {
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 0x201c) d++;
    else if (c === 41 || c === 0x201d) d--;
  }
  return d;
}

function featuresOf(text: string): AtomFeatures {
  const first = text[0];
  const last = text[text.length - 1];
  const space = text.indexOf(" ");
  return {
    // Lower case, or an opening bracket: the line goes on with what came before.
    lower: STARTS_LOWER.test(text),
    marker: first === "-" || first === "+" || first === "•",
    firstWordLength: space < 0 ? text.length : space,
    endsPeriod: last === ".",
    endsPunct: last === "." || last === ";" || last === ":",
    endsFunctionWord: endsInFunctionWord(text),
    unit: UNIT_START.test(text),
    bareUnit: BARE_UNIT_WORD.test(text),
    dangling: DANGLING_WORD.test(text),
    endsOpen: last === "," || last === "–" || last === "-",
    parenDelta: parenDelta(text),
    acronym: STARTS_ACRONYM.test(text),
    deadlineWord: DEADLINE_WORD.test(text) || /^(?:tục|TỤC)/u.test(text),
    folded: null,
  };
}

const ROMAN_LINE = /^\s*((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*\.?\s*(?:$|\s(.*)$)/;
const NUMBER_LINE = /^\s*(\d{1,5})\s*\.?\s*$/;
const NUMBER_THEN_TEXT = /^\s*(\d{1,5})\.?\s+(\p{Lu}.*)$/u;
/** Words a unit name starts with: the schema's unit-type words plus common abbreviations. */
/** Deadlines that can follow another cell's text on the same printed line (not a bare year). */
const DEADLINE_START =
  /^(?:Nhiệm vụ thường|Thường xuyên|Thực hiện thường|Hằng |Hàng |Tháng \d|Quý [IV1-4]|Trước ngày|\d{1,2}\/\d{1,2}\/\d{2,4})/u;
/** How a deadline cell starts ("Tháng 9/2025", "Thường xuyên", "2025–2030 …", "Hoàn thành trước …"). */
const DEADLINE_HEAD =
  /^(?:nhiệm vụ thường|thường xuyên|thực hiện|hằng|hàng|tháng|quý|năm|trước|từ|đến|giai đoạn|hoàn thành|ngày|chậm nhất|\d)/iu;
/** Words a line ends in when its sentence goes on ("… và", "… của", "… phục vụ"). */
const FUNCTION_WORDS = new Set(
  "và của các cho trong với theo về từ đến có được là hoặc tại trên những".split(" "),
);
/** The text ends in a function word after a space: read from its last word, not scanned by a pattern. */
function endsInFunctionWord(text: string): boolean {
  const space = text.lastIndexOf(" ");
  return space >= 0 && (FUNCTION_WORDS.has(text.slice(space + 1)) || text.endsWith(" phục vụ"));
}
const CLOSING = /^(nơi nhận|tm\.|kt\.|t\/m|chủ tịch|phó chủ tịch|bí thư)\b/iu;

function isTitleLine(text: string): boolean {
  return /^ph[uụ]\s*l[uụ]c\b/iu.test(text);
}

/** The lines of a text already in NFC (parsePlanText normalises the whole text once), as the reader keeps them. */
export function toPdfLines(lines: readonly string[]): PdfLine[] {
  const out: PdfLine[] = [];
  let gap = true;
  lines.forEach((raw, index) => {
    const text = normalizeSpacing(raw);
    if (!text && raw.trim() === "" && raw.length === 0) {
      gap = true;
      return;
    }
    out.push({
      raw: raw.includes("\u00a0") ? raw.replace(/\u00a0/g, " ") : raw,
      text,
      line: index + 1,
      gapBefore: gap,
    });
    gap = false;
  });
  return out;
}

/** The header run starting at `start`: the longest run of lines made only of header phrases. */
function headerAt(lines: PdfLine[], start: number): { columns: string[]; end: number } | null {
  if (!/^(s?tt|nội|noi|tên|ten|nhiệm|nhiem)/iu.test(lines[start]!.text)) return null;
  const first = foldForMatch(lines[start]!.text);
  if (!/^(s?tt|noi dung|ten nhiem vu|nhiem vu)\b/.test(first)) return null;
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
  const start = [...window].reverse().find((i) => isTitleLine(lines[i]!.text));
  const picked = start !== undefined ? window.filter((i) => i >= start) : window.slice(-1);
  const text = picked.map((i) => lines[i]!.text).filter((t) => !/^\(\s*(ban hành )?kèm theo/iu.test(t));
  return { title: joinLines(text), from: picked[0] ?? headerStart };
}

/** A cell's first character (a unit's name, a deadline or a list mark), tried at a position of the line. */
const CELL_HEAD_AT = /[\p{Lu}\d\-+•]/uy;

/** UNIT_START and DEADLINE_START tried at a position of the whole line (no copy of its rest). */
const UNIT_START_AT = new RegExp(UNIT_START.source.replace(/^\^/, ""), "uy");
const DEADLINE_START_AT = new RegExp(DEADLINE_START.source.replace(/^\^/, ""), "uy");

/** Candidate split of a line into two atoms: end of one cell + start of the next. */
function splitCandidates(text: string): number[] {
  const out: number[] = [];
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  // Each word after the first, at the position after a space (the line is not split into words).
  let w = 0;
  for (let space = text.indexOf(" "); space >= 0; space = text.indexOf(" ", space + 1)) {
    w++;
    const pos = space + 1;
    // The next cell starts with a unit's name or a deadline: a capital, a digit or a list mark.
    CELL_HEAD_AT.lastIndex = pos;
    if (!CELL_HEAD_AT.test(text)) continue;
    DEADLINE_START_AT.lastIndex = pos;
    const deadlineRest = words - w <= 5 && DEADLINE_START_AT.test(text);
    UNIT_START_AT.lastIndex = pos;
    if (deadlineRest || UNIT_START_AT.test(text)) {
      const before = text.slice(0, pos).trimEnd();
      // The first half must end like text ("… công nghệ", "… rà soát."), not inside a name ("- Các").
      const endsLikeText =
        ENDS_LIKE_TEXT.test(before) && !ONE_NAME_WORD.test(before) && !ENDS_WITH_UNIT_WORD.test(before);
      if (endsLikeText && !endsInFunctionWord(` ${before}`)) out.push(pos);
    }
  }
  return out.slice(-2);
}

export function atomsOf(lines: PdfLine[]): Atom[] {
  const atoms: Atom[] = [];
  for (const l of lines) {
    const blank = l.text === "";
    const leadingSpace = /^\s/.test(l.raw) && !blank;
    const cuts = blank ? [] : splitCandidates(l.text);
    if (!cuts.length) {
      atoms.push({
        text: l.text,
        line: l.line,
        lineStart: true,
        gapBefore: l.gapBefore,
        leadingSpace,
        blank,
        f: featuresOf(l.text),
      });
      continue;
    }
    // Offer the first cut only: the DP may keep the halves together.
    const cut = cuts[0]!;
    const first = l.text.slice(0, cut).trim();
    const second = l.text.slice(cut).trim();
    atoms.push({
      text: first,
      line: l.line,
      lineStart: true,
      gapBefore: l.gapBefore,
      leadingSpace,
      blank: false,
      f: featuresOf(first),
    });
    atoms.push({
      text: second,
      line: l.line,
      lineStart: false,
      gapBefore: false,
      leadingSpace: false,
      blank: false,
      f: featuresOf(second),
    });
  }
  return atoms;
}

interface ColumnModel {
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
function withoutMarker(text: string): string {
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
/** Lines a section heading ("II. Nhóm nhiệm vụ …") may wrap over, its own line included. */
const MAX_SECTION_LINES = 5;
/** Rows the first pass looks at to learn column widths and usual texts: plenty for the statistics. */
const LEARNING_SAMPLE = 400;

/** The most lines a cell of a column can take (deadlines and units are short). */
function maxAtoms(field: TaskField): number {
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

/** Up to `max` items spread evenly over the list. */
function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, k) => items[Math.floor((k * items.length) / max)]!);
}

/** The deadline check the DP repeats many times, remembered per text. */
const parsesAsDeadline = remembered((text: string): boolean => {
  const d = parseDeadline(text, 2000);
  return d.dueDate !== null || d.recurrence !== "none";
}, 50_000);

/**
 * Deadline grammar needs a number or one of its words: a cheap test first keeps the DP fast (the
 * words in lower case, capitalised or in capitals: a case-insensitive Unicode pattern is several
 * times slower on long cells).
 */
const DEADLINE_WORD =
  /\d|[Tt]h(?:ường|uong)|TH(?:ƯỜNG|UONG)|[Hh][ằà]ng|H[ẰÀ]NG|[Tt]háng|THÁNG|[Qq]u[ýí]|QU[ÝÍ]|[Nn]ăm|NĂM|[Ll]iên tục|LIÊN TỤC/u;
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

const ENDS_WITH_UNIT_WORD = new RegExp(
  `(?:^|\\s)(?:${UNIT_HINTS.map((w) => w.replace(/ /g, "\\s+")).join("|")})$`,
  "u",
);
/** Type words that need a name after them ("Trung tâm …"); "UBND" or "Công an" can stand alone. */
const INCOMPLETE_UNIT_WORDS = [
  "Sở",
  "Phòng",
  "Văn phòng",
  "Trung tâm",
  "Ban",
  "Hội",
  "Đoàn",
  "Ủy ban",
  "Uỷ ban",
  "Mặt trận",
  "Ngân hàng",
  "Trạm",
  "Chi bộ",
  "Bộ",
  "Các",
];
const BARE_UNIT_WORD = new RegExp(
  `^(?:[-+•]\\s*)?(?:${INCOMPLETE_UNIT_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})$`,
  "u",
);

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
  if (col.width > 0 && a.lineStart && !prev.blank && !a.f.marker) {
    const fits = prev.text.length + 1 + a.f.firstWordLength;
    if (fits <= col.width * 0.8) s -= 2.5;
  }
  return s;
}

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
        let s = base + scores[d]!;
        // A cut before a line with no empty line above (same baseline) is expected.
        if (j < n && j > i && !atoms[j]!.gapBefore && atoms[j]!.lineStart) s += 1;
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

/** Each column's wrap width (the median length of its wrapped lines: robust to a few misplaced lines) and the texts it holds. */
function learnColumns(columns: ColumnModel[], rows: Assigned[]): void {
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
  lines.forEach((l, i) => lastTitle.push(isTitleLine(l.text) ? i : (lastTitle[i - 1] ?? -1)));
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
      if (isTitleLine(t) || CLOSING.test(t)) {
        end = i;
        break;
      }
    }
    r.bodyEnd = end;
  });
  return regions;
}

/** Drops page numbers and repeated header runs from a body; returns the kept lines. */
function cleanBody(
  lines: PdfLine[],
  region: TableRegion,
  all: PdfLine[],
  dropped: DroppedLine[],
  file: string,
): PdfLine[] {
  // A repeated header is printed as the first one was: compare the (already normalised) texts.
  const headerTexts = all
    .slice(region.headerStart, region.bodyStart)
    .map((l) => l.text.toLowerCase())
    .filter(Boolean);
  const out: PdfLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (
      headerTexts.length &&
      l.text.length === headerTexts[0]!.length &&
      l.text.toLowerCase() === headerTexts[0]
    ) {
      let k = 0;
      let j = i;
      while (j < lines.length && k < headerTexts.length) {
        if (!lines[j]!.text) {
          j++;
          continue;
        }
        if (lines[j]!.text.toLowerCase() !== headerTexts[k]) break;
        k++;
        j++;
      }
      if (k === headerTexts.length) {
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
      const blocks = rowsByNumber(body, result.dropped, file, result.placed);
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
      rows = rowsWithoutNumbers(columns, atomsOf(body.filter((l) => !l.pageBreak)), file);
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
function rowsByNumber(body: PdfLine[], dropped: DroppedLine[], file: string, placed: LineSet): RowBlock[] {
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
        segments: segments.filter((g) => g.length).map(atomsOf),
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
    const roman = ROMAN_LINE.exec(t);
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
              if (j < n && j > i && !atoms[j]!.gapBefore && atoms[j]!.lineStart) sc += 1;
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
