/**
 * Lines of text copied out of a PDF, and their "atoms": a line, or the two halves of a line that
 * holds the end of one cell and the start of the next ("… công nghệ Phòng Văn hóa – Xã hội"), each
 * with the features the cell scoring reads of it, worked out once.
 */
import { normalizeSpacing } from "../../text/normalize";
import { UNIT_HINTS, UNIT_START } from "../../units/split-units";

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

export interface Atom {
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
/** Deadlines that can follow another cell's text on the same printed line (not a bare year). */
const DEADLINE_START =
  /^(?:Nhiệm vụ thường|Thường xuyên|Thực hiện thường|Hằng |Hàng |Tháng \d|Quý [IV1-4]|Trước ngày|\d{1,2}\/\d{1,2}\/\d{2,4})/u;
/** Words a line ends in when its sentence goes on ("… và", "… của", "… phục vụ"). */
const FUNCTION_WORDS = new Set(
  "và của các cho trong với theo về từ đến có được là hoặc tại trên những".split(" "),
);
/** The text ends in a function word after a space: read from its last word, not scanned by a pattern. */
function endsInFunctionWord(text: string): boolean {
  const space = text.lastIndexOf(" ");
  return space >= 0 && (FUNCTION_WORDS.has(text.slice(space + 1)) || text.endsWith(" phục vụ"));
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

/** A cell's first character (a unit's name, a deadline or a list mark), tried at a position of the line. */
const CELL_HEAD_AT = /[\p{Lu}\d\-+•]/uy;

/** UNIT_START and DEADLINE_START tried at a position of the whole line (no copy of its rest). */
const UNIT_START_AT = new RegExp(UNIT_START.source.replace(/^\^/, ""), "uy");
const DEADLINE_START_AT = new RegExp(DEADLINE_START.source.replace(/^\^/, ""), "uy");

/**
 * Where a line may hold the end of one cell and the start of the next. Where the copy marks
 * baselines with empty lines, two cells run together only now and then and the next one must start
 * like a unit's name or a deadline; one place is offered (the last but one, or the only one). Where
 * it runs a row's cells onto one line (oneLineRows), every capital, digit or list mark after text
 * that ended like text may start one, up to MAX_CUTS places.
 */
function splitCandidates(text: string, oneLineRows: boolean): number[] {
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
    if (oneLineRows || deadlineRest || UNIT_START_AT.test(text)) {
      const before = text.slice(0, pos).trimEnd();
      // The first half must end like text ("… công nghệ", "… rà soát."), not inside a name ("- Các").
      const endsLikeText =
        ENDS_LIKE_TEXT.test(before) && !ONE_NAME_WORD.test(before) && !ENDS_WITH_UNIT_WORD.test(before);
      if (endsLikeText && !endsInFunctionWord(` ${before}`)) out.push(pos);
    }
  }
  if (oneLineRows) return out.slice(0, MAX_CUTS);
  return out.length > 1 ? [out[out.length - 2]!] : out;
}

/** The most places a line is offered to be cut at (four cells of a row on one line). */
const MAX_CUTS = 3;

/**
 * The atoms of a row's lines: each line, or its parts where it may hold the end of one cell and
 * the start of the next (splitCandidates). The DP may keep a line's parts together. A copy that runs
 * a row's cells onto one line (oneLineRows) prints no empty lines, so its lines say nothing about
 * baselines: each counts as a new one.
 */
export function atomsOf(lines: PdfLine[], oneLineRows = false): Atom[] {
  const atoms: Atom[] = [];
  for (const l of lines) {
    const blank = l.text === "";
    const bounds = [0, ...(blank ? [] : splitCandidates(l.text, oneLineRows)), l.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const text = l.text.slice(bounds[k], bounds[k + 1]).trim();
      const first = k === 0;
      atoms.push({
        text,
        line: l.line,
        lineStart: first,
        gapBefore: first && (oneLineRows || l.gapBefore),
        leadingSpace: first && !blank && /^\s/.test(l.raw),
        blank,
        f: featuresOf(text),
      });
    }
  }
  return atoms;
}

/**
 * Deadline grammar needs a number or one of its words: a cheap test first keeps the DP fast (the
 * words in lower case, capitalised or in capitals: a case-insensitive Unicode pattern is several
 * times slower on long cells).
 */
export const DEADLINE_WORD =
  /\d|[Tt]h(?:ường|uong)|TH(?:ƯỜNG|UONG)|[Hh][ằà]ng|H[ẰÀ]NG|[Tt]háng|THÁNG|[Qq]u[ýí]|QU[ÝÍ]|[Nn]ăm|NĂM|[Ll]iên tục|LIÊN TỤC/u;

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
