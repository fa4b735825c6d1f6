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
    expect(KH.chenhLech([["≥ 80"]], [[70]])).toEqual([[10]]);
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
