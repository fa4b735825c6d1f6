/**
 * Merging one returned unit workbook into the master, decided cell by cell and applied all or
 * nothing: values go in by task id, only into the clerks' columns, only for tasks the unit owns.
 * A change is applied when the master still holds the value the unit started from: the value it
 * last sent for that period (a resubmission), else the value at the split (the metadata's base).
 * When the master changed it too, it is a conflict: both values kept, not applied. A blank never
 * erases a value, unless the unit cleared a value it had sent before.
 *
 * Nothing typed is dropped without a word: every value of the book that differs from what the unit
 * started from is applied, already in the master, a conflict, or listed with its cell and why (a row
 * the unit added, a task it deleted, a column that is none of ours, a formula saved without its
 * value, an edit to a plan column, a row of another unit's task).
 */
import { serialToIso } from "../excel-dates";
import type { ColumnSpec, ScalarCell } from "../sheets/sheet-spec";
import { CLERK_COLUMNS, LAYOUT_VERSION, SHEET, TASK_COLUMNS } from "../sheets/workbook-layout";
import { foldForMatch } from "../text/normalize";
import { readClerkValue, type ClerkValueProblem } from "./clerk-values";
import { planCellsHash, PLAN_CELL_COLUMNS } from "./plan-hash";
import type { ReturnedCell, ReturnedRow, ReturnedSheet } from "./returned-book";
import type { UnitMetadata } from "./unit-metadata";
import type { Problem, ProblemParams, RefusalCode } from "../problem";

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
  /** The column's header (null: the whole row). */
  column: string | null;
  /** The column's key, for taking the unit's value later. */
  key?: string;
  base: ScalarCell;
  master: ScalarCell;
  unit: ScalarCell;
}

export interface InvalidCell {
  id: string;
  column: string;
  value: ScalarCell;
  sheet?: string;
  address?: string;
  /** What is wrong with the value (worded by the host with the column, cell and value). */
  problem: ClerkValueProblem;
}

/** Why a value of the book was not applied and is listed instead. */
export type ListedCode =
  | "new-task"
  | "task-missing"
  | "foreign-column"
  | "formula-no-value"
  | "plan-edit"
  | "not-owned"
  | "unknown-indicator";

export interface ListedValue {
  code: ListedCode;
  sheet: string;
  /** The cell ("F12"), or null for a row that is not there (a deleted task). */
  address: string | null;
  id: string;
  /** The column's header as the book has it. */
  column: string;
  value: ScalarCell;
  /** The master's value, where there is one (a plan edit). */
  master?: ScalarCell;
}

export interface FileVerdict {
  file: string;
  unit: string | null;
  status: "accepted" | "refused" | "superseded";
  /** Why the file is not merged (status "refused"): a code worded by the host. */
  refusal: Problem<RefusalCode> | null;
  changes: CellChange[];
  conflicts: Conflict[];
  invalid: InvalidCell[];
  /** Values not applied, each with its cell and why. */
  listed: ListedValue[];
  /** Values the unit sent that the master already held. */
  same: CellChange[];
  /** The period the file was taken for. */
  period?: string | null;
  /** A later file of the same unit and period, in the same batch, that replaced this one. */
  supersededBy?: string;
  /** This file replaces what the unit sent earlier for the period. */
  resubmission?: boolean;
}

const blank = (v: ScalarCell | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The same value for a clerk: text trimmed, numbers by value, dates as ISO, blanks alike. */
export function sameValue(a: ScalarCell | undefined, b: ScalarCell | undefined): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return String(a).trim() === String(b).trim();
}

const header = (key: string) =>
  TASK_COLUMNS.find((c) => c.key === key)?.header ??
  (key === "actual" ? "Thực hiện" : key === "asOf" ? "Số liệu đến ngày" : key);

