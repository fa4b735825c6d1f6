/**
 * The "Nhiệm vụ" sheet: one row per task, the clerks' columns, and native formulas for status, days
 * left and the reason behind the status. The formulas read plain cells (the due date and recurrence
 * the core parsed once, the clerk's entries) and the settings sheet; `evaluateTaskRow` is the same
 * computation in the core, so every cached value is what the formula computes.
 */
import { isIsoDate } from "../excel-dates";
import { RECURRENCE_VI } from "../deadlines/recurrence-labels";
import type { Recurrence } from "../deadlines/parse-deadline";
import type { PlanJson } from "../model/plan";
import { STATUS_LABEL_VI, taskStatus, type TaskStatus } from "../status/task-status";
import { CHECK_DATA_REASON, CHECK_DEADLINE_REASON, type RowReason } from "../status/status-reason";
import { ddmmyyyy, equalsAny, ifChain, str } from "./formula-text";
import type { ScalarCell, SheetCell, SheetSpec } from "./sheet-spec";
import { fitRowHeights } from "./row-heights";
import { SHEET, TASK_COLUMNS, TASK_PRINT_COLUMNS, columnOf, indexOf, settingRef } from "./workbook-layout";
import { romanValue } from "../text/roman-numerals";

export interface TrackingSettings {
  /** ISO report date. */
  reportDate: string;
  dueSoonDays: number;
  /** 2–28, or 1 for calendar months. */
  cutoffDay: number;
  planYear: number;
}

/** A task row by column key: plain values, dates as ISO text. */
export type TaskRowValues = Record<string, ScalarCell | undefined>;

export const CHECK_DATA_LABEL = "Kiểm tra lại dữ liệu";
export const CHECK_DEADLINE_LABEL = "Kiểm tra lại hạn";
export { CHECK_DATA_REASON, CHECK_DEADLINE_REASON, type RowReason };

const QUARTERLY = ["Hằng quý", "Hàng quý"];
const YEARLY = ["Hằng năm", "Hàng năm"];
const MONTHLY = ["Hằng tháng", "Hàng tháng"];

/** Stable task id: appendix number, section and TT ("PL2.I.3"); a running number when TT is blank. */
export function taskId(
  title: string,
  tableIndex: number,
  section: string | null,
  no: string,
  row: number,
): string {
  const appendix = /ph[uụ]\s*l[uụ]c\s+([IVX]+|\d+)/iu.exec(title)?.[1];
  const pl = appendix ? `PL${romanValue(appendix.toUpperCase()) ?? appendix}` : `B${tableIndex + 1}`;
  return [pl, section, no || `#${row + 1}`].filter(Boolean).join(".");
}

const lower = (v: ScalarCell | undefined) => (typeof v === "string" ? v.toLocaleLowerCase("vi") : v);

/** Excel's "=" on two cells: text without case, numbers by value, blank equals blank. */
function sameCell(a: ScalarCell | undefined, b: ScalarCell | undefined): boolean {
  const blank = (v: ScalarCell | undefined) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return typeof a === typeof b && lower(a) === lower(b);
}

/** The recurrence a label in the "Lặp lại" column stands for, as the formulas read it. */
export function recurrenceOfLabel(label: ScalarCell | undefined): Recurrence {
  if (label === null || label === undefined || label === "") return "none";
  const l = String(label).toLocaleLowerCase("vi");
  const is = (forms: string[]) => forms.some((f) => f.toLocaleLowerCase("vi") === l);
  if (is(QUARTERLY)) return "quarterly";
  if (is(YEARLY)) return "yearly";
  if (is(MONTHLY)) return "monthly";
  return "continuous";
}

const dateOk = (v: ScalarCell | undefined) => v === null || v === undefined || v === "" || isIsoDate(v);

export interface TaskRowResult {
  status: TaskStatus | "check";
  label: string;
  daysLeft: number | null;
  /** In Vietnamese, as the sheet's "Căn cứ trạng thái" writes it. */
  reason: string;
  why: RowReason;
}

