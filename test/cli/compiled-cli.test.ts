/**
 * The compiled CLI (package.json "bin": plan -> dist-cli/main.mjs, built by scripts/build-cli.mjs at
 * install): it runs without a TypeScript loader and does what the sources do.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { renderWordText, syntheticTables } from "../fixtures/synthetic-plan";

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
}, 60_000);

describe("the compiled plan command", () => {
  it("is the package's bin and prints the version", () => {
    const pkg = JSON.parse(require("node:fs").readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ plan: "dist-cli/main.mjs" });
    expect(existsSync(BIN)).toBe(true);
    const r = spawnSync(process.execPath, [BIN, "version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("builds a tracking workbook, and says what is wrong with a bad command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-bin-"));
    const tables = syntheticTables({
      seed: 91,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 5,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    writeFileSync(join(dir, "kh.txt"), renderWordText(tables, 2026));
    const out = join(dir, "so.xlsx");
    const r = spawnSync(
      process.execPath,
      [BIN, "build", join(dir, "kh.txt"), "--out", out, "--report-date", "2026-10-14"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet("Nhiệm vụ")!.actualRowCount).toBe(6);
    const bad = spawnSync(process.execPath, [BIN, "nhap"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Lệnh không hợp lệ");
  });
});

describe("the compiled split with many units (written by worker threads as well as the main one)", () => {
  it("writes one complete workbook per unit, each holding exactly that unit's tasks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-split-"));
    const { parsePlanText } = await import("../../src/core/import/parse-plan");
    const { XlsxWorkbook } = await import("../../src/xlsx/xlsx-workbook");
    const { writeTrackingWorkbook } = await import("../../src/core/workflows/write-tracking-workbook");
    const tables = syntheticTables({
      seed: 17,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 120,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const plan = parsePlanText(renderWordText(tables, 2026), { file: "kh.txt", planYear: 2026 }).plan;
    const rows = (plan.tables[0] as { rows: { lead: string[] }[] }).rows;
    rows.forEach((r, i) => (r.lead = [`Phòng thử nghiệm số ${(i % 30) + 1}`]));
    const book = new XlsxWorkbook();
    await writeTrackingWorkbook(book, plan, { reportDate: "2026-10-14" });
    const master = join(dir, "tong-hop.xlsx");
    await book.save(master);
    const r = spawnSync(process.execPath, [BIN, "split", master, "--out-dir", join(dir, "dv")], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const ids = new Set<string>();
    for (let u = 1; u <= 30; u++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "dv", `phong-thu-nghiem-so-${u}.xlsx`));
      const ws = wb.getWorksheet("Nhiệm vụ")!;
      const leads = new Set<string>();
      for (let row = 2; row <= ws.rowCount; row++) {
        ids.add(String(ws.getRow(row).getCell(1).value));
        leads.add(String(ws.getRow(row).getCell(3).value));
      }
      expect([...leads]).toEqual([`Phòng thử nghiệm số ${u}`]);
      expect(ws.rowCount - 1).toBe(4);
    }
    expect(ids.size).toBe(120);
  }, 120_000);
});
