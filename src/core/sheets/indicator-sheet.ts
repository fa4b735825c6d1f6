/**
 * The "Chỉ tiêu" sheet: indicators (from indicator tables) and stated targets, one row each, with a
 * target cell per milestone year as printed, the clerk's actual and its date, and native formulas for
 * the target in force, gap, rate, assessment, on track and the basis of the assessment.
 *
 * What the core reads from a target cell once (kind, band [lo, hi], value, lower-is-better) is
 * written into hidden plain cells per milestone; the formulas pick the milestone in force and
 * compare. A copy of the target texts as read flags a row whose targets a clerk edited since.
 * `evaluateIndicatorRow` is the same computation in the core, for the cached values.
 */
import { isIsoDate } from "../excel-dates";
import {
  NOT_ASSESSABLE,
  QUALITATIVE_MET_FORMS,
  QUALITATIVE_NOT_MET_FORMS,
  achievementRate,
  assess,
  gap,
  onTrackDetail,
  targetInForce,
  type Milestone,
} from "../indicators/assess";
import { parseTarget } from "../indicators/target-value";
import type { PlanJson } from "../model/plan";
import { viDate } from "../status/task-status";
import { ddmmyyyy, ifChain, str } from "./formula-text";
import { columnLetter, type ColumnSpec, type ScalarCell, type SheetCell, type SheetSpec } from "./sheet-spec";
import { fitRowHeights } from "./row-heights";
import type { TrackingSettings } from "./task-sheet";
import { SHEET, settingRef } from "./workbook-layout";

export const CHECK_TARGET_LABEL = "Kiểm tra lại chỉ tiêu";
export const CHECK_TARGET_REASON =
  "Chỉ tiêu đã sửa sau khi lập sổ: hãy cập nhật lại sổ bằng phần bổ trợ để đọc lại chỉ tiêu.";
export const NO_MILESTONE_REASON = "Không có mốc nào đặt chỉ tiêu.";

/** Hidden kind cells: never blank, since a formula reading a blank cell gets 0. */
const KIND_CODE = { none: "-", qualitative: "X", numeric: "N" } as const;
const MILESTONES = [2025, 2030, 2035, 2040, 2045];

/** Column keys of the per-milestone hidden cells. */
const PARTS = ["k", "lo", "hi", "v", "lib"] as const;

export function indicatorColumns(years: readonly number[]): ColumnSpec[] {
  const hidden = (key: string, header: string): ColumnSpec => ({
    key,
    header,
    kind: "text",
    width: 8,
    hidden: true,
  });
  return [
    { key: "id", header: "Mã chỉ tiêu", kind: "text", width: 10 },
    { key: "name", header: "Tên chỉ tiêu", kind: "text", width: 40, wrap: true },
    { key: "unit", header: "Đơn vị tính", kind: "text", width: 10, wrap: true },
    ...years.map((y) => ({ key: `y${y}`, header: String(y), kind: "text" as const, width: 9, wrap: true })),
    { key: "actual", header: "Thực hiện", kind: "number", width: 10 },
    { key: "asOf", header: "Số liệu đến ngày", kind: "date", width: 11 },
    {
      key: "inForce",
      header: "Chỉ tiêu hiện hành",
      kind: "formula",
      width: 11,
      filledDown: true,
      wrap: true,
    },
    { key: "gap", header: "Chênh lệch", kind: "number", width: 10, filledDown: true },
    { key: "rate", header: "Tỷ lệ đạt", kind: "percent", width: 9, filledDown: true },
    { key: "assessment", header: "Đánh giá", kind: "formula", width: 12, filledDown: true, wrap: true },
    { key: "onTrack", header: "Đúng tiến độ", kind: "formula", width: 9, filledDown: true },
    { key: "basis", header: "Căn cứ đánh giá", kind: "formula", width: 30, filledDown: true, wrap: true },
    { key: "responsible", header: "Cơ quan theo dõi", kind: "text", width: 20, wrap: true },
    hidden("srcTargets", "Chỉ tiêu (khi đọc)"),
    { ...hidden("mi", "Mốc hiện hành"), filledDown: true },
    { ...hidden("pi", "Mốc trước"), filledDown: true },
    ...["fk", "flo", "fhi", "fv", "flib"].map((k) => ({
      ...hidden(k, `${k} (hiện hành)`),
      filledDown: true,
    })),
    ...PARTS.flatMap((p) => years.map((y) => hidden(`${p}${y}`, `${p} ${y}`))),
  ];
}

