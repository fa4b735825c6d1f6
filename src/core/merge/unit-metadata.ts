/**
 * What a unit workbook carries about itself, in a very hidden sheet, for the merge to check it as a
 * whole: the plan's identity, the unit, the layout version, the period, the task and indicator ids,
 * and the value of every clerk cell at the split (the base: to tell the unit's changes from the
 * secretariat's, as ODK Central's baseVersion does).
 */
import { z } from "zod";

export const META_SHEET = "_kh_meta";
export const UNIT_WORKBOOK_KIND = "theo-doi-ke-hoach/unit-workbook";
/** A partner unit's read-only view: recognised by the merge, never merged. */
export const PARTNER_VIEW_KIND = "theo-doi-ke-hoach/partner-view";
/** Excel cells hold at most 32,767 characters: the JSON is cut into cells of this size. */
const CELL_CHARS = 30_000;

/**
 * A cell's value: text, a number, true/false or nothing. One check instead of a union of four
 * schemas: a unit workbook carries a value for every clerk cell (the base), 800 and more per file.
 */
const Value = z.custom<string | number | boolean | null>(
  (v) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean",
  { message: "không phải giá trị ô" },
);

export const UnitMetadataSchema = z.object({
  kind: z.union([z.literal(UNIT_WORKBOOK_KIND), z.literal(PARTNER_VIEW_KIND)]),
  layoutVersion: z.number().int(),
  planHash: z.string().min(1),
  unitKey: z.string().min(1),
  unitName: z.string().min(1),
  period: z.string().nullable(),
  createdAt: z.string(),
  taskIds: z.array(z.string()),
  indicatorIds: z.array(z.string()),
  /** Per task id: the clerk columns' values at the split. */
  base: z.record(z.string(), z.record(z.string(), Value)),
  baseIndicators: z.record(z.string(), z.record(z.string(), Value)),
  /** Per task id: a hash of its plan cells at the split (absent in books split before it was kept). */
  planCells: z
    .custom<Record<string, string>>(
      (v) => typeof v === "object" && v !== null && Object.values(v).every((h) => typeof h === "string"),
      { message: "không phải bảng mã nội dung" },
    )
    .optional(),
  /** The column keys of each sheet in the order the split wrote them (to find a retyped header). */
  columns: z.object({ tasks: z.array(z.string()), indicators: z.array(z.string()) }).optional(),
});

export type UnitMetadata = z.infer<typeof UnitMetadataSchema>;

/** The metadata as a column of cells (A1, A2, …). */
export function metadataCells(meta: UnitMetadata): string[] {
  const json = JSON.stringify(meta);
  const cells: string[] = [];
  for (let i = 0; i < json.length; i += CELL_CHARS) cells.push(json.slice(i, i + CELL_CHARS));
  return cells;
}

/** The metadata read back from its cells; null when the cells do not hold valid metadata. */
/** `error`: "not-json", or "invalid: <the first field that fails>" (a detail for the message, not words). */
export function readMetadata(cells: readonly unknown[]): { meta: UnitMetadata } | { error: string } {
  const json = cells.map((c) => (c === null || c === undefined ? "" : String(c))).join("");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { error: "not-json" };
  }
  const r = UnitMetadataSchema.safeParse(parsed);
  return r.success ? { meta: r.data } : { error: `invalid: ${r.error.issues[0]?.path.join(".") ?? ""}` };
}
