/**
 * The import entry point for text: detects the shape (Word text with tab cells, or text copied out
 * of a PDF), reads tables and stated targets, and accounts for every line.
 */
import type { DroppedLine, ImportWarning, ParsedPlan, PlanJson, SourceLocation } from "../model/plan";
import { parseDeadline } from "../deadlines/parse-deadline";
import { cleanText, normalizeInline } from "../text/normalize";
import { detectLegacyEncoding, detectLegacyLine } from "../text/legacy-encoding";
import { buildTables } from "./build-tables";
import { detectPlanYear } from "./plan-year";
import { isTabSeparatedTable, isWordTabText, readTabSeparated, readWordText } from "./readers/word-text";
import { readPdfTextTables } from "./readers/pdf-text";
import { columnBlocksWarning } from "./readers/column-blocks";
import { isLayoutText, readLayoutText } from "./readers/layout-text";
import { extractTargets, type ExtractedTargets } from "./targets/extract-targets";
import type { DocItem } from "./grid";
import { gridToDocItems, type CellValue, type GridSource } from "./readers/grid-cells";

import { refuse } from "../problem";
import { readPlanHeader } from "./plan-header";

/** The head of a document its header is read from (a title page and more). */
const HEADER_CHARS = 8000;

export interface ParseOptions {
  file: string;
  planYear?: number;
}

export function assertReadableText(text: string, file: string): void {
  const legacy = detectLegacyEncoding(text);
  if (legacy)
    throw refuse(
      "text-legacy-encoding",
      { file, encoding: legacy.encoding, sample: legacy.sample },
      { file },
    );
  const mixed = detectLegacyLine(text);
  if (mixed)
    throw refuse(
      "text-mixed-legacy-encoding",
      { file, line: mixed.line, encoding: mixed.encoding, sample: mixed.sample },
      { file, line: mixed.line },
    );
}

/** A grid's text, cells joined by tabs and rows by line breaks (encoding checks, plan year). */
function gridText(cells: readonly (readonly CellValue[])[]): string {
  return cells
    .map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))).join("\t"))
    .join("\n");
}

/** A grid of cells (pasted range, .xlsx sheet, .csv): rows become grid rows. */
export function parsePlanGrid(
  cells: readonly (readonly CellValue[])[],
  source: GridSource,
  opts: ParseOptions,
): ParsedPlan {
  const text = gridText(cells);
  assertReadableText(text, opts.file);
  return parseGridDocument(gridToDocItems(cells, source), opts, cleanText(text));
}

/**
 * Every sheet of a workbook, in sheet order (one sheet per appendix is common): the rows of all
 * sheets form one document, so each sheet's table is read and prose on any sheet is kept.
 */
export function parsePlanSheets(
  sheets: readonly { sheet: string; cells: readonly (readonly CellValue[])[] }[],
  opts: ParseOptions,
): ParsedPlan {
  const text = sheets.map((s) => gridText(s.cells)).join("\n");
  assertReadableText(text, opts.file);
  const items = sheets.flatMap((s) => gridToDocItems(s.cells, { file: opts.file, sheet: s.sheet }));
  return parseGridDocument(items, opts, cleanText(text));
}

/** A document already split into prose and table rows (e.g. a .docx). */
export function parseDocItems(items: DocItem[], opts: ParseOptions): ParsedPlan {
  const text = items
    .map((it) => (it.kind === "prose" ? it.text : it.cells.map((c) => c.lines.join(" ")).join("\t")))
    .join("\n");
  assertReadableText(text, opts.file);
  return parseGridDocument(items, opts, cleanText(text));
}

/** A warning for every task whose deadline names a day that is not on the calendar ("31/6/2025"). */
function deadlineWarnings(plan: PlanJson, rowSources: SourceLocation[][]): ImportWarning[] {
  return plan.tables.flatMap((table, t) =>
    table.kind !== "tasks"
      ? []
      : table.rows.flatMap((row, r) =>
          parseDeadline(row.deadlineText, plan.planYear).problem === "impossible-date"
            ? [
                {
                  code: "impossible-date" as const,
                  params: { no: row.no || r + 1, deadline: row.deadlineText },
                  at: rowSources[t]?.[r],
                },
              ]
            : [],
        ),
  );
}

/**
 * Stated targets the import is not sure of, for the clerk to confirm in the preview rather than a
 * silent guess: no milestone year (neither in the sentence nor in a heading above it), a year
 * carried from a "Đến năm …: <item>" line to the items after it, or a numbered objective in which no
 * number was read.
 */
