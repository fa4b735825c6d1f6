/**
 * The writers send a column marked filledDown once and let Excel fill it (shared formulas,
 * Range.copyFrom): every such column of the tracking sheets must really be its first row's formula
 * with the relative row numbers moved.
 */
import { trackingSheets } from "../../../src/core/sheets/tracking-sheets";
import { isFormulaCell } from "../../../src/core/sheets/sheet-spec";
import { FIXTURE_PLAN } from "../../fixtures/report-fixture";

/** The formula with each relative row number written as an offset from `row` (string literals kept). */
function rowTemplate(formula: string, row: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
            (_m, d1: string, col: string, d2: string, r: string) =>
              d2 ? `${d1}${col}$${r}` : `${d1}${col}[${Number(r) - row}]`,
          ),
    )
    .join('"');
}

describe("columns marked filledDown", () => {
  it.each(trackingSheets(FIXTURE_PLAN, { reportDate: "2025-10-14" }).map((s) => [s.name, s] as const))(
    "%s: each row's formula is the first row's filled down",
    (_name, spec) => {
      const marked = spec.columns.flatMap((c, i) => (c.filledDown ? [i] : []));
      for (const c of marked) {
        const formulas = spec.rows.map((r) => r[c] ?? null);
        expect(formulas.every(isFormulaCell)).toBe(true);
        const first = rowTemplate((formulas[0] as { formula: string }).formula, 2);
        formulas.forEach((f, i) =>
          expect(rowTemplate((f as { formula: string }).formula, i + 2)).toBe(first),
        );
      }
      if (spec.name !== "Thiết lập") expect(marked.length).toBeGreaterThan(2);
    },
  );
});
