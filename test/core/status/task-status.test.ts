import { taskStatus, type TaskFacts } from "../../../src/core/status/task-status";

const base: TaskFacts = {
  dueDate: "2026-10-31",
  recurrence: "none",
  completedOn: null,
  progress: null,
  reportDate: "2026-10-14",
};
const status = (f: Partial<TaskFacts>) => taskStatus({ ...base, ...f });

describe("task status", () => {
  it("completed on or before the due date is on time; after it, late", () => {
    expect(status({ completedOn: "2026-10-31", reportDate: "2026-11-05" }).label).toBe(
      "Đã hoàn thành đúng hạn",
    );
    expect(status({ completedOn: "2026-10-30", reportDate: "2026-11-02" }).status).toBe("done-on-time");
    expect(status({ completedOn: "2026-11-01", reportDate: "2026-11-05" }).label).toBe(
      "Đã hoàn thành quá hạn",
    );
  });

  it("a completion date after the report date does not count yet", () => {
    expect(status({ completedOn: "2026-10-20", reportDate: "2026-10-14" }).status).not.toMatch(/^done/);
  });

  it("not completed: due date passed is overdue, the due date itself is not", () => {
    expect(status({ reportDate: "2026-10-31" }).status).toBe("due-soon");
    expect(status({ reportDate: "2026-11-01" })).toEqual({
      status: "overdue",
      label: "Chưa hoàn thành quá hạn",
      daysLeft: -1,
    });
  });

  it("splits open work into not started, in progress and due soon", () => {
    expect(status({ reportDate: "2026-10-23" })).toMatchObject({
      status: "not-started",
      label: "Chưa đến hạn",
      daysLeft: 8,
    });
    expect(status({ reportDate: "2026-10-24" })).toMatchObject({
      status: "due-soon",
      label: "Sắp đến hạn",
      daysLeft: 7,
    });
    expect(status({ progress: 40 })).toMatchObject({
      status: "in-progress",
      label: "Chưa hoàn thành trong hạn",
    });
    expect(status({ reportDate: "2026-10-20", dueSoonDays: 14 }).status).toBe("due-soon");
  });

  it("recurring work is 'Thường xuyên'; yearly work with a first due date follows that date", () => {
    expect(status({ dueDate: null, recurrence: "continuous" }).label).toBe("Thường xuyên");
    expect(status({ dueDate: null, recurrence: "monthly" }).status).toBe("recurring");
    expect(status({ dueDate: "2026-12-31", recurrence: "yearly", reportDate: "2027-01-02" }).status).toBe(
      "overdue",
    );
  });

  it("recurring work is judged per reporting period when the last update is known", () => {
    const rec = { dueDate: null, recurrence: "monthly" as const, reportDate: "2026-10-14" };
    // The October period runs from 15 September to 14 October.
    expect(status({ ...rec, lastUpdated: "2026-09-15" }).label).toBe("Thường xuyên (đã báo cáo kỳ này)");
    expect(status({ ...rec, lastUpdated: "2026-09-14" }).label).toBe("Thường xuyên (chưa báo cáo kỳ này)");
    expect(status({ ...rec, lastUpdated: null }).label).toBe("Thường xuyên (chưa báo cáo kỳ này)");
    expect(status({ ...rec, lastUpdated: "2026-10-02", cutoffDay: 1 }).label).toBe(
      "Thường xuyên (đã báo cáo kỳ này)",
    );
    expect(status({ ...rec, lastUpdated: "2026-09-20", cutoffDay: 1 }).label).toBe(
      "Thường xuyên (chưa báo cáo kỳ này)",
    );
  });

  it("no due date and nothing done is not started; with progress, in progress", () => {
    expect(status({ dueDate: null }).status).toBe("not-started");
    expect(status({ dueDate: null, progress: 10 }).status).toBe("in-progress");
  });
});
