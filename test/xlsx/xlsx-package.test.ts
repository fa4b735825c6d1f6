/**
 * The merge and the undo write the master in place (XlsxPackage: changed cells patched, new sheets
 * moved in) instead of through exceljs: every sheet must come out with the values the exceljs path
 * gives, first merge, undo and a second merge alike; a master the patch cannot handle takes the
 * exceljs path and still gives the same.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import {
  mergeWorkbooks,
  splitWorkbooks,
  undoLastMerge,
  writeUnitWorkbook,
  type ReturnedFile,
} from "../../src/core/workflows/unit-workbooks";
import { CLERK_COLUMNS, TASK_COLUMNS } from "../../src/core/sheets/workbook-layout";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { XlsxValues } from "../../src/xlsx/xlsx-values";
import { XlsxPackage } from "../../src/xlsx/xlsx-package";

const SEEDS = join(__dirname, "../../../shared/seeds");

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

const TEXTS = ["Đã triển khai", "=1+2 (ghi chú)", "@Phòng", "-3 ngày", "+ thêm", 'Có <thẻ> & "ngoặc"', ""];

/** Fills every clerk cell of a unit workbook with random values of the column's kind. */
function fill(book: ExcelJS.Workbook, next: () => number): void {
  const ws = book.getWorksheet("Nhiệm vụ")!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  for (const key of CLERK_COLUMNS.tasks) {
    const col = TASK_COLUMNS.find((c) => c.key === key)!;
    const at = header.indexOf(col.header);
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(at);
      if (col.kind === "date")
        cell.value = new Date(Date.UTC(2025, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
      else if (col.kind === "integer" || col.kind === "number" || col.kind === "general")
        cell.value = Math.floor(next() * 101);
      else cell.value = TEXTS[Math.floor(next() * TEXTS.length)] || null;
    }
  }
  const ind = book.getWorksheet("Chỉ tiêu");
  if (ind) {
    const h = (ind.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const at = h.indexOf("Thực hiện");
    for (let r = 2; r <= ind.rowCount && at > 0; r++)
      ind.getRow(r).getCell(at).value = Math.round(next() * 1000) / 10;
  }
}

async function everySheet(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const book = await XlsxWorkbook.fromBytes(bytes);
  const out: Record<string, unknown> = {};
  for (const name of await book.sheetNames()) out[name] = await book.readSheet(name);
  return out;
}

async function cycle(masterBytes: Uint8Array, seed: number) {
  const units = await splitWorkbooks(await XlsxValues.fromBytes(masterBytes, "tong-hop.xlsx"), {
    period: "2025-10",
    createdAt: "2025-10-01T08:00:00",
  });
  const next = rng(seed);
  const returned: { name: string; bytes: Uint8Array }[] = [];
  for (const w of units.filter((u) => !u.view)) {
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, w);
    fill(book.book, next);
    returned.push({ name: w.fileName, bytes: await book.toBytes() });
  }
  const files: ReturnedFile[] = returned.map((f) => ({
    name: f.name,
    open: async () => ({ port: await XlsxValues.fromBytes(f.bytes, f.name), savedOn: "2025-10-20" }),
  }));
  return files;
}

/** The same steps on the exceljs workbook and on the package; the sheets after each step. */
async function both(masterBytes: Uint8Array, files: ReturnedFile[]) {
  const steps: { rendered: unknown; patched: unknown; how: string | null; why: string | null }[] = [];
  const a = await XlsxWorkbook.fromBytes(masterBytes);
  const b = await XlsxPackage.fromBytes(masterBytes, "tong-hop.xlsx");
  const now = "2025-10-21T09:00:00";
  const step = async (run: (book: XlsxWorkbook | XlsxPackage) => Promise<unknown>) => {
    await run(a);
    await run(b);
    steps.push({
      rendered: await everySheet(await a.toBytes()),
      patched: await everySheet(await b.toBytes()),
      how: b.lastWrite,
      why: b.refusal,
    });
  };
  await step((m) => mergeWorkbooks(m, files, { now }));
  await step((m) => undoLastMerge(m, { now }));
  await step((m) => mergeWorkbooks(m, files.slice(0, 2), { now, resubmit: true }));
  return steps;
}

const seeds = readdirSync(SEEDS).sort();

describe.each(seeds)("the master written in place equals the master exceljs writes: %s", (seed) => {
  test("merge, undo, second merge", async () => {
    const plan = parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).plan;
    const book = new XlsxWorkbook();
    await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
    const masterBytes = await book.toBytes();
    const files = await cycle(masterBytes, seeds.indexOf(seed) + 1);
    if (!files.length) return;
    for (const s of await both(masterBytes, files)) {
      expect(s.why).toBeNull();
      expect(s.how).toBe("patched");
      expect(s.patched).toEqual(s.rendered);
    }
  }, 120_000);
});

test("a master the patch cannot write (a clerk protected the task sheet) takes the exceljs path, same result", async () => {
  const plan = parsePlanText(readFileSync(join(SEEDS, seeds[0]!), "utf8"), { file: seeds[0]! }).plan;
  const book = new XlsxWorkbook();
  await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
  await book.book.getWorksheet("Nhiệm vụ")!.protect("", {});
  const masterBytes = await book.toBytes();
  const files = await cycle(masterBytes, 7);
  const [first] = await both(masterBytes, files);
  expect(first!.how).toBe("rendered");
  expect(first!.why).toMatch(/Nhiệm vụ: protected/);
  expect(first!.patched).toEqual(first!.rendered);
}, 120_000);
