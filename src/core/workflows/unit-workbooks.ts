/**
 * The secretariat's monthly cycle through SheetPorts (exceljs in the CLI, Office.js in the pane):
 * split the master into unit workbooks, merge the returned ones (each checked as a whole and applied
 * all or nothing; one bad file never stops the others), undo the last merge exactly, and count who
 * reported ("Tổng hợp": expected, received, on time, late, missing).
 */
import { isProblemError, refuse as refuseMaster, type ProblemParams, type RefusalCode } from "../problem";
import { throwIfCancelled } from "./cancelled";
import { indicatorColumns, indicatorSpec } from "../sheets/indicator-sheet";
import { settingsFromStored, type SheetValue } from "../sheets/read-sheet";
import type { ScalarCell, SheetCell, SheetSpec } from "../sheets/sheet-spec";
import { refreshIndicatorSheet, refreshTaskSheet } from "../sheets/tracking-sheets";
import { taskSheet, type TrackingSettings } from "../sheets/task-sheet";
import { PLAN_STATE_COLUMN, existingRows, updateSheet, type ExistingRow } from "../sheets/update-tasks";
import { CLERK_COLUMNS, SHEET, TASK_COLUMNS } from "../sheets/workbook-layout";
import { unitKey } from "../units/unit-key";
import { knownUnits, leadUnits } from "../report/report-content";
import { reportWindow } from "../report/report-period";
import { HISTORY_SHEET, RECEIPT, historySpec, readHistory, type HistoryRow } from "../merge/history";
import {
  planUnitMerge,
  sameValue,
  sentBatchKey,
  sentKey,
  refusedVerdict,
  type CellChange,
  type FileVerdict,
  type ListedValue,
  type MergeContext,
  type Part,
  type ReturnedBook,
} from "../merge/merge-unit";
import { readReturnedSheet } from "../merge/returned-book";
import type { HistoryKind } from "../merge/history";
import type { UnitMetadata } from "../merge/unit-metadata";
import { reportingMonthOf } from "../periods/reporting-period";
import { planHash } from "../merge/plan-hash";
import { INSTRUCTIONS_SHEET, indicatorsWithoutBook, splitPlan, type UnitWorkbook } from "../merge/split-plan";
import { META_SHEET, PARTNER_VIEW_KIND, readMetadata } from "../merge/unit-metadata";
import { readTrackingData, type TrackingData } from "./periodic-report";
import type { SheetPort, SheetSource } from "./workbook-port";

export const COMPLETENESS_SHEET = "Tổng hợp";

export async function splitWorkbooks(
  master: SheetSource,
  o: {
    period: string | null;
    createdAt: string;
    file?: string;
    partners?: boolean;
    /** Told the indicators that no unit book carries. */
    onUnassigned?: (indicators: { id: string; name: string }[]) => void;
  },
): Promise<UnitWorkbook[]> {
  const data = await readTrackingData(master, o.file);
  const unassigned = indicatorsWithoutBook(data);
  if (unassigned.length) o.onUnassigned?.(unassigned);
  return splitPlan(data, { ...o, period: o.period ?? masterPeriod(data) });
}

/** Writes one unit workbook through a port (a new, empty workbook). */
export async function writeUnitWorkbook(port: SheetPort, w: UnitWorkbook): Promise<void> {
  await port.writeDocuments([w.instructions]);
  await port.writeSheets(w.specs);
}

function settingsOf(data: TrackingData): TrackingSettings {
  return settingsFromStored(data.stored, { reportDate: "2000-01-01" });
}

export interface ReturnedFile {
  /** The file's name, for messages. */
  name: string;
  /**
   * Opens the file when its turn comes (so that 150 files are not all held at once); it fails with
   * a ProblemError whose code says why the file cannot be read. `savedOn`: when the unit saved it.
   */
  open: () => Promise<{ port: SheetSource; savedOn?: string | null; savedAt?: string | null }>;
}

export interface MergeResult {
  files: FileVerdict[];
  mergeId: number | null;
  applied: number;
}

/**
 * A merge changes values, not the sheet's shape: the plan-state column a re-import adds (all blank
 * here, since the merge's rows are the master's own) is left out when the master has none.
 */
