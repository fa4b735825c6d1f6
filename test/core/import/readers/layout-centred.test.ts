/**
 * `pdftotext -layout` text of tables printed the way Word and LibreOffice print them when cells are
 * centred vertically (a shape the corpus generator never makes): header labels that start above the
 * header's main line and end below it, several of them touching between the same two labels; a TT
 * label one space from the next; rows whose other cells start on the lines above their TT number;
 * rows without a number under their section row, a blank line between rows.
 */
import { parsePlanText } from "../../../../src/core/import/parse-plan";
import type { TaskTable } from "../../../../src/core/model/plan";

/** A printed line from cells at character columns: [column, text] pairs. */
function line(...cells: [number, string][]): string {
  let out = "";
  for (const [col, text] of cells) out = `${out.padEnd(col)}${text}`;
  return out;
}

const read = (lines: string[]) => {
  const plan = parsePlanText(["KẾ HOẠCH", "", ...lines].join("\n"), { file: "kh.txt", planYear: 2026 }).plan;
  return plan.tables[0] as TaskTable;
};

describe("layout text of centred tables", () => {
  it("reads labels printed above and below the header's main line, several touching in one gap", () => {
    const table = read([
      line([20, "PHỤ LỤC I. NHIỆM VỤ NĂM 2026"]),
      "",
      line([6, "Tên nhiệm"], [40, "Cơ   quan"], [56, "Cơ   quan  Kết"], [78, "Thời gian"]),
      line([0, "TT"], [92, "Ghi chú"]),
      line([8, "vụ"], [40, "chủ trì"], [56, "phối hợp"], [66, "quả"], [78, "hoàn thành"]),
      "",
      line(
        [6, "Lập danh mục dữ liệu"],
        [40, "Văn phòng"],
        [56, "Các phòng"],
        [66, "Danh mục"],
        [78, "Tháng 6/2026"],
      ),
      line([0, "1"], [6, "dùng chung của xã"], [40, "UBND xã"]),
      "",
      line(
        [6, "Tập huấn kỹ năng số"],
        [40, "Phòng Văn hóa"],
        [56, "Đoàn xã"],
        [66, "Lớp học"],
        [78, "Tháng 9/2026"],
      ),
      line([0, "2"], [6, "cho cán bộ"], [40, "và Xã hội"]),
      "",
    ]);
    expect(table.columns).toEqual([
      "TT",
      "Tên nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Kết quả",
      "Thời gian hoàn thành",
      "Ghi chú",
    ]);
    expect(table.rows.map((r) => [r.no, r.task, r.lead.join("; "), r.deadlineText])).toEqual([
      ["1", "Lập danh mục dữ liệu dùng chung của xã", "Văn phòng UBND xã", "Tháng 6/2026"],
      ["2", "Tập huấn kỹ năng số cho cán bộ", "Phòng Văn hóa và Xã hội", "Tháng 9/2026"],
    ]);
  });

  it("takes 'TT' one space from the next label apart, and the lines above a row's number with its row", () => {
    const table = read([
      line([0, "TT Nội dung nhiệm vụ"], [44, "Đơn vị chủ trì"], [64, "Thời hạn"]),
      "",
      line([44, "Phòng Kinh tế"]),
      line([0, "1.1"], [6, "Rà soát quy hoạch chợ"], [64, "Năm 2026"]),
      line([44, "xã"]),
      "",
      line([44, "Công an xã"]),
      line([0, "1.2"], [6, "Kiểm tra an toàn cháy nổ"], [64, "Quý III/2026"]),
      "",
      line([0, "1.3"], [6, "Cập nhật bản đồ số"], [44, "Văn phòng"], [64, "Năm 2027"]),
      "",
      line([0, "1.4"], [6, "Chuyển đổi số chợ"], [44, "Phòng Kinh tế"], [64, "Năm 2027"]),
      "",
      line([0, "1.5"], [6, "Lập trang tin điện tử"], [44, "Văn phòng"], [64, "Năm 2027"]),
      "",
      line([0, "1.6"], [6, "Mở điểm phục vụ công"], [44, "Văn phòng"], [64, "Năm 2028"]),
      "",
    ]);
    expect(table.rows.map((r) => [r.no, r.task, r.lead.join("; "), r.deadlineText])).toEqual([
      ["1.1", "Rà soát quy hoạch chợ", "Phòng Kinh tế xã", "Năm 2026"],
      ["1.2", "Kiểm tra an toàn cháy nổ", "Công an xã", "Quý III/2026"],
      ["1.3", "Cập nhật bản đồ số", "Văn phòng", "Năm 2027"],
      ["1.4", "Chuyển đổi số chợ", "Phòng Kinh tế", "Năm 2027"],
      ["1.5", "Lập trang tin điện tử", "Văn phòng", "Năm 2027"],
      ["1.6", "Mở điểm phục vụ công", "Văn phòng", "Năm 2028"],
    ]);
  });

  it("reads rows without a number under their section row when rows are a blank line apart", () => {
    const table = read([
      line([0, "TT"], [6, "Nội dung nhiệm vụ"], [44, "Đơn vị chủ trì"], [64, "Thời hạn"]),
      "",
      line([0, "I."], [6, "Hạ tầng số"]),
      "",
      line([6, "Phủ sóng 4G các thôn"], [44, "Phòng Kinh tế"], [64, "Năm 2026"]),
      "",
      line([6, "Lắp camera an ninh"], [44, "Công an xã"], [64, "Quý IV/2026"]),
      line([6, "tại các ngã ba"]),
      "",
      line([0, "II."], [6, "Dữ liệu số"]),
      "",
      line([6, "Số hóa hồ sơ hộ tịch"], [44, "Văn phòng"], [64, "Năm 2027"]),
      "",
    ]);
    expect(table.rows.map((r) => [r.section, r.no, r.task, r.deadlineText])).toEqual([
      ["I", "", "Phủ sóng 4G các thôn", "Năm 2026"],
      ["I", "", "Lắp camera an ninh tại các ngã ba", "Quý IV/2026"],
      ["II", "", "Số hóa hồ sơ hộ tịch", "Năm 2027"],
    ]);
  });
});
