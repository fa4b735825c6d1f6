/**
 * Indicator tables of the shapes real plans print, pasted into a sheet (written here, no plan's
 * text): a single target column ("Kết quả") under group rows that name the milestone of the rows
 * below ("Đến năm 2030", "Đến năm 2045"), sub-rows, targets in words and compound targets kept
 * whole; and a table with no target column at all, its target read from the indicator's sentence.
 * Neither is refused.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readPlanFile } from "../../../src/cli/commands/parse";

const dir = mkdtempSync(join(tmpdir(), "kh-ind-"));

async function sheet(name: string, rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Phụ lục");
  rows.forEach((r) => ws.addRow(r));
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return readPlanFile(path, 2026);
}

describe("indicator tables of every real shape", () => {
  it("one 'Kết quả' column under milestone rows, sub-rows, words and compound targets", async () => {
    const parsed = await sheet("ket-qua.xlsx", [
      ["PHỤ LỤC", "", "", "", ""],
      ["CÁC CHỈ TIÊU CHỦ YẾU", "", "", "", ""],
      ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi"],
      ["I", "Đến năm 2030", "", "", ""],
      ["1", "Tỷ lệ dân số trưởng thành dùng chữ ký số", "%", "≥ 70", "Sở Khoa học và Công nghệ"],
      ["2", "Xếp hạng chỉ số đổi mới sáng tạo", "", "Thuộc nhóm 30 nước dẫn đầu", "Bộ Khoa học và Công nghệ"],
      ["3", "Hạ tầng dữ liệu", "", "", ""],
      ["3.1", "Số trung tâm dữ liệu quốc gia", "Trung tâm", "≤ 3 trung tâm; ≤ 50 MW", "Bộ Công an"],
      ["3.2", "Tỷ lệ dữ liệu được số hóa", "%", "100", "Các bộ, ngành"],
      ["II", "Đến năm 2045", "", "", ""],
      [
        "4",
        "Tỷ lệ dân số trưởng thành dùng chữ ký số",
        "%",
        "Đạt mức các nước phát triển",
        "Sở Khoa học và Công nghệ",
      ],
    ]);
    const t = parsed.plan.tables.find((x) => x.kind === "indicators");
    expect(t).toBeDefined();
    expect(t!.kind === "indicators" && t!.rows.map((r) => [r.no, r.group, r.unit, r.targets])).toEqual([
      ["1", null, "%", { 2030: "≥ 70" }],
      ["2", null, "", { 2030: "Thuộc nhóm 30 nước dẫn đầu" }],
      ["3.1", "3", "Trung tâm", { 2030: "≤ 3 trung tâm; ≤ 50 MW" }],
      ["3.2", "3", "%", { 2030: "100" }],
      ["4", null, "%", { 2045: "Đạt mức các nước phát triển" }],
    ]);
  });

  it("no target column: the target in the indicator's sentence, the year from the title", async () => {
    const parsed = await sheet("khong-cot.xlsx", [
      ["Phụ lục II", "", ""],
      ["CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ ĐẾN NĂM 2030", "", ""],
      ["TT", "Chỉ tiêu", "Chủ trì"],
      ["1", "Kinh tế số chiếm 30% GRDP", "Sở Tài chính"],
      ["2", "Tỷ lệ doanh nghiệp dùng hợp đồng điện tử đạt 80%", "Sở Công Thương"],
      ["3", "Có ít nhất 20 doanh nghiệp công nghệ số", "Sở Khoa học và Công nghệ"],
      ["4", "Nâng cao chất lượng nguồn nhân lực số", "Sở Nội vụ"],
    ]);
    const t = parsed.plan.tables.find((x) => x.kind === "indicators");
    expect(t).toBeDefined();
    expect(t!.kind === "indicators" && t!.rows.map((r) => [r.no, r.unit, r.targets, r.responsible])).toEqual([
      ["1", "% GRDP", { 2030: "30%" }, "Sở Tài chính"],
      ["2", "%", { 2030: "80%" }, "Sở Công Thương"],
      ["3", "doanh nghiệp", { 2030: "≥ 20" }, "Sở Khoa học và Công nghệ"],
      ["4", "", {}, "Sở Nội vụ"],
    ]);
  });
  it("a two-row header: a period over one column per year, beside an estimate for the current year", async () => {
    const parsed = await sheet("hai-dong.xlsx", [
      ["PHỤ LỤC I. CÁC CHỈ TIÊU CHỦ YẾU", "", "", "", "", "", ""],
      [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Ước thực hiện năm 2025",
        "Kế hoạch giai đoạn 2026-2028",
        "",
        "",
        "Cơ quan chủ trì",
      ],
      ["", "", "", "", "2026", "2027", "2028", ""],
      ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "60", "65", "70", "75", "Văn phòng UBND"],
      ["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", "120", "130", "140", "150", "Phòng Kinh tế"],
    ]);
    const table = parsed.plan.tables[0]!;
    expect(table.kind).toBe("indicators");
    if (table.kind !== "indicators") return;
    expect(table.rows.map((r) => [r.no, r.unit, r.targets, r.responsible])).toEqual([
      ["1", "%", { 2025: "60", 2026: "65", 2027: "70", 2028: "75" }, "Văn phòng UBND"],
      ["2", "Doanh nghiệp", { 2025: "120", 2026: "130", 2027: "140", 2028: "150" }, "Phòng Kinh tế"],
    ]);
  });
});
