/**
 * The periodic report as a Word document an office can sign and issue as it is (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I): A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times
 * New Roman, the header block in a borderless two-column table with its rules, title and summary,
 * justified body with a 1.27 cm first-line indent, signature block and recipients, page numbers
 * centred at the top from page 2; then the appendix tables on A4 landscape with their header rows
 * repeated on every page. Built with the `docx` package; runs in Node and in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import type { AppendixTable, ReportDocument } from "../core/report/report-document";
import { barPng } from "../core/report/chart-picture";
import type { ChartData } from "../core/report/report-charts";

const FONT = "Times New Roman";
/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 56.7;
const mm = (x: number) => Math.round(x * TWIPS_PER_MM);
const A4 = { width: mm(210), height: mm(297) };
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

function para(runs: Run[] | string, options: Omit<IParagraphOptions, "children"> = {}, size = 14): Paragraph {
  const list = typeof runs === "string" ? [{ text: runs }] : runs;
  return new Paragraph({
    ...options,
    // A line break typed in a cell stays a line break (Word shows "\n" inside a run as a space).
    children: list.flatMap((r) =>
      r.text.split(/\r?\n/).map(
        (text, i) =>
          new TextRun({
            text,
            break: i > 0 ? 1 : undefined,
            bold: r.bold,
            italics: r.italic,
            size: (r.size ?? size) * 2,
            font: FONT,
          }),
      ),
    ),
  });
}

const center = (runs: Run[] | string, size = 14, extra: Omit<IParagraphOptions, "children"> = {}) =>
  para(runs, { alignment: AlignmentType.CENTER, ...extra }, size);

/** A short rule under a centred line: a bottom border on an empty paragraph indented on both sides. */
function rule(indentMm: number): Paragraph {
  return new Paragraph({
    border: { top: RULE },
    indent: { left: mm(indentMm), right: mm(indentMm) },
    spacing: { before: 60, after: 120 },
    children: [],
  });
}

/** Portrait printable width: 210 − 30 − 15 mm. */
const BODY_WIDTH = mm(165);

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({
    children,
    width: { size: Math.round((BODY_WIDTH * widthPct) / 100), type: WidthType.DXA },
    borders: NO_BORDERS,
  });
}

function twoColumns(left: Paragraph[], leftPct: number, right: Paragraph[]): Table {
  return new Table({
    width: { size: BODY_WIDTH, type: WidthType.DXA },
    columnWidths: [
      Math.round((BODY_WIDTH * leftPct) / 100),
      Math.round((BODY_WIDTH * (100 - leftPct)) / 100),
    ],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftPct), cell(right, 100 - leftPct)] })],
  });
}

function headerBlock(doc: ReportDocument): Table {
  const h = doc.header;
  return twoColumns(
    [
      center(h.parentAgency, 13),
      center([{ text: h.issuingAgency, bold: true }], 13),
      rule(18),
      center(h.number, 13),
    ],
    38,
    [
      center([{ text: h.motto1, bold: true }], 13),
      center([{ text: h.motto2, bold: true }], 14),
      rule(22),
      center([{ text: h.placeAndDate, italic: true }], 14),
    ],
  );
}

function signatureBlock(doc: ReportDocument): Table {
  const left = [
    para([{ text: "Nơi nhận:", bold: true, italic: true }], {}, 12),
    ...doc.recipients.map((r) => para(r, {}, 11)),
  ];
  const s = doc.signature;
  const right = [
    center([{ text: s.capacity, bold: true }]),
    center([{ text: s.title, bold: true }]),
    para("", { spacing: { before: 1200 } }),
    center([{ text: s.name, bold: true }]),
  ];
  return twoColumns(left, 50, right);
}

function body(doc: ReportDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    headerBlock(doc),
    center([{ text: doc.title, bold: true }], 14, { spacing: { before: 240 } }),
    center([{ text: doc.summary, bold: true }], 14),
    rule(60),
  ];
  for (const s of doc.sections) {
    out.push(
      para([{ text: s.heading, bold: true }], {
        spacing: { before: 120, after: 60 },
        indent: { firstLine: mm(12.7) },
      }),
    );
    for (const p of s.paragraphs)
      out.push(
        para([{ text: p.text, bold: p.bold, italic: p.italic }], {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(12.7) },
          spacing: { before: 60, after: 60, line: 300 },
        }),
      );
  }
  out.push(para("", { spacing: { before: 120 } }), signatureBlock(doc));
  return out;
}

