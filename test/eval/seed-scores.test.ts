/**
 * The import against the hand-checked gold files in ../shared (not part of this repository): each
 * seed goes through the CLI exactly as a user would run it, and the shared scorer grades the JSON.
 * Floors below are today's results; a change that lowers one fails here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const SHARED = join(ROOT, "../shared");
const TSX = join(ROOT, "node_modules/.bin/tsx");

/** Seeds still short of 1.000, with what is known to be missing (see the closing note). */
const KNOWN_SHORTFALL: Record<string, number> = {};

const seeds = existsSync(join(SHARED, "seeds"))
  ? readdirSync(join(SHARED, "seeds")).filter((f) => f.endsWith(".txt"))
  : [];
const describeIfShared = seeds.length ? describe : describe.skip;

describeIfShared("seed plans scored against the gold files", () => {
  const out = mkdtempSync(join(tmpdir(), "kh-seeds-"));
  it.each(seeds)("%s", (file) => {
    const stem = file.replace(/\.txt$/, "");
    const json = execFileSync(
      TSX,
      [join(ROOT, "src/cli/main.ts"), "parse", join(SHARED, "seeds", file), "--json"],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const pred = join(out, `${stem}.json`);
    writeFileSync(pred, json);
    const report = execFileSync(
      "node",
      [join(SHARED, "eval/score-import.mjs"), join(SHARED, "gold", `${stem}.json`), pred],
      {
        encoding: "utf8",
      },
    );
    const score = Number(/score: ([\d.]+)\s*$/.exec(report)?.[1]);
    expect(score).toBeGreaterThanOrEqual(KNOWN_SHORTFALL[stem] ?? 1);
  });
});

describeIfShared("tracking workbook built from a seed", () => {
  it("002: 8 tasks and 31 indicators, statuses as of 2025-10-14", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const { readFileSync } = await import("node:fs");
    const { taskStatus } = await import("../../src/core/status/task-status");
    const stem = "002_62babc475b85095e";
    const out = join(mkdtempSync(join(tmpdir(), "kh-build-seed-")), "p.xlsx");
    execFileSync(TSX, [
      join(ROOT, "src/cli/main.ts"),
      "build",
      join(SHARED, "seeds", `${stem}.txt`),
      "--report-date",
      "2025-10-14",
      "--out",
      out,
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const tasks = book.getWorksheet("Nhiệm vụ")!;
    const indicators = book.getWorksheet("Chỉ tiêu")!;
    expect(tasks.actualRowCount - 1).toBe(8);
    expect(indicators.actualRowCount - 1).toBe(31);
    const gold = JSON.parse(readFileSync(join(SHARED, "gold", `${stem}.json`), "utf8"));
    const goldTasks = gold.tables.find((t: { kind: string }) => t.kind === "tasks").rows;
    const header = (tasks.getRow(1).values as unknown[]).slice(1);
    const statusCol = header.indexOf("Trạng thái") + 1;
    goldTasks.forEach((g: { dueDate: string | null; recurrence: "none" }, i: number) => {
      const cell = tasks.getRow(i + 2).getCell(statusCol).value as { result: string };
      expect(cell.result).toBe(
        taskStatus({
          dueDate: g.dueDate,
          recurrence: g.recurrence,
          completedOn: null,
          progress: null,
          reportDate: "2025-10-14",
          lastUpdated: null,
        }).label,
      );
    });
  });
});
