/**
 * The monthly cycle against what clerks really do to their unit workbooks (written by exceljs here;
 * LibreOffice and openpyxl in test/engines/clerk-writers.engine.test.ts): every value typed is
 * applied or listed with its cell, never dropped; resubmissions replace what the unit sent; periods
 * are explicit; a corrected wording in the master does not break the cycle.
 */
import { refusalText, verdictText } from "../../../src/messages/problem-messages";
import type ExcelJS from "exceljs";
import {
  completenessOf,
  mergeWorkbooks,
  openConflicts,
  takeUnitValues,
  undoLastMerge,
} from "../../../src/core/workflows/unit-workbooks";
import { HISTORY_SHEET, readHistory } from "../../../src/core/merge/history";
import { TASK_COLUMNS, columnOf } from "../../../src/core/sheets/workbook-layout";
import {
  TASKS,
  addColumn,
  columnFor,
  dataRows,
  deleteRow,
  idAt,
  insertRow,
  retypeHeader,
  rowOf,
  sortRows,
  typeValue,
  uncachedFormula,
  unprotect,
} from "../../fixtures/clerk-edits";
import { edited, fixture, masterTasks, openMaster, returned, type Fixture } from "./merge-harness";

const NOW = "2026-10-20T09:00:00";
let f: Fixture;
/** The unit with the most tasks. */
let unit: Fixture["units"][number];

beforeAll(async () => {
  f = await fixture(31, 14);
  unit = [...f.units].sort((a, b) => b.w.meta.taskIds.length - a.w.meta.taskIds.length)[0]!;
  expect(unit.w.meta.taskIds.length).toBeGreaterThanOrEqual(2);
});

const tasksOf = (wb: ExcelJS.Workbook) => wb.getWorksheet(TASKS)!;

describe("what the clerk typed is read as the clerk sees it", () => {
  it("100% and 80% typed in Excel (a number with a percent format) are 100 and 80, not 1 and 0.8", async () => {
    const [a, b] = unit.w.meta.taskIds as [string, string];
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, rowOf(ws, a), "progress", 100, "percent");
      typeValue(ws, rowOf(ws, b), "progress", 80, "percent");
    });
    const master = await openMaster(f);
    const r = await mergeWorkbooks(master, [returned("pt.xlsx", bytes)], { now: NOW });
    expect(r.files[0]).toMatchObject({ status: "accepted" });
    const tasks = await masterTasks(master);
    expect(tasks.get(a)!.progress).toBe(100);
    expect(tasks.get(b)!.progress).toBe(80);
  });

  it('"80%", "80,5" and a date typed as text "15/10/2026" read as the numbers and the date', async () => {
    const [a, b] = unit.w.meta.taskIds as [string, string];
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, rowOf(ws, a), "progress", 80, "text-percent");
      typeValue(ws, rowOf(ws, b), "progress", 80.5, "text-comma");
      typeValue(ws, rowOf(ws, a), "completed", "2026-10-15", "text-date");
      ws.getCell(rowOf(ws, b), columnFor(ws, "updated")).value = "5-9-2026";
    });
    const master = await openMaster(f);
    const r = await mergeWorkbooks(master, [returned("txt.xlsx", bytes)], { now: NOW });
    expect(r.files[0]).toMatchObject({ status: "accepted" });
    const tasks = await masterTasks(master);
    expect(tasks.get(a)).toMatchObject({ progress: 80, completed: "2026-10-15" });
    expect(tasks.get(b)).toMatchObject({ progress: 80.5, updated: "2026-09-05" });
  });

  it("what cannot be read is refused by sheet and cell, saying what to type", async () => {
    const [a] = unit.w.meta.taskIds as [string];
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      ws.getCell(rowOf(ws, a), columnFor(ws, "progress")).value = "gần xong";
      ws.getCell(rowOf(ws, a), columnFor(ws, "completed")).value = "31/02/2026";
    });
    const r = await mergeWorkbooks(await openMaster(f), [returned("sai.xlsx", bytes)], { now: NOW });
    const v = r.files[0]!;
    expect(v.status).toBe("refused");
    const row = rowOf(tasksOf(await loaded(bytes)), a);
    expect(v.invalid.map((i) => i.address).sort()).toEqual(
      [`${columnOf(TASK_COLUMNS, "completed")}${row}`, `${columnOf(TASK_COLUMNS, "progress")}${row}`].sort(),
    );
    expect(verdictText(v, "vi")).toContain("gõ 80 hoặc 80%");
    expect(verdictText(v, "vi")).toContain("dd/mm/yyyy");
    expect(verdictText(v, "en")).toContain(`cell ${columnOf(TASK_COLUMNS, "progress")}${row}`);
  });
});

