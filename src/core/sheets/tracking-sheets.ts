/**
 * The tracking workbook of a plan as sheet descriptions: "Nhiệm vụ" (tasks with the clerk's columns
 * and status formulas), "Chỉ tiêu" (indicators and stated targets with assessment formulas) and
 * "Thiết lập" (report date and settings the formulas read). Formulas use the KH functions and carry
 * the value they compute today, so the file reads right where the add-in is not loaded.
 */
import { achievementRate, assess, gap, targetInForce, type Milestone } from "../indicators/assess";
import type { PlanJson } from "../model/plan";
import { STATUS_LABEL_VI, taskStatus } from "../status/task-status";
import { columnLetter, type ColumnSpec, type SheetCell, type SheetSpec } from "./sheet-spec";
import { RECURRENCE_VI, recurrenceFromLabel } from "../deadlines/recurrence-labels";

export interface TrackingOptions {
  /** ISO report date. */
  reportDate: string;
  dueSoonDays?: number;
  cutoffDay?: number;
}

export const SETTINGS_SHEET = "Thiết lập";
/** Where the formulas read the report date and the due-soon window. */
export const REPORT_DATE_CELL = `'${SETTINGS_SHEET}'!$C$2`;
export const DUE_SOON_CELL = `'${SETTINGS_SHEET}'!$B$6`;
export const CUTOFF_CELL = `'${SETTINGS_SHEET}'!$B$4`;

const PRINT = { orientation: "landscape" as const, repeatHeader: true };

/** Stable task id: appendix number, section and TT ("PL2.I.3"); a running number when TT is blank. */
export function taskId(
  title: string,
  tableIndex: number,
  section: string | null,
  no: string,
  row: number,
): string {
  const appendix = /ph[uụ]\s*l[uụ]c\s+([IVX]+|\d+)/iu.exec(title)?.[1];
  const roman: Record<string, number> = {
    I: 1,
    II: 2,
    III: 3,
    IV: 4,
    V: 5,
    VI: 6,
    VII: 7,
    VIII: 8,
    IX: 9,
    X: 10,
  };
  const pl = appendix ? `PL${roman[appendix.toUpperCase()] ?? appendix}` : `B${tableIndex + 1}`;
  return [pl, section, no || `#${row + 1}`].filter(Boolean).join(".");
}

const TASK_COLUMNS: ColumnSpec[] = [
  { key: "id", header: "Mã nhiệm vụ", kind: "text", width: 12 },
  { key: "appendix", header: "Phụ lục", kind: "text", width: 10 },
  { key: "section", header: "Mục", kind: "text", width: 6 },
  { key: "no", header: "TT", kind: "text", width: 5 },
  { key: "task", header: "Nội dung nhiệm vụ", kind: "text", width: 48, wrap: true },
  { key: "lead", header: "Cơ quan chủ trì", kind: "text", width: 22, wrap: true },
  { key: "partners", header: "Cơ quan phối hợp", kind: "text", width: 22, wrap: true },
  { key: "output", header: "Kết quả dự kiến", kind: "text", width: 24, wrap: true },
  { key: "deadlineText", header: "Thời gian hoàn thành", kind: "text", width: 16, wrap: true },
  { key: "due", header: "Hạn hoàn thành", kind: "date", width: 12 },
  { key: "recurrence", header: "Lặp lại", kind: "text", width: 12 },
  { key: "progress", header: "Tiến độ (%)", kind: "integer", width: 9 },
  { key: "completed", header: "Ngày hoàn thành", kind: "date", width: 12 },
  { key: "result", header: "Kết quả đạt được", kind: "text", width: 30, wrap: true },
  { key: "difficulties", header: "Khó khăn, vướng mắc", kind: "text", width: 26, wrap: true },
  { key: "updated", header: "Cập nhật lần cuối", kind: "date", width: 12 },
  { key: "status", header: "Trạng thái", kind: "text", width: 22 },
  { key: "daysLeft", header: "Số ngày còn lại", kind: "integer", width: 9 },
];

const col = (key: string, columns: ColumnSpec[]) => columnLetter(columns.findIndex((c) => c.key === key));

