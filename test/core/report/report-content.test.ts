/**
 * Report counts on a fixture whose statuses are known by construction (test/fixtures/report-fixture),
 * across period boundaries (the 14th/15th, quarter windows, calendar months, the year), recurring
 * tasks and units.
 */
import {
  LIGHT_RULE,
  reportContent,
  reportFigures,
  type ReportInput,
} from "../../../src/core/report/report-content";
import { reportWindow, reportSheetName } from "../../../src/core/report/report-period";
import type { TaskRowValues } from "../../../src/core/sheets/task-sheet";
import { A, B, C, D, INDICATORS, expectedTotals, fixtureTaskRows } from "../../fixtures/report-fixture";
import { viCount, viNumber, viPercent, viPlaceAndDate } from "../../../src/core/report/vi-format";
import { indicatorColumns, indicatorPlainRow } from "../../../src/core/sheets/indicator-sheet";

const tasks: TaskRowValues[] = fixtureTaskRows();
const years = [2025, 2030];
const columns = indicatorColumns(years);
const indicatorRows = INDICATORS.map((x, i) => {
  const row = indicatorPlainRow(
    columns,
    years,
    { id: `CT.${i + 1}`, name: x.name, unit: "%", responsible: i % 2 ? B : A },
    { ...x.targets },
  );
  const values: Record<string, unknown> = {};
  columns.forEach((c, k) => (values[c.key] = row[k]));
  values.actual = x.actual;
  return values as TaskRowValues;
});
const settings = {
  reportDate: "2025-10-14",
  dueSoonDays: 7,
  cutoffDay: 15,
  planYear: 2025,
  submissionDay: 10,
};
const input = (
  ref: string,
  kind: ReportInput["window"]["kind"],
  extra: Partial<ReportInput> = {},
): ReportInput => ({
  tasks,
  indicators: { years, rows: indicatorRows },
  settings: { ...settings, ...(extra.settings ?? {}) },
  window: reportWindow(ref, kind, extra.settings?.cutoffDay ?? 15)!,
  ...extra,
});

describe("report content: October 2025, cut-off 15", () => {
  const c = reportContent(input("2025-10", "month"));

  it("the window runs from 15/09 to 14/10 and statuses are taken at the report date", () => {
    expect(c.period).toEqual({ kind: "month", label: "Tháng 10/2025", from: "2025-09-15", to: "2025-10-14" });
    expect(c.statusDate).toBe("2025-10-14");
    expect(c.submissionDeadline).toBe("2025-10-10");
  });

  it("counts every task once in the four buckets and the recurring split", () => {
    const { dueSoon: _dueSoon, ...totals } = c.totals;
    expect(totals).toEqual(expectedTotals());
  });

  it("counts a task with two lead units under each of them, and lights every unit by the rule", () => {
    const byUnit = Object.fromEntries(c.units.map((u) => [u.unit, u]));
    expect(byUnit[A]).toMatchObject({
      total: 6,
      completedOnTime: 3,
      completedLate: 1,
      openOverdue: 2,
      light: "Đỏ",
    });
    expect(byUnit[B]).toMatchObject({ total: 7, openInTime: 3, openOverdue: 1, recurring: 3, light: "Đỏ" });
    expect(byUnit[C]).toMatchObject({ total: 1, completedOnTime: 1, light: "Xanh" });
    expect(byUnit[D]).toMatchObject({ total: 1, openInTime: 1, dueSoon: 1, light: "Vàng" });
    expect(LIGHT_RULE).toMatch(/Đỏ: .*Vàng: .*Xanh: /);
  });

  it("lists the tasks completed in the window (not on 14/09, not without a completion date)", () => {
    expect(c.completedInPeriod.map((t) => t.id)).toEqual(["PL1.1", "PL1.2", "PL1.13"]);
  });

  it("lists overdue tasks, longest first, with their days, lead unit and the clerk's difficulty word for word", () => {
    expect(c.overdue.map((t) => [t.id, t.daysOverdue, t.lead, t.difficulties])).toEqual([
      ["PL1.11", 4, `${A}; ${B}`, "Đơn vị phối hợp chưa gửi số liệu."],
      ["PL1.4", 1, A, "Chưa được bố trí kinh phí."],
    ]);
  });

  it("groups difficulties by unit and keeps their text", () => {
    expect(c.difficulties).toEqual([
      {
        unit: A,
        items: [
          { id: "PL1.4", task: "Nhiệm vụ mẫu số 4", text: "Chưa được bố trí kinh phí." },
          { id: "PL1.11", task: "Nhiệm vụ mẫu số 11", text: "Đơn vị phối hợp chưa gửi số liệu." },
        ],
      },
    ]);
  });

  it("lists the tasks due next month (15/10 → 14/11) that are not done", () => {
    expect(c.next).toMatchObject({ label: "Tháng 11/2025", from: "2025-10-15", to: "2025-11-14" });
    expect(c.next.due.map((t) => t.id)).toEqual(["PL1.5", "PL1.12", "PL1.14"]);
  });

  it("assesses the indicators against the target in force: X/Y counts only those with a target", () => {
    const { rows, ...figures } = c.indicators;
    expect(figures).toEqual({
      total: 6,
      withTarget: 5,
      exceeded: 1,
      met: 2,
      notMet: 1,
      noData: 1,
      notAssessable: 0,
    });
    expect(rows.map((r) => r.assessment)).toEqual(INDICATORS.map((x) => x.expected));
  });
});

