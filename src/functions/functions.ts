/*
 * Excel custom functions, namespace KH. Each function is a thin wrapper over src/core; the JSDoc
 * below is the source of functions.json (custom-functions-metadata-plugin), so it is the text a
 * clerk sees in Excel's formula autocomplete: keep it Vietnamese. Ranges spill; a cell that cannot be
 * computed gets an Excel error with a message. None is volatile: the report date is an argument.
 * Signatures use `any[][]` / `any`: the metadata generator only accepts these literal types.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { DEADLINE_PROBLEM_VI, parseDeadline } from "../core/deadlines/parse-deadline";
import { isoToSerial } from "../core/excel-dates";
import {
  achievementRate,
  assess,
  gap,
  onTrack,
  readActual,
  targetInForce,
  type Milestone,
} from "../core/indicators/assess";
import { parseTarget } from "../core/indicators/target-value";
import { cutoffDayFrom, periodKindFromText, reportingPeriod } from "../core/periods/reporting-period";
import { PRODUCT } from "../core/product";
import { RECURRENCE_VI } from "../core/deadlines/recurrence-labels";
import { taskStatus } from "../core/status/task-status";
import { cellDate, cellError, cellNumber, cellText, given, mapCells, type Cell } from "./cells";

/**
 * Trả về phiên bản của phần bổ trợ Theo dõi Kế hoạch.
 * @customfunction PHIENBAN
 * @returns Số phiên bản, ví dụ "0.1.0".
 */
export function phienBan(): string {
  return PRODUCT.version;
}

/**
 * Hạn hoàn thành (ngày) đọc từ cột thời gian hoàn thành: "31/12/2025", "8/2025", "Quý IV/2025", "Tháng 10 năm 2030", "2025"…
 * @customfunction HANHOANTHANH
 * @param thoiHan Ô hoặc vùng thời gian hoàn thành như in trong kế hoạch.
 * @param [namKeHoach] Năm kế hoạch, dùng khi thời hạn không ghi năm (ví dụ "Quý IV"). Bỏ trống thì thời hạn thiếu năm cho #N/A.
 * @returns Ngày đến hạn (số ngày Excel); #N/A nếu là nhiệm vụ thường xuyên, không có hạn hoặc thiếu năm.
 */
export function hanHoanThanh(thoiHan: any[][], namKeHoach?: number): any[][] {
  const year = given(namKeHoach) ? namKeHoach : null;
  return mapCells([thoiHan], (t) => {
    const d = parseDeadline(cellText(t), year);
    if (d.dueDate) return isoToSerial(d.dueDate);
    if (d.problem)
      return cellError(d.problem === "impossible-date" ? "#VALUE!" : "#N/A", DEADLINE_PROBLEM_VI[d.problem]);
    return cellError("#N/A", "Không có hạn cụ thể (thường xuyên, theo phát sinh hoặc để trống).");
  });
}

/**
 * Kiểu lặp lại của nhiệm vụ: Thường xuyên, Hằng tháng, Hằng quý, Hằng năm, hoặc để trống nếu không lặp lại.
 * @customfunction LAPLAI
 * @param thoiHan Ô hoặc vùng thời gian hoàn thành như in trong kế hoạch.
 * @returns Kiểu lặp lại.
 */
export function lapLai(thoiHan: any[][]): any[][] {
  return mapCells([thoiHan], (t) => RECURRENCE_VI[parseDeadline(cellText(t), null).recurrence]);
}

