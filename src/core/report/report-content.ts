/**
 * What a periodic report says (DOMAIN.md "Reporting periods", "The report layout"), computed from
 * the tracking sheets' plain cells the way their formulas compute statuses and assessments:
 * I. results (the four official buckets with their splits, recurring work, by lead unit with a
 * traffic light, tasks completed in the period, overdue tasks, indicators); II. difficulties, word
 * for word, by unit; III. tasks of the next period and overdue ones; IV. proposals.
 */
import { isIsoDate, isoToSerial } from "../excel-dates";
import type { PeriodKind, ReportingPeriod } from "../periods/reporting-period";
import { evaluateIndicatorRow, type IndicatorRowValues } from "../sheets/indicator-sheet";
import { evaluateTaskRow, type TaskRowValues, type TrackingSettings } from "../sheets/task-sheet";
import type { ScalarCell } from "../sheets/sheet-spec";
import { unitKey } from "../units/unit-key";
import { nextWindow } from "./report-period";

export type Light = "Xanh" | "Vàng" | "Đỏ";

export const LIGHT_RULE =
  "Đỏ: có nhiệm vụ chưa hoàn thành quá hạn. Vàng: không có nhiệm vụ quá hạn nhưng có nhiệm vụ hoàn thành quá hạn, " +
  "sắp đến hạn, hoặc nhiệm vụ thường xuyên chưa báo cáo kỳ này. Xanh: các trường hợp còn lại.";

export interface Counts {
  completedOnTime: number;
  completedLate: number;
  openInTime: number;
  openOverdue: number;
  /** Recurring tasks, and how many were reported in the period. */
  recurring: number;
  recurringReported: number;
  recurringNotReported: number;
  /** Due within the warning window (part of openInTime). */
  dueSoon: number;
  /** Open with no due date and not recurring (part of openInTime: "Chưa có hạn"). */
  noDeadline: number;
  /** Rows whose cells must be fixed (counted nowhere else). */
  toCheck: number;
  total: number;
}

export interface TaskLine {
  id: string;
  task: string;
  lead: string;
  due: string | null;
  completed: string | null;
  /** Days past the due date at the status date. */
  daysOverdue: number | null;
  difficulties: string;
  status: string;
}

export interface IndicatorLine {
  id: string;
  name: string;
  unit: string;
  inForce: ScalarCell;
  actual: ScalarCell;
  gap: number | "";
  rate: number | "";
  assessment: string;
}

export interface ReportContent {
  period: { kind: PeriodKind; label: string; from: string; to: string };
  /** The date the statuses are taken at: the report date when inside the window, else the window's end. */
  statusDate: string;
  reportDate: string;
  submissionDeadline: string;
  unit: string | null;
  totals: Counts;
  units: (Counts & { unit: string; light: Light })[];
  completedInPeriod: TaskLine[];
  overdue: TaskLine[];
  indicators: {
    total: number;
    exceeded: number;
    met: number;
    notMet: number;
    noData: number;
    notAssessable: number;
    /** Indicators with a target in force: the Y of "X/Y chỉ tiêu đạt và vượt". */
    withTarget: number;
    rows: IndicatorLine[];
  };
  difficulties: { unit: string; items: { id: string; task: string; text: string }[] }[];
  next: { label: string; from: string; to: string; due: TaskLine[]; overdue: TaskLine[] };
  proposals: { unit: string; id: string; text: string }[];
}

export interface ReportInput {
  tasks: readonly TaskRowValues[];
  indicators: { years: readonly number[]; rows: readonly IndicatorRowValues[] };
  settings: TrackingSettings & { submissionDay: number };
  window: ReportingPeriod;
  /** Only this lead unit's tasks and indicators. */
  unit?: string | null;
}

const text = (v: ScalarCell | undefined) => (v === null || v === undefined ? "" : String(v)).trim();
const iso = (v: ScalarCell | undefined) => (isIsoDate(v) ? v : null);

