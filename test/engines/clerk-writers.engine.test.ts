/**
 * Unit workbooks filled in by three independent writers, the way clerks leave them, merged back
 * through the compiled CLI, and checked cell by cell: every value typed is in the master exactly
 * as the clerk saw it, or listed with its cell.
 * - LibreOffice Calc driven headless through UNO (writers/libreoffice_clerk.py): text typed through
 *   Calc's input line ("100%" becomes 1 shown as 100%, "15/10/2025" stays text under an English
 *   locale), a row inserted and filled in, the rows sorted; and a corrected resubmission saved later.
 * - openpyxl (writers/openpyxl_clerk.py): percentages as numbers with the 0% format, text
 *   percentages, text and real dates, a retyped header, a deleted row; formulas saved without values.
 * - exceljs: the same kinds of edits (test/fixtures/clerk-edits.ts).
 * For every seed plan.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { TASK_COLUMNS, columnOf } from "../../src/core/sheets/workbook-layout";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { readTrackingData } from "../../src/core/workflows/periodic-report";
import { readMetadata, META_SHEET } from "../../src/core/merge/unit-metadata";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { XlsxValues } from "../../src/xlsx/xlsx-values";
import {
  TASKS,
  dataRows,
  deleteRow,
  idAt,
  retypeHeader,
  rowOf,
  sortRows,
  typeValue,
} from "../fixtures/clerk-edits";
import { edited } from "../core/merge/merge-harness";
import { hasLibreOffice } from "./libreoffice";

jest.setTimeout(600_000);

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");
const SEEDS = join(ROOT, "../shared/seeds");
const PYTHON = "/usr/bin/python3";
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
const col = (key: string) => columnOf(TASK_COLUMNS, key);

interface Book {
  path: string;
  ids: string[];
  rowOf: Map<string, number>;
}

async function unitBooks(dir: string): Promise<Book[]> {
  const out: Book[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx") && !n.startsWith("xem-"))
    .sort()) {
    const path = join(dir, name);
    const values = await XlsxValues.fromBytes(new Uint8Array(readFileSync(path)), name);
    const meta = readMetadata(((await values.readSheet(META_SHEET)) ?? []).slice(1).map((r) => r[0]));
    if ("error" in meta) throw new Error(meta.error);
    const sheet = (await values.readSheet(TASKS)) ?? [];
    const rowOfId = new Map(sheet.map((r, i) => [String(r[0] ?? ""), i + 1]));
    out.push({ path, ids: meta.meta.taskIds, rowOf: rowOfId });
  }
  return out.filter((b) => b.ids.length >= 2);
}

async function masterTasks(path: string) {
  const data = await readTrackingData(await XlsxWorkbook.open(path));
  return new Map(data.tasks.map((t) => [String(t.id), t]));
}

interface MergeJson {
  files: {
    file: string;
    status: string;
    reason: string | null;
    listed: { code: string; id: string; column: string; value: unknown; address: string | null }[];
    conflicts: unknown[];
  }[];
}

function merge(master: string, files: string[], out: string): MergeJson {
  const r = cli("merge", master, ...files, "--out", out, "--json");
  if (!r.stdout) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as MergeJson;
}

beforeAll(() => {
  if (!hasLibreOffice())
    throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
  const uno = spawnSync(PYTHON, ["-c", "import uno, openpyxl"]);
  if (uno.status !== 0)
    throw new Error(
      "python3-uno and python3-openpyxl are required: apt-get install python3-uno python3-openpyxl",
    );
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
}, 120_000);

describe.each(readdirSync(SEEDS).sort())("clerks' writers: %s", (seed) => {
  let dir: string;
  let master: string;
  let books: Book[];
  /** A plan of stated targets only has no task for a unit to fill in: nothing to split. */
  let noTasks = false;
  const skipIfNoTasks = () => {
    if (books.length) return false;
    expect(noTasks).toBe(true);
    return true;
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "clerk-writers-"));
    const plan = parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).plan;
    noTasks = plan.tables.every((t) => t.kind !== "tasks" || t.rows.length === 0);
    const book = new XlsxWorkbook();
    await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
    master = join(dir, "tong-hop.xlsx");
    await book.save(master);
    const split = cli("split", master, "--out-dir", join(dir, "units"));
    expect(split.status).toBe(0);
    books = await unitBooks(join(dir, "units"));
  });

  it("LibreOffice Calc: typed text, an inserted row, a sort, a corrected resubmission", async () => {
    if (skipIfNoTasks()) return;
    const jobs = books.flatMap((b, i) => {
      const [a, c] = b.ids as [string, string];
      const typed = [
        { sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(a)}`, text: "100%" },
        { sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(c)}`, text: "80%" },
        { sheet: TASKS, cell: `${col("completed")}${b.rowOf.get(a)}`, text: "15/10/2025" },
        { sheet: TASKS, cell: `${col("result")}${b.rowOf.get(c)}`, text: "Đã trình ký" },
      ];
      return [
        {
          in: b.path,
          out: join(dir, `lo-${i}.xlsx`),
          typed,
          insert_after: 2,
          typed_new: [
            { sheet: TASKS, cell: `${col("task")}3`, text: "Nhiệm vụ đơn vị đề xuất thêm" },
            { sheet: TASKS, cell: `${col("progress")}3`, text: "10" },
          ],
          sort_desc_by: TASK_COLUMNS.findIndex((x) => x.key === "task"),
        },
        // A first version with a draft, then the corrected one (saved later).
        {
          in: b.path,
          out: join(dir, `lo-v1-${i}.xlsx`),
          typed: [{ sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(a)}`, text: "50" }],
        },
        {
          in: b.path,
          out: join(dir, `lo-v2-${i}.xlsx`),
          typed: [{ sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(a)}`, text: "90" }],
          pause_before: 1.2,
        },
      ];
    });
    writeFileSync(join(dir, "lo-jobs.json"), JSON.stringify(jobs));
    execFileSync(PYTHON, [join(__dirname, "writers/libreoffice_clerk.py"), join(dir, "lo-jobs.json")], {
      timeout: 300_000,
      stdio: "pipe",
    });
    const r = merge(
      master,
      books.map((_, i) => join(dir, `lo-${i}.xlsx`)),
      join(dir, "lo-merged.xlsx"),
    );
    const tasks = await masterTasks(join(dir, "lo-merged.xlsx"));
    books.forEach((b, i) => {
      const [a, c] = b.ids as [string, string];
      const v = r.files[i]!;
      expect({ file: v.file, status: v.status, reason: v.reason }).toEqual({
        file: `lo-${i}.xlsx`,
        status: "accepted",
        reason: null,
      });
      expect(tasks.get(a)).toMatchObject({ progress: 100, completed: "2025-10-15" });
      expect(tasks.get(c)).toMatchObject({ progress: 80, result: "Đã trình ký" });
      const added = v.listed.filter((l) => l.code === "new-task").map((l) => l.value);
      expect(added).toEqual(expect.arrayContaining(["Nhiệm vụ đơn vị đề xuất thêm", 10]));
    });
    // The corrected version wins whatever the order it is given in.
    const resub = merge(
      master,
      books.flatMap((_, i) => [join(dir, `lo-v2-${i}.xlsx`), join(dir, `lo-v1-${i}.xlsx`)]),
      join(dir, "lo-resubmitted.xlsx"),
    );
    expect(resub.files.map((f) => f.status)).toEqual(books.flatMap(() => ["accepted", "superseded"]));
    const after = await masterTasks(join(dir, "lo-resubmitted.xlsx"));
    for (const b of books) expect(after.get(b.ids[0]!)!.progress).toBe(90);
  });

  it("openpyxl: percent formats, text percentages and dates, a retyped header, a deleted row", async () => {
    if (skipIfNoTasks()) return;
    const deleted: (string | null)[] = [];
    const jobs = books.map((b, i) => {
      const [a, c] = b.ids as [string, string];
      const last = b.ids[b.ids.length - 1]!;
      const drop = b.ids.length > 2 ? last : null;
      deleted.push(drop);
      return {
        in: b.path,
        out: join(dir, `py-${i}.xlsx`),
        cells: [
          { sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(a)}`, value: 1, format: "0%" },
          { sheet: TASKS, cell: `${col("progress")}${b.rowOf.get(c)}`, value: "80%" },
          { sheet: TASKS, cell: `${col("completed")}${b.rowOf.get(a)}`, value: "15/10/2025" },
          { sheet: TASKS, cell: `${col("completed")}${b.rowOf.get(c)}`, value: null, date: "2025-10-01" },
          { sheet: TASKS, cell: `${col("result")}${b.rowOf.get(c)}`, value: "Đạt yêu cầu" },
        ],
        header: { cell: `${col("result")}1`, text: "Kết quả" },
        delete_rows: drop ? [b.rowOf.get(drop)!] : [],
      };
    });
    writeFileSync(join(dir, "py-jobs.json"), JSON.stringify(jobs));
    execFileSync(PYTHON, [join(__dirname, "writers/openpyxl_clerk.py"), join(dir, "py-jobs.json")], {
      stdio: "pipe",
    });
    const r = merge(
      master,
      books.map((_, i) => join(dir, `py-${i}.xlsx`)),
      join(dir, "py-merged.xlsx"),
    );
    const tasks = await masterTasks(join(dir, "py-merged.xlsx"));
    books.forEach((b, i) => {
      const [a, c] = b.ids as [string, string];
      const v = r.files[i]!;
      expect({ status: v.status, reason: v.reason }).toEqual({ status: "accepted", reason: null });
      expect(tasks.get(a)).toMatchObject({ progress: 100, completed: "2025-10-15" });
      expect(tasks.get(c)).toMatchObject({ progress: 80, completed: "2025-10-01", result: "Đạt yêu cầu" });
      const missing = v.listed.filter((l) => l.code === "task-missing").map((l) => l.id);
      expect(missing).toEqual(deleted[i] ? [deleted[i]] : []);
    });
  });

  it("exceljs: the same kinds of edits, sorted", async () => {
    if (skipIfNoTasks()) return;
    const files: string[] = [];
    for (const [i, b] of books.entries()) {
      const [a, c] = b.ids as [string, string];
      const bytes = await edited(new Uint8Array(readFileSync(b.path)), (wb) => {
        const ws = wb.getWorksheet(TASKS)!;
        typeValue(ws, rowOf(ws, a), "progress", 100, "percent");
        typeValue(ws, rowOf(ws, c), "progress", 80.5, "text-comma");
        typeValue(ws, rowOf(ws, a), "completed", "2025-10-15", "text-date");
        retypeHeader(ws, "difficulties", "Vướng mắc");
        typeValue(ws, rowOf(ws, c), "difficulties", "Chờ kinh phí", "number");
        sortRows(ws, "task", true);
        const rows = dataRows(ws);
        const last = idAt(ws, rows[rows.length - 1]!);
        if (last !== a && last !== c) deleteRow(ws, rows[rows.length - 1]!);
      });
      files.push(join(dir, `js-${i}.xlsx`));
      writeFileSync(files[i]!, bytes);
    }
    const r = merge(master, files, join(dir, "js-merged.xlsx"));
    const tasks = await masterTasks(join(dir, "js-merged.xlsx"));
    books.forEach((b, i) => {
      const [a, c] = b.ids as [string, string];
      expect(r.files[i]!.status).toBe("accepted");
      expect(tasks.get(a)).toMatchObject({ progress: 100, completed: "2025-10-15" });
      expect(tasks.get(c)).toMatchObject({ progress: 80.5, difficulties: "Chờ kinh phí" });
    });
  });
});
