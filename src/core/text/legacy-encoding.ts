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

export function detectLegacyEncoding(text: string): LegacyVerdict | null {
  const sample = text.slice(0, 20_000);
  const words = sample.split(/\s+/).filter((w) => /\p{L}/u.test(w));
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
