/**
 * The report's two charts as data: task status by lead unit (stacked bars) and indicator
 * achievement (bars). Each renderer draws them natively: an Excel chart in the workbook (Office.js
 * charts.add, or the chart parts of the .xlsx), a picture in the .docx.
 */
import type { ReportContent } from "./report-content";

export interface ChartSeries {
  name: string;
  values: number[];
  /** "#RRGGBB" */
  color: string;
}

export interface ChartData {
  title: string;
  categories: string[];
  series: ChartSeries[];
  stacked: boolean;
}

export const STATUS_COLORS = {
  completedOnTime: "#2E7D32",
  completedLate: "#81C784",
  openInTime: "#1E88E5",
  openOverdue: "#E53935",
  recurringReported: "#9E9E9E",
  recurringNotReported: "#FBC02D",
} as const;

/**
 * Column order of the by-unit appendix table (Phụ lục I) that the Excel chart reads: every bucket,
 * recurring tasks too, so a unit's bars add up to its row's total.
 */
export const UNIT_CHART_SERIES = [
  { key: "completedOnTime", name: "Đã hoàn thành đúng hạn" },
  { key: "completedLate", name: "Đã hoàn thành quá hạn" },
  { key: "openInTime", name: "Chưa hoàn thành trong hạn" },
  { key: "openOverdue", name: "Chưa hoàn thành quá hạn" },
  { key: "recurringReported", name: "Thường xuyên đã báo cáo kỳ này" },
  { key: "recurringNotReported", name: "Thường xuyên chưa báo cáo kỳ này" },
] as const;

export function unitStatusChart(c: ReportContent): ChartData {
  return {
    title: "Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì",
    categories: c.units.map((u) => u.unit),
    series: UNIT_CHART_SERIES.map((s) => ({
      name: s.name,
      values: c.units.map((u) => u[s.key]),
      color: STATUS_COLORS[s.key],
    })),
    stacked: true,
  };
}

export const INDICATOR_CHART_LABELS = ["Vượt", "Đạt", "Không đạt", "Chưa có số liệu"] as const;

export function indicatorChart(c: ReportContent): ChartData {
  const i = c.indicators;
  return {
    title: "Kết quả thực hiện các chỉ tiêu",
    categories: [...INDICATOR_CHART_LABELS],
    series: [{ name: "Số chỉ tiêu", values: [i.exceeded, i.met, i.notMet, i.noData], color: "#1E88E5" }],
    stacked: false,
  };
}