function keepShape(spec: SheetSpec, header: readonly SheetValue[] | undefined): SheetSpec {
  const at = spec.columns.findIndex((c) => c.key === PLAN_STATE_COLUMN.key);
  if (at < 0 || header?.includes(PLAN_STATE_COLUMN.header)) return spec;
  if (spec.rows.some((r) => r[at] !== null && r[at] !== undefined && r[at] !== "")) return spec;
  return {
    ...spec,
    columns: spec.columns.filter((_, i) => i !== at),
    rows: spec.rows.map((r) => r.filter((_, i) => i !== at)),
  };
}

/** The master's task and indicator sheets written back with values changed (by header, in place). */
async function writeMaster(
  master: SheetPort,
  data: TrackingData,
  values: { tasks: SheetValue[][]; indicators: SheetValue[][] | null },
  changes: readonly Pick<CellChange, "part" | "id" | "column" | "value">[],
  history: readonly HistoryRow[],
  extra: SheetSpec[] = [],
  signal?: { readonly aborted: boolean },
): Promise<void> {
  const s = settingsOf(data);
  // Fresh sheets from the master's own rows (the plan columns as they are), then the clerk values
  // with the changes applied, merged by id the way a re-import merges.
  // The fresh sheets hold the plan columns only: the clerk columns come from the master's rows with
  // the changes applied (a value cleared by a change stays cleared).
  const clerk = new Set<string>([...CLERK_COLUMNS.tasks, ...CLERK_COLUMNS.indicators]);
  const rowsOf = (
    rows: readonly Record<string, ScalarCell | undefined>[],
    keys: readonly string[],
  ): SheetCell[][] => rows.map((r) => keys.map((k) => (clerk.has(k) || r[k] === undefined ? null : r[k]!)));
  // Plain rows only: the formulas and their values are computed once, after the merge (refresh).
  const freshTasks = {
    ...taskSheet([], s),
    rows: rowsOf(
      data.tasks,
      TASK_COLUMNS.map((c) => c.key),
    ),
  };
  const apply = (
    existing: ExistingRow[],
    part: "tasks" | "indicators",
    headerOf: (key: string) => string,
    idHeader: string,
  ) => {
    const byId = new Map(existing.map((r) => [String(r[idHeader] ?? ""), r]));
    for (const c of changes)
      if (c.part === part) {
        const row = byId.get(c.id);
        if (row) row[headerOf(c.column)] = c.value;
      }
    return existing;
  };
  const taskHeader = (key: string) => TASK_COLUMNS.find((c) => c.key === key)!.header;
  const tasks = updateSheet(
    freshTasks,
    apply(existingRows(values.tasks, freshTasks), "tasks", taskHeader, taskHeader("id")),
    "tasks",
  );
  const specs: SheetSpec[] = [refreshTaskSheet(keepShape(tasks.sheet, values.tasks[0]), s)];
  if (values.indicators && data.indicators.years.length) {
    const columns = indicatorColumns(data.indicators.years);
    const fresh = {
      ...indicatorSpec(columns, data.indicators.years, [], s),
      rows: rowsOf(
        data.indicators.rows,
        columns.map((c) => c.key),
      ),
    };
    const headerOf = (key: string) => columns.find((c) => c.key === key)!.header;
    const merged = updateSheet(
      fresh,
      apply(existingRows(values.indicators, fresh), "indicators", headerOf, headerOf("id")),
      "indicators",
    );
    specs.push(refreshIndicatorSheet(keepShape(merged.sheet, values.indicators[0]), s));
  }
  specs.push(historySpec(history), ...extra);
  throwIfCancelled(signal);
  await master.writeSheets(specs, { replaceSheets: true, signal });
}

/**
 * What a file's reader said when it could not open it: a core code (its words are the host's), or a
 * reader's own message in both languages (readers outside the core word theirs), passed on as is.
 */
function readerWords(error: unknown): ProblemParams {
  if (isProblemError(error)) return { ...error.problem.params, code: error.problem.code };
  const e = error as { message?: string; messageEn?: string };
  const message = String(e?.message ?? error);
  return { message, messageEn: String(e?.messageEn ?? message) };
}

