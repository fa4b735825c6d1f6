/**
 * A merge the clerk cancels stops between files or before its one write: the master is left as it
 * was (no value changed, no history sheet), and the error is the job's cancellation, not a failure.
 */
import { parsePlanText } from "../../../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../../../src/core/workflows/write-tracking-workbook";
import {
  mergeWorkbooks,
  splitWorkbooks,
  undoLastMerge,
  writeUnitWorkbook,
  type ReturnedFile,
} from "../../../src/core/workflows/unit-workbooks";
import { HISTORY_SHEET } from "../../../src/core/merge/history";
import { CLERK_COLUMNS, TASK_COLUMNS, columnOf } from "../../../src/core/sheets/workbook-layout";
import { XlsxWorkbook } from "../../../src/xlsx/xlsx-workbook";
import { renderWordText, syntheticTables } from "../../fixtures/synthetic-plan";

async function setup() {
  const tables = syntheticTables({
    seed: 12,
    planYear: 2026,
    tables: 1,
    rowsPerTable: 12,
    withSections: true,
    withOutput: true,
    withNote: false,
  });
  const plan = parsePlanText(renderWordText(tables, 2026), { file: "kh.txt" }).plan;
  const master = new XlsxWorkbook();
  await writeTrackingWorkbook(master, plan, { reportDate: "2026-10-14" });
  const units = await splitWorkbooks(master, { period: "2026-10", createdAt: "2026-10-01T08:00:00" });
  const files: ReturnedFile[] = [];
  for (const w of units) {
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, w);
    const ws = book.book.getWorksheet("Nhiệm vụ")!;
    for (let r = 2; r <= ws.rowCount; r++) ws.getCell(`${columnOf(TASK_COLUMNS, "progress")}${r}`).value = 55;
    const bytes = await book.toBytes();
    files.push({ name: w.fileName, open: async () => ({ port: await XlsxWorkbook.fromBytes(bytes) }) });
  }
  return { master, files };
}

const progressOf = async (master: XlsxWorkbook) =>
  ((await master.readSheet("Nhiệm vụ")) ?? [])
    .slice(1)
    .map((r) => r[TASK_COLUMNS.findIndex((c) => c.key === "progress")]);

describe("cancelling a merge", () => {
  it("between files or before the write leaves the master as it was", async () => {
    const { master, files } = await setup();
    expect(files.length).toBeGreaterThan(1);
    expect(CLERK_COLUMNS.tasks).toContain("progress");
    const before = await progressOf(master);
    for (const stopAfter of [1, files.length]) {
      let seen = 0;
      const signal = {
        get aborted() {
          return seen >= stopAfter;
        },
      };
      await expect(
        mergeWorkbooks(master, files, {
          now: "2026-10-20T09:00:00",
          signal,
          onProgress: (done) => (seen = done),
        }),
      ).rejects.toMatchObject({ name: "CancelledError" });
      expect(await progressOf(master)).toEqual(before);
      expect(await master.readSheet(HISTORY_SHEET)).toBeNull();
    }
    // Not cancelled: the same files go in.
    const done = await mergeWorkbooks(master, files, { now: "2026-10-20T09:00:00" });
    expect(done.applied).toBeGreaterThan(0);
    const merged = await progressOf(master);
    expect(merged).not.toEqual(before);
    // An undo cancelled before its write changes nothing either; not cancelled, it restores.
    await expect(
      undoLastMerge(master, { now: "2026-10-21T09:00:00", signal: { aborted: true } }),
    ).rejects.toMatchObject({ name: "CancelledError" });
    expect(await progressOf(master)).toEqual(merged);
    await undoLastMerge(master, { now: "2026-10-21T09:00:00" });
    expect(await progressOf(master)).toEqual(before);
  });
});
