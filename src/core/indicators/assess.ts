/**
 * Indicator evaluation (DOMAIN.md "Indicators"): gap, achievement rate, assessment (Vượt / Đạt /
 * Không đạt), the target in force between milestones, and whether the indicator is on track.
 */
import { isoToSerial } from "../excel-dates";
import { parseTarget, type TargetValue } from "./target-value";

export type Assessment = "Vượt" | "Đạt" | "Không đạt";

/** "About" a value: within 5% counts as met. */
const ABOUT = 0.05;

function actualNumber(actual: string | number | boolean | null | undefined): number | null {
  if (typeof actual === "number") return Number.isFinite(actual) ? actual : null;
  if (typeof actual !== "string") return null;
  const m = /-?\d+(?:[.,]\d+)?/.exec(actual);
  return m ? Number(m[0].replace(",", ".")) : null;
}

function qualitativeDone(actual: string | number | boolean | null | undefined): boolean | null {
  if (actual === null || actual === undefined || actual === "") return null;
  if (typeof actual === "boolean") return actual;
  if (typeof actual === "number") return actual > 0;
  return /^(x|đạt|có|hoàn thành|đã|rồi|1|true|yes)/iu.test(actual.trim());
}

export function assess(
  target: TargetValue | string,
  actual: string | number | boolean | null | undefined,
): Assessment | null {
  const t = typeof target === "string" ? parseTarget(target) : target;
  if (t.kind === "none") return null;
  if (t.kind === "qualitative") {
    const done = qualitativeDone(actual);
    return done === null ? null : done ? "Đạt" : "Không đạt";
  }
  const a = actualNumber(actual);
  if (a === null || t.value === null) return null;
  const v = t.value;
  switch (t.comparator) {
    case "<=":
      return a < v ? "Vượt" : a === v ? "Đạt" : "Không đạt";
    case "range":
      return a > t.max! ? "Vượt" : a >= v ? "Đạt" : "Không đạt";
    case "about":
      return a > v * (1 + ABOUT) ? "Vượt" : a >= v * (1 - ABOUT) ? "Đạt" : "Không đạt";
    default:
      return a > v ? "Vượt" : a === v ? "Đạt" : "Không đạt";
  }
}

/** How far the actual is from the target; positive = still short, zero or negative = met. */
export function gap(target: TargetValue | string, actual: string | number | null | undefined): number | null {
  const t = typeof target === "string" ? parseTarget(target) : target;
  const a = actualNumber(actual);
  if (t.kind !== "numeric" || a === null || t.value === null) return null;
  return t.comparator === "<=" ? a - t.value : t.value - a;
}

/** Actual / target (target / actual when lower is better); the low end for a range. */
export function achievementRate(
  target: TargetValue | string,
  actual: string | number | null | undefined,
): number | null {
  const t = typeof target === "string" ? parseTarget(target) : target;
  const a = actualNumber(actual);
  if (t.kind !== "numeric" || a === null || t.value === null) return null;
  if (t.comparator === "<=") return a === 0 ? null : t.value / a;
  return t.value === 0 ? null : a / t.value;
}

export interface Milestone {
  year: number;
  target: string;
}

/** The target in force at a date: the next milestone (by year end) that sets one. */
export function targetInForce(milestones: readonly Milestone[], dateIso: string): Milestone | null {
  const year = Number(dateIso.slice(0, 4));
  const withTarget = [...milestones]
    .filter((m) => parseTarget(m.target).kind !== "none")
    .sort((a, b) => a.year - b.year);
  return withTarget.find((m) => m.year >= year) ?? withTarget[withTarget.length - 1] ?? null;
}

/**
 * On track: the actual meets the straight line from the previous milestone (or the baseline) to
 * the target in force, at the date. Null when the values are not numbers.
 */
export function onTrack(
  milestones: readonly Milestone[],
  actual: string | number | null | undefined,
  dateIso: string,
  baseline?: { year: number; value: number },
): boolean | null {
  const next = targetInForce(milestones, dateIso);
  const a = actualNumber(actual);
  if (!next || a === null) return null;
  const t = parseTarget(next.target);
  if (t.kind !== "numeric" || t.value === null) return null;
  const previous = [...milestones]
    .filter((m) => m.year < next.year && parseTarget(m.target).kind === "numeric")
    .sort((x, y) => y.year - x.year)[0];
  const start = previous ? { year: previous.year, value: parseTarget(previous.target).value! } : baseline;
  let expected = t.value;
  if (start) {
    const from = isoToSerial(`${start.year}-12-31`)!;
    const to = isoToSerial(`${next.year}-12-31`)!;
    const at = isoToSerial(dateIso);
    if (at !== null && to > from) {
      const share = Math.min(1, Math.max(0, (at - from) / (to - from)));
      expected = start.value + (t.value - start.value) * share;
    }
  }
  return t.comparator === "<=" ? a <= expected : a >= expected;
}