function targetWarnings(
  plan: PlanJson,
  { sources, fromProse, yearCarried }: ExtractedTargets,
): ImportWarning[] {
  const out: ImportWarning[] = [];
  // No "Mục tiêu" / "Chỉ tiêu" heading: the targets come from sentences that name objectives.
  if (fromProse && plan.targets.length)
    out.push({ code: "targets-from-prose", params: { count: plan.targets.length }, at: sources[0] });
  plan.targets.forEach((t, i) => {
    // The target as the clerk finds it in the preview: its number and the start of its text.
    const target = `${t.no ? `${t.no} ` : ""}“${t.text.length > 80 ? `${t.text.slice(0, 77)}…` : t.text}”`;
    if (t.year === null) out.push({ code: "target-year-missing", params: { target }, at: sources[i] });
    else if (yearCarried[i])
      out.push({ code: "target-year-carried", params: { target, year: t.year }, at: sources[i] });
    if (t.value === null) out.push({ code: "target-value-missing", params: { target }, at: sources[i] });
  });
  return out;
}

export function parseGridDocument(
  items: DocItem[],
  opts: ParseOptions,
  fullText: string,
  readerDropped: readonly DroppedLine[] = [],
): ParsedPlan {
  const planYear = opts.planYear ?? detectPlanYear(fullText);
  const built = buildTables(items, planYear);
  const stated = extractTargets(
    built.prose.map((p) => ({ text: p.text, line: p.at.line ?? 0 })),
    opts.file,
  );
  const plan: PlanJson = { source: opts.file, planYear, tables: built.tables, targets: stated.targets };
  return {
    plan,
    rowSources: built.rowSources,
    targetSources: stated.sources,
    warnings: [...deadlineWarnings(plan, built.rowSources), ...targetWarnings(plan, stated)],
    dropped: [...readerDropped, ...built.dropped, ...stated.dropped],
    unplaced: [],
    tableLines: [],
    header: readPlanHeader(fullText.slice(0, HEADER_CHARS)),
  };
}

export function parsePlanText(text: string, opts: ParseOptions): ParsedPlan {
  assertReadableText(text, opts.file);
  // The plan year is read from the head of the document: clean only that much.
  const clean = cleanText(text.slice(0, 8000).replace(/\r\n?/g, "\n"));
  // Keep tabs: they carry the cell structure of Word text (cleanText turned them into spaces).
  const lines = text.replace(/\r\n?/g, "\n").normalize("NFC").split("\n");
  if (isWordTabText(lines)) return parseGridDocument(readWordText(lines, opts.file), opts, clean);
  // A table copied from a spreadsheet or a web page: cells separated by tabs on each row's line.
  if (isTabSeparatedTable(lines)) return parseGridDocument(readTabSeparated(lines, opts.file), opts, clean);
  // Text that keeps the page layout (pdftotext -layout): tables from the columns of the text.
  if (isLayoutText(lines)) {
    const read = readLayoutText(lines, opts.file);
    return parseGridDocument(read.items, opts, clean, read.dropped);
  }
  const planYear = opts.planYear ?? detectPlanYear(clean);
  const read = readPdfTextTables(lines, opts.file, planYear);
  const prose: { text: string; line: number }[] = [];
  lines.forEach((text, i) => {
    if (!read.consumed.has(i + 1)) prose.push({ text, line: i + 1 });
  });
  const stated = extractTargets(prose, opts.file);
  const dropped = [...read.dropped, ...stated.dropped];
  const droppedLines = new Set(dropped.map((d) => d.at.line));
  // Table lines neither read into a field nor dropped for a stated reason: shown to the clerk.
  const tableLines = read.consumed.lines();
  const unplaced = tableLines
    .filter((n) => !read.placed.has(n) && !droppedLines.has(n) && (lines[n - 1] ?? "").trim() !== "")
    .map((n) => ({ at: { file: opts.file, line: n }, text: normalizeInline(lines[n - 1]!) }));
  const blocks = columnBlocksWarning(lines, opts.file);
  const warnings = unplaced.length
    ? [{ code: "unplaced-lines" as const, params: { count: unplaced.length }, at: { file: opts.file } }]
    : [];
  const plan: PlanJson = { source: opts.file, planYear, tables: read.tables, targets: stated.targets };
  return {
    plan,
    rowSources: read.rowSources,
    targetSources: stated.sources,
    warnings: [
      ...(blocks ? [blocks] : []),
      ...warnings,
      ...deadlineWarnings(plan, read.rowSources),
      ...targetWarnings(plan, stated),
    ],
    dropped,
    unplaced,
    tableLines,
    header: readPlanHeader(clean),
  };
}
