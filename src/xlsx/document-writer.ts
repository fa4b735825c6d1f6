/**
 * The exceljs renderer of document sheets (report pages, appendix tables): merged cells, Times New
 * Roman, alignment, borders, fills, row heights, A4 with the given margins, fit to page width,
 * repeated header rows, and the page number centred at the top from page 2 on.
 */
import type ExcelJS from "exceljs";
import {
  PAGE_NUMBER_HEADER,
  mmToInches,
  type DocStyle,
  type DocumentSheet,
} from "../core/sheets/document-spec";

const thin = { style: "thin" as const };

function font(sheet: DocumentSheet, s: DocStyle): Partial<ExcelJS.Font> {
  return {
    name: sheet.font.name,
    size: s.size ?? sheet.font.size,
    bold: Boolean(s.bold),
    italic: Boolean(s.italic),
  };
}

function border(s: DocStyle): Partial<ExcelJS.Borders> | undefined {
  if (s.border === "all") return { top: thin, bottom: thin, left: thin, right: thin };
  if (s.border === "top") return { top: thin };
  if (s.border === "bottom") return { bottom: thin };
  return undefined;
}

export function renderDocument(ws: ExcelJS.Worksheet, sheet: DocumentSheet): void {
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const m = sheet.marginsMm;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: sheet.orientation,
    margins: {
      top: mmToInches(m.top),
      bottom: mmToInches(m.bottom),
      left: mmToInches(m.left),
      right: mmToInches(m.right),
      header: mmToInches(Math.max(5, m.top - 10)),
      footer: mmToInches(Math.max(5, m.bottom - 10)),
    },
    fitToPage: sheet.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: sheet.printTitleRows
      ? `${sheet.printTitleRows[0]}:${sheet.printTitleRows[1]}`
      : undefined,
  };
  ws.headerFooter = sheet.pageNumbersFromSecond
    ? { differentFirst: true, firstHeader: "", oddHeader: PAGE_NUMBER_HEADER }
    : { oddHeader: PAGE_NUMBER_HEADER };
  // Breaks that keep a block on one page (exceljs writes them as the sheet's row breaks).
  for (const after of sheet.pageBreaks ?? []) ws.getRow(after).addPageBreak();
  sheet.rows.forEach((r, i) => {
    const xrow = ws.getRow(i + 1);
    if (r.height) xrow.height = r.height;
    let col = 1;
    for (const c of r.cells) {
      const span = c.span ?? 1;
      const s = c.style ?? {};
      for (let k = 0; k < span; k++) {
        const target = xrow.getCell(col + k);
        target.font = font(sheet, s);
        const b = border(s);
        if (b) target.border = b;
        if (s.fill)
          target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill.slice(1)}` } };
        target.alignment = {
          horizontal: s.align ?? "left",
          vertical: s.vertical ?? "top",
          wrapText: Boolean(s.wrap),
          indent: s.indent ?? 0,
        };
        if (s.numFmt) target.numFmt = s.numFmt;
      }
      xrow.getCell(col).value = c.value === "" ? null : c.value;
      if (span > 1) ws.mergeCells(i + 1, col, i + 1, col + span - 1);
      col += span;
    }
  });
}
