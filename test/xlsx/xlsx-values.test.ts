import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { XlsxValues, sheetValues, xmlText } from "../../src/xlsx/xlsx-values";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { refusalOf } from "../fixtures/refusal";

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A grid without its blank trailing rows and columns (a row element with no cell is not content). */
function trimmed(rows: readonly (readonly unknown[])[] | null): unknown[][] {
  const out = (rows ?? []).map((r) => [...r]);
  while (out.length && out[out.length - 1]!.every((v) => v === "")) out.pop();
  const lastFilled = (r: unknown[]) => r.reduce<number>((last, v, i) => (v !== "" ? i + 1 : last), 0);
  const width = Math.max(0, ...out.map(lastFilled));
  return out.map((r) => r.slice(0, width));
}

/** Both readers over the same bytes: every sheet's values equal. */
async function expectSameValues(bytes: Uint8Array): Promise<void> {
  const styled = await XlsxWorkbook.fromBytes(bytes);
  const lean = await XlsxValues.fromBytes(bytes, "sổ.xlsx");
  expect(await lean.sheetNames()).toEqual(await styled.sheetNames());
  for (const name of await styled.sheetNames())
    expect(trimmed(await lean.readSheet(name))).toEqual(trimmed(await styled.readSheet(name)));
}

describe("XlsxValues reads what the styled exceljs model reads", () => {
  test("every kind of cell, gaps, hidden sheets, formulas with cached values", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Nhiệm vụ");
    ws.addRow(["Mã", "Nội dung", "Hạn", "Tiến độ", "Xong", "Trạng thái"]);
    ws.addRow(["NV-1", "=SUM(A1) viết như chữ", new Date(Date.UTC(2026, 9, 31)), 40, true, "Đang thực hiện"]);
    ws.getRow(2).getCell(6).value = { formula: 'IF(D2>=100,"Xong","Đang")', result: "Đang" };
    ws.getRow(4).values = ["NV-3", "Có <thẻ> & \"ngoặc\" 'đơn'", null, 12.5, false];
    ws.getRow(5).getCell(2).value = { richText: [{ text: "Chữ " }, { font: { bold: true }, text: "đậm" }] };
    ws.getRow(5).getCell(4).value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getRow(6).getCell(3).value = { formula: "D2*2", result: 80 };
    ws.getRow(7).getCell(1).value = "+84 912 345 678";
    ws.getRow(7).getCell(2).value = "dòng 1\ndòng 2";
    const hidden = book.addWorksheet("_meta", { state: "veryHidden" });
    hidden.addRow(['{"unitKey":"phong-a"}']);
    book.addWorksheet("Trống");
    await expectSameValues(await bytesOf(book));
  });

  test("random text survives as text, whatever it starts with", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom("=1+1", "@x", "-2", "&amp;", "_x000D_")), {
            minLength: 1,
            maxLength: 4,
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (rows) => {
          const book = new ExcelJS.Workbook();
          const ws = book.addWorksheet("S");
          // exceljs keeps control characters as they are; XML 1.0 cannot hold them.
          const clean = rows.map((r) =>
            r.map((t) =>
              [...t].filter((ch) => ch >= " " || ch === "\t" || ch === "\n" || ch === "\r").join(""),
            ),
          );
          clean.forEach((r, i) => r.forEach((t, c) => (ws.getRow(i + 1).getCell(c + 1).value = t || null)));
          await expectSameValues(await bytesOf(book));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("sheet XML other writers produce", () => {
  test("prefixed tags, inline and rich strings, ISO dates, cells and rows without references", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row>
      <x:row><x:c t="d"><x:v>2026-10-31T00:00:00</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t xml:space="preserve"> b</x:t></x:r><x:rPh><x:t>ふ</x:t></x:rPh></x:is></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
      <x:row r="4"><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c r="D4"><x:v>1.5E3</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    expect(sheetValues(xml, ["Tiến độ & kết quả"])).toEqual([
      ["Mã", "", "Tiến độ & kết quả", ""],
      [46326, "a b", true, ""],
      ["", "", "", ""],
      ["", "#N/A", "", 1500],
    ]);
  });

  test("entities and OOXML escapes decode", () => {
    expect(xmlText("&lt;a&gt; &amp;amp; &#273;&#x1EA1;_x000D_")).toBe("<a> &amp; đạ\r");
  });

  test("a cell longer than Excel allows is refused by file, sheet and cell", async () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>${"x".repeat(40_000)}</t></is></c></row></sheetData></worksheet>`;
    expect((await refusalOf(() => sheetValues(xml, [], "dv.xlsx", "Nhiệm vụ"))).vi).toMatch(
      /dv\.xlsx.*trang tính "Nhiệm vụ", ô B1/s,
    );
  });
});

describe("files that are not workbooks are refused by name", () => {
  test("not a zip, a zip without a workbook, an .xls", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const notBook = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    for (const [name, bytes, pattern] of [
      ["rác.xlsx", new TextEncoder().encode("không phải zip"), /rác\.xlsx.*không phải tệp Excel/],
      ["thư.xlsx", notBook, /thư\.xlsx.*thiếu phần workbook/],
      ["cũ.xls", notBook, /cũ\.xls.*\.xls/],
    ] as const) {
      const refusal = await refusalOf(XlsxValues.fromBytes(bytes, name));
      expect(refusal.vi).toMatch(pattern);
      expect(refusal.en).toContain(name);
    }
  });
});

describe("a plan sheet as a clerk sees it (readShownSheet)", () => {
  test("dates in any date format read as dd/mm/yyyy; other numbers stay numbers; merged areas in their first cell", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Phụ lục I");
    ws.addRow(["TT", "Hạn", "Hạn khác", "Tỷ lệ", "Số"]);
    ws.addRow([1, new Date(Date.UTC(2026, 2, 31)), new Date(Date.UTC(2025, 11, 1)), 0.35, 46000]);
    ws.getCell("B2").numFmt = "dd/mm/yyyy";
    ws.getCell("C2").numFmt = '[$-42A]d "tháng" m yyyy';
    ws.getCell("D2").numFmt = "0%";
    ws.getCell("E2").numFmt = "#,##0";
    ws.getCell("A3").value = "I. NHIỆM VỤ CHUNG";
    ws.mergeCells("A3:E3");
    const values = await XlsxValues.fromBytes(await bytesOf(book), "kh.xlsx");
    expect(await values.readShownSheet("Phụ lục I")).toEqual([
      ["TT", "Hạn", "Hạn khác", "Tỷ lệ", "Số"],
      [1, "31/03/2026", "01/12/2025", 0.35, 46000],
      ["I. NHIỆM VỤ CHUNG", "", "", "", ""],
    ]);
  });

  test("a value left in a covered cell of a merged area (as other writers keep it) is not shown", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mục</t></is></c><c r="B1" t="inlineStr"><is><t>ẩn</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    expect(sheetValues(xml, [], "", "", { blankMerged: true })).toEqual([["Mục", ""]]);
    expect(sheetValues(xml, [])).toEqual([["Mục", "ẩn"]]);
  });
});
