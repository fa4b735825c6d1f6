/**
 * The compiled CLI (package.json "bin": plan -> dist-cli/main.mjs, built by scripts/build-cli.mjs at
 * install): it runs without a TypeScript loader and does what the sources do.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { renderWordText, syntheticTables } from "../fixtures/synthetic-plan";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

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

describe("the compiled plan command in a pipe", () => {
  it("stops quietly when the reader of its output goes away (… | head)", () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-pipe-"));
    const tables = syntheticTables({
      seed: 5,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 2000,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    writeFileSync(join(dir, "kh.txt"), renderWordText(tables, 2026));
    const r = spawnSync(
      "bash",
      [
        "-o",
        "pipefail",
        "-c",
        `"${process.execPath}" "${BIN}" parse "${join(dir, "kh.txt")}" --json | head -c 200`,
      ],
      { encoding: "utf8" },
    );
    expect(Buffer.byteLength(r.stdout)).toBe(200);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(0);
  });
});

describe("the compiled split and merge with many units (worker threads as well as the main one)", () => {
  let splitDir: string | undefined;
  it("writes one complete workbook per unit, each holding exactly that unit's tasks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-split-"));
    const { parsePlanText } = await import("../../src/core/import/parse-plan");
    const { XlsxWorkbook } = await import("../../src/xlsx/xlsx-workbook");
    const { writeTrackingWorkbook } = await import("../../src/core/workflows/write-tracking-workbook");
    const tables = syntheticTables({
      seed: 17,
      planYear: 2026,
      tables: 1,
      // Enough tasks for a master past LARGE_MASTER_BYTES: the split's writer threads start.
      rowsPerTable: 600,
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
    expect(statSync(master).size).toBeGreaterThan(64 * 1024);
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
      expect(ws.rowCount - 1).toBe(20);
    }
    expect(ids.size).toBe(600);
    splitDir = dir;
  }, 120_000);

  it("merges them back with the files read ahead by worker threads: every value in, the bad file refused by name", async () => {
    const dir = splitDir!;
    const files: string[] = [];
    const typed = new Map<string, number>();
    for (let u = 1; u <= 30; u++) {
      const file = join(dir, "dv", `phong-thu-nghiem-so-${u}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet("Nhiệm vụ")!;
      const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
      const progress = header.indexOf("Tiến độ (%)");
      expect(progress).toBeGreaterThan(0);
      for (let row = 2; row <= ws.rowCount; row++) {
        const value = (u * 7 + row * 13) % 101;
        ws.getRow(row).getCell(progress).value = value;
        typed.set(String(ws.getRow(row).getCell(1).value), value);
      }
      await wb.xlsx.writeFile(file);
      files.push(file);
      // A damaged file among the good ones, early enough for a worker to be the one that reads it.
      if (u === 3) {
        const bad = join(dir, "dv", "hong.xlsx");
        writeFileSync(bad, "PK\u0003\u0004 not a workbook");
        files.push(bad);
      }
    }
    const out = join(dir, "da-tong-hop.xlsx");
    const r = spawnSync(
      process.execPath,
      [BIN, "merge", join(dir, "tong-hop.xlsx"), ...files, "--out", out, "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as {
      files: { file: string; status: string; reason: string | null; changes: number }[];
    };
    expect(json.files.map((f) => f.file)).toEqual(files.map((f) => f.split("/").pop()));
    const refused = json.files.filter((f) => f.status === "refused");
    expect(refused.map((f) => f.file)).toEqual(["hong.xlsx"]);
    expect(refused[0]!.reason).toContain("hong.xlsx");
    expect(json.files.filter((f) => f.status === "accepted").every((f) => f.changes === 20)).toBe(true);
    const merged = new ExcelJS.Workbook();
    await merged.xlsx.readFile(out);
    const ws = merged.getWorksheet("Nhiệm vụ")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const progress = header.indexOf("Tiến độ (%)");
    const found = new Map<string, unknown>();
    for (let row = 2; row <= ws.rowCount; row++)
      found.set(String(ws.getRow(row).getCell(1).value), ws.getRow(row).getCell(progress).value);
    expect(found).toEqual(typed);
  }, 120_000);

  it("has a reader thread that reads ahead what nobody claimed, at most LOOKAHEAD files ahead of the merge", async () => {
    const dir = splitDir!;
    const { Worker } = await import("node:worker_threads");
    const { LOOKAHEAD } = await import("../../src/cli/commands/read-ahead");
    // The 30 unit workbooks, then files that are not there (read as failures, delivered all the same).
    const paths = Array.from({ length: LOOKAHEAD + 20 }, (_, u) =>
      join(dir, "dv", u < 30 ? `phong-thu-nghiem-so-${u + 1}.xlsx` : `khong-co-${u}.xlsx`),
    );
    const shared = new SharedArrayBuffer(4 * (paths.length + 1));
    const claims = new Int32Array(shared);
    claims[1 + 2] = 1; // file 2 already claimed by the merge's own thread
    const got = new Map<number, { sheets?: { name: string }[]; error?: unknown }>();
    const worker = new Worker(join(ROOT, "dist-cli/returned-file-worker.mjs"), {
      workerData: { paths, shared, worker: 0 },
    });
    worker.on("message", (m: { index: number; outcome: { sheets?: { name: string }[] } }) =>
      got.set(m.index, m.outcome),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
    await settle();
    // Nothing taken by the merge yet: LOOKAHEAD files ahead at most, file 2 left alone.
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: LOOKAHEAD }, (_, i) => i).filter((i) => i !== 2),
    );
    expect(got.get(0)!.sheets!.map((x) => x.name)).toContain("Nhiệm vụ");
    expect(got.get(40)!.error).toBeDefined();
    expect([...claims.slice(1, LOOKAHEAD + 1)].every((c) => c !== 0)).toBe(true);
    Atomics.store(claims, 0, paths.length);
    Atomics.notify(claims, 0);
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    await exited;
    expect(got.size).toBe(paths.length - 1);
    expect(got.has(2)).toBe(false);
  }, 60_000);
});
