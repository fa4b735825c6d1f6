/**
 * Turns a document of prose lines and grid rows into plan tables: finds header rows (task or
 * indicator tables, headers split over two rows), titles ("Phụ lục II" + subtitle), section rows
 * (I, II, … with titles), repeated headers after page breaks, and logical rows split over several
 * grid rows. Every row and line is either placed, or reported as dropped with its reason.
 */
import { parseDeadline } from "../deadlines/parse-deadline";
import { append } from "../append";
import type { DroppedLine, IndicatorRow, PlanTable, SourceLocation, TaskRow } from "../model/plan";
import { foldForMatch, isBlank, joinLines, normalizeInline } from "../text/normalize";
import { splitUnits } from "../units/split-units";
import {
  headerYear,
  indicatorFields,
  looksLikeIndicatorHeader,
  looksLikeTaskHeader,
  mapIndicatorHeader,
  mapTaskHeader,
  type IndicatorField,
  type TaskField,
} from "./column-map";
import { cellText, type DocItem, type GridCell, type GridRow, type ProseLine } from "./grid";
import { isAppendixTitle } from "./appendix-title";
import { targetInSentence } from "./targets/extract-targets";

export interface BuiltTables {
  tables: PlanTable[];
  rowSources: SourceLocation[][];
  dropped: DroppedLine[];
  /** Prose lines outside any table: the caller looks for stated targets in them. */
  prose: ProseLine[];
}

const ROMAN = /^(?=[IVXLC]+\.?$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$/;
/** A lettered part above the Roman sections ("A", "B."). */
const PART = /^[A-HĐ][.)]?$/u;
const SECTION_INLINE = /^((?:[IVXLC]+)|[A-Đ])\s*[.)]\s+(.+)$/u;

function cleanNo(text: string): string {
  return normalizeInline(text).replace(/[.)]+$/, "");
}

function texts(row: GridRow): string[] {
  return row.cells.map((c) => normalizeInline(cellText(c)));
}

function nonBlank(row: GridRow): number {
  return texts(row).filter(Boolean).length;
}

function isTitleStart(text: string): boolean {
  return isAppendixTitle(normalizeInline(text));
}

function isIssuingNote(text: string): boolean {
  return /^\(\s*(ban\s+hanh\s+)?kem\s+theo/.test(foldForMatch(text));
}

/** Title: from the last "Phụ lục" line before the header, else the nearest heading line. */
function titleFrom(prose: ProseLine[]): string {
  const lines = prose.map((p) => normalizeInline(p.text)).filter(Boolean);
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (isTitleStart(lines[i]!)) {
      start = i;
      break;
    }
  if (start < 0) return lines[lines.length - 1] ?? "";
  return joinLines(lines.slice(start).filter((l) => !isIssuingNote(l)));
}

/** A header row whose cells map to the same fields, column by column, as the table's header. */
function sameFields(row: readonly string[], header: readonly string[], isTask: boolean): boolean {
  if (row.filter(Boolean).length < 3) return false;
  const a = isTask ? row.map(mapTaskHeader) : indicatorFields(row);
  const b = isTask ? header.map(mapTaskHeader) : indicatorFields(header);
  const width = Math.max(a.length, b.length);
  for (let c = 0; c < width; c++) {
    const [x, y] = [row[c] ? a[c] : null, header[c] ? b[c] : null];
    if (x !== y) return false;
  }
  return isTask ? looksLikeTaskHeader(row) : looksLikeIndicatorHeader(row);
}

/**
 * A numbered sub-heading ("5.1 | Về hạ tầng số" and nothing else) whose next row is not its sibling
 * ("1", restarting under it, or "5.1.1"): the section of the rows below, not a task. A "1.2" row
 * followed by "1.3" stays a task, even with its lead in a merged cell above.
 */
function subHeadingOf(t: readonly string[], noCol: number, next: DocItem | undefined): Section | null {
  if (noCol < 0) return null;
  const no = cleanNo(t[noCol] ?? "");
  const filled = t.map((x, c) => [x, c] as const).filter(([x]) => x);
  if (!/^\d+(?:\.\d+)+$/.test(no) || filled.length !== 2) return null;
  const title = filled.find(([, c]) => c !== noCol)![0];
  const nextNo = next?.kind === "row" ? cleanNo(texts(next)[noCol] ?? "") : "";
  const parent = (n: string) => n.split(".").slice(0, -1).join(".");
  const sibling = nextNo.split(".").length === no.split(".").length && parent(nextNo) === parent(no);
  return sibling ? null : { no, title: normalizeInline(title) };
}

function sameHeader(a: string[], b: string[]): boolean {
  const fa = a.map(foldForMatch).filter(Boolean);
  const fb = b.map(foldForMatch).filter(Boolean);
  return fa.length > 0 && fa.length === fb.length && fa.every((x, i) => x === fb[i]);
}

/** "(1) (2) (3)" or "1 2 3 4" under a header: column numbers, not data. */
function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  if (filled.length < 3) return false;
  return filled.every((c, i) => c.replace(/[()]/g, "") === String(i + 1));
}

