import type { DocumentSheet } from "../../../src/core/sheets/document-spec";
import { keepTogetherBreaks } from "../../../src/core/sheets/page-breaks";

/** A landscape sheet of `rows` rows of 20 points, header repeated (row 1), columns that fit the page. */
const sheet = (rows: number): DocumentSheet => ({
  name: "PL",
  orientation: "landscape",
  marginsMm: { top: 20, bottom: 15, left: 20, right: 15 },
  columnWidths: [10, 40, 20],
  rows: Array.from({ length: rows }, () => ({ cells: [{ value: "x" }], height: 20 })),
  printTitleRows: [1, 1],
  pageNumbersFromSecond: false,
  fitToWidth: true,
  font: { name: "Times New Roman", size: 13 },
});

// A4 landscape less 35 mm of margins: 175 mm = 496 points, 95 % trusted: 471 points = 23 rows of 20.
describe("page breaks that keep a block whole", () => {
  it("moves a block that would reach the page's foot to the next page", () => {
    expect(keepTogetherBreaks(sheet(40), [{ first: 20, last: 24 }])).toEqual([19]);
  });

  it("leaves a block that fits where it is, and one at the top of the sheet", () => {
    expect(keepTogetherBreaks(sheet(40), [{ first: 5, last: 9 }])).toEqual([]);
    expect(keepTogetherBreaks(sheet(40), [{ first: 1, last: 2 }])).toEqual([]);
  });

  it("counts the space a chart takes below its row", () => {
    expect(keepTogetherBreaks(sheet(15), [{ first: 15, last: 15, extra: 200 }])).toEqual([14]);
    expect(keepTogetherBreaks(sheet(5), [{ first: 5, last: 5, extra: 200 }])).toEqual([]);
  });

  it("lets a block taller than a page break where it must", () => {
    expect(keepTogetherBreaks(sheet(80), [{ first: 10, last: 60 }])).toEqual([]);
  });

  it("follows the pages the rows fill, the repeated header on each", () => {
    // Page 1 holds rows 1–23; page 2 the header and 22 rows (24–45): a block at 44–47 moves on,
    // one at 42–45 stays.
    expect(keepTogetherBreaks(sheet(60), [{ first: 44, last: 47 }])).toEqual([43]);
    expect(keepTogetherBreaks(sheet(60), [{ first: 42, last: 45 }])).toEqual([]);
  });
});