/** A row whose cells must be checked before it can be counted. */
const rowToCheck = (label: string, reason: string, why: RowReason): TaskRowResult => ({
  status: "check",
  label,
  daysLeft: null,
  reason,
  why,
});

/** What the row's formulas compute, from the row's plain cells and the settings. */
export function evaluateTaskRow(row: TaskRowValues, s: TrackingSettings): TaskRowResult {
  const invalid =
    !dateOk(row.due) || !dateOk(row.completed) || !dateOk(row.updated) || typeof row.progress === "string";
  if (invalid) return rowToCheck(CHECK_DATA_LABEL, CHECK_DATA_REASON, { code: "check-data", params: {} });
  // A sheet without the copies of what was read (made by hand, or older) cannot be stale.
  const stale =
    row.srcDeadline !== undefined &&
    !sameCell(row.deadlineText, row.srcDeadline) &&
    sameCell(row.due, row.srcDue) &&
    sameCell(row.recurrence, row.srcRecurrence);
  if (stale)
    return rowToCheck(CHECK_DEADLINE_LABEL, CHECK_DEADLINE_REASON, { code: "check-deadline", params: {} });
  const iso = (v: ScalarCell | undefined) => (isIsoDate(v) ? v : null);
  const r = taskStatus({
    dueDate: iso(row.due),
    recurrence: recurrenceOfLabel(row.recurrence),
    completedOn: iso(row.completed),
    progress: typeof row.progress === "number" ? row.progress : null,
    reportDate: s.reportDate,
    dueSoonDays: s.dueSoonDays,
    lastUpdated: iso(row.updated),
    cutoffDay: s.cutoffDay,
  });
  return { status: r.status, label: r.label, daysLeft: r.daysLeft, reason: r.reason, why: r.why };
}

type TaskFormulas = { status: string; daysLeft: string; reason: string };

/**
 * The three formulas of sheet row n, written with the column letters of the layout. They are long
 * (about 3,500 characters together) and the same for every row but the row number: they are composed once,
 * for a row number no sheet has, and that number is replaced for each row.
 */
export function taskFormulas(n: number): TaskFormulas {
  const cached = n <= CACHED_ROWS ? byRow[n] : undefined;
  if (cached) return cached;
  const row = String(n);
  formulaParts ??= [composeTaskFormulas(TEMPLATE_ROW)].flatMap((f) =>
    [f.status, f.daysLeft, f.reason].map((text) => text.split(String(TEMPLATE_ROW))),
  );
  const [status, daysLeft, reason] = formulaParts.map((parts) => parts.join(row)) as [string, string, string];
  const formulas = { status, daysLeft, reason };
  if (n <= CACHED_ROWS) byRow[n] = formulas;
  return formulas;
}

/**
 * The first rows' formulas are kept: a split writes the same rows 2, 3, … of a hundred or more unit
 * workbooks, which then share their strings (a few megabytes for this many rows) instead of making
 * them again for each.
 */
const CACHED_ROWS = 1000;
const byRow: (TaskFormulas | undefined)[] = [];

/** A row number past Excel's last (1,048,576), so that it appears in the composed text only as a row. */
const TEMPLATE_ROW = 1048577;
let formulaParts: string[][] | undefined;

