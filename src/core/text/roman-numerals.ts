/** Roman numerals as plans number appendices, sections and groups: I to X. */
const ROMAN_VALUES: Readonly<Record<string, number>> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};

/** The value of a Roman numeral from I to X (upper case), or undefined. */
export function romanValue(numeral: string): number | undefined {
  return ROMAN_VALUES[numeral];
}
