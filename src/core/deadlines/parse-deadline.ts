/**
 * Deadline text (thời gian hoàn thành) -> due date and recurrence, per DOMAIN.md and SCHEMA.md.
 * A month, quarter or year is due on its last day; a missing year is the plan's year.
 */
import { daysInMonth, formatIso } from "../excel-dates";
import { foldForMatch, normalizeInline } from "../text/normalize";

export type Recurrence = "none" | "continuous" | "monthly" | "quarterly" | "yearly";

export interface Deadline {
  dueDate: string | null;
  recurrence: Recurrence;
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const DASH = "[-–—‑]";

function lastOfMonth(year: number, month: number): string {
  return formatIso(year, month, daysInMonth(year, month));
}

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIso(year, month, day);
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

export function parseDeadline(text: string | null | undefined, planYear: number): Deadline {
  const raw = normalizeInline(text ?? "");
  if (!raw) return { dueDate: null, recurrence: "none" };
  const f = foldForMatch(raw);

  // "2025 và những năm tiếp theo": due at the end of that year, then every year.
  const onwards = /\b((?:19|20)\d{2})\s*(?:va|,)?\s*(?:nhung|cac)\s+nam\s+(?:tiep\s+theo|sau)/.exec(f);
  if (onwards) return { dueDate: formatIso(Number(onwards[1]), 12, 31), recurrence: "yearly" };

  if (/\bhang\s+thang\b/.test(f) || /\bmoi\s+thang\b/.test(f))
    return { dueDate: null, recurrence: "monthly" };
  if (/\bhang\s+quy\b/.test(f) || /\bmoi\s+quy\b/.test(f)) return { dueDate: null, recurrence: "quarterly" };
  if (/\bhang\s+nam\b/.test(f) || /\bmoi\s+nam\b/.test(f)) return { dueDate: null, recurrence: "yearly" };
  if (/\bthuong\s+xuyen\b/.test(f) || /\blien\s+tuc\b/.test(f))
    return { dueDate: null, recurrence: "continuous" };

  // A range of years: the end of the first range.
  const range = new RegExp(`\\b((?:19|20)\\d{2})\\s*${DASH}\\s*((?:19|20)\\d{2})\\b`).exec(raw);
  // A full date d/m/yyyy (also d-m-yyyy, d.m.yyyy).
  const date = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})\b/.exec(raw);
  const month = /\bthang\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\b/.exec(f);
  const quarter = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(f);
  const year = /\b((?:19|20)\d{2})\b/.exec(raw);

  const candidates: { index: number; due: string | null }[] = [];
  if (range) candidates.push({ index: range.index, due: formatIso(Number(range[2]), 12, 31) });
  if (date) {
    const due = validDate(fullYear(date[3]!), Number(date[2]), Number(date[1]));
    if (due) candidates.push({ index: date.index, due });
  }
  if (month) {
    const m = Number(month[1]);
    if (m >= 1 && m <= 12)
      candidates.push({ index: month.index, due: lastOfMonth(month[2] ? Number(month[2]) : planYear, m) });
  }
  if (quarter) {
    const q = ROMAN_QUARTER[quarter[1]!]!;
    candidates.push({
      index: quarter.index,
      due: lastOfMonth(quarter[2] ? Number(quarter[2]) : planYear, q * 3),
    });
  }
  if (candidates.length) {
    // The earliest expression in the text decides ("2025–2030 (5G), 2035–2045 (6G)" -> 2030).
    candidates.sort((a, b) => a.index - b.index);
    return { dueDate: candidates[0]!.due, recurrence: "none" };
  }
  // A date that is not on the calendar ("31/2/2026") is not silently read as its year.
  if (year && !date) return { dueDate: formatIso(Number(year[1]), 12, 31), recurrence: "none" };
  return { dueDate: null, recurrence: "none" };
}
