/**
 * Deadline text (thời gian hoàn thành) -> due date and recurrence, per DOMAIN.md and SCHEMA.md's
 * "Deadline rules". A month, quarter or year is due on its last day; a missing year is the plan's year.
 *
 * The text is read as a sequence of time expressions (dates, months, quarters, years). The first
 * expression decides, unless a range connector ("-", "–", "đến", "tới") joins it to the next one, in
 * which case the end of the range decides ("Quý II/2026 - Quý III/2027" -> 2027-09-30). A year that
 * follows a quarter or month with no year of its own is that part's year ("Quý I–2026").
 */
import { daysInMonth, formatIso } from "../excel-dates";
import { foldForMatch, normalizeInline } from "../text/normalize";

export type Recurrence = "none" | "continuous" | "monthly" | "quarterly" | "yearly";

/** Why a deadline that looks like a time has no due date. */
export type DeadlineProblem = "impossible-date" | "missing-year";

export interface Deadline {
  dueDate: string | null;
  recurrence: Recurrence;
  /** Set when the text names a time that cannot be turned into a date. */
  problem?: DeadlineProblem;
}

export const DEADLINE_PROBLEM_VI: Record<DeadlineProblem, string> = {
  "impossible-date": "Ngày không có trên lịch (ví dụ 31/6): không xác định được hạn.",
  "missing-year": "Thời hạn không ghi năm và chưa có năm kế hoạch: không xác định được hạn.",
};

const QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const DASH = "[-–—‑]";
const YEAR = String.raw`((?:19|20)\d{2})`;

/** One time expression found in the text: where it is and the day it ends on. */
interface TimePoint {
  start: number;
  end: number;
  /** ISO end day, or null with the reason. */
  due: string | null;
  problem?: DeadlineProblem;
}

function lastOfMonth(year: number, month: number): string {
  return formatIso(year, month, daysInMonth(year, month));
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function dayPoint(start: number, end: number, year: number, month: number, day: number): TimePoint {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { start, end, due: null, problem: "impossible-date" };
  return { start, end, due: formatIso(year, month, day) };
}

function monthPoint(start: number, end: number, year: number | null, month: number): TimePoint | null {
  if (month < 1 || month > 12) return null;
  if (year === null) return { start, end, due: null, problem: "missing-year" };
  return { start, end, due: lastOfMonth(year, month) };
}

/**
 * Every time expression of the folded text, left to right, without overlaps. Patterns are tried from
 * the most specific (a full date) to the least (a bare year); a matched span is masked so that its
 * digits are not read twice.
 */
function timePoints(f: string, planYear: number | null): TimePoint[] {
  let masked = f;
  const points: TimePoint[] = [];
  // Each pattern runs only where its keyword or shape is present: the PDF reader asks about
  // thousands of candidate cells.
  const take = (when: boolean, re: RegExp, read: (m: RegExpExecArray) => TimePoint | null) => {
    if (!when) return;
    for (const m of masked.matchAll(re)) {
      const p = read(m as RegExpExecArray);
      if (!p) continue;
      points.push(p);
      masked = masked.slice(0, p.start) + " ".repeat(p.end - p.start) + masked.slice(p.end);
    }
  };
  const span = (m: RegExpExecArray) => [m.index, m.index + m[0].length] as const;
  const hasThang = f.includes("thang");
  const hasSlash = /\d\s*[/.-]\s*\d/.test(f);
  // "ngày 30 tháng 9 năm 2026", "ngày 30 tháng 9"
  take(
    hasThang && f.includes("ngay"),
    /\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\b(?:\s+nam\s+(\d{4})\b)?/g,
    (m) => {
      const year = m[3] ? Number(m[3]) : planYear;
      if (year === null)
        return { start: m.index, end: m.index + m[0].length, due: null, problem: "missing-year" };
      return dayPoint(...span(m), year, Number(m[2]), Number(m[1]));
    },
  );
  // "30/9/2026", "30-9-2026", "30.9.26"
  take(hasSlash, /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])/g, (m) =>
    dayPoint(...span(m), fullYear(m[4]!), Number(m[3]), Number(m[1])),
  );
  // "Quý IV", "Quý IV/2025", "Quí IV-2025", "Quý III năm 2026", "Quý I – 2026", "Quý 4"
  take(
    f.includes("qu"),
    // The year may follow after a space alone ("Quí IV 2030"): the quarter's year, not another point.
    new RegExp(
      String.raw`\bqu[yi]\s+(iv|iii|ii|i|[1-4])\b(?:(?:\s*(?:[/,]|${DASH}|nam)\s*|\s+)${YEAR}\b)?`,
      "g",
    ),
    (m) => {
      const q = QUARTER[m[1]!]!;
      const year = m[2] ? Number(m[2]) : planYear;
      return monthPoint(...span(m), year, q * 3);
    },
  );
  // "Tháng 9/2025", "tháng 10 năm 2030", "Tháng 6, 7/2026" (the last month named), "tháng 11"
  take(
    hasThang,
    new RegExp(
      String.raw`\bthang\s+((?:\d{1,2}\s*(?:,|va)\s*)*)(\d{1,2})\b(?:(?:\s*(?:[/.]|${DASH}|nam)\s*|\s+)${YEAR}\b)?`,
      "g",
    ),
    (m) => monthPoint(...span(m), m[3] ? Number(m[3]) : planYear, Number(m[2])),
  );
  // "8/2025", "08/2025", "6-2025"
  take(hasSlash, new RegExp(String.raw`(?<![\d/.])(\d{1,2})\s*[/.-]\s*${YEAR}\b(?![/.]\d)`, "g"), (m) =>
    monthPoint(...span(m), Number(m[2]), Number(m[1])),
  );
  // "2025", "Năm 2025"
  take(/\d{4}/.test(f), new RegExp(String.raw`(?<![\d/.])${YEAR}(?![\d/.]\d)`, "g"), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    due: formatIso(Number(m[1]), 12, 31),
  }));
  return points.sort((a, b) => a.start - b.start);
}

