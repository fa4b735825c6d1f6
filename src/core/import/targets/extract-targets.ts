/**
 * Stated targets (chỉ tiêu) in the objectives of a plan: the "Mục tiêu cụ thể" / "Chỉ tiêu"
 * section, its milestone-year headings ("Đến hết năm 2025", "1.2. Đến năm 2035"), bullets and
 * numbered items that may hold several targets each ("100% …; ≥ 85% …"), ranges ("45-50% GRDP"),
 * "khoảng", "tối thiểu", "từ … trở lên", decimal commas and footnote markers ("90%1").
 */
import type { Comparator, DroppedLine, SourceLocation, Target } from "../../model/plan";
import { foldForMatch, joinLines, normalizeInline } from "../../text/normalize";
import { romanValue } from "../../text/roman-numerals";

export interface TextLine {
  text: string;
  line: number;
}

export interface ExtractedTargets {
  targets: Target[];
  sources: SourceLocation[];
  dropped: DroppedLine[];
  /** Read from prose, the text having no objectives heading: the clerk confirms them. */
  fromProse?: boolean;
  /**
   * Parallel to targets: the year was carried from a line "b) Đến năm 2028: …" that is an item itself,
   * to items after it that name no year: they may or may not be that milestone's (the clerk confirms).
   */
  yearCarried: boolean[];
}

/** A heading's numbering: "2.", "2.1.", "II.", "II -", "b)". */
const NUMBERING = String.raw`(?:\d+(?:\.\d+)*\.|[IVXL]+\s*[.\-–]|[a-zđ]\))`;
const YEAR_PHRASE = String.raw`(?:đến|tới)\s+(?:hết\s+)?năm\s+(?:19|20)\d{2}`;
/**
 * Where the stated targets start, as headings real objectives use (each a whole logical line):
 * - "2. Chỉ tiêu cụ thể", "II. CÁC CHỈ TIÊU CHỦ YẾU", "b) Mục tiêu cụ thể" (numbered: any rest);
 * - "Mục tiêu cụ thể", "Chỉ tiêu chủ yếu:", "Các chỉ tiêu đến năm 2030" (bare: nothing else on the line);
 * - "1. Mục tiêu đến hết năm 2026", "Mục tiêu đến năm 2030:" (a milestone's objectives);
 * - "II. MỤC TIÊU, CHỈ TIÊU" (a section of objectives and targets together).
 */
const SCOPE_STARTS = [
  new RegExp(
    String.raw`^\s*${NUMBERING}\s*(?:các\s+)?(?:mục tiêu cụ thể|chỉ tiêu(?: cụ thể| chủ yếu)?)(?!\p{L})`,
    "iu",
  ),
  new RegExp(
    String.raw`^\s*(?:các\s+)?(?:mục tiêu cụ thể|chỉ tiêu(?: cụ thể| chủ yếu)?)\s*(?:${YEAR_PHRASE})?\s*:?\s*$`,
    "iu",
  ),
  new RegExp(
    String.raw`^\s*(?:${NUMBERING}\s*)?(?:các\s+)?(?:mục tiêu|chỉ tiêu)\s+${YEAR_PHRASE}\s*:?\s*$`,
    "iu",
  ),
  new RegExp(String.raw`^\s*[IVXL]+\s*[.\-–]\s*(?:các\s+)?mục tiêu\s*(?:,|và)\s*(?:các\s+)?chỉ tiêu\b`, "iu"),
];
/**
 * "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)", "CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025",
 * "Chỉ tiêu chủ yếu năm 2026:": the heading's rest names a period or a year and nothing else (no
 * other number, no "%": a sentence that starts with "Chỉ tiêu" and states one is not a heading).
 */
const SCOPE_WITH_PERIOD = new RegExp(
  String.raw`^\s*(?:${NUMBERING}\s*)?(?:các\s+)?(?:mục tiêu cụ thể|chỉ tiêu(?: cụ thể| chủ yếu)?)(?!\p{L})(.{0,50})$`,
  "iu",
);
function isScopeStart(line: string): boolean {
  if (SCOPE_STARTS.some((re) => re.test(line))) return true;
  const rest = SCOPE_WITH_PERIOD.exec(line)?.[1];
  return (
    rest !== undefined && /(?:19|20)\d{2}/.test(rest) && !/[%;]|\d/.test(rest.replace(/(?:19|20)\d{2}/g, ""))
  );
}
/**
 * A heading on the plan's funding ("Nguồn lực tài chính", "Kinh phí thực hiện"): its budget-share
 * commitments ("chi ngân sách … đạt ít nhất 3% vào năm 2025") are targets too, though stated
 * outside the objectives.
 */
