/**
 * The tracking workbooks built from the five seeds, and one of them filled in by clerks and then
 * updated from its plan again, opened and recalculated by LibreOffice: no error cell, and every cached
 * value equals what LibreOffice computes. The filled-in workbook is printed to PDF by LibreOffice and
 * its first page turned into a PNG (test-output/), to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { TASK_COLUMNS, columnOf, settingAddress } from "../../src/core/sheets/workbook-layout";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import {
  compareWithRecalc,
  convert,
  formulaCells,
  hasLibreOffice,
  recalculate,
  pdfToPng,
} from "./libreoffice";
import { writeFileSync } from "node:fs";
import { Packer } from "docx";
import { writeReport } from "../../src/core/workflows/periodic-report";
import { reportDocx } from "../../src/docx/report-docx";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

const SEEDS = join(__dirname, "../../../shared/seeds");
const OUT = join(__dirname, "../../test-output");
const dir = mkdtempSync(join(tmpdir(), "seed-books-"));

/** What clerks type into a workbook: progress, dates, results, difficulties, actuals. */
async function fillIn(path: string, out: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = book.getWorksheet("Nhiệm vụ")!;
  const at = (key: string, row: number) => ws.getCell(`${columnOf(TASK_COLUMNS, key)}${row}`);
  for (let r = 2; r <= ws.rowCount; r++) {
    const k = r % 6;
    if (k === 0) {
      at("progress", r).value = 100;
      at("completed", r).value = new Date(Date.UTC(2025, 8, 20));
      at("result", r).value = "Đã ban hành văn bản triển khai";
    } else if (k === 1) {
      at("progress", r).value = 60;
      at("difficulties", r).value = "Chưa bố trí được kinh phí; đang chờ hướng dẫn của cấp trên.";
      at("updated", r).value = new Date(Date.UTC(2025, 9, 2));
    } else if (k === 2) at("progress", r).value = 100;
    else if (k === 3) at("updated", r).value = new Date(Date.UTC(2025, 8, 10));
  }
  const ind = book.getWorksheet("Chỉ tiêu")!;
  const header = (ind.getRow(1).values as unknown[]).map(String);
  const actual = header.indexOf("Thực hiện");
  for (let r = 2; r <= ind.rowCount; r++)
    if (r % 3 !== 0) ind.getRow(r).getCell(actual).value = (r * 17) % 120;
  await book.xlsx.writeFile(out);
}

