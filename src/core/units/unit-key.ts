/**
 * A canonical key for a unit name, so one unit groups together across tables and plans whatever
 * the spelling: NFC, tone marks on the same letter (hóa/hoá, thủy/thuỷ), dashes and spaces, case,
 * and the common abbreviation UBND.
 */
import { normalizeInline } from "../text/normalize";
import { remembered } from "../remembered";

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

/** Keys already made are remembered: a merge asks for the same few unit names tens of thousands of times. */
export const unitKey = remembered(makeKey, 10_000);

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