const BUDGET_HEADING = /(?:nguồn lực tài chính|kinh phí|ngân sách)/iu;
/** A budget-share clause with a milestone year: the only kind of item read under a funding heading. */
const BUDGET_SHARE = /(?:ngân sách|tổng chi)[^]*?\d\s*%[^]*?(?:19|20)\d{2}/iu;
const ROMAN_HEADING = /^\s*[IVXL]+\s*[.\-–]\s*\S/u;
const NUMBERED_HEADING = /^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*)$/u;
const ITEM_START = /^\s*(?:[-+•–]\s+|\(\d+\)\s*|[a-zđ]\)\s+|chỉ tiêu\s+(\d+)\s*[.:]\s*)/iu;
/** "Mục tiêu 1. Lĩnh vực giáo dục": a group of the targets below, not an item. */
const OBJECTIVE_GROUP = /^\s*mục tiêu\s+\d+\s*[.:]/iu;
const FOOTNOTE_START = /^\d{1,2}\s+\p{Lu}/u;
const YEAR_IN_HEADING =
  /(?:giai đoạn|nhiệm kỳ|thời kỳ)\s*(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})|(?:đến|hết|năm|giai đoạn)\D{0,12}((?:19|20)\d{2})/iu;
/** The milestone year a heading names: the end of its period, else the year it names. */
function headingYear(text: string): number | null {
  const m = YEAR_IN_HEADING.exec(text);
  return m ? Number(m[1] ?? m[2]) : null;
}
const YEAR_LEAD =
  /^(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*|[-+•–]\s*)?(?:phấn đấu\s+)?(?:(?:đến|hết|tới|trong|vào)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})|năm\s+((?:19|20)\d{2}))\s*[:]\s*(.*)$/iu;
const INLINE_YEAR =
  /(?:vào|đến|hết|tới|trong)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})|\(((?:19|20)\d{2})\)|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})/iu;
/** Every such year in a text (yearBefore walks them all). */
const INLINE_YEARS = new RegExp(INLINE_YEAR.source, "giu");

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/**
 * A percentage or range ("2% - 4%", "2-4%", "từ 7,5 đến 8,0%"), a share in points ("giảm 1-1,5
 * điểm %"), with an optional footnote digit glued after the % sign.
 */