/** A header's second row naming one year per column ("2026", "Năm 2027" …): two or more, nothing else. */
function isYearSubHeader(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length >= 2 && filled.every((c) => /^(?:năm\s+)?(?:19|20)\d{2}$/iu.test(c.trim()));
}

/** A row that continues the header: only short texts under some columns, no numbers. */
function isHeaderContinuation(cells: string[], headerWidth: number): boolean {
  const filled = cells.filter(Boolean);
  if (!filled.length || filled.length > headerWidth / 2) return false;
  return filled.every((c) => c.length <= 30 && !/\d/.test(c) && !ROMAN.test(c) && !PART.test(c));
}

export interface Section {
  no: string | null;
  title: string | null;
}

function sectionOf(row: GridRow, noCol: number): Section | null {
  const t = texts(row);
  const filled = t.map((x, i) => [x, i] as const).filter(([x]) => x);
  if (!filled.length || filled.length > 2) return null;
  const [printed, firstIndex] = filled[0]!;
  if (firstIndex > Math.max(noCol, 0) + 1) return null;
  // A numeral wrapped in a narrow column ("VI" / "I") is one numeral.
  const first =
    filled.length === 2 && ROMAN.test(printed.replace(/\s/g, "")) ? printed.replace(/\s/g, "") : printed;
  // A Roman section ("II") or a lettered part above the sections ("A", "B."): the row's section
  // until the next heading.
  if (filled.length === 2 && (ROMAN.test(first) || PART.test(first)))
    return { no: cleanNo(first), title: normalizeInline(filled[1]![0]) };
  if (filled.length === 1) {
    const m = SECTION_INLINE.exec(first);
    if (m && ROMAN.test(m[1]!)) return { no: m[1]!, title: normalizeInline(m[2]!) };
  }
  return null;
}

/** A table row as every reader gives it: its cells (printed lines) under the header, and its section. */
export interface RawRow {
  cells: GridCell[];
  at: SourceLocation;
  section: Section;
}

function mergeCells(into: GridCell[], from: GridCell[]): void {
  from.forEach((cell, i) => {
    if (isBlank(cellText(cell))) return;
    const target = into[i];
    if (!target) into[i] = { lines: [...cell.lines], at: cell.at };
    else append(target.lines, cell.lines);
  });
}

/** Logical rows split over several grid rows: a row with no TT where the table numbers its rows. */
function mergeContinuations(rows: RawRow[], noCol: number, taskCol: number): RawRow[] {
  if (noCol < 0 || !rows.length) return rows;
  // A table that numbers its rows: its first row has a number, and so do a fair share of the rest
  // (Excel's paste of multi-line cells puts each line on a row of its own, the number on the first).
  const numbered = rows.filter((r) => !isBlank(cellText(r.cells[noCol]))).length;
  if (isBlank(cellText(rows[0]!.cells[noCol])) || numbered < rows.length * 0.15) return rows;
  const out: RawRow[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const blankNo = isBlank(cellText(row.cells[noCol]));
    if (prev && blankNo && prev.section === row.section) mergeCells(prev.cells, row.cells);
    else if (blankNo && taskCol >= 0 && isBlank(cellText(row.cells[taskCol])) && prev)
      mergeCells(prev.cells, row.cells);
    else out.push({ ...row, cells: row.cells.map((c) => ({ lines: [...c.lines], at: c.at })) });
  }
  return out;
}

/**
 * The task rows of a table from its rows' cells, for every reader (grids, Word text, .docx, layout
 * text, PDF text): fields by the header's columns, every column of a field joined in order.
 */