/** The print area: id … basis. */
export function indicatorPrintColumns(columns: readonly ColumnSpec[]): number {
  return columns.findIndex((c) => c.key === "basis") + 1;
}

export type IndicatorRowValues = Record<string, ScalarCell | undefined>;

export interface IndicatorRowResult {
  inForce: ScalarCell;
  gap: number | "";
  rate: number | "";
  assessment: string;
  onTrack: "Có" | "Chậm" | "";
  basis: string;
}

function targetsKey(row: IndicatorRowValues, years: readonly number[]): string {
  return years
    .map((y) => (row[`y${y}`] === null || row[`y${y}`] === undefined ? "" : String(row[`y${y}`])))
    .join("|");
}

/** An actual against an "X" target, as the sheet reads it (Excel compares text without case). */
function qualitativeInSheet(a: ScalarCell): string {
  if (typeof a === "boolean") return a ? "Đạt" : "Không đạt";
  if (typeof a === "number") return a === 1 ? "Đạt" : a === 0 ? "Không đạt" : NOT_ASSESSABLE;
  return assess("X", a) ?? "";
}

/** What the row's formulas compute, from its plain cells and the settings. */
export function evaluateIndicatorRow(
  row: IndicatorRowValues,
  years: readonly number[],
  s: TrackingSettings,
): IndicatorRowResult {
  const empty: IndicatorRowResult = {
    inForce: "",
    gap: "",
    rate: "",
    assessment: "",
    onTrack: "",
    basis: "",
  };
  if (targetsKey(row, years).toLocaleLowerCase("vi") !== String(row.srcTargets ?? "").toLocaleLowerCase("vi"))
    return { ...empty, assessment: CHECK_TARGET_LABEL, basis: CHECK_TARGET_REASON };
  const date = isIsoDate(row.asOf) ? row.asOf : s.reportDate;
  // Milestones as the hidden cells describe them (kind read when the sheet was made).
  const milestones: Milestone[] = years.map((y) => {
    const cell = row[`y${y}`];
    return { year: y, target: typeof cell === "number" ? cell : String(cell ?? "") };
  });
  const next = targetInForce(milestones, date);
  if (!next) return { ...empty, basis: NO_MILESTONE_REASON };
  const basis = `Mốc ${next.year}: ${String(next.target)}; số liệu đến ${viDate(date)}.`;
  const t = parseTarget(next.target);
  const a = row.actual ?? null;
  const blank = a === null || (typeof a === "string" && a.replace(/ +/g, " ").trim() === "");
  const base = { ...empty, inForce: next.target, basis };
  if (blank) return base;
  if (t.kind === "qualitative") return { ...base, assessment: qualitativeInSheet(a) };
  if (typeof a !== "number") return { ...base, assessment: NOT_ASSESSABLE };
  const track = onTrackDetail(milestones, a, date, { planYear: s.planYear });
  return {
    ...base,
    gap: gap(t, a) ?? "",
    rate: achievementRate(t, a) ?? "",
    assessment: assess(t, a) ?? "",
    onTrack: track ? (track.onTrack ? "Có" : "Chậm") : "",
  };
}

