/**
 * Re-importing a revised plan into a tracking sheet the clerks already fill in: rows are matched by
 * task id; everything a clerk typed stays; the plan's columns take the revised text; new tasks are
 * appended; tasks gone from the plan are kept and marked, never deleted; and the changes are listed.
 */
import { serialToIso } from "../excel-dates";
import type { SheetCell, SheetSpec } from "./sheet-spec";
import { CLERK_COLUMNS } from "./workbook-layout";
import type { SheetValue } from "./read-sheet";

export { CLERK_COLUMNS } from "./workbook-layout";
/** Columns the workbook computes: recomputed, not compared. */
export const COMPUTED_COLUMNS = {
  tasks: ["status", "daysLeft", "reason"],
  indicators: [
    "inForce",
    "gap",
    "rate",
    "assessment",
    "onTrack",
    "basis",
    "mi",
    "pi",
    "fk",
    "flo",
    "fhi",
    "fv",
    "flib",
  ],
} as const;
/**
 * Plan cells a clerk may correct by hand (the due date and recurrence read from the deadline): kept
 * from the old sheet when the deadline text did not change and the clerk's value differs from what
 * was read, with the copy of what was read.
 */
const CORRECTABLE = [
  { key: "due", source: "srcDue" },
  { key: "recurrence", source: "srcRecurrence" },
] as const;
export const PLAN_STATE_COLUMN = {
  key: "planState",
  header: "Tình trạng trong kế hoạch",
  kind: "text" as const,
  width: 16,
};

export const PLAN_STATE = {
  kept: "",
  added: "Mới bổ sung",
  changed: "Đã sửa đổi",
  removed: "Đã bỏ khỏi kế hoạch",
} as const;

export interface TaskChange {
  id: string;
  kind: "added" | "changed" | "removed";
  /** Headers of the plan columns whose text changed. */
  fields: string[];
}

/** The rows of an existing sheet, read by header text (as a clerk may have moved columns). */
export type ExistingRow = Record<string, SheetCell>;

function same(a: SheetCell, b: SheetCell): boolean {
  const norm = (v: SheetCell) =>
    (v === null || v === undefined ? "" : typeof v === "object" ? String(v.cached ?? "") : String(v)).trim();
  return norm(a) === norm(b);
}

export function updateSheet(
  fresh: SheetSpec,
  existing: readonly ExistingRow[],
  kind: keyof typeof CLERK_COLUMNS,
): { sheet: SheetSpec; changes: TaskChange[] } {
  const columns = fresh.columns.some((c) => c.key === PLAN_STATE_COLUMN.key)
    ? fresh.columns
    : [...fresh.columns, PLAN_STATE_COLUMN];
  const header = (key: string) => fresh.columns.find((c) => c.key === key)?.header ?? key;
  const idHeader = fresh.columns[0]!.header;
  const clerkHeaders = new Set<string>(CLERK_COLUMNS[kind].map(header));
  const computed = new Set<string>(COMPUTED_COLUMNS[kind].map(header));
  const byId = new Map(existing.map((r) => [String(r[idHeader] ?? ""), r]));
  const changes: TaskChange[] = [];
  const freshIds = new Set<string>();

  // Columns a clerk added to the sheet: carried over (after the plan's columns), never dropped.
  const known = new Set([...fresh.columns.map((c) => c.header), PLAN_STATE_COLUMN.header]);
  const extraHeaders = [...new Set(existing.flatMap((r) => Object.keys(r)))].filter(
    (h) => h && !known.has(h),
  );
  const extras = extraHeaders.map((h, i) => ({
    key: `extra${i}`,
    header: h,
    kind: "text" as const,
    width: 16,
    wrap: true,
  }));
  const extraCells = (old: ExistingRow | undefined) =>
    extraHeaders.map((h) => (old ? (old[h] ?? null) : null));

  const rows: SheetCell[][] = fresh.rows.map((row) => {
    const id = String(row[0] ?? "");
    freshIds.add(id);
    const old = byId.get(id);
    const out = fresh.columns.map((c, i) => {
      const value = row[i] ?? null;
      if (!old) return value;
      if (clerkHeaders.has(c.header)) return old[c.header] ?? value;
      return value;
    });
    if (old && kind === "tasks") keepCorrections(fresh, row, old, out);
    if (!old) {
      changes.push({ id, kind: "added", fields: [] });
      return [...out, PLAN_STATE.added, ...extraCells(old)];
    }
    const fields = fresh.columns
      .filter(
        (c, i) =>
          !clerkHeaders.has(c.header) &&
          !computed.has(c.header) &&
          !c.hidden &&
          c.header in old &&
          !same(old[c.header] ?? null, row[i] ?? null),
      )
      .map((c) => c.header);
    if (fields.length) changes.push({ id, kind: "changed", fields });
    return [...out, fields.length ? PLAN_STATE.changed : PLAN_STATE.kept, ...extraCells(old)];
  });

  // Tasks the revised plan no longer has: kept with what the clerks wrote, and marked.
  for (const old of existing) {
    const id = String(old[idHeader] ?? "");
    if (!id || freshIds.has(id)) continue;
    changes.push({ id, kind: "removed", fields: [] });
    rows.push([
      ...fresh.columns.map((c) => (computed.has(c.header) ? null : (old[c.header] ?? null))),
      PLAN_STATE.removed,
      ...extraCells(old),
    ]);
  }
  return { sheet: { ...fresh, columns: [...columns, ...extras], rows }, changes };
}

/** A due date or recurrence the clerk corrected by hand survives a re-import of the same deadline. */
function keepCorrections(fresh: SheetSpec, row: SheetCell[], old: ExistingRow, out: SheetCell[]): void {
  const at = (key: string) => fresh.columns.findIndex((c) => c.key === key);
  const header = (key: string) => fresh.columns[at(key)]?.header ?? key;
  const text = at("deadlineText");
  if (
    text < 0 ||
    !(header("deadlineText") in old) ||
    !same(old[header("deadlineText")] ?? null, row[text] ?? null)
  )
    return;
  for (const { key, source } of CORRECTABLE) {
    if (at(key) < 0 || at(source) < 0 || !(header(source) in old)) continue;
    const typed = old[header(key)] ?? null;
    if (same(typed, old[header(source)] ?? null)) continue;
    out[at(key)] = typed;
    out[at(source)] = old[header(source)] ?? null;
  }
}

/**
 * Rows of a sheet as Excel returns them (header first), by header, with date columns (per the fresh
 * sheet's column kinds) turned back from serial numbers into ISO dates.
 */
export function existingRows(values: readonly (readonly SheetValue[])[], fresh: SheetSpec): ExistingRow[] {
  const [header, ...rows] = values;
  if (!header) return [];
  const dateHeaders = new Set(fresh.columns.filter((c) => c.kind === "date").map((c) => c.header));
  const names = header.map((h) => String(h ?? "").trim());
  return rows
    .filter((r) => r.some((v) => v !== "" && v !== null && v !== undefined))
    .map((r) =>
      Object.fromEntries(
        names.flatMap((h, i) => {
          if (!h) return [];
          const v = r[i] ?? null;
          return [[h, dateHeaders.has(h) && typeof v === "number" ? serialToIso(v) : v === "" ? null : v]];
        }),
      ),
    );
}
