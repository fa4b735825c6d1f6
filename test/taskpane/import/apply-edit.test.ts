import { applyEdit } from "../../../src/taskpane/import/apply-edit";
import type { ParsedPlan } from "../../../src/core/model/plan";

function parsed(): ParsedPlan {
  return {
    plan: {
      source: "kh.txt",
      planYear: 2026,
      tables: [
        {
          kind: "indicators",
          title: "Phụ lục I",
          rows: [
            {
              group: null,
              groupTitle: null,
              no: "1",
              name: "Tỷ lệ hồ sơ trực tuyến",
              unit: "%",
              targets: { "2027": "≥ 80" },
              responsible: "",
            },
          ],
        },
      ],
      targets: [
        {
          no: "1",
          text: "Tỷ lệ hộ dùng nước sạch đạt 95%",
          year: null,
          comparator: ">=",
          value: 95,
          max: null,
          unit: "%",
        },
      ],
    },
    warnings: [],
    dropped: [],
    unplaced: [],
  } as unknown as ParsedPlan;
}

describe("a clerk's fix in the import preview", () => {
  it("sets an indicator's target for a year, adds a year, clears one", () => {
    const p = parsed();
    let next = applyEdit(p, { table: 0, row: 0, field: "target:2027", value: "≥ 85" });
    next = applyEdit(next, { table: 0, row: 0, field: "target:2030", value: "100" });
    const row = (next.plan.tables[0]!.rows[0] as { targets: Record<string, string> }).targets;
    expect(row).toEqual({ "2027": "≥ 85", "2030": "100" });
    const cleared = applyEdit(next, { table: 0, row: 0, field: "target:2027", value: "" });
    expect((cleared.plan.tables[0]!.rows[0] as { targets: Record<string, string> }).targets).toEqual({
      "2030": "100",
    });
    // The plan read is kept as it was (a new plan each time).
    expect((p.plan.tables[0]!.rows[0] as { targets: Record<string, string> }).targets).toEqual({
      "2027": "≥ 80",
    });
  });

  it("confirms a stated target's year, value (a number or a range, with a decimal comma), comparator, unit", () => {
    let next = applyEdit(parsed(), { table: "targets", row: 0, field: "year", value: "2030" });
    expect(next.plan.targets[0]).toMatchObject({ year: 2030, value: 95, comparator: ">=" });
    next = applyEdit(next, { table: "targets", row: 0, field: "value", value: "7,5 – 8" });
    expect(next.plan.targets[0]).toMatchObject({ value: 7.5, max: 8, comparator: "range" });
    next = applyEdit(next, { table: "targets", row: 0, field: "value", value: "96" });
    expect(next.plan.targets[0]).toMatchObject({ value: 96, max: null, comparator: "=" });
    next = applyEdit(next, { table: "targets", row: 0, field: "comparator", value: "≥" });
    expect(next.plan.targets[0]!.comparator).toBe(">=");
    next = applyEdit(next, { table: "targets", row: 0, field: "unit", value: "hộ" });
    expect(next.plan.targets[0]!.unit).toBe("hộ");
  });

  it("keeps a target as it was when what is typed is not a year, a number or a comparator", () => {
    const p = parsed();
    for (const [field, value] of [
      ["year", "năm sau"],
      ["value", "khoảng chín mươi"],
      ["comparator", "hơn"],
    ] as const)
      expect(applyEdit(p, { table: "targets", row: 0, field, value }).plan.targets[0]).toEqual(
        p.plan.targets[0],
      );
  });
});