function taskSheet(plan: PlanJson, o: TrackingOptions): SheetSpec {
  const rows: SheetCell[][] = [];
  plan.tables.forEach((table, t) => {
    if (table.kind !== "tasks") return;
    const appendix = /ph[uụ]\s*l[uụ]c\s+[IVX\d]+/iu.exec(table.title)?.[0] ?? table.title.slice(0, 20);
    table.rows.forEach((r, i) => {
      const n = rows.length + 2; // sheet row of this task
      const status = taskStatus({
        dueDate: r.dueDate,
        recurrence: r.recurrence,
        completedOn: null,
        progress: null,
        reportDate: o.reportDate,
        dueSoonDays: o.dueSoonDays,
        lastUpdated: null,
        cutoffDay: o.cutoffDay,
      });
      const c = (key: string) => `${col(key, TASK_COLUMNS)}${n}`;
      rows.push([
        taskId(table.title, t, r.section, r.no, i),
        appendix,
        r.section,
        r.no,
        r.task,
        r.lead.join("; "),
        r.partners.join("; "),
        r.output,
        r.deadlineText,
        r.dueDate,
        RECURRENCE_VI[r.recurrence],
        null,
        null,
        null,
        null,
        null,
        {
          formula: `=KH.TRANGTHAI(${c("due")},${c("completed")},${c("progress")},${REPORT_DATE_CELL},${c("recurrence")},${DUE_SOON_CELL},${c("updated")},${CUTOFF_CELL})`,
          cached: status.label,
        },
        r.dueDate
          ? { formula: `=KH.SONGAYCONLAI(${c("due")},${REPORT_DATE_CELL})`, cached: status.daysLeft }
          : null,
      ]);
    });
  });
  return {
    name: "Nhiệm vụ",
    tableName: "NhiemVu",
    columns: TASK_COLUMNS,
    rows,
    freezeHeader: true,
    print: PRINT,
    validations: [
      {
        column: "progress",
        rule: { kind: "whole", min: 0, max: 100 },
        message: "Tiến độ là số nguyên từ 0 đến 100.",
      },
      {
        column: "completed",
        rule: { kind: "date" },
        message: "Nhập ngày hoàn thành dạng ngày (dd/mm/yyyy).",
      },
      { column: "updated", rule: { kind: "date" }, message: "Nhập ngày cập nhật dạng ngày (dd/mm/yyyy)." },
    ],
    highlights: [
      { column: "status", equals: STATUS_LABEL_VI.overdue, fill: "#FFC7CE" },
      { column: "status", equals: STATUS_LABEL_VI["due-soon"], fill: "#FFEB9C" },
      { column: "status", equals: STATUS_LABEL_VI["done-on-time"], fill: "#C6EFCE" },
      { column: "status", equals: STATUS_LABEL_VI["done-late"], fill: "#C6EFCE" },
    ],
  };
}

const MILESTONES = [2025, 2030, 2035, 2040, 2045];

function indicatorSheet(plan: PlanJson, o: TrackingOptions): SheetSpec {
  const years = [
    ...new Set([
      ...MILESTONES.filter((y) => plan.targets.some((t) => t.year === y)),
      ...plan.tables.flatMap((t) =>
        t.kind === "indicators" ? t.rows.flatMap((r) => Object.keys(r.targets).map(Number)) : [],
      ),
    ]),
  ].sort((a, b) => a - b);
  const columns: ColumnSpec[] = [
    { key: "id", header: "Mã chỉ tiêu", kind: "text", width: 10 },
    { key: "name", header: "Tên chỉ tiêu", kind: "text", width: 44, wrap: true },
    { key: "unit", header: "Đơn vị tính", kind: "text", width: 12 },
    { key: "responsible", header: "Cơ quan theo dõi", kind: "text", width: 22, wrap: true },
    ...years.map((y) => ({ key: `y${y}`, header: String(y), kind: "text" as const, width: 9 })),
    { key: "actual", header: "Thực hiện", kind: "number", width: 10 },
    { key: "asOf", header: "Số liệu đến ngày", kind: "date", width: 12 },
    { key: "inForce", header: "Chỉ tiêu hiện hành", kind: "text", width: 12 },
    { key: "gap", header: "Chênh lệch", kind: "number", width: 10 },
    { key: "rate", header: "Tỷ lệ đạt", kind: "percent", width: 9 },
    { key: "assessment", header: "Đánh giá", kind: "text", width: 11 },
    { key: "onTrack", header: "Đúng tiến độ", kind: "text", width: 10 },
  ];
  const first = columnLetter(4);
  const last = columnLetter(3 + years.length);
  const rows: SheetCell[][] = [];
  const push = (
    id: string,
    name: string,
    unit: string,
    responsible: string,
    targets: Record<string, string>,
  ) => {
    const n = rows.length + 2;
    const milestones: Milestone[] = years.map((y) => ({ year: y, target: targets[String(y)] ?? "" }));
    const inForce = targetInForce(milestones, o.reportDate);
    const c = (key: string) => `${col(key, columns)}${n}`;
    rows.push([
      id,
      name,
      unit,
      responsible,
      ...years.map((y) => targets[String(y)] ?? ""),
      null,
      null,
      {
        formula: `=KH.CHITIEUHIENHANH($${first}$1:$${last}$1,${first}${n}:${last}${n},${REPORT_DATE_CELL})`,
        cached: inForce?.target ?? "",
      },
      {
        formula: `=IFERROR(KH.CHENHLECH(${c("inForce")},${c("actual")}),"")`,
        cached: gap(inForce?.target ?? "", null) ?? "",
      },
      {
        formula: `=IFERROR(KH.TYLEDAT(${c("inForce")},${c("actual")}),"")`,
        cached: achievementRate(inForce?.target ?? "", null) ?? "",
      },
      {
        formula: `=KH.DANHGIA(${c("inForce")},${c("actual")})`,
        cached: assess(inForce?.target ?? "", null) ?? "",
      },
      {
        // Empty until there is a result: "Có" / "Chậm" against the straight line between milestones.
        formula: `=IF(${c("actual")}="","",IFERROR(IF(KH.DUNGTIENDO($${first}$1:$${last}$1,${first}${n}:${last}${n},${c("actual")},IF(${c("asOf")}="",${REPORT_DATE_CELL},${c("asOf")})),"Có","Chậm"),""))`,
        cached: "",
      },
    ]);
  };
  plan.tables.forEach((table, t) => {
    if (table.kind !== "indicators") return;
    for (const r of table.rows) push(`CT${t + 1}.${r.no}`, r.name, r.unit, r.responsible, r.targets);
  });
  plan.targets.forEach((target, i) => {
    push(
      `MT.${target.no.replace(/[()]/g, "") || i + 1}`,
      target.text,
      target.unit ?? "",
      "",
      target.year
        ? {
            [String(target.year)]:
              target.comparator === ">="
                ? `≥ ${target.value}`
                : target.comparator === "<="
                  ? `≤ ${target.value}`
                  : target.comparator === "range"
                    ? `${target.value}–${target.max}`
                    : String(target.value ?? "X"),
          }
        : {},
    );
  });
  return {
    name: "Chỉ tiêu",
    tableName: "ChiTieu",
    columns,
    rows,
    freezeHeader: true,
    print: PRINT,
    validations: [
      { column: "asOf", rule: { kind: "date" }, message: "Nhập ngày của số liệu dạng ngày (dd/mm/yyyy)." },
    ],
    highlights: [
      { column: "assessment", equals: "Không đạt", fill: "#FFC7CE" },
      { column: "assessment", equals: "Vượt", fill: "#C6EFCE" },
      { column: "assessment", equals: "Đạt", fill: "#C6EFCE" },
      { column: "onTrack", equals: "Chậm", fill: "#FFEB9C" },
    ],
  };
}