/** The master's tracking data and merge history. */
async function readMaster(
  master: SheetSource,
  file?: string,
): Promise<{ data: TrackingData; history: HistoryRow[] }> {
  if ((await master.sheetNames()).includes(META_SHEET))
    throw refuseMaster("merge-unit-workbook-as-master", { file: file ?? "" }, file ? { file } : undefined);
  const [data, historyValues] = await Promise.all([
    readTrackingData(master, file),
    master.readSheet(HISTORY_SHEET),
  ]);
  return { data, history: readHistory(historyValues) };
}

/** Why a value was listed, as the history sheet says it. */
const LISTED_NOTES: Record<ListedValue["code"], string> = {
  "new-task": "dòng đơn vị thêm (nhiệm vụ đề xuất), chưa đưa vào kế hoạch",
  "task-missing": "đơn vị đã xóa dòng nhiệm vụ này",
  "foreign-column": "cột không thuộc mẫu sổ",
  "formula-no-value": "công thức không lưu giá trị",
  "plan-edit": "đơn vị sửa cột của kế hoạch (đề xuất); sổ tổng hợp giữ nguyên",
  "not-owned": "nhiệm vụ không do đơn vị này chủ trì",
  "unknown-indicator": "chỉ tiêu không có trong sổ tổng hợp",
};

/** The period a merge or a split is for when none is given: the master's reporting month. */
export function masterPeriod(data: TrackingData): string | null {
  const s = settingsFromStored(data.stored, { reportDate: "" });
  return s.reportDate ? reportingMonthOf(s.reportDate, s.cutoffDay) : null;
}

/** The master's reporting month ("2025-10"), or null when it has no report date. */
export async function masterPeriodOf(master: SheetSource, file?: string): Promise<string | null> {
  return masterPeriod(await readTrackingData(master, file));
}

/** What each unit last sent for each period (its values, applied or not), from the history. */
function lastSentOf(history: readonly HistoryRow[]): Map<string, Map<string, ScalarCell>> {
  const out = new Map<string, Map<string, ScalarCell>>();
  for (const h of history) {
    if (h.undone || h.part === "file" || h.kind === "receipt" || h.kind === "listed") continue;
    const key = sentBatchKey(h.unitKey, h.period);
    const m = out.get(key) ?? new Map<string, ScalarCell>();
    m.set(sentKey(h.part as Part, h.id, h.column), h.value);
    out.set(key, m);
  }
  return out;
}

/** A returned book's task and indicator sheets, as the clerk left them. */
async function readBook(port: SheetSource, meta: UnitMetadata, data: TrackingData): Promise<ReturnedBook> {
  const read = (name: string) =>
    port.readCells
      ? port.readCells(name)
      : port.readSheet(name).then((values) => (values ? { values, flags: null } : null));
  const [tasks, indicators] = await Promise.all([read(SHEET.tasks), read(SHEET.indicators)]);
  const s = settingsOf(data);
  const columns = indicatorColumns(data.indicators.years.length ? data.indicators.years : [s.planYear]);
  return {
    tasks: tasks
      ? readReturnedSheet(
          tasks.values,
          tasks.flags,
          TASK_COLUMNS,
          meta.columns?.tasks ?? TASK_COLUMNS.map((c) => c.key),
        )
      : null,
    indicators: indicators
      ? readReturnedSheet(
          indicators.values,
          indicators.flags,
          columns,
          meta.columns?.indicators ?? columns.map((c) => c.key),
        )
      : null,
    indicatorColumns: columns,
  };
}

