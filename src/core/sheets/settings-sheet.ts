/**
 * The "Thiết lập" sheet: report date, plan year, cut-off day, submission day, due-soon window,
 * organisation names, plus the few values every row formula needs and that
 * depend only on the settings (the start of the month's, quarter's and year's reporting window that
 * holds the report date, and the report date as text), computed once here by native formulas; then
 * the unit directory, one unit a row.
 */
import type { PlanJson } from "../model/plan";
import { reportingPeriod } from "../periods/reporting-period";
import { viDate } from "../status/task-status";
import { ddmmyyyy } from "./formula-text";
import type { DirectoryUnit, SheetValue } from "./read-sheet";
import { fitRowHeights } from "./row-heights";
import type { CellRule, ScalarCell, SheetCell, SheetSpec, ValidationRule } from "./sheet-spec";
import type { TrackingSettings } from "./task-sheet";
import { unitKey } from "../units/unit-key";
import {
  SETTINGS,
  SHEET,
  UNIT_DIRECTORY,
  settingAddress,
  type SettingCell,
  type SettingKey,
} from "./workbook-layout";

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
 * The directory's units: the office's own rows as they are, then each unit of the plan that none of
 * them names (the spelling the plan uses most as the name, the others as its aliases).
 */
export function unitDirectory(plan: PlanJson, kept: readonly DirectoryUnit[]): DirectoryUnit[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const t of plan.tables)
    if (t.kind === "tasks")
      for (const r of t.rows)
        for (const name of [...r.lead, ...r.partners]) {
          const key = unitKey(name);
          if (!key) continue;
          const counts = spellings.get(key) ?? new Map<string, number>();
          counts.set(name, (counts.get(name) ?? 0) + 1);
          spellings.set(key, counts);
        }
  const covered = new Set(kept.flatMap((u) => [u.name, ...u.aliases].map(unitKey)));
  const added = [...spellings]
    .filter(([key]) => !covered.has(key))
    .map(([, counts]) => {
      const [name, ...aliases] = [...counts].sort((x, y) => y[1] - x[1]).map(([n]) => n);
      return { name: name!, aliases, note: "" };
    })
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  return [...kept, ...added];
}

/**
 * The settings sheet: a label in A, its value in B (dates formatted and every value validated in
 * its own cell), a note of the office's in C; the unit directory below, one unit a row. `stored` are
 * the values of an existing settings sheet (the office's names, submission day): kept; `directory`
 * its directory and the rows a clerk added: kept too.
 */
export function settingsSheet(
  plan: PlanJson,
  s: TrackingSettings,
  stored: Partial<Record<SettingKey, ScalarCell>> = {},
  kept: { units: readonly DirectoryUnit[]; extraRows: readonly (readonly SheetValue[])[] } = {
    units: [],
    extraRows: [],
  },
): SheetSpec {
  const units = unitDirectory(plan, kept.units);
  const f = settingsFormulas();
  const start = (kind: "month" | "quarter" | "year") =>
    reportingPeriod(s.reportDate, kind, s.cutoffDay)?.start ?? null;
  const firstUnitRow = UNIT_DIRECTORY.headerRow + 1;
  const values: Record<SettingKey, SheetCell> = {
    reportDate: s.reportDate,
    planYear: plan.planYear,
    cutoffDay: s.cutoffDay,
    submissionDay: stored.submissionDay ?? 10,
    dueSoonDays: s.dueSoonDays,
    parentAgency: stored.parentAgency ?? "",
    issuingAgency: stored.issuingAgency ?? "",
    source: plan.source,
    units: {
      formula: `=COUNTA($A$${firstUnitRow}:$A$${firstUnitRow + units.length + 500})`,
      cached: units.filter((u) => u.name).length,
    },
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
  const keys = (Object.keys(SETTINGS) as SettingKey[]).sort((a, b) => SETTINGS[a].row - SETTINGS[b].row);
  const rows: SheetCell[][] = [];
  const cells: CellRule[] = [];
  for (const key of keys) {
    const cell: SettingCell = SETTINGS[key];
    while (rows.length < cell.row - 2) rows.push([null, null, null]);
    rows.push([cell.label, values[key], null]);
    const rule = cell.rule ? { rule: cell.rule, message: VALIDATION_MESSAGE[cell.rule.kind] } : undefined;
    if (cell.kind || rule)
      cells.push({ row: cell.row - 2, column: "value", kind: cell.kind, validation: rule });
  }
  while (rows.length < UNIT_DIRECTORY.headerRow - 2) rows.push([null, null, null]);
  rows.push([...UNIT_DIRECTORY.header]);
  for (const u of units) rows.push([u.name || null, u.aliases.join("; ") || null, u.note || null]);
  if (kept.extraRows.length) rows.push([null, null, null]);
  for (const extra of kept.extraRows)
    rows.push([0, 1, 2].map((i) => (extra[i] === "" ? null : (extra[i] ?? null))) as SheetCell[]);
  const spec: SheetSpec = {
    name: SHEET.settings,
    freezeHeader: true,
    print: { orientation: "portrait", repeatHeader: false },
    columns: [
      { key: "setting", header: "Thiết lập", kind: "text", width: 44, wrap: true },
      { key: "value", header: "Giá trị", kind: "formula", width: 40, wrap: true },
      { key: "note", header: "Ghi chú", kind: "text", width: 24, wrap: true },
    ],
    rows,
    cells,
  };
  // Wrapped labels and values get the height they need: printed, they would overlap otherwise.
  return { ...spec, rowHeights: fitRowHeights(spec) };
}

/** What a clerk is told when a setting's value is refused. */
const VALIDATION_MESSAGE: Record<ValidationRule["kind"], string> = {
  date: "Nhập ngày dạng dd/mm/yyyy.",
  whole: "Nhập một số nguyên trong khoảng cho phép.",
  decimal: "Nhập một số trong khoảng cho phép.",
  list: "Chọn một giá trị trong danh sách.",
};
