import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, type ExcelRunner } from "../../src/excel/office-workbook";
import { isoToSerial } from "../../src/core/excel-dates";
import { WorkbookDouble } from "../doubles/excel-double";
import { sampleSheet } from "./sample-sheet";
import { syntheticTables } from "../fixtures/synthetic-plan";
import { trackingSheets } from "../../src/core/sheets/tracking-sheets";
import { TASK_COLUMNS } from "../../src/core/sheets/workbook-layout";

function adapterOn(book: WorkbookDouble, budget?: number): OfficeWorkbook {
  return new OfficeWorkbook(book.run as unknown as ExcelRunner, budget);
}

describe("OfficeWorkbook.writeSheets", () => {
  it("writes header, values, serial dates, formulas and sheet setup", async () => {
    const book = new WorkbookDouble();
    const result = await adapterOn(book).writeSheets([sampleSheet(12)]);
    const sheet = book.sheet("Nhiệm vụ")!;
    expect(result.sheets).toEqual([{ requested: "Nhiệm vụ", name: "Nhiệm vụ", rows: 12 }]);
    expect(sheet.peek(0, 1)?.value).toBe("Nội dung nhiệm vụ");
    expect(sheet.peek(0, 1)?.bold).toBe(true);
    expect(sheet.peek(1, 0)?.value).toBe("PL.I.1");
    // Row 2 (index 1) is due 2025-12-31: a serial number with a date format, not text.
    expect(sheet.peek(2, 3)?.value).toBe(isoToSerial("2025-12-31"));
    expect(sheet.peek(2, 3)?.numberFormat).toBe("dd/mm/yyyy");
    expect(sheet.peek(1, 3)?.value).toBe("");
    // One formula filled down: written once and copied by Excel, relative rows moved.
    expect(sheet.peek(1, 5)?.formula).toBe('=IF(D2="","Chưa đến hạn",IF(E2>=100,"Xong","Đang làm"))');
    expect(sheet.peek(12, 5)?.formula).toBe('=IF(D13="","Chưa đến hạn",IF(E13>=100,"Xong","Đang làm"))');
    // A formula column keeps the General format (a Text cell would keep the formula as text).
    expect(sheet.peek(1, 5)?.numberFormat).toBe("General");
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toEqual({ row: 0, col: 0, rowCount: 13, colCount: 6 });
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$1:$1" });
    expect(sheet.printArea).toBe("A1:F13");
    expect(sheet.centerFooter).toBe("Trang &P/&N");
    expect(sheet.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet.columnWidths.get(1)).toBeGreaterThan(sheet.columnWidths.get(0)!);
  });

  it("keeps text that starts with =, +, - or @ as text, never a formula", async () => {
    const book = new WorkbookDouble();
    const spec = sampleSheet(3);
    spec.rows[1]![1] = "+84 912 345 678";
    spec.rows[2]![1] = "@ghi chú";
    await adapterOn(book).writeSheets([spec]);
    const sheet = book.sheet("Nhiệm vụ")!;
    expect(sheet.peek(1, 1)).toMatchObject({ value: "=Nhiệm vụ bắt đầu bằng dấu bằng", formula: null });
    expect(sheet.peek(1, 2)).toMatchObject({ value: "- Phòng Văn hóa – Xã hội", formula: null });
    expect(sheet.peek(2, 1)).toMatchObject({ value: "+84 912 345 678", formula: null });
    expect(sheet.peek(3, 1)).toMatchObject({ value: "@ghi chú", formula: null });
  });

  it("uses the same number of syncs for 10 rows and for 5,000 rows", async () => {
    const small = new WorkbookDouble();
    const large = new WorkbookDouble();
    const r10 = await adapterOn(small).writeSheets([sampleSheet(10)]);
    const r5000 = await adapterOn(large).writeSheets([sampleSheet(5000)]);
    // Sheets, one request of data, one recalculation.
    expect(small.syncCount).toBe(3);
    expect(large.syncCount).toBe(small.syncCount);
    expect(r5000.syncs).toBe(r10.syncs);
    expect(large.sheet("Nhiệm vụ")!.peek(5000, 0)?.value).toBe("PL.I.5000");
  });

  it("suspends calculation while it writes", async () => {
    const book = new WorkbookDouble();
    await adapterOn(book).writeSheets([sampleSheet(10)]);
    expect(book.calculationSuspensions).toBeGreaterThanOrEqual(1);
  });

  it("splits a write that would pass the request size limit, and loses no row", async () => {
    const unsplit = new WorkbookDouble();
    unsplit.requestLimitBytes = 200_000;
    await expect(adapterOn(unsplit, 10_000_000).writeSheets([sampleSheet(3000)])).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });

    const book = new WorkbookDouble();
    book.requestLimitBytes = 200_000;
    const result = await adapterOn(book, 150_000).writeSheets([sampleSheet(3000)]);
    expect(result.syncs).toBeGreaterThan(2);
    expect(Math.max(...book.requestSizes)).toBeLessThanOrEqual(200_000);
    const sheet = book.sheet("Nhiệm vụ")!;
    for (let r = 1; r <= 3000; r++) expect(sheet.peek(r, 0)?.value).toBe(`PL.I.${r}`);
  });

  it("never overwrites a sheet the clerk already has", async () => {
    const book = new WorkbookDouble();
    book.seed("Nhiệm vụ", "A1", [["Số liệu của chuyên viên"]]);
    const result = await adapterOn(book).writeSheets([sampleSheet(2)]);
    expect(result.sheets[0]!.name).toBe("Nhiệm vụ (2)");
    expect(book.sheet("Nhiệm vụ")!.peek(0, 0)?.value).toBe("Số liệu của chuyên viên");
    expect(book.sheet("Nhiệm vụ (2)")!.peek(1, 0)?.value).toBe("PL.I.1");
  });

  it("stops before writing when cancelled", async () => {
    const book = new WorkbookDouble();
    const controller = new AbortController();
    controller.abort();
    await expect(
      adapterOn(book).writeSheets([sampleSheet(2)], { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: "CancelledError",
    });
    expect(book.sheets).toHaveLength(0);
  });

  it("cancelled between requests, takes its new sheets out again; rewriting in place, it finishes", async () => {
    const book = new WorkbookDouble();
    book.seed("Sheet1", "A1", [["của chuyên viên"]]);
    book.requestLimitBytes = 200_000;
    const controller = new AbortController();
    const write = (replaceSheets: boolean) =>
      adapterOn(book, 150_000).writeSheets([sampleSheet(3000), sampleSheet(5, "Chỉ tiêu")], {
        signal: controller.signal,
        replaceSheets,
        onProgress: (p) => p.done === 1 && controller.abort(),
      });
    await expect(write(false)).rejects.toMatchObject({ name: "CancelledError" });
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(book.sheet("Sheet1")!.peek(0, 0)?.value).toBe("của chuyên viên");
    // The same sheets written once, then rewritten in place and cancelled after the first request.
    await adapterOn(book, 150_000).writeSheets([sampleSheet(3000), sampleSheet(5, "Chỉ tiêu")]);
    const again = new AbortController();
    const result = await adapterOn(book, 150_000).writeSheets(
      [sampleSheet(3000), sampleSheet(5, "Chỉ tiêu")],
      {
        signal: again.signal,
        replaceSheets: true,
        onProgress: (p) => p.done === 1 && again.abort(),
      },
    );
    expect(result.syncs).toBeGreaterThan(2);
    const sheet = book.sheet("Nhiệm vụ")!;
    for (let r = 1; r <= 3000; r++) expect(sheet.peek(r, 0)?.value).toBe(`PL.I.${r}`);
  });

  it("reports progress per request", async () => {
    const book = new WorkbookDouble();
    const seen: string[] = [];
    await adapterOn(book).writeSheets([sampleSheet(2), sampleSheet(2, "Chỉ tiêu")], {
      onProgress: (p) => seen.push(`${p.done}/${p.total}`),
    });
    expect(seen).toEqual(["1/1"]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Nhiệm vụ", "Chỉ tiêu"]);
  });
});

