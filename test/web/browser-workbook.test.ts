import {
  BrowserWorkbook,
  NEW_WORKBOOK_NAME,
  SelectionUnavailableError,
} from "../../src/web/browser-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import type { SheetSpec } from "../../src/core/sheets/sheet-spec";
import type { PlanJson } from "../../src/core/model/plan";
import { settingsSheet } from "../../src/core/sheets/settings-sheet";

const plan: PlanJson = { source: "test", planYear: 2026, tables: [], targets: [] } as unknown as PlanJson;
const spec: SheetSpec = settingsSheet(plan, {
  planYear: 2026,
  reportDate: "2026-10-01",
  dueSoonDays: 7,
  cutoffDay: 15,
});

describe("BrowserWorkbook (the web app's workbook port over a file)", () => {
  it("makes a new workbook on the first write, marks it changed until its bytes are taken", async () => {
    const wb = new BrowserWorkbook();
    const seen: boolean[] = [];
    wb.subscribe((s) => seen.push(s.changed));
    expect(await wb.readSheet("Thiết lập")).toBeNull();
    expect(await wb.sheetNames()).toEqual([]);
    await wb.writeSheets([spec]);
    expect((await wb.state()).name).toBe(NEW_WORKBOOK_NAME);
    expect((await wb.state()).changed).toBe(true);
    const { bytes, name } = await wb.bytes();
    expect(name).toBe(NEW_WORKBOOK_NAME);
    expect((await wb.state()).changed).toBe(false);
    expect(seen).toEqual([true, false]);
    const back = await XlsxWorkbook.fromBytes(bytes);
    expect(await back.sheetNames()).toEqual(["Thiết lập"]);
  });

  it("opens a workbook's bytes under its name, writes a date as a serial shown dd/mm/yyyy", async () => {
    const source = new XlsxWorkbook();
    await source.writeSheets([spec]);
    const wb = new BrowserWorkbook();
    await wb.open(await source.toBytes(), "so-cua-toi.xlsx");
    expect(await wb.state()).toEqual({ name: "so-cua-toi.xlsx", sheets: ["Thiết lập"], changed: false });
    await wb.writeDate("Thiết lập", "F2", "2026-10-20");
    expect((await wb.state()).changed).toBe(true);
    const values = await wb.readSheet("Thiết lập");
    expect(values?.[1]?.[5]).toBe(46315);
    const reopened = await XlsxWorkbook.fromBytes((await wb.bytes()).bytes);
    expect(reopened.book.getWorksheet("Thiết lập")!.getCell("F2").numFmt).toBe("dd/mm/yyyy");
  });

  it("has no selection to read, and says so with its own error", async () => {
    await expect(new BrowserWorkbook().readSelection()).rejects.toBeInstanceOf(SelectionUnavailableError);
  });
});