const PERCENT = new RegExp(
  String.raw`(?:từ\s+)?(${NUM})\s*%?\s*(?:[-–]|đến)\s*(${NUM})\s*(điểm\s*)?%|(${NUM})\s*(điểm\s*)?%(?:\d(?!\d))?`,
  "giu",
);
/** A count with a leading zero ("01 định danh số"), the way plans write counted targets. */
const COUNT = /(?:^|\s)(0\d)\s+(\p{L}[\p{L} ]{1,60}?)(?=[.;,(]|$)/gu;
const NOT_A_COUNT = /^(?:gb|mb|gbps|mbps|kb|năm|tháng|ngày|giờ|mức|lần|cấp|quý|tuổi)(?!\p{L})/iu;
/**
 * A count a verb or comparator states: "đạt 32 giường", "có 58 trạm", "ít nhất 20 doanh nghiệp",
 * "tối thiểu 50 …", "không quá 3 …", "1.200 doanh nghiệp" (a dot before three digits groups
 * thousands). Without such a word a number is not read as a target ("trẻ 5 tuổi", "trên 10.000
 * dân" as a measure's denominator).
 */
const COUNT_LEAD = String.raw`(?:đạt(?:\s+(?:khoảng|tối thiểu|ít nhất))?|có(?:\s+(?:khoảng|tối thiểu|ít nhất))?|ít nhất|tối thiểu|không dưới|không quá|tối đa|khoảng|hỗ trợ(?:\s+(?:tối thiểu|ít nhất))?)(?:\s+là)?`;
/** A counted amount as plans print it: "1.200" (a dot before three digits groups thousands), "15,3". */
const AMOUNT = String.raw`\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?`;
/** What is counted: words, with a rate after a slash ("doanh nghiệp/năm", "triệu đồng/năm"). */
const NOUN = String.raw`\p{L}[\p{L}\s]{0,60}(?:\/\p{L}+)?`;
const COUNT_AFTER_VERB = new RegExp(
  String.raw`(?<!\p{L})(${COUNT_LEAD})\s+(${AMOUNT})(?![\d%.,/]|\s*%)\s+(${NOUN})`,
  "giu",
);
/**
 * A count or range stated after a label's colon ("Thu nhập bình quân: 60 triệu đồng", "… trường:
 * 04 trường", "…: 04/09 thôn" — 4 of the 9) or as a range after a verb ("đạt 5.400 - 5.500 USD",
 * "từ 30 đến 35 giường").
 */
const COUNT_AFTER_COLON = new RegExp(
  String.raw`:\s*(?:từ\s+)?(${AMOUNT})(?:\/\d+)?(?:\s*(?:[-–]|đến)\s*(${AMOUNT}))?(?![\d%.,/]|\s*%)\s+(${NOUN})`,
  "gu",
);
const COUNT_RANGE = new RegExp(
  String.raw`(?<!\p{L})(?:(?:${COUNT_LEAD})\s+(?:từ\s+)?|từ\s+)(${AMOUNT})\s*(?:[-–]|đến)\s*(${AMOUNT})(?![\d%.,/]|\s*%)\s+(${NOUN})`,
  "giu",
);
/** A count in words after a comparator ("ít nhất một sản phẩm"): "một số" (some) is not one. */
const WORD_COUNT =
  /(?<!\p{L})(ít nhất|tối thiểu)\s+(một|hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+(?!số\s)(\p{L}[\p{L}\s]{0,60})/giu;
const WORD_VALUE: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};
const COUNT_OPENING = new RegExp(String.raw`^\s*(${AMOUNT})(?![\d%.,/]|\s*%)\s+(${NOUN})`, "u");
/** Words that end a counted noun ("05 sản phẩm OCOP được đưa lên sàn" → "sản phẩm OCOP"). */
const NOUN_STOP = new Set(
  "được có đạt trên trong tại của để với theo từ đến cho là mỗi trở hoặc tham thuộc vào".split(" "),
);
/**
 * Nouns plans count by (the counted noun is the unit: "ít nhất 15 nhiệm vụ khoa học …" counts
 * "nhiệm vụ"; "có ít nhất 10 doanh nghiệp nằm trong tốp 500" counts "doanh nghiệp"). A noun not
 * listed keeps the words up to the first that ends a noun phrase ("01 định danh số").
 */
const COUNTED_HEADS = (
  "doanh nghiệp|hợp tác xã|tổ hợp tác|sản phẩm|mô hình|nhiệm vụ|dự án|đề tài|đề án|sáng kiến|chương trình|" +
  "hội nghị|hội thảo|lớp|lượt|lượt người|người|hộ|hộ dân|hộ gia đình|xã|phường|thôn|làng|bản|ấp|tổ dân phố|" +
  "quận|huyện|thị xã|thành phố|tỉnh|thị trấn|" +
  "trường|trường học|cơ sở|trạm|điểm|giường|giường bệnh|bác sĩ|km|ha|tấn|tỷ đồng|triệu đồng|nghìn tỷ đồng|" +
  "triệu tỷ đồng|nghìn đồng|USD|tỷ USD|triệu USD|văn bản|thủ tục|hồ sơ|dịch vụ|nền tảng|phần mềm|" +
  "cơ sở dữ liệu|tài khoản|chợ|cửa hàng|siêu thị|cụm công nghiệp|khu công nghiệp|sự kiện|cuộc|buổi|tin|bài|" +
  "tin bài|lao động|việc làm|căn hộ|căn nhà|công trình|tuyến|cán bộ|công chức|viên chức|học sinh|sinh viên|" +
  "tổ chức|đơn vị|cơ quan|thiết bị|máy tính|nhà văn hóa|sân chơi|bệnh viện|trạm y tế|phòng khám|thư viện|" +
  "di tích|lễ hội|câu lạc bộ|đội|tổ|nhóm|gian hàng|lô|ô tô|xe|con|cây|héc-ta|m2|m3"
)
  .split("|")
  .map((h) => h.split(" "))
  .sort((a, b) => b.length - a.length);
/** An abbreviation that names the kind of what is counted ("sản phẩm OCOP", "doanh nghiệp KHCN"). */
const ACRONYM = /^\p{Lu}{2,}[\p{Lu}\d]*$/u;

/** The counted noun a text starts with, if it is one plans count by ("doanh nghiệp/năm", "sản phẩm OCOP"). */
function headNoun(text: string): string | null {
  const all = text.trim().split(/\s+/);
  const bare = all.map((w) => w.replace(/\/.*$/, "").toLocaleLowerCase("vi"));
  const head = COUNTED_HEADS.find((h) => h.every((w, i) => bare[i] === w.toLocaleLowerCase("vi")));
  if (!head) return null;
  const words = all.slice(0, head.length);
  // "doanh nghiệp/năm" keeps its rate; "sản phẩm OCOP" its kind.
  if (!words[words.length - 1]!.includes("/"))
    while (ACRONYM.test(all[words.length] ?? "")) words.push(all[words.length]!);
  return words.join(" ");
}

function countNoun(text: string): string {
  return headNoun(text) ?? phraseNoun(text.trim().split(/\s+/));
}

/** "12/24 quận", "04/09 thôn": how many of how many, when what is counted is a noun plans count by. */
const SHARE_OF = new RegExp(String.raw`(?<![\d/])(\d{1,4})\/(\d{1,4})(?![\d/])\s+(${NOUN})`, "gu");
/** A count after a verb with nothing counted after it ("số sinh viên/vạn dân đạt ít nhất là 260,"). */
const BARE_COUNT = new RegExp(
  String.raw`(?<!\p{L})(${COUNT_LEAD})\s+(${AMOUNT})(?![\d%/]|[.,]\d|\s*%)(?=\s*(?:[.;,)]|$))`,
  "giu",
);

function phraseNoun(all: string[]): string {
  const words: string[] = [];
  for (const [i, w] of all.entries()) {
    const lower = w.toLocaleLowerCase("vi");
    // "và" joins two counts ("30 doanh nghiệp và 20 hợp tác xã"), or is part of a name.
    if (NOUN_STOP.has(lower) || (lower === "và" && /^\d/.test(all[i + 1] ?? "")) || words.length >= 10) break;
    words.push(w);
  }
  return words.join(" ");
}

function toNumber(text: string): number {
  return Number(text.replace(",", "."));
}

interface Hit {
  index: number;
  end: number;
  value: number;
  max: number | null;
  unit: string;
  comparator: Comparator;
}

function comparatorBefore(text: string, index: number, after: string): Comparator {
  // "đạt tối thiểu là 350": the copula changes nothing.
  const before = foldForMatch(text.slice(Math.max(0, index - 31), index))
    .replace(/[:\s]+$/, " ")
    .replace(/\sla\s*$/, " ");
  if (/khong (duoi|it hon)\s*$/.test(before)) return ">=";
  if (/khong (qua|vuot qua|vuot|hon)\s*$/.test(before)) return "<=";
  if (/(≥|>=|toi thieu|it nhat|tren|tu)\s*$/.test(before) || /^\s*tro len/.test(foldForMatch(after)))
    return ">=";
  if (/(≤|<=|duoi|toi da|khong qua)\s*$/.test(before)) return "<=";
  if (/(≥|>=|toi thieu|it nhat|tren)\s*(dat\s*)?$/.test(before)) return ">=";
  return "=";
}

function unitAfter(after: string): string {
  const f = foldForMatch(after);
  if (/^(?:trong\s+)?grdp\b/.test(f)) return "% GRDP";
  if (/^(?:trong\s+)?gdp\b/.test(f)) return "% GDP";
  if (/^tong chi\b/.test(f)) return "% tổng chi";
  return "%";
}

/** The numeric targets in one clause, in order. */
function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const index = m.index!;
    const before = foldForMatch(text.slice(Math.max(0, index - 10), index));
    if (/toc do\s*(tren|≥)?\s*$/.test(before)) continue;
    const end = index + m[0].length;
    const after = text.slice(end).trimStart();
    const points = m[3] !== undefined || m[5] !== undefined;
    const unit = points ? "điểm %" : unitAfter(after);
    if (m[1] !== undefined && m[2] !== undefined) {
      hits.push({ index, end, value: toNumber(m[1]), max: toNumber(m[2]), unit, comparator: "range" });
    } else {
      const value = toNumber(m[4]!);
      hits.push({ index, end, value, max: null, unit, comparator: comparatorBefore(text, index, after) });
    }
  }
  // An item that opens on a count ("58 trạm quan trắc (trong đó: …)"), as "100% …" opens on a share.
  /** A count at `index` printed as `digits` ("1.200": a dot before three digits groups thousands). */
  const amount = (digits: string) => Number(digits.replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));
  const taken = (index: number) => hits.some((h) => index >= h.index && index < h.end + 1);
  /** A count printed as `printed` at `index`, unless a target read before holds that place. */
  const add = (
    index: number,
    printed: string,
    value: number,
    max: number | null,
    unit: string,
    comparator: Comparator,
  ) => {
    if (!taken(index)) hits.push({ index, end: index + printed.length, value, max, unit, comparator });
  };
  const count = (
    index: number,
    digits: string,
    nounText: string,
    comparator: Comparator,
    max: string | null = null,
  ) => {
    const noun = countNoun(nounText);
    if (!noun || NOT_A_COUNT.test(noun)) return;
    if (/^(?:19|20)\d{2}$/.test(digits) && (max === null || /^(?:19|20)\d{2}$/.test(max))) return;
    if (max === null) add(index, digits, amount(digits), null, noun, comparator);
    else add(index, digits, amount(digits), amount(max), noun, "range");
  };
  for (const m of text.matchAll(COUNT_RANGE))
    count(m.index! + m[0].indexOf(m[1]!), m[1]!, m[3]!, "range", m[2]!);
  for (const m of text.matchAll(COUNT_AFTER_COLON)) {
    const index = m.index! + m[0].indexOf(m[1]!);
    count(index, m[1]!, m[3]!, comparatorBefore(text, index, ""), m[2] ?? null);
  }
  for (const m of text.matchAll(SHARE_OF)) {
    const noun = headNoun(m[3]!);
    if (noun && Number(m[1]) <= Number(m[2])) add(m.index!, m[1]!, Number(m[1]), null, noun, "=");
  }
  for (const m of text.matchAll(BARE_COUNT)) {
    const index = m.index! + m[0].indexOf(m[2]!, m[1]!.length);
    // What is counted is named where the clause starts: "Số sinh viên …", "số lượng doanh nghiệp …".
    const clause = text.slice(
      Math.max(text.lastIndexOf(";", index), text.lastIndexOf(". ", index), 0),
      index,
    );
    const named = /(?<!\p{L})số\s+(?:lượng\s+)?(\p{L}.*)$/iu.exec(clause);
    const noun = named ? headNoun(named[1]!) : null;
    if (noun) add(index, m[2]!, amount(m[2]!), null, noun, comparatorBefore(text, index, ""));
  }
  for (const m of text.matchAll(WORD_COUNT)) {
    const index = m.index! + m[0].indexOf(m[2]!, m[1]!.length);
    const noun = countNoun(m[3]!);
    if (noun) add(index, m[2]!, WORD_VALUE[m[2]!.toLocaleLowerCase("vi")]!, null, noun, ">=");
  }
  const opening = COUNT_OPENING.exec(text);
  if (opening && !/^(?:19|20)\d{2}$/.test(opening[1]!))
    count(opening.index + opening[0].indexOf(opening[1]!), opening[1]!, opening[2]!, "=");
  for (const m of text.matchAll(COUNT_AFTER_VERB)) {
    const index = m.index! + m[0].indexOf(m[2]!, m[1]!.length);
    count(index, m[2]!, m[3]!, comparatorBefore(text, index, ""));
  }
  for (const m of text.matchAll(COUNT)) {
    const index = m.index! + m[0].indexOf(m[1]!);
    const noun = countNoun(normalizeInline(m[2]!));
    const before = foldForMatch(text.slice(Math.max(0, index - 12), index));
    if (NOT_A_COUNT.test(noun) || /toc do\s*(tren|≥)?\s*$/.test(before)) continue;
    add(index, m[1]!, Number(m[1]), null, noun, comparatorBefore(text, index, ""));
  }
  // A target's breakdown ("58 trạm (trong đó: 20 trạm …)") or a qualifier of it ("3,2 triệu tỷ
  // đồng (theo giá hiện hành, tăng 12-13%/năm)") is part of it, not targets of its own: numbers in
  // brackets after a target. Brackets that hold the targets themselves ("… về kinh tế số (Tỷ trọng
  // … đạt 20%; …)") come before any.
  const sorted = hits.sort((a, b) => a.index - b.index);
  const asides = [...text.matchAll(/\([^()]*\)/gu)].map((b) => [b.index!, b.index! + b[0].length] as const);
  return sorted.filter(
    (h) => !asides.some(([from, to]) => h.index > from && h.index < to && sorted.some((o) => o.end <= from)),
  );
}