describe("OfficeWorkbook with the tracking sheets", () => {
  const planOf = (rows: number) => {
    const tables = syntheticTables({
      seed: 71,
      planYear: 2026,
      tables: 1,
      rowsPerTable: rows,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    return trackingSheets(
      { source: "kh", planYear: 2026, tables, targets: [] },
      { reportDate: "2026-10-14" },
    );
  };

  it("writes 5,000 tasks in as many syncs as 10", async () => {
    const small = new WorkbookDouble();
    const large = new WorkbookDouble();
    await adapterOn(small).writeSheets(planOf(10));
    await adapterOn(large).writeSheets(planOf(5000));
    expect(large.syncCount).toBe(small.syncCount);
    expect(large.sheet("Nhiệm vụ")!.usedArea()!.rowCount).toBe(5001);
    const status = TASK_COLUMNS.findIndex((c) => c.key === "status");
    expect(large.sheet("Nhiệm vụ")!.peek(1, status)?.formula).toMatch(/^=IF\(OR\(ISTEXT\(\$E2\)/);
    expect(large.sheet("Nhiệm vụ")!.peek(5000, status)?.formula).toMatch(/^=IF\(OR\(ISTEXT\(\$E5001\)/);
    expect(large.recalculations).toBe(1);
  });

  it("adds data validation and status colours to the data rows", async () => {
    const book = new WorkbookDouble();
    await adapterOn(book).writeSheets(planOf(20));
    const tasks = book.sheet("Nhiệm vụ")!;
    expect(tasks.validations.map((v) => v.rule)).toContainEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
    const progress = TASK_COLUMNS.findIndex((c) => c.key === "progress");
    expect(tasks.validations[0]!.address).toEqual({ row: 1, col: progress, rowCount: 20, colCount: 1 });
    // Excel puts each added rule on top: the adapter adds them last first, so the order (priority)
    // is the spec's, as in the .xlsx writer.
    const spec = planOf(20)[0]!;
    expect(tasks.conditionalFormats.map((c) => c.fill)).toEqual(spec.highlights!.map((h) => h.fill));
    expect(tasks.conditionalFormats[0]!.formula).toBe('=$J2="Chưa hoàn thành quá hạn"');
    expect(tasks.conditionalFormats[0]!.address).toEqual({
      row: 1,
      col: 0,
      rowCount: 20,
      colCount: TASK_COLUMNS.length,
    });
    expect([...tasks.hiddenColumns]).toEqual(TASK_COLUMNS.flatMap((c, i) => (c.hidden ? [i] : [])));
  });

  it("reads a sheet, writes the report date as a serial, selects a row", async () => {
    const book = new WorkbookDouble();
    const adapter = adapterOn(book);
    await adapter.writeSheets(planOf(3));
    const values = await adapter.readSheet("Nhiệm vụ");
    expect(values![0]![0]).toBe("Mã nhiệm vụ");
    expect(await adapter.readSheet("Không có")).toBeNull();
    await adapter.writeDate("Thiết lập", "C2", "2026-11-30");
    expect(book.sheet("Thiết lập")!.peek(1, 2)).toMatchObject({
      value: isoToSerial("2026-11-30"),
      numberFormat: "dd/mm/yyyy",
    });
    await adapter.selectRow("Nhiệm vụ", 2, 18);
    expect(book.selection).toEqual({
      sheet: "Nhiệm vụ",
      address: { row: 3, col: 0, rowCount: 1, colCount: 18 },
    });
  });

  it("writes a re-import in place: same sheet, its position, the clerk's other sheets and formatting stay", async () => {
    const book = new WorkbookDouble();
    const adapter = adapterOn(book);
    await adapter.writeSheets(planOf(5));
    book.addSheet("Ghi chú của tôi");
    const tasks = book.sheet("Nhiệm vụ")!;
    tasks.cell(1, 1).fill = "#FFFF00"; // the clerk's own colour on a task
    const before = book.sheets.map((s) => s.name);
    await adapter.writeSheets(planOf(6), { replaceSheets: true });
    expect(book.sheets.map((s) => s.name)).toEqual(before);
    expect(book.sheet("Nhiệm vụ")).toBe(tasks);
    expect(tasks.peek(1, 1)?.fill).toBe("#FFFF00");
    expect(tasks.usedArea()!.rowCount).toBe(7);
    // Rules are replaced, not stacked.
    expect(tasks.conditionalFormats).toHaveLength(planOf(6)[0]!.highlights!.length);
  });

  it("reads a sheet larger than one 5 MB response in blocks", async () => {
    const book = new WorkbookDouble();
    book.requestLimitBytes = 300_000;
    const text = "Nội dung nhiệm vụ rất dài ".repeat(8);
    book.seed(
      "Lớn",
      "A1",
      Array.from({ length: 4000 }, (_, i) => [`R${i}`, text, i]),
    );
    const tooMuch = new OfficeWorkbook(book.run as unknown as ExcelRunner, undefined, 1_000_000);
    await expect(tooMuch.readSheet("Lớn")).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    book.responseSizes = [];
    const values = await new OfficeWorkbook(book.run as unknown as ExcelRunner, undefined, 2_000).readSheet(
      "Lớn",
    );
    expect(values).toHaveLength(4000);
    expect(values![3999]).toEqual(["R3999", text, 3999]);
    expect(Math.max(...book.responseSizes)).toBeLessThanOrEqual(300_000);
  });

  it("refuses a selection of several areas with a message", async () => {
    const book = new WorkbookDouble();
    book.seed("Bảng", "A1", [["TT", "Nội dung"]]);
    book.select("Bảng", "A1:B1,D4:E5");
    await expect(adapterOn(book).readSelection()).rejects.toMatchObject({
      code: "InvalidSelection",
      message: expect.stringMatching(/một vùng liền nhau/),
    });
  });
});

describe("OfficeWorkbook.readSelection", () => {
  it("reads the selected range (office-addin-mock)", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          range: {
            address: "'Phụ lục'!A1:B2",
            values: [
              ["TT", "Nội dung"],
              ["1", "Nhiệm vụ"],
            ],
          },
          getSelectedRange: function () {
            return (this as unknown as { range: unknown }).range;
          },
        },
      },
      run: async function (callback: (c: unknown) => Promise<unknown>) {
        return callback((this as unknown as { context: unknown }).context);
      },
    });
    const adapter = new OfficeWorkbook(((batch: (c: unknown) => Promise<unknown>) =>
      (mock as unknown as { run: (b: unknown) => Promise<unknown> }).run(batch)) as unknown as ExcelRunner);
    const snapshot = await adapter.readSelection();
    expect(snapshot).toEqual({
      sheet: "Phụ lục",
      address: "'Phụ lục'!A1:B2",
      values: [
        ["TT", "Nội dung"],
        ["1", "Nhiệm vụ"],
      ],
    });
  });

  it("reads the selected range (double), in one sync", async () => {
    const book = new WorkbookDouble();
    book.seed("Bảng dán", "B2", [
      ["TT", "Nội dung nhiệm vụ"],
      [1, "Triển khai"],
    ]);
    book.select("Bảng dán", "B2:C3");
    const snapshot = await adapterOn(book).readSelection();
    expect(snapshot.values).toEqual([
      ["TT", "Nội dung nhiệm vụ"],
      [1, "Triển khai"],
    ]);
    expect(snapshot.sheet).toBe("Bảng dán");
    expect(book.syncCount).toBe(1);
  });
});
