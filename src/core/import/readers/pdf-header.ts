/**
 * Table headers in text copied out of a PDF: the header cells come out as one run of words broken
 * over lines ("TT Nội dung nhiệm vụ Cơ quan chủ trì …" / "Thời gian hoàn" / "thành"). The run is cut
 * into column names with the header vocabulary, longest phrase first.
 */
import { remembered } from "../../remembered";
import { foldForMatch, normalizeInline } from "../../text/normalize";

/** Known header phrases (folded), longest first when matching. */
const PHRASES = [
  "stt",
  // "STT" wrapped in a narrow column.
  "st t",
  "s tt",
  "tt",
  "noi dung nhiem vu",
  "noi dung, nhiem vu",
  "ten nhiem vu",
  "nhiem vu",
  "noi dung",
  "co quan chu tri",
  "co quan phoi hop",
  "don vi chu tri",
  "don vi phoi hop",
  "don vi thuc hien",
  "don vi phu trach",
  "ket qua du kien",
  "du kien ket qua",
  "ket qua, san pham",
  "san pham",
  "ket qua",
  "viec phai lam",
  "thoi gian hoan thanh",
  "thoi han hoan thanh",
  "thoi gian thuc hien",
  "thoi gian",
  "thoi han",
  "tien do",
  "trach nhiem",
  "danh gia",
  "ghi chu",
  "luu y",
].sort((a, b) => b.length - a.length);
const PHRASE_WORDS = PHRASES.map((p) => p.split(" "));
/** No phrase has more words than this: only a shorter tail can stop inside one. */
const LONGEST = Math.max(...PHRASE_WORDS.map((w) => w.length));

export interface HeaderParse {
  /** Column names as printed (normalised). */
  columns: string[];
  /** True when the text ends inside a phrase (more header lines may follow). */
  partial: boolean;
}

/**
 * Cuts header text into column names. Returns null when the text is not made only of header
 * phrases. Works on the printed words so names keep their diacritics and case.
 */
export function parseHeaderRun(text: string): HeaderParse | null {
  const known = readHeaderOnce(text);
  return known && { ...known, columns: [...known.columns] };
}

/** Header runs already read are remembered: a table's header is printed again on every page. */
const readHeaderOnce = remembered(readHeaderRun, 5_000);

function readHeaderRun(text: string): HeaderParse | null {
  const words = normalizeInline(text).split(" ").filter(Boolean);
  const folded = words.map((w) => foldForMatch(w));
  const columns: string[] = [];
  let i = 0;
  while (i < words.length) {
    // The run may stop inside a phrase ("Thời gian hoàn" before "thành"): a proper prefix at the end.
    if (words.length - i < LONGEST) {
      const rest = folded.slice(i).join(" ");
      if (PHRASES.some((p) => p.startsWith(`${rest} `))) {
        columns.push(words.slice(i).join(" "));
        return { columns, partial: true };
      }
    }
    let matched = 0;
    for (const parts of PHRASE_WORDS) {
      if (parts.every((p, k) => folded[i + k] === p)) {
        matched = parts.length;
        break;
      }
    }
    if (matched) {
      columns.push(words.slice(i, i + matched).join(" "));
      i += matched;
      continue;
    }
    return null;
  }
  return { columns, partial: false };
}
