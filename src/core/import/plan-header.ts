/**
 * What the head of a plan says about itself, for the report's header block (Nghị định 30/2020): the
 * issuing body and the body above it ("UBND TỈNH …" over "SỞ …", or "ỦY BAN NHÂN DÂN" over "XÃ …"),
 * the place before its date ("Trường Giang, ngày 10 tháng 9 năm 2025"), its number when it is a
 * plan's ("Số: 63/KH-UBND"), and its name: the title "KẾ HOẠCH …" with the lines that continue it,
 * as the report's subject cites it ("Kế hoạch thực hiện Chương trình hành động số …"). Only the head
 * is read (before the first Roman heading, "Căn cứ …" or "Điều 1"), and only what is written in the
 * header's own forms (capitals for bodies, "…, ngày … tháng … năm …" for the place): a sentence that
 * mentions a body is not a header. Anything not found is left out, for the clerk to type.
 */
export interface PlanHeader {
  parentAgency?: string;
  issuingAgency?: string;
  place?: string;
  /** "63/KH-UBND": only a plan's own number (its code has KH). */
  planNumber?: string;
  /** ISO date of the plan, where the place line gives day, month and year in figures. */
  planDate?: string;
  /** "Kế hoạch thực hiện …", one line. */
  planName?: string;
}

/** Lines of the head at most (a title page and its preamble). */
const HEAD_LINES = 80;
const MAX_NAME = 400;

/** A line written in capitals (letters only counted): a header's body or a title. */
function isCapitals(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toLocaleUpperCase("vi");
}

const BODY =
  /^(ỦY|UỶ) BAN NHÂN DÂN(?![\p{L}])|^UBND(?![\p{L}])|^(SỞ|BAN|ĐẢNG (ỦY|UỶ)|HỘI ĐỒNG NHÂN DÂN|BỘ|TỔNG CỤC|CỤC|VĂN PHÒNG|TRUNG TÂM|PHÒNG)(?![\p{L}])/u;
