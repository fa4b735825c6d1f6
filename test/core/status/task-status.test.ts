/**
 * The status rules of DOMAIN.md ("Task status vocabulary", "The rules, precisely"), one table per
 * rule: each row is the facts of one task, the expected status label, and the rule's sentence.
 */
import { taskStatus, type TaskFacts } from "../../../src/core/status/task-status";

const base: TaskFacts = {
  dueDate: "2026-10-31",
  recurrence: "none",
  completedOn: null,
  progress: null,
  reportDate: "2026-10-14",
};
const status = (f: Partial<TaskFacts>) => taskStatus({ ...base, ...f });

type Row = [string, Partial<TaskFacts>, string];

function rule(sentence: string, rows: Row[]) {
  describe(sentence, () => {
    it.each(rows)("%s", (_case, facts, label) => {
      expect(status(facts).label).toBe(label);
    });
  });
}

rule("Completed on or before the due date is on time; after it, late.", [
  [
    "completed on the due date",
    { completedOn: "2026-10-31", reportDate: "2026-11-05" },
    "Đã hoàn thành đúng hạn",
  ],
  [
    "completed the day before",
    { completedOn: "2026-10-30", reportDate: "2026-11-02" },
    "Đã hoàn thành đúng hạn",
  ],
  [
    "completed the day after",
    { completedOn: "2026-11-01", reportDate: "2026-11-05" },
    "Đã hoàn thành quá hạn",
  ],
  ["completed, no due date", { dueDate: null, completedOn: "2026-10-01" }, "Đã hoàn thành đúng hạn"],
]);

rule("The due date itself is not overdue; the day after is.", [
  ["report on the due date", { reportDate: "2026-10-31" }, "Sắp đến hạn"],
  ["report the day after", { reportDate: "2026-11-01" }, "Chưa hoàn thành quá hạn"],
  [
    "leap day due, report 1 March",
    { dueDate: "2028-02-29", reportDate: "2028-03-01" },
    "Chưa hoàn thành quá hạn",
  ],
]);

rule('"Sắp đến hạn" when 0 ≤ days left ≤ the warning window (inclusive).', [
  ["7 days left, window 7", { reportDate: "2026-10-24" }, "Sắp đến hạn"],
  ["8 days left, window 7", { reportDate: "2026-10-23" }, "Chưa đến hạn"],
  ["11 days left, window 14", { reportDate: "2026-10-20", dueSoonDays: 14 }, "Sắp đến hạn"],
  ["0 days left, window 0", { reportDate: "2026-10-31", dueSoonDays: 0 }, "Sắp đến hạn"],
  ["1 day left, window 0", { reportDate: "2026-10-30", dueSoonDays: 0 }, "Chưa đến hạn"],
]);

rule('Open and in time: "Chưa đến hạn" when nothing started, "Chưa hoàn thành trong hạn" with progress.', [
  ["no progress", {}, "Chưa đến hạn"],
  ["progress 0", { progress: 0 }, "Chưa đến hạn"],
  ["progress 40", { progress: 40 }, "Chưa hoàn thành trong hạn"],
]);

rule(
  'Progress 100 % without a completion date counts as completed; timeliness from "Cập nhật lần cuối" when given, else from the report date.',
  [
    ["100 %, report before due", { progress: 100 }, "Đã hoàn thành đúng hạn"],
    ["100 %, report after due", { progress: 100, reportDate: "2026-11-03" }, "Đã hoàn thành quá hạn"],
    [
      "100 %, updated before due, report after",
      { progress: 100, reportDate: "2026-11-03", lastUpdated: "2026-10-30" },
      "Đã hoàn thành đúng hạn",
    ],
    [
      "100 %, updated after due",
      { progress: 100, reportDate: "2026-11-03", lastUpdated: "2026-11-01" },
      "Đã hoàn thành quá hạn",
    ],
    ["100 %, no due date", { progress: 100, dueDate: null }, "Đã hoàn thành đúng hạn"],
  ],
);

rule("A completion date after the report date does not count yet (not completed as of the report date).", [
  ["completed later, due later", { completedOn: "2026-10-20" }, "Chưa đến hạn"],
  [
    "completed later, due passed",
    { completedOn: "2026-11-10", reportDate: "2026-11-05" },
    "Chưa hoàn thành quá hạn",
  ],
  ["completed later with 100 %", { completedOn: "2026-10-20", progress: 100 }, "Chưa hoàn thành trong hạn"],
]);

rule("A completion date with progress below 100 % counts as completed.", [
  ["completed, progress 60", { completedOn: "2026-10-10", progress: 60 }, "Đã hoàn thành đúng hạn"],
]);

rule(
  'A task with no due date that is not recurring is "Chưa hoàn thành trong hạn" (sub-status "Chưa đến hạn") until completed.',
  [
    ["no due date, nothing done", { dueDate: null }, "Chưa đến hạn"],
    ["no due date, progress 50", { dueDate: null, progress: 50 }, "Chưa đến hạn"],
  ],
);

