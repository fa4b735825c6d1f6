/**
 * Merging one returned unit workbook into the master, decided cell by cell and applied all or
 * nothing: values go in by task id, only into the clerks' columns, only for tasks the unit owns.
 * A change is applied when the master still holds the value the unit started from (the base kept in
 * the metadata); when the master changed it too, it is a conflict, listed, not applied. A blank never
 * erases a value, unless the unit cleared a value it had sent before (the base held it).
 */
import { isIsoDate, isoToSerial } from "../excel-dates";
import type { ScalarCell } from "../sheets/sheet-spec";
import { CLERK_COLUMNS, LAYOUT_VERSION, TASK_COLUMNS } from "../sheets/workbook-layout";
import type { TrackingData } from "../workflows/periodic-report";
import type { UnitMetadata } from "./unit-metadata";

export type Part = "tasks" | "indicators";

export interface CellChange {
  part: Part;
  id: string;
  column: string;
  old: ScalarCell;
  value: ScalarCell;
}

export interface Conflict {
  part: Part;
  id: string;
  column: string | null;
  base: ScalarCell;
  master: ScalarCell;
  unit: ScalarCell;
  reason: string;
}

export interface InvalidCell {
  id: string;
  column: string;
  value: ScalarCell;
  message: string;
}

export interface FileVerdict {
  file: string;
  unit: string | null;
  status: "accepted" | "refused";
  reason: string | null;
  reasonEn: string | null;
  changes: CellChange[];
  conflicts: Conflict[];
  invalid: InvalidCell[];
}

const blank = (v: ScalarCell | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The same value for a clerk: text trimmed, numbers by value, dates as ISO, blanks alike. */
export function sameValue(a: ScalarCell | undefined, b: ScalarCell | undefined): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return String(a).trim() === String(b).trim();
}

const DATE_COLUMNS = new Set(["completed", "updated", "asOf"]);
const header = (key: string) =>
  TASK_COLUMNS.find((c) => c.key === key)?.header ??
  (key === "actual" ? "Thực hiện" : key === "asOf" ? "Số liệu đến ngày" : key);

/** A clerk cell that the master cannot take as it is: text in a date column, progress outside 0–100. */
function checkValue(column: string, v: ScalarCell): string | null {
  if (blank(v)) return null;
  if (DATE_COLUMNS.has(column))
    return isIsoDate(v) && isoToSerial(v) !== null ? null : `"${header(column)}" phải là ngày (dd/mm/yyyy)`;
  if (column === "progress")
    return typeof v === "number" && v >= 0 && v <= 100 ? null : `"${header(column)}" phải là số từ 0 đến 100`;
  return null;
}

export interface MergeContext {
  masterHash: string;
  /** The master's rows by id (the current values: changes of earlier files are applied to them). */
  tasksById: ReadonlyMap<string, Record<string, ScalarCell | undefined>>;
  indicatorsById: ReadonlyMap<string, Record<string, ScalarCell | undefined>>;
  /** Each task's lead unit keys, and all the master's unit keys. */
  taskUnits: ReadonlyMap<string, ReadonlySet<string>>;
  units: ReadonlySet<string>;
  /** Units with a file already merged for a period: `${unitKey}|${period}`. */
  merged: ReadonlySet<string>;
  /** Take a second submission for the same unit and period. */
  resubmit: boolean;
}

function refuse(
  file: string,
  unit: string | null,
  reason: string,
  reasonEn: string,
  extra: Partial<FileVerdict> = {},
): FileVerdict {
  return {
    file,
    unit,
    status: "refused",
    reason,
    reasonEn,
    changes: [],
    conflicts: [],
    invalid: [],
    ...extra,
  };
}

