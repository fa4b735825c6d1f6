import { refusalOf } from "../../fixtures/refusal";
import { readFile, UnsupportedFileError } from "../../../src/taskpane/import/read-source";
import { renderDelimited, renderGrid, renderWordText, syntheticTables } from "../../fixtures/synthetic-plan";

const planYear = 2028;
const tables = syntheticTables({
  seed: 57,
  planYear,
  tables: 1,
  rowsPerTable: 7,
  withSections: true,
  withOutput: true,
  withNote: false,
});

describe("the pane's file reader", () => {
  it("reads a .csv and a .tsv saved from a pasted table, multi-line cells included", async () => {
    const grid = renderGrid(tables, planYear);
    const csv = "\ufeff" + renderDelimited(grid, ",", "\r\n");
    const tsv = renderDelimited(grid, "\t");
    expect((await readFile(new File([csv], "ke-hoach.csv"), planYear)).plan.tables).toEqual(tables);
    expect((await readFile(new File([tsv], "ke-hoach.TSV"), planYear)).plan.tables).toEqual(tables);
  });

  it("reads Word text saved as .txt", async () => {
    const text = renderWordText(tables, planYear);
    expect((await readFile(new File([text], "ke-hoach.txt"), planYear)).plan.tables).toEqual(tables);
  });

  it("refuses text that is not UTF-8, naming the file, and an unknown type by its extension", async () => {
    const latin1 = new Uint8Array([0x54, 0xea, 0x6e, 0x0a, 0xff, 0xfe, 0x41]);
    const refusal = await refusalOf(readFile(new File([latin1], "cu.csv")));
    expect(refusal.code).toBe("text-not-utf8");
    expect(refusal.vi).toMatch(/cu\.csv.*UTF-8/);
    await expect(readFile(new File(["x"], "ke-hoach.odt"))).rejects.toEqual(new UnsupportedFileError(".odt"));
  });
});
