import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../src/xlsx/xlsx-workbook";
import { serialToIso } from "../../src/core/excel-dates";
import { sampleSheet } from "../excel/sample-sheet";
import { TASK_COLUMNS, columnOf } from "../../src/core/sheets/workbook-layout";

describe("exceljs writer: validation and colours", () => {
  it("writes data validation and conditional formats of the tracking sheets", async () => {
    const { trackingSheets } = await import("../../src/core/sheets/tracking-sheets");
    const { syntheticTables } = await import("../fixtures/synthetic-plan");
    const tables = syntheticTables({
      seed: 81,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 6,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const path = join(mkdtempSync(join(tmpdir(), "kh-")), "so.xlsx");
    await writeWorkbook(
      path,
      trackingSheets({ source: "kh", planYear: 2026, tables, targets: [] }, { reportDate: "2026-10-14" }),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const at = (key: string, row: number) => `${columnOf(TASK_COLUMNS, key)}${row}`;
    expect(ws.getCell(at("progress", 2)).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 100],
      showErrorMessage: true,
    });
    expect(ws.getCell(at("completed", 7)).dataValidation).toMatchObject({ type: "date" });
    const cf = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[]; priority: number }[] }[];
      }
    ).conditionalFormattings;
    expect(cf[0]!.ref).toBe(`A2:${columnOf(TASK_COLUMNS, TASK_COLUMNS.at(-1)!.key)}7`);
    // Priority 1 is the spec's first rule: the overdue red, as the Office.js adapter orders them.
    expect(cf[0]!.rules[0]).toMatchObject({
      priority: 1,
      formulae: [`$${columnOf(TASK_COLUMNS, "status")}2="Chưa hoàn thành quá hạn"`],
    });
    // Helper columns are hidden; the print area is the reader's columns; page numbers in the footer.
    for (const [i, c] of TASK_COLUMNS.entries())
      expect(Boolean(ws.getColumn(i + 1).hidden)).toBe(Boolean(c.hidden));
    expect(ws.pageSetup.printArea).toBe(`A1:${columnOf(TASK_COLUMNS, "status")}7`);
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
    // A formula is never in a Text-formatted cell.
    expect(ws.getCell(at("status", 2)).numFmt).not.toBe("@");
  });
});

describe("exceljs writer", () => {
  it("writes the sheet spec so it reads back with values, dates, formulas and setup", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kh-")), "plan.xlsx");
    const names = await writeWorkbook(path, [sampleSheet(20), sampleSheet(1, "Nhiệm vụ")]);
    expect(names).toEqual(["Nhiệm vụ", "Nhiệm vụ (2)"]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    expect(ws.getCell("B1").value).toBe("Nội dung nhiệm vụ");
    expect(ws.getCell("B1").font?.bold).toBe(true);
    expect(ws.getCell("A21").value).toBe("PL.I.20");
    // Text that looks like a formula stays text.
    expect(ws.getCell("B2").value).toBe("=Nhiệm vụ bắt đầu bằng dấu bằng");
    expect(ws.getCell("C2").value).toBe("- Phòng Văn hóa – Xã hội");
    // Dates are real dates (serial numbers with a date format), not text.
    const due = ws.getCell("D3");
    expect(due.numFmt).toBe("dd/mm/yyyy");
    const dueValue = due.value;
    const iso =
      dueValue instanceof Date ? dueValue.toISOString().slice(0, 10) : serialToIso(Number(dueValue));
    expect(iso).toBe("2025-12-31");
    // Formulas carry their cached result.
    // One formula filled down is stored as a shared formula, as Excel stores it.
    expect(ws.getCell("F2").value).toEqual({
      formula: 'IF(D2="","Chưa đến hạn",IF(E2>=100,"Xong","Đang làm"))',
      result: "Chưa đến hạn",
      shareType: "shared",
      ref: "F2:F21",
    });
    expect(ws.getCell("F21").formula).toBe('IF(D21="","Chưa đến hạn",IF(E21>=100,"Xong","Đang làm"))');
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "1:1" });
    expect(ws.autoFilter).toBe("A1:F21");
  });
});

describe("exceljs writer: a spec without the copies of its filled-down formulas", () => {
  it("renders the same sheets as the full spec (what a split's writer threads are sent)", async () => {
    const JSZip = (await import("jszip")).default;
    const { XlsxWorkbook } = await import("../../src/xlsx/xlsx-workbook");
    const { trackingSheets } = await import("../../src/core/sheets/tracking-sheets");
    const { withoutFilledDownCopies, isFormulaCell } = await import("../../src/core/sheets/sheet-spec");
    const { syntheticTables } = await import("../fixtures/synthetic-plan");
    const tables = syntheticTables({
      seed: 12,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 25,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const specs = trackingSheets(
      { source: "kh", planYear: 2026, tables, targets: [] },
      { reportDate: "2026-10-14" },
    );
    const compact = specs.map(withoutFilledDownCopies);
    // The copies are gone: some filled-down column keeps one formula and only cached values below it.
    const tasks = compact.find((s) => s.columns.some((c) => c.filledDown))!;
    const k = tasks.columns.findIndex((c) => c.filledDown);
    const cells = tasks.rows.map((r) => r[k]!);
    expect(cells.every(isFormulaCell)).toBe(true);
    expect(cells.slice(1).every((c) => isFormulaCell(c) && c.formula === "")).toBe(true);
    expect(isFormulaCell(cells[0]!) && cells[0].formula.length).toBeGreaterThan(20);
    const sheetsOf = async (list: typeof specs) => {
      const book = new XlsxWorkbook();
      await book.writeSheets(list);
      const zip = await JSZip.loadAsync(await book.toBytes());
      const names = Object.keys(zip.files)
        .filter((f) => f.startsWith("xl/worksheets/sheet"))
        .sort();
      return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async("string")]));
    };
    expect(await sheetsOf(compact)).toEqual(await sheetsOf(specs));
  });
});
