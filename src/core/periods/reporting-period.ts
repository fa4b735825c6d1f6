/**
 * Reporting periods (Nghị định 09/2019/NĐ-CP, Art. 12): with a cut-off day (15 by default) a month's
 * period runs from the 15th of the previous month to the 14th; quarters, 6 and 9 months and the year
 * start on the 15th of December of the previous year. Cut-off day 1 gives calendar periods.
 */
import { daysInMonth, formatIso, splitIsoDate } from "../excel-dates";
import { foldForMatch } from "../text/normalize";

export type PeriodKind = "month" | "quarter" | "half" | "nine-months" | "year";

export interface ReportingPeriod {
  kind: PeriodKind;
  label: string;
  start: string;
  end: string;
}

const ROMAN = ["I", "II", "III", "IV"];

function shift(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const KIND_WORDS: Record<string, PeriodKind> = {
  thang: "month",
  month: "month",
  quy: "quarter",
  quarter: "quarter",
  "6thang": "half",
  half: "half",
  "9thang": "nine-months",
  "nine-months": "nine-months",
  nam: "year",
  year: "year",
};

/** A period kind as a clerk types it: "tháng", "Quý", "6 tháng", "9 tháng", "năm" (or thang, quy…). */
export function periodKindFromText(text: string): PeriodKind | null {
  return KIND_WORDS[foldForMatch(text).replace(/\s+/g, "")] ?? null;
}

/**
 * A cut-off day from a cell: 2–28, or 1 / "calendar" / "dương lịch" for whole calendar months.
 * Null when it is none of these.
 */
export function cutoffDayFrom(value: string | number | null | undefined, fallback = 15): number | null {
  if (value === null || value === undefined || value === "") return fallback;
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 28 ? value : null;
  const f = foldForMatch(value);
  if (/^(calendar|duong lich|theo thang duong lich)$/.test(f)) return 1;
  return /^\d+$/.test(f) ? cutoffDayFrom(Number(f), fallback) : null;
}

/**
 * The period (of a kind) that contains the date; null when the date is outside every window of that
 * kind (a date in the last quarter has no 9-month period) or the cut-off day is not 1–28.
 */
export function reportingPeriod(
  dateIso: string,
  kind: PeriodKind = "month",
  cutoffDay = 15,
): ReportingPeriod | null {
  const d = splitIsoDate(dateIso);
  if (!d || !Number.isInteger(cutoffDay) || cutoffDay < 1 || cutoffDay > 28) return null;
  // The "reporting month" the date belongs to: on or after the cut-off, the next month.
  const m =
    cutoffDay > 1 && d.day >= cutoffDay ? shift(d.year, d.month, 1) : { year: d.year, month: d.month };
  const startOf = (year: number, month: number) => {
    if (cutoffDay === 1) return formatIso(year, month, 1);
    const prev = shift(year, month, -1);
    return formatIso(prev.year, prev.month, cutoffDay);
  };
  const endOf = (year: number, month: number) =>
    cutoffDay === 1
      ? formatIso(year, month, daysInMonth(year, month))
      : formatIso(year, month, cutoffDay - 1);
  switch (kind) {
    case "month":
      return {
        kind,
        label: `Tháng ${m.month}/${m.year}`,
        start: startOf(m.year, m.month),
        end: endOf(m.year, m.month),
      };
    case "quarter": {
      const q = Math.ceil(m.month / 3);
      return {
        kind,
        label: `Quý ${ROMAN[q - 1]}/${m.year}`,
        start: startOf(m.year, q * 3 - 2),
        end: endOf(m.year, q * 3),
      };
    }
    case "half":
      return m.month <= 6
        ? { kind, label: `6 tháng đầu năm ${m.year}`, start: startOf(m.year, 1), end: endOf(m.year, 6) }
        : { kind, label: `6 tháng cuối năm ${m.year}`, start: startOf(m.year, 7), end: endOf(m.year, 12) };
    case "nine-months":
      // The 9-month window ends with the third quarter: a date in the last quarter has no such period.
      return m.month <= 9
        ? { kind, label: `9 tháng năm ${m.year}`, start: startOf(m.year, 1), end: endOf(m.year, 9) }
        : null;
    case "year":
      return { kind, label: `Năm ${m.year}`, start: startOf(m.year, 1), end: endOf(m.year, 12) };
  }
}

/** The reporting month ("2025-10") a date belongs to, with the cut-off day; null for a bad date. */
export function reportingMonthOf(dateIso: string, cutoffDay = 15): string | null {
  const p = reportingPeriod(dateIso, "month", cutoffDay);
  const m = p ? /Tháng (\d+)\/(\d{4})/.exec(p.label) : null;
  return m ? `${m[2]}-${m[1]!.padStart(2, "0")}` : null;
}

/** A month as clerks write it: "10/2025", "T10/2025", "tháng 10/2025", "10-2025" or "2025-10"; null otherwise. */
export function monthFromText(text: string): string | null {
  const t = foldForMatch(text).replace(/\s+/g, "");
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const vi = /^(?:thang|t)?(\d{1,2})[/.-](\d{4})$/.exec(t);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : vi ? [Number(vi[2]), Number(vi[1])] : [0, 0];
  return month >= 1 && month <= 12 && year >= 1900 ? `${year}-${String(month).padStart(2, "0")}` : null;
}
