/** Applies a clerk's fix of one previewed cell to the parsed plan (a new plan; the old one is kept). */
import { parseDeadline } from "../../core/deadlines/parse-deadline";
import type { ParsedPlan } from "../../core/model/plan";
import type { CellEdit } from "./ImportPreview";

const LIST_FIELDS = new Set(["lead", "partners"]);

export function applyEdit(parsed: ParsedPlan, edit: CellEdit): ParsedPlan {
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
      const next = { ...row, [edit.field]: value };
      if (table.kind === "tasks" && edit.field === "deadlineText")
        Object.assign(next, parseDeadline(String(value), parsed.plan.planYear));
      return next;
    });
    return { ...table, rows } as typeof table;
  });
  return { ...parsed, plan: { ...parsed.plan, tables } };
}