/** A line that starts something of its own: an item, a numbered or Roman heading, a label. */
const STARTS_UNIT =
  /^\s*(?:[-+•–*]\s|\(\d+\)|[a-zđ]\)\s|\d+(?:\.\d+)*\.\s|[IVXL]+\s*[.\-–]\s|(?:chỉ tiêu|mục tiêu)\s+\d+\s*[.:]|phụ lục\b)/iu;
const isUpper = (s: string) => s === s.toLocaleUpperCase("vi") && s !== s.toLocaleLowerCase("vi");

/**
 * Lines as the sentences and headings they print, whatever the copy did with line breaks: a web
 * copy breaks every ~80 characters, inside headings too ("II. MỤC" / "TIÊU", "1. Mục" / "tiêu đến
 * hết năm 2026"). A line goes on the one before unless it starts something of its own (an item, a
 * numbered heading, a label) or the line before ended a sentence; a line starting with a capital goes
 * on only a heading in capitals that it continues in capitals.
 */
export function logicalLines(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let prev: TextLine | null = null;
  for (const l of lines) {
    const text = l.text.trim();
    if (!text) {
      prev = null;
      out.push(l);
      continue;
    }
    const before = prev?.text.trimEnd() ?? "";
    const first = text[0]!;
    const continues =
      prev !== null &&
      !STARTS_UNIT.test(text) &&
      !/[.;:!?]$/.test(before) &&
      (/[\p{Ll}\d]/u.test(first) ? true : isUpper(before) && isUpper(text));
    if (continues && prev) prev.text = `${before} ${text}`;
    else {
      prev = { text: l.text, line: l.line };
      out.push(prev);
    }
  }
  return out;
}

