/**
 * Targets in the shapes public copies of plans take when a page has lost or never had an
 * objectives heading of its own (examples written here, no plan's sentences): a numbered list
 * printed as one run of text, "(n)" series going on across paragraphs, a heading that names a term,
 * ranges in words, counts after a colon, "N/M" shares, the counted noun named before a bare count,
 * and prose that names its objectives before stating them — but never a number in prose that does
 * not (a vote count, a result), nor a number inside a bracket that qualifies a target.
 */
import { extractTargets } from "../../../../src/core/import/targets/extract-targets";

const read = (text: string) =>
  extractTargets(
    text.split("\n").map((t, i) => ({ text: t, line: i + 1 })),
    "kh.txt",
  ).targets.map((t) => [t.no, t.year, t.comparator, t.value, t.max, t.unit]);

describe("stated targets in public copies of plans", () => {
  it("cuts a numbered list printed as one run of text back into its items, under 'Về …' groups", () => {
    const run =
      "CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030 I. Về kinh tế 1. Giá trị sản xuất nông nghiệp tăng bình quân 4,5%/năm. " +
      "2. Thu nhập bình quân đầu người đến năm 2030: 90 triệu đồng. 3. Có thêm 03 hợp tác xã kiểu mới. " +
      "II. Về xã hội 4. Tỷ lệ hộ nghèo dưới 1,5%. 5. Giữ vững xã đạt chuẩn an toàn thực phẩm.";
    expect(read(run)).toEqual([
      ["1", 2030, "=", 4.5, null, "%"],
      ["2", 2030, "=", 90, null, "triệu đồng"],
      ["3", 2030, "=", 3, null, "hợp tác xã"],
      ["4", 2030, "<=", 1.5, null, "%"],
      ["5", 2030, null, null, null, null],
    ]);
  });

  it("goes on with a '(n)' series from one paragraph to the next; ranges in words and with a dash", () => {
    const text = [
      "Chỉ tiêu chủ yếu (nhiệm kỳ 2026-2031)",
      "",
      "Về kinh tế: (1) Tăng trưởng bình quân từ 6,5 đến 7%. (2) Vốn đầu tư toàn xã hội đạt 1.200 - 1.500 tỷ đồng.",
      "",
      "Về xã hội: (3) Tỷ lệ hộ nghèo đa chiều giảm 0,5-1 điểm %. (4) Số giường bệnh/vạn dân: từ 28 đến 30 giường.",
    ].join("\n");
    expect(read(text)).toEqual([
      ["(1)", 2031, "range", 6.5, 7, "%"],
      ["(2)", 2031, "range", 1200, 1500, "tỷ đồng"],
      ["(3)", 2031, "range", 0.5, 1, "điểm %"],
      ["(4)", 2031, "range", 28, 30, "giường"],
    ]);
  });

  it("counts after a colon, of how many ('07/12 thôn'), in words, and with the noun named before", () => {
    const text = [
      "2. Các chỉ tiêu cụ thể đến năm 2028",
      "- Số trường đạt chuẩn quốc gia: 05 trường.",
      "- Thôn đạt chuẩn nông thôn mới kiểu mẫu: 07/12 thôn.",
      "- Xây dựng ít nhất một chợ đạt chuẩn văn minh thương mại.",
      "- Số lượng doanh nghiệp đang hoạt động đạt tối thiểu là 350.",
    ].join("\n");
    expect(read(text)).toEqual([
      ["", 2028, "=", 5, null, "trường"],
      ["", 2028, "=", 7, null, "thôn"],
      ["", 2028, ">=", 1, null, "chợ"],
      ["", 2028, ">=", 350, null, "doanh nghiệp"],
    ]);
  });

  it("reads prose that names its objectives, with the year set earlier in the sentence, and nothing before it", () => {
    const text = [
      "Huyện phấn đấu 90% hộ dân dùng nước sạch",
      "Hội đồng nhân dân huyện thông qua kế hoạch năm 2027 với 95% đại biểu tán thành.",
      "Theo kế hoạch, mục tiêu đến năm 2027, 90% hộ dân dùng nước sạch, trong đó 60% dùng nước máy; " +
        "đến năm 2029, có ít nhất 4 xã có trạm cấp nước tập trung.",
      "Đồng thời, tỷ lệ chất thải rắn được thu gom đạt trên 85% (theo tiêu chí giai đoạn 2026-2030).",
      "Huyện đã tổ chức 3 hội nghị triển khai.",
    ].join("\n");
    expect(read(text)).toEqual([
      ["", 2027, "=", 90, null, "%"],
      ["", 2027, "=", 60, null, "%"],
      ["", 2029, ">=", 4, null, "xã"],
      ["", 2027, ">=", 85, null, "%"],
    ]);
  });

  it("a bracket after a target qualifies it; a bracket that holds the targets is read", () => {
    const text = [
      "Các chỉ tiêu chủ yếu đến năm 2030",
      "(1) Tổng vốn đầu tư đạt 2.000 tỷ đồng (tăng bình quân 10-12%/năm).",
      "(2) Kinh tế số: ba mục tiêu (tỷ trọng kinh tế số đạt 25% GRDP; thanh toán không tiền mặt đạt trên 70%).",
    ].join("\n");
    expect(read(text)).toEqual([
      ["(1)", 2030, "=", 2000, null, "tỷ đồng"],
      ["(2)", 2030, "=", 25, null, "% GRDP"],
      ["(2)", 2030, ">=", 70, null, "%"],
    ]);
  });

  it("gives nothing for prose that states numbers without naming objectives, or a plan's opening", () => {
    expect(
      read(
        [
          "KẾ HOẠCH",
          "Thực hiện Nghị quyết số 12-NQ/TU ngày 05/3/2025 của Tỉnh ủy về phát triển du lịch đến năm 2030;",
          "Năm 2025, toàn tỉnh đón 1,2 triệu lượt khách, đạt 105% kế hoạch.",
          "I. MỤC ĐÍCH, YÊU CẦU",
          "Nâng cao chất lượng dịch vụ du lịch.",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
  it("keeps the unit answerable for a target where the objectives name it", () => {
    const targets = extractTargets(
      [
        "2. Mục tiêu cụ thể đến năm 2027",
        "- 100% hồ sơ được số hóa (Văn phòng HĐND và UBND xã chủ trì).",
        "- Tỷ lệ trẻ em tiêm chủng đủ mũi đạt 98% (Cơ quan theo dõi: Trạm Y tế xã)",
        "- Có ít nhất 02 chợ đạt chuẩn văn minh do Phòng Kinh tế chủ trì thực hiện.",
        "- Tỷ lệ hộ dùng nước sạch đạt 95%.",
      ].map((text, i) => ({ text, line: i + 1 })),
      "kh.txt",
    ).targets;
    expect(targets.map((t) => [t.value, t.responsible ?? null])).toEqual([
      [100, "Văn phòng HĐND và UBND xã"],
      [98, "Trạm Y tế xã"],
      [2, "Phòng Kinh tế"],
      [95, null],
    ]);
  });
});
