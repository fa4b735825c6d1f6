/**
 * Stated targets (chỉ tiêu) in the objectives of a plan: the "Mục tiêu cụ thể" / "Chỉ tiêu"
 * section, its milestone-year headings ("Đến hết năm 2025", "1.2. Đến năm 2035"), bullets and
 * numbered items that may hold several targets each ("100% …; ≥ 85% …"), ranges ("45-50% GRDP"),
 * "khoảng", "tối thiểu", "từ … trở lên", decimal commas and footnote markers ("90%1").
 */
import type { Comparator, DroppedLine, SourceLocation, Target } from "../../model/plan";
import { foldForMatch, joinLines, normalizeInline } from "../../text/normalize";

export interface TextLine {
  text: string;
  line: number;
}

export interface ExtractedTargets {
  targets: Target[];
  sources: SourceLocation[];
  dropped: DroppedLine[];
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
const isScopeStart = (line: string) => SCOPE_STARTS.some((re) => re.test(line));
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
const YEAR_IN_HEADING = /(?:đến|hết|năm|giai đoạn)\D{0,12}((?:19|20)\d{2})/iu;
const YEAR_LEAD =
  /^(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*|[-+•–]\s*)?(?:phấn đấu\s+)?(?:(?:đến|hết|tới|trong|vào)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})|năm\s+((?:19|20)\d{2}))\s*[:]\s*(.*)$/iu;
const INLINE_YEAR =
  /(?:vào|đến|hết|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})|\(((?:19|20)\d{2})\)|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})/iu;

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/** A percentage or range, with an optional footnote digit glued after the % sign. */
const PERCENT = new RegExp(String.raw`(${NUM})\s*%?\s*[-–]\s*(${NUM})\s*%|(${NUM})\s*%(?:\d(?!\d))?`, "gu");
/** A count with a leading zero ("01 định danh số"), the way plans write counted targets. */
const COUNT = /(?:^|\s)(0\d)\s+(\p{L}[\p{L} ]{1,60}?)(?=[.;,(]|$)/gu;
const NOT_A_COUNT = /^(?:gb|mb|gbps|mbps|kb|năm|tháng|ngày|giờ|mức|lần|cấp|quý|tuổi)(?!\p{L})/iu;
/**
 * A count a verb or comparator states: "đạt 32 giường", "có 58 trạm", "ít nhất 20 doanh nghiệp",
 * "tối thiểu 50 …", "không quá 3 …", "1.200 doanh nghiệp" (a dot before three digits groups
 * thousands). Without such a word a number is not read as a target ("trẻ 5 tuổi", "trên 10.000
 * dân" as a measure's denominator).
 */
const COUNT_AFTER_VERB =
  /(?<!\p{L})(đạt(?:\s+(?:khoảng|tối thiểu|ít nhất))?|có(?:\s+(?:khoảng|tối thiểu|ít nhất))?|ít nhất|tối thiểu|không dưới|không quá|tối đa|hỗ trợ(?:\s+(?:tối thiểu|ít nhất))?)\s+(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d%.,/]|\s*%)\s+(\p{L}[\p{L}\s]{0,60})/giu;
const COUNT_OPENING = /^\s*(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d%.,/]|\s*%)\s+(\p{L}[\p{L}\s]{0,60})/u;
/** Words that end a counted noun ("05 sản phẩm OCOP được đưa lên sàn" → "sản phẩm OCOP"). */
const NOUN_STOP = new Set(
  "được có đạt trên trong tại của để với theo từ đến cho là mỗi trở hoặc tham thuộc vào".split(" "),
);
function countNoun(text: string): string {
  const words: string[] = [];
  const all = text.trim().split(/\s+/);
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
  const before = foldForMatch(text.slice(Math.max(0, index - 28), index)).replace(/[:\s]+$/, " ");
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
  if (/^grdp\b/.test(f)) return "% GRDP";
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
    if (m[1] !== undefined && m[2] !== undefined) {
      hits.push({
        index,
        end,
        value: toNumber(m[1]),
        max: toNumber(m[2]),
        unit: unitAfter(after),
        comparator: "range",
      });
    } else {
      const value = toNumber(m[3]!);
      hits.push({
        index,
        end,
        value,
        max: null,
        unit: unitAfter(after),
        comparator: comparatorBefore(text, index, after),
      });
    }
  }
  // An item that opens on a count ("58 trạm quan trắc (trong đó: …)"), as "100% …" opens on a share.
  /** A count at `index` printed as `digits` ("1.200": a dot before three digits groups thousands). */
  const count = (index: number, digits: string, nounText: string, comparator: Comparator) => {
    const noun = countNoun(nounText);
    if (!noun || NOT_A_COUNT.test(noun)) return;
    const value = Number(digits.replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));
    hits.push({ index, end: index + digits.length, value, max: null, unit: noun, comparator });
  };
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
    if (hits.some((h) => index >= h.index && index < h.end + 1)) continue;
    hits.push({
      index,
      end: index + m[1]!.length,
      value: Number(m[1]),
      max: null,
      unit: noun,
      comparator: comparatorBefore(text, index, ""),
    });
  }
  // A target's breakdown ("58 trạm (trong đó: 20 trạm …)") is part of it, not targets of its own.
  const breakdowns = [...text.matchAll(/\(\s*trong đó[^)]*\)/giu)].map((b) => [
    b.index!,
    b.index! + b[0].length,
  ]);
  return hits
    .filter((h) => !breakdowns.some(([from, to]) => h.index >= from! && h.index < to!))
    .sort((a, b) => a.index - b.index);
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

