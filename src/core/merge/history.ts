/**
 * The merge history ("Lịch sử"): every value a merge changed (when, file, unit, period, task id,
 * column, old → new) and a receipt row per accepted file, so that a merge can be undone exactly
 * (Excel's own undo is cleared by add-in writes) and the completeness of reporting can be counted.
 */
import type { SheetValue } from "../sheets/read-sheet";
import type { ScalarCell, SheetCell, SheetSpec } from "../sheets/sheet-spec";
import type { Part } from "./merge-unit";
import { CLERK_COLUMNS, TASK_COLUMNS } from "../sheets/workbook-layout";
import { unitKey } from "../units/unit-key";

/** The history in words: the sheet a row is about, and its column by header, as the clerk sees them. */
const PART_WORDS: Record<Part | "file", string> = { tasks: "Nhiệm vụ", indicators: "Chỉ tiêu", file: "Tệp" };
const COLUMN_WORDS: Record<string, string> = {
  ...Object.fromEntries(CLERK_COLUMNS.tasks.map((k) => [k, TASK_COLUMNS.find((c) => c.key === k)!.header])),
  actual: "Thực hiện",
  asOf: "Số liệu đến ngày",
};
const partOf = (v: string): Part | "file" =>
  (Object.keys(PART_WORDS) as (Part | "file")[]).find((k) => PART_WORDS[k] === v || k === v) ?? "tasks";
const columnKeyOf = (v: string): string => Object.keys(COLUMN_WORDS).find((k) => COLUMN_WORDS[k] === v) ?? v;

export const HISTORY_SHEET = "Lịch sử";
export const RECEIPT = "(nhận tệp)";

/**
 * What a row records: a value applied, a conflict (the unit's value beside the master's, not
 * applied), a value the unit sent that the master already held, a file received. Stored as words; a
 * history written before this column existed reads as applied.
 */
export type HistoryKind = "applied" | "conflict" | "same" | "receipt" | "listed";
const KIND_WORDS: Record<HistoryKind, string> = {
  applied: "Đã cập nhật",
  conflict: "Xung đột (chưa cập nhật)",
  same: "Trùng sổ tổng hợp",
  receipt: "Nhận tệp",
  listed: "Chưa cập nhật (xem ghi chú)",
};
const kindOf = (word: string, part: string): HistoryKind =>
  (Object.keys(KIND_WORDS) as HistoryKind[]).find((k) => KIND_WORDS[k] === word) ??
  (part === "file" ? "receipt" : "applied");

export interface HistoryRow {
  mergeId: number;
  /** ISO date and time of the merge. */
  at: string;
  /** When the unit saved the file (its metadata), ISO date, or "". */
  sent: string;
  file: string;
  unit: string;
  unitKey: string;
  period: string;
  part: Part | "file";
  id: string;
  column: string;
  old: ScalarCell;
  value: ScalarCell;
  /** ISO date and time of the undo, or "". */
  undone: string;
  kind?: HistoryKind;
  /** A conflict: when the unit's value was taken (ISO), or "". */
  resolved?: string;
  /** A value listed, not applied: its cell and why. */
  note?: string;
}

const COLUMNS: { key: keyof HistoryRow; header: string; width: number }[] = [
  { key: "mergeId", header: "Lần tổng hợp", width: 8 },
  { key: "at", header: "Thời điểm", width: 18 },
  { key: "sent", header: "Ngày đơn vị lưu tệp", width: 12 },
  { key: "file", header: "Tệp", width: 24 },
  { key: "unit", header: "Đơn vị", width: 24 },
  { key: "period", header: "Kỳ", width: 8 },
  { key: "part", header: "Trang", width: 10 },
  { key: "id", header: "Mã", width: 12 },
  { key: "column", header: "Cột", width: 14 },
  { key: "old", header: "Giá trị cũ", width: 24 },
  { key: "value", header: "Giá trị mới", width: 24 },
  { key: "undone", header: "Đã hoàn tác lúc", width: 18 },
  { key: "kind", header: "Loại", width: 16 },
  { key: "resolved", header: "Đã lấy giá trị đơn vị lúc", width: 18 },
  { key: "note", header: "Ghi chú", width: 36 },
];

export function historySpec(rows: readonly HistoryRow[]): SheetSpec {
  return {
    name: HISTORY_SHEET,
    columns: COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      kind: "text" as const,
      width: c.width,
      wrap: c.key === "old" || c.key === "value" || c.key === "note",
    })),
    rows: rows.map((r) =>
      COLUMNS.map((c): SheetCell =>
        c.key === "kind"
          ? KIND_WORDS[r.kind ?? (r.part === "file" ? "receipt" : "applied")]
          : c.key === "part"
            ? PART_WORDS[r.part]
            : c.key === "column"
              ? (COLUMN_WORDS[r.column] ?? r.column)
              : r[c.key] === undefined
                ? null
                : (r[c.key] as ScalarCell),
      ),
    ),
    freezeHeader: true,
    print: { orientation: "landscape", repeatHeader: true },
    tableName: "LichSu",
  };
}

/** The history rows of a sheet's values (header first); [] for a workbook with no history yet. */
export function readHistory(values: readonly (readonly SheetValue[])[] | null): HistoryRow[] {
  if (!values?.length) return [];
  const at = new Map((values[0] ?? []).map((h, i) => [String(h ?? "").trim(), i]));
  const legacy = at.get("Mã đơn vị");
  const legacyKey = (row: readonly SheetValue[]) =>
    legacy === undefined ? "" : String(row[legacy] ?? "").trim();
  return values.slice(1).flatMap((row) => {
    const get = (key: keyof HistoryRow) => {
      const header = COLUMNS.find((c) => c.key === key)!.header;
      const v = row[at.get(header) ?? -1];
      return v === undefined || v === "" ? null : v;
    };
    const mergeId = Number(get("mergeId"));
    if (!Number.isFinite(mergeId) || mergeId <= 0) return [];
    const str = (k: keyof HistoryRow) => (get(k) === null ? "" : String(get(k)));
    return [
      {
        mergeId,
        at: str("at"),
        sent: str("sent"),
        file: str("file"),
        unit: str("unit"),
        // A history written before the unit's name alone was kept has a "Mã đơn vị" column.
        unitKey: legacyKey(row) || unitKey(str("unit")),
        period: str("period"),
        part: partOf(str("part")),
        id: str("id"),
        // A listed value keeps its column as the book named it; the others are the layout's columns.
        column: kindOf(str("kind"), str("part")) === "listed" ? str("column") : columnKeyOf(str("column")),
        old: get("old") as ScalarCell,
        value: get("value") as ScalarCell,
        undone: str("undone"),
        kind: kindOf(str("kind"), str("part")),
        resolved: str("resolved"),
        note: str("note"),
      },
    ];
  });
}
