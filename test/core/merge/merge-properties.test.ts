/**
 * Property: whatever a clerk does to a unit workbook — values typed as numbers, percentages, text
 * numbers, dates and text dates; rows sorted, added, deleted; a header retyped; a column of their
 * own; a plan column edited; a second, corrected version sent later — every value typed is applied
 * (the master then holds exactly what the clerk meant) or listed with its task and column. Random
 * scripts over random synthetic plans; each script is a fresh clerk on a fresh master.
 */
import fc from "fast-check";
import type ExcelJS from "exceljs";
import { mergeWorkbooks } from "../../../src/core/workflows/unit-workbooks";
import type { FileVerdict } from "../../../src/core/merge/merge-unit";
import { TASK_COLUMNS } from "../../../src/core/sheets/workbook-layout";
import {
  TASKS,
  addColumn,
  dataRows,
  deleteRow,
  idAt,
  insertRow,
  retypeHeader,
  sortRows,
  typeValue,
  unprotect,
  columnFor,
  type TypedForm,
} from "../../fixtures/clerk-edits";
import { edited, fixture, masterTasks, openMaster, returned, type Fixture } from "./merge-harness";

const RUNS = Number(process.env.MERGE_PROPERTY_RUNS ?? 500);
jest.setTimeout(600_000);

type Op =
  | { op: "type"; pick: number; key: string; value: number | string; form: TypedForm }
  | { op: "sort"; key: string; desc: boolean }
  | { op: "insert"; pick: number; text: string; progress: number }
  | { op: "delete"; pick: number }
  | { op: "retype"; key: string; header: string }
  | { op: "own-column"; pick: number; text: string }
  | { op: "plan-edit"; pick: number; text: string };