/** An item's label printed inside a run of text: "(3) …", "3. Tỷ lệ …", "II. Về …". */
const INLINE_LABEL = /(?<=^|\s)(?:\((\d{1,2})\)\s|(\d{1,2})\.\s+(?=\p{Lu})|([IVX]{1,4})\.\s+(?=\p{Lu}))/gu;
/**
 * A list printed as one run of text (a web page that lost its line breaks: "… chỉ tiêu chủ yếu
 * (1) Tốc độ … đạt 7%. (2) Thu nhập … I. Về kinh tế 1. … 2. …"), cut back into its items. A label
 * cuts only where it continues a series (1, 2, 3 … of one kind, in order), so a number inside a
 * sentence ("(8 xã)", "năm 2010", "3. Các" once) never does.
 */
function splitInlineItems(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  // The series go on from one paragraph to the next ("Về kinh tế: (1) … (6) …" / "Về xã hội: (7) …").
  const next = [0, 0, 0];
  for (const l of lines) {
    if (l.text.length < 60) {
      out.push(l);
      continue;
    }
    const cuts: number[] = [];
    const labels = [...l.text.matchAll(INLINE_LABEL)].map((m) => {
      const kind = m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : 2;
      return { kind, value: kind === 2 ? (romanValue(m[3]!) ?? 0) : Number(m[kind + 1]), index: m.index! };
    });
    for (const [i, { kind, value, index }] of labels.entries()) {
      // A series starts at 1, goes on from the label before it, or starts where the next label follows.
      const starts = value === 1 || labels.slice(i + 1).some((o) => o.kind === kind && o.value === value + 1);
      if (value > 0 && (value === next[kind] || starts)) {
        next[kind] = value + 1;
        if (index > 0) cuts.push(index);
      }
    }
    if (cuts.length < 2) {
      out.push(l);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts, l.text.length]) {
      const text = l.text.slice(from, cut).trim();
      if (text) out.push({ text, line: l.line });
      from = cut;
    }
  }
  return out;
}

/** The plan's horizon from its title, before the objectives ("… đến năm 2030", "giai đoạn 2026 - 2030"). */
function horizonOf(lines: readonly TextLine[]): number | null {
  for (const { text } of lines.slice(0, 40)) {
    if (isScopeStart(text) || /^\s*[IVXL]+\s*[.\-–]/u.test(text)) break;
    // "(theo Bộ tiêu chí … giai đoạn 2026-2030)": a bracket qualifies something, it names no horizon.
    const m =
      /(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})|kế hoạch[^.;()]{0,120}?\snăm\s+((?:19|20)\d{2})(?!\s*[-–])/iu.exec(
        outsideBrackets(text),
      );
    if (m) return Number(m[1] ?? m[2] ?? m[3]);
  }
  return null;
}

