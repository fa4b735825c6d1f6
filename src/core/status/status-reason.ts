/**
 * Why a task has its status, as facts a host words in its own language, and in Vietnamese as the
 * tracking sheet's "Căn cứ trạng thái" formula writes it. Small on purpose: the pane's first screen
 * loads it with the messages catalogue.
 */
import { splitIsoDate } from "../excel-dates";

/** dd/mm/yyyy, the way Vietnamese documents print a date. */
export function viDate(iso: string): string {
  const d = splitIsoDate(iso);
  return d ? `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}` : iso;
}

/**
 * Why a task has its status, as facts (dates ISO, "" when absent): the pane words them in its own
 * language (src/messages), the sheet's "Căn cứ trạng thái" formula and `reasonText` in Vietnamese.
 */
export type TaskReason =
  | { code: "recurring"; params: { from: string; to: string; updated: string } }
  | { code: "completed"; params: { completed: string; due: string; below100: boolean } }
  | { code: "done-no-date"; params: { due: string; against: "update" | "report"; date: string } }
  | { code: "no-deadline"; params: { completedAfter: string } }
  | { code: "deadline"; params: { due: string; report: string; days: number; completedAfter: string } };

/** Why a row has its status: a task's reason, or a row whose cells must be checked first. */
export type RowReason =
  | TaskReason
  | { code: "check-data"; params: Record<string, never> }
  | { code: "check-deadline"; params: Record<string, never> };

export const CHECK_DATA_REASON =
  "Ô ngày hoặc tiến độ có chữ thay vì số: hãy nhập lại (ngày dạng dd/mm/yyyy, tiến độ 0–100).";
export const CHECK_DEADLINE_REASON =
  "Thời gian hoàn thành đã sửa nhưng Hạn hoàn thành và Lặp lại chưa sửa theo: hãy sửa cho khớp.";

/** The reason in Vietnamese, word for word as the sheet's "Căn cứ trạng thái" formula writes it. */
export function reasonText(r: TaskReason): string {
  const d = (iso: string) => (iso ? viDate(iso) : "?");
  const after = (iso: string) => (iso ? `; ngày hoàn thành ${viDate(iso)} sau ngày báo cáo, chưa tính` : "");
  switch (r.code) {
    case "recurring": {
      const p = r.params;
      const updated = p.updated ? `cập nhật lần cuối ${viDate(p.updated)}` : "chưa có ngày cập nhật";
      return `Kỳ từ ${d(p.from)} đến ${d(p.to)}: ${updated}.`;
    }
    case "completed": {
      const p = r.params;
      return `Hoàn thành ${viDate(p.completed)}${p.due ? `, hạn ${viDate(p.due)}` : ", không có hạn"}${p.below100 ? "; tiến độ dưới 100%" : ""}.`;
    }
    case "done-no-date": {
      const p = r.params;
      const against = `${p.against === "update" ? "ngày cập nhật" : "ngày báo cáo"} ${viDate(p.date)}`;
      return `Tiến độ 100%, thiếu ngày hoàn thành${p.due ? `: hạn ${viDate(p.due)}, so với ${against}` : ""}.`;
    }
    case "no-deadline":
      return `Không có hạn cụ thể${after(r.params.completedAfter)}.`;
    case "deadline": {
      const p = r.params;
      const days = p.days < 0 ? `quá hạn ${-p.days}` : `còn ${p.days}`;
      return `Hạn ${viDate(p.due)}, ngày báo cáo ${viDate(p.report)}: ${days} ngày${after(p.completedAfter)}.`;
    }
  }
}