function composeTaskFormulas(n: number): TaskFormulas {
  const c = (key: string) => `$${columnOf(TASK_COLUMNS, key)}${n}`;
  const [D, C, L, U, R] = ["due", "completed", "progress", "updated", "recurrence"].map(c) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const RD = settingRef("reportDate");
  const RDT = settingRef("reportDateText");
  const invalid = `OR(ISTEXT(${D}),ISTEXT(${C}),ISTEXT(${U}),ISTEXT(${L}))`;
  const stale = `AND(${c("deadlineText")}<>${c("srcDeadline")},${D}=${c("srcDue")},${R}=${c("srcRecurrence")})`;
  const periodStart = `IF(${equalsAny(R, QUARTERLY)},${settingRef("quarterStart")},IF(${equalsAny(R, YEARLY)},${settingRef("yearStart")},${settingRef("monthStart")}))`;
  const reported = `AND(${U}<>"",${U}>=${periodStart},${U}<=${RD})`;
  const doneByDate = `AND(${C}<>"",${C}<=${RD})`;
  const doneBy100 = `AND(${C}="",ISNUMBER(${L}),${L}>=100)`;
  const onTimeByDate = `OR(${D}="",${C}<=${D})`;
  const onTimeBy100 = `OR(${D}="",IF(${U}<>"",${U},${RD})<=${D})`;
  const label = (s: TaskStatus) => str(STATUS_LABEL_VI[s]);
  const doneLabel = (onTime: string) => `IF(${onTime},${label("done-on-time")},${label("done-late")})`;
  const status = ifChain(
    [
      [invalid, str(CHECK_DATA_LABEL)],
      [stale, str(CHECK_DEADLINE_LABEL)],
      [`${R}<>""`, `"Thường xuyên ("&IF(${reported},"đã","chưa")&" báo cáo kỳ này)"`],
      [doneByDate, doneLabel(onTimeByDate)],
      [doneBy100, doneLabel(onTimeBy100)],
      [`${D}=""`, label("not-started")],
      [`${D}<${RD}`, label("overdue")],
      [`${D}-${RD}<=${settingRef("dueSoonDays")}`, label("due-soon")],
      [`AND(ISNUMBER(${L}),${L}>0)`, label("in-progress")],
    ],
    label("not-started"),
  );
  const daysLeft = `IF(OR(${invalid},${stale},${R}<>"",${D}=""),"",${D}-${RD})`;
  const after = `IF(AND(${C}<>"",${C}>${RD}),"; ngày hoàn thành "&${ddmmyyyy(C)}&" sau ngày báo cáo, chưa tính","")`;
  const reason = ifChain(
    [
      [invalid, str(CHECK_DATA_REASON)],
      [stale, str(CHECK_DEADLINE_REASON)],
      [
        `${R}<>""`,
        `"Kỳ từ "&${ddmmyyyy(periodStart)}&" đến "&${RDT}&": "&IF(${U}="","chưa có ngày cập nhật","cập nhật lần cuối "&${ddmmyyyy(U)})&"."`,
      ],
      [
        doneByDate,
        `"Hoàn thành "&${ddmmyyyy(C)}&IF(${D}="",", không có hạn",", hạn "&${ddmmyyyy(D)})&IF(AND(ISNUMBER(${L}),${L}<100),"; tiến độ dưới 100%","")&"."`,
      ],
      [
        doneBy100,
        `"Tiến độ 100%, thiếu ngày hoàn thành"&IF(${D}="","",": hạn "&${ddmmyyyy(D)}&", so với "&IF(${U}<>"","ngày cập nhật "&${ddmmyyyy(U)},"ngày báo cáo "&${RDT}))&"."`,
      ],
      [`${D}=""`, `"Không có hạn cụ thể"&${after}&"."`],
    ],
    `"Hạn "&${ddmmyyyy(D)}&", ngày báo cáo "&${RDT}&": "&IF(${D}<${RD},"quá hạn "&(${RD}-${D}),"còn "&(${D}-${RD}))&" ngày"&${after}&"."`,
  );
  return { status: `=${status}`, daysLeft: `=${daysLeft}`, reason: `=${reason}` };
}

/**
 * Puts the formulas, with the values they compute, into rows that hold plain values by column
 * position (extra columns after the layout's are left as they are).
 */
export function withTaskFormulas(rows: readonly SheetCell[][], s: TrackingSettings): SheetCell[][] {
  const at = (key: string) => indexOf(TASK_COLUMNS, key);
  return rows.map((row, i) => {
    const values: TaskRowValues = {};
    TASK_COLUMNS.forEach((col, c) => {
      const v = row[c];
      values[col.key] = typeof v === "object" && v !== null ? v.cached : (v ?? null);
    });
    const result = evaluateTaskRow(values, s);
    const f = taskFormulas(i + 2);
    const next = [...row];
    next[at("status")] = { formula: f.status, cached: result.label };
    next[at("daysLeft")] = { formula: f.daysLeft, cached: result.daysLeft ?? "" };
    next[at("reason")] = { formula: f.reason, cached: result.reason };
    return next;
  });
}