export async function mergeWorkbooks(
  master: SheetPort,
  files: readonly ReturnedFile[],
  o: {
    now: string;
    /** No longer needed: a later file of the same unit and period is a resubmission. Ignored. */
    resubmit?: boolean;
    /** The period being merged ("2025-10"); the master's reporting month when absent. */
    period?: string | null;
    file?: string;
    /** Decide, and write nothing (the pane's preview). */ dryRun?: boolean;
    /** Cancelled between files, or before the write: nothing is written then. */
    signal?: { readonly aborted: boolean };
    onProgress?: (done: number, total: number) => void;
  },
): Promise<MergeResult> {
  const { data, history } = await readMaster(master, o.file);
  const period = o.period ?? masterPeriod(data);
  // Working copies of the master's rows: each accepted file's changes go into them, and the next
  // file is checked against the master as it is then.
  const tasksById = new Map(data.tasks.map((t) => [String(t.id), { ...t }]));
  const indicatorsById = new Map(data.indicators.rows.map((r) => [String(r.id), { ...r }]));
  const taskUnits = new Map([...tasksById].map(([id, t]) => [id, new Set(leadUnits(t.lead).map(unitKey))]));
  const lastSent = lastSentOf(history);
  const ctx: MergeContext = {
    masterHash: planHash(data.tasks),
    tasksById,
    indicatorsById,
    taskUnits,
    units: new Set([...taskUnits.values()].flatMap((u) => [...u])),
    lastSent,
    period,
  };
  const mergeId = Math.max(0, ...history.map((h) => h.mergeId)) + 1;
  const verdicts: FileVerdict[] = [];
  const accepted: { verdict: FileVerdict; period: string; unitKey: string; savedOn: string }[] = [];
  /** Files taken in this batch whose values are not in lastSent yet, by unit and period. */
  const unsent = new Map<string, FileVerdict[]>();
  /** The file of each unit and period taken in this batch, and when it was saved. */
  const inBatch = new Map<string, { verdict: FileVerdict; savedAt: string }>();
  for (const [index, f] of files.entries()) {
    throwIfCancelled(o.signal);
    o.onProgress?.(index, files.length);
    const refuse = (code: RefusalCode, params: ProblemParams = {}): FileVerdict =>
      refusedVerdict(f.name, null, code, params);
    let opened: { port: SheetSource; savedOn?: string | null; savedAt?: string | null };
    let metaValues: SheetValue[][] | null;
    try {
      opened = await f.open();
      metaValues = await opened.port.readSheet(META_SHEET);
    } catch (error) {
      verdicts.push(refuse("merge-file-unreadable", readerWords(error)));
      continue;
    }
    if (!metaValues) {
      const names = await opened.port.sheetNames().catch(() => [] as string[]);
      verdicts.push(
        names.includes(SHEET.tasks) && !names.includes(INSTRUCTIONS_SHEET)
          ? refuse("merge-master-as-returned")
          : refuse("merge-no-metadata", { sheet: META_SHEET }),
      );
      continue;
    }
    const read = readMetadata(metaValues.slice(1).map((r: SheetValue[]) => r[0]));
    if ("error" in read) {
      verdicts.push(refuse("merge-bad-metadata", { detail: read.error }));
      continue;
    }
    if (read.meta.kind === PARTNER_VIEW_KIND) {
      verdicts.push(refuse("merge-partner-view", { unit: read.meta.unitName }));
      continue;
    }
    let book: ReturnedBook;
    try {
      book = await readBook(opened.port, read.meta, data);
    } catch (error) {
      verdicts.push(refuse("merge-file-unreadable", readerWords(error)));
      continue;
    }
    // The unit and period of the file: an accepted verdict's period is this one.
    const key = sentBatchKey(read.meta.unitKey, period ?? read.meta.period);
    for (const earlier of unsent.get(key) ?? []) {
      const sent = lastSent.get(key) ?? new Map<string, ScalarCell>();
      for (const c of [...earlier.changes, ...earlier.same])
        sent.set(sentKey(c.part, c.id, c.column), c.value);
      for (const c of earlier.conflicts) if (c.key) sent.set(sentKey(c.part, c.id, c.key), c.unit);
      lastSent.set(key, sent);
    }
    unsent.delete(key);
    const verdict = planUnitMerge(ctx, f.name, read.meta, book);
    verdicts.push(verdict);
    if (verdict.status !== "accepted") continue;
    const savedAt = opened.savedAt ?? opened.savedOn ?? "";
    const earlier = inBatch.get(key);
    if (earlier && savedAt && earlier.savedAt && savedAt < earlier.savedAt) {
      // An older version of a file already taken in this batch: the later one wins.
      verdict.status = "superseded";
      verdict.supersededBy = earlier.verdict.file;
      continue;
    }
    if (earlier) {
      earlier.verdict.status = "superseded";
      earlier.verdict.supersededBy = verdict.file;
    }
    inBatch.set(key, { verdict, savedAt });
    accepted.push({
      verdict,
      period: verdict.period ?? "",
      unitKey: read.meta.unitKey,
      savedOn: (opened.savedOn ?? savedAt).slice(0, 10),
    });
    for (const c of verdict.changes) {
      const target = c.part === "tasks" ? tasksById.get(c.id) : indicatorsById.get(c.id);
      if (target) target[c.column] = c.value;
    }
    // What this unit sent is the base of its next file for the period, in this batch too (worked
    // out when such a file comes: most batches have one file per unit).
    unsent.set(key, [...(unsent.get(key) ?? []), verdict]);
  }
  if (!accepted.length) return { files: verdicts, mergeId: null, applied: 0 };
  if (o.dryRun)
    return {
      files: verdicts,
      mergeId: null,
      applied: accepted.reduce((n, a) => n + a.verdict.changes.length, 0),
    };
  const rows: HistoryRow[] = accepted.flatMap(({ verdict, period: p, unitKey: key, savedOn }) => {
    const common = {
      mergeId,
      at: o.now,
      sent: savedOn,
      file: verdict.file,
      unit: verdict.unit ?? "",
      unitKey: key,
      period: p,
      undone: "",
    };
    const row = (
      kind: HistoryKind,
      c: { part: Part; id: string; column: string; old: ScalarCell; value: ScalarCell },
    ) => ({
      ...common,
      kind,
      part: c.part,
      id: c.id,
      column: c.column,
      old: c.old,
      value: c.value,
    });
    return [
      {
        ...common,
        kind: "receipt" as const,
        part: "file" as const,
        id: "",
        column: RECEIPT,
        old: null,
        // How many values the unit updated: 0 is a book sent back unchanged.
        value: verdict.changes.length + verdict.same.length + verdict.conflicts.length,
      },
      ...verdict.changes.map((c) => row("applied", c)),
      ...verdict.same.map((c) => row("same", c)),
      // What was listed, not applied, is kept too: a clerk's value is never only on a console.
      ...verdict.listed.map((l) => ({
        ...common,
        kind: "listed" as const,
        part: (l.sheet === SHEET.indicators ? "indicators" : "tasks") as Part,
        id: l.id,
        column: l.column,
        old: l.master ?? null,
        value: l.value,
        note: `${l.sheet}${l.address ? `!${l.address}` : ""}: ${LISTED_NOTES[l.code]}`,
      })),
      ...verdict.conflicts.flatMap((c) =>
        c.key
          ? [row("conflict", { part: c.part, id: c.id, column: c.key, old: c.master, value: c.unit })]
          : [],
      ),
    ];
  });
  const changes = accepted.flatMap((a) => a.verdict.changes);
  const all = [...history, ...rows];
  o.onProgress?.(files.length, files.length);
  await writeMaster(
    master,
    data,
    data.values,
    changes,
    all,
    [completenessSpec(data, all, period ?? rows[0]?.period ?? null)],
    o.signal,
  );
  return { files: verdicts, mergeId, applied: changes.length };
}

