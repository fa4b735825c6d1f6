/**
 * A canonical key for a unit name, so one unit groups together across tables and plans whatever
 * the spelling: NFC, tone marks on the same letter (hóa/hoá, thủy/thuỷ), dashes and spaces, case,
 * and the common abbreviation UBND.
 */
import { normalizeInline } from "../text/normalize";

// Old-style tone placement on "oa", "oe", "uy" -> new style (the tone on the second vowel).
const TONE_PAIRS: [RegExp, string][] = [
  [/òa/g, "oà"],
  [/óa/g, "oá"],
  [/ỏa/g, "oả"],
  [/õa/g, "oã"],
  [/ọa/g, "oạ"],
  [/òe/g, "oè"],
  [/óe/g, "oé"],
  [/ỏe/g, "oẻ"],
  [/õe/g, "oẽ"],
  [/ọe/g, "oẹ"],
  [/ùy/g, "uỳ"],
  [/úy/g, "uý"],
  [/ủy/g, "uỷ"],
  [/ũy/g, "uỹ"],
  [/ụy/g, "uỵ"],
];

/** Keys already made: a merge asks for the same few unit names tens of thousands of times. */
const KEYS = new Map<string, string>();
const KEYS_LIMIT = 10_000;

export function unitKey(name: string): string {
  const known = KEYS.get(name);
  if (known !== undefined) return known;
  const key = makeKey(name);
  if (KEYS.size >= KEYS_LIMIT) KEYS.clear();
  KEYS.set(name, key);
  return key;
}

function makeKey(name: string): string {
  let s = normalizeInline(name).toLocaleLowerCase("vi");
  for (const [from, to] of TONE_PAIRS) s = s.replace(from, to);
  return s
    .replace(/[‐‑‒–—―-]/g, "-")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\bubnd\b/g, "uỷ ban nhân dân")
    .replace(/\bhđnd\b/g, "hội đồng nhân dân")
    .replace(/[.;,:]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