async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: ExcelJSLib } = await import("exceljs");
  const wb = new ExcelJSLib.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("nothing typed is dropped without a word", () => {
  it("a sorted book with a retyped header, an added row, a deleted row, an own column, a plan edit and a formula without value", async () => {
    const ids = unit.w.meta.taskIds;
    const [a, b] = ids as [string, string];
    let addedAt = 0;
    let deleted = "";
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      sortRows(ws, "task", true);
      retypeHeader(ws, "result", "Kết quả");
      typeValue(ws, rowOf(ws, a), "result", "Đã ban hành văn bản", "number");
      unprotect(ws);
      ws.getCell(rowOf(ws, b), columnFor(ws, "task")).value = "Nội dung do đơn vị tự sửa";
      const notes = addColumn(ws, "Ghi chú của đơn vị", new Map([[rowOf(ws, a), "Chờ kinh phí"]]));
      expect(notes).toBeGreaterThan(TASK_COLUMNS.length);
      const rows = dataRows(ws);
      deleted = idAt(ws, rows[rows.length - 1]!);
      if (deleted === a || deleted === b) deleted = "";
      else deleteRow(ws, rows[rows.length - 1]!);
      addedAt = rows[0]! + 1;
      insertRow(ws, rows[0]!, { task: "Nhiệm vụ phát sinh: tập huấn chuyển đổi số", progress: "30" });
      // Last: the structural edits above turn formulas into their values, as a sort's paste would.
      uncachedFormula(ws, rowOf(ws, b), "progress", "40+20");
    });
    const master = await openMaster(f);
    const r = await mergeWorkbooks(master, [returned("nhieu-sua.xlsx", bytes)], { now: NOW });
    const v = r.files[0]!;
    expect(v.status).toBe("accepted");
    // The retyped header's column is found where the split put it: the value is applied.
    expect((await masterTasks(master)).get(a)!.result).toBe("Đã ban hành văn bản");
    const codes = (code: string) => v.listed.filter((l) => l.code === code);
    expect(codes("new-task").map((l) => [l.address, l.value])).toEqual(
      expect.arrayContaining([
        [`${columnOf(TASK_COLUMNS, "task")}${addedAt}`, "Nhiệm vụ phát sinh: tập huấn chuyển đổi số"],
        [`${columnOf(TASK_COLUMNS, "progress")}${addedAt}`, "30"],
      ]),
    );
    expect(codes("foreign-column")).toEqual([
      expect.objectContaining({ id: a, column: "Ghi chú của đơn vị", value: "Chờ kinh phí" }),
    ]);
    expect(codes("plan-edit")).toEqual([
      expect.objectContaining({ id: b, column: "Nội dung nhiệm vụ", value: "Nội dung do đơn vị tự sửa" }),
    ]);
    expect(codes("formula-no-value")).toEqual([expect.objectContaining({ id: b, column: "Tiến độ (%)" })]);
    if (deleted) expect(codes("task-missing").map((l) => l.id)).toEqual([deleted]);
    // The plan column is never written back.
    expect((await masterTasks(master)).get(b)!.task).not.toBe("Nội dung do đơn vị tự sửa");
    // And every listed value is kept in the workbook, with its cell, not only said on a console.
    const kept = readHistory(await master.readSheet(HISTORY_SHEET)).filter((h) => h.kind === "listed");
    expect(kept.map((h) => [h.id, h.column, h.value])).toEqual(
      v.listed.map((l) => [l.id, l.column, l.value]),
    );
    for (const [h, l] of kept.map((h, i) => [h, v.listed[i]!] as const))
      expect(h.note).toContain(`${l.sheet}${l.address ? `!${l.address}` : ""}`);
  });

  it("a row of another unit's task is listed, not applied", async () => {
    const other = f.units.find((u) => u !== unit && !u.w.view && u.w.meta.taskIds.length)!;
    const theirs = other.w.meta.taskIds[0]!;
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      const last = ws.rowCount + 1;
      ws.getCell(last, columnFor(ws, "id")).value = theirs;
      ws.getCell(last, columnFor(ws, "progress")).value = 70;
    });
    const master = await openMaster(f);
    const before = (await masterTasks(master)).get(theirs)!.progress ?? null;
    const r = await mergeWorkbooks(master, [returned("cua-nguoi-khac.xlsx", bytes)], { now: NOW });
    expect(r.files[0]!.listed).toEqual([
      expect.objectContaining({ code: "not-owned", id: theirs, column: "Tiến độ (%)", value: 70 }),
    ]);
    expect((await masterTasks(master)).get(theirs)!.progress ?? null).toBe(before);
  });
});

