/**
 * Counts of a tracking sheet's tasks per status as of a report date, computed from the sheet's own
 * plain values (due date, completion date, progress, recurrence, last update) the way its formulas
 * compute them, so the pane and the sheet always agree; plus the rows to jump to.
 */
import { rowsByKey, type SheetValue } from "../sheets/read-sheet";
import {
  evaluateTaskRow,
  type RowReason,
  type TaskRowResult,
  type TrackingSettings,
} from "../sheets/task-sheet";
import { TASK_COLUMNS } from "../sheets/workbook-layout";
import { STATUS_LABEL_VI, type TaskStatus } from "./task-status";

export type { SheetValue } from "../sheets/read-sheet";

export interface StatusSummary {
  counts: Record<TaskStatus | "check", number>;
  /** 0-based indexes of data rows (below the header). */
  overdue: number[];
  dueSoon: number[];
  /** Rows whose cells must be fixed before they can be counted. */
  check: number[];
  /** Overdue tasks with the reason ("Hạn …, ngày báo cáo …: quá hạn N ngày"). */
  overdueDetails: TaskDetail[];
  /** Tasks due within the warning window, with their lead unit and due date. */
  dueSoonDetails: TaskDetail[];
  /** Open tasks with no due date, not recurring (counted under "Chưa đến hạn": "Chưa có hạn"). */
  noDeadline: number;
  total: number;
}

/** A task named in the summary: its row, id, text, lead unit, due date (ISO or "") and status reason. */
export interface TaskDetail {
  row: number;
  id: string;
  task: string;
  lead: string;
  due: string;
  reason: string;
  /** The reason as facts, for the host to word in its language. */
  why: RowReason;
}

export function summarizeTasks(
  values: SheetValue[][],
  settings: Omit<TrackingSettings, "planYear"> & { planYear?: number },
): StatusSummary | null {
  const { keys, rows } = rowsByKey(values, TASK_COLUMNS);
  if (!keys.has("id") || !keys.has("due") || !keys.has("completed")) return null;
  const counts = Object.fromEntries([...Object.keys(STATUS_LABEL_VI), "check"].map((k) => [k, 0])) as Record<
    TaskStatus | "check",
    number
  >;
  const summary: StatusSummary = {
    counts,
    overdue: [],
    dueSoon: [],
    check: [],
    overdueDetails: [],
    dueSoonDetails: [],
    noDeadline: 0,
    total: 0,
  };
  for (const { index, values: row } of rows) {
    if (!String(row.id ?? "").trim()) continue;
    const r: TaskRowResult = evaluateTaskRow(row, { planYear: 0, ...settings });
    counts[r.status]++;
    summary.total++;
    const detail = (): TaskDetail => ({
      row: index,
      id: String(row.id),
      task: String(row.task ?? ""),
      lead: String(row.lead ?? ""),
      due: typeof row.due === "string" ? row.due : "",
      reason: r.reason,
      why: r.why,
    });
    if (r.status === "overdue") {
      summary.overdue.push(index);
      summary.overdueDetails.push(detail());
    }
    if (r.status === "due-soon") {
      summary.dueSoon.push(index);
      summary.dueSoonDetails.push(detail());
    }
    if (r.status === "check") summary.check.push(index);
    if ((r.status === "not-started" || r.status === "in-progress") && !row.due) summary.noDeadline++;
  }
  return summary;
}
