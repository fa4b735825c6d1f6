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

describe("assessment", () => {
  it("at least: above is Vượt, equal Đạt, below Không đạt", () => {
    expect(assess("≥ 80", 85)).toBe("Vượt");
    expect(assess("≥ 80", 80)).toBe("Đạt");
    expect(assess("≥ 80", "79,5")).toBe("Không đạt");
  });
  it("lower is better: below the target is Vượt", () => {
    expect(assess("Dưới 4", 3)).toBe("Vượt");
    expect(assess("≤ 4", 4)).toBe("Đạt");
    expect(assess("≤ 4", 5)).toBe("Không đạt");
  });
  it("a range: inside is Đạt, beyond the favourable end Vượt", () => {
    expect(assess("80–90", 85)).toBe("Đạt");
    expect(assess("80–90", 80)).toBe("Đạt");
    expect(assess("80–90", 95)).toBe("Vượt");
    expect(assess("80–90", 79)).toBe("Không đạt");
  });
  it("about: within 5% is Đạt", () => {
    expect(assess("Khoảng 40", 39)).toBe("Đạt");
    expect(assess("Khoảng 40", 43)).toBe("Vượt");
    expect(assess("Khoảng 40", 37)).toBe("Không đạt");
  });
  it("qualitative and empty", () => {
    expect(assess("X", "Đạt")).toBe("Đạt");
    expect(assess("X", "chưa")).toBe("Không đạt");
    expect(assess("X", "")).toBeNull();
    expect(assess("-", 50)).toBeNull();
    expect(assess("≥ 80", null)).toBeNull();
    expect(assess("≥ 80", "")).toBeNull();
  });
});

describe("gap and achievement rate", () => {
  it("gap is what is still missing; negative once exceeded", () => {
    expect(gap("≥ 80", 70)).toBe(10);
    expect(gap("≥ 80", 90)).toBe(-10);
    expect(gap("≤ 4", 6)).toBe(2);
    expect(gap("-", 6)).toBeNull();
  });
  it("rate is actual / target, inverted when lower is better", () => {
    expect(achievementRate("≥ 80", 60)).toBeCloseTo(0.75);
    expect(achievementRate("≤ 4", 8)).toBeCloseTo(0.5);
    expect(achievementRate("≥ 1,0", "0,5")).toBeCloseTo(0.5);
    expect(achievementRate("≥ 80", null)).toBeNull();
  });
});

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
    // Before 2030 with a baseline of 20 at the end of 2025: halfway is 40.
    expect(onTrack(milestones, 45, "2028-01-01", { year: 2025, value: 20 })).toBe(true);
    expect(onTrack(milestones, 30, "2028-01-01", { year: 2025, value: 20 })).toBe(false);
    expect(onTrack(milestones, "n/a", "2028-01-01")).toBeNull();
  });
});
