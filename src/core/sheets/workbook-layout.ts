/**
 * The one owner of the tracking workbook's layout: sheet names, the columns of each sheet by key,
 * and the settings cells the formulas read. The pane, the CLI, the renderers and the tests find
 * everything here, by key, never by header text or position of their own.
 */
import { columnLetter, type ColumnSpec, type ValidationRule } from "./sheet-spec";

/**
 * Bumped when a column moves: merge and update check it. (Settings are found by their labels, so an
 * older settings sheet — dates in column C — still reads; see readSettings.)
 */
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

/**
 * One settings row: a label in A, the value in B (a note of the office's own in C). `kind` is the
 * value's format where it is not General; `rule` what may be typed there.
 */
export interface SettingCell {
  row: number;
  label: string;
  kind?: "date" | "text";
  rule?: ValidationRule;
}

/** The settings sheet, row by row (1-based; row 1 is the header). */
export const SETTINGS = {
  reportDate: { row: 2, label: "Ngày báo cáo", kind: "date", rule: { kind: "date" } },
  planYear: { row: 3, label: "Năm kế hoạch", rule: { kind: "whole", min: 2000, max: 2100 } },
  cutoffDay: {
    row: 4,
    label: "Ngày chốt số liệu (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)",
    rule: { kind: "whole", min: 1, max: 28 },
  },
  submissionDay: {
    row: 5,
    label: "Hạn gửi báo cáo (ngày trong tháng)",
    rule: { kind: "whole", min: 1, max: 31 },
  },
  dueSoonDays: {
    row: 6,
    label: "Số ngày trước hạn được coi là sắp đến hạn",
    rule: { kind: "whole", min: 0, max: 365 },
  },
  parentAgency: { row: 7, label: "Cơ quan chủ quản", kind: "text" },
  issuingAgency: { row: 8, label: "Cơ quan ban hành báo cáo", kind: "text" },
  source: { row: 9, label: "Nguồn kế hoạch", kind: "text" },
  units: { row: 10, label: "Số đơn vị trong danh mục (bảng bên dưới, mỗi dòng một đơn vị)" },
  monthStart: { row: 11, label: "Kỳ tháng chứa ngày báo cáo bắt đầu từ (tự tính)", kind: "date" },
  quarterStart: { row: 12, label: "Kỳ quý chứa ngày báo cáo bắt đầu từ (tự tính)", kind: "date" },
  yearStart: { row: 13, label: "Kỳ năm chứa ngày báo cáo bắt đầu từ (tự tính)", kind: "date" },
  reportDateText: { row: 14, label: "Ngày báo cáo (dạng chữ, tự tính)" },
  place: { row: 15, label: "Địa danh (ghi trước ngày tháng của báo cáo)", kind: "text" },
  reportNumber: { row: 16, label: "Số báo cáo", kind: "text" },
  documentCode: { row: 17, label: "Ký hiệu văn bản (sau số, ví dụ BC-UBND)", kind: "text" },
  signerCapacity: { row: 18, label: "Thẩm quyền ký (ví dụ TM. ỦY BAN NHÂN DÂN)", kind: "text" },
  signerTitle: { row: 19, label: "Chức vụ người ký (ví dụ CHỦ TỊCH)", kind: "text" },
  signerName: { row: 20, label: "Họ và tên người ký", kind: "text" },
  recipients: { row: 21, label: "Nơi nhận (mỗi dòng một nơi)", kind: "text" },
  planName: { row: 22, label: "Tên kế hoạch (ghi trong trích yếu báo cáo)", kind: "text" },
} as const satisfies Record<string, SettingCell>;

export type SettingKey = keyof typeof SETTINGS;

/**
 * The unit directory, below the settings: its header row (1-based), then one unit a row — the
 * name, the other spellings the plan uses for it, a note.
 */
export const UNIT_DIRECTORY = {
  headerRow: 24,
  header: ["Đơn vị", "Tên gọi khác trong kế hoạch (cách nhau bằng dấu ;)", "Ghi chú"],
} as const;

/** "B2": the cell of a setting on the settings sheet. */
export function settingAddress(key: SettingKey): string {
  return `B${SETTINGS[key].row}`;
}

/** "'Thiết lập'!$B$2": a setting as formulas on other sheets refer to it. */
export function settingRef(key: SettingKey): string {
  return `'${SHEET.settings}'!$B$${SETTINGS[key].row}`;
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