/**
 * Trạng thái nhiệm vụ tại ngày báo cáo: Đã hoàn thành đúng hạn/quá hạn, Chưa hoàn thành trong hạn/quá hạn, Sắp đến hạn, Chưa đến hạn, Thường xuyên.
 * @customfunction TRANGTHAI
 * @param han Hạn hoàn thành (ngày).
 * @param ngayHoanThanh Ngày hoàn thành thực tế (để trống nếu chưa xong).
 * @param tienDo Tiến độ (%), 0–100. Tiến độ 100 mà chưa có ngày hoàn thành vẫn tính là đã hoàn thành.
 * @param ngayBaoCao Ngày báo cáo.
 * @param [lapLai] Kiểu lặp lại hoặc thời hạn như in (ví dụ "Thường xuyên", "Hằng quý").
 * @param [soNgaySapDenHan] Số ngày trước hạn được coi là sắp đến hạn (mặc định 7).
 * @param [ngayCapNhat] Ngày cập nhật lần cuối: với nhiệm vụ lặp lại, cho biết đã báo cáo trong kỳ chưa.
 * @param [ngayChot] Ngày chốt số liệu của kỳ báo cáo (mặc định 15; 1 = theo tháng dương lịch).
 * @returns Trạng thái theo cách đếm của báo cáo.
 */
export function trangThai(
  han: any[][],
  ngayHoanThanh: any[][],
  tienDo: any[][],
  ngayBaoCao: number,
  lapLai?: any[][],
  soNgaySapDenHan?: number,
  ngayCapNhat?: any[][],
  ngayChot?: any,
): any[][] {
  const reportDate = cellDate(ngayBaoCao);
  const cutoff = cutoffDayFrom(given(ngayChot) ? (ngayChot as string | number) : null);
  const window = given(soNgaySapDenHan) ? soNgaySapDenHan : 7;
  const hasUpdated = given(ngayCapNhat);
  return mapCells(
    [han, ngayHoanThanh, tienDo, given(lapLai) ? lapLai : [[""]], hasUpdated ? ngayCapNhat : [[null]]],
    (due, done, progress, rec, updated) => {
      if (!reportDate) return cellError("#VALUE!", "Ngày báo cáo không hợp lệ.");
      if (cutoff === null) return cellError("#VALUE!", "Ngày chốt phải từ 1 đến 28.");
      return taskStatus({
        dueDate: cellDate(due),
        completedOn: cellDate(done),
        progress: cellNumber(progress),
        recurrence: parseDeadline(cellText(rec), null).recurrence,
        reportDate,
        dueSoonDays: window,
        lastUpdated: hasUpdated ? cellDate(updated) : undefined,
        cutoffDay: cutoff,
      }).label;
    },
  );
}

/**
 * Số ngày còn lại đến hạn tại ngày báo cáo (số âm là đã quá hạn).
 * @customfunction SONGAYCONLAI
 * @param han Hạn hoàn thành (ngày).
 * @param ngayBaoCao Ngày báo cáo.
 * @returns Số ngày; #N/A nếu không có hạn.
 */
export function soNgayConLai(han: any[][], ngayBaoCao: number): any[][] {
  const reportDate = cellDate(ngayBaoCao);
  return mapCells([han], (due) => {
    const d = cellDate(due);
    if (!reportDate) return cellError("#VALUE!", "Ngày báo cáo không hợp lệ.");
    if (!d) return cellError("#N/A", "Không có hạn.");
    return isoToSerial(d)! - isoToSerial(reportDate)!;
  });
}

/**
 * Giá trị số của ô chỉ tiêu như in: "≥ 80" → 80, "≥ 1,0" → 1, "≥ 1.000" → 1000, "80–90" → 80, "Khoảng 40" → 40.
 * @customfunction GIATRICHITIEU
 * @param chiTieu Ô hoặc vùng chỉ tiêu.
 * @returns Giá trị; #N/A nếu ô là "-", "X" hoặc để trống.
 */
export function giaTriChiTieu(chiTieu: any[][]): any[][] {
  return mapCells([chiTieu], (t) => {
    const v = parseTarget(t as Cell);
    return v.value ?? cellError("#N/A", 'Ô không có giá trị số ("-", "X" hoặc trống).');
  });
}

