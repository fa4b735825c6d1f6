/**
 * Indicator evaluation (DOMAIN.md "Indicators" and "The rules, precisely"): assessment (Vượt / Đạt /
 * Không đạt), gap, achievement rate, the target in force between milestones, and whether the
 * indicator is on track. Every function says "nothing to judge" (null) for a blank actual or a year
 * without a target, and never guesses: an actual that cannot be compared is "Không đánh giá được".
 */
import { isoToSerial } from "../excel-dates";
import { parseTarget, parseViNumber, type TargetValue } from "./target-value";

export type Assessment = "Vượt" | "Đạt" | "Không đạt";
export const NOT_ASSESSABLE = "Không đánh giá được";
/** What an assessment cell shows: a verdict, or that the actual cannot be compared with the target. */
export type AssessmentLabel = Assessment | typeof NOT_ASSESSABLE;

export type ActualCell = string | number | boolean | null | undefined;

/** The actual as a number: a number, or text that is one Vietnamese-written number (a trailing "%" allowed). */
export type ActualNumber = { kind: "blank" } | { kind: "number"; value: number } | { kind: "other" };

export function readActual(actual: ActualCell): ActualNumber {
  if (actual === null || actual === undefined) return { kind: "blank" };
  if (typeof actual === "number")
    return Number.isFinite(actual) ? { kind: "number", value: actual } : { kind: "other" };
  if (typeof actual === "boolean") return { kind: "other" };
  const t = actual.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!t) return { kind: "blank" };
  const m = /^(-)?\s*([\d.,]+)\s*%?$/.exec(t);
  const n = m ? parseViNumber(m[2]!) : null;
  return n === null ? { kind: "other" } : { kind: "number", value: m![1] ? -n : n };
}

/** Compared without case and whatever the Unicode form of the accents (composed or decomposed). */
export const QUALITATIVE_MET_FORMS = ["x", "có", "đạt", "hoàn thành", "1", "true"];
export const QUALITATIVE_NOT_MET_FORMS = ["không", "không đạt", "chưa đạt", "chưa hoàn thành", "0", "false"];
const QUALITATIVE_MET = new Set(QUALITATIVE_MET_FORMS);
const QUALITATIVE_NOT_MET = new Set(QUALITATIVE_NOT_MET_FORMS);

/** An actual against an "X" target: met, not met, blank (null), or not readable. */
function qualitative(actual: ActualCell): AssessmentLabel | null {
  if (actual === null || actual === undefined) return null;
  if (typeof actual === "boolean") return actual ? "Đạt" : "Không đạt";
  const key =
    typeof actual === "number"
      ? String(actual)
      : actual.normalize("NFC").replace(/ +/g, " ").trim().toLocaleLowerCase("vi");
  if (!key) return null;
  if (QUALITATIVE_MET.has(key)) return "Đạt";
  if (QUALITATIVE_NOT_MET.has(key)) return "Không đạt";
  return NOT_ASSESSABLE;
}

type TargetInput = TargetValue | string | number | boolean | null | undefined;

function target(t: TargetInput): TargetValue {
  return typeof t === "object" && t !== null ? t : parseTarget(t);
}

export function assess(targetCell: TargetInput, actual: ActualCell): AssessmentLabel | null {
  const t = target(targetCell);
  if (t.kind === "none") return null;
  if (t.kind === "qualitative") return qualitative(actual);
  const a = readActual(actual);
  if (a.kind === "blank") return null;
  if (a.kind === "other") return NOT_ASSESSABLE;
  const lo = t.lo!;
  const hi = t.hi!;
  if (t.lowerIsBetter) return a.value < lo ? "Vượt" : a.value <= hi ? "Đạt" : "Không đạt";
  return a.value > hi ? "Vượt" : a.value >= lo ? "Đạt" : "Không đạt";
}

/**
 * Gap = actual − target, in the indicator's unit (positive ahead of a higher-is-better target). For a
 * range or "khoảng" the distance to the nearer bound of the band, 0 inside. Null when there is nothing
 * to compare (no numeric target, blank or non-numeric actual).
 */
