/**
 * Splits a lead/partner cell into units (SCHEMA.md "Unit splitting rule"): only at line-start list
 * markers ("- ", "+ ", "•") and at a comma followed by a capitalised unit-type word. Parenthesised
 * parts stay with their unit; trailing ";" or "." is stripped.
 */
import { joinLines, normalizeInline } from "../text/normalize";

export const UNIT_TYPE_WORDS = [
  "Sở",
  "Phòng",
  "Văn phòng",
  "Công an",
  "Trung tâm",
  "Ủy ban",
  "Uỷ ban",
  "UBND",
  "Ban",
  "Hội",
  "Đoàn",
  "Mặt trận",
  "Ngân hàng",
  "Các",
  "Trạm",
  "Chi bộ",
  "Đảng ủy",
  "Đảng uỷ",
  "Bộ",
];

/** The unit-type words and the abbreviations plans use for them ("VP" Văn phòng, "MTTQ" Mặt trận). */
export const UNIT_HINTS = [...UNIT_TYPE_WORDS, "VP", "MTTQ", "UBMTTQ"];
/** Where a unit's name starts: a unit-type word, after a list mark or not ("- Sở Y tế", "UBND xã"). */
export const UNIT_START = new RegExp(
  `^(?:[-+•]\\s*)?(?:${UNIT_HINTS.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?![\\p{Ll}])`,
  "u",
);

// List markers per the schema: "- ", "+ ", "•". An en dash at a line start is a wrapped name
// ("Phòng Văn hóa" / "– Xã hội"), not a list item.
const MARKER = /^\s*(?:[-+•]\s+|[-+•]\s*(?=\p{Lu}))/u;
const UNIT_WORD_AFTER_COMMA = new RegExp(
  `^\\s*(?:${UNIT_TYPE_WORDS.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?![\\p{Ll}\\p{Lu}])`,
  "u",
);

function stripUnit(text: string): string {
  return normalizeInline(text)
    .replace(/[;.]+$/, "")
    .trim();
}

/** Splits at ", <Unit word>" outside parentheses. */
function splitAtCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0 && UNIT_WORD_AFTER_COMMA.test(text.slice(i + 1))) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * @param lines the cell's printed lines (list markers are only recognised at a line start);
 *              a single string is treated as one line.
 */
export function splitUnits(lines: readonly string[] | string): string[] {
  const input = typeof lines === "string" ? lines.split(/\n/) : lines;
  // Group lines into list items: a marker starts a new item, other lines continue the current one.
  const items: string[][] = [];
  for (const raw of input) {
    const line = raw.replace(/\u00a0/g, " ");
    if (!line.trim()) continue;
    const m = MARKER.exec(line);
    if (m) items.push([line.slice(m[0].length)]);
    else if (items.length) items[items.length - 1]!.push(line);
    else items.push([line]);
  }
  const units: string[] = [];
  for (const item of items) {
    for (const part of splitAtCommas(joinLines(item))) {
      const unit = stripUnit(part);
      if (unit && unit !== "-") units.push(unit);
    }
  }
  return units;
}
