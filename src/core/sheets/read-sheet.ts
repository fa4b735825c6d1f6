/**
 * Reading a sheet back (as Excel or exceljs return its values, header first) into rows by column
 * key, through the layout's headers: clerks may move columns, so the header names the column, and
 * the layout module names the header. Date columns come back as serial numbers and become ISO dates.
 */
import { serialToIso } from "../excel-dates";
import type { ColumnSpec, ScalarCell } from "./sheet-spec";
import { SETTINGS, type SettingKey } from "./workbook-layout";
import { cutoffDayFrom } from "../periods/reporting-period";
import type { TrackingSettings } from "./task-sheet";

export type SheetValue = string | number | boolean | null | undefined;

export interface KeyedRows {
  /** Keys of the layout columns the sheet has. */
  keys: Set<string>;
  /** 0-based index below the header of each row, and its values by key (blank as null). */
  rows: { index: number; values: Record<string, ScalarCell> }[];
}

export function rowsByKey(
  values: readonly (readonly SheetValue[])[],
  columns: readonly ColumnSpec[],
): KeyedRows {
  const [header, ...body] = values;
  const byHeader = new Map(columns.map((c) => [c.header, c]));
  const at = (header ?? []).map((h) => byHeader.get(String(h ?? "").trim()));
  const keys = new Set(at.flatMap((c) => (c ? [c.key] : [])));
  const rows = body.flatMap((r, index) => {
    if (!r.some((v) => v !== "" && v !== null && v !== undefined)) return [];
    const out: Record<string, ScalarCell> = {};
    at.forEach((c, i) => {
      if (!c) return;
      const v = r[i];
      out[c.key] =
        v === "" || v === undefined || v === null
          ? null
          : c.kind === "date" && typeof v === "number"
            ? (serialToIso(v) ?? v)
            : v;
    });
    return [{ index, values: out }];
  });
  return { keys, rows };
}

/** The settings sheet's values by key (a date setting as ISO), from its values (header first). */
export function readSettings(
  values: readonly (readonly SheetValue[])[],
): Partial<Record<SettingKey, ScalarCell>> {
  const out: Partial<Record<SettingKey, ScalarCell>> = {};
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const s = SETTINGS[key];
    const row = values[s.row - 1];
    if (!row || String(row[0] ?? "").trim() !== s.label) continue;
    const v = row[s.column === "B" ? 1 : 2];
    if (v === undefined || v === null || v === "") continue;
    out[key] = s.column === "C" && typeof v === "number" ? (serialToIso(v) ?? v) : v;
  }
  return out;
}

/**
 * The settings the formulas and workflows use, from the values of a settings sheet: the report date
 * (else `fallback.reportDate`), due-soon window (7), cut-off day (15; "dương lịch" = 1), plan year
 * (else `fallback.planYear`, else the report date's year) and submission day (10).
 */
export function settingsFromStored(
  stored: Partial<Record<SettingKey, ScalarCell>>,
  fallback: { reportDate: string; planYear?: number },
): TrackingSettings & { submissionDay: number } {
  const num = (v: ScalarCell | undefined, d: number) => (typeof v === "number" ? v : d);
  const reportDate = typeof stored.reportDate === "string" ? stored.reportDate : fallback.reportDate;
  return {
    reportDate,
    dueSoonDays: num(stored.dueSoonDays, 7),
    cutoffDay: cutoffDayFrom(stored.cutoffDay as string | number | null | undefined) ?? 15,
    planYear: num(stored.planYear, fallback.planYear ?? Number(reportDate.slice(0, 4))),
    submissionDay: num(stored.submissionDay, 10),
  };
}
