/**
 * Numbers and dates written the way Vietnamese administrative documents write them (Nghị định
 * 30/2020/NĐ-CP): decimal comma, thousands dot, counts and days under 10 with a leading zero,
 * "ngày 08 tháng 10 năm 2025".
 */
import { splitIsoDate } from "../excel-dates";

/** "1.234,5": decimal comma, thousands dot, at most `decimals` decimals (no trailing zeros). */
export function viNumber(n: number, decimals = 2): string {
  const fixed = decimals > 0 ? n.toFixed(decimals).replace(/\.?0+$/, "") : n.toFixed(0);
  const [int, frac] = fixed.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
}

/** A count in prose: "05", "12". */
export function viCount(n: number): string {
  // "02 nhiệm vụ" for a count of items, as administrative texts write it; nothing is "0", not "00".
  return n > 0 && n < 10 ? `0${n}` : viNumber(n, 0);
}

/** A share as a percentage with one decimal: "85,7%", "100%"; "0%" of nothing. */
export function viPercent(part: number, whole: number): string {
  if (!whole) return "0%";
  return `${viNumber((part / whole) * 100, 1)}%`;
}

/** A rate (0.857) as "85,7%". */
export function viRate(rate: number): string {
  return `${viNumber(rate * 100, 1)}%`;
}

/** "Bình Lư, ngày 08 tháng 10 năm 2025" (days under 10 and months 1–2 with a leading zero). */
export function viPlaceAndDate(place: string, iso: string): string {
  const d = splitIsoDate(iso);
  if (!d) return place;
  const day = String(d.day).padStart(2, "0");
  const month = d.month <= 2 ? String(d.month).padStart(2, "0") : String(d.month);
  return `${place ? `${place}, ` : ""}ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "Số: 05/BC-UBND": numbers under 10 take a leading zero; an empty number leaves dots to fill. */
export function viDocumentNumber(no: string | number | null | undefined, suffix: string): string {
  const n = no === null || no === undefined || no === "" ? "     " : String(no).padStart(2, "0");
  return `Số: ${n}/${suffix}`;
}
