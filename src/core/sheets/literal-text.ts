/**
 * Excel turns typed or written text that starts with "=", "+", "-" or "@" into a formula.
 * Text from a plan ("- Phòng Văn hóa", "=100%") must stay text: writers guard such strings.
 */
// A tab, carriage return or spaces before the sign too (what CSV-injection guidance warns about):
// some programs strip leading whitespace before reading a cell.
const FORMULA_TRIGGER = /^[\t\r\n ]*[=+\-@]/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/**
 * The form to write through Range.values: a leading apostrophe makes Excel keep the text as typed
 * (the apostrophe is a prefix marker, not part of the cell's value).
 */
export function asLiteralForValues(text: string): string {
  return startsLikeFormula(text) || text.startsWith("'") ? `'${text}` : text;
}
