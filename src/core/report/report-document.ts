/**
 * The periodic report as a document, independent of where it is written (a sheet, a .docx): the
 * header block of Nghị định 30/2020/NĐ-CP (parent and issuing agency, national motto, number, place
 * and date), title and summary line, the four usual sections in Vietnamese prose, the signature
 * block, the recipients, and the appendix tables.
 */
import { viDate } from "../status/task-status";
import { LIGHT_RULE, type Counts, type ReportContent, type TaskLine } from "./report-content";
import {
  INDICATOR_CHART_LABELS,
  UNIT_CHART_SERIES,
  indicatorChart,
  unitStatusChart,
  type ChartData,
} from "./report-charts";
import { viCount, viDocumentNumber, viNumber, viPercent, viPlaceAndDate, viRate } from "./vi-format";

export interface ReportHeader {
  parentAgency: string;
  issuingAgency: string;
  place: string;
  reportNumber: string;
  documentCode: string;
  signerCapacity: string;
  signerTitle: string;
  signerName: string;
  /** One recipient per line. */
  recipients: string;
  planName: string;
}

export interface AppendixTable {
  /** "Phụ lục I" */
  label: string;
  title: string;
  subtitle: string;
  columns: { header: string; width: number; align?: "left" | "center" | "right" }[];
  rows: (string | number)[][];
  /** Fill per row (traffic lights), "#RRGGBB" or null. */
  fills?: (string | null)[];
  note?: string;
  /** A small table of label/count rows after the main table (the indicators' tally). */
  summary?: [string, number][];
  /**
   * The chart of the appendix: it reads the main table's rows (columns `valueColumns`, categories in
   * `categoryColumn`, the last `excludeLastRows` rows left out) or, when `fromSummary`, the summary.
   */
  chart?: {
    data: ChartData;
    categoryColumn: number;
    valueColumns: number[];
    excludeLastRows: number;
    fromSummary?: boolean;
  };
}

export interface ReportSection {
  heading: string;
  paragraphs: { text: string; bold?: boolean; italic?: boolean }[];
}

export interface ReportDocument {
  header: {
    parentAgency: string;
    issuingAgency: string;
    motto1: string;
    motto2: string;
    number: string;
    placeAndDate: string;
  };
  title: string;
  summary: string;
  sections: ReportSection[];
  signature: { capacity: string; title: string; name: string };
  recipients: string[];
  appendices: AppendixTable[];
}

export const LIGHT_FILL = { Xanh: "#C6EFCE", Vàng: "#FFEB9C", Đỏ: "#FFC7CE" } as const;

