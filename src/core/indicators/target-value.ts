/**
 * A target cell as printed ("≥ 80", "≥ 1,0", "80–90", "Dưới 4", "Khoảng 40", "-", "X", "≥ 01",
 * "100 (ghi chú…)") read into a comparable target.
 */
import { foldForMatch, normalizeInline } from "../text/normalize";

export type TargetKind = "none" | "qualitative" | "numeric";

export interface TargetValue {
  kind: TargetKind;
  /** ">=": at least; "<=": at most (lower is better); "=": the value; "range": value..max; "about". */
  comparator: ">=" | "<=" | "=" | "range" | "about" | null;
  value: number | null;
  max: number | null;
  text: string;
}

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;

function num(s: string): number {
  return Number(s.replace(",", "."));
}

const cache = new Map<string, TargetValue>();

/** parseTarget, remembered per text: an indicator sheet repeats the same few target cells. */
export function parseTarget(input: string | number | null | undefined): TargetValue {
  if (typeof input === "number")
    return { kind: "numeric", comparator: "=", value: input, max: null, text: String(input) };
  const key = String(input ?? "");
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size > 20_000) cache.clear();
    hit = readTarget(key);
    cache.set(key, hit);
  }
  return hit;
}

function readTarget(input: string): TargetValue {
  const text = normalizeInline(input);
  const none: TargetValue = { kind: "none", comparator: null, value: null, max: null, text };
  if (!text || /^[-–—]$/.test(text)) return none;
  if (/^x$/i.test(text)) return { kind: "qualitative", comparator: null, value: null, max: null, text };
  const f = foldForMatch(text);
  const range = new RegExp(`^${NUM}\\s*%?\\s*[-–]\\s*${NUM}`).exec(text);
  if (range)
    return { kind: "numeric", comparator: "range", value: num(range[1]!), max: num(range[2]!), text };
  const first = new RegExp(NUM).exec(text);
  if (!first) return { kind: "qualitative", comparator: null, value: null, max: null, text };
  const value = num(first[1]!);
  const before = f.slice(0, foldForMatch(text.slice(0, first.index)).length);
  let comparator: TargetValue["comparator"] = "=";
  if (/[≥>]|toi thieu|it nhat|tren|tu\b/.test(before) || /tro len/.test(f)) comparator = ">=";
  else if (/[≤<]|duoi|toi da|khong qua/.test(before)) comparator = "<=";
  else if (/khoang|xap xi/.test(before)) comparator = "about";
  return { kind: "numeric", comparator, value, max: null, text };
}