/** The lead units of a task ("A; B" in the sheet). */
export function leadUnits(lead: ScalarCell | undefined): string[] {
  const units = text(lead)
    .split(/\s*;\s*|\n/)
    .map((u) => u.trim())
    .filter(Boolean);
  return units.length ? units : ["(Chưa ghi cơ quan chủ trì)"];
}

function emptyCounts(): Counts {
  return {
    completedOnTime: 0,
    completedLate: 0,
    openInTime: 0,
    openOverdue: 0,
    recurring: 0,
    recurringReported: 0,
    recurringNotReported: 0,
    dueSoon: 0,
    noDeadline: 0,
    toCheck: 0,
    total: 0,
  };
}

function light(c: Counts): Light {
  if (c.openOverdue > 0) return "Đỏ";
  if (c.completedLate > 0 || c.dueSoon > 0 || c.recurringNotReported > 0) return "Vàng";
  return "Xanh";
}

/** The submission deadline: the submission day in the month the window ends in. */
function submissionDeadline(window: ReportingPeriod, day: number): string {
  const [y, m] = window.end.split("-").map(Number) as [number, number];
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(Math.max(day, 1), 28)).padStart(2, "0")}`;
}

/** The units a report can be asked for, in the sheet's spelling. */
export function knownUnits(tasks: readonly TaskRowValues[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tasks)
    for (const u of leadUnits(t.lead)) if (!seen.has(unitKey(u))) seen.set(unitKey(u), u);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "vi"));
}

export function reportContent(input: ReportInput): ReportContent {
  const { window, settings } = input;
  const statusDate =
    settings.reportDate >= window.start && settings.reportDate <= window.end
      ? settings.reportDate
      : window.end;
  const s = { ...settings, reportDate: statusDate };
  const wanted = input.unit ? unitKey(input.unit) : null;
  const tasks = input.tasks.filter(
    (t) => text(t.id) && (!wanted || leadUnits(t.lead).some((u) => unitKey(u) === wanted)),
  );
  const totals = emptyCounts();
  const byUnit = new Map<string, Counts & { unit: string }>();
  const completedInPeriod: TaskLine[] = [];
  const overdue: TaskLine[] = [];
  const next = nextWindow(window, settings.cutoffDay);
  const dueNext: TaskLine[] = [];
  const difficulties = new Map<
    string,
    { unit: string; items: { id: string; task: string; text: string }[] }
  >();
  const proposals: ReportContent["proposals"] = [];

  for (const t of tasks) {
    const r = evaluateTaskRow(t, s);
    const due = iso(t.due);
    const line: TaskLine = {
      id: text(t.id),
      task: text(t.task),
      lead: text(t.lead),
      due,
      completed: iso(t.completed),
      daysOverdue: r.status === "overdue" && due ? isoToSerial(statusDate)! - isoToSerial(due)! : null,
      difficulties: text(t.difficulties),
      status: r.label,
    };
    const units = wanted ? leadUnits(t.lead).filter((u) => unitKey(u) === wanted) : leadUnits(t.lead);
    const counters: Counts[] = [totals];
    for (const u of units) {
      let c = byUnit.get(unitKey(u));
      if (!c) byUnit.set(unitKey(u), (c = { unit: u, ...emptyCounts() }));
      counters.push(c);
    }
    for (const c of counters) {
      c.total++;
      if (r.status === "check") c.toCheck++;
      else if (r.status === "done-on-time") c.completedOnTime++;
      else if (r.status === "done-late") c.completedLate++;
      else if (r.status === "overdue") c.openOverdue++;
      else if (r.status === "recurring") {
        c.recurring++;
        if (r.label.includes("đã báo cáo")) c.recurringReported++;
        else c.recurringNotReported++;
      } else {
        c.openInTime++;
        if (r.status === "due-soon") c.dueSoon++;
        if (!due) c.noDeadline++;
      }
    }
    if (line.completed && line.completed >= window.start && line.completed <= statusDate)
      completedInPeriod.push(line);
    if (r.status === "overdue") overdue.push(line);
    if (due && due >= next.start && due <= next.end && !r.status.startsWith("done")) dueNext.push(line);
    if (line.difficulties) {
      const u = units[0]!;
      const group = difficulties.get(unitKey(u)) ?? { unit: u, items: [] };
      group.items.push({ id: line.id, task: line.task, text: line.difficulties });
      difficulties.set(unitKey(u), group);
    }
    const proposal = text(t.proposals);
    if (proposal) proposals.push({ unit: units[0]!, id: line.id, text: proposal });
  }

  const indicatorRows: IndicatorLine[] = [];
  const ind = { total: 0, exceeded: 0, met: 0, notMet: 0, noData: 0, notAssessable: 0, withTarget: 0 };
  for (const row of input.indicators.rows) {
    if (!text(row.id)) continue;
    if (wanted && !leadUnits(row.responsible).some((u) => unitKey(u) === wanted)) continue;
    const r = evaluateIndicatorRow(row, input.indicators.years, s);
    ind.total++;
    const hasTarget = r.inForce !== "" && r.inForce !== null;
    if (hasTarget) ind.withTarget++;
    if (r.assessment === "Vượt") ind.exceeded++;
    else if (r.assessment === "Đạt") ind.met++;
    else if (r.assessment === "Không đạt") ind.notMet++;
    else if (r.assessment === "") {
      if (hasTarget) ind.noData++;
    } else ind.notAssessable++;
    indicatorRows.push({
      id: text(row.id),
      name: text(row.name),
      unit: text(row.unit),
      inForce: r.inForce,
      actual: row.actual ?? null,
      gap: r.gap,
      rate: r.rate,
      assessment: r.assessment,
    });
  }

  const units = [...byUnit.values()]
    .sort((a, b) => a.unit.localeCompare(b.unit, "vi"))
    .map((c) => ({ ...c, light: light(c) }));
  return {
    period: { kind: window.kind, label: window.label, from: window.start, to: window.end },
    statusDate,
    reportDate: settings.reportDate,
    submissionDeadline: submissionDeadline(window, settings.submissionDay),
    unit: input.unit ?? null,
    totals,
    units,
    completedInPeriod,
    overdue: overdue.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
    indicators: { ...ind, rows: indicatorRows },
    difficulties: [...difficulties.values()].sort((a, b) => a.unit.localeCompare(b.unit, "vi")),
    next: { label: next.label, from: next.start, to: next.end, due: dueNext, overdue },
    proposals,
  };
}

/** The figures scripts read (`plan report --json`). */
export function reportFigures(c: ReportContent) {
  const counts = (x: Counts) => ({
    completedOnTime: x.completedOnTime,
    completedLate: x.completedLate,
    openInTime: x.openInTime,
    openOverdue: x.openOverdue,
    recurring: x.recurring,
    recurringReported: x.recurringReported,
    recurringNotReported: x.recurringNotReported,
    noDeadline: x.noDeadline,
    toCheck: x.toCheck,
    total: x.total,
  });
  return {
    // The kind as the CLI's --kind names it.
    period: {
      kind: c.period.kind === "nine-months" ? "nine-month" : c.period.kind,
      label: c.period.label,
      from: c.period.from,
      to: c.period.to,
    },
    statusDate: c.statusDate,
    reportDate: c.reportDate,
    submissionDeadline: c.submissionDeadline,
    unit: c.unit,
    totals: counts(c.totals),
    units: c.units.map((u) => ({ unit: u.unit, ...counts(u), light: u.light })),
    indicators: {
      total: c.indicators.total,
      withTarget: c.indicators.withTarget,
      exceeded: c.indicators.exceeded,
      met: c.indicators.met,
      notMet: c.indicators.notMet,
      noData: c.indicators.noData,
      notAssessable: c.indicators.notAssessable,
    },
  };
}
