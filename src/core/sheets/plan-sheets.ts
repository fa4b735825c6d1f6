/**
 * The imported plan as plain sheets (one per appendix table, one for stated targets). The tracking
 * sheets with status formulas come later; these let the clerk keep what the import read.
 */
import type { PlanJson, PlanTable } from "../model/plan";
import { cleanSheetName } from "./sheet-names";
import type { ColumnSpec, SheetCell, SheetSpec } from "./sheet-spec";

const PRINT = { orientation: "landscape" as const, repeatHeader: true };

function tableSheet(table: PlanTable, index: number): SheetSpec {
  const name = cleanSheetName(/^ph[uụ]\s*l[uụ]c\s+[IVX\d]+/iu.exec(table.title)?.[0] ?? `Bảng ${index + 1}`);
  if (table.kind === "tasks") {
    const columns: ColumnSpec[] = [
      { key: "section", header: "Mục", kind: "text", width: 6 },
      { key: "no", header: "TT", kind: "text", width: 5 },
      { key: "task", header: "Nội dung nhiệm vụ", kind: "text", width: 50, wrap: true },
      { key: "lead", header: "Cơ quan chủ trì", kind: "text", width: 22, wrap: true },
      { key: "partners", header: "Cơ quan phối hợp", kind: "text", width: 22, wrap: true },
      { key: "output", header: "Kết quả dự kiến", kind: "text", width: 24, wrap: true },
      { key: "deadline", header: "Thời gian hoàn thành", kind: "text", width: 16, wrap: true },
      { key: "due", header: "Hạn (ngày)", kind: "date", width: 12 },
      { key: "recurrence", header: "Lặp lại", kind: "text", width: 12 },
      { key: "note", header: "Ghi chú", kind: "text", width: 20, wrap: true },
    ];
    const rows: SheetCell[][] = table.rows.map((r) => [
      r.section,
      r.no,
      r.task,
      r.lead.join("; "),
      r.partners.join("; "),
      r.output,
      r.deadlineText,
      r.dueDate,
      RECURRENCE_VI[r.recurrence],
      r.note,
    ]);
    return { name, columns, rows, freezeHeader: true, print: PRINT };
  }
  const years = [...new Set(table.rows.flatMap((r) => Object.keys(r.targets)))].sort();
  const columns: ColumnSpec[] = [
    { key: "group", header: "Nhóm", kind: "text", width: 6 },
    { key: "no", header: "STT", kind: "text", width: 6 },
    { key: "name", header: "Tên chỉ tiêu", kind: "text", width: 45, wrap: true },
    { key: "unit", header: "Đơn vị tính", kind: "text", width: 12 },
    ...years.map((y) => ({ key: `y${y}`, header: `Năm ${y}`, kind: "text" as const, width: 10 })),
    { key: "responsible", header: "Cơ quan chủ trì theo dõi", kind: "text", width: 24, wrap: true },
  ];
  const rows: SheetCell[][] = table.rows.map((r) => [
    r.group,
    r.no,
    r.name,
    r.unit,
    ...years.map((y) => r.targets[y] ?? ""),
    r.responsible,
  ]);
  return { name, columns, rows, freezeHeader: true, print: PRINT };
}

export const RECURRENCE_VI = {
  none: "",
  continuous: "Thường xuyên",
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  yearly: "Hằng năm",
} as const;

const COMPARATOR_TEXT = { ">=": "≥", "<=": "≤", "=": "=", range: "khoảng" } as const;

export function planToSheets(plan: PlanJson): SheetSpec[] {
  const sheets = plan.tables.map(tableSheet);
  if (plan.targets.length) {
    sheets.push({
      name: "Chỉ tiêu nêu trong KH",
      freezeHeader: true,
      print: PRINT,
      columns: [
        { key: "no", header: "Số", kind: "text", width: 6 },
        { key: "text", header: "Nội dung chỉ tiêu", kind: "text", width: 60, wrap: true },
        { key: "year", header: "Năm", kind: "integer", width: 8 },
        { key: "cmp", header: "So sánh", kind: "text", width: 8 },
        { key: "value", header: "Giá trị", kind: "number", width: 10 },
        { key: "max", header: "Đến", kind: "number", width: 8 },
        { key: "unit", header: "Đơn vị", kind: "text", width: 14 },
      ],
      rows: plan.targets.map((t) => [
        t.no,
        t.text,
        t.year,
        t.comparator ? COMPARATOR_TEXT[t.comparator] : "",
        t.value,
        t.max,
        t.unit,
      ]),
    });
  }
  return sheets;
}
