/**
 * Indicator tables (chỉ tiêu) in text copied out of a PDF: STT, name, unit, one value per milestone
 * year, responsible unit. The year values of a row print on one line ("% ≥ 10 ≥ 25 ≥ 40 ≥ 60 ≥ 70"),
 * with leading spaces standing for blank cells ("  ≥ 01 ≥ 02 ≥ 03"); the unit and the responsible
 * unit may share that line ("… % ≥ 85 ≥ 90 ≥ 95 100 100 Công an"). A row whose number prefixes the
 * next rows and that has no values is a group heading ("1" before "1.1").
 */
import type { DroppedLine, IndicatorRow, IndicatorTable, SourceLocation } from "../../model/plan";
import { foldForMatch, normalizeInline } from "../../text/normalize";
import type { PdfLine } from "./pdf-text-atoms";
import { indicatorRows, type RawRow } from "../build-tables";
import type { IndicatorField } from "../column-map";
import type { LineSet } from "../line-set";
import { isAppendixTitle } from "../appendix-title";

/** A target cell: a number or range with a comparator sign or word ("≥ 40", "Trên 70"), "-", "X". */
const VALUE = String.raw`(?:(?:[≥≤<>]\s*|(?:Trên|Dưới|Tối thiểu|Ít nhất|Không quá|Không dưới)\s+)?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|-|X|x)`;
const VALUE_RUN = new RegExp(String.raw`(^|\s)(${VALUE}(?:\s+${VALUE})*)(?=\s|$)`, "gu");
const ROW_NUMBER = /^\s*(\d{1,2}(?:\.\d{1,2})?)\.?(?:\s+(.*))?$/u;
const NOTE_LINE = /^(ghi chú|chú thích)\s*:/iu;

export interface IndicatorRegion {
  title: string;
  years: number[];
  headerStart: number;
  bodyStart: number;
  bodyEnd: number;
}

const STARTS_UPPER = /^\p{Lu}/u;

/** An indicator header run: starts with STT/TT, names "chỉ tiêu", lists milestone years. */
export function indicatorHeaderAt(lines: PdfLine[], start: number): { years: number[]; end: number } | null {
  if (!/^s?tt\b/i.test(lines[start]!.text)) return null;
  const years: number[] = [];
  let sawName = false;
  let end = start + 1;
  for (let i = start; i < lines.length && i < start + 40; i++) {
    const t = lines[i]!.text;
    // The header ends at the first row (a number), or at the next table's title.
    if (i > start && ((ROW_NUMBER.test(t) && years.length >= 1) || isAppendixTitle(t))) break;
    if (!sawName && /chi tieu/.test(foldForMatch(t))) sawName = true;
    if (t.includes("20")) for (const m of t.matchAll(/\b(20\d{2})\b/g)) years.push(Number(m[1]));
    end = i + 1;
  }
  if (!sawName || years.length < 1) return null;
  return { years, end };
}

function tokens(run: string): string[] {
  return [...run.matchAll(new RegExp(VALUE, "gu"))].map((m) => normalizeInline(m[0]));
}

interface ValuesLine {
  index: number;
  values: string[];
  /** Blank cells before the first printed value. */
  blanks: number;
  before: string;
  after: string;
}

/** The line of a row that holds its year values, and where they sit on it. */
function findValues(lines: PdfLine[], yearCount: number): ValuesLine | null {
  let best: ValuesLine | null = null;
  lines.forEach((l, index) => {
    const raw = l.raw.replace(/\s+$/, "");
    for (const m of raw.matchAll(VALUE_RUN)) {
      const run = m[2]!;
      const values = tokens(run);
      const start = m.index! + m[1]!.length;
      const before = raw.slice(0, start);
      const onlyValues = before.trim() === "";
      // One value ends a row's line when the table has one milestone and a unit stands before it
      // ("… toàn trình % Trên 70", "… công nghệ số Doanh nghiệp ≥ 40").
      const single =
        yearCount === 1 &&
        !raw.slice(start + run.length).trim() &&
        /(?:^|\s)(?:%|\p{Lu}\p{Ll}*(?:\s\p{Ll}+)?)$/u.test(before.trim());
      if (values.length < 2 && !(onlyValues && /^\s{2,}/.test(raw)) && !single) continue;
      if (values.length > yearCount) continue;
      // Numbers inside a name ("15 tuổi") are not a values run: the run must end the line's text or be
      // followed by a unit name.
      const after = raw.slice(start + run.length).trim();
      if (after && !STARTS_UPPER.test(after)) continue;
      const blanks = onlyValues ? Math.min(before.length, yearCount - values.length) : 0;
      if (!best || values.length > best.values.length)
        best = { index, values, blanks, before: before.trim(), after };
    }
  });
  return best;
}

const UNIT_LINE = /^(%|\p{Lu}[\p{Ll}]*)(\s|$)/u;

interface Block {
  no: string;
  lines: PdfLine[];
  at: SourceLocation;
}

/** The columns of an indicator table in PDF text: STT, name, unit, one per milestone year, responsible unit. */
function indicatorFields(years: readonly number[]): { fields: IndicatorField[]; years: (number | null)[] } {
  return {
    fields: ["no", "name", "unit", ...years.map((): IndicatorField => "year"), "responsible"],
    years: [null, null, null, ...years, null],
  };
}