export function taskRows(fields: readonly TaskField[], rows: readonly RawRow[], planYear: number): TaskRow[] {
  // Every column of each field, in order: two columns mapped to one field both count.
  const columnsOf = new Map<TaskField, number[]>();
  fields.forEach((f, i) => columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]));
  const hasOutput = columnsOf.has("output");
  const noteCols = columnsOf.get("note") ?? [];
  return rows.map((r) => {
    const cellLines = (i: number) => r.cells[i]?.lines ?? [];
    const lines = (f: TaskField) => {
      const cols = columnsOf.get(f);
      if (!cols) return [];
      return cols.length === 1 ? cellLines(cols[0]!) : cols.flatMap(cellLines);
    };
    // Units column by column: two unit columns are two lists, not one name run together.
    const units = (f: TaskField) => (columnsOf.get(f) ?? []).flatMap((i) => splitUnits(cellLines(i)));
    const deadlineText = joinLines(lines("deadline"));
    const { dueDate, recurrence } = parseDeadline(deadlineText, planYear);
    const notes = noteCols.map((i) => joinLines(cellLines(i))).filter(Boolean);
    return {
      section: r.section.no,
      sectionTitle: r.section.title,
      no: cleanNo(joinLines(lines("no"))),
      task: joinLines(lines("task")),
      lead: units("lead"),
      partners: units("partners"),
      output: hasOutput ? joinLines(lines("output")) : null,
      deadlineText,
      dueDate,
      recurrence,
      note: noteCols.length ? notes.join(" | ") : null,
    };
  });
}

/**
 * The indicator rows of a table from its rows' cells, for every reader: fields by the header's
 * columns, a target for each year column; grouped (groupIndicators), with the index each came from.
 */