/** The text with what brackets hold blanked out (same length, so indexes still hold). */
function outsideBrackets(text: string): string {
  return text.replace(/\([^()]*\)/gu, (b) => " ".repeat(b.length));
}

/**
 * Where an item's first target starts: at the item, or after a ";" or a sentence that closes a
 * clause without one, or inside the bracket that holds the targets ("… về kinh tế số (Tỷ trọng …
 * đạt 20%; …)").
 */
function firstClauseStart(text: string, hitIndex: number): number {
  const before = text.slice(0, hitIndex);
  const open = before.lastIndexOf("(");
  const bracket = open > before.lastIndexOf(")") ? open + 1 : 0;
  const stop = before.lastIndexOf(". ");
  return Math.max(0, before.lastIndexOf(";") + 1, stop < 0 ? 0 : stop + 2, bracket);
}

/**
 * Where the clause of the next target starts: at the first separator after the target before it
 * (its value ends that clause: "… tư thục đạt 30%, số trẻ em … dân lập, tư thục đạt 35%" cuts at the
 * comma after "30%", not inside the next clause's own list). A sentence, ";" or "trong đó:" cuts
 * before a comma or "và" does ("…: 80%. Cơ quan, đơn vị: 100%"); separators inside brackets do not.
 */
function clauseStart(text: string, from: number, hitIndex: number): number {
  const segment = outsideBrackets(text.slice(from, hitIndex));
  for (const separators of [
    [";", ". ", "trong đó:", "trong đó,"],
    [", ", " và "],
  ]) {
    let best = -1;
    for (const sep of separators) {
      const i = segment.indexOf(sep);
      if (i >= 0 && (best < 0 || i + sep.length < best)) best = i + sep.length;
    }
    if (best >= 0) return from + best;
  }
  return from;
}

function yearOf(text: string, fallback: number | null): number | null {
  const m = INLINE_YEAR.exec(outsideBrackets(text));
  return m ? Number(m[1] ?? m[2] ?? m[3]) : fallback;
}

/**
 * The milestone a sentence set before a target in the same item ("đến năm 2025, đứng trong …;
 * kinh tế số chiếm ít nhất 20%"): the last one named before it, outside brackets.
 */
function yearBefore(text: string, index: number): number | null {
  let year: number | null = null;
  for (const m of outsideBrackets(text.slice(0, index)).matchAll(INLINE_YEARS))
    year = Number(m[1] ?? m[2] ?? m[3]);
  return year;
}

/** A numbered sub-heading ("2.1. Đến năm 2030"), not a list item or a long numbered sentence. */
function subHeading(raw: string, text: string): RegExpExecArray | null {
  const heading = NUMBERED_HEADING.exec(text);
  return heading && !ITEM_START.test(raw) && text.length < 90 ? heading : null;
}

interface Item {
  no: string;
  /** Read under a funding heading: kept only if it states a budget share with a year. */
  budgetOnly: boolean;
  text: string;
  year: number | null;
  /** The year comes from a "Đến năm …: <item>" line above, not from a heading. */
  carried?: boolean;
  at: SourceLocation;
}

/** "mục tiêu", "chỉ tiêu" in a sentence: where prose starts stating targets. */
const PROSE_TRIGGER = /(?<!\p{L})(?:mục tiêu|chỉ tiêu)(?!\p{L})/giu;
/**
 * A heading that is only "Mục tiêu" ("I. MỤC TIÊU", "1. Mục tiêu:", "MỤC TIÊU, YÊU CẦU"): the lines
 * right under it that state numbers are read (to confirm, like all prose targets); a line under it
 * that states none (the general objective's prose) ends it.
 */
const OBJECTIVES_HEADING =
  /^\s*(?:(?:[IVXL]+|\d+|[a-zđ])\s*[.)\-–]\s*)?(?:các\s+)?mục tiêu(?:\s*(?:,|và)\s*yêu cầu)?\s*:?\s*$/iu;

/**
 * Targets stated in running prose, for a text with no objectives heading at all (a news item or a
 * resolution quoting a plan: "Theo kế hoạch, mục tiêu đến năm 2030, số xã đạt chuẩn … trên 90%",
 * "các chỉ tiêu chủ yếu gồm: Tốc độ … từ 10% trở lên."): from the sentence that names the
 * objectives, on through the paragraphs after it while each states a number. A paragraph that
 * states numbers without naming objectives first (a vote count, a result, a headline) is not read.
 */
