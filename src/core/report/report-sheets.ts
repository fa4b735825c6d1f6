/**
 * The report as worksheets: the body on A4 portrait with the decree's margins (top/bottom 20 mm,
 * left 30 mm, right 15 mm), Times New Roman 13–14, page numbers centred at the top from page 2; and
 * each appendix table on A4 landscape with its header row repeated and the columns fitted to the
 * page width.
 */
import {
  fitDocRowHeight,
  type DocCell,
  type DocRow,
  type DocumentSheet,
  type DocStyle,
} from "../sheets/document-spec";
import type { AppendixTable, ReportDocument } from "./report-document";
import { columnLetter } from "../sheets/sheet-spec";
import { DEFAULT_ROW_HEIGHT, keepTogetherBreaks, type KeepTogether } from "../sheets/page-breaks";

const FONT = { name: "Times New Roman", size: 13 };
/** Eight columns across the printable width of A4 portrait (210 − 30 − 15 mm). */
const BODY_COLUMNS = [11, 11, 11, 11, 11, 11, 11, 11];
const BODY_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };
const APPENDIX_MARGINS = { top: 20, bottom: 15, left: 20, right: 15 };

const cell = (value: string | number | null, span: number, style: DocStyle = {}): DocCell => ({
  value,
  span,
  style,
});

function row(sheet: DocumentSheet, cells: DocCell[]): DocRow {
  const r: DocRow = { cells };
  const h = fitDocRowHeight(sheet, r);
  if (h) r.height = h;
  return r;
}

function bodySheet(doc: ReportDocument, name: string): DocumentSheet {
  const sheet: DocumentSheet = {
    name,
    orientation: "portrait",
    marginsMm: BODY_MARGINS,
    columnWidths: BODY_COLUMNS,
    rows: [],
    pageNumbersFromSecond: true,
    fitToWidth: true,
    font: FONT,
  };
  const add = (...cells: DocCell[]) => sheet.rows.push(row(sheet, cells));
  const center = (extra: DocStyle = {}): DocStyle => ({
    align: "center",
    vertical: "top",
    wrap: true,
    ...extra,
  });
  // Header block: agencies on the left (3 columns), the national motto on the right (5 columns).
  add(
    cell(doc.header.parentAgency, 3, center({ size: 13 })),
    cell(doc.header.motto1, 5, center({ size: 13, bold: true })),
  );
  add(
    cell(doc.header.issuingAgency, 3, center({ size: 13, bold: true })),
    cell(doc.header.motto2, 5, center({ size: 14, bold: true })),
  );
  // The rules: short under the issuing agency, as long as the motto under it.
  add(
    cell(null, 1),
    cell(null, 1, { border: "top" }),
    cell(null, 2),
    cell(null, 3, { border: "top" }),
    cell(null, 1),
  );
  add(
    cell(doc.header.number, 3, center({ size: 13 })),
    cell(doc.header.placeAndDate, 5, center({ size: 14, italic: true })),
  );
  add(cell(null, 8));
  add(cell(doc.title, 8, center({ size: 14, bold: true })));
  add(cell(doc.summary, 8, center({ size: 14, bold: true })));
  add(cell(null, 3), cell(null, 2, { border: "top" }), cell(null, 3));
  for (const s of doc.sections) {
    add(cell(s.heading, 8, { size: 14, bold: true, wrap: true, align: "left" }));
    for (const p of s.paragraphs)
      add(
        cell(p.text, 8, {
          size: 14,
          wrap: true,
          align: "justify",
          vertical: "top",
          bold: p.bold,
          italic: p.italic,
          indent: 1,
        }),
      );
  }
  add(cell(null, 8));
  // Recipients on the left, the signature block on the right.
  const recipients = ["Nơi nhận:", ...doc.recipients];
  const signature = [doc.signature.capacity, doc.signature.title, "", "", "", doc.signature.name];
  for (let i = 0; i < Math.max(recipients.length, signature.length); i++) {
    const left = recipients[i] ?? null;
    const right = signature[i] ?? null;
    add(
      cell(left, 4, i === 0 ? { size: 12, bold: true, italic: true } : { size: 11, wrap: true }),
      cell(right, 4, center({ size: 14, bold: Boolean(right) })),
    );
  }
  return sheet;
}

