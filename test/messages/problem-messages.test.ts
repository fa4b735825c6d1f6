import {
  PROBLEM_CODES,
  locationText,
  problemText,
  taskReasonText,
} from "../../src/messages/problem-messages";
import { taskStatus } from "../../src/core/status/task-status";
import { ProblemError, refuse, type ProblemCode, type ReadErrorCode } from "../../src/core/problem";

// Every reader's refusal, listed by a record so that a code added to the type must be added here.
const READ_CODES: Record<ReadErrorCode, true> = {
  "file-too-large": true,
  "file-not-found": true,
  "file-unreadable": true,
  "file-type-unsupported": true,
  "zip-damaged": true,
  "zip-too-many-parts": true,
  "zip-too-large": true,
  "pdf-too-many-pages": true,
  "pdf-reader-unavailable": true,
  "pdf-damaged": true,
  "pdf-page-damaged": true,
  "pdf-no-text": true,
  "pdf-needs-libreoffice": true,
  "sheet-too-large": true,
  "cell-too-long": true,
  "text-too-long": true,
  "line-too-long": true,
  "text-not-utf8": true,
  "text-not-utf8-legacy": true,
  "csv-unreadable": true,
  "csv-open-quote": true,
  "docx-damaged": true,
  "docx-text-unreadable": true,
  "docx-encrypted": true,
  "doc-old-format": true,
  "xlsx-old-xls": true,
  "xlsx-ods": true,
  "xlsx-ods-renamed": true,
  "xlsx-macro": true,
  "xlsx-encrypted": true,
  "xlsx-not-zip": true,
  "xlsx-damaged": true,
  "xlsx-no-workbook-part": true,
  "xlsx-no-sheet": true,
  "workbook-damaged": true,
  "plan-nothing-read": true,
  "plan-empty-file": true,
};

const ALL: ProblemCode[] = [
  "text-legacy-encoding",
  "text-mixed-legacy-encoding",
  "report-no-task-sheet",
  "report-no-period",
  "report-before-plan-year",
  "report-unknown-unit",
  "merge-unit-workbook-as-master",
  "merge-no-period",
  "impossible-date",
  "targets-from-prose",
  "target-year-missing",
  "target-year-carried",
  "target-value-missing",
  "unplaced-lines",
  "column-blocks",
  "merge-file-unreadable",
  "merge-master-as-returned",
  "merge-no-metadata",
  "merge-bad-metadata",
  "merge-partner-view",
  "merge-old-layout",
  "merge-no-task-sheet",
  "merge-no-id-column",
  "merge-unknown-unit",
  "merge-other-plan",
  "merge-other-period",
  "merge-duplicate-id",
  "merge-unreadable-cells",
  ...(Object.keys(READ_CODES) as ReadErrorCode[]),
];
// A reader's own message passed on: its words are the reader's, in both languages.
const PASSED_ON = new Set<ProblemCode>(["merge-file-unreadable"]);

describe("the problem catalogue (core codes → words)", () => {
  it("words every code in both languages, Vietnamese with its diacritics", () => {
    expect([...PROBLEM_CODES].sort()).toEqual([...ALL].sort());
    for (const code of ALL.filter((c) => !PASSED_ON.has(c))) {
      const vi = problemText({ code, params: {} }, "vi");
      const en = problemText({ code, params: {} }, "en");
      expect(vi).not.toBe(en);
      expect(vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
  });

  it("fills the parameters, words code parameters and empty ones", () => {
    const e = refuse("report-no-period", { kind: "nine-months", period: "2026-10" });
    expect(e).toBeInstanceOf(ProblemError);
    expect(e.message).toBe("report-no-period");
    expect(problemText(e.problem, "vi")).toContain("kỳ báo cáo 9 tháng nào chứa tháng 2026-10");
    expect(problemText(e.problem, "en")).toContain("No nine-month reporting period holds the month 2026-10");
    expect(problemText({ code: "merge-unit-workbook-as-master", params: { file: "" } }, "vi")).toMatch(
      /^Sổ đã chọn là sổ/,
    );
    expect(problemText({ code: "merge-no-period", params: { period: "" } }, "en")).toContain("(got none)");
  });

  it("words a reader's message passed on in the language asked, and a month as MM/YYYY", () => {
    const passed = {
      code: "merge-file-unreadable" as const,
      params: { message: "Tệp hỏng", messageEn: "Damaged" },
    };
    expect(problemText(passed, "vi")).toBe("Tệp hỏng");
    expect(problemText(passed, "en")).toBe("Damaged");
    const other = {
      code: "merge-other-period" as const,
      params: { file: "a.xlsx", period: "2026-09", current: "2026-10" },
    };
    expect(problemText(other, "vi")).toContain("là sổ kỳ 09/2026, đang tổng hợp kỳ 10/2026");
    expect(problemText(other, "vi")).toContain("--period 2026-09");
  });

  it("words a location", () => {
    expect(locationText({ file: "a.xlsx", sheet: "Nhiệm vụ", row: 7 }, "vi")).toBe(
      'tệp a.xlsx, trang tính "Nhiệm vụ", dòng 7',
    );
    expect(locationText({ file: "kh.pdf", page: 3, line: 12 }, "en")).toBe("kh.pdf, page 3, line 12");
    expect(locationText(undefined, "vi")).toBe("");
  });
});

describe("a task's status reason in the pane's language", () => {
  const base = { recurrence: "none" as const, progress: null, reportDate: "2026-10-14", lastUpdated: null };
  const cases = [
    { ...base, dueDate: "2026-09-30", completedOn: null },
    { ...base, dueDate: "2026-12-31", completedOn: "2026-11-02" },
    { ...base, dueDate: null, completedOn: null },
    { ...base, dueDate: "2026-09-30", completedOn: "2026-09-20", progress: 80 },
    { ...base, dueDate: "2026-09-30", completedOn: null, progress: 100 },
    { ...base, dueDate: null, completedOn: null, recurrence: "monthly" as const, lastUpdated: "2026-10-01" },
  ];
  it.each(cases.map((c, i) => [i, c] as const))(
    "case %i: Vietnamese as the sheet writes it, English its own",
    (_i, c) => {
      const r = taskStatus(c);
      expect(taskReasonText(r.why, "vi")).toBe(r.reason);
      const en = taskReasonText(r.why, "en");
      expect(en).not.toBe(r.reason);
      expect(en).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/);
      if (c.dueDate) expect(en).toContain(c.dueDate.split("-").reverse().join("/"));
    },
  );

  it("words the rows to check in both languages", () => {
    expect(taskReasonText({ code: "check-data", params: {} }, "en")).toMatch(/dd\/mm\/yyyy/);
    expect(taskReasonText({ code: "check-deadline", params: {} }, "vi")).toMatch(/Thời gian hoàn thành/);
  });
});