function proseItems(lines: TextLine[], file: string): Item[] {
  const items: Item[] = [];
  let open = false;
  for (const { text: raw, line } of lines) {
    const text = normalizeInline(raw);
    if (!text) continue;
    if (open && findHits(text).length && !ROMAN_HEADING.test(raw) && !subHeading(raw, text)) {
      // A bullet's marker is not the target's text.
      const marker = ITEM_START.exec(text);
      const label = marker && /\((\d+)\)/.exec(marker[0]);
      items.push({
        no: label ? `(${label[1]})` : (marker?.[1] ?? ""),
        budgetOnly: false,
        text: marker ? text.slice(marker[0].length) : text,
        year: null,
        at: { file, line },
      });
      continue;
    }
    open = OBJECTIVES_HEADING.test(text);
    if (open) continue;
    for (const m of text.matchAll(PROSE_TRIGGER)) {
      const from = text.lastIndexOf(". ", m.index!) + 1;
      const rest = text.slice(from).trim();
      if (!findHits(text.slice(m.index!)).length) continue;
      items.push({ no: "", budgetOnly: false, text: rest, year: null, at: { file, line } });
      open = true;
      break;
    }
  }
  return items;
}

function itemsInScope(lines: TextLine[], file: string, dropped: DroppedLine[]): Item[] | null {
  let scopes = 0;
  const items: Item[] = [];
  let inScope = false;
  let budgetOnly = false;
  let scopeDepth = 0;
  let year: number | null = null;
  let current: {
    no: string;
    parts: string[];
    year: number | null;
    carried?: boolean;
    at: SourceLocation;
  } | null = null;
  // The year was set by a "Đến năm …:" line that is an item itself (not a heading of the items below).
  let leadItemYear = false;
  let inFootnote = false;
  const close = () => {
    if (current)
      items.push({
        no: current.no,
        budgetOnly,
        text: joinLines(current.parts),
        year: current.year,
        carried: current.carried,
        at: current.at,
      });
    current = null;
  };
  for (const { text: raw, line } of lines) {
    const text = normalizeInline(raw);
    if (!text) continue;
    if (isScopeStart(raw)) {
      close();
      scopes++;
      inScope = true;
      budgetOnly = false;
      const heading = NUMBERED_HEADING.exec(text);
      scopeDepth = heading ? heading[1]!.split(".").length : 0;
      year = headingYear(text);
      leadItemYear = false;
      continue;
    }
    if (!inScope) {
      const heading = subHeading(raw, text);
      if (heading && BUDGET_HEADING.test(heading[2]!)) {
        inScope = true;
        budgetOnly = true;
        scopeDepth = heading[1]!.split(".").length;
        year = null;
      }
      continue;
    }
    // "I. Về kinh tế", "II. Về văn hóa - xã hội": a group of the targets, not the next section.
    if (ROMAN_HEADING.test(raw) && !ITEM_START.test(raw) && !/^\s*[IVXL]+\s*[.\-–]\s*về\s/iu.test(raw)) {
      close();
      inScope = false;
      continue;
    }
    if (inFootnote) {
      if (/^\s/.test(raw) || ITEM_START.test(raw) || NUMBERED_HEADING.test(text)) inFootnote = false;
      else {
        dropped.push({ at: { file, line }, text, reason: "footnote" });
        continue;
      }
    }
    if (FOOTNOTE_START.test(raw) && !/^\d+\.\d/.test(raw)) {
      inFootnote = true;
      dropped.push({ at: { file, line }, text, reason: "footnote" });
      continue;
    }
    if (OBJECTIVE_GROUP.test(text)) {
      close();
      continue;
    }
    // A numbered line that states a target ("6.1. Tỷ lệ … đạt 70%") is an item, not a heading.
    // So is a numbered sentence ("4. Phấn đấu … không còn hộ nghèo."): headings end without a stop.
    const sentence = /\.\s*$/.test(text);
    const heading = findHits(text).length || sentence ? null : subHeading(raw, text);
    if (heading) {
      const depth = heading[1]!.split(".").length;
      if (scopeDepth && depth <= scopeDepth && !YEAR_IN_HEADING.test(text)) {
        close();
        inScope = false;
        continue;
      }
      close();
      if (headingYear(text) !== null) leadItemYear = false;
      year = headingYear(text) ?? year;
      continue;
    }
    // "a) Đến năm 2030:" / "- Đến hết năm 2025: …": the milestone year of what follows (and the
    // rest of the line, when there is one, is the first item).
    const lead = YEAR_LEAD.exec(text);
    if (lead) {
      close();
      year = Number(lead[1] ?? lead[2]);
      const rest = lead[3]!.trim();
      leadItemYear = Boolean(rest);
      if (rest) current = { no: "", parts: [rest], year, at: { file, line } };
      continue;
    }
    const numbered = NUMBERED_HEADING.exec(text);
    const marker = ITEM_START.exec(raw);
    if (!marker && numbered && (sentence || findHits(text).length)) {
      close();
      current = { no: numbered[1]!, parts: [numbered[2]!], year, carried: leadItemYear, at: { file, line } };
      continue;
    }
    if (marker) {
      close();
      const label = /\((\d+)\)/.exec(marker[0]);
      current = {
        no: label ? `(${label[1]})` : marker[1] ? marker[1] : "",
        parts: [raw.slice(marker[0].length)],
        year,
        carried: leadItemYear,
        at: { file, line },
      };
      continue;
    }
    if (current) (current as { parts: string[] }).parts.push(raw);
    else current = { no: "", parts: [raw], year, at: { file, line } };
  }
  close();
  return scopes || items.length ? items : null;
}