describe("workbooks built from the seeds, recalculated by LibreOffice", () => {
  const files: string[] = [];
  let recalculated: string[] = [];
  const filled = join(dir, "000-filled.xlsx");
  const updated = join(dir, "000-updated.xlsx");

  beforeAll(async () => {
    if (!hasLibreOffice())
      throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
    for (const f of readdirSync(SEEDS).sort()) {
      const parsed = parsePlanText(readFileSync(join(SEEDS, f), "utf8"), { file: f });
      const book = new XlsxWorkbook();
      // As the pane and the CLI build it: the settings take what the plan's head says of itself.
      await writeTrackingWorkbook(book, parsed.plan, { reportDate: "2025-10-14", header: parsed.header });
      const out = join(dir, f.replace(/\.txt$/, ".xlsx"));
      await book.save(out);
      files.push(out);
    }
    // Clerks fill in seed 000's workbook; then it is updated from the plan at a later date.
    await fillIn(files[0]!, filled);
    const seed0 = readdirSync(SEEDS).sort()[0]!;
    const plan = parsePlanText(readFileSync(join(SEEDS, seed0), "utf8"), { file: seed0 }).plan;
    const book = await XlsxWorkbook.open(filled);
    await writeTrackingWorkbook(book, plan, { reportDate: "2025-11-20", overrideReportDate: true });
    await book.save(updated);
    recalculated = recalculate([...files, updated]);
  }, 300_000);

  it("no error cell and no cached value that differs, for every seed and for the updated workbook", async () => {
    const all = [...files, updated];
    for (const [i, file] of all.entries()) {
      const r = await compareWithRecalc(file, recalculated[i]!);
      expect({ file, errors: r.errors.slice(0, 5) }).toEqual({ file, errors: [] });
      expect({ file, differences: r.differences.slice(0, 5) }).toEqual({ file, differences: [] });
      expect(r.formulas).toBeGreaterThan(50);
    }
  });

  it("uses only functions of Excel 2010 (no custom function, no LET/LAMBDA/IFS/XLOOKUP, no dynamic arrays)", async () => {
    const EXCEL_2010 = new Set([
      "IF",
      "AND",
      "OR",
      "NOT",
      "ISTEXT",
      "ISNUMBER",
      "ISLOGICAL",
      "INDEX",
      "COUNTA",
      "CHOOSE",
      "DATE",
      "DAY",
      "MONTH",
      "YEAR",
      "MOD",
      "MIN",
      "MAX",
      "TRIM",
      "RIGHT",
    ]);
    const used = new Set<string>();
    for (const file of [...files, updated])
      for (const c of await formulaCells(file))
        for (const m of c.formula
          .split('"')
          .filter((_, i) => i % 2 === 0)
          .join("")
          .matchAll(/([A-Z][A-Z0-9._]*)\(/g))
          used.add(m[1]!);
    expect([...used].filter((f) => !EXCEL_2010.has(f))).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it("the updated workbook kept every clerk entry and recomputed at the new report date", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(updated);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const at = (key: string, row: number) => ws.getCell(`${columnOf(TASK_COLUMNS, key)}${row}`).value;
    expect(at("result", 6)).toBe("Đã ban hành văn bản triển khai");
    expect(at("difficulties", 7)).toBe("Chưa bố trí được kinh phí; đang chờ hướng dẫn của cấp trên.");
    expect(book.getWorksheet("Thiết lập")!.getCell(settingAddress("reportDate")).value).toEqual(
      new Date(Date.UTC(2025, 10, 20)),
    );
  });

  it("writes the report of seed 000, filled in, as .docx and renders it to PDF and PNG pages to look at", async () => {
    const book = await XlsxWorkbook.open(updated);
    const report = await writeReport(book, { period: "2025-11", kind: "month" });
    expect(report.names[0]).toBe("BC T11-2025");
    const docx = join(dir, "bao-cao-000.docx");
    writeFileSync(docx, await Packer.toBuffer(reportDocx(report.document)));
    mkdirSync(OUT, { recursive: true });
    const [pdf] = convert([docx], "pdf", OUT);
    const text = execFileSync("pdftotext", ["-layout", pdf!, "-"], { encoding: "utf8" });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    // No date wrapped in an appendix cell ("30/09/202" / "5").
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{1,3}(?![\d/])/);
    // The subject line cites the plan by the name its head gives (read at import, kept in Thiết lập).
    const seed = readdirSync(SEEDS).sort()[0]!;
    const name =
      parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).header?.planName ?? "";
    expect(name.length).toBeGreaterThan(20);
    expect(text.replace(/\s+/g, " ")).toContain(name.slice(0, 40));
    expect(text.replace(/\s+/g, " ")).toContain("tháng 11 năm 2025");
    // The clerks' difficulty, word for word, in section II.
    expect(text.replace(/\s+/g, " ")).toContain(
      "Chưa bố trí được kinh phí; đang chờ hướng dẫn của cấp trên.",
    );
    pdfToPng(pdf!, join(OUT, "report-seed-000-page"), undefined, 70);
  });

  it("prints the tracking sheet legibly: A4 landscape pages with the header repeated and page numbers", () => {
    mkdirSync(OUT, { recursive: true });
    const [pdf] = convert([updated], "pdf", OUT);
    const text = execFileSync("pdftotext", ["-layout", pdf!, "-"], { encoding: "utf8" });
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    // The header row is repeated on the pages of the task sheet, and each page is numbered.
    expect(pages.filter((p) => p.includes("Nội dung nhiệm vụ")).length).toBeGreaterThan(1);
    // Only the reader's columns: the details after "Trạng thái" are not printed.
    expect(text).not.toContain("Căn cứ trạng thái");
    expect(text).toMatch(/Trang 1\/\d+/);
    // Helper columns are hidden and outside the print area.
    expect(text).not.toContain("(khi đọc)");
    const info = execFileSync("pdfinfo", [pdf!], { encoding: "utf8" });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Number(w)).toBeGreaterThan(Number(h)); // landscape
    pdfToPng(pdf!, join(OUT, "tracking-sheet-page"), { first: 1, last: 1 });
  });
});
