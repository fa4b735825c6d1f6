/**
 * The identity of a plan as the unit workbooks carry it: a hash of its tasks (id, text, lead unit,
 * deadline), so that a returned workbook of another plan, or of a plan revised since the split, is
 * recognised. cyrb53: a fast 53-bit string hash, enough to tell plans apart (not a security measure).
 */
import type { ScalarCell } from "../sheets/sheet-spec";

export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

export function planHash(tasks: readonly Record<string, ScalarCell | undefined>[]): string {
  const canonical = tasks
    .map((t) =>
      [t.id, t.task, t.lead, t.deadlineText]
        .map((v) => (v === null || v === undefined ? "" : String(v).normalize("NFC")))
        .join("\u241f"),
    )
    .sort()
    .join("\u241e");
  return cyrb53(canonical);
}

/** The plan columns of a task row a unit may not change (an edit there is listed as a proposal). */
export const PLAN_CELL_COLUMNS = [
  "task",
  "lead",
  "deadlineText",
  "due",
  "recurrence",
  "partners",
  "output",
] as const;

/** A hash of a task's plan cells (text trimmed, NFC), to tell later whether the unit edited them. */
export function planCellsHash(row: Record<string, ScalarCell | undefined>): string {
  return cyrb53(
    PLAN_CELL_COLUMNS.map((k) => {
      const v = row[k];
      return v === null || v === undefined ? "" : String(v).normalize("NFC").trim();
    }).join("\u241f"),
  ).slice(-8);
}
