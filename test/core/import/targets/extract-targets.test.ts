import { extractTargets, type TextLine } from "../../../../src/core/import/targets/extract-targets";

function lines(text: string): TextLine[] {
  return text.split("\n").map((t, i) => ({ text: t, line: i + 1 }));
}

function read(text: string) {
  return extractTargets(lines(text), "ke-hoach.txt");
}

describe("extractTargets", () => {
  it("reads the objectives section: milestone headings, bullets, several targets per bullet", () => {
    const { targets, sources } = read(
      [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Đạt 100% nội dung tuyên truyền năm 2026.",
        "II. MỤC TIÊU",
        "2. Chỉ tiêu cụ thể",
        "2.1. Đến năm 2027",
        "- Tỷ lệ hộ gia đình dùng cáp quang tối thiểu 70%; khoảng 25% GRDP từ kinh tế số.",
        "2.2. Đến năm 2032",
        "- Từ 60-75% thôn có điểm truy cập công cộng.",
        "III. NHIỆM VỤ",
        "- Phấn đấu 100% cán bộ được tập huấn.",
      ].join("\n"),
    );
    expect(targets.map((t) => [t.year, t.comparator, t.value, t.max, t.unit])).toEqual([
      [2027, ">=", 70, null, "%"],
      [2027, "=", 25, null, "% GRDP"],
      [2032, "range", 60, 75, "%"],
    ]);
    expect(targets[0]!.text).toBe("Tỷ lệ hộ gia đình dùng cáp quang tối thiểu 70%");
    expect(sources.map((s) => s.line)).toEqual([6, 6, 8]);
  });

  it("reads a budget share stated under a funding heading, and nothing else there", () => {
    const { targets, sources } = read(
      [
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "4. Nguồn lực",
        "4.2. Kinh phí thực hiện",
        "- Bố trí chi ngân sách phường cho chuyển đổi số đạt ít nhất 2,5% vào năm 2027, ",
        "tăng lên trên 4% vào năm 2040.",
        "- Phấn đấu 90% thủ tục được số hóa vào năm 2030.",
        "4.3. Nhân lực",
        "- Tổng chi ngân sách cho đào tạo đạt 5% vào năm 2030.",
      ].join("\n"),
    );
    expect(targets.map((t) => [t.year, t.comparator, t.value, t.unit])).toEqual([
      [2027, ">=", 2.5, "%"],
      [2040, ">=", 4, "%"],
    ]);
    expect(sources.map((s) => s.line)).toEqual([4, 4]);
  });

  it("reports nothing when the plan states no objectives", () => {
    const { targets } = read("I. MỤC ĐÍCH\n- Nâng cao nhận thức 100% cán bộ năm 2026.\n");
    expect(targets).toEqual([]);
  });
});
