/**
 * Queues a document sheet (a report page, an appendix table) into an Excel request: the same page
 * setup, merges, fonts, alignment, borders, fills and row heights as the .xlsx writer. Cells of a row
 * that share a style are formatted as one range, and values go one row per range, so the number of
 * queued commands follows the rows, not the cells. The caller syncs.
 */
import { asLiteralForValues } from "../core/sheets/literal-text";
import { mmToPoints, type DocChart, type DocStyle, type DocumentSheet } from "../core/sheets/document-spec";
import { columnLetter } from "../core/sheets/sheet-spec";
import { POINTS_PER_CHARACTER } from "../core/sheets/print-setup";

const ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;

function applyStyle(range: Excel.Range, sheet: DocumentSheet, s: DocStyle): void {
  const f = range.format;
  f.font.name = sheet.font.name;
  f.font.size = s.size ?? sheet.font.size;
  f.font.bold = Boolean(s.bold);
  f.font.italic = Boolean(s.italic);
  f.horizontalAlignment = ALIGN[s.align ?? "left"];
  f.verticalAlignment = s.vertical === "middle" ? "Center" : "Top";
  f.wrapText = Boolean(s.wrap);
  if (s.indent) f.indentLevel = s.indent;
  if (s.fill) f.fill.color = s.fill;
  const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical")[] =
    s.border === "all"
      ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"]
      : s.border === "top"
        ? ["EdgeTop"]
        : s.border === "bottom"
          ? ["EdgeBottom"]
          : [];
  for (const e of edges) f.borders.getItem(e).style = "Continuous";
  if (s.numFmt) range.numberFormat = [[s.numFmt]];
}

export function queueDocument(
  ws: Excel.Worksheet,
  sheet: DocumentSheet,
  fromRow = 0,
  toRow = sheet.rows.length,
): void {
  if (fromRow === 0) {
    sheet.columnWidths.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * POINTS_PER_CHARACTER);
    });
    const layout = ws.pageLayout;
    layout.orientation = sheet.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    const m = sheet.marginsMm;
    layout.topMargin = mmToPoints(m.top);
    layout.bottomMargin = mmToPoints(m.bottom);
    layout.leftMargin = mmToPoints(m.left);
    layout.rightMargin = mmToPoints(m.right);
    if (sheet.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sheet.printTitleRows)
      layout.setPrintTitleRows(`$${sheet.printTitleRows[0]}:$${sheet.printTitleRows[1]}`);
    const hf = layout.headersFooters;
    if (sheet.pageNumbersFromSecond) {
      hf.state = "FirstAndDefault";
      hf.firstPage.centerHeader = "";
    }
    hf.defaultForAllPages.centerHeader = "&P";
    // A break above the row after each: the block below starts a page.
    for (const after of sheet.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${after + 1}`);
  }
  const width = sheet.columnWidths.length;
  for (let r = fromRow; r < toRow; r++) {
    const row = sheet.rows[r]!;
    const values: (string | number)[] = [];
    let col = 0;
    // Runs of cells with one style (and spans) are formatted as one range.
    let runStart = 0;
    let runStyle = "";
    const flush = (end: number) => {
      if (end > runStart && runStyle !== "")
        applyStyle(
          ws.getRangeByIndexes(r, runStart, 1, end - runStart),
          sheet,
          JSON.parse(runStyle) as DocStyle,
        );
    };
    for (const c of row.cells) {
      const span = c.span ?? 1;
      const key = JSON.stringify(c.style ?? {});
      if (key !== runStyle || span > 1) {
        flush(col);
        runStart = col;
        runStyle = key;
      }
      const v = c.value;
      values.push(typeof v === "string" ? asLiteralForValues(v) : (v ?? ""));
      for (let k = 1; k < span; k++) values.push("");
      if (span > 1) {
        ws.getRangeByIndexes(r, col, 1, span).merge(false);
        flush(col + span);
        runStart = col + span;
        runStyle = "";
      }
      col += span;
    }
    flush(col);
    while (values.length < width) values.push("");
    ws.getRangeByIndexes(r, 0, 1, width).values = [values.slice(0, width)];
    if (row.height) ws.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = row.height;
  }
  if (toRow === sheet.rows.length) for (const chart of sheet.charts ?? []) queueChart(ws, chart);
}

/**
 * A native chart (ExcelApi 1.1, series categories 1.7) from the value columns with their header row
 * as series names; categories, colours, title and position as the .xlsx writer sets them.
 */
function queueChart(ws: Excel.Worksheet, c: DocChart): void {
  const [first] = c.seriesNames.split(":");
  const [, last] = c.series[c.series.length - 1]!.values.split(":");
  const source = ws.getRange(`${first}:${last}`);
  const chart = ws.charts.add(c.kind === "barStacked" ? "BarStacked" : "BarClustered", source, "Columns");
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  c.series.forEach((s, i) => {
    const series = chart.series.getItemAt(i);
    series.setXAxisValues(ws.getRange(c.categories));
    series.format.fill.setSolidColor(s.color);
  });
  const a = c.anchor;
  chart.setPosition(
    `${columnLetter(a.col)}${a.row + 1}`,
    `${columnLetter(a.col + a.cols - 1)}${a.row + a.rows}`,
  );
}
