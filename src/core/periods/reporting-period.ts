/**
 * Reporting periods (Nghị định 09/2019/NĐ-CP, Art. 12): with a cut-off day (15 by default) a month's
 * period runs from the 15th of the previous month to the 14th; quarters, 6 and 9 months and the year
 * start on the 15th of December of the previous year. Cut-off day 1 gives calendar periods.
 */
import { daysInMonth, formatIso, splitIsoDate } from "../excel-dates";

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

/** The period (of a kind) that contains the date. */
export function reportingPeriod(
  dateIso: string,
  kind: PeriodKind = "month",
  cutoffDay = 15,
): ReportingPeriod | null {
  const d = splitIsoDate(dateIso);
  if (!d || cutoffDay < 1 || cutoffDay > 28) return null;
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
      return m.month <= 9
        ? { kind, label: `9 tháng năm ${m.year}`, start: startOf(m.year, 1), end: endOf(m.year, 9) }
        : { kind, label: `Quý IV/${m.year}`, start: startOf(m.year, 10), end: endOf(m.year, 12) };
    case "year":
      return { kind, label: `Năm ${m.year}`, start: startOf(m.year, 1), end: endOf(m.year, 12) };
  }
}
