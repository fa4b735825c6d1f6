/**
 * The one owner of the tracking workbook's layout: sheet names, the columns of each sheet by key,
 * and the settings cells the formulas read. The pane, the CLI, the renderers and the tests find
 * everything here, by key, never by header text or position of their own.
 */
import { columnLetter, type ColumnSpec } from "./sheet-spec";

/** Bumped when a column or settings cell moves: merge and update check it. */
export const LAYOUT_VERSION = 2;

export const SHEET = {
  tasks: "Nhiệm vụ",
  indicators: "Chỉ tiêu",
  settings: "Thiết lập",
} as const;

/**
 * Task columns. The first block is what a printed page shows (the print area); clerks' columns and
 * the details follow; the last three are hidden copies of what the deadline was read from, so that a
 * sheet whose deadline text was edited without its due date is flagged instead of answering stale.
 */
export const TASK_COLUMNS: ColumnSpec[] = [
  { key: "id", header: "Mã nhiệm vụ", kind: "text", width: 11 },
  { key: "task", header: "Nội dung nhiệm vụ", kind: "text", width: 44, wrap: true },
  { key: "lead", header: "Cơ quan chủ trì", kind: "text", width: 18, wrap: true },
  { key: "deadlineText", header: "Thời gian hoàn thành", kind: "text", width: 14, wrap: true },
  { key: "due", header: "Hạn hoàn thành", kind: "date", width: 11 },
  { key: "progress", header: "Tiến độ (%)", kind: "general", width: 8 },
  { key: "completed", header: "Ngày hoàn thành", kind: "date", width: 11 },
  { key: "result", header: "Kết quả đạt được", kind: "text", width: 24, wrap: true },
  { key: "difficulties", header: "Khó khăn, vướng mắc", kind: "text", width: 20, wrap: true },
  { key: "status", header: "Trạng thái", kind: "formula", width: 20, filledDown: true, wrap: true },
  { key: "daysLeft", header: "Số ngày còn lại", kind: "formula", width: 8, filledDown: true },
  { key: "reason", header: "Căn cứ trạng thái", kind: "formula", width: 36, filledDown: true, wrap: true },
  { key: "proposals", header: "Đề xuất, kiến nghị", kind: "text", width: 24, wrap: true },
  { key: "updated", header: "Cập nhật lần cuối", kind: "date", width: 11 },
  { key: "recurrence", header: "Lặp lại", kind: "text", width: 12 },
  { key: "partners", header: "Cơ quan phối hợp", kind: "text", width: 22, wrap: true },
  { key: "output", header: "Kết quả dự kiến", kind: "text", width: 24, wrap: true },
  { key: "no", header: "TT", kind: "text", width: 5 },
  { key: "section", header: "Mục", kind: "text", width: 6 },
  { key: "appendix", header: "Phụ lục", kind: "text", width: 10 },
  { key: "srcDeadline", header: "Thời gian hoàn thành (khi đọc)", kind: "text", width: 14, hidden: true },
  { key: "srcDue", header: "Hạn hoàn thành (khi đọc)", kind: "date", width: 11, hidden: true },
  { key: "srcRecurrence", header: "Lặp lại (khi đọc)", kind: "text", width: 12, hidden: true },
];

/** The columns a printed page of the task sheet shows, from the first: id … status. */
export const TASK_PRINT_COLUMNS = TASK_COLUMNS.findIndex((c) => c.key === "status") + 1;

/** Columns the clerks fill in, per sheet: never overwritten by an import. */
export const CLERK_COLUMNS = {
  tasks: ["progress", "completed", "result", "difficulties", "updated", "proposals"],
  indicators: ["actual", "asOf"],
} as const;

/** One settings row: a label in A, the value in B (or a date in C). */
export interface SettingCell {
  row: number;
  column: "B" | "C";
  label: string;
}

/** The settings sheet, row by row (1-based; row 1 is the header). */
export const SETTINGS = {
  reportDate: { row: 2, column: "C", label: "Ngày báo cáo" },
  planYear: { row: 3, column: "B", label: "Năm kế hoạch" },
  cutoffDay: {
    row: 4,
    column: "B",
    label: "Ngày chốt số liệu (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)",
  },
  submissionDay: { row: 5, column: "B", label: "Hạn gửi báo cáo (ngày trong tháng)" },
  dueSoonDays: { row: 6, column: "B", label: "Số ngày trước hạn được coi là sắp đến hạn" },
  parentAgency: { row: 7, column: "B", label: "Cơ quan chủ quản" },
  issuingAgency: { row: 8, column: "B", label: "Cơ quan ban hành báo cáo" },
  source: { row: 9, column: "B", label: "Nguồn kế hoạch" },
  units: { row: 10, column: "B", label: "Danh mục đơn vị" },
  monthStart: { row: 11, column: "C", label: "Kỳ tháng chứa ngày báo cáo bắt đầu từ (tự tính)" },
  quarterStart: { row: 12, column: "C", label: "Kỳ quý chứa ngày báo cáo bắt đầu từ (tự tính)" },
  yearStart: { row: 13, column: "C", label: "Kỳ năm chứa ngày báo cáo bắt đầu từ (tự tính)" },
  reportDateText: { row: 14, column: "B", label: "Ngày báo cáo (dạng chữ, tự tính)" },
  place: { row: 15, column: "B", label: "Địa danh (ghi trước ngày tháng của báo cáo)" },
  reportNumber: { row: 16, column: "B", label: "Số báo cáo" },
  documentCode: { row: 17, column: "B", label: "Ký hiệu văn bản (sau số, ví dụ BC-UBND)" },
  signerCapacity: { row: 18, column: "B", label: "Thẩm quyền ký (ví dụ TM. ỦY BAN NHÂN DÂN)" },
  signerTitle: { row: 19, column: "B", label: "Chức vụ người ký (ví dụ CHỦ TỊCH)" },
  signerName: { row: 20, column: "B", label: "Họ và tên người ký" },
  recipients: { row: 21, column: "B", label: "Nơi nhận (mỗi dòng một nơi)" },
  planName: { row: 22, column: "B", label: "Tên kế hoạch (ghi trong trích yếu báo cáo)" },
} as const satisfies Record<string, SettingCell>;

export type SettingKey = keyof typeof SETTINGS;

/** "C2": the cell of a setting on the settings sheet. */
export function settingAddress(key: SettingKey): string {
  const s = SETTINGS[key];
  return `${s.column}${s.row}`;
}

/** "'Thiết lập'!$C$2": a setting as formulas on other sheets refer to it. */
export function settingRef(key: SettingKey): string {
  const s = SETTINGS[key];
  return `'${SHEET.settings}'!$${s.column}$${s.row}`;
}

/** The column letter of a key in a list of columns. */
export function columnOf(columns: readonly ColumnSpec[], key: string): string {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return columnLetter(i);
}

/** The 0-based index of a key in a list of columns, -1 when absent. */
export function indexOf(columns: readonly ColumnSpec[], key: string): number {
  return columns.findIndex((c) => c.key === key);
}