function appendix(t: AppendixTable, reportRef: string, first: boolean): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  // Landscape printable width (297 − 20 − 15 mm), shared out by the columns' widths.
  const widths = t.columns.map((c) => Math.round((c.width / total) * mm(262)));
  const align = (a?: string) =>
    a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const headerRow = new TableRow({
    tableHeader: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          borders,
          width: { size: widths[i]!, type: WidthType.DXA },
          children: [center([{ text: c.header, bold: true }], 12)],
        }),
    ),
  });
  const rows = t.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (v, c) =>
            new TableCell({
              borders,
              shading:
                c === r.length - 1 && t.fills?.[i]
                  ? { type: ShadingType.CLEAR, fill: t.fills[i]!.slice(1), color: "auto" }
                  : undefined,
              children: [para(String(v), { alignment: align(t.columns[c]!.align) }, 12)],
            }),
        ),
      }),
  );
  const empty = new TableRow({
    children: [
      new TableCell({
        borders,
        columnSpan: t.columns.length,
        children: [center([{ text: "Không có.", italic: true }], 12)],
      }),
    ],
  });
  return [
    center([{ text: t.label, bold: true }], 14, { pageBreakBefore: !first }),
    center([{ text: t.title, bold: true }], 13),
    center([{ text: `(Kèm theo ${reportRef})`, italic: true }], 13),
    ...(t.subtitle ? [center([{ text: t.subtitle, italic: true }], 13)] : []),
    para("", {}, 6),
    new Table({
      width: { size: mm(262), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [headerRow, ...(rows.length ? rows : [empty])],
    }),
    ...(t.note ? [para([{ text: t.note, italic: true }], { spacing: { before: 120 } }, 12)] : []),
    ...(t.chart ? chartBlock(t.chart.data) : []),
  ];
}

/**
 * A chart as pictures and text that every program shows the same way (Word, LibreOffice, viewers
 * without SVG): the title, then one row per category with its label, its bar as a picture and its
 * total, and a legend of colour swatches with the series names.
 */
function chartBlock(chart: ChartData): (Paragraph | Table)[] {
  const BAR_WIDTH = 420;
  const totals = chart.categories.map((_, i) =>
    chart.stacked
      ? chart.series.reduce((a, s) => a + (s.values[i] ?? 0), 0)
      : (chart.series[0]?.values[i] ?? 0),
  );
  const max = Math.max(1, ...totals);
  const picture = (data: Uint8Array, width: number, height: number, name: string) =>
    new ImageRun({
      type: "png",
      data,
      transformation: { width, height },
      altText: { name, title: name, description: name },
    });
  const plain = (children: (Paragraph | Table)[], width: number) =>
    new TableCell({
      children: children as Paragraph[],
      width: { size: width, type: WidthType.DXA },
      borders: NO_BORDERS,
    });
  const rows = chart.categories.map(
    (c, i) =>
      new TableRow({
        children: [
          plain([para(c, { alignment: AlignmentType.RIGHT }, 11)], mm(70)),
          plain(
            [
              new Paragraph({
                children: [
                  picture(
                    barPng(
                      chart.series.map((s) => ({ value: s.values[i] ?? 0, color: s.color })),
                      max,
                      BAR_WIDTH,
                      14,
                    ),
                    BAR_WIDTH,
                    14,
                    c,
                  ),
                  new TextRun({ text: `  ${totals[i]}`, font: FONT, size: 22 }),
                ],
              }),
            ],
            mm(150),
          ),
        ],
      }),
  );
  const legend = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120 },
    children: chart.series.flatMap((s) => [
      picture(barPng([{ value: 1, color: s.color }], 1, 12, 12), 12, 12, s.name),
      new TextRun({ text: ` ${s.name}    `, font: FONT, size: 22 }),
    ]),
  });
  return [
    center([{ text: chart.title, bold: true }], 13, { spacing: { before: 240, after: 120 } }),
    new Table({
      width: { size: mm(220), type: WidthType.DXA },
      columnWidths: [mm(70), mm(150)],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      alignment: AlignmentType.CENTER,
      rows,
    }),
    legend,
  ];
}

export function reportDocx(doc: ReportDocument): Document {
  const ref = doc.header.number.replace(/^Số:\s*/, "Báo cáo số ");
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
      }),
    ],
  });
  return new Document({
    creator: "Theo dõi Kế hoạch",
    title: `${doc.title} ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: body(doc),
      },
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15), header: mm(10) },
          },
        },
        headers: { default: pageNumber },
        children: doc.appendices.flatMap((t, i) => appendix(t, ref, i === 0)),
      },
    ],
  });
}
