/**
 * Stated targets the import is unsure of go to the preview as warnings (with their line) instead
 * of a silent guess: no milestone year anywhere, or a numbered objective without a number.
 */
import { problemText } from "../../../src/messages/problem-messages";
import { parsePlanText } from "../../../src/core/import/parse-plan";

const plan = (body: string[]) =>
  parsePlanText(
    ["KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2026", "II. MỤC TIÊU", ...body, "III. TỔ CHỨC THỰC HIỆN"].join("\n"),
    {
      file: "kh.txt",
    },
  );

describe("targets to confirm", () => {
  it("a target with no year in its sentence or heading is read, and flagged with its line", () => {
    const parsed = plan(["2. Mục tiêu cụ thể", "- Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%."]);
    expect(parsed.plan.targets).toMatchObject([{ year: null, comparator: ">=", value: 80 }]);
    expect(parsed.warnings).toEqual([
      expect.objectContaining({ code: "target-year-missing", at: { file: "kh.txt", line: 5 } }),
    ]);
    expect(problemText(parsed.warnings[0]!, "vi")).toContain("Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.");
  });

  it("a target whose year is in its heading or its sentence is not flagged", () => {
    const parsed = plan([
      "2. Mục tiêu cụ thể",
      "a) Đến năm 2030:",
      "- Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.",
      "- Tỷ lệ hộ có cáp quang đạt 90% vào năm 2035.",
    ]);
    expect(parsed.plan.targets.map((t) => t.year)).toEqual([2030, 2035]);
    expect(parsed.warnings.filter((w) => w.code.startsWith("target-"))).toEqual([]);
  });

  it("items after a 'Đến năm …: <target>' line take its year and are flagged to confirm; under a bare heading not", () => {
    const parsed = plan([
      "2. Mục tiêu cụ thể",
      "a) Đến năm 2026: tỷ lệ hồ sơ trực tuyến đạt 60%.",
      "b) Đến năm 2028: tỷ lệ hộ có cáp quang đạt 80%.",
      "- Tỷ lệ thôn có điểm Wi-Fi công cộng đạt 50%.",
      "- Số doanh nghiệp số đạt 20 doanh nghiệp vào năm 2030.",
    ]);
    expect(parsed.plan.targets.map((t) => t.year)).toEqual([2026, 2028, 2028, 2030]);
    const carried = parsed.warnings.filter((w) => w.code === "target-year-carried");
    expect(carried).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({ year: 2028 }),
        at: { file: "kh.txt", line: 7 },
      }),
    ]);
    expect(problemText(carried[0]!, "vi")).toContain("Wi-Fi");
    expect(problemText(carried[0]!, "en")).toContain("By 2028");
  });

  it("a numbered objective without a number, in a list that states numbers, is kept and flagged", () => {
    const parsed = plan([
      "2. Mục tiêu cụ thể",
      "a) Đến năm 2030:",
      "(1) Chính quyền xã dùng phần mềm điều hành thống nhất.",
      "(2) 100% thôn có điểm truy cập Internet công cộng.",
    ]);
    expect(parsed.plan.targets).toMatchObject([
      { no: "(1)", value: null, year: 2030 },
      { no: "(2)", value: 100, year: 2030 },
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(["target-value-missing"]);
  });

  it("objectives that state no number give no target at all, numbered or not", () => {
    const parsed = plan([
      "2. Mục tiêu cụ thể",
      "a) Đến năm 2030:",
      "(1) Chính quyền xã dùng phần mềm điều hành thống nhất.",
      "(2) Nâng cao chất lượng phục vụ người dân.",
    ]);
    expect(parsed.plan.targets).toEqual([]);
  });
  it("targets read from prose, in a text with no objectives heading, go to the preview to confirm", () => {
    const prose = parsePlanText(
      [
        "Huyện ban hành kế hoạch năm 2027.",
        "Theo kế hoạch, mục tiêu đến năm 2027, 95% hộ dân dùng nước sạch; có ít nhất 3 chợ đạt chuẩn.",
      ].join("\n"),
      { file: "tin.txt" },
    );
    expect(prose.plan.targets).toHaveLength(2);
    expect(prose.warnings).toEqual([
      expect.objectContaining({ code: "targets-from-prose", at: { file: "tin.txt", line: 2 } }),
    ]);
    expect(problemText(prose.warnings[0]!, "vi")).toContain("2 chỉ tiêu");
    // Under an objectives heading the same sentences are not flagged for it.
    const headed = plan(["2. Mục tiêu cụ thể đến năm 2027", "- 95% hộ dân dùng nước sạch."]);
    expect(headed.warnings.map((w) => w.code)).not.toContain("targets-from-prose");
  });
});
