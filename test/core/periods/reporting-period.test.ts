import { reportingPeriod } from "../../../src/core/periods/reporting-period";

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
