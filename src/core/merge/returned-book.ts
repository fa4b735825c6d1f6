/**
 * A returned unit workbook's sheet read as the clerk left it: columns found by their header, or,
 * where the clerk retyped a header, by where the split put that column (the split's column order is
 * in the metadata, else the layout's); every row with content kept with its sheet row, whatever its
 * order; every cell kept with its address and what its value alone does not say (a percentage
 * format, a formula saved without its value). Columns that are none of ours are kept too, so that
 * their values can be listed instead of dropped.
 */
import { foldForMatch } from "../text/normalize";
import type { SheetValue } from "../sheets/read-sheet";
import { columnLetter, type ColumnSpec, type ScalarCell } from "../sheets/sheet-spec";
import type { CellFlags } from "../workflows/workbook-port";

export interface ReturnedCell {
  value: ScalarCell;
  /** "F12" */
  address: string;
  percent: boolean;
  /** A formula with no value saved: its value is unknown. */
  uncached: boolean;
}

export interface ReturnedRow {
  /** 1-based sheet row. */
  row: number;
  id: string;
  /** A layout column's cell of this row (made when asked: a merge reads a few of 23 columns). */
  cell(key: string): ReturnedCell | undefined;
  /** Every layout column's cell of this row. */
  cells(): [string, ReturnedCell][];
  /** A layout column's value alone (blank as null), without making its cell. */
  value(key: string): ScalarCell;
}

export interface ForeignColumn {
  letter: string;
  header: string;
  cells: ReturnedCell[];
}

export interface ReturnedSheet {
  rows: ReturnedRow[];
  /** Keys found, with how: by header text, or by the split's position (a retyped header). */
  found: Map<string, { letter: string; byPosition: boolean; header: string }>;
  /** Columns with values that are none of the layout's. */
  foreign: ForeignColumn[];
}

const blank = (v: SheetValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const fold = (v: SheetValue) =>
  foldForMatch(String(v ?? ""))
    .replace(/\s+/g, " ")
    .trim();

/**
 * `columns`: the layout's columns of the sheet; `splitOrder`: the keys in the order the split wrote
 * them (the metadata's, else the layout's).
 */
export function readReturnedSheet(
  values: readonly (readonly SheetValue[])[],
  flags: CellFlags | null,
  columns: readonly ColumnSpec[],
  splitOrder: readonly string[],
): ReturnedSheet {
  const header = values[0] ?? [];
  const byHeader = new Map(columns.map((c) => [fold(c.header), c.key]));
  const found: ReturnedSheet["found"] = new Map();
  const keyAt: (string | null)[] = header.map(() => null);
  header.forEach((h, i) => {
    const key = byHeader.get(fold(h));
    if (key && !found.has(key)) {
      found.set(key, { letter: columnLetter(i), byPosition: false, header: String(h ?? "").trim() });
      keyAt[i] = key;
    }
  });
  // A header the clerk retyped: the column where the split put a key not found by its header.
  const width = Math.max(header.length, ...values.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    if (keyAt[i]) continue;
    const key = splitOrder[i];
    if (key && !found.has(key) && columns.some((c) => c.key === key) && !byHeader.has(fold(header[i]))) {
      found.set(key, { letter: columnLetter(i), byPosition: true, header: String(header[i] ?? "").trim() });
      keyAt[i] = key;
    }
  }
  const percent = new Set(flags?.percent ?? []);
  const uncached = new Set(flags?.uncached ?? []);
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  const cellAt = (r: number, c: number): ReturnedCell => {
    const v = values[r]?.[c];
    return {
      value: blank(v ?? null) ? null : (v as ScalarCell),
      address: `${letter(c)}${r + 1}`,
      percent: percent.size > 0 && percent.has(`${r}:${c}`),
      uncached: uncached.size > 0 && uncached.has(`${r}:${c}`),
    };
  };
  const columnOfKey = new Map<string, number>();
  keyAt.forEach((key, c) => {
    if (key) columnOfKey.set(key, c);
  });
  const idAt = columnOfKey.get("id") ?? -1;
  const rows: ReturnedRow[] = [];
  const foreign = new Map<number, ForeignColumn>();
  for (let r = 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const hasContent = (c: number) =>
      !blank(line[c] ?? null) || (uncached.size > 0 && uncached.has(`${r}:${c}`));
    let any = false;
    for (let c = 0; c < width && !any; c++) any = hasContent(c);
    if (!any) continue;
    for (let c = 0; c < width; c++)
      if (!keyAt[c] && hasContent(c)) {
        const col = foreign.get(c) ?? {
          letter: letter(c),
          header: String(header[c] ?? "").trim(),
          cells: [],
        };
        col.cells.push(cellAt(r, c));
        foreign.set(c, col);
      }
    const at = r;
    rows.push({
      row: r + 1,
      id: idAt < 0 ? "" : String(line[idAt] ?? "").trim(),
      cell: (key) => {
        const c = columnOfKey.get(key);
        return c === undefined ? undefined : cellAt(at, c);
      },
      cells: () => [...columnOfKey].map(([key, c]) => [key, cellAt(at, c)]),
      value: (key) => {
        const c = columnOfKey.get(key);
        const v = c === undefined ? null : line[c];
        return v === undefined || blank(v) ? null : (v as ScalarCell);
      },
    });
  }
  return { rows, found, foreign: [...foreign.values()] };
}
