/**
 * What a clerk pastes most: a table copied from a spreadsheet or a web page (one line a row, cells
 * separated by tabs) with the objectives above it under a bare "MỤC TIÊU" heading.
 */
import { parsePlanText } from "../../../src/core/import/parse-plan";

const text = (...lines: string[]) => lines.join("\n");

describe("a table pasted from a spreadsheet (cells separated by tabs)", () => {
  it("reads each cell into its column, a bare unit name included", () => {
    const parsed = parsePlanText(
      text(
        "Phụ lục I",
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "1\tXây dựng cổng dữ liệu mở\tVăn phòng\tCác phòng chuyên môn\tQuý II/2026",
        "2\tĐào tạo kỹ năng số cho cán bộ\tPhòng Nội vụ\t\tThường xuyên",
        "3\tSố hóa hồ sơ hộ tịch\tPhòng Tư pháp\tVăn phòng\t30/9/2026",
      ),
      { file: "dan.txt", planYear: 2026 },
    );
    const rows = parsed.plan.tables[0]!.rows as {
      lead: string[];
      partners: string[];
      deadlineText: string;
    }[];
    expect(rows.map((r) => [r.lead, r.partners, r.deadlineText])).toEqual([
      [["Văn phòng"], ["Các phòng chuyên môn"], "Quý II/2026"],
      [["Phòng Nội vụ"], [], "Thường xuyên"],
      [["Phòng Tư pháp"], ["Văn phòng"], "30/9/2026"],
    ]);
  });
});

describe("targets under a heading that is only 'Mục tiêu'", () => {
  it("reads the bullets that state numbers, to be confirmed; the general objective's prose ends it", () => {
    const parsed = parsePlanText(
      text(
        "I. MỤC TIÊU",
        "- Đến năm 2026, tỷ lệ hồ sơ xử lý trực tuyến đạt 80%.",
        "- Có ít nhất 05 mô hình chuyển đổi số cấp thôn.",
        "Xây dựng chính quyền số gần dân, phục vụ người dân.",
        "- 100% cán bộ dùng chữ ký số.",
      ),
      { file: "kh.txt", planYear: 2026 },
    );
    expect(parsed.plan.targets.map((t) => [t.text, t.value, t.unit])).toEqual([
      ["Đến năm 2026, tỷ lệ hồ sơ xử lý trực tuyến đạt 80%.", 80, "%"],
      ["Có ít nhất 05 mô hình chuyển đổi số cấp thôn.", 5, "mô hình"],
    ]);
    expect(parsed.warnings.map((w) => w.code)).toContain("targets-from-prose");
  });

  it("a 'Mục tiêu' heading over prose with no number gives no target", () => {
    const parsed = parsePlanText(
      text(
        "1. Mục tiêu",
        "Nâng cao hiệu quả cải cách hành chính theo Nghị quyết số 57-NQ/TW ngày 22/12/2024.",
      ),
      { file: "kh.txt", planYear: 2026 },
    );
    expect(parsed.plan.targets).toEqual([]);
  });
});