const LOCALITY = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)(?![\p{L}])/u;
const NATIONAL = /CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM/u;
const PLACE_DATE =
  /^([\p{Lu}][\p{L}.' -]{1,40}?),\s*ngày\s*(\d{0,2})[\s.…]*tháng\s*(\d{0,2})[\s.…]*năm\s*(\d{4})/u;
/** A document's title in capitals: the header block (number, place and date) stands above it. */
const ANY_TITLE = /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|BÁO CÁO|ĐỀ ÁN)(?![\p{L}])/u;
const NUMBER = /^Số\s*:?\s*([0-9][0-9A-Za-z.]*\s*\/\s*[\p{L}\p{N}.-]+)/u;
const TITLE = /^KẾ HOẠCH(?![\p{L}])\s*(.*)$/u;
const HEAD_END = /^(I|1)\.\s|^Căn cứ(?![\p{L}])|^Điều 1(?![\p{L}])|^Phần\s+(I|thứ nhất)(?![\p{L}])/iu;
/** Where the name ends: the preamble's first words, a note, a rule. */
const NAME_END =
  /^(Phụ lục|PHỤ LỤC|Căn cứ|Thực hiện|Triển khai|Để|Nhằm|Ủy ban|UBND|\(Ban hành|\(Kèm theo|-{3,}|_{3,}|\*)/u;

/* JavaScript's \b knows only ASCII letters ("SỞ" has none at its end): word ends are (?![\p{L}]). */
/** A line of the head: a two-column header's bars ("ỦY BAN NHÂN DÂN |") and rules are not words. */
const clean = (s: string) => s.replace(/\|/g, " ").replace(/\s+/g, " ").trim();

/** Names written with capitals in a sentence-case title, restored in a title written in capitals. */
const PROPER = [
  "Thủ tướng Chính phủ",
  "Chính phủ",
  "Bộ Chính trị",
  "Ban Bí thư",
  "Quốc hội",
  "Ban Chấp hành Đảng bộ tỉnh",
  "Ban Thường vụ Tỉnh ủy",
  "Ban Thường vụ Thành ủy",
  "Tỉnh ủy",
  "Thành ủy",
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
];
/** Documents cited by number ("Nghị quyết số 57-NQ/TW"): capitalised when a number follows. */
const CITED = [
  "Nghị quyết",
  "Chương trình hành động",
  "Kế hoạch hành động",
  "Kế hoạch",
  "Quyết định",
  "Chỉ thị",
  "Đề án",
  "Kết luận",
];
const LOWER_STOP = new Set([
  "và",
  "về",
  "đến",
  "năm",
  "giai",
  "của",
  "trên",
  "theo",
  "tại",
  "trong",
  "hội",
  "đoạn",
]);

/**
 * A title line written in capitals, as a name reads in a sentence: lower case, but codes kept
 * ("71/NQ-CP"), the bodies and cited documents above capitalised, and a place after "tỉnh", "xã" …
 * ("tỉnh Nghệ An"; not "xã hội").
 */
function fromCapitals(line: string): string {
  let s = line
    .split(/(\s+)/)
    .map((t) => (/\d/.test(t) ? t : t.toLocaleLowerCase("vi")))
    .join("");
  const lower = (x: string) => x.toLocaleLowerCase("vi");
  for (const p of PROPER) s = s.replace(new RegExp(`(?<![\\p{L}])${lower(p)}(?![\\p{L}])`, "gu"), p);
  for (const c of CITED) s = s.replace(new RegExp(`(?<![\\p{L}])${lower(c)}(?=\\s+(số\\s+)?\\d)`, "gu"), c);
  return s.replace(
    /(?<![\p{L}])(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)((?:\s+[\p{L}]+){1,3})/gu,
    (whole, kind: string, rest: string) => {
      const words = rest.trim().split(/\s+/);
      const name: string[] = [];
      for (const w of words) {
        if (LOWER_STOP.has(w)) break;
        name.push(w.charAt(0).toLocaleUpperCase("vi") + w.slice(1));
      }
      if (!name.length) return whole;
      return `${kind} ${name.join(" ")}${words.slice(name.length).length ? ` ${words.slice(name.length).join(" ")}` : ""}`;
    },
  );
}
const sentenceCase = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

export function readPlanHeader(text: string): PlanHeader {
  const all = text.split("\n").map(clean);
  const end = all.findIndex((l) => HEAD_END.test(l));
  const lines = all.slice(0, Math.min(end < 0 ? HEAD_LINES : end, HEAD_LINES)).filter(Boolean);
  const header: PlanHeader = {};

  // The bodies: capital lines in the header's forms, the first the parent when two follow each other.
  const bodies: string[] = [];
  for (let i = 0; i < lines.length && bodies.length < 2; i++) {
    const line = lines[i]!;
    if (!isCapitals(line) || NATIONAL.test(line) || TITLE.test(line)) continue;
    if (BODY.test(line)) {
      // "ỦY BAN NHÂN DÂN" over "XÃ TRƯỜNG GIANG": one body on two lines.
      const next = lines[i + 1];
      if (/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(line) && next && isCapitals(next) && LOCALITY.test(next)) {
        bodies.push(`${line} ${next}`);
        i++;
      } else if (!/^(ỦY|UỶ) BAN NHÂN DÂN$/u.test(line)) bodies.push(line);
      // "ỦY BAN NHÂN DÂN" with no place under it names no one: left for the clerk.
    } else if (bodies.length && LOCALITY.test(line) === false) break;
  }
  if (bodies.length === 2) [header.parentAgency, header.issuingAgency] = bodies;
  else if (bodies.length === 1) header.issuingAgency = bodies[0];

  // Number, place and date: in the header block, above the document's title.
  const title = lines.findIndex((l) => ANY_TITLE.test(l));
  const block = title < 0 ? lines : lines.slice(0, title);
  for (const [i, line] of block.entries()) {
    // "Bắc Ninh, ngày 30" over "tháng 5 năm 2025": one line.
    const place = PLACE_DATE.exec(/,\s*ngày[\s\d.…]*$/u.test(line) ? `${line} ${block[i + 1] ?? ""}` : line);
    if (place && header.place === undefined) {
      header.place = place[1]!.trim();
      const [d, m, y] = [place[2], place[3], place[4]].map((x) => Number(x));
      if (d! >= 1 && d! <= 31 && m! >= 1 && m! <= 12)
        header.planDate = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
    const number = NUMBER.exec(line);
    if (number && header.planNumber === undefined && /KH/u.test(number[1]!))
      header.planNumber = number[1]!.replace(/\s+/g, "");
  }

  // The title and the lines that continue it.
  const at = lines.findIndex((l) => TITLE.test(l) && isCapitals(l.split(/\s+/).slice(0, 2).join(" ")));
  if (at >= 0) {
    const rest = TITLE.exec(lines[at]!)![1]!;
    const parts = rest && isCapitals(rest) ? [fromCapitals(rest)] : rest ? [rest] : [];
    // A title in capitals ("KẾ HOẠCH" over "THỰC HIỆN … NĂM 2026") goes on while its lines are in
    // capitals; a title in sentence case ends at a line in capitals (a heading: "PHỤ LỤC I").
    let capitals: boolean | null = null;
    for (let i = at + 1; i < lines.length; i++) {
      const line = lines[i]!;
      const continued = capitals !== null;
      const caps = isCapitals(line);
      if (continued && caps !== capitals) break;
      if ((continued && NAME_END.test(line)) || /^\(.*\)$/.test(line) || HEAD_END.test(line)) break;
      capitals ??= caps;
      // The line under the title starts with a capital as a line does, not as a name does.
      parts.push(caps ? fromCapitals(line) : continued ? line : sentenceCase(line));
      if (parts.join(" ").length > MAX_NAME || /[.;:]$/.test(line)) break;
    }
    const name = clean(parts.join(" ")).replace(/[.;:,]$/, "");
    if (name && name.length <= MAX_NAME) header.planName = `Kế hoạch ${sentenceCase(name)}`;
  }
  return header;
}
