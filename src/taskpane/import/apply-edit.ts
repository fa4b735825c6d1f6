/** Applies a clerk's fix of one previewed cell to the parsed plan (a new plan; the old one is kept). */
import { parseDeadline } from "../../core/deadlines/parse-deadline";
import { parseViNumber } from "../../core/indicators/target-value";
import type { ParsedPlan } from "../../core/model/plan";
import type { CellEdit } from "./ImportPreview";

const LIST_FIELDS = new Set(["lead", "partners"]);

/** A number as a clerk types it ("80", "7,5", "1.200", spaces anywhere); null when it is not one. */
const clerkNumber = (text: string) => (text.trim() ? parseViNumber(text.replace(/\s/g, "")) : null);

/** Comparators as typed: the symbols the preview shows, or the plan's own codes. */
const COMPARATORS: Record<string, ">=" | "=" | "<=" | "range"> = {
  "≥": ">=",
  ">=": ">=",
  "=": "=",
  "≤": "<=",
  "<=": "<=",
  "–": "range",
  "-": "range",
  range: "range",
};

/** A fix of a stated target: its year, value ("80" or a range "2–4"), comparator, unit, text. */
function applyTargetEdit(parsed: ParsedPlan, edit: CellEdit): ParsedPlan {
  const targets = parsed.plan.targets.map((t, r) => {
    if (r !== edit.row) return t;
    const v = edit.value.trim();
    switch (edit.field) {
      case "year": {
        const year = /^\d{4}$/.test(v) ? Number(v) : null;
        return v === "" || year !== null ? { ...t, year } : t;
      }
      case "value": {
        const range = /^(.+?)\s*[-–]\s*(.+)$/.exec(v);
        const [lo, hi] = range ? [clerkNumber(range[1]!), clerkNumber(range[2]!)] : [clerkNumber(v), null];
        if (v !== "" && lo === null) return t;
        if (range && hi !== null) return { ...t, value: lo, max: hi, comparator: "range" as const };
        return {
          ...t,
          value: lo,
          max: null,
          comparator:
            t.comparator === "range" || t.comparator === null
              ? lo === null
                ? null
                : ("=" as const)
              : t.comparator,
        };
      }
      case "comparator":
        return COMPARATORS[v] ? { ...t, comparator: COMPARATORS[v] } : t;
      case "unit":
        return { ...t, unit: v || null };
      case "text":
        return v ? { ...t, text: v } : t;
      case "responsible":
        return v ? { ...t, responsible: v } : { ...t, responsible: undefined };
      default:
        return t;
    }
  });
  return { ...parsed, plan: { ...parsed.plan, targets } };
}

export function applyEdit(parsed: ParsedPlan, edit: CellEdit): ParsedPlan {
  if (edit.table === "targets") return applyTargetEdit(parsed, edit);
  const tables = parsed.plan.tables.map((table, t) => {
    if (t !== edit.table) return table;
    const rows = table.rows.map((row, r) => {
      if (r !== edit.row) return row;
      const value = LIST_FIELDS.has(edit.field)
        ? edit.value
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : edit.value.trim();
      // An indicator's target for one year ("target:2030"): a cell of its targets.
      const year = /^target:(\d{4})$/.exec(edit.field)?.[1];
      if (year && table.kind === "indicators") {
        const targets = { ...(row as { targets: Record<string, string> }).targets };
        if (value) targets[year] = String(value);
        else delete targets[year];
        return { ...row, targets };
      }
      const next = { ...row, [edit.field]: value };
      if (table.kind === "tasks" && edit.field === "deadlineText")
        Object.assign(next, parseDeadline(String(value), parsed.plan.planYear));
      return next;
    });
    return { ...table, rows } as typeof table;
  });
  return { ...parsed, plan: { ...parsed.plan, tables } };
}