rule(
  "Recurring work is judged against its own period: monthly/continuous the month's window, quarterly the quarter's, yearly the year's.",
  [
    // October's window: 15/09 → 14/10. Q4's window: 15/09 → 14/12. 2026's window: 15/12/2025 → 14/12/2026.
    [
      "monthly, updated 15/09",
      { dueDate: null, recurrence: "monthly", lastUpdated: "2026-09-15" },
      "Thường xuyên (đã báo cáo kỳ này)",
    ],
    [
      "monthly, updated 14/09",
      { dueDate: null, recurrence: "monthly", lastUpdated: "2026-09-14" },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    [
      "continuous, updated 14/09",
      { dueDate: null, recurrence: "continuous", lastUpdated: "2026-09-14" },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    [
      "quarterly, report 20/11, updated 20/09",
      { dueDate: null, recurrence: "quarterly", reportDate: "2026-11-20", lastUpdated: "2026-09-20" },
      "Thường xuyên (đã báo cáo kỳ này)",
    ],
    [
      "quarterly, report 20/11, updated 14/09",
      { dueDate: null, recurrence: "quarterly", reportDate: "2026-11-20", lastUpdated: "2026-09-14" },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    [
      "yearly, report 14/10, updated 02/02",
      { dueDate: null, recurrence: "yearly", lastUpdated: "2026-02-02" },
      "Thường xuyên (đã báo cáo kỳ này)",
    ],
    [
      "yearly, report 14/10, updated 14/12 of last year",
      { dueDate: null, recurrence: "yearly", lastUpdated: "2025-12-14" },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    [
      "monthly, no update date",
      { dueDate: null, recurrence: "monthly", lastUpdated: null },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    [
      "monthly, calendar months, updated 02/10",
      { dueDate: null, recurrence: "monthly", lastUpdated: "2026-10-02", cutoffDay: 1 },
      "Thường xuyên (đã báo cáo kỳ này)",
    ],
    [
      "monthly, calendar months, updated 20/09",
      { dueDate: null, recurrence: "monthly", lastUpdated: "2026-09-20", cutoffDay: 1 },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
    ["no update column at all", { dueDate: null, recurrence: "continuous" }, "Thường xuyên"],
  ],
);

rule("Updates dated after the report date are ignored for this period.", [
  [
    "monthly, updated after the report date",
    { dueDate: null, recurrence: "monthly", lastUpdated: "2026-10-15" },
    "Thường xuyên (chưa báo cáo kỳ này)",
  ],
]);

rule(
  '"yyyy và những năm tiếp theo" is yearly work starting in yyyy: never overdue for ever; each year on its own.',
  [
    [
      "2024 onwards, report 2026, updated this year",
      { dueDate: "2024-12-31", recurrence: "yearly", lastUpdated: "2026-03-01" },
      "Thường xuyên (đã báo cáo kỳ này)",
    ],
    [
      "2024 onwards, report 2026, updated in 2025",
      { dueDate: "2024-12-31", recurrence: "yearly", lastUpdated: "2025-06-01" },
      "Thường xuyên (chưa báo cáo kỳ này)",
    ],
  ],
);

describe("each status says why", () => {
  it("overdue names the due date, the report date and the days", () => {
    const r = status({ reportDate: "2026-11-05" });
    expect(r.daysLeft).toBe(-5);
    expect(r.reason).toBe("Hạn 31/10/2026, ngày báo cáo 05/11/2026: quá hạn 5 ngày.");
  });
  it("late completion names the completion date and the due date", () => {
    expect(status({ completedOn: "2026-11-02", reportDate: "2026-11-05" }).reason).toBe(
      "Hoàn thành 02/11/2026, hạn 31/10/2026.",
    );
  });
  it("recurring work names its window and the last update", () => {
    expect(status({ dueDate: null, recurrence: "quarterly", lastUpdated: "2026-09-01" }).reason).toBe(
      "Kỳ từ 15/09/2026 đến 14/10/2026: cập nhật lần cuối 01/09/2026.",
    );
  });
  it("flags what the clerk should fix, without changing the count", () => {
    const missing = status({ progress: 100 });
    expect(missing.flags).toEqual(["missing-completion-date"]);
    expect(missing.reason).toBe(
      "Tiến độ 100%, thiếu ngày hoàn thành: hạn 31/10/2026, so với ngày báo cáo 14/10/2026.",
    );
    expect(status({ completedOn: "2026-10-20" }).reason).toBe(
      "Hạn 31/10/2026, ngày báo cáo 14/10/2026: còn 17 ngày; ngày hoàn thành 20/10/2026 sau ngày báo cáo, chưa tính.",
    );
    expect(status({ completedOn: "2026-10-20" }).flags).toEqual(["completion-after-report-date"]);
    expect(status({ completedOn: "2026-10-01", progress: 50 }).flags).toEqual(["completed-below-100"]);
    expect(status({}).flags).toEqual([]);
  });
  it("recurring work has no days left", () => {
    expect(status({ dueDate: "2024-12-31", recurrence: "yearly" }).daysLeft).toBeNull();
  });
});