export function gap(targetCell: TargetInput, actual: ActualCell): number | null {
  const t = target(targetCell);
  const a = readActual(actual);
  if (t.kind !== "numeric" || a.kind !== "number") return null;
  if (a.value < t.lo!) return a.value - t.lo!;
  if (a.value > t.hi!) return a.value - t.hi!;
  return 0;
}

/**
 * Tỷ lệ đạt: actual / target when higher is better (a range against its lower bound), target / actual
 * when lower is better, so that 100 % always means just met. Null where the division has no meaning
 * (a target of 0; an actual of 0 on a lower-is-better target, which is met).
 */
export function achievementRate(targetCell: TargetInput, actual: ActualCell): number | null {
  const t = target(targetCell);
  const a = readActual(actual);
  if (t.kind !== "numeric" || a.kind !== "number") return null;
  const rate = t.lowerIsBetter ? t.value! / a.value : a.value / t.value!;
  return Number.isFinite(rate) ? rate : null;
}

export interface Milestone {
  year: number;
  /** The target cell as printed, or a number. */
  target: string | number;
}

function hasTarget(m: Milestone): boolean {
  return parseTarget(m.target).kind !== "none";
}

/**
 * The target in force at a date: the first milestone (a year stands for its 31 December) on or after
 * the date that sets a target, skipping "-" and blanks; when no later milestone sets one, the last
 * earlier target.
 */
export function targetInForce(milestones: readonly Milestone[], dateIso: string): Milestone | null {
  const year = Number(dateIso.slice(0, 4));
  const withTarget = milestones.filter(hasTarget).sort((a, b) => a.year - b.year);
  return withTarget.find((m) => m.year >= year) ?? withTarget[withTarget.length - 1] ?? null;
}

export interface OnTrackOptions {
  /** The plan's year: without an earlier milestone or baseline the line starts at 0 on its 1 January. */
  planYear?: number | null;
  /** A "Cơ sở" / "Năm gốc" value and its year (the value stands for that year's 31 December). */
  baseline?: { year: number; value: number } | null;
}

export interface OnTrackResult {
  onTrack: boolean;
  /** The value the straight line expects at the date. */
  expected: number;
  /** The milestone the line runs to. */
  milestone: Milestone;
}

/**
 * On track: the actual meets the straight line from the previous milestone that has a numeric
 * target (or the baseline, or 0 on 1 January of the plan year) to the target in force, at the date.
 * Null when the target or the actual is not a number.
 */
export function onTrackDetail(
  milestones: readonly Milestone[],
  actual: ActualCell,
  dateIso: string,
  options: OnTrackOptions = {},
): OnTrackResult | null {
  const next = targetInForce(milestones, dateIso);
  const a = readActual(actual);
  const at = isoToSerial(dateIso);
  if (!next || a.kind !== "number" || at === null) return null;
  const t = parseTarget(next.target);
  if (t.kind !== "numeric") return null;
  const previous = milestones
    .filter((m) => m.year < next.year && parseTarget(m.target).kind === "numeric")
    .sort((x, y) => y.year - x.year)[0];
  const start = previous
    ? { serial: isoToSerial(`${previous.year}-12-31`)!, value: parseTarget(previous.target).value! }
    : options.baseline
      ? { serial: isoToSerial(`${options.baseline.year}-12-31`)!, value: options.baseline.value }
      : options.planYear
        ? { serial: isoToSerial(`${options.planYear}-01-01`)!, value: 0 }
        : null;
  const to = isoToSerial(`${next.year}-12-31`)!;
  let expected = t.value!;
  if (start && to > start.serial) {
    const share = Math.min(1, Math.max(0, (at - start.serial) / (to - start.serial)));
    expected = start.value + (t.value! - start.value) * share;
  }
  const onTrack = t.lowerIsBetter ? a.value <= expected : a.value >= expected;
  return { onTrack, expected, milestone: next };
}

export function onTrack(
  milestones: readonly Milestone[],
  actual: ActualCell,
  dateIso: string,
  options: OnTrackOptions = {},
): boolean | null {
  return onTrackDetail(milestones, actual, dateIso, options)?.onTrack ?? null;
}
