import { parseDeadline } from "../../../src/core/deadlines/parse-deadline";

const Y = 2026;

describe("parseDeadline", () => {
  it.each([
    ["31/12/2026", "2026-12-31"],
    ["30/9/2027", "2027-09-30"],
    ["trước ngày 15/6/2026", "2026-06-15"],
    ["Ngày 5/1/2026", "2026-01-05"],
    ["Tháng 2/2028", "2028-02-29"],
    ["Tháng 9/2026", "2026-09-30"],
    ["tháng 11", "2026-11-30"],
    ["Quý IV", "2026-12-31"],
    ["Quý I/2027", "2027-03-31"],
    ["Quý 2 năm 2027", "2027-06-30"],
    // The year after a space alone is the quarter's (month's) year, not the plan year's quarter.
    ["Quí IV 2030", "2030-12-31"],
    ["Quý II 2027", "2027-06-30"],
    ["Tháng 9 2027", "2027-09-30"],
    ["2027", "2027-12-31"],
    ["Năm 2028", "2028-12-31"],
    ["2026–2030", "2030-12-31"],
    ["2026-2030 cơ bản hoàn thành", "2030-12-31"],
    ["2026–2030 (5G), 2035–2045 (6G)", "2030-12-31"],
    ["Hoàn thành trước 2030", "2030-12-31"],
  ])("%s -> %s, not recurring", (text, due) => {
    expect(parseDeadline(text, Y)).toEqual({ dueDate: due, recurrence: "none" });
  });

  it.each([
    ["Thường xuyên", "continuous"],
    ["Nhiệm vụ thường xuyên", "continuous"],
    ["Thực hiện thường xuyên", "continuous"],
    ["Thường xuyên, liên tục", "continuous"],
    ["Hàng tháng", "monthly"],
    ["Hằng tháng", "monthly"],
    ["Hằng quý", "quarterly"],
    ["Hằng năm", "yearly"],
    ["Hàng năm", "yearly"],
    ["Hằng năm (2026– 2045)", "yearly"],
  ])("%s is recurring (%s) with no due date", (text, recurrence) => {
    expect(parseDeadline(text, Y)).toEqual({ dueDate: null, recurrence });
  });

  it("reads 'yyyy và những năm tiếp theo' as due that year, then yearly", () => {
    expect(parseDeadline("2027 và những năm tiếp theo", Y)).toEqual({
      dueDate: "2027-12-31",
      recurrence: "yearly",
    });
  });

  it("handles decomposed Unicode and no-break spaces", () => {
    expect(parseDeadline("Tha\u0301ng\u00a011/2026".normalize("NFD"), Y)).toEqual({
      dueDate: "2026-11-30",
      recurrence: "none",
    });
  });

  it("returns no date for blank or unreadable text, and refuses impossible dates", () => {
    expect(parseDeadline("", Y)).toEqual({ dueDate: null, recurrence: "none" });
    expect(parseDeadline(null, Y)).toEqual({ dueDate: null, recurrence: "none" });
    expect(parseDeadline("Khi có chỉ đạo", Y)).toEqual({ dueDate: null, recurrence: "none" });
    expect(parseDeadline("31/2/2026", Y).dueDate).toBeNull();
  });
});

/** SCHEMA.md's deadline rules, one row per form: the text, the due date, the recurrence, the rule. */
describe("SCHEMA.md deadline rules", () => {
  it.each([
    ["8/2025", "2025-08-31", "none", '"m/yyyy" -> last day of that month'],
    ["08/2025", "2025-08-31", "none", '"mm/yyyy" -> last day of that month'],
    ["Quý IV-2025", "2025-12-31", "none", "any separator after a quarter"],
    ["Quí III/2026", "2026-09-30", "none", '"Quí" spelling'],
    ["Quý III năm 2026", "2026-09-30", "none", '"năm" between quarter and year'],
    ["Quý I–2026", "2026-03-31", "none", "a year alone after a quarter is that quarter's year"],
    ["Quý IV - 2025", "2025-12-31", "none", "a year alone after a quarter is that quarter's year"],
    ["Quý 4", "2026-12-31", "none", '"Quý 4" = "Quý IV", plan year'],
    ["Quý II/2026 - Quý III/2027", "2027-09-30", "none", "a range of quarters -> end of its last part"],
    ["Quý IV/2025 - Quý II/2026", "2026-06-30", "none", "a range of quarters -> end of its last part"],
    ["6/2025 - 12/2025", "2025-12-31", "none", "a range of months -> end of its last part"],
    ["Tháng 10 năm 2030", "2030-10-31", "none", "a month in words"],
    ["trước ngày 30 tháng 9 năm 2026", "2026-09-30", "none", "a date in words"],
    ["ngày 30 tháng 9 năm 2026", "2026-09-30", "none", "a date in words"],
    ["Từ 01/6/2025 đến 30/6/2025", "2025-06-30", "none", "from … to … -> the end date"],
    ["Tháng 6, 7/2026", "2026-07-31", "none", "the end of the last month named"],
    ["Giai đoạn 2026–2030", "2030-12-31", "none", "a period -> its end year"],
    ["Hoàn thành trước năm 2030", "2030-12-31", "none", '"(Hoàn thành) trước (năm) yyyy"'],
    ["2025–2030", "2030-12-31", "none", "a range of years -> the end year"],
    [
      "Thường xuyên, định kỳ hằng quý báo cáo",
      null,
      "quarterly",
      "a more specific period wins over Thường xuyên",
    ],
    ["Thường xuyên, hằng năm", null, "yearly", "a more specific period wins over Thường xuyên"],
    ["Hàng quý", null, "quarterly", '"Hàng quý"'],
    ["Khi có phát sinh", null, "none", "a condition instead of a time"],
    ["Theo yêu cầu", null, "none", "a condition instead of a time"],
    ["", null, "none", "blank"],
  ])("%s -> %s (%s): %s", (text, due, recurrence, _rule) => {
    expect(parseDeadline(text, Y)).toMatchObject({ dueDate: due, recurrence });
  });

  it("an impossible date has no due date and says why", () => {
    expect(parseDeadline("31/6/2025", Y)).toEqual({
      dueDate: null,
      recurrence: "none",
      problem: "impossible-date",
    });
  });

  it("without a plan year, a deadline that has no year of its own has no due date and says why", () => {
    expect(parseDeadline("Quý IV", null)).toEqual({
      dueDate: null,
      recurrence: "none",
      problem: "missing-year",
    });
    expect(parseDeadline("Quý IV/2025", null).dueDate).toBe("2025-12-31");
    expect(parseDeadline("Quý IV 2027", null).dueDate).toBe("2027-12-31");
  });
});
