/**
 * Stated targets in the shapes real objectives take, written here (no plan's sentences): text whose
 * line breaks carry no meaning (a web copy breaks lines every ~80 characters, inside headings too),
 * "a) Mục tiêu chung" / "b) Mục tiêu cụ thể" with "(n)" items, "Chỉ tiêu 1:" labels under
 * "Mục tiêu 1. Lĩnh vực …", numbered sub-items "6.1.", the year inside the sentence or from a
 * period, else from the plan's horizon in its title; counts after a verb or comparator, a count
 * followed by its breakdown; and a plan whose objectives state no number, which gives none.
 */
import { extractTargets } from "../../../../src/core/import/targets/extract-targets";

const shapes: string[] = [];
const read = (text: string) => {
  shapes.push(text);
  return readOnly(text);
};
const readOnly = (text: string) =>
  extractTargets(
    text.split("\n").map((t, i) => ({ text: t, line: i + 1 })),
    "kh.txt",
  ).targets.map((t) => [t.year, t.comparator, t.value, t.max, t.unit]);

describe("stated targets as real objectives write them", () => {
  it("reads through line breaks that carry no meaning, inside headings and sentences", () => {
    expect(
      read(
        [
          "KẾ HOẠCH",
          "Phát triển thương mại điện tử trên địa bàn huyện đến",
          "năm 2030",
          "I. MỤC ĐÍCH, YÊU CẦU",
          "Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan.",
          "II. MỤC",
          "TIÊU",
          "1. Mục",
          "tiêu đến hết năm 2026",
          "- Tỷ lệ hợp tác xã bán hàng trên sàn thương mại điện tử đạt 40%; tỷ lệ",
          "thanh toán không dùng tiền mặt tại chợ đạt 30%.",
          "- Phấn đấu có ít nhất 05 sản phẩm OCOP được đưa lên sàn.",
          "2. Mục tiêu đến năm",
          "2030",
          "- 100% xã có điểm giới thiệu sản phẩm trực",
          "tuyến.",
          "III. NHIỆM VỤ",
          "1. Tổ chức 02 hội nghị tập huấn.",
        ].join("\n"),
      ),
    ).toEqual([
      [2026, "=", 40, null, "%"],
      [2026, "=", 30, null, "%"],
      [2026, ">=", 5, null, "sản phẩm OCOP"],
      [2030, "=", 100, null, "%"],
    ]);
  });

  it('"(n)" items under "b) Mục tiêu cụ thể", the year from the sentence, a period or the title', () => {
    expect(
      read(
        [
          "KẾ HOẠCH hỗ trợ doanh nghiệp nhỏ và vừa giai đoạn 2026 - 2030",
          "II. MỤC TIÊU",
          "a) Mục tiêu chung",
          "Nâng cao năng lực cạnh tranh của doanh nghiệp nhỏ và vừa.",
          "b) Mục tiêu cụ thể",
          "(1) Đến năm 2028, số doanh nghiệp đang hoạt động đạt 1.200 doanh nghiệp.",
          "(2) Tỷ lệ doanh nghiệp dùng hóa đơn điện tử không dưới 95%.",
          "(3) Trong giai đoạn 2026 - 2029, hỗ trợ tối thiểu 50 doanh nghiệp khởi nghiệp.",
          "(4) Tỷ lệ nợ thuế không quá 5% tổng thu.",
          "III. NHIỆM VỤ, GIẢI PHÁP",
        ].join("\n"),
      ),
    ).toEqual([
      [2028, "=", 1200, null, "doanh nghiệp"],
      [2030, ">=", 95, null, "%"],
      [2029, ">=", 50, null, "doanh nghiệp"],
      [2030, "<=", 5, null, "%"],
    ]);
  });

  it('"Chỉ tiêu 1:" labels under "Mục tiêu 1. Lĩnh vực …", and numbered sub-items "6.1."', () => {
    expect(
      read(
        [
          "Kế hoạch phát triển văn hóa, xã hội đến năm 2030",
          "II. MỤC TIÊU, CHỈ TIÊU",
          "Mục tiêu 1. Lĩnh vực giáo dục",
          "Chỉ tiêu 1: Tỷ lệ trường học đạt chuẩn quốc gia đạt 85%.",
          "Chỉ tiêu 2: Tỷ lệ huy động trẻ 5 tuổi đến lớp duy trì 100%.",
          "Mục tiêu 2. Lĩnh vực y tế",
          "Chỉ tiêu 3: Số giường bệnh trên 10.000 dân đạt 32 giường.",
          "III. NHIỆM VỤ",
        ].join("\n"),
      ),
    ).toEqual([
      [2030, "=", 85, null, "%"],
      [2030, "=", 100, null, "%"],
      [2030, "=", 32, null, "giường"],
    ]);
    expect(
      read(
        [
          "6. Các chỉ tiêu chủ yếu đến năm 2030",
          "6.1. Tốc độ tăng doanh thu bán lẻ bình quân đạt 12%/năm.",
          "6.2. Tỷ lệ chợ được cải tạo, nâng cấp đạt 70%.",
          "7. Nhiệm vụ",
          "7.1. Đạt 100% kế hoạch.",
        ].join("\n"),
      ),
    ).toEqual([
      [2030, "=", 12, null, "%"],
      [2030, "=", 70, null, "%"],
    ]);
  });

  it("a count followed by its breakdown is one target; ranges and comparators", () => {
    expect(
      read(
        [
          "II. MỤC TIÊU",
          "Mục tiêu đến năm 2030",
          "- Có 58 trạm quan trắc tự động (trong đó: 20 trạm nước, 38 trạm không khí).",
          "- 1.500 hộ dân được hỗ trợ lắp đặt điện mặt trời (trong đó 300 hộ nghèo).",
          "- Tỷ lệ thu gom rác thải đạt 2% - 4% mỗi năm; tỷ lệ che phủ rừng đạt trên 42%.",
          "III. NHIỆM VỤ",
        ].join("\n"),
      ),
    ).toEqual([
      [2030, "=", 58, null, "trạm"],
      [2030, "=", 1500, null, "hộ dân"],
      [2030, "range", 2, 4, "%"],
      [2030, ">=", 42, null, "%"],
    ]);
  });

  it("a plan whose objectives state no number gives no target (no legal citation, no task)", () => {
    expect(
      read(
        [
          "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
          "KẾ HOẠCH tuyên truyền, phổ biến pháp luật năm 2026",
          "I. MỤC ĐÍCH, YÊU CẦU",
          "II. MỤC TIÊU",
          "1. Mục tiêu chung",
          "Nâng cao hiệu quả công tác tuyên truyền, phổ biến pháp luật.",
          "2. Mục tiêu cụ thể",
          "- Tăng cường phối hợp giữa các cơ quan, đơn vị.",
          "- Đổi mới hình thức tuyên truyền theo Quyết định số 25/QĐ-UBND.",
          "III. NHIỆM VỤ",
          "1. Tổ chức 02 hội nghị, đạt 100% kế hoạch.",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});

/** A copy that breaks lines at `width` characters wherever a word ends, as web copies do. */
function rewrap(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => {
      const out: string[] = [];
      let current = "";
      for (const word of line.split(" ")) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      return [...out, current];
    })
    .join("\n");
}

describe("the same objectives broken at any width read the same", () => {
  it.each([38, 45, 52, 61, 70, 80])("lines broken at %i characters", (width) => {
    expect(shapes.length).toBeGreaterThan(4);
    for (const text of shapes) expect(readOnly(rewrap(text, width))).toEqual(readOnly(text));
  });
});
