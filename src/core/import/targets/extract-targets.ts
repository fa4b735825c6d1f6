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

const SCOPE_START =
  /^\s*(?:(?:\d+(?:\.\d+)*\.|[IVXL]+\s*[.\-–])\s*(?:mục tiêu cụ thể|các mục tiêu cụ thể|chỉ tiêu(?: cụ thể)?|các chỉ tiêu(?: chủ yếu| cụ thể)?)(?!\p{L})|(?:(?:\d+(?:\.\d+)*\.|[IVXL]+\s*[.\-–]|[a-zđ]\))\s*)?(?:(?:các\s+)?mục tiêu|(?:các\s+)?chỉ tiêu(?: chủ yếu)?)\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+(?:19|20)\d{2}\s*:?\s*$|(?:các\s+)?chỉ tiêu chủ yếu\s*:?\s*$)/iu;
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
const ITEM_START = /^\s*(?:[-+•–]\s+|\(\d+\)\s*|[a-zđ]\)\s+)/u;
const FOOTNOTE_START = /^\d{1,2}\s+\p{Lu}/u;
const YEAR_IN_HEADING = /(?:đến|hết|năm|giai đoạn)\D{0,12}((?:19|20)\d{2})/iu;
const YEAR_LEAD =
  /^(?:[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*|[-+•–]\s*)?(?:phấn đấu\s+)?(?:(?:đến|hết|tới|trong|vào)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})|năm\s+((?:19|20)\d{2}))\s*[:]\s*(.*)$/iu;
const INLINE_YEAR = /(?:vào|đến|hết|tới)\s+(?:hết\s+)?năm\s+((?:19|20)\d{2})|\(((?:19|20)\d{2})\)/iu;

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/** A percentage or range, with an optional footnote digit glued after the % sign. */
const PERCENT = new RegExp(String.raw`(${NUM})\s*%?\s*[-–]\s*(${NUM})\s*%|(${NUM})\s*%(?:\d(?!\d))?`, "gu");
/** A count with a leading zero ("01 định danh số"), the way plans write counted targets. */
const COUNT = /(?:^|\s)(0\d)\s+(\p{L}[\p{L} ]{1,60}?)(?=[.;,]|$)/gu;
const NOT_A_COUNT = /^(?:gb|mb|gbps|mbps|kb|năm|tháng|ngày|giờ|mức|lần|cấp|quý)/iu;

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
  for (const m of text.matchAll(COUNT)) {
    const index = m.index! + m[0].indexOf(m[1]!);
    const noun = normalizeInline(m[2]!);
    const before = foldForMatch(text.slice(Math.max(0, index - 12), index));
    if (NOT_A_COUNT.test(noun) || /toc do\s*(tren|≥)?\s*$/.test(before)) continue;
    if (hits.some((h) => index >= h.index && index < h.end)) continue;
    hits.push({
      index,
      end: index + m[1]!.length,
      value: Number(m[1]),
      max: null,
      unit: noun,
      comparator: comparatorBefore(text, index, ""),
    });
  }
  return hits.sort((a, b) => a.index - b.index);
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
  return m ? Number(m[1] ?? m[2]) : fallback;
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
    const start = SCOPE_START.exec(raw);
    if (start) {
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
    const heading = subHeading(raw, text);
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
    const marker = ITEM_START.exec(raw);
    if (marker) {
      close();
      const label = /\((\d+)\)/.exec(marker[0]);
      current = {
        no: label ? `(${label[1]})` : "",
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

export function extractTargets(lines: TextLine[], file: string): ExtractedTargets {
  const result: ExtractedTargets = { targets: [], sources: [], dropped: [] };
  for (const item of itemsInScope(lines, file, result.dropped)) {
    if (item.budgetOnly && !BUDGET_SHARE.test(item.text)) continue;
    const hits = findHits(item.text);
    if (!hits.length) {
      // A numbered objective without a number is still one of the plan's stated targets.
      if (item.no) {
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
