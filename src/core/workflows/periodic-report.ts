/**
 * The periodic report workflow, shared by the pane and the CLI through a SheetPort: read the
 * tracking sheets and settings, check the request (a workbook without the tracking sheets, an unknown
 * unit, a period outside the plan are refused by name), compute the content, lay it out, and add the
 * report sheets to the workbook without touching an earlier report.
 */
import { refuse } from "../problem";
import type { PeriodKind } from "../periods/reporting-period";
import { indicatorColumns } from "../sheets/indicator-sheet";
import { readSettings, rowsByKey, settingsFromStored, type SheetValue } from "../sheets/read-sheet";
import type { IndicatorRowValues } from "../sheets/indicator-sheet";
import type { TaskRowValues } from "../sheets/task-sheet";
import { SHEET, TASK_COLUMNS, type SettingKey } from "../sheets/workbook-layout";
import type { ScalarCell } from "../sheets/sheet-spec";
import { unitKey } from "../units/unit-key";
import { knownUnits, reportContent, type ReportContent } from "../report/report-content";
import { reportDocument, type ReportDocument, type ReportHeader } from "../report/report-document";
import { reportSheetName, reportWindow } from "../report/report-period";
import { appendixName, reportSheets } from "../report/report-sheets";
import type { DocumentSheet } from "../sheets/document-spec";
import type { SheetPort, SheetSource } from "./workbook-port";

export interface TrackingData {
  tasks: TaskRowValues[];
  indicators: { years: number[]; rows: IndicatorRowValues[] };
  stored: Partial<Record<SettingKey, ScalarCell>>;
  /** The sheets' values as read (header first), for writers that write them back. */
  values: { tasks: SheetValue[][]; indicators: SheetValue[][] | null };
}

export interface ReportRequest {
  /** The reporting month, "2025-10". */
  period: string;
  kind: PeriodKind;
  unit?: string | null;
  /** Header fields typed in the pane, over those of "Thiết lập". */
  header?: Partial<ReportHeader>;
}

export interface ComposedReport {
  content: ReportContent;
  document: ReportDocument;
  sheets: DocumentSheet[];
}

export async function readTrackingData(port: SheetSource, file?: string): Promise<TrackingData> {
  const [tasks, indicators, settings] = await Promise.all([
    port.readSheet(SHEET.tasks),
    port.readSheet(SHEET.indicators),
    port.readSheet(SHEET.settings),
  ]);
  const keyed = tasks ? rowsByKey(tasks, TASK_COLUMNS) : null;
  if (!keyed || !keyed.keys.has("id") || !keyed.keys.has("due"))
    throw refuse(
      "report-no-task-sheet",
      { file: file ?? "", sheet: SHEET.tasks },
      file ? { file } : undefined,
    );
  const years = (indicators?.[0] ?? []).flatMap((h) =>
    /^\d{4}$/.test(String(h ?? "").trim()) ? [Number(h)] : [],
  );
  const indicatorRows = indicators && years.length ? rowsByKey(indicators, indicatorColumns(years)).rows : [];
  return {
    tasks: keyed.rows.map((r) => r.values),
    indicators: { years, rows: indicatorRows.map((r) => r.values) },
    stored: settings ? readSettings(settings) : {},
    values: { tasks: tasks!, indicators },
  };
}

const str = (v: ScalarCell | undefined) => (v === null || v === undefined ? "" : String(v));

export function composeReport(data: TrackingData, req: ReportRequest, base?: string): ComposedReport {
  const cutoff = settingsFromStored(data.stored, { reportDate: "2000-01-01" }).cutoffDay;
  const window = reportWindow(req.period, req.kind, cutoff);
  if (!window) throw refuse("report-no-period", { kind: req.kind, period: req.period });
  const settings = settingsFromStored(data.stored, { reportDate: window.end });
  if (window.end < `${settings.planYear}-01-01`)
    throw refuse("report-before-plan-year", {
      label: window.label,
      start: window.start,
      end: window.end,
      planYear: settings.planYear,
    });
  if (req.unit) {
    const units = knownUnits(data.tasks);
    if (!units.some((u) => unitKey(u) === unitKey(req.unit!)))
      throw refuse("report-unknown-unit", { unit: req.unit, units: units.join("; ") });
  }
  const content = reportContent({
    tasks: data.tasks,
    indicators: data.indicators,
    settings,
    window,
    unit: req.unit,
  });
  const s = data.stored;
  const header: ReportHeader = {
    parentAgency: str(s.parentAgency),
    issuingAgency: str(s.issuingAgency),
    place: str(s.place),
    reportNumber: str(s.reportNumber),
    documentCode: str(s.documentCode) || "BC-UBND",
    signerCapacity: str(s.signerCapacity) || "TM. ỦY BAN NHÂN DÂN",
    signerTitle: str(s.signerTitle) || "CHỦ TỊCH",
    signerName: str(s.signerName),
    recipients: str(s.recipients),
    planName: str(s.planName),
    ...Object.fromEntries(Object.entries(req.header ?? {}).filter(([, v]) => v !== undefined)),
  };
  const document = reportDocument(content, header);
  return { content, document, sheets: reportSheets(document, base ?? reportSheetName(window)) };
}

/** A body sheet name not taken, with room for its appendices ("BC T10-2025 (2)" … "PL4"). */
export function freeReportName(wanted: string, taken: readonly string[], appendices: number): string {
  const all = new Set(taken.map((t) => t.toLocaleLowerCase("vi")));
  for (let i = 1; ; i++) {
    const base = i === 1 ? wanted : `${wanted} (${i})`;
    const names = [base, ...Array.from({ length: appendices }, (_, k) => appendixName(base, k))];
    if (names.every((n) => !all.has(n.toLocaleLowerCase("vi")))) return base;
  }
}

export interface WrittenReport extends ComposedReport {
  names: string[];
}

export async function writeReport(
  port: SheetPort,
  req: ReportRequest,
  file?: string,
): Promise<WrittenReport> {
  const data = await readTrackingData(port, file);
  const first = composeReport(data, req);
  const base = freeReportName(first.sheets[0]!.name, await port.sheetNames(), first.sheets.length - 1);
  const composed = base === first.sheets[0]!.name ? first : composeReport(data, req, base);
  const names = await port.writeDocuments(composed.sheets);
  return { ...composed, names };
}