/** The formulas of sheet row n. */
export function indicatorFormulas(columns: readonly ColumnSpec[], years: readonly number[], n: number) {
  const c = (key: string) => `$${columnLetter(columns.findIndex((x) => x.key === key))}${n}`;
  const block = (prefix: string) =>
    `${c(`${prefix}${years[0]}`)}:${c(`${prefix}${years[years.length - 1]}`)}`;
  const K = years.length;
  // The milestone's cell of a row block: INDEX over the block, or the one cell itself when the
  // plan has one milestone year (Gnumeric answers #REF! for INDEX over a one-cell range).
  const pick = (prefix: string, index: string) =>
    K === 1 ? c(`${prefix}${years[0]}`) : `INDEX(${block(prefix)},1,${index})`;
  const RD = settingRef("reportDate");
  const A = c("actual");
  const E = `IF(OR(${c("asOf")}="",ISTEXT(${c("asOf")})),${RD},${c("asOf")})`;
  // Joined as text (a number typed in a target cell compares as its text), as targetsKey does.
  const stale = `${years.map((y) => c(`y${y}`)).join('&"|"&')}&""<>${c("srcTargets")}`;
  const yearOf = (index: string) => `CHOOSE(${index},${years.join(",")})`;
  // The first milestone from the data's year on that sets a target; else the last earlier one.
  const mi = ifChain(
    [
      ...years.map((y, i) => [`AND(YEAR(${E})<=${y},${c(`k${y}`)}<>"-")`, String(i + 1)] as const),
      ...[...years].reverse().map((y, i) => [`${c(`k${y}`)}<>"-"`, String(K - i)] as const),
    ],
    "0",
  );
  // The previous milestone with a numeric target.
  const pi = ifChain(
    [...years]
      .reverse()
      .map((y, i) => [`AND(${c("mi")}>${K - i},${c(`k${y}`)}="N")`, String(K - i)] as const),
    "0",
  );
  const inForcePart = (p: string) => `IF(${c("mi")}=0,"",${pick(p, c("mi"))})`;
  const fk = c("fk");
  const [lo, hi, v, lib] = [c("flo"), c("fhi"), c("fv"), c("flib")];
  const numericOk = `AND(${fk}="N",ISNUMBER(${A}))`;
  const start = `IF(${c("pi")}=0,DATE(${settingRef("planYear")},1,1),DATE(${yearOf(c("pi"))},12,31))`;
  const startValue = `IF(${c("pi")}=0,0,${pick("v", c("pi"))})`;
  const end = `DATE(${yearOf(c("mi"))},12,31)`;
  const expected = `IF(${end}>${start},${startValue}+(${v}-${startValue})*MIN(1,MAX(0,(${E}-${start})/(${end}-${start}))),${v})`;
  const t = `TRIM(${A})`;
  const qualitative = `IF(ISLOGICAL(${A}),IF(${A},"Đạt","Không đạt"),IF(ISNUMBER(${A}),IF(${A}=1,"Đạt",IF(${A}=0,"Không đạt",${str(NOT_ASSESSABLE)})),IF(OR(${QUALITATIVE_MET_FORMS.map((q) => `${t}=${str(q)}`).join(",")}),"Đạt",IF(OR(${QUALITATIVE_NOT_MET_FORMS.map((q) => `${t}=${str(q)}`).join(",")}),"Không đạt",${str(NOT_ASSESSABLE)}))))`;
  const verdict = `IF(${lib}=1,IF(${A}<${lo},"Vượt",IF(${A}<=${hi},"Đạt","Không đạt")),IF(${A}>${hi},"Vượt",IF(${A}>=${lo},"Đạt","Không đạt")))`;
  return {
    mi: `=${mi}`,
    pi: `=${pi}`,
    fk: `=${inForcePart("k")}`,
    flo: `=${inForcePart("lo")}`,
    fhi: `=${inForcePart("hi")}`,
    fv: `=${inForcePart("v")}`,
    flib: `=${inForcePart("lib")}`,
    inForce: `=IF(OR(${stale},${c("mi")}=0),"",${pick("y", c("mi"))})`,
    gap: `=IF(OR(${stale},NOT(${numericOk})),"",IF(${A}<${lo},${A}-${lo},IF(${A}>${hi},${A}-${hi},0)))`,
    rate: `=IF(OR(${stale},NOT(${numericOk})),"",IF(${lib}=1,IF(${A}=0,"",${v}/${A}),IF(${v}=0,"",${A}/${v})))`,
    assessment: `=${ifChain(
      [
        [stale, str(CHECK_TARGET_LABEL)],
        [`OR(${fk}="",${t}="")`, '""'],
        [`${fk}="X"`, qualitative],
        [`NOT(ISNUMBER(${A}))`, str(NOT_ASSESSABLE)],
      ],
      verdict,
    )}`,
    onTrack: `=IF(OR(${stale},NOT(${numericOk})),"",IF(IF(${lib}=1,${A}<=${expected},${A}>=${expected}),"Có","Chậm"))`,
    basis: `=${ifChain(
      [
        [stale, str(CHECK_TARGET_REASON)],
        [`${c("mi")}=0`, str(NO_MILESTONE_REASON)],
      ],
      `"Mốc "&${yearOf(c("mi"))}&": "&${pick("y", c("mi"))}&"; số liệu đến "&${ddmmyyyy(E)}&"."`,
    )}`,
  };
}

