/**
 * Pieces of native Excel formulas (Excel 2010 function set; LibreOffice reads them the same way).
 * No LET, LAMBDA, IFS, XLOOKUP, TEXTJOIN or dynamic arrays: the workbook must work in every Excel an
 * office runs, and without the add-in.
 */

/** A string literal in a formula. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A date as dd/mm/yyyy text, built from DAY/MONTH/YEAR so that it reads the same whatever the
 * language of Excel (TEXT's format codes are localised).
 */
export function ddmmyyyy(ref: string): string {
  return `RIGHT("0"&DAY(${ref}),2)&"/"&RIGHT("0"&MONTH(${ref}),2)&"/"&YEAR(${ref})`;
}

/** Nested IF from a list of [condition, value] pairs and a final value. */
export function ifChain(cases: readonly (readonly [string, string])[], otherwise: string): string {
  return cases.reduceRight((acc, [cond, value]) => `IF(${cond},${value},${acc})`, otherwise);
}

/** OR of "cell equals one of these texts" (Excel compares text without case). */
export function equalsAny(ref: string, texts: readonly string[]): string {
  return texts.length === 1
    ? `${ref}=${str(texts[0]!)}`
    : `OR(${texts.map((t) => `${ref}=${str(t)}`).join(",")})`;
}