describe("resubmission is a normal event", () => {
  const v1v2 = async () => {
    const [a] = unit.w.meta.taskIds as [string];
    const v1 = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, rowOf(ws, a), "progress", 50, "number");
      typeValue(ws, rowOf(ws, a), "result", "Dự thảo", "number");
    });
    const v2 = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, rowOf(ws, a), "progress", 80, "number");
      typeValue(ws, rowOf(ws, a), "result", "Đã ban hành", "number");
    });
    return { a, v1, v2 };
  };

  it("a corrected file replaces what the unit sent before; both versions are in the history", async () => {
    const { a, v1, v2 } = await v1v2();
    const master = await openMaster(f);
    await mergeWorkbooks(master, [returned("v1.xlsx", v1, "2026-10-05T08:00:00Z")], { now: NOW });
    const r = await mergeWorkbooks(master, [returned("v2.xlsx", v2, "2026-10-07T08:00:00Z")], {
      now: "2026-10-21T09:00:00",
    });
    expect(r.files[0]).toMatchObject({ status: "accepted", resubmission: true });
    expect(r.files[0]!.conflicts).toEqual([]);
    expect((await masterTasks(master)).get(a)).toMatchObject({ progress: 80, result: "Đã ban hành" });
    const history = readHistory(await master.readSheet(HISTORY_SHEET));
    const progress = history.filter((h) => h.id === a && h.column === "progress").map((h) => h.value);
    expect(progress).toEqual([50, 80]);
    // The sheet itself is in words: the sheet and column a row is about, the unit's name as written.
    const sheet = (await master.readSheet(HISTORY_SHEET))!;
    expect(sheet[0]).not.toContain("Mã đơn vị");
    const cols = (h: string) => sheet.slice(1).map((r) => r[sheet[0]!.indexOf(h)]);
    expect(new Set(cols("Trang"))).toEqual(new Set(["Tệp", "Nhiệm vụ"]));
    expect(cols("Cột")).toEqual(expect.arrayContaining(["Tiến độ (%)", "Kết quả đạt được", "(nhận tệp)"]));
    expect(cols("Cột")).not.toContain("progress");
    expect(new Set(cols("Đơn vị"))).toEqual(new Set([unit.w.unitName]));
  });

  it("in one batch the file saved later wins, whatever the order; the other is listed as superseded", async () => {
    const { a, v1, v2 } = await v1v2();
    const master = await openMaster(f);
    const r = await mergeWorkbooks(
      master,
      [returned("v2.xlsx", v2, "2026-10-07T08:00:00Z"), returned("v1.xlsx", v1, "2026-10-05T08:00:00Z")],
      { now: NOW },
    );
    expect(r.files.map((x) => [x.file, x.status])).toEqual([
      ["v2.xlsx", "accepted"],
      ["v1.xlsx", "superseded"],
    ]);
    expect((await masterTasks(master)).get(a)).toMatchObject({ progress: 80, result: "Đã ban hành" });
  });

  it("a true secretariat edit still wins: a conflict, both values kept, the unit's taken in one action", async () => {
    const { a, v1 } = await v1v2();
    const master = await openMaster(f);
    // The secretariat types 60 in the master after the split.
    const ws = master.book.getWorksheet(TASKS)!;
    ws.getCell(rowOf(ws, a), columnFor(ws, "progress")).value = 60;
    const r = await mergeWorkbooks(master, [returned("v1.xlsx", v1)], { now: NOW });
    expect(r.files[0]!.conflicts).toEqual([
      expect.objectContaining({ id: a, key: "progress", master: 60, unit: 50 }),
    ]);
    expect((await masterTasks(master)).get(a)!.progress).toBe(60);
    const open = await openConflicts(master);
    expect(open.map((c) => [c.row.id, c.row.column, c.row.value, c.now])).toEqual([[a, "progress", 50, 60]]);
    const taken = await takeUnitValues(master, { now: "2026-10-22T09:00:00" });
    expect(taken).toMatchObject({ taken: 1, skipped: [] });
    expect((await masterTasks(master)).get(a)!.progress).toBe(50);
    expect(await openConflicts(master)).toEqual([]);
    // Taking is undone like a merge.
    await undoLastMerge(master, { now: "2026-10-23T09:00:00" });
    expect((await masterTasks(master)).get(a)!.progress).toBe(60);
  });
});