/** The plain cells of one indicator row: targets as printed, and what the core reads from them. */
export function indicatorPlainRow(
  columns: readonly ColumnSpec[],
  years: readonly number[],
  base: Record<string, ScalarCell>,
  targets: Record<string, string>,
): SheetCell[] {
  const values: Record<string, ScalarCell> = { ...base };
  for (const y of years) {
    const text = targets[String(y)] ?? "";
    const t = parseTarget(text);
    values[`y${y}`] = text;
    values[`k${y}`] = KIND_CODE[t.kind];
    values[`lo${y}`] = t.lo;
    values[`hi${y}`] = t.hi;
    values[`v${y}`] = t.value;
    values[`lib${y}`] = t.kind === "numeric" ? (t.lowerIsBetter ? 1 : 0) : null;
  }
  values.srcTargets = years.map((y) => targets[String(y)] ?? "").join("|");
  return columns.map((c) => values[c.key] ?? null);
}

/** Formulas with their cached values into rows of plain values (extra columns left as they are). */
export function withIndicatorFormulas(
  columns: readonly ColumnSpec[],
  years: readonly number[],
  rows: readonly SheetCell[][],
  s: TrackingSettings,
): SheetCell[][] {
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  return rows.map((row, i) => {
    const values: IndicatorRowValues = {};
    columns.forEach((col, c) => {
      const v = row[c];
      values[col.key] = typeof v === "object" && v !== null ? v.cached : (v ?? null);
    });
    const r = evaluateIndicatorRow(values, years, s);
    const date = isIsoDate(values.asOf) ? values.asOf : s.reportDate;
    const kinds = years.map((y) => String(values[`k${y}`] ?? "-"));
    const mi = milestoneIndex(kinds, years, date);
    const pi = previousNumeric(kinds, mi);
    // INDEX of a blank cell gives 0 in a formula.
    const part = (p: string) => (mi === 0 ? "" : (values[`${p}${years[mi - 1]}`] ?? 0));
    const f = indicatorFormulas(columns, years, i + 2);
    const next2 = [...row];
    const put = (key: keyof typeof f, cached: ScalarCell) => (next2[at(key)] = { formula: f[key], cached });
    put("mi", mi);
    put("pi", pi);
    put("fk", part("k"));
    put("flo", part("lo"));
    put("fhi", part("hi"));
    put("fv", part("v"));
    put("flib", part("lib"));
    put("inForce", r.inForce);
    put("gap", r.gap);
    put("rate", r.rate);
    put("assessment", r.assessment);
    put("onTrack", r.onTrack);
    put("basis", r.basis);
    return next2;
  });
}

/** The 1-based milestone in force the "mi" formula picks from the hidden kinds; 0 for none. */
function milestoneIndex(kinds: readonly string[], years: readonly number[], date: string): number {
  const year = Number(date.slice(0, 4));
  const i = years.findIndex((y, j) => year <= y && kinds[j] !== "-");
  if (i >= 0) return i + 1;
  for (let j = kinds.length - 1; j >= 0; j--) if (kinds[j] !== "-") return j + 1;
  return 0;
}

