/*
 * Excel custom functions, namespace KH. Each function is a thin wrapper over src/core; the JSDoc
 * below is the source of functions.json (custom-functions-metadata-plugin), so it is the text a
 * clerk sees in Excel's formula autocomplete: keep it Vietnamese. Ranges spill; a cell that cannot be
 * computed gets an Excel error with a message. None is volatile: the report date is an argument.
 * Signatures use `any[][]` / `any`: the metadata generator only accepts these literal types.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parseDeadline } from "../core/deadlines/parse-deadline";
import { isoToSerial } from "../core/excel-dates";
import { achievementRate, assess, gap, onTrack, targetInForce } from "../core/indicators/assess";
import { parseTarget } from "../core/indicators/target-value";
import { reportingPeriod, type PeriodKind } from "../core/periods/reporting-period";
import { PRODUCT } from "../core/product";
import { RECURRENCE_VI } from "../core/deadlines/recurrence-labels";
import { taskStatus } from "../core/status/task-status";
import { cellDate, cellError, cellNumber, cellText, mapCells } from "./cells";

/**
 * Trả về phiên bản của phần bổ trợ Theo dõi Kế hoạch.
 * @customfunction PHIENBAN
 * @returns Số phiên bản, ví dụ "0.1.0".
 */
export function phienBan(): string {
  return PRODUCT.version;
}

/**
 * Hạn hoàn thành (ngày) đọc từ cột thời gian hoàn thành: "31/12/2025", "Tháng 9/2025", "Quý IV", "2025"…
 * @customfunction HANHOANTHANH
 * @param thoiHan Ô hoặc vùng thời gian hoàn thành như in trong kế hoạch.
 * @param namKeHoach Năm kế hoạch, dùng khi thời hạn không ghi năm (ví dụ "Quý IV").
 * @returns Ngày đến hạn (số ngày Excel); #N/A nếu là nhiệm vụ thường xuyên hoặc không có hạn.
 */
export function hanHoanThanh(thoiHan: any[][], namKeHoach?: number): any[][] {
  const year = namKeHoach ?? new Date().getFullYear();
  return mapCells([thoiHan], (t) => {
    const d = parseDeadline(cellText(t), year);
    return d.dueDate
      ? isoToSerial(d.dueDate)
      : cellError("#N/A", "Không có hạn cụ thể (thường xuyên hoặc để trống).");
  });
}

/**
 * Kiểu lặp lại của nhiệm vụ: Thường xuyên, Hằng tháng, Hằng quý, Hằng năm, hoặc để trống nếu không lặp lại.
 * @customfunction LAPLAI
 * @param thoiHan Ô hoặc vùng thời gian hoàn thành như in trong kế hoạch.
 * @returns Kiểu lặp lại.
 */
export function lapLai(thoiHan: any[][]): string[][] {
  return mapCells([thoiHan], (t) => RECURRENCE_VI[parseDeadline(cellText(t), 2000).recurrence]);
}

/**
 * Trạng thái nhiệm vụ tại ngày báo cáo: Đã hoàn thành đúng hạn/quá hạn, Chưa hoàn thành trong hạn/quá hạn, Sắp đến hạn, Chưa đến hạn, Thường xuyên.
 * @customfunction TRANGTHAI
 * @param han Hạn hoàn thành (ngày).
 * @param ngayHoanThanh Ngày hoàn thành thực tế (để trống nếu chưa xong).
 * @param tienDo Tiến độ (%), 0–100.
 * @param ngayBaoCao Ngày báo cáo.
 * @param lapLai Kiểu lặp lại hoặc thời hạn như in (ví dụ "Thường xuyên").
 * @param soNgaySapDenHan Số ngày trước hạn được coi là sắp đến hạn (mặc định 7).
 * @param ngayCapNhat Ngày cập nhật lần cuối: với nhiệm vụ thường xuyên, cho biết đã báo cáo trong kỳ chưa.
 * @param ngayChot Ngày chốt số liệu của kỳ báo cáo (mặc định 15; 1 = theo tháng dương lịch).
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
  ngayChot?: number,
): any[][] {
  const reportDate = cellDate(ngayBaoCao);
  return mapCells(
    [han, ngayHoanThanh, tienDo, lapLai ?? [[""]], ngayCapNhat ?? [[undefined]]],
    (due, done, progress, rec, updated) => {
      if (!reportDate) return cellError("#VALUE!", "Ngày báo cáo không hợp lệ.");
      return taskStatus({
        dueDate: cellDate(due),
        completedOn: cellDate(done),
        progress: cellNumber(progress),
        recurrence:
          rec === "" || rec === null || rec === undefined
            ? "none"
            : parseDeadline(cellText(rec), 2000).recurrence,
        reportDate,
        dueSoonDays: soNgaySapDenHan ?? 7,
        lastUpdated: ngayCapNhat === undefined ? undefined : cellDate(updated),
        cutoffDay: ngayChot ?? 15,
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
 * Giá trị số của ô chỉ tiêu như in: "≥ 80" → 80, "≥ 1,0" → 1, "80–90" → 80, "Khoảng 40" → 40.
 * @customfunction GIATRICHITIEU
 * @param chiTieu Ô hoặc vùng chỉ tiêu.
 * @returns Giá trị; #N/A nếu ô là "-", "X" hoặc để trống.
 */
export function giaTriChiTieu(chiTieu: any[][]): any[][] {
  return mapCells([chiTieu], (t) => {
    const v = parseTarget(cellText(t));
    return v.value ?? cellError("#N/A", 'Ô không có giá trị số ("-", "X" hoặc trống).');
  });
}