describe("periods are explicit", () => {
  it("a split records the master's reporting month; a book of another month is refused before anything is applied", async () => {
    expect(unit.w.meta.period).toBe("2026-10");
    const sept = await fixture(31, 14, "2026-09");
    const book = [...sept.units].sort((x, y) => y.w.meta.taskIds.length - x.w.meta.taskIds.length)[0]!;
    const bytes = await edited(book.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, dataRows(ws)[0]!, "progress", 40, "number");
    });
    const master = await openMaster(f);
    const r = await mergeWorkbooks(master, [returned("thang9.xlsx", bytes)], { now: NOW });
    expect(r.files[0]!.status).toBe("refused");
    expect(verdictText(r.files[0]!, "vi")).toContain("09/2026");
    expect(r.mergeId).toBeNull();
  });

  it("completeness counts the period's receipts, books returned unchanged, and the units missing", async () => {
    const master = await openMaster(f);
    const books = f.units.filter((u) => !u.w.view);
    const [first, second] = books as [Fixture["units"][number], Fixture["units"][number]];
    const changed = await edited(first.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, dataRows(ws)[0]!, "progress", 40, "number");
    });
    await mergeWorkbooks(master, [returned("a.xlsx", changed), returned("b.xlsx", second.bytes)], {
      now: NOW,
    });
    const c = await completenessOf(master, null);
    expect(c.period).toBe("2026-10");
    const byUnit = new Map(c.rows.map((r) => [r.unit, r]));
    expect(byUnit.get(first.w.unitName)).toMatchObject({ received: 1, unchanged: 0 });
    expect(byUnit.get(second.w.unitName)).toMatchObject({ received: 1, unchanged: 1 });
    expect(c.rows.filter((r) => r.missing).length).toBe(c.rows.length - 2);
  });
});

describe("plan edits do not break the cycle", () => {
  it("a task whose wording the secretariat corrected still merges by id; a book of another plan is refused", async () => {
    const [a] = unit.w.meta.taskIds as [string];
    const bytes = await edited(unit.bytes, (wb) => {
      const ws = tasksOf(wb);
      typeValue(ws, rowOf(ws, a), "progress", 35, "number");
    });
    const master = await openMaster(f);
    const corrected = `${String((await masterTasks(master)).get(a)!.task)} (đã sửa chính tả)`;
    const ws = master.book.getWorksheet(TASKS)!;
    ws.getCell(rowOf(ws, a), columnFor(ws, "task")).value = corrected;
    const r = await mergeWorkbooks(master, [returned("sau-sua.xlsx", bytes)], { now: NOW });
    expect(r.files[0]).toMatchObject({ status: "accepted" });
    expect(r.files[0]!.listed).toEqual([]);
    const tasks = await masterTasks(master);
    expect(tasks.get(a)).toMatchObject({ progress: 35, task: corrected });

    const other = await fixture(77, 14);
    const alien = [...other.units].sort((x, y) => y.w.meta.taskIds.length - x.w.meta.taskIds.length)[0]!;
    const r2 = await mergeWorkbooks(await openMaster(f), [returned("khac.xlsx", alien.bytes)], { now: NOW });
    expect(r2.files[0]!.status).toBe("refused");
  });
});

describe("messages name the file and say what to do", () => {
  it("a renamed task sheet, a master given as a returned book", async () => {
    const renamed = await edited(unit.bytes, (wb) => {
      tasksOf(wb).name = "NV";
    });
    const r = await mergeWorkbooks(
      await openMaster(f),
      [returned("doi-ten.xlsx", renamed), returned("tong-hop.xlsx", f.masterBytes)],
      { now: NOW },
    );
    expect(verdictText(r.files[0]!, "vi")).toContain(`"${TASKS}"`);
    expect(verdictText(r.files[0]!, "vi")).toContain("doi-ten.xlsx");
    expect(verdictText(r.files[0]!, "vi")).not.toContain("lập sổ");
    expect(verdictText(r.files[1]!, "vi")).toContain("sổ tổng hợp");
  });

  it("a unit's workbook given as the master is refused as such, not blamed on the returned files", async () => {
    const { XlsxWorkbook } = await import("../../../src/xlsx/xlsx-workbook");
    const asMaster = await XlsxWorkbook.fromBytes(unit.bytes);
    const other = f.units.find((u) => u !== unit && !u.w.view)!;
    const refused = await mergeWorkbooks(asMaster, [returned("khac.xlsx", other.bytes)], {
      now: NOW,
      file: "nham.xlsx",
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      name: "ProblemError",
      problem: { code: "merge-unit-workbook-as-master", at: { file: "nham.xlsx" } },
    });
    expect(refusalText(refused, "vi")).toContain("nham.xlsx là sổ của một đơn vị");
  });
});