export interface MergeContext {
  masterHash: string;
  /** The master's rows by id (the current values: changes of earlier files are applied to them). */
  tasksById: ReadonlyMap<string, Record<string, ScalarCell | undefined>>;
  indicatorsById: ReadonlyMap<string, Record<string, ScalarCell | undefined>>;
  /** Each task's lead unit keys, and all the master's unit keys. */
  taskUnits: ReadonlyMap<string, ReadonlySet<string>>;
  units: ReadonlySet<string>;
  /**
   * What each unit last sent for each period, by `${unitKey}|${period}` then `${part}|${id}|${key}`:
   * the base of a resubmission (history, and the files before in this batch).
   */
  lastSent: ReadonlyMap<string, ReadonlyMap<string, ScalarCell>>;
  /** The period being merged. */
  period: string | null;
}

/** The sheets of a returned book, as read (null: the book has no such sheet). */
export interface ReturnedBook {
  tasks: ReturnedSheet | null;
  indicators: ReturnedSheet | null;
  indicatorColumns: readonly ColumnSpec[];
}

/** A refused file's verdict: the code, its parameters (the file's name always among them), the file. */
export function refusedVerdict(
  file: string,
  unit: string | null,
  code: RefusalCode,
  params: ProblemParams = {},
  extra: Partial<FileVerdict> = {},
): FileVerdict {
  return {
    file,
    unit,
    status: "refused",
    refusal: { code, params: { file, ...params }, at: { file } },
    changes: [],
    conflicts: [],
    invalid: [],
    listed: [],
    same: [],
    ...extra,
  };
}

const words = (v: ScalarCell | undefined) =>
  new Set(
    foldForMatch(String(v ?? ""))
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );

