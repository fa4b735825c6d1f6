import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readPlanFile } from "../../src/cli/commands/parse";
import { renderDelimited, renderGrid, syntheticTables } from "../fixtures/synthetic-plan";
import { refusalOf } from "../fixtures/refusal";

const dir = mkdtempSync(join(tmpdir(), "kh-grid-"));

describe("grids from files", () => {
  const planYear = 2027;
  const tables = syntheticTables({
    seed: 21,
    planYear,
    tables: 2,
    rowsPerTable: 9,
    withSections: true,
    withOutput: true,
    withNote: true,
  });

  it("reads an .xlsx pasted from Word, one sheet row per table row", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Dán từ Word");
    renderGrid(tables, planYear).forEach((r) => ws.addRow(r));
    const path = join(dir, "plan-rows.xlsx");
    await book.xlsx.writeFile(path);
    const parsed = await readPlanFile(path, planYear);
    expect(parsed.plan.tables).toEqual(tables);
    expect(parsed.rowSources[0]![0]!.cell).toMatch(/^Dán từ Word!A\d+$/);
  });

  it("reads an .xlsx where each logical row is spread over several rows", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Sheet1");
    renderGrid(tables, planYear, true).forEach((r) => ws.addRow(r));
    const path = join(dir, "plan-split.xlsx");
    await book.xlsx.writeFile(path);
    const parsed = await readPlanFile(path, planYear);
    expect(parsed.plan.tables).toEqual(tables);
  });

  it("reads .csv and .tsv with multi-line quoted cells", async () => {
    const grid = renderGrid(tables, planYear);
    const csv = join(dir, "plan.csv");
    writeFileSync(csv, renderDelimited(grid, ",", "\r\n"));
    expect((await readPlanFile(csv, planYear)).plan.tables).toEqual(tables);
    const tsv = join(dir, "plan.tsv");
    writeFileSync(tsv, renderDelimited(grid, "\t"));
    expect((await readPlanFile(tsv, planYear)).plan.tables).toEqual(tables);
  });

  it("refuses a damaged .xlsx with a message naming the file", async () => {
    const path = join(dir, "hong.xlsx");
    writeFileSync(path, "not a zip");
    expect((await refusalOf(readPlanFile(path, planYear))).vi).toMatch(/hong\.xlsx.*không phải tệp Excel/);
  });
});