/**
 * Chỉ tiêu áp dụng tại một ngày: mốc gần nhất từ năm đó trở đi có đặt chỉ tiêu.
 * @customfunction CHITIEUHIENHANH
 * @param namMoc Hàng các năm mốc (2025, 2030…).
 * @param chiTieuMoc Hàng chỉ tiêu tương ứng từng mốc.
 * @param ngay Ngày cần xét.
 * @returns Chỉ tiêu đang áp dụng, như in.
 */
export function chiTieuHienHanh(namMoc: any[][], chiTieuMoc: any[][], ngay: number): any {
  const date = cellDate(ngay);
  if (!date) return cellError("#VALUE!", "Ngày không hợp lệ.");
  const years = namMoc.flat().map(cellNumber);
  const targets = chiTieuMoc.flat().map(cellText);
  const milestones = years.flatMap((y, i) => (y === null ? [] : [{ year: y, target: targets[i] ?? "" }]));
  return targetInForce(milestones, date)?.target ?? cellError("#N/A", "Không có mốc nào đặt chỉ tiêu.");
}

/**
 * Chênh lệch còn thiếu so với chỉ tiêu (số dương là chưa đạt; với chỉ tiêu "càng thấp càng tốt" tính ngược lại).
 * @customfunction CHENHLECH
 * @param chiTieu Chỉ tiêu như in.
 * @param thucHien Kết quả thực hiện.
 * @returns Chênh lệch.
 */
export function chenhLech(chiTieu: any[][], thucHien: any[][]): any[][] {
  return mapCells(
    [chiTieu, thucHien],
    (t, a) =>
      gap(cellText(t), typeof a === "number" ? a : cellText(a)) ??
      cellError("#N/A", "Thiếu chỉ tiêu hoặc kết quả dạng số."),
  );
}

/**
 * Tỷ lệ đạt = thực hiện / chỉ tiêu (với chỉ tiêu "càng thấp càng tốt": chỉ tiêu / thực hiện).
 * @customfunction TYLEDAT
 * @param chiTieu Chỉ tiêu như in.
 * @param thucHien Kết quả thực hiện.
 * @returns Tỷ lệ (định dạng % trong ô).
 */
export function tyLeDat(chiTieu: any[][], thucHien: any[][]): any[][] {
  return mapCells(
    [chiTieu, thucHien],
    (t, a) =>
      achievementRate(cellText(t), typeof a === "number" ? a : cellText(a)) ??
      cellError("#N/A", "Thiếu chỉ tiêu hoặc kết quả dạng số."),
  );
}

/**
 * Đánh giá chỉ tiêu: Vượt, Đạt hoặc Không đạt.
 * @customfunction DANHGIA
 * @param chiTieu Chỉ tiêu như in ("≥ 80", "Dưới 4", "80–90", "X"…).
 * @param thucHien Kết quả thực hiện.
 * @returns Vượt / Đạt / Không đạt; để trống nếu chưa có kết quả hoặc năm đó không đặt chỉ tiêu.
 */
export function danhGia(chiTieu: any[][], thucHien: any[][]): string[][] {
  return mapCells(
    [chiTieu, thucHien],
    (t, a) => assess(cellText(t), typeof a === "number" || typeof a === "boolean" ? a : cellText(a)) ?? "",
  );
}

/**
 * Chỉ tiêu có đúng tiến độ không: kết quả so với đường thẳng từ mốc trước đến mốc đang áp dụng.
 * @customfunction DUNGTIENDO
 * @param namMoc Hàng các năm mốc.
 * @param chiTieuMoc Hàng chỉ tiêu tương ứng.
 * @param thucHien Kết quả thực hiện.
 * @param ngay Ngày của kết quả.
 * @returns TRUE nếu đúng tiến độ, FALSE nếu chậm.
 */
export function dungTienDo(namMoc: any[][], chiTieuMoc: any[][], thucHien: number, ngay: number): any {
  const date = cellDate(ngay);
  if (!date) return cellError("#VALUE!", "Ngày không hợp lệ.");
  const years = namMoc.flat().map(cellNumber);
  const targets = chiTieuMoc.flat().map(cellText);
  const milestones = years.flatMap((y, i) => (y === null ? [] : [{ year: y, target: targets[i] ?? "" }]));
  return onTrack(milestones, thucHien, date) ?? cellError("#N/A", "Thiếu chỉ tiêu hoặc kết quả dạng số.");
}

const KINDS: Record<string, PeriodKind> = {
  thang: "month",
  quy: "quarter",
  "6thang": "half",
  "9thang": "nine-months",
  nam: "year",
};

/**
 * Tên kỳ báo cáo chứa một ngày (tháng, quý, 6 tháng, 9 tháng, năm), theo ngày chốt số liệu.
 * @customfunction KYBAOCAO
 * @param ngay Ngày hoặc vùng ngày.
 * @param loai "thang", "quy", "6thang", "9thang" hoặc "nam" (mặc định "thang").
 * @param ngayChot Ngày chốt số liệu trong tháng (mặc định 15; 1 = theo tháng dương lịch).
 * @returns Ví dụ "Tháng 10/2025", "Quý IV/2025".
 */
export function kyBaoCao(ngay: any[][], loai?: string, ngayChot?: number): any[][] {
  const kind = KINDS[(loai ?? "thang").toLowerCase().replace(/\s+/g, "")];
  return mapCells([ngay], (d) => {
    if (!kind) return cellError("#VALUE!", "Loại kỳ phải là thang, quy, 6thang, 9thang hoặc nam.");
    const date = cellDate(d);
    const period = date ? reportingPeriod(date, kind, ngayChot ?? 15) : null;
    return period?.label ?? cellError("#VALUE!", "Ngày hoặc ngày chốt không hợp lệ.");
  });
}