const TEXTS = [
  "Đã ban hành",
  "Đang triển khai\nbước 2",
  "=Xong bước 1",
  "Thiếu kinh phí",
  "  có khoảng trắng ",
];
const dateArb = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ m, d }) => `2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const typeOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("type" as const),
    pick: fc.nat(),
    key: fc.constant("progress"),
    value: fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 999 }).map((n) => n / 10),
    ),
    form: fc.constantFrom<TypedForm>("number", "percent", "text-percent", "text-comma"),
  }),
  fc.record({
    op: fc.constant("type" as const),
    pick: fc.nat(),
    key: fc.constantFrom("completed", "updated"),
    value: dateArb,
    form: fc.constantFrom<TypedForm>("date", "text-date"),
  }),
  fc.record({
    op: fc.constant("type" as const),
    pick: fc.nat(),
    key: fc.constantFrom("result", "difficulties", "proposals"),
    value: fc.constantFrom(...TEXTS),
    form: fc.constant<TypedForm>("number"),
  }),
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: typeOp },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("sort" as const),
      key: fc.constantFrom("task", "deadlineText", "id"),
      desc: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("insert" as const),
      pick: fc.nat(),
      text: fc.constantFrom("Nhiệm vụ phát sinh", "Tập huấn cán bộ"),
      progress: fc.integer({ min: 0, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("retype" as const),
      key: fc.constantFrom("result", "difficulties", "completed", "proposals"),
      header: fc.constantFrom("Kết quả", "Ghi chú", "Ngày xong", "Cột mới"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("own-column" as const),
      pick: fc.nat(),
      text: fc.constantFrom("Ghi chú riêng", "Đã báo cáo miệng"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("plan-edit" as const),
      pick: fc.nat(),
      text: fc.constantFrom("Nội dung đơn vị tự sửa", "Sửa hạn"),
    }),
  },
);

interface Expectation {
  /** Typed clerk values still in the book: `${id}|${key}` → what it means. */
  clerk: Map<string, string | number>;
  /** Values in rows the clerk added, in a column of their own, in plan columns. */
  newRow: (string | number)[];
  own: { id: string; value: string }[];
  plan: string[];
  deleted: string[];
}

/** Plays a script on a workbook and says what each kept value means. */
function play(wb: ExcelJS.Workbook, ops: readonly Op[]): Expectation {
  const ws = wb.getWorksheet(TASKS)!;
  const e: Expectation = { clerk: new Map(), newRow: [], own: [], plan: [], deleted: [] };
  let ownColumn = 0;
  for (const o of ops) {
    const rows = dataRows(ws);
    if (!rows.length) break;
    const row = rows[("pick" in o ? o.pick : 0) % rows.length]!;
    const id = idAt(ws, row);
    switch (o.op) {
      case "type":
        e.clerk.set(`${id}|${o.key}`, typeValue(ws, row, o.key, o.value, o.form));
        break;
      case "sort":
        sortRows(ws, o.key, o.desc);
        break;
      case "insert":
        insertRow(ws, row, { task: o.text, progress: String(o.progress) });
        e.newRow.push(o.text, String(o.progress));
        break;
      case "delete":
        if (rows.length < 2) break;
        deleteRow(ws, row);
        e.deleted.push(id);
        for (const k of [...e.clerk.keys()]) if (k.startsWith(`${id}|`)) e.clerk.delete(k);
        e.own = e.own.filter((x) => x.id !== id);
        e.plan = e.plan.filter((x) => x !== id);
        break;
      case "retype":
        retypeHeader(ws, o.key, o.header);
        break;
      case "own-column":
        if (!ownColumn) ownColumn = addColumn(ws, "Ghi chú của đơn vị", new Map());
        ws.getCell(row, ownColumn).value = o.text;
        e.own = e.own.filter((x) => x.id !== id);
        e.own.push({ id, value: o.text });
        break;
      case "plan-edit":
        unprotect(ws);
        ws.getCell(row, columnFor(ws, "task")).value = `${o.text} ${id}`;
        if (!e.plan.includes(id)) e.plan.push(id);
        break;
    }
  }
  return e;
}

const header = (key: string) => TASK_COLUMNS.find((c) => c.key === key)!.header;
const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) < 1e-9
    : String(a ?? "").trim() === String(b ?? "").trim();

/** Every value the script meant is applied (the master holds it) or listed by task and column. */
function check(v: FileVerdict, e: Expectation, masterValue: (id: string, key: string) => unknown): void {
  expect({ status: v.status, refusal: v.refusal }).toEqual({ status: "accepted", refusal: null });
  for (const [k, meant] of e.clerk) {
    const [id, key] = k.split("|") as [string, string];
    const listed = v.listed.some((l) => l.id === id && l.column === header(key));
    const conflict = v.conflicts.some((c) => c.id === id && c.key === key);
    if (!listed && !conflict)
      expect({ id, key, value: masterValue(id, key) }).toEqual({ id, key, value: meant });
  }
  for (const value of e.newRow)
    expect(v.listed.some((l) => l.code === "new-task" && same(l.value, value))).toBe(true);
  for (const o of e.own)
    expect(v.listed.some((l) => l.code === "foreign-column" && l.id === o.id && l.value === o.value)).toBe(
      true,
    );
  for (const id of e.plan) expect(v.listed.some((l) => l.code === "plan-edit" && l.id === id)).toBe(true);
  for (const id of e.deleted)
    expect(v.listed.some((l) => l.code === "task-missing" && l.id === id)).toBe(true);
  // Nothing applied that the clerk did not mean: every change is a value of the script.
  for (const c of v.changes) expect(same(c.value, e.clerk.get(`${c.id}|${c.column}`))).toBe(true);
}

/** The value the master holds after a dry run: the change the verdict would apply, else as it is. */
const dryValue = (v: FileVerdict) => (id: string, key: string) =>
  [...v.changes, ...v.same].find((c) => c.id === id && c.column === key)?.value ?? null;

describe("merge property: every typed value is applied or listed", () => {
  const plans: Fixture[] = [];
  beforeAll(async () => {
    for (const seed of [3, 8, 21]) plans.push(await fixture(seed, 6 + (seed % 9)));
  });

  it(`holds over ${RUNS} random clerk scripts (values, sorts, inserts, deletes, headers, percentages, text dates, resubmissions)`, async () => {
    let resubmissions = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        fc.option(fc.array(typeOp, { minLength: 1, maxLength: 4 }), { freq: 4 }),
        async (planPick, unitPick, ops, second) => {
          const f = plans[planPick % plans.length]!;
          const books = f.units.filter((u) => !u.w.view && u.w.meta.taskIds.length);
          const unit = books[unitPick % books.length]!;
          let e!: Expectation;
          const v1 = await edited(unit.bytes, (wb) => {
            e = play(wb, ops);
          });
          if (!second) {
            const r = await mergeWorkbooks(await openMaster(f), [returned("v1.xlsx", v1)], {
              now: "2026-10-20T09:00:00",
              dryRun: true,
            });
            check(r.files[0]!, e, dryValue(r.files[0]!));
            return;
          }
          // A corrected version: the first one's edits, then more values.
          resubmissions++;
          const master = await openMaster(f);
          await mergeWorkbooks(master, [returned("v1.xlsx", v1, "2026-10-05T08:00:00Z")], {
            now: "2026-10-20T09:00:00",
          });
          let e2!: Expectation;
          const v2 = await edited(unit.bytes, (wb) => {
            const first = play(wb, ops);
            const more = play(wb, second);
            e2 = { ...first, clerk: new Map([...first.clerk, ...more.clerk]) };
          });
          const r = await mergeWorkbooks(master, [returned("v2.xlsx", v2, "2026-10-07T08:00:00Z")], {
            now: "2026-10-21T09:00:00",
          });
          const tasks = await masterTasks(master);
          check(r.files[0]!, e2, (id, key) => tasks.get(id)?.[key] ?? null);
        },
      ),
      { numRuns: RUNS, seed: 20261207 },
    );
    expect(resubmissions).toBeGreaterThan(RUNS / 10);
  });
});
