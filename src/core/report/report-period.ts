/**
 * The period a report covers: a kind (month, quarter, 6 months, 9 months, year) and a reporting
 * month ("2025-10"), read through the cut-off day (DOMAIN.md "Periods"). The window is the period of
 * that kind that holds the reporting month's last data day.
 */
import { daysInMonth, formatIso, isoToSerial, serialToIso } from "../excel-dates";
import { reportingPeriod, type PeriodKind, type ReportingPeriod } from "../periods/reporting-period";

export const REPORT_KIND_VI: Record<PeriodKind, string> = {
  month: "tháng",
  quarter: "quý",
  half: "6 tháng",
  "nine-months": "9 tháng",
  year: "năm",
};

/** The last data day of a reporting month: the day before the cut-off, or the month's last day. */
export function lastDataDay(year: number, month: number, cutoffDay: number): string {
  return cutoffDay > 1
    ? formatIso(year, month, cutoffDay - 1)
    : formatIso(year, month, daysInMonth(year, month));
}

/** The window of a report; null when the month has no period of that kind (October for "9 tháng"). */
export function reportWindow(ref: string, kind: PeriodKind, cutoffDay: number): ReportingPeriod | null {
  const m = /^(\d{4})-(\d{2})$/.exec(ref);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return reportingPeriod(lastDataDay(Number(m[1]), Number(m[2]), cutoffDay), kind, cutoffDay);
}

/** The period after a window, for "Nhiệm vụ trọng tâm … tới": the next month, else the next quarter. */
export function nextWindow(window: ReportingPeriod, cutoffDay: number): ReportingPeriod {
  const after = serialToIso(isoToSerial(window.end)! + 1)!;
  return reportingPeriod(after, window.kind === "month" ? "month" : "quarter", cutoffDay)!;
}

/** The short sheet name of a report: "BC T10-2025", "BC Q4-2025", "BC 6T-2025", "BC 9T-2025", "BC N-2025". */
export function reportSheetName(window: ReportingPeriod): string {
  const label = window.label;
  const year = /(\d{4})$/.exec(label)?.[1] ?? "";
  switch (window.kind) {
    case "month":
      return `BC T${/Tháng (\d+)/.exec(label)?.[1]}-${year}`;
    case "quarter":
      return `BC Q${["I", "II", "III", "IV"].indexOf(/Quý (\w+)/.exec(label)?.[1] ?? "") + 1}-${year}`;
    case "half":
      return `BC 6T${label.includes("cuối") ? "C" : ""}-${year}`;
    case "nine-months":
      return `BC 9T-${year}`;
    case "year":
      return `BC N-${year}`;
  }
}
