import * as KH from "../../src/functions/functions";
import { isoToSerial } from "../../src/core/excel-dates";

const d = (iso: string) => isoToSerial(iso)!;
const isError = (v: unknown) => typeof v === "object" && v !== null && "error" in v;

describe("KH functions", () => {
  it("HANHOANTHANH and LAPLAI spill over a column of deadline texts", () => {
    const col = [["31/12/2025"], ["Quý IV"], ["Thường xuyên"], ["Hằng tháng"]];
    const due = KH.hanHoanThanh(col, 2026);
    expect(due[0]![0]).toBe(d("2025-12-31"));
    expect(due[1]![0]).toBe(d("2026-12-31"));
    expect(isError(due[2]![0])).toBe(true);
    expect(KH.lapLai(col).map((r) => r[0])).toEqual(["", "", "Thường xuyên", "Hằng tháng"]);
  });

  it("TRANGTHAI and SONGAYCONLAI per task at a report date", () => {
    const report = d("2026-10-14");
    const due = [[d("2026-09-30")], [d("2026-10-20")], [d("2026-12-31")], [""]];
    const done = [[d("2026-09-29")], [""], [""], [""]];
    const progress = [[100], [50], [0], [""]];
    const rec = [[""], [""], [""], ["Thường xuyên"]];
    expect(KH.trangThai(due, done, progress, report, rec).map((r) => r[0])).toEqual([
      "Đã hoàn thành đúng hạn",
      "Sắp đến hạn",
      "Chưa đến hạn",
      "Thường xuyên",
    ]);
    expect(KH.soNgayConLai([[d("2026-10-10")], ["20/10/2026"]], report).map((r) => r[0])).toEqual([-4, 6]);
    expect(isError(KH.trangThai([[d("2026-10-20")]], [[""]], [[""]], Number.NaN)[0]![0])).toBe(true);
  });

  it("indicator functions: value, gap, rate, assessment, target in force, on track", () => {
    expect(KH.giaTriChiTieu([["≥ 1,0"], ["80–90"], ["-"]]).map((r) => r[0])).toEqual([
      1,
      80,
      expect.objectContaining({ error: "#N/A" }),
    ]);
    expect(KH.chenhLech([["≥ 80"]], [[70]])).toEqual([[-10]]);
    expect(KH.tyLeDat([["≤ 4"]], [[8]])).toEqual([[0.5]]);
    expect(
      KH.danhGia([["≥ 80"], ["Dưới 4"], ["80–90"], ["X"], ["-"]], [[85], [4], [95], ["Đạt"], [10]]).map(
        (r) => r[0],
      ),
    ).toEqual(["Vượt", "Đạt", "Vượt", "Đạt", ""]);
    const years = [[2025, 2030, 2035]];
    const targets = [["-", "≥ 60", "100"]];
    expect(KH.chiTieuHienHanh(years, targets, d("2027-05-01"))).toBe("≥ 60");
    expect(KH.dungTienDo(years, targets, 81, d("2033-07-02"))).toBe(true);
    expect(KH.dungTienDo(years, targets, 70, d("2033-07-02"))).toBe(false);
  });

  it("KYBAOCAO names the period with the cut-off day, or calendar months", () => {
    expect(KH.kyBaoCao([[d("2025-10-14")], [d("2025-10-15")]])).toEqual([
      ["Tháng 10/2025"],
      ["Tháng 11/2025"],
    ]);
    expect(KH.kyBaoCao([[d("2025-12-15")]], "quy")).toEqual([["Quý I/2026"]]);
    expect(KH.kyBaoCao([[d("2025-10-15")]], "thang", 1)).toEqual([["Tháng 10/2025"]]);
    expect(isError(KH.kyBaoCao([[d("2025-10-15")]], "tuan")[0]![0])).toBe(true);
  });
});

