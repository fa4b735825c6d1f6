/**
 * Recognises Vietnamese text typed in the legacy 8-bit encodings (TCVN3/ABC with .VnTime fonts, VNI)
 * and read as if it were Unicode: "KÕ ho¹ch" for "Kế hoạch", "Keá hoaïch" for VNI. Importing it
 * would store garbage, so readers refuse it with a message that says which encoding it looks like.
 */
export type LegacyEncoding = "TCVN3" | "VNI";

// Characters that TCVN3 uses for Vietnamese letters but that almost never occur in Unicode
// Vietnamese text: Latin-1 symbols and letters such as ¸ ¹ ¶ µ ® © ¬ Ò Õ Ó ×.
const TCVN3_MARKERS = /[¸¹¶·µ®©¬¨ª«Ò×ÕÓÔÙØÛÜÚÝÞßæçèéêëìíîïðñòóôõö÷øùúû]/;
// VNI composes tones as ASCII-range/Latin-1 letters after the vowel: "aø", "eá", "oï", "öô".
const VNI_PAIRS = /[aeiouyAEIOUY][øùúûüõïòóôöñäåæçèéêëìíîðõ]/;
// Genuine Vietnamese letters that only Unicode text has.
const UNICODE_VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/g;

export interface LegacyVerdict {
  encoding: LegacyEncoding;
  /** Share of words that carry legacy markers. */
  score: number;
  sample: string;
}

const HAS_LETTER = /\p{L}/u;

export function detectLegacyEncoding(text: string): LegacyVerdict | null {
  const sample = text.slice(0, 20_000);
  const words = sample.split(/\s+/).filter((w) => HAS_LETTER.test(w));
  if (words.length < 5) return null;
  const unicodeHits = (sample.match(UNICODE_VIETNAMESE) ?? []).length;
  const tcvnWords = words.filter((w) => TCVN3_MARKERS.test(w)).length;
  const vniWords = words.filter((w) => VNI_PAIRS.test(w)).length;
  const unicodeShare = unicodeHits / words.length;
  const pick = tcvnWords >= vniWords ? ("TCVN3" as const) : ("VNI" as const);
  const score = Math.max(tcvnWords, vniWords) / words.length;
  if (score < 0.08 || score < unicodeShare) return null;
  const example = words.find((w) => (pick === "TCVN3" ? TCVN3_MARKERS : VNI_PAIRS).test(w)) ?? words[0]!;
  return { encoding: pick, score, sample: example };
}

/**
 * A file mostly in Unicode with some lines typed in a legacy encoding (a paragraph pasted from an
 * old document): the first such line (1-based) and its verdict. A line counts when it has at least
 * four words and most of them carry legacy markers.
 */
// For one line, only the markers that are never Vietnamese letters ("Phòng" must not count).
const TCVN3_LINE = /[¸¹¶·µ®©¬¨ª«×Øæçðñ÷øþßÖÑÜÏËÄöüïëä]/;
const VNI_LINE = /[aeiouyAEIOUY][øïöñäåæçëîð]/;

export function detectLegacyLine(text: string): (LegacyVerdict & { line: number }) | null {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length && i < 20_000; i++) {
    // Most lines hold no legacy marker at all: no need to look at their words.
    if (!TCVN3_LINE.test(lines[i]!) && !VNI_LINE.test(lines[i]!)) continue;
    const words = lines[i]!.split(/\s+/).filter((w) => HAS_LETTER.test(w));
    if (words.length < 4) continue;
    const vni = words.filter((w) => VNI_LINE.test(w)).length;
    const tcvn = words.filter((w) => TCVN3_LINE.test(w) && !VNI_LINE.test(w)).length;
    if (tcvn + vni < words.length * 0.4) continue;
    const unicode = (lines[i]!.match(UNICODE_VIETNAMESE) ?? []).length;
    const best = tcvn + vni;
    if (best > unicode) {
      const encoding = tcvn >= vni ? ("TCVN3" as const) : ("VNI" as const);
      const sample = words.find((w) => (encoding === "TCVN3" ? TCVN3_LINE : VNI_LINE).test(w))!;
      return { encoding, score: best / words.length, sample, line: i + 1 };
    }
  }
  return null;
}