function appendixSheet(t: AppendixTable, name: string, reportRef: string): DocumentSheet {
  const width = t.columns.length;
  const sheet: DocumentSheet = {
    name,
    orientation: "landscape",
    marginsMm: APPENDIX_MARGINS,
    columnWidths: t.columns.map((c) => c.width),
    rows: [],
    pageNumbersFromSecond: false,
    fitToWidth: true,
    font: FONT,
  };
  const add = (...cells: DocCell[]) => sheet.rows.push(row(sheet, cells));
  add(cell(t.label, width, { size: 14, bold: true, align: "center" }));
  add(cell(t.title, width, { size: 13, bold: true, align: "center", wrap: true }));
  add(cell(`(Kèm theo ${reportRef})`, width, { size: 13, italic: true, align: "center" }));
  if (t.subtitle) add(cell(t.subtitle, width, { size: 13, italic: true, align: "center" }));
  add(cell(null, width));
  add(
    ...t.columns.map((c) =>
      cell(c.header, 1, {
        bold: true,
        align: "center",
        vertical: "middle",
        wrap: true,
        border: "all",
        size: 12,
      }),
    ),
  );
  const headerRow = sheet.rows.length;
  sheet.printTitleRows = [headerRow, headerRow];
  t.rows.forEach((r, i) =>
    add(
      ...r.map((v, c) =>
        cell(v, 1, {
          border: "all",
          wrap: true,
          vertical: "top",
          size: 12,
          align: t.columns[c]!.align ?? "left",
          fill: c === r.length - 1 ? (t.fills?.[i] ?? undefined) : undefined,
        }),
      ),
    ),
  );
  if (!t.rows.length)
    add(cell("Không có.", width, { italic: true, border: "all", align: "center", size: 12 }));
  const firstData = headerRow + 1;
  const lastData = headerRow + t.rows.length - (t.chart?.excludeLastRows ?? 0);
  // Blocks a page must not cut: the header with the first row, the note, the summary, the chart.
  const keep: KeepTogether[] = [{ first: headerRow, last: headerRow + 1 }];
  if (t.note) {
    add(cell(null, width));
    add(cell(t.note, width, { italic: true, wrap: true, size: 12 }));
    keep.push({ first: sheet.rows.length, last: sheet.rows.length });
  }
  let summaryRows: [number, number] | null = null;
  if (t.summary?.length) {
    add(cell(null, width));
    add(
      cell(null, 1),
      cell("Kết quả", 1, { border: "all", size: 12, bold: true, align: "center" }),
      cell("Số chỉ tiêu", 1, { border: "all", size: 12, bold: true, align: "center" }),
    );
    const first = sheet.rows.length + 1;
    for (const [label, n] of t.summary)
      add(
        cell(null, 1),
        cell(label, 1, { border: "all", size: 12 }),
        cell(n, 1, { border: "all", size: 12, align: "center" }),
      );
    summaryRows = [first, sheet.rows.length];
    keep.push({ first: first - 1, last: sheet.rows.length });
  }
  const chart = t.chart;
  const range = chart?.fromSummary
    ? summaryRows
    : lastData >= firstData
      ? ([firstData, lastData] as [number, number])
      : null;
  if (chart && range) {
    const [from, to] = range;
    const col = (i: number) => columnLetter(i);
    const values = chart.fromSummary ? [2] : chart.valueColumns;
    const category = chart.fromSummary ? 1 : chart.categoryColumn;
    // The row naming the series: the table's header row, or the summary's.
    const namesRow = chart.fromSummary ? from - 1 : headerRow;
    add(cell(null, width));
    const chartRows = Math.max(12, 4 + (to - from + 1) * 2);
    // The chart sits on the rows after the last one: kept with the row above it.
    keep.push({
      first: sheet.rows.length,
      last: sheet.rows.length,
      extra: chartRows * DEFAULT_ROW_HEIGHT,
    });
    sheet.charts = [
      {
        title: chart.data.title,
        kind: chart.data.stacked ? "barStacked" : "barClustered",
        seriesNames: `${col(values[0]!)}${namesRow}:${col(values[values.length - 1]!)}${namesRow}`,
        categories: `${col(category)}${from}:${col(category)}${to}`,
        series: values.map((v, k) => ({
          name: chart.data.series[k]!.name,
          values: `${col(v)}${from}:${col(v)}${to}`,
          color: chart.data.series[k]!.color,
        })),
        anchor: {
          row: sheet.rows.length,
          col: 1,
          rows: chartRows,
          cols: Math.min(width - 1, 7),
        },
      },
    ];
  }
  sheet.pageBreaks = keepTogetherBreaks(sheet, keep);
  return sheet;
}

/** The body sheet and its appendices; `base` is the body's sheet name ("BC T10-2025"). */
export function reportSheets(doc: ReportDocument, base: string): DocumentSheet[] {
  const ref = `${doc.header.number.replace(/^Số:\s*/, "Báo cáo số ")}`;
  return [
    bodySheet(doc, base),
    ...doc.appendices.map((t, i) => appendixSheet(t, appendixName(base, i), ref)),
  ];
}

/** "BC T10-2025 PL1". */
export function appendixName(base: string, index: number): string {
  return `${base} PL${index + 1}`;
}