export function planUnitMerge(
  ctx: MergeContext,
  file: string,
  meta: UnitMetadata,
  returned: TrackingData,
): FileVerdict {
  const unit = meta.unitName;
  if (meta.layoutVersion !== LAYOUT_VERSION)
    return refuse(
      file,
      unit,
      `Tệp ${file} là sổ đơn vị theo mẫu cũ (phiên bản ${meta.layoutVersion}, hiện tại ${LAYOUT_VERSION}): hãy tách lại sổ cho đơn vị và nhập lại số liệu vào mẫu mới.`,
      `${file} is a unit workbook of an older layout (${meta.layoutVersion}, now ${LAYOUT_VERSION}): split again.`,
    );
  if (meta.planHash !== ctx.masterHash)
    return refuse(
      file,
      unit,
      `Tệp ${file} là sổ của một kế hoạch khác (hoặc kế hoạch đã sửa đổi sau khi tách sổ): không tổng hợp.`,
      `${file} belongs to another plan (or to the plan before it was revised): not merged.`,
    );
  if (!ctx.units.has(meta.unitKey))
    return refuse(
      file,
      unit,
      `Đơn vị "${unit}" của tệp ${file} không có trong sổ tổng hợp.`,
      `The unit "${unit}" of ${file} is not in the master.`,
    );
  const repeat = ctx.merged.has(`${meta.unitKey}|${meta.period ?? ""}`);
  const ids = returned.tasks.map((t) => String(t.id ?? ""));
  const dup = ids.find((id, i) => id && ids.indexOf(id) !== i);
  if (dup)
    return refuse(
      file,
      unit,
      `Tệp ${file} có mã nhiệm vụ ${dup} lặp lại: không tổng hợp.`,
      `${file} repeats the task id ${dup}.`,
    );

  const byId = ctx.tasksById;
  const indicatorsById = ctx.indicatorsById;
  const owned = new Set(meta.taskIds);
  const ownedIndicators = new Set(meta.indicatorIds);
  const changes: CellChange[] = [];
  const conflicts: Conflict[] = [];
  const invalid: InvalidCell[] = [];
  const consider = (
    part: Part,
    id: string,
    column: string,
    base: ScalarCell,
    master: ScalarCell,
    value: ScalarCell,
  ) => {
    const problem = checkValue(column, value);
    if (problem) return invalid.push({ id, column: header(column), value, message: problem });
    if (sameValue(value, base)) return; // the unit did not change it
    if (blank(value) && blank(base)) return;
    if (sameValue(master, value)) return; // already there
    if (!sameValue(master, base))
      return conflicts.push({
        part,
        id,
        column: header(column),
        base,
        master,
        unit: value,
        reason:
          "Cơ quan thường trực đã sửa giá trị này sau khi tách sổ; đơn vị cũng sửa: cần người quyết định.",
      });
    changes.push({ part, id, column, old: master, value: blank(value) ? null : value });
  };
  for (const t of returned.tasks) {
    const id = String(t.id ?? "");
    if (!id) continue;
    const m = byId.get(id);
    // A row the unit may not write: listed, never applied.
    const notTheirs = !m
      ? "Sổ tổng hợp không có mã nhiệm vụ này."
      : !owned.has(id)
        ? "Nhiệm vụ không thuộc đơn vị này."
        : !ctx.taskUnits.get(id)?.has(meta.unitKey)
          ? "Nhiệm vụ không do đơn vị này chủ trì."
          : null;
    if (notTheirs || !m) {
      conflicts.push({
        part: "tasks",
        id,
        column: null,
        base: null,
        master: null,
        unit: null,
        reason: notTheirs!,
      });
      continue;
    }
    for (const k of CLERK_COLUMNS.tasks)
      consider("tasks", id, k, meta.base[id]?.[k] ?? null, m[k] ?? null, t[k] ?? null);
  }
  for (const r of returned.indicators.rows) {
    const id = String(r.id ?? "");
    const m = indicatorsById.get(id);
    if (!id || !m || !ownedIndicators.has(id)) continue;
    for (const k of CLERK_COLUMNS.indicators)
      consider("indicators", id, k, meta.baseIndicators[id]?.[k] ?? null, m[k] ?? null, r[k] ?? null);
  }
  if (invalid.length)
    return refuse(
      file,
      unit,
      `Tệp ${file} có ${invalid.length} ô không đúng kiểu (${invalid
        .slice(0, 3)
        .map((c) => `${c.id}, ${c.column}: ${c.message}`)
        .join("; ")}): không tổng hợp tệp này; hãy sửa và gửi lại.`,
      `${file} has ${invalid.length} cell(s) of the wrong type: not merged.`,
      { invalid, conflicts },
    );
  if (repeat && !ctx.resubmit)
    return refuse(
      file,
      unit,
      `Đơn vị "${unit}" đã được tổng hợp kỳ ${meta.period ?? ""}: đây là lần gửi thứ hai (${changes.length} giá trị khác). Xem danh sách rồi tổng hợp lại với tùy chọn gửi lại nếu đồng ý.`,
      `"${unit}" was already merged for ${meta.period ?? ""}: a second submission (${changes.length} differing values). Merge again with --resubmit to accept it.`,
      { changes, conflicts },
    );
  return { file, unit, status: "accepted", reason: null, reasonEn: null, changes, conflicts, invalid };
}