/** Milestones from a row of year headers (2030 or "Năm 2030") and the row of their targets. */
function milestonesOf(years: any[][], targets: any[][]): Milestone[] {
  const ys = years.flat() as Cell[];
  const ts = targets.flat() as Cell[];
  return ys.flatMap((y, i) => {
    const year = typeof y === "number" ? y : Number(/\b(19|20)\d{2}\b/.exec(cellText(y))?.[0] ?? NaN);
    const t = ts[i];
    if (!Number.isInteger(year)) return [];
    return [{ year, target: typeof t === "number" ? t : cellText(t) }];
  });
}

/**
 * Chỉ tiêu áp dụng tại một ngày: mốc đầu tiên từ ngày đó trở đi có đặt chỉ tiêu (bỏ qua "-" và ô trống); sau mốc cuối là chỉ tiêu của mốc cuối.
 * @customfunction CHITIEUHIENHANH
 * @param namMoc Hàng các năm mốc (2025, 2030… hoặc "Năm 2030").
 * @param chiTieuMoc Hàng chỉ tiêu tương ứng từng mốc.
 * @param ngay Ngày cần xét.
 * @returns Chỉ tiêu đang áp dụng, như trong ô mốc (số vẫn là số); để trống nếu không mốc nào đặt chỉ tiêu; #VALUE! nếu hai vùng khác số ô.
 */
export function chiTieuHienHanh(namMoc: any[][], chiTieuMoc: any[][], ngay: number): any {
  const date = cellDate(ngay);
  if (!date) return cellError("#VALUE!", "Ngày không hợp lệ.");
  // A milestone without its target (or the reverse) is a mistake in the ranges, not a blank.
  if (namMoc.flat().length !== chiTieuMoc.flat().length)
    return cellError("#VALUE!", "Hàng năm mốc và hàng chỉ tiêu phải cùng số ô.");
  return targetInForce(milestonesOf(namMoc, chiTieuMoc), date)?.target ?? "";
}

/** An actual that cannot be compared gets #VALUE!; nothing to compare (blank, no target) gives "". */
function numericResult(value: number | null, target: Cell, actual: Cell): unknown {
  if (value !== null) return value;
  if (parseTarget(target).kind === "numeric" && readActual(actual).kind === "other")
    return cellError("#VALUE!", "Kết quả thực hiện không phải là số.");
  return "";
}

/**
 * Chênh lệch so với chỉ tiêu = thực hiện − chỉ tiêu (số dương là vượt, số âm là còn thiếu; với khoảng hoặc "khoảng X" tính từ biên gần nhất, 0 nếu nằm trong).
 * @customfunction CHENHLECH
 * @param chiTieu Chỉ tiêu như in.
 * @param thucHien Kết quả thực hiện.
 * @returns Chênh lệch, theo đơn vị của chỉ tiêu; để trống nếu chưa có kết quả.
 */
export function chenhLech(chiTieu: any[][], thucHien: any[][]): any[][] {
  return mapCells([chiTieu, thucHien], (t, a) => numericResult(gap(t as string, a), t, a));
}

/**
 * Tỷ lệ đạt = thực hiện / chỉ tiêu (với chỉ tiêu "càng thấp càng tốt": chỉ tiêu / thực hiện), để 100% luôn là vừa đạt.
 * @customfunction TYLEDAT
 * @param chiTieu Chỉ tiêu như in.
 * @param thucHien Kết quả thực hiện.
 * @returns Tỷ lệ (định dạng % trong ô); để trống nếu chưa có kết quả hoặc không chia được (thực hiện 0 với chỉ tiêu "dưới").
 */
export function tyLeDat(chiTieu: any[][], thucHien: any[][]): any[][] {
  return mapCells([chiTieu, thucHien], (t, a) => numericResult(achievementRate(t as string, a), t, a));
}

/**
 * Đánh giá chỉ tiêu: Vượt, Đạt, Không đạt, hoặc "Không đánh giá được" khi kết quả không so được với chỉ tiêu.
 * @customfunction DANHGIA
 * @param chiTieu Chỉ tiêu như in ("≥ 80", "Dưới 4", "80–90", "Khoảng 50", "X"…).
 * @param thucHien Kết quả thực hiện.
 * @returns Vượt / Đạt / Không đạt / Không đánh giá được; để trống nếu chưa có kết quả hoặc năm đó không đặt chỉ tiêu.
 */
