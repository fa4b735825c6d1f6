/**
 * Excel on the web refuses a request whose payload passes 5 MB. Writers that send many rows split
 * them into consecutive row blocks whose estimated payload stays under a budget.
 */
export const EXCEL_WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Leave room for the request envelope, formats and other queued commands. */
export const DEFAULT_CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;

export interface RowBlock {
  start: number;
  count: number;
  bytes: number;
}

/** Estimated serialised size of one row of values plus its per-cell number formats. */
export function estimateRowBytes(row: readonly unknown[], formats: readonly string[]): number {
  let bytes = 4;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    // UTF-8 Vietnamese text: up to 3 bytes per character; JSON quoting and commas.
    bytes += typeof v === "string" ? v.length * 3 + 3 : 24;
    bytes += (formats[i]?.length ?? 0) + 3;
  }
  return bytes;
}

/** Splits rows into blocks whose estimated payload stays under the budget (at least one row each). */
export function splitRowsByPayload(
  rows: readonly (readonly unknown[])[],
  formats: readonly string[],
  budgetBytes = DEFAULT_CHUNK_BUDGET_BYTES,
): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = estimateRowBytes(rows[i] ?? [], formats);
    if (i > start && bytes + rowBytes > budgetBytes) {
      blocks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) blocks.push({ start, count: rows.length - start, bytes });
  return blocks;
}