/** The plan's horizon from its title, before the objectives ("… đến năm 2030", "giai đoạn 2026 - 2030"). */
function horizonOf(lines: readonly TextLine[]): number | null {
  for (const { text } of lines.slice(0, 40)) {
    if (isScopeStart(text) || /^\s*[IVXL]+\s*[.\-–]/u.test(text)) break;
    const m =
      /(?:đến|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})|giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})/iu.exec(
        text,
      );
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}

/** Where the clause of a target starts: after the last separator before it. */
function clauseStart(text: string, from: number, hitIndex: number): number {
  const segment = text.slice(from, hitIndex);
  let best = -1;
  for (const sep of [";", ", ", " và ", ". "]) {
    const i = segment.lastIndexOf(sep);
    if (i >= 0 && i + sep.length > best) best = i + sep.length;
  }
  return best < 0 ? from : from + best;
}

function yearOf(text: string, fallback: number | null): number | null {
  const m = INLINE_YEAR.exec(text);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : fallback;
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
  at: SourceLocation;
}

function itemsInScope(lines: TextLine[], file: string, dropped: DroppedLine[]): Item[] {
  const items: Item[] = [];
  let inScope = false;
  let budgetOnly = false;
  let scopeDepth = 0;
  let year: number | null = null;
  let current: { no: string; parts: string[]; year: number | null; at: SourceLocation } | null = null;
  let inFootnote = false;
  const close = () => {
    if (current)
      items.push({
        no: current.no,
        budgetOnly,
        text: joinLines(current.parts),
        year: current.year,
        at: current.at,
      });
    current = null;
  };
  for (const { text: raw, line } of lines) {
    const text = normalizeInline(raw);
    if (!text) continue;
    if (isScopeStart(raw)) {
      close();
      inScope = true;
      budgetOnly = false;
      const heading = NUMBERED_HEADING.exec(text);
      scopeDepth = heading ? heading[1]!.split(".").length : 0;
      const y = YEAR_IN_HEADING.exec(text);
      year = y ? Number(y[1]) : null;
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
    if (ROMAN_HEADING.test(raw) && !ITEM_START.test(raw)) {
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
    const heading = findHits(text).length ? null : subHeading(raw, text);
    if (heading) {
      const depth = heading[1]!.split(".").length;
      if (scopeDepth && depth <= scopeDepth && !YEAR_IN_HEADING.test(text)) {
        close();
        inScope = false;
        continue;
      }
      close();
      const y = YEAR_IN_HEADING.exec(text);
      if (y) year = Number(y[1]);
      continue;
    }
    // "a) Đến năm 2030:" / "- Đến hết năm 2025: …": the milestone year of what follows (and the
    // rest of the line, when there is one, is the first item).
    const lead = YEAR_LEAD.exec(text);
    if (lead) {
      close();
      year = Number(lead[1] ?? lead[2]);
      const rest = lead[3]!.trim();
      if (rest) current = { no: "", parts: [rest], year, at: { file, line } };
      continue;
    }
    const numbered = NUMBERED_HEADING.exec(text);
    const marker = ITEM_START.exec(raw);
    if (!marker && numbered && findHits(text).length) {
      close();
      current = { no: numbered[1]!, parts: [numbered[2]!], year, at: { file, line } };
      continue;
    }
    if (marker) {
      close();
      const label = /\((\d+)\)/.exec(marker[0]);
      current = {
        no: label ? `(${label[1]})` : marker[1] ? marker[1] : "",
        parts: [raw.slice(marker[0].length)],
        year,
        at: { file, line },
      };
      continue;
    }
    if (current) (current as { parts: string[] }).parts.push(raw);
    else current = { no: "", parts: [raw], year, at: { file, line } };
  }
  close();
  return items;
}

export function extractTargets(input: TextLine[], file: string): ExtractedTargets {
  const result: ExtractedTargets = { targets: [], sources: [], dropped: [] };
  const lines = logicalLines(input);
  const horizon = horizonOf(lines);
  const items = itemsInScope(lines, file, result.dropped).map((item) => ({
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
      }
      continue;
    }
    let from = 0;
    hits.forEach((hit, k) => {
      const next = hits[k + 1];
      // The first target's text starts at the bullet, or after a ";" that closes a clause without one.
      const start =
        k === 0
          ? Math.max(0, item.text.lastIndexOf(";", hit.index) + 1)
          : clauseStart(item.text, from, hit.index);
      const end = next ? clauseStart(item.text, hit.end, next.index) : item.text.length;
      let text = item.text
        .slice(start, end)
        .trim()
        .replace(/[;,]$/, "")
        .replace(/\s+và$/, "")
        .trim();
      if (hits.length > 1) text = text.replace(/\.$/, "");
      from = hit.end;
      result.targets.push({
        no: item.no,
        text,
        year: yearOf(text, item.year),
        comparator: hit.comparator,
        value: hit.value,
        max: hit.max,
        unit: hit.unit,
      });
      result.sources.push(item.at);
    });
  }
  return result;
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