describe("report content across period boundaries", () => {
  it("the 14th belongs to this month, the 15th to the next", () => {
    expect(reportWindow("2025-10", "month", 15)).toMatchObject({ start: "2025-09-15", end: "2025-10-14" });
    expect(reportWindow("2025-11", "month", 15)).toMatchObject({ start: "2025-10-15", end: "2025-11-14" });
  });

  it("a past month is counted at its own end: a completion after it does not count", () => {
    const c = reportContent(input("2025-09", "month"));
    expect(c.statusDate).toBe("2025-09-14");
    expect(c.completedInPeriod.map((t) => t.id)).toEqual(["PL1.3"]);
    // Task 1 (due 14/10, completed 14/10) is not completed yet on 14/09, and not due.
    expect(c.totals.completedOnTime).toBe(2);
  });

  it("the quarter holding October runs 15/09 → 14/12; quarterly work is judged on it", () => {
    const c = reportContent(input("2025-10", "quarter"));
    expect(c.period).toMatchObject({ label: "Quý IV/2025", from: "2025-09-15", to: "2025-12-14" });
    expect(c.totals.recurringReported).toBe(2);
    expect(c.next.label).toBe("Quý I/2026");
  });

  it("calendar months: October is 01/10 → 31/10, and an update of 15/09 no longer counts", () => {
    const c = reportContent(input("2025-10", "month", { settings: { ...settings, cutoffDay: 1 } }));
    expect(c.period).toMatchObject({ from: "2025-10-01", to: "2025-10-31" });
    expect(c.totals.recurringReported).toBe(0);
    expect(c.completedInPeriod.map((t) => t.id)).toEqual(["PL1.1", "PL1.2", "PL1.13"]);
  });

  it("the year 2025 runs 15/12/2024 → 14/12/2025; nine months end in September", () => {
    expect(reportWindow("2025-12", "year", 15)).toMatchObject({ start: "2024-12-15", end: "2025-12-14" });
    expect(reportWindow("2025-09", "nine-months", 15)).toMatchObject({ label: "9 tháng năm 2025" });
    expect(reportWindow("2025-10", "nine-months", 15)).toBeNull();
  });

  it("a report for one unit counts only its tasks", () => {
    const c = reportContent(input("2025-10", "month", { unit: "phòng kinh tế" }));
    expect(c.totals.total).toBe(6);
    expect(c.units.map((u) => u.unit)).toEqual([A]);
  });

  it("names the report sheets by period", () => {
    const names = (
      [
        "2025-10:month",
        "2025-10:quarter",
        "2025-06:half",
        "2025-12:half",
        "2025-09:nine-months",
        "2025-12:year",
      ] as const
    ).map((k) => {
      const [ref, kind] = k.split(":") as [string, "month"];
      return reportSheetName(reportWindow(ref, kind, 15)!);
    });
    expect(names).toEqual([
      "BC T10-2025",
      "BC Q4-2025",
      "BC 6T-2025",
      "BC 6TC-2025",
      "BC 9T-2025",
      "BC N-2025",
    ]);
  });
});

describe("numbers and dates the Vietnamese way", () => {
  it.each([
    [viNumber(1234.5), "1.234,5"],
    [viNumber(10, 0), "10"],
    [viNumber(1000000, 0), "1.000.000"],
    [viCount(5), "05"],
    [viCount(12), "12"],
    [viPercent(6, 7), "85,7%"],
    [viPercent(1, 1), "100%"],
    [viPlaceAndDate("Bình Lư", "2025-10-08"), "Bình Lư, ngày 08 tháng 10 năm 2025"],
    [viPlaceAndDate("Bình Lư", "2025-02-05"), "Bình Lư, ngày 05 tháng 02 năm 2025"],
  ])("%s", (got, expected) => expect(got).toBe(expected));
});

describe("the figures scripts read", () => {
  it("name the kind as --kind does and count as numbers", () => {
    const f = reportFigures(reportContent(input("2025-09", "nine-months")));
    expect(f.period).toEqual({
      kind: "nine-month",
      label: "9 tháng năm 2025",
      from: "2024-12-15",
      to: "2025-09-14",
    });
    expect(typeof f.totals.total).toBe("number");
  });
});