/** The plan's tasks as rows of plain values, in the layout's column order, clerk columns blank. */
export function planTaskRows(plan: PlanJson): SheetCell[][] {
  const rows: SheetCell[][] = [];
  // Ids must be unique (rows are matched by id on update and merge): a repeated one gets "-2", "-3"…
  const used = new Set<string>();
  const unique = (id: string) => {
    let out = id;
    for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
    used.add(out);
    return out;
  };
  plan.tables.forEach((table, t) => {
    if (table.kind !== "tasks") return;
    const appendix = /ph[uụ]\s*l[uụ]c\s+[IVX\d]+/iu.exec(table.title)?.[0] ?? table.title.slice(0, 20);
    table.rows.forEach((r, i) => {
      const recurrence = RECURRENCE_VI[r.recurrence];
      const values: Record<string, SheetCell> = {
        id: unique(taskId(table.title, t, r.section, r.no, i)),
        appendix,
        section: r.section,
        no: r.no,
        task: r.task,
        lead: r.lead.join("; "),
        partners: r.partners.join("; "),
        output: r.output,
        deadlineText: r.deadlineText,
        due: r.dueDate,
        recurrence,
        srcDeadline: r.deadlineText,
        srcDue: r.dueDate,
        srcRecurrence: recurrence,
      };
      rows.push(TASK_COLUMNS.map((c) => values[c.key] ?? null));
    });
  });
  return rows;
}

export function taskSheet(rows: SheetCell[][], s: TrackingSettings): SheetSpec {
  const spec: SheetSpec = {
    name: SHEET.tasks,
    tableName: "NhiemVu",
    columns: TASK_COLUMNS,
    rows: withTaskFormulas(rows, s),
    freezeHeader: true,
    print: { orientation: "landscape", repeatHeader: true, columns: TASK_PRINT_COLUMNS },
    validations: [
      {
        column: "progress",
        // Decimal, not whole: "80%" typed is 0.8 (shown 80%, read as 80), and must not be refused.
        rule: { kind: "decimal", min: 0, max: 100 },
        message: "Tiến độ là số từ 0 đến 100: gõ 80 hoặc 80%.",
      },
      {
        column: "completed",
        rule: { kind: "date" },
        message: "Nhập ngày hoàn thành dạng ngày (dd/mm/yyyy).",
      },
      { column: "updated", rule: { kind: "date" }, message: "Nhập ngày cập nhật dạng ngày (dd/mm/yyyy)." },
      { column: "due", rule: { kind: "date" }, message: "Nhập hạn hoàn thành dạng ngày (dd/mm/yyyy)." },
      {
        column: "recurrence",
        rule: { kind: "list", values: Object.values(RECURRENCE_VI).filter(Boolean) },
        message: "Chọn Thường xuyên, Hằng tháng, Hằng quý, Hằng năm, hoặc để trống.",
      },
    ],
    highlights: [
      { column: "status", equals: STATUS_LABEL_VI.overdue, fill: "#FFC7CE" },
      { column: "status", equals: STATUS_LABEL_VI["due-soon"], fill: "#FFEB9C" },
      { column: "status", equals: CHECK_DATA_LABEL, fill: "#FFEB9C" },
      { column: "status", equals: CHECK_DEADLINE_LABEL, fill: "#FFEB9C" },
      { column: "status", equals: STATUS_LABEL_VI["done-on-time"], fill: "#C6EFCE" },
      { column: "status", equals: STATUS_LABEL_VI["done-late"], fill: "#C6EFCE" },
    ],
  };
  return { ...spec, rowHeights: fitRowHeights(spec) };
}
