/**
 * A clerk cell read as the clerk sees it: a progress cell formatted as a percentage holds 0.8 and
 * shows 80%, so it is 80; "80%", "80,5" and "80.5 %" typed as text are numbers; a date typed as text
 * in the forms clerks use (15/10/2025, 5/9/2025, 15-10-2025, 15.10.2025, 2025-10-15) is that date.
 * What still cannot be read comes back as a problem code with what was found, for the host to say
 * what to type.
 */
import { formatIso, isIsoDate, isoToSerial, serialToIso } from "../excel-dates";
import type { ScalarCell } from "../sheets/sheet-spec";

export type ClerkValueProblem = "progress-not-number" | "progress-range" | "date-not-date";

export type ClerkReading = { value: ScalarCell } | { problem: ClerkValueProblem };

/** The clerk columns that hold dates (tasks and indicators). */
export const CLERK_DATE_COLUMNS: ReadonlySet<string> = new Set(["completed", "updated", "asOf"]);

const blank = (v: ScalarCell | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** 1e-9 rounding: 0.57 × 100 is 56.99999999999999 in floating point. */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/** A number typed as text, Vietnamese or English decimal mark, with an optional % sign. */
export function numberFromText(text: string): { value: number; percent: boolean } | null {
  const t = text.replace(/[\s\u00a0]/g, "");
  const m = /^([+-]?)(\d+(?:[.,]\d+)?)(%?)$/.exec(t);
  if (!m) return null;
  return { value: Number(`${m[1]}${m[2]!.replace(",", ".")}`), percent: m[3] === "%" };
}

/** A date typed as text: d/m/yyyy, d-m-yyyy, d.m.yyyy (day first, as Vietnam writes it) or ISO. */
export function dateFromText(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return isoToSerial(t) === null ? null : t;
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const iso = formatIso(year, month, day);
  // formatIso does not check the day against the month: 31/02 is refused by the round trip.
  const serial = isoToSerial(iso);
  return serial !== null && serialToIso(serial) === iso ? iso : null;
}

/**
 * The value of a clerk cell of `column` as the master records it. `percent`: the cell's number
 * format shows a percentage.
 */
export function readClerkValue(column: string, raw: ScalarCell, percent = false): ClerkReading {
  if (blank(raw)) return { value: null };
  if (column === "progress") {
    let n: number | null = null;
    if (typeof raw === "number") n = percent ? clean(raw * 100) : raw;
    else if (typeof raw === "string") {
      const t = numberFromText(raw);
      n = t ? t.value : null;
    }
    if (n === null) return { problem: "progress-not-number" };
    if (!(n >= 0 && n <= 100)) return { problem: "progress-range" };
    return { value: n };
  }
  if (CLERK_DATE_COLUMNS.has(column)) {
    if (typeof raw === "number") {
      const iso = serialToIso(raw);
      return iso ? { value: iso } : { problem: "date-not-date" };
    }
    const iso = typeof raw === "string" ? dateFromText(raw) : null;
    return iso ? { value: iso } : { problem: "date-not-date" };
  }
  if (column === "actual" && typeof raw === "string") {
    // An indicator's actual value: a number typed as text is that number ("79,5", "45%" stays the
    // text it is when the target is a percentage written as text, so only plain numbers convert).
    const t = numberFromText(raw);
    if (t && !t.percent) return { value: t.value };
  }
  if (column === "actual" && typeof raw === "number" && percent) return { value: clean(raw * 100) };
  return { value: typeof raw === "string" ? raw.replace(/\r\n?/g, "\n") : raw };
}
