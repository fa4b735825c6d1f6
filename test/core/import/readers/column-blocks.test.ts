import { problemText } from "../../../../src/messages/problem-messages";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  columnBlocksAt,
  columnBlocksWarning,
  deadlineBlockAt,
  interleavedWordsAt,
  misplacedHeaderAt,
} from "../../../../src/core/import/readers/column-blocks";
import { parsePlanText } from "../../../../src/core/import/parse-plan";
import { renderPdfText, renderWordText, syntheticTables } from "../../../fixtures/synthetic-plan";
import { refusalOf } from "../../../fixtures/refusal";

const SEEDS = join(__dirname, "../../../../../shared/seeds");

describe("a table printed column by column (pdftotext without -layout)", () => {
  it("is found where the row numbers are printed one under another", () => {
    const lines = [
      "Phụ lục I",
      "STT",
      "",
      "A",
      "1",
      "2",
      "",
      "II",
      "3.",
      "Tên nhiệm vụ",
      "Xây dựng kế hoạch",
    ];
    expect(columnBlocksAt(lines)).toBe(5);
    expect(columnBlocksAt(lines.filter((l) => l !== "2"))).toBeNull();
    // A column of figures (an indicator's milestones) does not count up by one.
    expect(columnBlocksAt(["Tỷ lệ hộ dùng nước sạch", "%", "85", "90", "95", "100"])).toBeNull();
  });

  it("is found where a later column's header comes after the rows' text", () => {
    const lines = [
      "STT",
      "Nội dung nhiệm vụ",
      "1",
      "Lập kế hoạch",
      "2",
      "Tổ chức hội nghị",
      "",
      "Đơn vị chủ trì",
    ];
    expect(misplacedHeaderAt(lines)).toBe(8);
    // In a viewer's copy the labels come together above the rows, and again as a whole.
    const copied = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "1", "Lập kế hoạch", "Sở Nội vụ"];
    expect(misplacedHeaderAt([...copied, ...copied])).toBeNull();
  });

  it("is not found in text copied from a viewer or Word, synthetic or real", () => {
    const tables = syntheticTables({
      seed: 5,
      planYear: 2026,
      tables: 2,
      rowsPerTable: 40,
      withSections: true,
      withOutput: true,
      withNote: true,
    });
    for (const text of [
      renderPdfText(tables, 2026, { seed: 5, pageNumbers: true, repeatHeader: true }),
      renderWordText(tables, 2026),
      ...readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), "utf8")),
    ]) {
      expect(columnBlocksAt(text.split("\n"))).toBeNull();
      expect(misplacedHeaderAt(text.split("\n"))).toBeNull();
      expect(interleavedWordsAt(text.split("\n"))).toBeNull();
    }
  });

  it("is found where justified cells of neighbouring columns come out word by word", () => {
    // Rows whose numbers are followed by their cells, but the cells' words interleaved.
    const row = (n: number) => [
      String(n),
      "Tổ chức kiểm tra việc thực hiện",
      "Các",
      "Phòng",
      "chuyên",
      "môn Báo cáo kết quả của",
      "Thường",
      "UBND",
      "xã đơn vị",
      "xuyên",
    ];
    const lines = ["PHỤ LỤC", "TT", "Nội dung", ...Array.from({ length: 6 }, (_, i) => row(i + 1)).flat()];
    expect(columnBlocksAt(lines)).toBeNull();
    expect(interleavedWordsAt(lines)).toBe(2);
  });

  it("gives the clerk a warning that names the line and says what to use instead", () => {
    const text = ["KẾ HOẠCH", "Phụ lục", "TT", "1", "2", "3", "4", "5", "Nội dung", "Lập kế hoạch"].join(
      "\n",
    );
    const w = parsePlanText(text, { file: "kh.txt", planYear: 2026 }).warnings.find(
      (x) => x.code === "column-blocks",
    );
    expect(w?.at).toEqual({ file: "kh.txt", line: 4 });
    expect(problemText(w!, "vi")).toMatch(/pdftotext -layout/);
    expect(problemText(w!, "en")).toMatch(/PDF file itself/);
  });
});

test("a file of such text with nothing readable is refused with the reason and what to give instead", async () => {
  const { readPlanBytes } = await import("../../../../src/readers/plan-bytes");
  const text = [
    "Phụ lục I",
    "STT",
    "",
    "Nội dung",
    "",
    "1",
    "2",
    "3.",
    "",
    "Đơn vị chủ trì",
    "Sở Nội vụ",
  ].join("\n");
  expect(await refusalOf(readPlanBytes(new TextEncoder().encode(text), { file: "kh.txt" }))).toMatchObject({
    vi: expect.stringMatching(/kh\.txt không có bảng nhiệm vụ.*theo từng cột.*tệp PDF/s),
    en: expect.stringMatching(/PDF file itself/),
  });
});

describe("a column of deadlines printed as a block", () => {
  it("flags column-by-column text of a table whose rows have no number", () => {
    const lines = [
      "Nội dung nhiệm vụ",
      "Xây dựng kho dữ liệu dùng chung",
      "",
      "Triển khai dịch vụ công trực tuyến",
      "Cơ quan chủ trì",
      "Văn phòng",
      "Phòng Kinh tế",
      "Thời gian hoàn thành",
      "Quý II/2026",
      "",
      "Tháng 9/2026",
      "Năm 2027",
    ];
    expect(deadlineBlockAt(lines)).toBe(9);
    expect(columnBlocksWarning(lines, "t.txt")?.code).toBe("column-blocks");
  });

  it("does not flag a viewer's copy, where a row's deadline is followed by the next row", () => {
    const lines = [
      "1",
      "Xây dựng kho dữ liệu dùng chung",
      "Văn phòng",
      "Quý II/2026 -",
      "Quý III/2027",
      "2",
      "Triển khai dịch vụ công trực tuyến",
      "Phòng Kinh tế",
      "Tháng 9/2026",
    ];
    expect(deadlineBlockAt(lines)).toBeNull();
  });
});
