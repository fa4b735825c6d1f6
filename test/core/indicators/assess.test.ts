import { achievementRate, assess, gap, onTrack, targetInForce } from "../../../src/core/indicators/assess";
import { parseTarget } from "../../../src/core/indicators/target-value";

describe("target cells", () => {
  it.each([
    ["≥ 80", ">=", 80, null],
    ["≥80", ">=", 80, null],
    ["≥ 1,0", ">=", 1, null],
    ["≥ 01", ">=", 1, null],
    ["30", "=", 30, null],
    ["80–90", "range", 80, 90],
    ["45-50", "range", 45, 50],
    ["Dưới 4", "<=", 4, null],
    ["≤ 4", "<=", 4, null],
    ["Khoảng 40", "about", 40, null],
    ["100 (Các hệ thống vận hành thông minh.)", "=", 100, null],
    ["Từ 90% trở lên", ">=", 90, null],
  ])("%s", (text, comparator, value, max) => {
    expect(parseTarget(text)).toMatchObject({ kind: "numeric", comparator, value, max });
  });

  it("reads '-', blanks and 'X'", () => {
    expect(parseTarget("-").kind).toBe("none");
    expect(parseTarget("").kind).toBe("none");
    expect(parseTarget(null).kind).toBe("none");
    expect(parseTarget("X").kind).toBe("qualitative");
  });
});

type Row = [string, string | number, string | number | boolean | null, unknown];

/** One table per rule: target cell, actual, expected, read as the rule's sentence. */
function rule(sentence: string, fn: (t: string | number, a: Row[2]) => unknown, rows: Row[]) {
  describe(sentence, () => {
    it.each(rows)("%s", (_case, t, a, expected) => {
      const got = fn(t, a);
      if (typeof expected === "number") expect(got).toBeCloseTo(expected, 10);
      else expect(got).toBe(expected);
    });
  });
}

rule("At least (≥, tối thiểu, trên): at the bound Đạt, better Vượt, worse Không đạt.", assess, [
  ["≥ 80 at 85", "≥ 80", 85, "Vượt"],
  ["≥ 80 at 80", "≥ 80", 80, "Đạt"],
  ["≥ 80 at 79,5 (text)", "≥ 80", "79,5", "Không đạt"],
  ["trên 50 at 50", "Trên 50", 50, "Đạt"],
  ["đạt trên 50 at 51", "đạt trên 50", 51, "Vượt"],
  ["a plain value 30 at 30", "30", 30, "Đạt"],
  ["a plain number cell at 31", 30, 31, "Vượt"],
]);

rule("At most (≤, dưới, tối đa, không quá): lower is better; at the bound Đạt, below Vượt.", assess, [
  ["dưới 4 at 3", "Dưới 4", 3, "Vượt"],
  ["≤ 4 at 4", "≤ 4", 4, "Đạt"],
  ["≤ 4 at 5", "≤ 4", 5, "Không đạt"],
  ["dưới 4 at 0", "Dưới 4", 0, "Vượt"],
  ["không quá 10 at 10", "Không quá 10", 10, "Đạt"],
]);

rule("A range: inside Đạt, beyond the favourable end Vượt, below Không đạt.", assess, [
  ["80–90 at 85", "80–90", 85, "Đạt"],
  ["80–90 at 80", "80–90", 80, "Đạt"],
  ["80–90 at 90", "80–90", 90, "Đạt"],
  ["80–90 at 95", "80–90", 95, "Vượt"],
  ["80–90 at 79", "80–90", 79, "Không đạt"],
  ["2% - 4% at 3", "2% - 4%", 3, "Đạt"],
]);

rule('"Khoảng X": X ± 5 % inclusive is Đạt, above Vượt, below Không đạt.', assess, [
  ["khoảng 50 at 49,5", "Khoảng 50", 49.5, "Đạt"],
  ["khoảng 50 at 47,5 (the bound)", "Khoảng 50", 47.5, "Đạt"],
  ["khoảng 50 at 47,4", "Khoảng 50", 47.4, "Không đạt"],
  ["khoảng 40 at 42 (the bound)", "Khoảng 40", 42, "Đạt"],
  ["khoảng 40 at 42,01", "Khoảng 40", 42.01, "Vượt"],
]);

rule(
  '"X" (qualitative): Có/Đạt/Hoàn thành/X/TRUE/1 Đạt; Không/Chưa đạt/FALSE/0 Không đạt; other text cannot be assessed.',
  assess,
  [
    ["X at Đạt", "X", "Đạt", "Đạt"],
    ["X at có (lower case)", "X", "có", "Đạt"],
    ["X at HOÀN THÀNH", "X", "HOÀN THÀNH", "Đạt"],
    ["X at x", "X", "x", "Đạt"],
    ["X at TRUE", "X", true, "Đạt"],
    ["X at 1", "X", 1, "Đạt"],
    ["X at text 1", "X", "1", "Đạt"],
    ["X at Chưa hoàn thành", "X", "Chưa hoàn thành", "Không đạt"],
    ["X at Không", "X", "Không", "Không đạt"],
    ["X at FALSE", "X", false, "Không đạt"],
    ["X at 0", "X", 0, "Không đạt"],
    ["X at Đang thực hiện", "X", "Đang thực hiện", "Không đánh giá được"],
    ["X at 2", "X", 2, "Không đánh giá được"],
    ["X at decomposed Đạt", "X", "Đạt".normalize("NFD"), "Đạt"],
    ["X at blank", "X", "", null],
  ],
);