export interface OpenConflict {
  row: HistoryRow;
  /** The master's value now. */
  now: ScalarCell;
  /**
   * Who put the master's value there: the merge that applied it (unit, file, when), or null when no
   * merge did (the secretariat typed it in the master).
   */
  masterBy: { unit: string; file: string; at: string } | null;
}

/** The conflicts of the history not undone and not taken yet, with the master's value now. */
export async function openConflicts(master: SheetSource, file?: string): Promise<OpenConflict[]> {
  const { data, history } = await readMaster(master, file);
  return conflictsOf(data, history);
}

function conflictsOf(data: TrackingData, history: readonly HistoryRow[]): OpenConflict[] {
  const rows = new Map<string, Record<string, ScalarCell | undefined>>();
  for (const t of data.tasks) rows.set(`tasks|${t.id}`, t);
  for (const r of data.indicators.rows) rows.set(`indicators|${r.id}`, r);
  const setBy = (row: HistoryRow) => {
    let by: HistoryRow | null = null;
    for (const h of history)
      if (
        h.mergeId < row.mergeId &&
        !h.undone &&
        (h.kind ?? "applied") === "applied" &&
        h.part === row.part &&
        h.id === row.id &&
        h.column === row.column
      )
        by = h;
    return by ? { unit: by.unit, file: by.file, at: by.at } : null;
  };
  return history
    .filter((h) => h.kind === "conflict" && !h.undone && !h.resolved)
    .map((row) => ({
      row,
      now: rows.get(`${row.part}|${row.id}`)?.[row.column] ?? null,
      masterBy: setBy(row),
    }));
}

