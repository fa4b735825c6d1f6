import { summarizeTasks } from "../../../src/core/status/status-summary";
import { isoToSerial } from "../../../src/core/excel-dates";

const header = ["Mã nhiệm vụ", "Hạn hoàn thành", "Ngày hoàn thành", "Tiến độ (%)", "Lặp lại", "Trạng thái"];
const d = (iso: string) => isoToSerial(iso)!;
const S = { reportDate: "2026-10-14", dueSoonDays: 7, cutoffDay: 15 };

describe("status summary of a tracking sheet", () => {
  it("counts from the sheet's own values and lists rows to jump to", () => {
    const values = [
      header,
      ["PL1.1", d("2026-09-30"), d("2026-09-20"), 100, "", "=KH.TRANGTHAI(...)"],
      ["PL1.2", d("2026-09-30"), "", 50, "", ""],
      ["PL1.3", d("2026-10-18"), "", "", "", ""],
      ["PL1.4", "", "", "", "Thường xuyên", ""],
      ["", "", "", "", "", ""],
      ["PL1.5", d("2026-09-01"), "", 0, "", ""],
    ];
    const s = summarizeTasks(values, S)!;
    expect(s.total).toBe(5);
    expect(s.counts["done-on-time"]).toBe(1);
    expect(s.counts.overdue).toBe(2);
    expect(s.counts["due-soon"]).toBe(1);
    expect(s.counts.recurring).toBe(1);
    expect(s.overdue).toEqual([1, 5]);
    expect(s.dueSoon).toEqual([2]);
  });

  it("counts the open tasks that have no deadline apart ('Chưa có hạn'), recurring ones not among them", () => {
    const values = [
      header,
      ["PL1.1", "", "", "", "", ""],
      ["PL1.2", "", "", 40, "", ""],
      ["PL1.3", "", d("2026-10-01"), 100, "", ""],
      ["PL1.4", "", "", "", "Hằng tháng", ""],
      ["PL1.5", d("2026-12-30"), "", "", "", ""],
    ];
    const s = summarizeTasks(values, S)!;
    expect(s.noDeadline).toBe(2);
    expect(s.counts["not-started"] + s.counts["in-progress"]).toBe(3);
  });

  it("returns null for a sheet that is not a tracking sheet", () => {
    expect(summarizeTasks([["TT", "Nội dung"]], S)).toBeNull();
    expect(summarizeTasks([], S)).toBeNull();
  });
});
