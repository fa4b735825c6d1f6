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
