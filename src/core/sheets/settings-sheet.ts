/**
 * The "Thiết lập" sheet: report date, plan year, cut-off day, submission day, due-soon window,
 * organisation names and the unit directory, plus the few values every row formula needs and that
 * depend only on the settings (the start of the month's, quarter's and year's reporting window that
 * holds the report date, and the report date as text), computed once here by native formulas.
 */
import type { PlanJson } from "../model/plan";
import { reportingPeriod } from "../periods/reporting-period";
import { viDate } from "../status/task-status";
import { ddmmyyyy } from "./formula-text";
import type { SheetValue } from "./read-sheet";
import type { ScalarCell, SheetCell, SheetSpec } from "./sheet-spec";
import type { TrackingSettings } from "./task-sheet";
import { SETTINGS, SHEET, settingAddress, type SettingKey } from "./workbook-layout";

/** The settings formulas, on the settings sheet itself. */
export function settingsFormulas(): Record<
  "monthStart" | "quarterStart" | "yearStart" | "reportDateText",
  string
> {
  const RD = settingAddress("reportDate").replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  const K = settingAddress("cutoffDay").replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  // The first day of the reporting month: on or after the cut-off day, the next month.
  const M = `DATE(YEAR(${RD}),MONTH(${RD})+IF(AND(${K}>1,DAY(${RD})>=${K}),1,0),1)`;
  const Q = `MONTH(${M})-MOD(MONTH(${M})-1,3)`;
  return {
    monthStart: `=IF(${K}=1,${M},DATE(YEAR(${M}),MONTH(${M})-1,${K}))`,
    quarterStart: `=IF(${K}=1,DATE(YEAR(${M}),${Q},1),DATE(YEAR(${M}),${Q}-1,${K}))`,
    yearStart: `=IF(${K}=1,DATE(YEAR(${M}),1,1),DATE(YEAR(${M})-1,12,${K}))`,
    reportDateText: `=${ddmmyyyy(RD)}`,
  };
}

/**
 * The settings sheet. `stored` are the values of an existing settings sheet (the office's names,
 * submission day, unit directory): kept; `extraRows` are rows a clerk added below ours: kept too.
 */
export function settingsSheet(
  plan: PlanJson,
  s: TrackingSettings,
  stored: Partial<Record<SettingKey, ScalarCell>> = {},
  extraRows: readonly (readonly SheetValue[])[] = [],
): SheetSpec {
  const units = [
    ...new Set(
      plan.tables.flatMap((t) =>
        t.kind === "tasks" ? t.rows.flatMap((r) => [...r.lead, ...r.partners]) : [],
      ),
    ),
  ].sort((a, b) => a.localeCompare(b, "vi"));
  const f = settingsFormulas();
  const start = (kind: "month" | "quarter" | "year") =>
    reportingPeriod(s.reportDate, kind, s.cutoffDay)?.start ?? null;
  const values: Record<SettingKey, SheetCell> = {
    reportDate: s.reportDate,
    planYear: plan.planYear,
    cutoffDay: s.cutoffDay,
    submissionDay: stored.submissionDay ?? 10,
    dueSoonDays: s.dueSoonDays,
    parentAgency: stored.parentAgency ?? "",
    issuingAgency: stored.issuingAgency ?? "",
    source: plan.source,
    units: stored.units ?? units.join("\n"),
    monthStart: { formula: f.monthStart, cached: start("month") },
    quarterStart: { formula: f.quarterStart, cached: start("quarter") },
    yearStart: { formula: f.yearStart, cached: start("year") },
    reportDateText: { formula: f.reportDateText, cached: viDate(s.reportDate) },
    place: stored.place ?? "",
    reportNumber: stored.reportNumber ?? "",
    documentCode: stored.documentCode ?? "BC-UBND",
    signerCapacity: stored.signerCapacity ?? "TM. ỦY BAN NHÂN DÂN",
    signerTitle: stored.signerTitle ?? "CHỦ TỊCH",
    signerName: stored.signerName ?? "",
    recipients: stored.recipients ?? "",
    planName: stored.planName ?? "",
  };
  const rows = (Object.keys(SETTINGS) as SettingKey[])
    .sort((a, b) => SETTINGS[a].row - SETTINGS[b].row)
    .map((key) => {
      const cell = SETTINGS[key];
      return [cell.label, cell.column === "B" ? values[key] : null, cell.column === "C" ? values[key] : null];
    });
  for (const extra of extraRows)
    rows.push([0, 1, 2].map((i) => (extra[i] === "" ? null : (extra[i] ?? null))) as SheetCell[]);
  return {
    name: SHEET.settings,
    freezeHeader: true,
    print: { orientation: "portrait", repeatHeader: false },
    columns: [
      { key: "setting", header: "Thiết lập", kind: "text", width: 44, wrap: true },
      { key: "value", header: "Giá trị", kind: "formula", width: 34, wrap: true },
      { key: "date", header: "Ngày", kind: "date", width: 12 },
    ],
    rows,
    validations: [{ column: "date", rule: { kind: "date" }, message: "Nhập ngày dạng dd/mm/yyyy." }],
  };
}