function previousNumeric(kinds: readonly string[], mi: number): number {
  for (let j = kinds.length; j >= 1; j--) if (mi > j && kinds[j - 1] === "N") return j;
  return 0;
}

/** The milestone years of a plan: those of its indicator tables and of its stated targets. */
export function milestoneYears(plan: PlanJson): number[] {
  const years = new Set<number>();
  for (const t of plan.targets) if (t.year && MILESTONES.includes(t.year)) years.add(t.year);
  for (const t of plan.tables)
    if (t.kind === "indicators")
      for (const r of t.rows) for (const y of Object.keys(r.targets)) years.add(Number(y));
  for (const t of plan.targets) if (t.year) years.add(t.year);
  // Formulas need at least one milestone column.
  if (!years.size) years.add(plan.planYear);
  return [...years].sort((a, b) => a - b);
}

/** A stated target as a target cell ("≥ 45", "≤ 4", "80–90", "100"). */
function targetCell(t: PlanJson["targets"][number]): string {
  if (t.comparator === ">=") return `≥ ${t.value}`;
  if (t.comparator === "<=") return `≤ ${t.value}`;
  if (t.comparator === "range") return `${t.value}–${t.max}`;
  return String(t.value ?? "X");
}

export function indicatorSheet(plan: PlanJson, s: TrackingSettings): SheetSpec {
  const years = milestoneYears(plan);
  const columns = indicatorColumns(years);
  const rows: SheetCell[][] = [];
  plan.tables.forEach((table, t) => {
    if (table.kind !== "indicators") return;
    for (const r of table.rows)
      rows.push(
        indicatorPlainRow(
          columns,
          years,
          { id: `CT${t + 1}.${r.no}`, name: r.name, unit: r.unit, responsible: r.responsible },
          r.targets,
        ),
      );
  });
  plan.targets.forEach((target, i) => {
    rows.push(
      indicatorPlainRow(
        columns,
        years,
        {
          id: `MT.${target.no.replace(/[()]/g, "") || i + 1}`,
          name: target.text,
          unit: target.unit ?? "",
          responsible: target.responsible ?? "",
        },
        target.year ? { [String(target.year)]: targetCell(target) } : {},
      ),
    );
  });
  return indicatorSpec(columns, years, rows, s);
}

/** The sheet of given plain rows: formulas, validations and colours. */
export function indicatorSpec(
  columns: ColumnSpec[],
  years: readonly number[],
  rows: readonly SheetCell[][],
  s: TrackingSettings,
): SheetSpec {
  const spec: SheetSpec = {
    name: SHEET.indicators,
    tableName: "ChiTieu",
    columns,
    rows: withIndicatorFormulas(columns, years, rows, s),
    freezeHeader: true,
    print: { orientation: "landscape", repeatHeader: true, columns: indicatorPrintColumns(columns) },
    validations: [
      { column: "asOf", rule: { kind: "date" }, message: "Nhập ngày của số liệu dạng ngày (dd/mm/yyyy)." },
    ],
    highlights: [
      { column: "assessment", equals: "Không đạt", fill: "#FFC7CE" },
      { column: "assessment", equals: CHECK_TARGET_LABEL, fill: "#FFEB9C" },
      { column: "assessment", equals: NOT_ASSESSABLE, fill: "#FFEB9C" },
      { column: "assessment", equals: "Vượt", fill: "#C6EFCE" },
      { column: "assessment", equals: "Đạt", fill: "#C6EFCE" },
      { column: "onTrack", equals: "Chậm", fill: "#FFEB9C" },
    ],
  };
  return { ...spec, rowHeights: fitRowHeights(spec) };
}

/** Years of an existing indicator sheet, read from its columns (keys y2025 …). */
export function yearsOfColumns(columns: readonly ColumnSpec[]): number[] {
  return columns.flatMap((c) => (/^y\d{4}$/.test(c.key) ? [Number(c.key.slice(1))] : []));
}
