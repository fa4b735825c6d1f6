/**
 * An indicator table with one milestone column in text copied from a PDF viewer: each row's cells
 * run together on one line ("1.1 Tỷ lệ … % Trên 70", "1.2 Số doanh nghiệp … Doanh nghiệp ≥ 40"):
 * the last value is the target (a sign or a word before its number), the unit stands before it.
 */
import { parsePlanText } from "../../../../src/core/import/parse-plan";

describe("indicator rows of one milestone on one line", () => {
  it("reads the name, the unit and the target of each row", () => {
    const text = [
      "KẾ HOẠCH",
      "Phụ lục I",
      "CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2028",
      "TT Tên chỉ tiêu Đơn vị tính Đến năm 2028",
      "1 Hạ tầng số",
      "1.1 Tỷ lệ thôn có sóng di động 5G % Trên 70",
      "1.2 Số doanh nghiệp dùng hóa đơn điện tử Doanh nghiệp ≥ 40",
      "1.3 Số điểm phát wifi công cộng Điểm 12",
      "2 Dữ liệu số",
      "2.1 Tỷ lệ hồ sơ được số hóa % ≥ 90",
    ].join("\n");
    const table = parsePlanText(text, { file: "kh.txt", planYear: 2026 }).plan.tables[0]!;
    expect(table.kind).toBe("indicators");
    if (table.kind !== "indicators") return;
    expect(table.rows.map((r) => [r.no, r.name, r.unit, r.targets])).toEqual([
      ["1.1", "Tỷ lệ thôn có sóng di động 5G", "%", { 2028: "Trên 70" }],
      ["1.2", "Số doanh nghiệp dùng hóa đơn điện tử", "Doanh nghiệp", { 2028: "≥ 40" }],
      ["1.3", "Số điểm phát wifi công cộng", "Điểm", { 2028: "12" }],
      ["2.1", "Tỷ lệ hồ sơ được số hóa", "%", { 2028: "≥ 90" }],
    ]);
  });
});