/** A row's cells, in indicatorFields' columns, each as its printed lines (the common row builder joins them). */
function rawRow(block: Block, years: readonly number[]): RawRow {
  const values = findValues(block.lines, years.length);
  const at = block.at;
  const cell = (lines: string[]) => ({ lines, at });
  const row = (name: string[], unit: string[], targets: string[][], responsible: string[]): RawRow => ({
    at,
    section: { no: null, title: null },
    cells: [cell([block.no]), cell(name), cell(unit), ...targets.map(cell), cell(responsible)],
  });
  if (!values)
    return row(
      block.lines.map((l) => l.text),
      [],
      years.map(() => []),
      [],
    );
  const pre = block.lines
    .slice(0, values.index)
    .map((l) => l.text)
    .filter(Boolean);
  // The unit: the "%" part of the values line, or its own short text there ("Sản phẩm")…
  let unitTail: string[] = [];
  if (values.before) {
    const pct = values.before.indexOf("%");
    if (pct >= 0) {
      unitTail = [values.before.slice(pct)];
      if (pct > 0) pre.push(values.before.slice(0, pct));
    } else if (values.before.length <= 24) unitTail = [values.before];
    else {
      // A row printed on one line: the name, then its unit as a capitalised word or two after a
      // word that is not one ("… công nghệ số Doanh nghiệp ≥ 40", "… phát sóng 5G Trạm 26"; not
      // "… tỉnh Quảng Ninh", a name's own capitals).
      const m = /^(.*\S)\s+(\p{Lu}\p{Ll}*(?:\s\p{Ll}+)?)$/u.exec(values.before);
      const last = m?.[1]!.split(/\s+/).pop() ?? "";
      if (m && !/^\p{Lu}\p{Ll}/u.test(last)) {
        pre.push(m[1]!);
        unitTail = [m[2]!];
      } else pre.push(values.before);
    }
  }
  // …preceded by the narrow lines just above it ("Doanh" / "nghiệp", "% tổng chi" / "NSNN"),
  // starting at the first of them that starts like a unit (a capital letter or "%").
  let k = pre.length;
  while (k > 1 && pre[k - 1]!.length <= 12) k--;
  let unitStart = pre.length;
  for (let i = k; i < pre.length; i++)
    if (UNIT_LINE.test(pre[i]!)) {
      unitStart = i;
      break;
    }
  const name = pre.slice(0, unitStart);
  const unit = [...pre.slice(unitStart), ...unitTail];

  const printed: string[][] = values.values.map((v) => [v]);
  const rest = block.lines
    .slice(values.index + 1)
    .map((l) => l.text)
    .filter(Boolean);
  // A last value printed on the next line, with a remark in brackets over several lines.
  if (
    values.blanks + printed.length < years.length &&
    rest.length &&
    new RegExp(`^${VALUE}(\\s|$)`, "u").test(rest[0]!)
  ) {
    const remark: string[] = [rest.shift()!];
    let open = (remark[0]!.match(/\(/g) ?? []).length - (remark[0]!.match(/\)/g) ?? []).length;
    while (open > 0 && rest.length) {
      const l = rest.shift()!;
      remark.push(l);
      open += (l.match(/\(/g) ?? []).length - (l.match(/\)/g) ?? []).length;
    }
    printed.push(remark);
  }
  const cells = [...Array.from({ length: values.blanks }, () => []), ...printed];
  return row(
    name,
    unit,
    years.map((_, i) => cells[i] ?? []),
    [values.after, ...rest],
  );
}

function plausibleNext(prev: string | null, next: string): boolean {
  if (!prev) return true;
  const [pTop, pSub] = prev.split(".").map(Number) as [number, number | undefined];
  const [nTop, nSub] = next.split(".").map(Number) as [number, number | undefined];
  if (nSub === undefined) return nTop > pTop && nTop <= pTop + 2;
  if (nTop === pTop) return pSub === undefined ? nSub === 1 : nSub > pSub && nSub <= pSub + 2;
  return nSub === 1 && nTop > pTop && nTop <= pTop + 2;
}

export function readIndicatorRegion(
  body: PdfLine[],
  title: string,
  years: number[],
  file: string,
  dropped: DroppedLine[],
  placed: LineSet,
) {
  const blocks: Block[] = [];
  let prev: string | null = null;
  for (const l of body) {
    if (!l.text) {
      blocks[blocks.length - 1]?.lines.push(l);
      continue;
    }
    if (NOTE_LINE.test(l.text)) {
      dropped.push({ at: { file, line: l.line }, text: l.text, reason: "footnote" });
      continue;
    }
    const m = ROW_NUMBER.exec(l.text);
    if (m && !/^\d+(\.\d+)?\s+\d/.test(l.text)) {
      const no = m[1]!;
      if (plausibleNext(prev, no)) {
        prev = no;
        placed.add(l.line);
        blocks.push({
          no,
          lines: m[2] ? [{ ...l, raw: m[2], text: normalizeInline(m[2]) }] : [],
          at: { file, line: l.line },
        });
        continue;
      }
      if (!m[2]) {
        dropped.push({ at: { file, line: l.line }, text: l.text, reason: "page-number" });
        continue;
      }
    }
    const block = blocks[blocks.length - 1];
    if (block) {
      block.lines.push(l);
      placed.add(l.line);
    }
  }
  // Rows built and grouped by the builder every reader uses (build-tables.ts).
  const columns = indicatorFields(years);
  const grouped = indicatorRows(
    columns.fields,
    columns.years,
    blocks.map((b) => rawRow(b, years)),
  );
  const rows: IndicatorRow[] = grouped.map((g) => g.row);
  const sources: SourceLocation[] = grouped.map((g) => blocks[g.index]!.at);
  const table: IndicatorTable = { kind: "indicators", title, rows };
  return { table, sources };
}
