/**
 * The row builder every reader shares (grids, Word text, .docx, layout text, PDF text): task rows
 * from cells by the header's fields, and the indicator group rule.
 */
import { buildTables, groupIndicators, taskRows, type RawRow } from "../../../src/core/import/build-tables";
import type { DocItem } from "../../../src/core/import/grid";
import type { IndicatorRow } from "../../../src/core/model/plan";

const at = { file: "t.txt", line: 1 };
const row = (...cells: string[][]): RawRow => ({
  at,
  section: { no: "I", title: "Cải cách hành chính" },
  cells: cells.map((lines) => ({ lines, at })),
});

describe("taskRows", () => {
  it("joins every column mapped to a field, in order, and reads the deadline", () => {
    const [r] = taskRows(
      ["no", "task", "lead", "lead", "partners", "deadline"],
      [
        row(
          ["3."],
          ["Rà soát thủ tục", "hành chính"],
          ["Sở Tư pháp"],
          ["Sở Nội vụ"],
          ["- Các xã", "- Các phường"],
          ["Quý II/2027"],
        ),
      ],
      2027,
    );
    expect(r).toMatchObject({
      section: "I",
      no: "3",
      task: "Rà soát thủ tục hành chính",
      lead: ["Sở Tư pháp", "Sở Nội vụ"],
      partners: ["Các xã", "Các phường"],
      deadlineText: "Quý II/2027",
      dueDate: "2027-06-30",
      output: null,
    });
  });
});

describe("groupIndicators", () => {
  const ind = (no: string, name: string, value = ""): IndicatorRow => ({
    group: null,
    groupTitle: null,
    no,
    name,
    unit: value ? "%" : "",
    targets: { "2030": value },
    responsible: "",
  });

  it("makes a heading of a number with nothing else before the rows numbered under it", () => {
    const out = groupIndicators([
      ind("1", "Kinh tế số"),
      ind("1.1", "Tỷ trọng kinh tế số", "20"),
      ind("1.2", "Doanh nghiệp số", "30"),
      ind("2", "Tỷ lệ hộ có cáp quang", "80"),
    ]);
    expect(out.map((g) => [g.index, g.row.no, g.row.group, g.row.groupTitle])).toEqual([
      [1, "1.1", "1", "Kinh tế số"],
      [2, "1.2", "1", "Kinh tế số"],
      [3, "2", null, null],
    ]);
  });

  it("keeps a heading whose rows carry the next number (a slip of the plan's numbering)", () => {
    const out = groupIndicators([
      ind("8", "Hạ tầng số"),
      ind("9.1", "Trạm 5G", "40"),
      ind("9.2", "Cáp quang", "90"),
    ]);
    expect(out.map((g) => [g.row.no, g.row.group])).toEqual([
      ["9.1", "8"],
      ["9.2", "8"],
    ]);
  });

  it("does not make a heading of an empty row with nothing numbered under it", () => {
    const out = groupIndicators([ind("1", "Chưa có số liệu"), ind("2", "Tỷ lệ", "10")]);
    expect(out.map((g) => [g.row.no, g.row.group])).toEqual([
      ["1", null],
      ["2", null],
    ]);
  });
});

describe("buildTables: indicator tables", () => {
  const gridRow = (line: number, ...cells: string[]): DocItem => ({
    kind: "row",
    at: { file: "b.xlsx", line },
    cells: cells.map((c) => ({ lines: c ? [c] : [], at: { file: "b.xlsx", line } })),
  });

  it("gives each row the source of the grid row it came from, group headings left out", () => {
    const built = buildTables(
      [
        { kind: "prose", text: "Phụ lục II", at: { file: "b.xlsx", line: 1 } },
        gridRow(2, "STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030", "Đơn vị chủ trì"),
        gridRow(3, "1", "Kinh tế số", "", "", "", ""),
        gridRow(4, "1.1", "Tỷ trọng kinh tế số trong GRDP", "%", "15", "30", "Sở Tài chính"),
        gridRow(5, "1.2", "Doanh nghiệp công nghệ số", "Doanh nghiệp", "100", "300", "Sở Công Thương"),
        gridRow(6, "2", "Tỷ lệ hộ gia đình có cáp quang", "%", "80", "100", "Sở Khoa học và Công nghệ"),
      ],
      2025,
    );
    const table = built.tables[0]!;
    expect(table.kind).toBe("indicators");
    if (table.kind !== "indicators") return;
    expect(table.rows.map((r) => [r.no, r.group])).toEqual([
      ["1.1", "1"],
      ["1.2", "1"],
      ["2", null],
    ]);
    expect(built.rowSources[0]!.map((s) => s.line)).toEqual([4, 5, 6]);
  });
});