rule('"-" means no target that year; a blank actual is no data: nothing is assessed.', assess, [
  ["- at 50", "-", 50, null],
  ["blank target at 50", "", 50, null],
  ["≥ 80 at null", "≥ 80", null, null],
  ["≥ 80 at blank text", "≥ 80", "  ", null],
  ["≥ 80 at text that is not a number", "≥ 80", "đang tổng hợp", "Không đánh giá được"],
]);

rule("Numbers: decimal comma; a dot before exactly three digits groups thousands; 01 is 1.", assess, [
  ["≥ 1.000 at 999", "≥ 1.000", 999, "Không đạt"],
  ["≥ 1.000 at 1000", "≥ 1.000", 1000, "Đạt"],
  ["≥ 1,5 at 1,6 (text)", "≥ 1,5", "1,6", "Vượt"],
  ["≥ 1.5 at 1,5 (text)", "≥ 1.5", "1,5", "Đạt"],
  ["≥ 01 at 1", "≥ 01", 1, "Đạt"],
  ["≥ 1.000,5 at 1000,5", "≥ 1.000,5", 1000.5, "Đạt"],
]);

rule(
  "Gap = actual − target (nearer bound of a range or band, 0 inside): positive ahead, negative short.",
  gap,
  [
    ["≥ 80 at 70", "≥ 80", 70, -10],
    ["≥ 80 at 90", "≥ 80", 90, 10],
    ["≤ 4 at 6", "≤ 4", 6, 2],
    ["≤ 4 at 3", "≤ 4", 3, -1],
    ["80–90 at 85", "80–90", 85, 0],
    ["80–90 at 95", "80–90", 95, 5],
    ["80–90 at 70", "80–90", 70, -10],
    ["khoảng 50 at 49,5 (inside the band)", "Khoảng 50", 49.5, 0],
    ["khoảng 50 at 45", "Khoảng 50", 45, -2.5],
    ["- at 6", "-", 6, null],
    ["≥ 80 at blank", "≥ 80", null, null],
  ],
);

rule(
  "Rate = actual / target (range: lower bound); target / actual when lower is better; 0 on lower-is-better is empty.",
  achievementRate,
  [
    ["≥ 80 at 60", "≥ 80", 60, 0.75],
    ["≤ 4 at 8", "≤ 4", 8, 0.5],
    ["≤ 4 at 4", "≤ 4", 4, 1],
    ["dưới 4 at 0", "Dưới 4", 0, null],
    ["≥ 1,0 at 0,5 (text)", "≥ 1,0", "0,5", 0.5],
    ["80–90 at 88", "80–90", 88, 1.1],
    ["khoảng 50 at 50", "Khoảng 50", 50, 1],
    ["≥ 0 at 5 (no division by 0)", "≥ 0", 5, null],
    ["≥ 80 at blank", "≥ 80", null, null],
  ],
);

describe("milestones", () => {
  const milestones = [
    { year: 2025, target: "-" },
    { year: 2030, target: "≥ 60" },
    { year: 2035, target: "100" },
  ];
  it("the target in force is the next milestone that sets one", () => {
    expect(targetInForce(milestones, "2026-06-30")?.year).toBe(2030);
    expect(targetInForce(milestones, "2030-12-31")?.year).toBe(2030);
    expect(targetInForce(milestones, "2031-01-01")?.year).toBe(2035);
    expect(targetInForce(milestones, "2040-01-01")?.year).toBe(2035);
  });
  it("on track: at or above the straight line from the previous milestone", () => {
    // Halfway from 2030 (60) to 2035 (100): the line is at 80.
    expect(onTrack(milestones, 81, "2033-07-02")).toBe(true);
    expect(onTrack(milestones, 70, "2033-07-02")).toBe(false);
    // Before 2030 with a baseline of 20 at the end of 2025: 2028-07-02 is halfway, the line is at 40.
    const baseline = { year: 2025, value: 20 };
    expect(onTrack(milestones, 45, "2028-07-02", { baseline })).toBe(true);
    expect(onTrack(milestones, 30, "2028-07-02", { baseline })).toBe(false);
    expect(onTrack(milestones, "n/a", "2028-01-01")).toBeNull();
  });
  it("without an earlier milestone or baseline, the line starts at 0 on 1 January of the plan year", () => {
    const ms = [{ year: 2026, target: "≥ 100" }];
    // 2026-07-02 is day 182 of 364 from 1 January to 31 December: the line is at 50.
    expect(onTrack(ms, 50, "2026-07-02", { planYear: 2026 })).toBe(true);
    expect(onTrack(ms, 49, "2026-07-02", { planYear: 2026 })).toBe(false);
    expect(onTrack(ms, 99, "2026-07-02")).toBe(false); // no plan year: the full target
  });
  it("lower is better: at or below the line", () => {
    const ms = [
      { year: 2025, target: "≤ 10" },
      { year: 2030, target: "≤ 4" },
    ];
    expect(onTrack(ms, 7, "2028-01-01")).toBe(true);
    expect(onTrack(ms, 9, "2028-01-01")).toBe(false);
  });
  it("the target in force skips '-' and blanks, and numeric cells stay numbers", () => {
    const ms = [
      { year: 2025, target: "-" },
      { year: 2030, target: "" },
      { year: 2035, target: 100 },
    ];
    expect(targetInForce(ms, "2025-06-01")).toEqual({ year: 2035, target: 100 });
    expect(targetInForce([{ year: 2025, target: "-" }], "2025-06-01")).toBeNull();
  });
});