function settingsSheet(plan: PlanJson, o: TrackingOptions): SheetSpec {
  const units = [
    ...new Set(
      plan.tables.flatMap((t) =>
        t.kind === "tasks" ? t.rows.flatMap((r) => [...r.lead, ...r.partners]) : [],
      ),
    ),
  ].sort((a, b) => a.localeCompare(b, "vi"));
  return {
    name: SETTINGS_SHEET,
    freezeHeader: true,
    print: { orientation: "portrait", repeatHeader: false },
    columns: [
      { key: "setting", header: "Thiết lập", kind: "text", width: 40, wrap: true },
      { key: "value", header: "Giá trị", kind: "text", width: 30, wrap: true },
      { key: "date", header: "Ngày", kind: "date", width: 12 },
    ],
    rows: [
      ["Ngày báo cáo", null, o.reportDate],
      ["Năm kế hoạch", plan.planYear, null],
      [
        "Ngày chốt số liệu (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)",
        o.cutoffDay ?? 15,
        null,
      ],
      ["Hạn gửi báo cáo (ngày trong tháng)", 10, null],
      ["Số ngày trước hạn được coi là sắp đến hạn", o.dueSoonDays ?? 7, null],
      ["Cơ quan chủ quản", "", null],
      ["Cơ quan ban hành báo cáo", "", null],
      ["Nguồn kế hoạch", plan.source, null],
      ["Danh mục đơn vị", units.join("\n"), null],
    ],
  };
}

const iso = (v: SheetCell): string | null =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;

/** Recomputes the cached status and days left of every task row from what the row holds now. */
export function refreshTaskStatuses(sheet: SheetSpec, o: TrackingOptions): SheetSpec {
  const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
  const [due, completed, progress, recurrence, status, daysLeft, updated] = [
    "due",
    "completed",
    "progress",
    "recurrence",
    "status",
    "daysLeft",
    "updated",
  ].map(at);
  const rows = sheet.rows.map((row) => {
    const s = row[status!];
    if (typeof s !== "object" || s === null) return row;
    const rec = String(row[recurrence!] ?? "");
    const result = taskStatus({
      dueDate: iso(row[due!] ?? null),
      completedOn: iso(row[completed!] ?? null),
      progress: typeof row[progress!] === "number" ? (row[progress!] as number) : null,
      recurrence: recurrenceFromLabel(rec),
      reportDate: o.reportDate,
      dueSoonDays: o.dueSoonDays,
      lastUpdated: iso(row[updated!] ?? null),
      cutoffDay: o.cutoffDay,
    });
    const next = [...row];
    next[status!] = { ...s, cached: result.label };
    const d = row[daysLeft!];
    if (typeof d === "object" && d !== null) next[daysLeft!] = { ...d, cached: result.daysLeft };
    return next;
  });
  return { ...sheet, rows };
}

export function trackingSheets(plan: PlanJson, o: TrackingOptions): SheetSpec[] {
  return [taskSheet(plan, o), indicatorSheet(plan, o), settingsSheet(plan, o)];
}
