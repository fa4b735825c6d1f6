import { refreshTaskSheet, settingsFor, trackingSheets } from "../../../src/core/sheets/tracking-sheets";
import { updateSheet, PLAN_STATE, type ExistingRow } from "../../../src/core/sheets/update-tasks";
import type { PlanJson } from "../../../src/core/model/plan";
import { syntheticTables } from "../../fixtures/synthetic-plan";

const plan = (tables: PlanJson["tables"]): PlanJson => ({
  source: "kh.txt",
  planYear: 2026,
  tables,
  targets: [],
});
const o = { reportDate: "2026-10-14" };

/** A sheet as the clerk saved it: header -> value, with their own entries in some rows. */
function asSaved(rows: unknown[][], headers: string[]): ExistingRow[] {
  return rows.map((r) =>
    Object.fromEntries(
      headers.map((h, i) => [
        h,
        (typeof r[i] === "object" && r[i] !== null ? (r[i] as { cached: unknown }).cached : r[i]) as never,
      ]),
    ),
  );
}

describe("re-importing a revised plan", () => {
  const tables = syntheticTables({
    seed: 61,
    planYear: 2026,
    tables: 1,
    rowsPerTable: 5,
    withSections: false,
    withOutput: true,
    withNote: false,
  });
  const first = trackingSheets(plan(tables), o)[0]!;
  const headers = first.columns.map((c) => c.header);
  const saved = asSaved(first.rows, headers);
  saved[0]!["Tiến độ (%)"] = 100;
  saved[0]!["Ngày hoàn thành"] = "2026-09-01";
  saved[0]!["Kết quả đạt được"] = "Đã ban hành kế hoạch số 12/KH-UBND";
  saved[3]!["Khó khăn, vướng mắc"] = "Chờ kinh phí";
  // A column the clerk added to the sheet.
  saved[2]!["Người theo dõi"] = "Chị Lan";

  const revised = structuredClone(tables);
  revised[0]!.rows[1]!.task = `${revised[0]!.rows[1]!.task} (sửa đổi)`;
  revised[0]!.rows.splice(3, 1); // task 4 leaves the plan
  revised[0]!.rows.push({ ...revised[0]!.rows[0]!, no: "6", task: "Nhiệm vụ mới bổ sung" });

  const { sheet, changes } = updateSheet(trackingSheets(plan(revised), o)[0]!, saved, "tasks");
  const byId = new Map(sheet.rows.map((r) => [r[0], r]));
  const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);

  it("keeps every value a clerk typed, matched by task id", () => {
    const id = saved[0]!["Mã nhiệm vụ"];
    expect(byId.get(id)![col("Kết quả đạt được")]).toBe("Đã ban hành kế hoạch số 12/KH-UBND");
    expect(byId.get(id)![col("Tiến độ (%)")]).toBe(100);
  });

  it("carries over columns the clerk added", () => {
    expect(sheet.columns.at(-1)!.header).toBe("Người theo dõi");
    expect(byId.get(saved[2]!["Mã nhiệm vụ"])!.at(-1)).toBe("Chị Lan");
  });

  it("marks tasks the plan dropped instead of deleting them, with their entries", () => {
    const removed = byId.get(saved[3]!["Mã nhiệm vụ"])!;
    expect(removed[col("Tình trạng trong kế hoạch")]).toBe(PLAN_STATE.removed);
    expect(removed[col("Khó khăn, vướng mắc")]).toBe("Chờ kinh phí");
  });

  it("appends new tasks and reports what changed", () => {
    expect(sheet.rows).toHaveLength(6);
    expect(changes.filter((c) => c.kind === "added").map((c) => c.id)).toEqual([sheet.rows[4]![0]]);
    expect(changes.find((c) => c.kind === "changed")).toEqual({
      id: saved[1]!["Mã nhiệm vụ"],
      kind: "changed",
      fields: ["Nội dung nhiệm vụ"],
    });
    expect(changes.filter((c) => c.kind === "removed")).toHaveLength(1);
  });

  it("recomputes the cached status from the clerk's entries", () => {
    const refreshed = refreshTaskSheet(sheet, settingsFor(plan(tables), o));
    const row = refreshed.rows.find((r: unknown[]) => r[0] === saved[0]!["Mã nhiệm vụ"])!;
    const due = row[col("Hạn hoàn thành")] as string | null;
    const recurring = row[col("Lặp lại")] !== "";
    const status = (row[col("Trạng thái")] as { cached: string }).cached;
    // Recurring work is judged per period (no update date: not reported); other work by its completion.
    expect(status).toBe(
      recurring
        ? "Thường xuyên (chưa báo cáo kỳ này)"
        : due === null || due >= "2026-09-01"
          ? "Đã hoàn thành đúng hạn"
          : "Đã hoàn thành quá hạn",
    );
  });
});

describe("a due date corrected by hand", () => {
  const tables = syntheticTables({
    seed: 62,
    planYear: 2026,
    tables: 1,
    rowsPerTable: 3,
    withSections: false,
    withOutput: true,
    withNote: false,
  });
  const first = trackingSheets(plan(tables), o)[0]!;
  const headers = first.columns.map((c) => c.header);
  const col = (key: string) => first.columns.findIndex((c) => c.key === key);
  it("survives a re-import of the same deadline text, and gives way when the text changes", () => {
    const saved = asSaved(first.rows, headers);
    saved[0]![headers[col("due")]!] = "2026-11-15";
    const same = updateSheet(trackingSheets(plan(tables), o)[0]!, saved, "tasks").sheet;
    expect(same.rows[0]![col("due")]).toBe("2026-11-15");
    const revised = structuredClone(tables);
    revised[0]!.rows[0]!.deadlineText = "31/12/2027";
    revised[0]!.rows[0]!.dueDate = "2027-12-31";
    const changed = updateSheet(trackingSheets(plan(revised), o)[0]!, saved, "tasks").sheet;
    expect(changed.rows[0]![col("due")]).toBe("2027-12-31");
  });
});