describe("KH functions follow the rules where Excel differs from a test double", () => {
  it("an omitted optional argument arrives as null: a recurring task without its update date reads plain 'Thường xuyên'", () => {
    const r = KH.trangThai(
      [[""]],
      [[""]],
      [[""]],
      d("2026-10-14"),
      [["Thường xuyên"]],
      null as never,
      null as never,
      null,
    );
    expect(r).toEqual([["Thường xuyên"]]);
    // With the update column given but blank, the period has no report.
    expect(KH.trangThai([[""]], [[""]], [[""]], d("2026-10-14"), [["Hằng tháng"]], 7, [[""]], 15)).toEqual([
      ["Thường xuyên (chưa báo cáo kỳ này)"],
    ]);
  });

  it("ranges of different sizes give #VALUE! with a message instead of inventing rows", () => {
    const r = KH.trangThai(
      [[d("2026-10-20")], [d("2026-10-30")]],
      [[""]],
      [[""], [""], [""]],
      d("2026-10-14"),
    );
    expect(r).toHaveLength(1);
    expect(r[0]![0]).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/cùng kích thước/) });
    expect(KH.danhGia([["≥ 80"], ["≥ 90"]], [[85]])).toEqual([["Vượt"], ["Không đạt"]]);
  });

  it("HANHOANTHANH without a plan year does not depend on today's date: a yearless deadline is #N/A", () => {
    const r = KH.hanHoanThanh([["Quý IV"], ["8/2025"], ["31/6/2025"]], null as never);
    expect(r[0]![0]).toMatchObject({ error: "#N/A", message: expect.stringMatching(/năm/) });
    expect(r[1]![0]).toBe(d("2025-08-31"));
    expect(r[2]![0]).toMatchObject({ error: "#VALUE!" });
    expect(KH.hanHoanThanh([["Quý IV"]], 2026)).toEqual([[d("2026-12-31")]]);
  });

  it("CHITIEUHIENHANH returns numbers as numbers, reads 'Năm 2030' headers, and is empty without a target", () => {
    expect(KH.chiTieuHienHanh([[2025, 2030]], [["-", 100]], d("2026-01-01"))).toBe(100);
    // Ranges of different sizes: #VALUE!, not a value read from a misaligned row.
    expect(KH.chiTieuHienHanh([[2025, 2030, 2035]], [[50, 100]], d("2026-01-01"))).toMatchObject({
      error: "#VALUE!",
    });
    expect(KH.chiTieuHienHanh([["Năm 2025", "Năm 2030"]], [["≥ 50", "≥ 80"]], d("2026-01-01"))).toBe("≥ 80");
    expect(KH.chiTieuHienHanh([[2025, 2030]], [["-", ""]], d("2026-01-01"))).toBe("");
  });

  it("KYBAOCAO takes the accented kinds and says when a date has no such period", () => {
    expect(KH.kyBaoCao([[d("2025-10-14")]], "Quý")).toEqual([["Quý IV/2025"]]);
    expect(KH.kyBaoCao([[d("2025-06-14")]], "6 tháng")).toEqual([["6 tháng đầu năm 2025"]]);
    expect(KH.kyBaoCao([[d("2025-09-14")]], "9 tháng")).toEqual([["9 tháng năm 2025"]]);
    expect(KH.kyBaoCao([[d("2025-10-20")]], "9 tháng")[0]![0]).toMatchObject({ error: "#N/A" });
    expect(KH.kyBaoCao([[d("2025-10-15")]], "tháng", "dương lịch")).toEqual([["Tháng 10/2025"]]);
    expect(KH.kyBaoCao([[d("2025-10-15")]], null as never, null)).toEqual([["Tháng 11/2025"]]);
  });

  it("gap and rate follow the rules: actual − target, rate empty for 0 on lower-is-better, text actuals refused", () => {
    expect(KH.chenhLech([["Khoảng 50"]], [[49.5]])).toEqual([[0]]);
    expect(KH.tyLeDat([["Dưới 4"]], [[0]])).toEqual([[""]]);
    expect(KH.danhGia([["Dưới 4"]], [[0]])).toEqual([["Vượt"]]);
    expect(KH.chenhLech([["≥ 80"]], [[""]])).toEqual([[""]]);
    expect(KH.chenhLech([["≥ 80"]], [["chưa có"]])[0]![0]).toMatchObject({ error: "#VALUE!" });
    expect(KH.danhGia([["X"]], [["Đang thực hiện"]])).toEqual([["Không đánh giá được"]]);
    expect(KH.giaTriChiTieu([["≥ 1.000"]])).toEqual([[1000]]);
  });

  it("DUNGTIENDO with the plan year starts the line at 0 on 1 January", () => {
    expect(KH.dungTienDo([[2026]], [["≥ 100"]], 50, d("2026-07-02"), 2026)).toBe(true);
    expect(KH.dungTienDo([[2026]], [["≥ 100"]], 49, d("2026-07-02"), 2026)).toBe(false);
    expect(KH.dungTienDo([[2026]], [["≥ 100"]], "", d("2026-07-02"), 2026)).toBe("");
  });
});
