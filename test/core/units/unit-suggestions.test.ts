import type { PlanJson, TaskRow } from "../../../src/core/model/plan";
import {
  isGenericUnitName,
  mergeUnitNames,
  unitMergeSuggestions,
} from "../../../src/core/units/unit-suggestions";
import { taskRow as row } from "../../fixtures/task-row";

const plan = (rows: TaskRow[]): PlanJson => ({
  source: "kh.txt",
  planYear: 2026,
  tables: [{ kind: "tasks", title: "Phụ lục", columns: ["TT", "Nội dung"], rows }],
  targets: [],
});

describe("unit names offered for merging", () => {
  it.each([
    ["Phòng, ban ngành", true],
    ["Phòng, ban ngành, đơn vị", true],
    ["Các cơ quan, đơn vị", true],
    ["Các Phòng chuyên môn UBND xã", true],
    ["Các đơn vị có liên quan", true],
    ["Các sở, ban, ngành", true],
    ["UBND xã", false],
    ["Ủy ban nhân dân huyện", false],
    ["Phòng Kinh tế", false],
    ["Sở Y tế", false],
    ["Công an xã", false],
    ["Văn phòng HĐND và UBND", false],
  ])("%s is generic: %s", (name, generic) => {
    expect(isGenericUnitName(name)).toBe(generic);
  });

  it("offers the generic names as one unit, and an office written with and without its level as one", () => {
    const p = plan([
      row(["Phòng, ban ngành"]),
      row(["Phòng, ban ngành"]),
      row(["Phòng, ban ngành, đơn vị"]),
      row(["Trung tâm Văn hóa - Thông tin và Truyền thông"], ["Các cơ quan, đơn vị"]),
      row(["Trung tâm Văn hóa - Thông tin và Truyền thông xã"]),
      row(["Trung tâm Văn hoá – Thông tin và Truyền thông"]),
      row(["Phòng Kinh tế"], ["UBND xã"]),
    ]);
    expect(unitMergeSuggestions(p)).toEqual([
      {
        kind: "generic",
        names: ["Phòng, ban ngành", "Các cơ quan, đơn vị", "Phòng, ban ngành, đơn vị"],
        into: "Phòng, ban ngành",
        rows: 4,
      },
      {
        kind: "near-duplicate",
        names: [
          "Trung tâm Văn hóa - Thông tin và Truyền thông",
          "Trung tâm Văn hóa - Thông tin và Truyền thông xã",
        ],
        into: "Trung tâm Văn hóa - Thông tin và Truyền thông",
        rows: 2,
      },
    ]);
  });

  it("offers nothing when every name is one office's", () => {
    expect(unitMergeSuggestions(plan([row(["Phòng Kinh tế"], ["UBND xã"]), row(["Công an xã"])]))).toEqual(
      [],
    );
  });

  it("merges the names the clerk accepts, every spelling, each row naming the unit once", () => {
    const p = plan([
      row(["Phòng, ban ngành", "Phòng, ban ngành, đơn vị"]),
      row(["Phòng Kinh tế"], ["Phòng, ban ngành, đơn vị"]),
      row(["Phòng Kinh tế"], ["UBND xã"]),
    ]);
    const merged = mergeUnitNames(
      p,
      ["Phòng, ban ngành", "PHÒNG, BAN NGÀNH, ĐƠN VỊ"],
      "Các phòng, ban, ngành",
    );
    const rows = merged.tables[0]!.kind === "tasks" ? merged.tables[0]!.rows : [];
    expect(rows.map((r) => [r.lead, r.partners])).toEqual([
      [["Các phòng, ban, ngành"], []],
      [["Phòng Kinh tế"], ["Các phòng, ban, ngành"]],
      [["Phòng Kinh tế"], ["UBND xã"]],
    ]);
    expect(unitMergeSuggestions(merged)).toEqual([]);
    // The plan the clerk had is not changed.
    expect(p.tables[0]!.kind === "tasks" && p.tables[0]!.rows[0]!.lead).toEqual([
      "Phòng, ban ngành",
      "Phòng, ban ngành, đơn vị",
    ]);
  });
});