/** "tháng 10 năm 2025", "quý IV năm 2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025". */
export function periodInWords(label: string): string {
  const month = /^Tháng (\d+)\/(\d{4})$/.exec(label);
  if (month) return `tháng ${month[1]} năm ${month[2]}`;
  const quarter = /^Quý (\w+)\/(\d{4})$/.exec(label);
  if (quarter) return `quý ${quarter[1]} năm ${quarter[2]}`;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function splits(c: Counts): string {
  const done = c.completedOnTime + c.completedLate;
  const open = c.openInTime + c.openOverdue;
  return (
    `đã hoàn thành ${viCount(done)} nhiệm vụ (đúng hạn: ${viCount(c.completedOnTime)}, quá hạn: ${viCount(c.completedLate)}), ` +
    `chiếm ${viPercent(done, c.total)}; chưa hoàn thành ${viCount(open)} nhiệm vụ (trong hạn: ${viCount(c.openInTime)}` +
    (c.noDeadline ? `, trong đó chưa có hạn hoàn thành: ${viCount(c.noDeadline)}` : "") +
    `, ` +
    `quá hạn: ${viCount(c.openOverdue)}), chiếm ${viPercent(open, c.total)}; nhiệm vụ thường xuyên ${viCount(c.recurring)} ` +
    `(đã báo cáo kỳ này: ${viCount(c.recurringReported)}, chưa báo cáo: ${viCount(c.recurringNotReported)})`
  );
}

/** A task as the body of a document to sign names it: its text, not the tracking sheet's internal id. */
const taskRef = (t: TaskLine) => `"${t.task.replace(/[\s.;,]+$/, "")}"`;

function section1(c: ReportContent): ReportSection {
  const t = c.totals;
  const ind = c.indicators;
  const paragraphs: ReportSection["paragraphs"] = [
    { text: "1. Kết quả chung", bold: true },
    {
      text:
        `Tính đến ngày ${viDate(c.statusDate)} (số liệu từ ngày ${viDate(c.period.from)} đến ngày ${viDate(c.period.to)}), ` +
        `tổng số nhiệm vụ theo dõi là ${viCount(t.total)}, trong đó: ${splits(t)}.` +
        (t.toCheck
          ? ` Có ${viCount(t.toCheck)} nhiệm vụ chưa đủ số liệu để đánh giá (cần kiểm tra lại).`
          : ""),
    },
    { text: "2. Kết quả theo cơ quan chủ trì", bold: true },
    {
      text:
        `${viCount(c.units.filter((u) => u.light === "Xanh").length)} cơ quan, đơn vị đúng tiến độ (Xanh), ` +
        `${viCount(c.units.filter((u) => u.light === "Vàng").length)} cơ quan, đơn vị cần chú ý (Vàng), ` +
        `${viCount(c.units.filter((u) => u.light === "Đỏ").length)} cơ quan, đơn vị có nhiệm vụ quá hạn (Đỏ) ` +
        `(chi tiết tại Phụ lục I).`,
    },
    { text: "3. Nhiệm vụ hoàn thành trong kỳ", bold: true },
    {
      text: c.completedInPeriod.length
        ? `Trong kỳ đã hoàn thành ${viCount(c.completedInPeriod.length)} nhiệm vụ (chi tiết tại Phụ lục III).`
        : "Trong kỳ chưa có nhiệm vụ nào được báo cáo hoàn thành.",
    },
    { text: "4. Nhiệm vụ chậm tiến độ", bold: true },
    {
      text: c.overdue.length
        ? `Có ${viCount(c.overdue.length)} nhiệm vụ chưa hoàn thành quá hạn (chi tiết tại Phụ lục II), trong đó quá hạn lâu nhất là ` +
          `${taskRef(c.overdue[0]!)} (${c.overdue[0]!.lead}, quá hạn ${viCount(c.overdue[0]!.daysOverdue ?? 0)} ngày).`
        : "Không có nhiệm vụ chưa hoàn thành quá hạn.",
    },
    { text: "5. Kết quả thực hiện các chỉ tiêu", bold: true },
    {
      text:
        `${viCount(ind.exceeded + ind.met)}/${viCount(ind.withTarget)} chỉ tiêu đạt và vượt (vượt: ${viCount(ind.exceeded)}, ` +
        `đạt: ${viCount(ind.met)}); không đạt: ${viCount(ind.notMet)}; chưa có số liệu: ${viCount(ind.noData)}` +
        (ind.notAssessable ? `; chưa đánh giá được: ${viCount(ind.notAssessable)}` : "") +
        ` (chi tiết tại Phụ lục IV).`,
    },
  ];
  return { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs };
}

function section2(c: ReportContent): ReportSection {
  if (!c.difficulties.length)
    return {
      heading: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      paragraphs: [{ text: "Các cơ quan, đơn vị chưa báo cáo khó khăn, vướng mắc trong kỳ." }],
    };
  return {
    heading: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    paragraphs: c.difficulties.flatMap((g) => [
      { text: `- ${g.unit}:`, italic: true },
      ...g.items.map((i) => ({ text: `+ Nhiệm vụ "${i.task.replace(/[\s.;,]+$/, "")}": ${i.text}` })),
    ]),
  };
}

function section3(c: ReportContent): ReportSection {
  const kind = c.period.kind === "month" ? "tháng" : "quý";
  const paragraphs: ReportSection["paragraphs"] = [];
  if (c.next.due.length)
    paragraphs.push(
      { text: `- Các nhiệm vụ đến hạn trong ${periodInWords(c.next.label)}:` },
      ...c.next.due.map((t) => ({ text: `+ ${taskRef(t)} (${t.lead}; hạn ${t.due ? viDate(t.due) : ""}).` })),
    );
  if (c.next.overdue.length)
    paragraphs.push(
      { text: "- Tập trung hoàn thành các nhiệm vụ đã quá hạn:" },
      ...c.next.overdue.map((t) => ({ text: `+ ${taskRef(t)} (${t.lead}).` })),
    );
  if (!paragraphs.length)
    paragraphs.push({ text: "- Tiếp tục thực hiện các nhiệm vụ thường xuyên theo kế hoạch." });
  return { heading: `III. NHIỆM VỤ TRỌNG TÂM ${kind.toUpperCase()} TỚI`, paragraphs };
}

function section4(c: ReportContent): ReportSection {
  return {
    heading: "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    paragraphs: c.proposals.length
      ? c.proposals.map((p, i) => ({ text: `${i + 1}. ${p.unit}: ${p.text}` }))
      : [{ text: "1. …" }],
  };
}

function unitTable(c: ReportContent): AppendixTable {
  const rate = (u: Counts) => (u.total ? viPercent(u.completedOnTime + u.completedLate, u.total) : "");
  return {
    label: "Phụ lục I",
    title: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ",
    subtitle: "",
    columns: [
      { header: "TT", width: 5, align: "center" },
      { header: "Cơ quan chủ trì", width: 30 },
      { header: "Tổng số nhiệm vụ", width: 9, align: "center" },
      { header: "Đã hoàn thành đúng hạn", width: 11, align: "center" },
      { header: "Đã hoàn thành quá hạn", width: 11, align: "center" },
      { header: "Chưa hoàn thành trong hạn", width: 11, align: "center" },
      { header: "Chưa hoàn thành quá hạn", width: 11, align: "center" },
      { header: "Thường xuyên đã báo cáo kỳ này", width: 11, align: "center" },
      { header: "Thường xuyên chưa báo cáo kỳ này", width: 11, align: "center" },
      { header: "Tỷ lệ hoàn thành", width: 10, align: "center" },
      { header: "Đánh giá", width: 9, align: "center" },
    ],
    rows: [
      ...c.units.map((u, i) => [
        i + 1,
        u.unit,
        u.total,
        u.completedOnTime,
        u.completedLate,
        u.openInTime,
        u.openOverdue,
        u.recurringReported,
        u.recurringNotReported,
        rate(u),
        u.light,
      ]),
      [
        "",
        "Tổng cộng",
        c.totals.total,
        c.totals.completedOnTime,
        c.totals.completedLate,
        c.totals.openInTime,
        c.totals.openOverdue,
        c.totals.recurringReported,
        c.totals.recurringNotReported,
        rate(c.totals),
        "",
      ],
    ],
    fills: [...c.units.map((u) => LIGHT_FILL[u.light]), null],
    // Every task of the table is a bar of the chart, but rows whose cells must be checked first.
    note:
      `Cách đánh giá: ${LIGHT_RULE}` +
      (c.totals.toCheck
        ? ` Biểu đồ và các cột trạng thái không gồm ${viCount(c.totals.toCheck)} nhiệm vụ cần kiểm tra lại dữ liệu.`
        : ""),
    chart: c.units.length
      ? {
          data: unitStatusChart(c),
          categoryColumn: 1,
          valueColumns: UNIT_CHART_SERIES.map((_, i) => 3 + i),
          excludeLastRows: 1,
        }
      : undefined,
  };
}

/** A list of tasks as an appendix: TT, id, task, lead unit, due date, then the list's own columns. */
function taskTable(
  head: Pick<AppendixTable, "label" | "title" | "subtitle">,
  tasks: readonly TaskLine[],
  taskWidth: number,
  leadWidth: number,
  extra: { header: string; width: number; align?: "center"; value: (t: TaskLine) => string | number }[],
): AppendixTable {
  return {
    ...head,
    columns: [
      { header: "TT", width: 5, align: "center" },
      { header: "Mã nhiệm vụ", width: 11 },
      { header: "Nội dung nhiệm vụ", width: taskWidth },
      { header: "Cơ quan chủ trì", width: leadWidth },
      // 14: "30/09/2025" on one line in the appendices' font (11 wrapped it as "30/09/202" / "5").
      { header: "Hạn hoàn thành", width: 14, align: "center" },
      ...extra.map(({ header, width, align }) => ({ header, width, align })),
    ],
    rows: tasks.map((t, i) => [
      i + 1,
      t.id,
      t.task,
      t.lead,
      t.due ? viDate(t.due) : "",
      ...extra.map((e) => e.value(t)),
    ]),
  };
}

function overdueTable(c: ReportContent): AppendixTable {
  const head = {
    label: "Phụ lục II",
    title: "DANH MỤC NHIỆM VỤ CHƯA HOÀN THÀNH QUÁ HẠN",
    subtitle: `(tính đến ngày ${viDate(c.statusDate)})`,
  };
  return taskTable(head, c.overdue, 44, 20, [
    { header: "Số ngày quá hạn", width: 9, align: "center", value: (t) => t.daysOverdue ?? "" },
    { header: "Khó khăn, vướng mắc", width: 30, value: (t) => t.difficulties },
  ]);
}

function completedTable(c: ReportContent): AppendixTable {
  const head = {
    label: "Phụ lục III",
    title: "DANH MỤC NHIỆM VỤ HOÀN THÀNH TRONG KỲ",
    subtitle: `(từ ngày ${viDate(c.period.from)} đến ngày ${viDate(c.statusDate)})`,
  };
  return taskTable(head, c.completedInPeriod, 50, 24, [
    {
      header: "Ngày hoàn thành",
      width: 14,
      align: "center",
      value: (t) => (t.completed ? viDate(t.completed) : ""),
    },
    { header: "Trạng thái", width: 18, value: (t) => t.status },
  ]);
}

function indicatorTable(c: ReportContent): AppendixTable {
  const num = (v: unknown) =>
    typeof v === "number" ? viNumber(v) : v === null || v === undefined ? "" : String(v);
  return {
    label: "Phụ lục IV",
    title: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    // The count says what the table below holds: rows without a target in force are named too.
    subtitle:
      `(${viCount(c.indicators.exceeded + c.indicators.met)}/${viCount(c.indicators.withTarget)} chỉ tiêu đạt và vượt` +
      (c.indicators.rows.length > c.indicators.withTarget
        ? `; ${viCount(c.indicators.rows.length - c.indicators.withTarget)} chỉ tiêu chưa có chỉ tiêu hiện hành để đánh giá)`
        : ")"),
    columns: [
      { header: "TT", width: 5, align: "center" },
      { header: "Chỉ tiêu", width: 50 },
      { header: "Đơn vị tính", width: 10, align: "center" },
      { header: "Chỉ tiêu hiện hành", width: 12, align: "center" },
      { header: "Thực hiện", width: 10, align: "center" },
      { header: "Chênh lệch", width: 10, align: "center" },
      { header: "Tỷ lệ đạt", width: 9, align: "center" },
      { header: "Đánh giá", width: 13, align: "center" },
    ],
    rows: c.indicators.rows.map((r, i) => [
      i + 1,
      r.name,
      r.unit,
      num(r.inForce),
      num(r.actual),
      typeof r.gap === "number" ? viNumber(r.gap) : "",
      typeof r.rate === "number" ? viRate(r.rate) : "",
      r.assessment,
    ]),
    summary: INDICATOR_CHART_LABELS.map((label, i) => [label, indicatorChart(c).series[0]!.values[i]!]),
    chart: {
      data: indicatorChart(c),
      categoryColumn: 1,
      valueColumns: [2],
      excludeLastRows: 0,
      fromSummary: true,
    },
  };
}

export function reportDocument(c: ReportContent, h: ReportHeader): ReportDocument {
  const period = periodInWords(c.period.label);
  const plan = h.planName.trim() || "Kế hoạch";
  const unit = c.unit ? ` của ${c.unit}` : "";
  const recipients = h.recipients
    .split("\n")
    .map((r) =>
      r
        .trim()
        .replace(/^[-–]\s*/, "")
        .replace(/[;.]$/, ""),
    )
    .filter(Boolean);
  return {
    header: {
      parentAgency: h.parentAgency.toLocaleUpperCase("vi"),
      issuingAgency: h.issuingAgency.toLocaleUpperCase("vi"),
      motto1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto2: "Độc lập - Tự do - Hạnh phúc",
      number: viDocumentNumber(h.reportNumber, h.documentCode || "BC-UBND"),
      placeAndDate: viPlaceAndDate(h.place, c.reportDate),
    },
    title: "BÁO CÁO",
    // "Kết quả thực hiện Kế hoạch thực hiện …" says "thực hiện" twice: such a plan's results are its "triển khai".
    summary: `${/^kế hoạch\s+thực hiện\b/iu.test(plan) ? "Kết quả triển khai" : "Kết quả thực hiện"} ${plan}${unit} ${period}`,
    sections: [section1(c), section2(c), section3(c), section4(c)],
    signature: { capacity: h.signerCapacity, title: h.signerTitle, name: h.signerName },
    // The office's own "Lưu: VT, VHXH." is its filing line: no second one is added.
    recipients: recipients.some((r) => /^lưu\b/iu.test(r))
      ? recipients.map((r, i) => `- ${r}${/^lưu\b/iu.test(r) || i === recipients.length - 1 ? "." : ";"}`)
      : [...recipients.map((r) => `- ${r};`), "- Lưu: VT."],
    appendices: [unitTable(c), overdueTable(c), completedTable(c), indicatorTable(c)],
  };
}
