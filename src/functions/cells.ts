/**
 * Helpers for the KH custom functions: Excel passes ranges as 2-D arrays (a single cell as 1×1),
 * dates as serial numbers or text; results spill as 2-D arrays, with an Excel error in a cell that
 * cannot be computed (never a thrown exception).
 */
import { isoToSerial, serialToIso } from "../core/excel-dates";

export type Cell = string | number | boolean | null | undefined;
export type Matrix = Cell[][];

/** An Excel error value for one cell, with a message Excel shows on hover. */
export function cellError(code: "#VALUE!" | "#N/A" | "#NUM!", message: string): unknown {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (cf?.Error) {
    const map = {
      "#VALUE!": cf.ErrorCode.invalidValue,
      "#N/A": cf.ErrorCode.notAvailable,
      "#NUM!": cf.ErrorCode.invalidNumber,
    };
    return new cf.Error(map[code], message);
  }
  return { error: code, message };
}

const isSingle = (m: Matrix) => m.length === 1 && (m[0]?.length ?? 0) === 1;

/**
 * Applies fn cell by cell over matrices of one shape (a 1×1 argument is repeated). Ranges of
 * different sizes give one #VALUE! with a message: a cell that has no data is never invented.
 */
export function mapCells<T>(inputs: Matrix[], fn: (...cells: Cell[]) => T): (T | unknown)[][] {
  const shaped = inputs.filter((m) => !isSingle(m));
  const rows = shaped[0]?.length ?? 1;
  const cols = shaped[0]?.[0]?.length ?? 1;
  if (shaped.some((m) => m.length !== rows || m.some((r) => r.length !== cols)))
    return [
      [
        cellError(
          "#VALUE!",
          `Các vùng phải cùng kích thước (${shaped.map((m) => `${m.length}×${m[0]?.length ?? 0}`).join(", ")}).`,
        ),
      ],
    ];
  const at = (m: Matrix, r: number, c: number) => (isSingle(m) ? m[0]![0] : m[r]![c]);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => fn(...inputs.map((m) => at(m, r, c)))),
  );
}

/** A date from a cell: a serial number, an ISO date, or dd/mm/yyyy text. */
export function cellDate(v: Cell): string | null {
  if (typeof v === "number") return serialToIso(v);
  if (typeof v !== "string" || !v.trim()) return null;
  const t = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isoToSerial(t) === null ? null : t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isoToSerial(iso) === null ? null : iso;
}

export function cellText(v: Cell): string {
  return v === null || v === undefined ? "" : String(v).normalize("NFC");
}

/** An optional argument: Excel passes null (not undefined) when it is omitted. */
export function given<T>(v: T | null | undefined): v is T {
  return v !== null && v !== undefined;
}

export function cellNumber(v: Cell): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim()) {
    const n = Number(v.trim().replace(",", "."));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
