/**
 * Reading a sheet back (as Excel or exceljs return its values, header first) into rows by column
 * key, through the layout's headers: clerks may move columns, so the header names the column, and
 * the layout module names the header. Date columns come back as serial numbers and become ISO dates.
 */
import { serialToIso } from "../excel-dates";
import type { ColumnSpec, ScalarCell } from "./sheet-spec";
import {
  SETTINGS,
  UNIT_DIRECTORY,
  settingAddress,
  type SettingCell,
  type SettingKey,
} from "./workbook-layout";
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

/** A settings sheet written before every value moved to column B: its dates sit in column C. */
function isOlderSettingsLayout(values: readonly (readonly SheetValue[])[]): boolean {
  return String(values[0]?.[2] ?? "").trim() === "Ngày";
}

const text = (v: SheetValue) => String(v ?? "").trim();
const isBlankRow = (r: readonly SheetValue[] | undefined) => !r || r.every((v) => text(v) === "");

/**
 * The settings sheet's values by key (a date setting as ISO), from its values (header first). A
 * setting is found by its label in column A (a clerk may have inserted a row above it); its value
 * is in column B, or in C on a sheet of the older layout.
 */
export function readSettings(
  values: readonly (readonly SheetValue[])[],
): Partial<Record<SettingKey, ScalarCell>> {
  const out: Partial<Record<SettingKey, ScalarCell>> = {};
  const older = isOlderSettingsLayout(values);
  const rowOfLabel = new Map<string, number>();
  values.forEach((r, i) => {
    const label = text(r[0]);
    if (label && !rowOfLabel.has(label)) rowOfLabel.set(label, i);
  });
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const s: SettingCell = SETTINGS[key];
    const at = text(values[s.row - 1]?.[0]) === s.label ? s.row - 1 : rowOfLabel.get(s.label);
    if (at === undefined) continue;
    const row = values[at]!;
    const b = row[1];
    const v = b === undefined || b === null || b === "" ? (older ? row[2] : b) : b;
    if (v === undefined || v === null || v === "") continue;
    out[key] = s.kind === "date" && typeof v === "number" ? (serialToIso(v) ?? v) : v;
  }
  return out;
}

/** The address the report date is typed in: B2, or C2 on a sheet of the older layout. */
export function reportDateAddress(values: readonly (readonly SheetValue[])[]): string {
  return isOlderSettingsLayout(values) ? `C${SETTINGS.reportDate.row}` : settingAddress("reportDate");
}

/** One unit of the settings sheet's directory: its name, the other spellings, the office's note. */
export interface DirectoryUnit {
  name: string;
  aliases: string[];
  note: string;
}

/**
 * The settings sheet's unit directory and the rows a clerk added below it: the units one a row
 * under the directory's header down to the first blank row (the older layout's one cell of lines
 * gives the names); `extraRows`, every other filled row below the settings.
 */
export function readUnitDirectory(values: readonly (readonly SheetValue[])[]): {
  units: DirectoryUnit[];
  extraRows: SheetValue[][];
} {
  const lastSetting = Math.max(...Object.values(SETTINGS).map((c) => c.row));
  const headerAt = values.findIndex(
    (r, i) =>
      i >= lastSetting && text(r[0]) === UNIT_DIRECTORY.header[0] && text(r[1]).startsWith("Tên gọi khác"),
  );
  const units: DirectoryUnit[] = [];
  let end = headerAt;
  if (headerAt >= 0) {
    for (end = headerAt + 1; end < values.length && !isBlankRow(values[end]); end++) {
      const r = values[end]!;
      units.push({
        name: text(r[0]),
        aliases: text(r[1])
          .split(/\s*;\s*/)
          .filter(Boolean),
        note: text(r[2]),
      });
    }
  } else if (isOlderSettingsLayout(values)) {
    // The older layout kept the unit directory as one cell of lines.
    const older = values.find((r) => text(r[0]) === "Danh mục đơn vị")?.[1];
    if (typeof older === "string")
      for (const name of older
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean))
        units.push({ name, aliases: [], note: "" });
  }
  const inDirectory = (i: number) => headerAt >= 0 && i >= headerAt && i < end;
  const extraRows = values
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i >= lastSetting && !inDirectory(i) && !isBlankRow(r))
    .map(({ r }) => [...r]);
  return { units: units.filter((u) => u.name || u.aliases.length || u.note), extraRows };
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
