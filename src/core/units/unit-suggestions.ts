/**
 * Lead and partner names a clerk may want as one unit, offered in the import preview (never merged
 * without the clerk): generic names that stand for "the units concerned" rather than one office
 * ("Phòng, ban ngành", "Các cơ quan, đơn vị"), and names of one office written with and without its
 * administrative level ("… truyền thông" / "… truyền thông xã"). Each would otherwise become a unit
 * book and a line of the report of its own.
 */
import type { PlanJson } from "../model/plan";
import { unitKey } from "./unit-key";

export interface UnitMergeSuggestion {
  kind: "generic" | "near-duplicate";
  /** The names as the plan writes them, most used first. */
  names: string[];
  /** The name offered for all of them: the one the plan uses most. */
  into: string;
  /** Task rows that name any of them (as lead or partner). */
  rows: number;
}

/**
 * Words of names that say what kind of body or which level, not which one: a name made of these
 * alone names no particular office.
 */
const KIND_WORDS = new Set(
  (
    "các những cơ quan đơn vị phòng ban ngành chuyên môn liên có địa phương và thuộc trực tổ chức " +
    "đoàn thể chính trị xã hội uỷ ủy ubnd nhân dân huyện tỉnh phường thị trấn thành phố cấp sở khác " +
    "hội chức năng doanh nghiệp trường học thôn bản khu dân cư"
  ).split(" "),
);

/** Signs that a name stands for several bodies: a plural, a list, "concerned", "units". */
const SEVERAL = /^(?:các|những)\s|,|liên quan|đơn vị|ban ngành|cơ quan/u;

/** True when the name stands for "the units concerned", naming no particular office. */
export function isGenericUnitName(name: string): boolean {
  const words = unitKey(name)
    .replace(/[,;.()\-–]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => KIND_WORDS.has(w)) && SEVERAL.test(unitKey(name));
}

/** An administrative level written after a name ("… xã", "… cấp huyện"): the same office without it. */
const TRAILING_LEVEL = /\s+(?:cấp\s+)?(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)$/u;

function namesWithRows(plan: PlanJson): Map<string, number> {
  const rows = new Map<string, number>();
  for (const t of plan.tables)
    if (t.kind === "tasks")
      for (const r of t.rows)
        for (const name of new Set([...r.lead, ...r.partners])) rows.set(name, (rows.get(name) ?? 0) + 1);
  return rows;
}

function suggestion(
  kind: UnitMergeSuggestion["kind"],
  names: string[],
  rows: Map<string, number>,
): UnitMergeSuggestion {
  const sorted = [...names].sort((a, b) => rows.get(b)! - rows.get(a)! || a.localeCompare(b, "vi"));
  return { kind, names: sorted, into: sorted[0]!, rows: sorted.reduce((n, x) => n + rows.get(x)!, 0) };
}

/** The merges to offer for the plan's unit names (none when every name is one office's). */
export function unitMergeSuggestions(plan: PlanJson): UnitMergeSuggestion[] {
  const rows = namesWithRows(plan);
  // Spellings of one key are one unit already (unitKey): one name per key, the most used.
  const byKey = new Map<string, string>();
  for (const [name] of [...rows].sort((a, b) => b[1] - a[1]))
    if (!byKey.has(unitKey(name))) byKey.set(unitKey(name), name);
  const names = [...byKey.values()];
  const out: UnitMergeSuggestion[] = [];
  const generic = names.filter(isGenericUnitName);
  if (generic.length > 1) out.push(suggestion("generic", generic, rows));
  const byBase = new Map<string, string[]>();
  for (const name of names) {
    if (isGenericUnitName(name)) continue;
    const base = unitKey(name).replace(TRAILING_LEVEL, "");
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  for (const group of byBase.values())
    if (group.length > 1) out.push(suggestion("near-duplicate", group, rows));
  return out;
}

/**
 * The plan with every name of `names` (any spelling of them) written `into`, in leads and partners,
 * each row naming the unit once.
 */
export function mergeUnitNames(plan: PlanJson, names: readonly string[], into: string): PlanJson {
  const keys = new Set(names.map(unitKey));
  const rename = (list: string[]) => [...new Set(list.map((n) => (keys.has(unitKey(n)) ? into : n)))];
  return {
    ...plan,
    tables: plan.tables.map((t) =>
      t.kind === "tasks"
        ? { ...t, rows: t.rows.map((r) => ({ ...r, lead: rename(r.lead), partners: rename(r.partners) })) }
        : t,
    ),
  };
}
