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