export interface TakeResult {
  mergeId: number | null;
  taken: number;
  /** Conflicts whose cell the master changed again since: not taken, listed. */
  skipped: OpenConflict[];
}

/**
 * Takes the unit's value of every open conflict (or of the given task ids): one action for the
 * secretariat. A cell changed again since the conflict is left as it is and listed. Recorded in the
 * history as a merge of its own, so that undo reverts it.
 */
export async function takeUnitValues(
  master: SheetPort,
  o: { now: string; ids?: readonly string[]; file?: string },
): Promise<TakeResult> {
  const { data, history } = await readMaster(master, o.file);
  const open = conflictsOf(data, history).filter((c) => !o.ids?.length || o.ids.includes(c.row.id));
  const take = open.filter((c) => sameValue(c.now, c.row.old));
  const skipped = open.filter((c) => !sameValue(c.now, c.row.old));
  if (!take.length) return { mergeId: null, taken: 0, skipped };
  const mergeId = Math.max(0, ...history.map((h) => h.mergeId)) + 1;
  const taken = new Set(take.map((c) => c.row));
  const updated = history.map((h) => (taken.has(h) ? { ...h, resolved: o.now } : h));
  const rows: HistoryRow[] = take.map(({ row }) => ({
    ...row,
    mergeId,
    at: o.now,
    kind: "applied",
    undone: "",
    resolved: "",
  }));
  const all = [...updated, ...rows];
  await writeMaster(
    master,
    data,
    data.values,
    take.map(({ row }) => ({ part: row.part as Part, id: row.id, column: row.column, value: row.value })),
    all,
    [completenessSpec(data, all, masterPeriod(data))],
  );
  return { mergeId, taken: take.length, skipped };
}

export interface UndoResult {
  mergeId: number | null;
  restored: number;
  /** Cells changed again since the merge: not restored, listed. */
  skipped: { id: string; column: string; now: ScalarCell; merged: ScalarCell }[];
}

/** Undoes the last merge not undone yet: every cell it changed gets its old value back. */
export async function undoLastMerge(
  master: SheetPort,
  o: { now: string; file?: string; signal?: { readonly aborted: boolean } },
): Promise<UndoResult> {
  const { data, history } = await readMaster(master, o.file);
  const open = history.filter((h) => !h.undone);
  if (!open.length) return { mergeId: null, restored: 0, skipped: [] };
  const mergeId = Math.max(...open.map((h) => h.mergeId));
  const rows = history.filter(
    (h) => h.mergeId === mergeId && h.part !== "file" && (h.kind ?? "applied") === "applied",
  );
  const current = new Map<string, ScalarCell>();
  for (const t of data.tasks)
    for (const [k, v] of Object.entries(t)) current.set(`tasks|${t.id}|${k}`, v ?? null);
  for (const r of data.indicators.rows)
    for (const [k, v] of Object.entries(r)) current.set(`indicators|${r.id}|${k}`, v ?? null);
  const skipped: UndoResult["skipped"] = [];
  const changes: Pick<CellChange, "part" | "id" | "column" | "value">[] = [];
  for (const h of [...rows].reverse()) {
    const part = h.part as "tasks" | "indicators";
    const now = current.get(`${part}|${h.id}|${h.column}`) ?? null;
    const same = (a: ScalarCell, b: ScalarCell) =>
      a === null || a === "" ? b === null || b === "" : String(a) === String(b);
    if (!same(now, h.value)) skipped.push({ id: h.id, column: h.column, now, merged: h.value });
    else changes.push({ part, id: h.id, column: h.column, value: h.old });
  }
  const at = history.find((h) => h.mergeId === mergeId)?.at;
  // Undoing the taking of units' values opens those conflicts again.
  const updated = history.map((h) =>
    h.mergeId === mergeId ? { ...h, undone: o.now } : at && h.resolved === at ? { ...h, resolved: "" } : h,
  );
  await writeMaster(
    master,
    data,
    data.values,
    changes,
    updated,
    [
      completenessSpec(
        data,
        updated,
        rows[0]?.period ?? history.find((h) => h.mergeId === mergeId)?.period ?? null,
      ),
    ],
    o.signal,
  );
  return { mergeId, restored: changes.length, skipped };
}

