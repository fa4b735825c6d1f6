import { WorkbookDouble } from "./excel-double";

describe("Excel double", () => {
  // This test breaks the load/sync rules on purpose: it checks that the double enforces them.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const book = new WorkbookDouble();
    book.seed("S", "A1", [[1, 2]]);
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
    });
  });

  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

  it("turns =text into a formula unless guarded, like Excel", async () => {
    const book = new WorkbookDouble();
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.add("S");
      ws.getRange("A1:C1").values = [["=1+1", "'=1+1", "x"]];
      await context.sync();
    });
    const s = book.sheet("S")!;
    expect(s.peek(0, 0)?.formula).toBe("=1+1");
    expect(s.peek(0, 1)).toMatchObject({ value: "=1+1", formula: null });
  });

  it("rejects arrays that do not match the range", async () => {
    const book = new WorkbookDouble();
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.add("S");
      expect(() => {
        ws.getRange("A1:B2").values = [[1, 2]];
      }).toThrow(/doesn't match/);
    });
  });

  it("counts syncs across runs and measures each request", async () => {
    const book = new WorkbookDouble();
    await book.run(async (context) => {
      context.workbook.worksheets.add("S").getRange("A1").values = [["x".repeat(1000)]];
      await context.sync();
      await context.sync();
    });
    expect(book.syncCount).toBe(2);
    expect(book.requestSizes[0]).toBeGreaterThan(1000);
    expect(book.requestSizes[1]).toBe(0);
  });
});

describe("Excel double: what real Excel does that a lenient double would not", () => {
  it("a Text-formatted cell keeps a formula written into it as literal text", async () => {
    const book = new WorkbookDouble();
    book.addSheet("S");
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      r.numberFormat = [["@", "General"]];
      r.formulas = [["=1+1", "=1+1"]];
      await context.sync();
    });
    expect(book.sheet("S")!.peek(0, 0)).toMatchObject({ value: "=1+1", formula: null });
    expect(book.sheet("S")!.peek(0, 1)?.formula).toBe("=1+1");
  });

  it("values that begin with + or - become formulas unless guarded", async () => {
    const book = new WorkbookDouble();
    book.addSheet("S");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1").values = [
        ["+84 912", "- Phòng Tư pháp", "'- Phòng Tư pháp"],
      ];
      await context.sync();
    });
    const s = book.sheet("S")!;
    expect(s.peek(0, 0)?.formula).toBe("=+84 912");
    expect(s.peek(0, 1)?.formula).toBe("=- Phòng Tư pháp");
    expect(s.peek(0, 2)).toMatchObject({ value: "- Phòng Tư pháp", formula: null });
  });

  it("a formula that points at a sheet that does not exist yet gets #REF!", async () => {
    const book = new WorkbookDouble();
    book.addSheet("S");
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1").formulas = [["='Thiết lập'!$C$2+1"]];
      context.workbook.worksheets.add("Thiết lập");
      ws.getRange("A2").formulas = [["='Thiết lập'!$C$2+1"]];
      await context.sync();
    });
    expect(book.sheet("S")!.peek(0, 0)?.formula).toBe("=#REF!+1");
    expect(book.sheet("S")!.peek(1, 0)?.formula).toBe("='Thiết lập'!$C$2+1");
  });

  it("the last sheet cannot be deleted", async () => {
    const book = new WorkbookDouble();
    book.addSheet("S");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("S").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("a response over 5 MB fails", async () => {
    const book = new WorkbookDouble();
    book.seed(
      "S",
      "A1",
      Array.from({ length: 3000 }, () => ["x".repeat(2000)]),
    );
    await expect(
      book.run(async (context) => {
        const used = context.workbook.worksheets.getItem("S").getUsedRange();
        used.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("conditionalFormats.add puts the new rule on top", async () => {
    const book = new WorkbookDouble();
    book.addSheet("S");
    await book.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:A5");
      r.conditionalFormats.add("Custom").custom.rule.formula = "=A1=1";
      r.conditionalFormats.add("Custom").custom.rule.formula = "=A1=2";
      await context.sync();
    });
    expect(book.sheet("S")!.conditionalFormats.map((c) => c.formula)).toEqual(["=A1=2", "=A1=1"]);
  });
});
