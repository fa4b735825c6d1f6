/**
 * The one workflow that turns an imported plan into the tracking workbook, used by the pane and by
 * the CLI through a SheetPort: a first import writes the three sheets; a re-import merges into the
 * existing "Nhiệm vụ" and "Chỉ tiêu" (every value the clerks typed kept, new tasks appended, dropped
 * ones kept and marked) and keeps what the office set in "Thiết lập" (names, submission day, unit
 * directory, the report date unless a new one is given, cut-off day, due-soon window).
 */
import type { PlanHeader } from "../import/plan-header";
import type { PlanJson } from "../model/plan";
import { readSettings, readUnitDirectory, settingsFromStored } from "../sheets/read-sheet";
import { refreshIndicatorSheet, refreshTaskSheet, trackingSheets } from "../sheets/tracking-sheets";
import type { TrackingSettings } from "../sheets/task-sheet";
import { existingRows, updateSheet, type TaskChange } from "../sheets/update-tasks";
import { SHEET, type SettingKey } from "../sheets/workbook-layout";
import { settingsSheet } from "../sheets/settings-sheet";
import type { SheetPort, WriteOptions, WriteResult } from "./workbook-port";

export interface TrackingWorkbookOptions extends Pick<WriteOptions, "signal" | "onProgress"> {
  /** The report date when the workbook has no settings yet, or to override them (ISO). */
  reportDate: string;
  /** Take reportDate even when the settings sheet holds another one. */
  overrideReportDate?: boolean;
  /** What the plan's head says (issuer, place, name): fills the settings the office has left blank. */
  header?: PlanHeader;
}

export interface TrackingWorkbookResult {
  written: WriteResult;
  changes: TaskChange[];
  /** True when an earlier import was merged. */
  updated: boolean;
  settings: TrackingSettings;
}

const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === "";

/**
 * The office's settings, with what the plan's head says put in those left blank: its issuer and the
 * body above it, the place, and the plan's name as the report cites it ("Kế hoạch số 63/KH-UBND ngày
 * 10/9/2025 thực hiện …"). What the office typed is never replaced.
 */
export function withHeader(
  stored: ReturnType<typeof readSettings>,
  header: PlanHeader | undefined,
): ReturnType<typeof readSettings> {
  if (!header) return stored;
  const dmy = header.planDate?.split("-").reverse().join("/");
  const cited =
    header.planName && header.planNumber
      ? header.planName.replace(
          /^Kế hoạch /u,
          `Kế hoạch số ${header.planNumber}${dmy ? ` ngày ${dmy.replace(/^0/, "").replace(/\/0/, "/")}` : ""} `,
        )
      : header.planName;
  const found: Partial<Record<SettingKey, string | undefined>> = {
    parentAgency: header.parentAgency,
    issuingAgency: header.issuingAgency,
    place: header.place,
    planName: cited,
  };
  const out = { ...stored };
  for (const [key, value] of Object.entries(found) as [SettingKey, string | undefined][])
    if (value && blank(out[key])) out[key] = value;
  return out;
}

/** The settings the formulas will read: the workbook's own when it has them. */
function settingsOf(
  plan: PlanJson,
  stored: ReturnType<typeof readSettings> | null,
  o: TrackingWorkbookOptions,
): TrackingSettings {
  const { submissionDay: _submissionDay, ...s } = settingsFromStored(stored ?? {}, {
    reportDate: o.reportDate,
    planYear: plan.planYear,
  });
  return o.overrideReportDate ? { ...s, reportDate: o.reportDate } : s;
}

export async function writeTrackingWorkbook(
  port: SheetPort,
  plan: PlanJson,
  o: TrackingWorkbookOptions,
): Promise<TrackingWorkbookResult> {
  const [oldTasks, oldIndicators, oldSettings] = await Promise.all([
    port.readSheet(SHEET.tasks),
    port.readSheet(SHEET.indicators),
    port.readSheet(SHEET.settings),
  ]);
  const stored = oldSettings ? readSettings(oldSettings) : null;
  const settings = settingsOf(plan, stored, o);
  const [tasks, indicators] = trackingSheets(plan, settings);
  // The settings sheet is written again in place with the office's values kept: the formulas that
  // depend on the report date get their values, and an older layout gets the cells formulas read.
  const kept = oldSettings ? readUnitDirectory(oldSettings) : undefined;
  const settingsSpec = settingsSheet(plan, settings, withHeader(stored ?? {}, o.header), kept);
  const mergedTasks = oldTasks ? updateSheet(tasks!, existingRows(oldTasks, tasks!), "tasks") : null;
  const mergedIndicators = oldIndicators
    ? updateSheet(indicators!, existingRows(oldIndicators, indicators!), "indicators")
    : null;
  const specs = [
    mergedTasks ? refreshTaskSheet(mergedTasks.sheet, settings) : tasks!,
    mergedIndicators ? refreshIndicatorSheet(mergedIndicators.sheet, settings) : indicators!,
    settingsSpec,
  ];
  const written = await port.writeSheets(specs, {
    replaceSheets: true,
    signal: o.signal,
    onProgress: o.onProgress,
  });
  return {
    written,
    changes: [...(mergedTasks?.changes ?? []), ...(mergedIndicators?.changes ?? [])],
    updated: Boolean(mergedTasks || mergedIndicators),
    settings,
  };
}
