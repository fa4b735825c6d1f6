/**
 * A target cell as printed ("≥ 80", "≥ 1,0", "80–90", "Dưới 4", "Khoảng 40", "-", "X", "≥ 01",
 * "≥ 1.000", "100 (ghi chú…)") read into a comparable target (DOMAIN.md "The rules, precisely").
 *
 * Every numeric target is a band [lo, hi] and a direction: inside the band is Đạt, beyond it on the
 * favourable side Vượt, on the other side Không đạt. "≥ 80" is [80, 80] higher-is-better, "≤ 4"
 * [4, 4] lower-is-better, "80–90" [80, 90], "Khoảng 40" [38, 42]. The same few numbers go into
 * plain cells of the tracking sheet, where native formulas apply the same comparisons.
 */
import { foldForMatch, normalizeInline } from "../text/normalize";
import { remembered } from "../remembered";

export type TargetKind = "none" | "qualitative" | "numeric";

export type Comparator = ">=" | "<=" | "=" | "range" | "about";

export interface TargetValue {
  kind: TargetKind;
  /** ">=": at least; "<=": at most (lower is better); "=": the value; "range": value..max; "about". */
  comparator: Comparator | null;
  /** The target value: the number printed (the low bound of a range). Rates are taken against it. */
  value: number | null;
  /** The high bound of a range, else null. */
  max: number | null;
  /** The band that counts as Đạt. */
  lo: number | null;
  hi: number | null;
  lowerIsBetter: boolean;
  text: string;
}

/** "Khoảng X" is met within ±5 % of X, inclusive. */
export const ABOUT_TOLERANCE = 0.05;

/** Band bounds are rounded to 10 decimals so that 1,05 × 40 is 42, in the core and in the sheet alike. */
export function roundBound(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

const NUMBER_TOKEN = String.raw`\d+(?:[.,]\d+)*`;

/**
 * A number written the Vietnamese way: "," is the decimal mark, "." before exactly three digits
 * groups thousands ("1.000" = 1000, "1.000,5" = 1000,5), any other "." is a decimal mark ("1.5");
 * a leading zero is a count ("01" = 1). Null when the text is not one number.
 */
export function parseViNumber(token: string): number | null {
  const t = token.trim();
  if (/^\d+(?:\.\d{3})+(?:,\d+)?$/.test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if (/^\d+(?:,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return null;
}

function firstNumber(token: string): number {
  return parseViNumber(token) ?? Number(/^\d+/.exec(token)![0]);
}

/** parseTarget, remembered per text: an indicator sheet repeats the same few target cells. */
export function parseTarget(input: string | number | boolean | null | undefined): TargetValue {
  if (typeof input === "number")
    return Number.isFinite(input)
      ? numeric("=", input, null, String(input))
      : { ...NONE, text: String(input) };
  return readTargetOnce(typeof input === "string" ? input : "");
}

const readTargetOnce = remembered(readTarget, 20_000);

const NONE: TargetValue = {
  kind: "none",
  comparator: null,
  value: null,
  max: null,
  lo: null,
  hi: null,
  lowerIsBetter: false,
  text: "",
};

function numeric(comparator: Comparator, value: number, max: number | null, text: string): TargetValue {
  const about = comparator === "about";
  const lo = about ? roundBound(value * (1 - ABOUT_TOLERANCE)) : value;
  const hi = about ? roundBound(value * (1 + ABOUT_TOLERANCE)) : (max ?? value);
  return { kind: "numeric", comparator, value, max, lo, hi, lowerIsBetter: comparator === "<=", text };
}

function readTarget(input: string): TargetValue {
  const text = normalizeInline(input);
  if (!text || /^[-–—]+$/.test(text)) return { ...NONE, text };
  const qualitative: TargetValue = { ...NONE, kind: "qualitative", text };
  const f = foldForMatch(text);
  const first = new RegExp(NUMBER_TOKEN).exec(f);
  if (!first) return qualitative;
  const value = firstNumber(first[0]);
  const after = f.slice(first.index + first[0].length);
  const range = new RegExp(String.raw`^\s*%?\s*(?:[-–—]|den|toi)\s*(${NUMBER_TOKEN})`).exec(after);
  if (range) {
    const max = firstNumber(range[1]!);
    if (max >= value) return numeric("range", value, max, text);
  }
  const before = f.slice(0, first.index);
  let comparator: Comparator = "=";
  if (/khong\s+(?:duoi|thap\s+hon|it\s+hon)/.test(before)) comparator = ">=";
  else if (/[≤<]|duoi|toi\s+da|khong\s+(?:vuot\s+)?qua|thap\s+hon/.test(before)) comparator = "<=";
  else if (/[≥>]|toi\s+thieu|it\s+nhat|tren|\btu\b|cao\s+hon/.test(before) || /tro\s+len/.test(after))
    comparator = ">=";
  else if (/khoang|xap\s+xi/.test(before)) comparator = "about";
  return numeric(comparator, value, null, text);
}