/** Text between two expressions that makes them one range. */
const RANGE_JOIN = new RegExp(String.raw`^\s*(?:${DASH}|den|toi)\s*(?:ngay\s+)?$`);

/**
 * Deadlines already read, by text and plan year: a plan's deadlines repeat ("Quý IV/2025",
 * "Thường xuyên"), and an import reads each one several times (reader, row builder, warnings).
 */
const READ = new Map<string, Deadline>();
const READ_LIMIT = 20_000;

export function parseDeadline(text: string | null | undefined, planYear: number | null): Deadline {
  const key = `${planYear ?? ""}|${text ?? ""}`;
  const known = READ.get(key);
  if (known) return { ...known };
  const read = readDeadline(text, planYear);
  if (READ.size >= READ_LIMIT) READ.clear();
  READ.set(key, read);
  return { ...read };
}

function readDeadline(text: string | null | undefined, planYear: number | null): Deadline {
  const raw = normalizeInline(text ?? "");
  if (!raw) return { dueDate: null, recurrence: "none" };
  const f = foldForMatch(raw);

  // "2025 và những năm tiếp theo": due at the end of that year, then every year.
  const onwards = new RegExp(
    String.raw`\b${YEAR}\s*(?:va|,)?\s*(?:nhung|cac)\s+nam\s+(?:tiep\s+theo|sau)`,
  ).exec(f);
  if (onwards) return { dueDate: formatIso(Number(onwards[1]), 12, 31), recurrence: "yearly" };

  // A more specific period wins over "Thường xuyên" ("Thường xuyên, định kỳ hằng quý").
  if (/\b(?:hang|moi)\s+thang\b/.test(f)) return { dueDate: null, recurrence: "monthly" };
  if (/\b(?:hang|moi)\s+quy\b/.test(f)) return { dueDate: null, recurrence: "quarterly" };
  if (/\b(?:hang|moi)\s+nam\b/.test(f)) return { dueDate: null, recurrence: "yearly" };
  if (/\bthuong\s+xuyen\b/.test(f) || /\blien\s+tuc\b/.test(f))
    return { dueDate: null, recurrence: "continuous" };

  // Without a digit, only "Quý IV" can name a time.
  if (!/\d/.test(f) && !f.includes("qu")) return { dueDate: null, recurrence: "none" };
  const points = timePoints(f, planYear);
  if (!points.length) return { dueDate: null, recurrence: "none" };
  // The first expression decides; a range connector hands the decision to the part after it.
  let i = 0;
  while (i + 1 < points.length && RANGE_JOIN.test(f.slice(points[i]!.end, points[i + 1]!.start))) i++;
  const decisive = points[i]!;
  if (decisive.due) return { dueDate: decisive.due, recurrence: "none" };
  return { dueDate: null, recurrence: "none", problem: decisive.problem };
}