export function extractTargets(input: TextLine[], file: string): ExtractedTargets {
  const result: ExtractedTargets = { targets: [], sources: [], dropped: [], yearCarried: [] };
  const lines = splitInlineItems(logicalLines(input));
  const horizon = horizonOf(lines);
  const scoped = itemsInScope(lines, file, result.dropped);
  if (!scoped) result.fromProse = true;
  const items = (scoped ?? proseItems(lines, file)).map((item) => ({
    ...item,
    year: item.year ?? horizon,
  }));
  // A list that states numbers: its numbered items without one are stated targets too (qualitative).
  // Objectives that state no number give no target at all.
  const statesNumbers = items.some((i) => !i.budgetOnly && findHits(i.text).length > 0);
  for (const item of items) {
    if (item.budgetOnly && !BUDGET_SHARE.test(item.text)) continue;
    const hits = findHits(item.text);
    if (!hits.length) {
      // A numbered objective without a number is still one of the plan's stated targets.
      if (item.no && statesNumbers) {
        result.targets.push({
          no: item.no,
          text: item.text,
          year: yearOf(item.text, item.year),
          comparator: null,
          value: null,
          max: null,
          unit: null,
        });
        result.sources.push(item.at);
        result.yearCarried.push(Boolean(item.carried) && yearOf(item.text, null) === null);
      }
      continue;
    }
    let from = 0;
    hits.forEach((hit, k) => {
      const next = hits[k + 1];
      // The first target's text starts at the bullet, or after a ";" that closes a clause without one.
      const start =
        k === 0 ? firstClauseStart(item.text, hit.index) : clauseStart(item.text, from, hit.index);
      const end = next ? clauseStart(item.text, hit.end, next.index) : item.text.length;
      let text = item.text
        .slice(start, end)
        .trim()
        .replace(/[;,]$/, "")
        .replace(/\s+và$/, "")
        .trim();
      if (hits.length > 1) text = text.replace(/\.$/, "");
      from = hit.end;
      // The unit named in the target's clause, else in its item (one unit for the item's targets).
      const responsible = responsibleIn(item.text.slice(start, end)) ?? responsibleIn(item.text);
      result.targets.push({
        no: item.no,
        text,
        year: yearOf(text, yearBefore(item.text, start) ?? item.year),
        comparator: hit.comparator,
        value: hit.value,
        max: hit.max,
        unit: hit.unit,
        ...(responsible ? { responsible } : {}),
      });
      result.sources.push(item.at);
      result.yearCarried.push(Boolean(item.carried) && yearOf(text, yearBefore(item.text, start)) === null);
    });
  }
  return result;
}

/** Words a unit's name starts with ("Sở Nội vụ", "Phòng Kinh tế", "UBND các xã", "Công an xã"). */
const UNIT_START = String.raw`(?:Sở|Phòng|Văn phòng|UBND|Ủy ban|Uỷ ban|Công an|Trung tâm|Ban|Hội|Đoàn|Mặt trận|Bộ|Các|Chi cục|Kho bạc|Bảo hiểm|Đài|Trường|Bệnh viện|Quân sự|Bộ Chỉ huy|Trạm|Chi bộ|Đảng ủy)`;
/**
 * The unit answerable for a target, where the objectives name it: "(Sở Nội vụ chủ trì)", "(giao
 * Phòng Kinh tế theo dõi)", "(Cơ quan chủ trì: Công an xã)", "… do Phòng Văn hóa - Xã hội chủ trì".
 */
const RESPONSIBLE = [
  new RegExp(
    String.raw`\(\s*(?:giao\s+)?(${UNIT_START}[^()]{1,80}?)\s+(?:chủ trì|phụ trách|theo dõi)[^()]*\)`,
    "u",
  ),
  new RegExp(
    String.raw`\(\s*(?:cơ quan|đơn vị)\s+(?:chủ trì|phụ trách|theo dõi)\s*:\s*(${UNIT_START}[^()]{1,80}?)\s*\)`,
    "iu",
  ),
  new RegExp(
    String.raw`(?<!\p{L})(?:do|giao)\s+(${UNIT_START}[^,;.()]{1,60}?)\s+(?:chủ trì|phụ trách|theo dõi)`,
    "u",
  ),
];
export function responsibleIn(text: string): string | undefined {
  for (const re of RESPONSIBLE) {
    const m = re.exec(text);
    if (m) return normalizeInline(m[1]!);
  }
  return undefined;
}

/** A number as Vietnamese documents print it: 3.5 → "3,5". */
const viNumber = (n: number) => String(n).replace(".", ",");

/**
 * The target an indicator's own sentence states, for an indicator table with no target column
 * ("… chiếm 45% GRDP", "… đạt 60%", "ít nhất 20 doanh nghiệp"): the first target in it, as a target
 * cell would print it ("≥ 20", "45%", "2-4%"), with its unit; null when it states none.
 */
export function targetInSentence(text: string): { target: string; unit: string } | null {
  const hit = findHits(text)[0];
  if (!hit) return null;
  const percent = hit.unit.startsWith("%");
  const sign = hit.comparator === ">=" ? "≥ " : hit.comparator === "<=" ? "≤ " : "";
  const value = hit.max !== null ? `${viNumber(hit.value)}-${viNumber(hit.max)}` : viNumber(hit.value);
  return { target: `${sign}${value}${percent ? "%" : ""}`, unit: percent ? hit.unit : hit.unit };
}