export function indicatorRows(
  fields: readonly IndicatorField[],
  years: readonly (number | null)[],
  rows: readonly RawRow[],
  /** The milestone of a table with one target column (or none) until a row names another. */
  defaultYear: number | null = null,
): { row: IndicatorRow; index: number }[] {
  const col = (f: IndicatorField) => fields.indexOf(f);
  const byYear = years.some((y) => y !== null);
  const targetCol = col("target");
  let milestone = defaultYear;
  const built: IndicatorRow[] = [];
  const indices: number[] = [];
  rows.forEach((r, index) => {
    const text = (i: number) => (i >= 0 ? joinLines(r.cells[i]?.lines ?? []) : "");
    const name = text(col("name"));
    // "I | Đến năm 2030", "Giai đoạn 2025 - 2027": the milestone of the rows below, not an indicator
    // (text only in the number and name columns, the name a milestone's).
    const others = r.cells.some(
      (c, i) => i !== col("no") && i !== col("name") && c.lines.some((l) => !isBlank(l)),
    );
    if (!byYear && !others) {
      const years = [...name.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
      if (years.length && /^(?:đến|tới|hết|năm|giai đoạn|mốc)/iu.test(name)) {
        milestone = years[years.length - 1]!;
        return;
      }
    }
    const targets: Record<string, string> = {};
    let unit = text(col("unit"));
    if (byYear)
      years.forEach((y, i) => {
        if (y !== null) targets[String(y)] = text(i);
      });
    else if (milestone !== null) {
      if (targetCol >= 0) targets[String(milestone)] = text(targetCol);
      else {
        // No target column: the target is in the indicator's own sentence.
        const stated = targetInSentence(name);
        if (stated) {
          targets[String(milestone)] = stated.target;
          if (!unit) unit = stated.unit;
        }
      }
    }
    built.push({
      group: null,
      groupTitle: null,
      no: cleanNo(text(col("no"))),
      name,
      unit,
      targets,
      responsible: text(col("responsible")),
    });
    indices.push(index);
  });
  return groupIndicators(built).map((g) => ({ row: g.row, index: indices[g.index]! }));
}

/**
 * Indicator groups, one rule for every reader: a row with a number and a name but no unit, value or
 * responsible unit, followed by rows numbered under it ("1" before "1.1"), is the heading of those
 * rows; so is one followed by rows numbered under the next number ("8 Hạ tầng số" before "9.1", a
 * slip of the plan's numbering). The group lasts while the rows are numbered under that prefix.
 * Returns the rows that are not headings, with their group and the index each came from.
 */
export function groupIndicators(rows: readonly IndicatorRow[]): { row: IndicatorRow; index: number }[] {
  const out: { row: IndicatorRow; index: number }[] = [];
  let group: { no: string; title: string; prefix: string } | null = null;
  rows.forEach((row, index) => {
    const empty = !row.unit && Object.values(row.targets).every((v) => !v) && !row.responsible;
    const next = rows[index + 1];
    const under =
      next && (next.no.startsWith(`${row.no}.`) || (next.no.includes(".") && !row.no.includes(".")));
    if (empty && row.no && next && under) {
      group = { no: row.no, title: row.name, prefix: `${next.no.split(".")[0]!}.` };
      return;
    }
    if (group && !row.no.startsWith(group.prefix)) group = null;
    out.push({ row: { ...row, group: group?.no ?? null, groupTitle: group?.title ?? null }, index });
  });
  return out;
}

export function buildTables(items: readonly DocItem[], planYear: number): BuiltTables {
  const result: BuiltTables = { tables: [], rowSources: [], dropped: [], prose: [] };
  let pendingProse: ProseLine[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.kind === "prose") {
      pendingProse.push(item);
      i++;
      continue;
    }
    const header = texts(item);
    // Milestone-year columns and no deadline column: an indicator table, even with a "Nội dung
    // chỉ tiêu" or "Đơn vị chủ trì" column that a task table would have.
    const isIndicator = looksLikeIndicatorHeader(header) && !header.map(mapTaskHeader).includes("deadline");
    const isTask = !isIndicator && looksLikeTaskHeader(header);
    if (!isTask && !isIndicator) {
      // A grid row outside any table: keep its text as prose so nothing is lost.
      for (const c of item.cells)
        for (const l of c.lines) if (!isBlank(l)) pendingProse.push({ kind: "prose", text: l, at: c.at });
      i++;
      continue;
    }
    const titleProse = pendingProse;
    const title = titleFrom(titleProse);
    // Prose before the title belongs to the body of the plan (targets live there).
    const titleIndex = titleProse.map((p) => isTitleStart(p.text)).lastIndexOf(true);
    append(result.prose, titleIndex >= 0 ? titleProse.slice(0, titleIndex) : titleProse.slice(0, -1));
    pendingProse = [];
    i++;

    const headerCells = header.slice();
    const next = items[i];
    if (next?.kind === "row" && isYearSubHeader(texts(next))) {
      // A period over one column per year ("Kế hoạch giai đoạn 2026-2030" over "2026" … "2030"):
      // each year names its column; the period's label, printed over the first of them, goes.
      texts(next).forEach((t, c) => {
        if (t) headerCells[c] = /^năm/iu.test(t) ? t : `Năm ${t}`;
      });
      i++;
    } else if (next?.kind === "row" && isHeaderContinuation(texts(next), headerCells.length)) {
      texts(next).forEach((t, c) => {
        if (t) headerCells[c] = normalizeInline(`${headerCells[c] ?? ""} ${t}`);
      });
      i++;
    }

    const raw: RawRow[] = [];
    const sources: SourceLocation[] = [];
    let section: Section = { no: null, title: null };
    const taskFields = headerCells.map(mapTaskHeader);
    const noCol = isTask ? taskFields.indexOf("no") : headerCells.map(mapIndicatorHeader).indexOf("no");
    while (i < items.length && items[i]!.kind === "row") {
      const row = items[i] as GridRow;
      i++;
      const t = texts(row);
      if (nonBlank(row) === 0) continue;
      if (nonBlank(row) === 1 && isTitleStart(t.find(Boolean) ?? "")) {
        i--; // the next appendix's title: this table ends
        break;
      }
      // The header printed again (a page break), in whatever form: "STT" for "TT", labels wrapped
      // or cased otherwise. The same fields in the same columns: this table's header, not a new table.
      const repeated =
        sameHeader(t, header) || sameHeader(t, headerCells) || sameFields(t, headerCells, isTask);
      if (!repeated && (looksLikeTaskHeader(t) || looksLikeIndicatorHeader(t))) {
        i--; // a new table starts here
        break;
      }
      if (repeated) {
        result.dropped.push({ at: row.at, text: t.filter(Boolean).join(" | "), reason: "repeated-header" });
        continue;
      }
      if (isColumnNumberRow(t)) {
        result.dropped.push({ at: row.at, text: t.filter(Boolean).join(" | "), reason: "layout" });
        continue;
      }
      const s = isTask ? (sectionOf(row, noCol) ?? subHeadingOf(t, noCol, items[i])) : null;
      if (s) {
        section = s;
        continue;
      }
      raw.push({ cells: row.cells, at: row.at, section });
    }

    if (isTask) {
      const merged = mergeContinuations(raw, noCol, taskFields.indexOf("task"));
      result.tables.push({
        kind: "tasks",
        title,
        columns: headerCells.filter((h, c) => h || merged.some((r) => !isBlank(cellText(r.cells[c])))),
        rows: taskRows(taskFields, merged, planYear),
      });
      append(
        sources,
        merged.map((r) => r.at),
      );
    } else {
      const fields = indicatorFields(headerCells);
      // Group headings are not rows: each row keeps the source of the grid row it came from. A
      // table with one target column (or none) is for the year its title names, else the plan's.
      const grouped = indicatorRows(fields, headerCells.map(headerYear), raw, headerYear(title) ?? planYear);
      result.tables.push({ kind: "indicators", title, rows: grouped.map((g) => g.row) });
      append(
        sources,
        grouped.map((g) => raw[g.index]!.at),
      );
    }
    result.rowSources.push(sources);
  }
  append(result.prose, pendingProse);
  return result;
}
