/**
 * Whether a column's formulas are one formula filled down (each row's the first row's with its
 * relative row numbers moved), so that a writer can send it once and let Excel fill the column
 * (Range.copyFrom) instead of sending thousands of copies: the tracking sheets' formulas run to
 * several kilobytes each, which over 5,000 rows would pass Excel on the web's 5 MB request limit.
 */

/** A1 references outside string literals: optional $, column letters, optional $, row number. */
const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

/** The formula with every relative row number written as an offset from `row` (1-based). */
export function rowTemplate(formula: string, row: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (_m, d1: string, col: string, d2: string, r: string) =>
            d2 ? `${d1}${col}$${r}` : `${d1}${col}[${Number(r) - row}]`,
          ),
    )
    .join('"');
}

/** True when formulas[i] (sheet row firstRow + i) are all the first one filled down. */
export function isFilledDown(formulas: readonly (string | null)[], firstRow: number): boolean {
  if (formulas.length < 2 || formulas.some((f) => f === null)) return false;
  const template = rowTemplate(formulas[0]!, firstRow);
  return formulas.every((f, i) => rowTemplate(f!, firstRow + i) === template);
}
