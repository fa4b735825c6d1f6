/**
 * Counts of a tracking sheet's tasks per status as of a report date, computed from the sheet's own
 * values (due date, completion date, progress, recurrence), so it holds even where the KH functions
 * are not loaded; plus the rows to jump to.
 */
import { recurrenceFromLabel } from "../deadlines/recurrence-labels";
import { serialToIso } from "../excel-dates";
import { STATUS_LABEL_VI, taskStatus, type TaskStatus } from "./task-status";

export type SheetValue = string | number | boolean | null | undefined;

export interface StatusSummary {
  counts: Record<TaskStatus, number>;
  /** 0-based indexes of data rows (below the header). */
  overdue: number[];
  dueSoon: number[];
  total: number;
}

function asIso(v: SheetValue): string | null {
  if (typeof v === "number") return serialToIso(v);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return null;
}

export function summarizeTasks(
  values: SheetValue[][],
  reportDate: string,
  dueSoonDays = 7,
): StatusSummary | null {
  const [header, ...rows] = values;
  if (!header) return null;
  const col = (name: string) => header.findIndex((h) => String(h ?? "").trim() === name);
  const due = col("Hạn hoàn thành");
  const done = col("Ngày hoàn thành");
  const progress = col("Tiến độ (%)");
  const recurrence = col("Lặp lại");
  const id = col("Mã nhiệm vụ");
  if (due < 0 || done < 0 || id < 0) return null;
  const counts = Object.fromEntries(Object.keys(STATUS_LABEL_VI).map((k) => [k, 0])) as Record<
    TaskStatus,
    number
  >;
  const summary: StatusSummary = { counts, overdue: [], dueSoon: [], total: 0 };
  rows.forEach((r, i) => {
    if (!String(r[id] ?? "").trim()) return;
    const { status } = taskStatus({
      dueDate: asIso(r[due]),
      completedOn: asIso(r[done]),
      progress: typeof r[progress] === "number" ? (r[progress] as number) : null,
      recurrence: recurrenceFromLabel(String(r[recurrence] ?? "")),
      reportDate,
      dueSoonDays,
    });
    counts[status]++;
    summary.total++;
    if (status === "overdue") summary.overdue.push(i);
    if (status === "due-soon") summary.dueSoon.push(i);
  });
  return summary;
}
