/**
 * Task status as of a report date (DOMAIN.md "Task status vocabulary" and "The rules, precisely"):
 * the four buckets of the official count, "Chưa hoàn thành trong hạn" split into not started / due
 * soon, and recurring work judged against its own reporting period. Each result says why ("Vì sao
 * quá hạn?"): the due date and the date compared, and the flags a clerk should fix.
 */
import type { Recurrence } from "../deadlines/parse-deadline";
import { isoToSerial } from "../excel-dates";
import { reportingPeriod, type PeriodKind } from "../periods/reporting-period";
import { reasonText, viDate, type TaskReason } from "./status-reason";

export { reasonText, viDate, type TaskReason };

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

export const RECURRING_REPORTED = "đã báo cáo kỳ này";
export const RECURRING_NOT_REPORTED = "chưa báo cáo kỳ này";

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

/** Something in a row the clerk should look at; the status is still computed. */
export type TaskFlag = "missing-completion-date" | "completion-after-report-date" | "completed-below-100";

export const TASK_FLAG_VI: Record<TaskFlag, string> = {
  "missing-completion-date": "Thiếu ngày hoàn thành",
  "completion-after-report-date": "Ngày hoàn thành sau ngày báo cáo (chưa tính)",
  "completed-below-100": "Đã có ngày hoàn thành nhưng tiến độ dưới 100%",
};

/** The reporting period recurring work is judged against. */
export const RECURRENCE_PERIOD: Record<Exclude<Recurrence, "none">, PeriodKind> = {
  continuous: "month",
  monthly: "month",
  quarterly: "quarter",
  yearly: "year",
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
   * When the clerk last updated the task (ISO), null when blank. Undefined when the sheet has no such
   * column: recurring work then reads plain "Thường xuyên".
   */
  lastUpdated?: string | null;
  /** Cut-off day of the reporting period (15 by default; 1 = calendar months). */
  cutoffDay?: number;
}

export interface TaskStatusResult {
  status: TaskStatus;
  label: string;
  /** Days from the report date to the due date (negative when overdue); null without one or when recurring. */
  daysLeft: number | null;
  flags: TaskFlag[];
  /** Why: the dates compared, in Vietnamese ("Hạn 31/10/2026; ngày báo cáo 05/11/2026: quá 5 ngày"). */
  reason: string;
  /** The same as facts, for a host to word in its language. */
  why: TaskReason;
}

export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = isoToSerial(fromIso);
  const b = isoToSerial(toIso);
  return a === null || b === null ? null : b - a;
}

function reasonFacts(f: TaskFacts, status: TaskStatus, periodStart: string | null): TaskReason {
  if (status === "recurring")
    return {
      code: "recurring",
      params: { from: periodStart ?? "", to: f.reportDate, updated: f.lastUpdated ?? "" },
    };
  if (f.completedOn !== null && f.completedOn <= f.reportDate)
    return {
      code: "completed",
      params: {
        completed: f.completedOn,
        due: f.dueDate ?? "",
        below100: f.progress !== null && f.progress < 100,
      },
    };
  if (status === "done-on-time" || status === "done-late")
    return {
      code: "done-no-date",
      params: {
        due: f.dueDate ?? "",
        against: f.lastUpdated ? "update" : "report",
        date: f.lastUpdated ?? f.reportDate,
      },
    };
  const completedAfter = f.completedOn ?? "";
  if (!f.dueDate) return { code: "no-deadline", params: { completedAfter } };
  const days = daysBetween(f.reportDate, f.dueDate)!;
  return { code: "deadline", params: { due: f.dueDate, report: f.reportDate, days, completedAfter } };
}

function statusOf(f: TaskFacts, flags: TaskFlag[]): { status: TaskStatus; daysLeft: number | null } {
  const daysLeft = f.dueDate ? daysBetween(f.reportDate, f.dueDate) : null;
  if (f.completedOn !== null && f.completedOn > f.reportDate) flags.push("completion-after-report-date");
  else if (f.completedOn !== null) {
    if (f.progress !== null && f.progress < 100) flags.push("completed-below-100");
    const onTime = !f.dueDate || f.completedOn <= f.dueDate;
    return { status: onTime ? "done-on-time" : "done-late", daysLeft };
  }
  if (f.completedOn === null && f.progress !== null && f.progress >= 100) {
    flags.push("missing-completion-date");
    // Timeliness from the last update when given, else from the report date.
    const judged = f.lastUpdated ?? f.reportDate;
    return { status: !f.dueDate || judged <= f.dueDate ? "done-on-time" : "done-late", daysLeft };
  }
  if (daysLeft === null) return { status: "not-started", daysLeft };
  if (daysLeft < 0) return { status: "overdue", daysLeft };
  if (daysLeft <= (f.dueSoonDays ?? 7)) return { status: "due-soon", daysLeft };
  return { status: f.progress !== null && f.progress > 0 ? "in-progress" : "not-started", daysLeft };
}

/** The reason is text built from dates: made when read (KH.TRANGTHAI over a column needs only labels). */
class StatusResult implements TaskStatusResult {
  private text: string | undefined;
  private facts_: TaskReason | undefined;
  constructor(
    readonly status: TaskStatus,
    readonly label: string,
    readonly daysLeft: number | null,
    readonly flags: TaskFlag[],
    private readonly facts: TaskFacts,
    private readonly periodStart: string | null,
  ) {}
  get why(): TaskReason {
    return (this.facts_ ??= reasonFacts(this.facts, this.status, this.periodStart));
  }
  get reason(): string {
    return (this.text ??= reasonText(this.why));
  }
}

export function taskStatus(f: TaskFacts): TaskStatusResult {
  const flags: TaskFlag[] = [];
  if (f.recurrence !== "none") {
    const period = reportingPeriod(f.reportDate, RECURRENCE_PERIOD[f.recurrence], f.cutoffDay ?? 15);
    const start = period?.start ?? null;
    if (f.lastUpdated === undefined)
      return new StatusResult("recurring", STATUS_LABEL_VI.recurring, null, flags, f, start);
    // Updates dated after the report date do not count for this period.
    const reported =
      !!f.lastUpdated && !!period && f.lastUpdated >= period.start && f.lastUpdated <= f.reportDate;
    const label = `${STATUS_LABEL_VI.recurring} (${reported ? RECURRING_REPORTED : RECURRING_NOT_REPORTED})`;
    return new StatusResult("recurring", label, null, flags, f, start);
  }
  const { status, daysLeft } = statusOf(f, flags);
  return new StatusResult(status, STATUS_LABEL_VI[status], daysLeft, flags, f, null);
}
