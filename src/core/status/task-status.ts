/**
 * Task status as of a report date (DOMAIN.md "Task status vocabulary"): the four buckets of the
 * official count, "Chưa hoàn thành trong hạn" split into not started / due soon, and recurring work.
 */
import type { Recurrence } from "../deadlines/parse-deadline";
import { isoToSerial } from "../excel-dates";
import { reportingPeriod } from "../periods/reporting-period";

export type TaskStatus =
  "done-on-time" | "done-late" | "in-progress" | "not-started" | "due-soon" | "overdue" | "recurring";

export const STATUS_LABEL_VI: Record<TaskStatus, string> = {
  "done-on-time": "Đã hoàn thành đúng hạn",
  "done-late": "Đã hoàn thành quá hạn",
  "in-progress": "Chưa hoàn thành trong hạn",
  "not-started": "Chưa đến hạn",
  "due-soon": "Sắp đến hạn",
  overdue: "Chưa hoàn thành quá hạn",
  recurring: "Thường xuyên",
};

/** The bucket of the official count each status belongs to. */
export const STATUS_BUCKET: Record<
  TaskStatus,
  "done-on-time" | "done-late" | "open-on-time" | "open-late" | "recurring"
> = {
  "done-on-time": "done-on-time",
  "done-late": "done-late",
  "in-progress": "open-on-time",
  "not-started": "open-on-time",
  "due-soon": "open-on-time",
  overdue: "open-late",
  recurring: "recurring",
};

export interface TaskFacts {
  /** ISO date, or null when there is none. */
  dueDate: string | null;
  recurrence: Recurrence;
  /** ISO date the clerk entered as completed, or null. */
  completedOn: string | null;
  /** 0..100, null when not entered. */
  progress: number | null;
  /** ISO date of the report. */
  reportDate: string;
  /** Days before the due date counted as "due soon" (default 7). */
  dueSoonDays?: number;
  /**
   * When the clerk last updated the task (ISO). Recurring work is judged per reporting period: given,
   * the label says whether it was reported in the period that holds the report date.
   */
  lastUpdated?: string | null;
  /** Cut-off day of the reporting period (15 by default; 1 = calendar months). */
  cutoffDay?: number;
}

export interface TaskStatusResult {
  status: TaskStatus;
  label: string;
  /** Days from the report date to the due date (negative when overdue); null without a due date. */
  daysLeft: number | null;
}

export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = isoToSerial(fromIso);
  const b = isoToSerial(toIso);
  return a === null || b === null ? null : b - a;
}

export function taskStatus(f: TaskFacts): TaskStatusResult {
  const daysLeft = f.dueDate ? daysBetween(f.reportDate, f.dueDate) : null;
  const result = (status: TaskStatus): TaskStatusResult => ({
    status,
    label: STATUS_LABEL_VI[status],
    daysLeft,
  });
  const done = f.completedOn !== null && (daysBetween(f.completedOn, f.reportDate) ?? -1) >= 0;
  if (done) {
    if (!f.dueDate) return result("done-on-time");
    return result((daysBetween(f.dueDate, f.completedOn!) ?? 0) <= 0 ? "done-on-time" : "done-late");
  }
  if ((f.recurrence !== "none" && f.recurrence !== "yearly") || (f.recurrence === "yearly" && !f.dueDate)) {
    const r = result("recurring");
    if (f.lastUpdated === undefined) return r;
    const period = reportingPeriod(f.reportDate, "month", f.cutoffDay ?? 15);
    const reported =
      !!f.lastUpdated && !!period && f.lastUpdated >= period.start && f.lastUpdated <= f.reportDate;
    return { ...r, label: `${r.label} (${reported ? "đã báo cáo kỳ này" : "chưa báo cáo kỳ này"})` };
  }
  if (daysLeft === null) return result(f.progress ? "in-progress" : "not-started");
  if (daysLeft < 0) return result("overdue");
  if (daysLeft <= (f.dueSoonDays ?? 7)) return result("due-soon");
  return result(f.progress && f.progress > 0 ? "in-progress" : "not-started");
}
