import {
  cutoffDayFrom,
  periodKindFromText,
  reportingPeriod,
} from "../../../src/core/periods/reporting-period";

describe("reporting periods with the 15th as cut-off", () => {
  it("months run from the 15th of the previous month to the 14th", () => {
    expect(reportingPeriod("2025-10-14")).toEqual({
      kind: "month",
      label: "Tháng 10/2025",
      start: "2025-09-15",
      end: "2025-10-14",
    });
    expect(reportingPeriod("2025-10-15")?.label).toBe("Tháng 11/2025");
    expect(reportingPeriod("2025-12-20")).toMatchObject({
      label: "Tháng 1/2026",
      start: "2025-12-15",
      end: "2026-01-14",
    });
  });
  it("quarters, half years, nine months and the year start on 15 December", () => {
    expect(reportingPeriod("2025-12-14", "quarter")).toMatchObject({
      label: "Quý IV/2025",
      start: "2025-09-15",
      end: "2025-12-14",
    });
    expect(reportingPeriod("2025-12-15", "quarter")).toMatchObject({
      label: "Quý I/2026",
      start: "2025-12-15",
      end: "2026-03-14",
    });
    expect(reportingPeriod("2026-06-14", "half")).toMatchObject({
      label: "6 tháng đầu năm 2026",
      start: "2025-12-15",
      end: "2026-06-14",
    });
    expect(reportingPeriod("2026-09-14", "nine-months")).toMatchObject({
      label: "9 tháng năm 2026",
      start: "2025-12-15",
      end: "2026-09-14",
    });
    expect(reportingPeriod("2026-12-14", "year")).toMatchObject({
      label: "Năm 2026",
      start: "2025-12-15",
      end: "2026-12-14",
    });
  });
  it("calendar months with cut-off day 1", () => {
    expect(reportingPeriod("2024-02-29", "month", 1)).toEqual({
      kind: "month",
      label: "Tháng 2/2024",
      start: "2024-02-01",
      end: "2024-02-29",
    });
    expect(reportingPeriod("2026-03-31", "quarter", 1)).toMatchObject({
      label: "Quý I/2026",
      start: "2026-01-01",
      end: "2026-03-31",
    });
  });
  it("refuses impossible dates and cut-off days", () => {
    expect(reportingPeriod("2026-02-30")).toBeNull();
    expect(reportingPeriod("2026-02-10", "month", 31)).toBeNull();
  });
});

describe("period rules (DOMAIN.md 'Periods')", () => {
  it.each([
    [
      "2025-06-15",
      "half",
      "6 tháng cuối năm 2025",
      "2025-06-15",
      "2025-12-14",
      "6 tháng cuối năm: 15/6 → 14/12",
    ],
    [
      "2025-12-14",
      "half",
      "6 tháng cuối năm 2025",
      "2025-06-15",
      "2025-12-14",
      "6 tháng cuối năm: 15/6 → 14/12",
    ],
    [
      "2025-12-15",
      "half",
      "6 tháng đầu năm 2026",
      "2025-12-15",
      "2026-06-14",
      "6 tháng đầu năm: 15/12 → 14/6",
    ],
    ["2025-12-15", "year", "Năm 2026", "2025-12-15", "2026-12-14", "năm: 15/12 → 14/12"],
    [
      "2024-02-29",
      "quarter",
      "Quý I/2024",
      "2023-12-15",
      "2024-03-14",
      "quarter: 15 of the month before → 14 of its last",
    ],
    ["2025-12-31", "half", "6 tháng cuối năm 2025", "2025-07-01", "2025-12-31", "calendar: whole months"],
  ] as const)("%s as %s -> %s (%s → %s): %s", (date, kind, label, start, end, _rule) => {
    const cutoff = start.endsWith("-01") ? 1 : 15;
    expect(reportingPeriod(date, kind, cutoff)).toEqual({ kind, label, start, end });
  });

  it("a date in the last quarter has no 9-month period", () => {
    expect(reportingPeriod("2025-10-20", "nine-months")).toBeNull();
    expect(reportingPeriod("2025-09-14", "nine-months")?.label).toBe("9 tháng năm 2025");
    expect(reportingPeriod("2025-09-15", "nine-months")).toBeNull();
  });

  it("reads period kinds and cut-off days as clerks type them", () => {
    expect(["tháng", "Quý", "6 tháng", "9 tháng", "năm", "quy"].map(periodKindFromText)).toEqual([
      "month",
      "quarter",
      "half",
      "nine-months",
      "year",
      "quarter",
    ]);
    expect(periodKindFromText("tuần")).toBeNull();
    expect([15, "14", "dương lịch", 1, 29, "abc", null].map((v) => cutoffDayFrom(v))).toEqual([
      15,
      14,
      1,
      1,
      null,
      null,
      15,
    ]);
  });
});
