/**
 * Renders a generated plan the ways offices hold it: a Word document (the `docx` package: the body
 * in portrait A4, each appendix on landscape pages with a bordered table whose header row repeats
 * on every page, section rows spanning the table, one paragraph per line of a cell), and workbooks
 * made by pasting its tables into Excel — one sheet per appendix with multi-line cells, or one
 * sheet where each line of a cell took a row of its own (Excel's paste of multi-paragraph cells).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import ExcelJS from "exceljs";
import type { Block, RandomPlan, TableBlock } from "./random-plan";

const FONT = "Times New Roman";
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

/** Column widths (in twentieths of a point) by what the column holds. */
function widths(columns: string[], total: number): number[] {
  const weight = (c: string) =>
    /^s?tt$/i.test(c)
      ? 0.5
      : /nhiệm vụ|nội dung/i.test(c)
        ? 4
        : /thời/i.test(c)
          ? 1.3
          : /ghi chú|lưu ý/i.test(c)
            ? 1
            : 1.8;
  const sum = columns.reduce((s, c) => s + weight(c), 0);
  return columns.map((c) => Math.floor((weight(c) / sum) * total));
}

const para = (text: string, o: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, bold: o.bold, font: FONT, size: o.size ?? 26 })],
  });

function table(t: TableBlock): Table {
  const w = widths(t.columns, 14_000);
  const cell = (lines: string[], i: number, o: { bold?: boolean; span?: number } = {}) =>
    new TableCell({
      borders,
      columnSpan: o.span,
      width: {
        size: o.span ? w.slice(i, i + o.span).reduce((a, b) => a + b, 0) : w[i]!,
        type: WidthType.DXA,
      },
      children: lines.map((l) => para(l, { bold: o.bold, center: i === 0 || (o.bold && !o.span), size: 24 })),
    });
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, i) => cell([c], i, { bold: true })),
  });
  const rows = t.rows.map((row) =>
    row.kind === "section"
      ? new TableRow({
          children: [
            cell([row.no], 0, { bold: true }),
            cell([row.title], 1, { bold: true, span: t.columns.length - 1 }),
          ],
        })
      : new TableRow({ children: row.cells.map((lines, i) => cell(lines, i)) }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: 14_000, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
  });
}

export async function planDocx(plan: RandomPlan): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  let children: (Paragraph | Table)[] = [];
  let landscape = false;
  const close = () => {
    if (!children.length) return;
    sections.push({
      properties: {
        page: {
          size: landscape
            ? { orientation: PageOrientation.LANDSCAPE, width: 11_906, height: 16_838 }
            : { width: 11_906, height: 16_838 },
          margin: { top: 1134, bottom: 1134, left: landscape ? 1134 : 1701, right: 1134 },
        },
      },
      children,
    });
    children = [];
  };
  for (const b of plan.blocks) {
    if (b.kind === "p" && b.appendix) {
      close();
      landscape = true;
    }
    children.push(b.kind === "p" ? para(b.text, b) : table(b));
    if (b.kind === "table") children.push(para(""));
  }
  close();
  const doc = new Document({ sections });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Rows of one pasted table: title lines above it, then the header, then the body. */
function pastedRows(blocks: Block[], t: TableBlock, splitRows: boolean): string[][] {
  const at = blocks.indexOf(t);
  const titles = blocks
    .slice(0, at)
    .reverse()
    .filter((b) => b.kind === "p")
    .slice(0, 3)
    .reverse()
    .map((b) => [(b as { text: string }).text]);
  const out: string[][] = [...titles, t.columns];
  for (const row of t.rows) {
    if (row.kind === "section") {
      out.push([row.no, row.title]);
      continue;
    }
    if (!splitRows) {
      out.push(row.cells.map((c) => c.join("\n")));
      continue;
    }
    const height = Math.max(...row.cells.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(row.cells.map((c) => c[k] ?? ""));
  }
  return out;
}

/** The tables pasted into a workbook: one sheet per appendix, or all on one sheet with split rows. */
export async function planXlsx(plan: RandomPlan, shape: "sheets" | "split-rows"): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const tables = plan.blocks.filter((b): b is TableBlock => b.kind === "table");
  const write = (ws: ExcelJS.Worksheet, rows: string[][], width: number) => {
    for (const cells of rows) {
      const row = ws.addRow(cells);
      // A section row's title spans the rest of the table (a merged range, as pasted from Word).
      if (cells.length === 2 && width > 2 && /^([IVXL]+|[A-E])$/.test(cells[0]!))
        ws.mergeCells(row.number, 2, row.number, width);
      row.alignment = { wrapText: true, vertical: "top" };
    }
  };
  if (shape === "sheets")
    tables.forEach((t, i) =>
      write(book.addWorksheet(`PL${i + 1}`), pastedRows(plan.blocks, t, false), t.columns.length),
    );
  else {
    const ws = book.addWorksheet("Sheet1");
    for (const t of tables) {
      write(ws, pastedRows(plan.blocks, t, true), t.columns.length);
      ws.addRow([]);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
