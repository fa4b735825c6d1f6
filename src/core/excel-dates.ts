/**
 * Excel date serial numbers (1900 date system, as Excel for Windows/web/Mac 2011+ use).
 * Serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is serial 60, so for all dates from
 * 1900-03-01 on, serial = days since 1899-12-30.
 */
import { remembered } from "./remembered";

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Sheets hold a few hundred distinct dates over thousands of rows: small caches keep the custom
// functions fast over whole columns.
const CACHE_LIMIT = 20_000;

/** Converts an ISO date (YYYY-MM-DD) to an Excel serial number; null when the text is not a real date. */
export const isoToSerial = remembered((iso: string): number | null => {
  const parts = splitIsoDate(iso);
  return parts
    ? Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - EPOCH_UTC) / MS_PER_DAY)
    : null;
}, CACHE_LIMIT);

/** Converts an Excel serial number (time of day ignored) to an ISO date. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  return dayToIso(Math.floor(serial));
}

const dayToIso = remembered((day: number): string => {
  const d = new Date(EPOCH_UTC + day * MS_PER_DAY);
  return formatIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}, CACHE_LIMIT);

export function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True for text shaped like an ISO date (YYYY-MM-DD), the form sheet rows hold dates in. */
export function isIsoDate(v: unknown): v is string {
  return typeof v === "string" && ISO_DATE.test(v);
}

/** Splits an ISO date and checks it exists on the calendar (no 2025-02-30). */
export function splitIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