/** Dice similarity of two texts' word sets: 1 alike, 0 nothing shared. */
function similarity(a: ScalarCell | undefined, b: ScalarCell | undefined): number {
  const [x, y] = [words(a), words(b)];
  if (!x.size && !y.size) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Whether the book is of this plan: the same plan hash, or (the secretariat corrected some wording
 * since the split) most of the book's tasks are the master's tasks of the same id, worded alike.
 */
function samePlan(ctx: MergeContext, meta: UnitMetadata, rows: readonly ReturnedRow[]): boolean {
  if (meta.planHash === ctx.masterHash) return true;
  const ids = new Set(meta.taskIds);
  let compared = 0;
  let alike = 0;
  for (const r of rows) {
    if (!ids.has(r.id)) continue;
    compared++;
    const m = ctx.tasksById.get(r.id);
    if (m && similarity(r.cell("task")?.value, m.task) >= 0.5) alike++;
  }
  // Ids the master does not know count against it: a book of another plan has other ids.
  const missing = meta.taskIds.filter((id) => !ctx.tasksById.has(id)).length;
  return compared > 0 && alike * 2 >= compared + missing;
}

/** A plan cell's value as the master holds it: a date serial as ISO. */
function planValue(key: string, v: ScalarCell): ScalarCell {
  const kind = TASK_COLUMNS.find((c) => c.key === key)?.kind;
  return kind === "date" && typeof v === "number" ? (serialToIso(v) ?? v) : v;
}

/** The key of a unit and period in `MergeContext.lastSent`. */
export const sentBatchKey = (unitKey: string, period: string | null | undefined) =>
  `${unitKey}|${period ?? ""}`;

/** Where a value a unit sent is kept in `MergeContext.lastSent`'s map for its unit and period. */
export const sentKey = (part: Part, id: string, column: string) => `${part}|${id}|${column}`;

const FORMULA_KEYS = new Set(TASK_COLUMNS.filter((c) => c.kind === "formula").map((c) => c.key));

export function planUnitMerge(
  ctx: MergeContext,
  file: string,
  meta: UnitMetadata,
  book: ReturnedBook,
): FileVerdict {
  const unit = meta.unitName;
  if (meta.layoutVersion !== LAYOUT_VERSION)
    return refusedVerdict(file, unit, "merge-old-layout", {
      version: meta.layoutVersion,
      current: LAYOUT_VERSION,
    });
  if (!book.tasks) return refusedVerdict(file, unit, "merge-no-task-sheet", { sheet: SHEET.tasks });
  if (!book.tasks.found.has("id"))
    return refusedVerdict(file, unit, "merge-no-id-column", { sheet: SHEET.tasks, column: header("id") });
  if (!ctx.units.has(meta.unitKey)) return refusedVerdict(file, unit, "merge-unknown-unit", { unit });
  if (!samePlan(ctx, meta, book.tasks.rows)) return refusedVerdict(file, unit, "merge-other-plan");
  if (ctx.period && meta.period && meta.period !== ctx.period)
    return refusedVerdict(
      file,
      unit,
      "merge-other-period",
      { period: meta.period, current: ctx.period },
      { period: meta.period },
    );
  const ids = book.tasks.rows.map((r) => r.id).filter(Boolean);
  const seen = new Set<string>();
  const dup = ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (dup) return refusedVerdict(file, unit, "merge-duplicate-id", { id: dup });

  const sent = ctx.lastSent.get(sentBatchKey(meta.unitKey, ctx.period ?? meta.period));
  const owned = new Set(meta.taskIds);
  const ownedIndicators = new Set(meta.indicatorIds);
  const changes: CellChange[] = [];
  const same: CellChange[] = [];
  const conflicts: Conflict[] = [];
  const invalid: InvalidCell[] = [];
  const listed: ListedValue[] = [];

  const consider = (
    part: Part,
    sheet: string,
    id: string,
    column: string,
    cell: ReturnedCell | undefined,
    splitBase: ScalarCell,
    master: ScalarCell,
  ) => {
    if (!cell) return;
    if (cell.uncached)
      return listed.push({
        code: "formula-no-value",
        sheet,
        address: cell.address,
        id,
        column: header(column),
        value: null,
      });
    const read = readClerkValue(column, cell.value, cell.percent);
    if ("problem" in read) {
      return invalid.push({
        id,
        column: header(column),
        value: cell.value,
        sheet,
        address: cell.address,
        problem: read.problem,
      });
    }
    const value = read.value;
    const at = sentKey(part, id, column);
    const base = sent?.has(at) ? sent.get(at)! : splitBase;
    if (sameValue(value, base)) return; // the unit did not change it
    const change = { part, id, column, old: master, value: blank(value) ? null : value };
    if (sameValue(master, value)) return same.push(change); // already there
    if (!sameValue(master, base))
      return conflicts.push({
        part,
        id,
        column: header(column),
        key: column,
        base,
        master,
        unit: change.value,
      });
    changes.push(change);
  };

  /**
   * Lists the cells of a row the merge does not apply: those of the columns `keys` takes that hold
   * something other than the split's value (`base`); with `uncached`, formulas saved without a value too.
   */
  const listCells = (
    code: ListedCode,
    sheet: string,
    r: ReturnedRow,
    o: {
      keys: (key: string) => boolean;
      base?: Readonly<Record<string, ScalarCell>>;
      headerOf?: (key: string) => string;
      uncached?: boolean;
    },
  ) => {
    for (const [k, cell] of r.cells())
      if (
        o.keys(k) &&
        ((o.uncached && cell.uncached) || (!blank(cell.value) && !sameValue(cell.value, o.base?.[k] ?? null)))
      )
        listed.push({
          code,
          sheet,
          address: cell.address,
          id: r.id,
          column: (o.headerOf ?? header)(k),
          value: cell.value,
        });
  };

  const clerkTasks = new Set<string>(CLERK_COLUMNS.tasks);
  const inBook = new Set<string>();
  for (const r of book.tasks.rows) {
    const m = r.id ? ctx.tasksById.get(r.id) : undefined;
    if (!r.id || (!m && !owned.has(r.id))) {
      // A row the unit added: a task it proposes, shown to the secretariat, never applied.
      listCells("new-task", SHEET.tasks, r, { keys: (k) => !FORMULA_KEYS.has(k), uncached: true });
      continue;
    }
    inBook.add(r.id);
    if (!m || !owned.has(r.id) || !ctx.taskUnits.get(r.id)?.has(meta.unitKey)) {
      // A row the unit may not write: what it typed there is listed, never applied.
      listCells("not-owned", SHEET.tasks, r, { keys: (k) => clerkTasks.has(k), base: meta.base[r.id] });
      continue;
    }
    for (const k of CLERK_COLUMNS.tasks)
      consider("tasks", SHEET.tasks, r.id, k, r.cell(k), meta.base[r.id]?.[k] ?? null, m[k] ?? null);
    // Plan columns: an edit of the unit's is a proposal, listed; the book's copy is never written back.
    const bookPlan: Record<string, ScalarCell> = {};
    for (const k of PLAN_CELL_COLUMNS) bookPlan[k] = planValue(k, r.value(k));
    const edited = meta.planCells
      ? meta.planCells[r.id] !== undefined && meta.planCells[r.id] !== planCellsHash(bookPlan)
      : true;
    if (edited)
      for (const k of PLAN_CELL_COLUMNS) {
        const cell = r.cell(k);
        if (cell && !sameValue(bookPlan[k], m[k] ?? null))
          listed.push({
            code: "plan-edit",
            sheet: SHEET.tasks,
            address: cell.address,
            id: r.id,
            column: header(k),
            value: cell.value,
            master: m[k] ?? null,
          });
      }
  }
  for (const id of meta.taskIds)
    if (!inBook.has(id))
      listed.push({ code: "task-missing", sheet: SHEET.tasks, address: null, id, column: "", value: null });
  // Every value of a column that is none of ours, with the task or indicator of its row.
  const listForeign = (sheet: string, read: ReturnedSheet) => {
    const rowIds = new Map(read.rows.map((r) => [r.row, r.id]));
    for (const col of read.foreign)
      for (const cell of col.cells)
        listed.push({
          code: "foreign-column",
          sheet,
          address: cell.address,
          id: rowIds.get(Number(cell.address.replace(/^[A-Z]+/, ""))) ?? "",
          column: col.header,
          value: cell.value,
        });
  };
  listForeign(SHEET.tasks, book.tasks);

  if (book.indicators) {
    const clerkIndicators = new Set<string>(CLERK_COLUMNS.indicators);
    const headerOf = (k: string) => book.indicatorColumns.find((c) => c.key === k)?.header ?? header(k);
    for (const r of book.indicators.rows) {
      const m = r.id ? ctx.indicatorsById.get(r.id) : undefined;
      if (!m || !ownedIndicators.has(r.id)) {
        listCells(m ? "not-owned" : "unknown-indicator", SHEET.indicators, r, {
          keys: (k) =>
            (m ? clerkIndicators.has(k) : true) &&
            book.indicatorColumns.find((c) => c.key === k)?.kind !== "formula",
          base: meta.baseIndicators[r.id],
          headerOf,
        });
        continue;
      }
      for (const k of CLERK_COLUMNS.indicators)
        consider(
          "indicators",
          SHEET.indicators,
          r.id,
          k,
          r.cell(k),
          meta.baseIndicators[r.id]?.[k] ?? null,
          m[k] ?? null,
        );
    }
    listForeign(SHEET.indicators, book.indicators);
  }
  if (invalid.length)
    return refusedVerdict(
      file,
      unit,
      "merge-unreadable-cells",
      { count: invalid.length },
      { invalid, conflicts, listed },
    );
  return {
    file,
    unit,
    status: "accepted",
    refusal: null,
    changes,
    conflicts,
    invalid,
    listed,
    same,
    period: ctx.period ?? meta.period,
    resubmission: Boolean(sent),
  };
}

/** "2025-10" as "10/2025". */
export function monthText(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[2]}/${m[1]}` : period;
}
