/**
 * Column mapping by header vocabulary (SCHEMA.md "Column mapping"). Works on folded text
 * (lower case, no diacritics), so "Thời hạn hoàn thành", "THỜI HẠN" and a decomposed "Thời hạn" agree.
 */
import { foldForMatch } from "../text/normalize";

export type TaskField = "no" | "task" | "lead" | "partners" | "output" | "deadline" | "note";
export type IndicatorField = "no" | "name" | "unit" | "year" | "target" | "responsible" | "ignore";

const TASK_RULES: [TaskField, RegExp][] = [
  ["no", /^(s\s*)?tt\.?$|^so\s+tt$|^stt$/],
  ["partners", /phoi\s*hop/],
  // Before "lead": "Thời gian thực hiện" is a deadline column, "Đơn vị thực hiện" a lead one.
  ["deadline", /^thoi\s+(gian|han)|^tien\s+do|^han\s+hoan\s+thanh|^moc\s+thoi\s+gian/],
  ["lead", /chu\s*tri|thuc\s*hien$|phu\s*trach|don\s+vi\s+thuc\s+hien|^co\s+quan$|^don\s+vi$/],
  ["output", /ket\s+qua|san\s+pham|viec\s+phai\s+lam/],
  ["task", /noi\s+dung|nhiem\s+vu|ten\s+(cong\s+)?viec|^cong\s+viec/],
];

/** The TT/STT column, also when "STT" wrapped in a narrow column ("ST" / "T"); f is folded. */
function isNoHeader(f: string): boolean {
  return /^s?tt\.?$/.test(f.replace(/\s/g, ""));
}

export function mapTaskHeader(header: string): TaskField {
  const f = foldForMatch(header)
    .replace(/[(),:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!f) return "note";
  if (isNoHeader(f)) return "no";
  for (const [field, re] of TASK_RULES) if (re.test(f)) return field;
  return "note";
}

/**
 * Milestone year of an indicator header cell ("Đến hết năm 2025", "Năm 2030", "2035"), or null; of a
 * period ("Giai đoạn 2026 - 2030"), its last year.
 */
export function headerYear(header: string): number | null {
  const years = [...foldForMatch(header).matchAll(/\b(20\d{2})\b/g)];
  return years.length ? Number(years[years.length - 1]![1]) : null;
}

export function mapIndicatorHeader(header: string): IndicatorField {
  const f = foldForMatch(header);
  if (isNoHeader(f)) return "no";
  if (headerYear(header) !== null) return "year";
  if (/chi\s+tieu|noi\s+dung/.test(f)) return "name";
  if (/^don\s+vi(\s+tinh)?$|^dvt$/.test(f)) return "unit";
  if (/chu\s*tri|theo\s+doi|phu\s*trach|trach\s+nhiem/.test(f)) return "responsible";
  if (/^(ket\s+qua|muc\s+tieu|gia\s+tri|ke\s+hoach|chi\s+tieu\s+dat)(\s+(can\s+)?dat)?$/.test(f))
    return "target";
  return "ignore";
}

/**
 * The fields of an indicator table's header: the first "Chỉ tiêu"/"Nội dung" column names the
 * indicator, a later "Chỉ tiêu"/"Mục tiêu" column holds its target ("TT | Nội dung | Chỉ tiêu").
 */
export function indicatorFields(cells: readonly string[]): IndicatorField[] {
  let named = false;
  return cells.map((c) => {
    const field = mapIndicatorHeader(c);
    if (field !== "name") return field;
    if (!named) {
      named = true;
      return "name";
    }
    return /chi\s+tieu|muc\s+tieu/.test(foldForMatch(c)) ? "target" : "ignore";
  });
}

/** A header row of a task table: a task column plus at least two other known columns. */
export function looksLikeTaskHeader(cells: readonly string[]): boolean {
  // Header cells are short: a row with a long cell is not asked further.
  if (!cells.every((c) => c.length <= 60)) return false;
  const fields = cells.map(mapTaskHeader);
  const known = new Set(fields.filter((f) => f !== "note"));
  return known.has("task") && known.size >= 3;
}

export function looksLikeIndicatorHeader(cells: readonly string[]): boolean {
  const fields = indicatorFields(cells);
  const years = fields.filter((f) => f === "year").length;
  if (!fields.includes("name")) return false;
  // Milestone columns ("2025", "Năm 2030", "Đến năm 2045"), or a single one beside a unit column.
  if (years >= 2 || (years === 1 && fields.includes("unit"))) return true;
  // A target column ("Kết quả", "Mục tiêu"), or none at all: a TT column and a column that names
  // indicators ("Chỉ tiêu", not a task table's "Nội dung") are an indicator table, whatever it lacks.
  const namesIndicators = cells.some((c, i) => fields[i] === "name" && /chi\s+tieu/.test(foldForMatch(c)));
  return fields.includes("no") && namesIndicators && !looksLikeTaskHeader(cells);
}
