/**
 * The report written by the Office.js adapter (over the Excel double): the same workflow as the CLI,
 * the same sheets and layout commands, in a fixed number of syncs.
 */
import { OfficeWorkbook, type ExcelRunner } from "../../src/excel/office-workbook";
import { isoToSerial } from "../../src/core/excel-dates";
import { TASK_COLUMNS, columnOf } from "../../src/core/sheets/workbook-layout";
import { writeReport } from "../../src/core/workflows/periodic-report";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { WorkbookDouble } from "../doubles/excel-double";
import { FIXTURE_PLAN, TASKS, expectedTotals } from "../fixtures/report-fixture";
import { reportFigures } from "../../src/core/report/report-content";

describe("the report through the Office.js adapter", () => {
  it("writes the body and appendices with merges, Times New Roman, page setup and page numbers", async () => {
    const book = new WorkbookDouble();
    const adapter = new OfficeWorkbook(book.run as unknown as ExcelRunner);
    await writeTrackingWorkbook(adapter, FIXTURE_PLAN, { reportDate: "2025-10-14" });
    TASKS.forEach((t, i) => {
      const at = (key: string) => `${columnOf(TASK_COLUMNS, key)}${i + 2}`;
      if (t.progress !== undefined) book.seed("Nhiệm vụ", at("progress"), [[t.progress]]);
      if (t.completed) book.seed("Nhiệm vụ", at("completed"), [[isoToSerial(t.completed)!]]);
      if (t.updated) book.seed("Nhiệm vụ", at("updated"), [[isoToSerial(t.updated)!]]);
    });
    const before = book.syncCount;
    const report = await writeReport(adapter, { period: "2025-10", kind: "month" });
    expect(reportFigures(report.content).totals).toEqual(expectedTotals());
    expect(report.names).toEqual([
      "BC T10-2025",
      "BC T10-2025 PL1",
      "BC T10-2025 PL2",
      "BC T10-2025 PL3",
      "BC T10-2025 PL4",
    ]);
    // Reading three sheets, the names, then one request per sheet of this size.
    expect(book.syncCount - before).toBeLessThanOrEqual(3 * 3 + 1 + 1 + report.names.length);
    const body = book.sheet("BC T10-2025")!;
    expect(body.peek(0, 3)).toMatchObject({
      value: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      fontName: "Times New Roman",
      fontSize: 13,
      bold: true,
    });
    expect(body.merges).toContainEqual({ row: 0, col: 3, rowCount: 1, colCount: 5 });
    expect(body.pageLayout.orientation).toBe("Portrait");
    expect(body.margins).toMatchObject({ left: 85, right: 42.5, top: 56.7 });
    expect(body.headers).toEqual({ state: "FirstAndDefault", firstCenter: "", defaultCenter: "&P" });
    const pl1 = book.sheet("BC T10-2025 PL1")!;
    expect(pl1.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$5:$5" });
    expect(pl1.peek(4, 0)?.borders).toEqual(
      expect.arrayContaining(["EdgeTop:Continuous", "EdgeLeft:Continuous"]),
    );
  });
});