export interface CompletenessRow {
  unit: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  /** Received, but every file of the period came back with no value updated. */
  unchanged: number;
  /** Files received for the period (a resubmission counts again). */
  files: number;
  /** When the accepted file was received (ISO), or "". */
  receivedAt: string;
}

/** Who reported for a period: from the receipts of the merge history, against the submission day. */
export function completeness(
  data: TrackingData,
  history: readonly HistoryRow[],
  period: string,
): CompletenessRow[] {
  const { submissionDay, cutoffDay: cutoff } = settingsFromStored(data.stored, { reportDate: "2000-01-01" });
  const window = reportWindow(period, "month", cutoff);
  const deadline = window
    ? `${window.end.slice(0, 7)}-${String(Math.min(28, Math.max(1, submissionDay))).padStart(2, "0")}`
    : `${period}-${String(submissionDay).padStart(2, "0")}`;
  // The receipts of each unit for the period (one pass over the history, not one per unit).
  const receipts = new Map<string, HistoryRow[]>();
  for (const h of history)
    if (h.part === "file" && !h.undone && h.period === period)
      receipts.set(h.unitKey, [...(receipts.get(h.unitKey) ?? []), h]);
  return knownUnits(data.tasks).map((unit) => {
    const all = receipts.get(unitKey(unit)) ?? [];
    const first = all[0];
    const when = first ? (first.sent || first.at).slice(0, 10) : "";
    const received = first ? 1 : 0;
    const onTime = first && when <= deadline ? 1 : 0;
    return {
      unit,
      expected: 1,
      received,
      onTime,
      late: received - onTime,
      missing: 1 - received,
      unchanged: first && all.every((h) => Number(h.value ?? 0) === 0) ? 1 : 0,
      files: all.length,
      receivedAt: first?.at ?? "",
    };
  });
}

export function completenessSpec(
  data: TrackingData,
  history: readonly HistoryRow[],
  period: string | null,
): SheetSpec {
  const rows = period ? completeness(data, history, period) : [];
  return {
    name: COMPLETENESS_SHEET,
    columns: [
      { key: "unit", header: "Đơn vị", kind: "text", width: 32, wrap: true },
      { key: "period", header: "Kỳ", kind: "text", width: 9 },
      { key: "expected", header: "Phải gửi", kind: "integer", width: 8 },
      { key: "received", header: "Đã gửi", kind: "integer", width: 8 },
      { key: "onTime", header: "Đúng hạn", kind: "integer", width: 8 },
      { key: "late", header: "Muộn", kind: "integer", width: 8 },
      { key: "missing", header: "Chưa gửi", kind: "integer", width: 8 },
      { key: "unchanged", header: "Gửi lại không cập nhật", kind: "integer", width: 10 },
      { key: "receivedAt", header: "Thời điểm tổng hợp", kind: "text", width: 18 },
    ],
    rows: rows.map((r) => [
      r.unit,
      period,
      r.expected,
      r.received,
      r.onTime,
      r.late,
      r.missing,
      r.unchanged,
      r.receivedAt,
    ]),
    freezeHeader: true,
    print: { orientation: "portrait", repeatHeader: true },
  };
}

export async function completenessOf(
  master: SheetSource,
  period: string | null,
  file?: string,
): Promise<{ period: string; rows: CompletenessRow[] }> {
  const data = await readTrackingData(master, file);
  const p = period ?? masterPeriod(data);
  if (!p || !/^\d{4}-\d{2}$/.test(p)) throw refuseMaster("merge-no-period", { period: period ?? "" });
  return { period: p, rows: completeness(data, readHistory(await master.readSheet(HISTORY_SHEET)), p) };
}