export function danhGia(chiTieu: any[][], thucHien: any[][]): any[][] {
  return mapCells([chiTieu, thucHien], (t, a) => assess(t as string, a) ?? "");
}

/**
 * Chỉ tiêu có đúng tiến độ không: kết quả so với đường thẳng từ mốc trước (hoặc giá trị cơ sở, hoặc 0 vào ngày 1/1 năm kế hoạch) đến mốc đang áp dụng.
 * @customfunction DUNGTIENDO
 * @param namMoc Hàng các năm mốc.
 * @param chiTieuMoc Hàng chỉ tiêu tương ứng.
 * @param thucHien Kết quả thực hiện.
 * @param ngay Ngày của kết quả.
 * @param [namKeHoach] Năm kế hoạch (điểm xuất phát 0 vào ngày 1/1 khi không có mốc trước và giá trị cơ sở).
 * @param [giaTriCoSo] Giá trị cơ sở (năm gốc).
 * @param [namCoSo] Năm của giá trị cơ sở.
 * @returns TRUE nếu đúng tiến độ, FALSE nếu chậm; để trống nếu chưa có kết quả.
 */
export function dungTienDo(
  namMoc: any[][],
  chiTieuMoc: any[][],
  thucHien: any,
  ngay: number,
  namKeHoach?: number,
  giaTriCoSo?: number,
  namCoSo?: number,
): any {
  const date = cellDate(ngay);
  if (!date) return cellError("#VALUE!", "Ngày không hợp lệ.");
  const actual = readActual(thucHien as Cell);
  if (actual.kind === "blank") return "";
  if (actual.kind === "other") return cellError("#VALUE!", "Kết quả thực hiện không phải là số.");
  const baseline =
    given(giaTriCoSo) && given(namCoSo) && typeof giaTriCoSo === "number" && typeof namCoSo === "number"
      ? { year: namCoSo, value: giaTriCoSo }
      : null;
  const result = onTrack(milestonesOf(namMoc, chiTieuMoc), actual.value, date, {
    planYear: given(namKeHoach) ? namKeHoach : null,
    baseline,
  });
  return result ?? cellError("#N/A", "Chỉ tiêu đang áp dụng không phải là số.");
}

/**
 * Tên kỳ báo cáo chứa một ngày (tháng, quý, 6 tháng, 9 tháng, năm), theo ngày chốt số liệu.
 * @customfunction KYBAOCAO
 * @param ngay Ngày hoặc vùng ngày.
 * @param [loai] "tháng", "quý", "6 tháng", "9 tháng" hoặc "năm" (không dấu cũng được; mặc định "tháng").
 * @param [ngayChot] Ngày chốt số liệu trong tháng, 2–28 (mặc định 15); 1 hoặc "dương lịch" = theo tháng dương lịch.
 * @returns Ví dụ "Tháng 10/2025", "Quý IV/2025", "6 tháng đầu năm 2025".
 */
export function kyBaoCao(ngay: any[][], loai?: string, ngayChot?: any): any[][] {
  const kind = periodKindFromText(given(loai) ? String(loai) : "tháng");
  const cutoff = cutoffDayFrom(given(ngayChot) ? (ngayChot as string | number) : null);
  return mapCells([ngay], (d) => {
    if (!kind)
      return cellError("#VALUE!", 'Loại kỳ phải là "tháng", "quý", "6 tháng", "9 tháng" hoặc "năm".');
    if (cutoff === null) return cellError("#VALUE!", 'Ngày chốt phải từ 1 đến 28, hoặc "dương lịch".');
    const date = cellDate(d);
    if (!date) return cellError("#VALUE!", "Ngày không hợp lệ.");
    const period = reportingPeriod(date, kind, cutoff);
    return period?.label ?? cellError("#N/A", "Ngày này nằm ngoài mọi kỳ 9 tháng (thuộc quý IV).");
  });
}
