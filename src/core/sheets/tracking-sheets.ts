/**
 * The tracking workbook of a plan as sheet descriptions: "Nhiệm vụ" (tasks with the clerks' columns),
 * "Chỉ tiêu" (indicators and stated targets) and "Thiết lập" (report date and the settings the
 * formulas read). Every computed cell is a native Excel formula with the value it computes cached,
 * so the workbook reads right in any Excel and in LibreOffice, with or without the add-in.
 */
import type { PlanJson } from "../model/plan";
import { indicatorSheet, indicatorSpec, yearsOfColumns } from "./indicator-sheet";
import { fitRowHeights } from "./row-heights";
import { settingsSheet } from "./settings-sheet";
import type { SheetSpec } from "./sheet-spec";
import { planTaskRows, taskSheet, withTaskFormulas, type TrackingSettings } from "./task-sheet";

export { taskId, type TrackingSettings } from "./task-sheet";

export interface TrackingOptions {
  /** ISO report date. */
  reportDate: string;
  dueSoonDays?: number;
  cutoffDay?: number;
}

export function settingsFor(plan: PlanJson, o: TrackingOptions): TrackingSettings {
  return {
    reportDate: o.reportDate,
    dueSoonDays: o.dueSoonDays ?? 7,
    cutoffDay: o.cutoffDay ?? 15,
    planYear: plan.planYear,
  };
}

export function trackingSheets(plan: PlanJson, o: TrackingOptions): SheetSpec[] {
  const s = settingsFor(plan, o);
  return [taskSheet(planTaskRows(plan), s), indicatorSheet(plan, s), settingsSheet(plan, s)];
}

/** Recomputes the formulas' cached values of a merged task sheet from what its rows hold now. */
export function refreshTaskSheet(sheet: SheetSpec, s: TrackingSettings): SheetSpec {
  const next = { ...sheet, rows: withTaskFormulas(sheet.rows, s) };
  return { ...next, rowHeights: fitRowHeights(next) };
}

/** The same for a merged indicator sheet. */
export function refreshIndicatorSheet(sheet: SheetSpec, s: TrackingSettings): SheetSpec {
  const years = yearsOfColumns(sheet.columns);
  const spec = indicatorSpec(sheet.columns, years, sheet.rows, s);
  return { ...spec, name: sheet.name };
}
