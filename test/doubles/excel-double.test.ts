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
