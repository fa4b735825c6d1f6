/**
 * Splitting the master tracking workbook into one workbook per lead unit: the unit's tasks (and the
 * indicators it follows) with the same columns and native formulas, the clerks' columns unlocked and
 * the rest protected (no password), an instruction sheet in Vietnamese, and a very hidden metadata
 * sheet the merge checks (plan identity, unit, layout version, period, ids, the clerk cells' values
 * at the split).
 */
import type { PlanJson } from "../model/plan";
import { foldForMatch } from "../text/normalize";
import { unitKey } from "../units/unit-key";
import { indicatorColumns, indicatorSpec } from "../sheets/indicator-sheet";
import { settingsSheet } from "../sheets/settings-sheet";
import type { DocumentSheet } from "../sheets/document-spec";
import type { ScalarCell, SheetCell, SheetSpec } from "../sheets/sheet-spec";
import { taskSheet } from "../sheets/task-sheet";
import { settingsFromStored } from "../sheets/read-sheet";
import { CLERK_COLUMNS, LAYOUT_VERSION, SHEET, TASK_COLUMNS } from "../sheets/workbook-layout";
import { leadUnits } from "../report/report-content";
import type { TrackingData } from "../workflows/periodic-report";
import { planCellsHash, planHash } from "./plan-hash";
import {
  META_SHEET,
  PARTNER_VIEW_KIND,
  UNIT_WORKBOOK_KIND,
  metadataCells,
  type UnitMetadata,
} from "./unit-metadata";

export const INSTRUCTIONS_SHEET = "Hướng dẫn";

export interface UnitWorkbook {
  unitName: string;
  unitKey: string;
  /** "phong-van-hoa-xa-hoi.xlsx" */
  fileName: string;
  specs: SheetSpec[];
  instructions: DocumentSheet;
  meta: UnitMetadata;
  /** A partner unit's read-only view (nothing to fill in, nothing to merge). */
  view?: boolean;
}

/** A file name from a unit's name: no accents, lower case, words joined by "-". */
export function unitFileName(unit: string): string {
  const slug = foldForMatch(unit)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "don-vi"}.xlsx`;
}

const plain = (v: ScalarCell | undefined): ScalarCell => (v === undefined ? null : v);

const periodLine = (period: string | null) =>
  period ? `Kỳ báo cáo: tháng ${period.slice(5)}/${period.slice(0, 4)}` : "";

/** The "Hướng dẫn" sheet: the title line, then the lines; `headings` are set in bold too. */
function instructionSheet(lines: string[], headings: readonly string[] = []): DocumentSheet {
  const shown = lines.filter(Boolean);
  return {
    name: INSTRUCTIONS_SHEET,
    orientation: "portrait",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
    columnWidths: [90],
    rows: shown.map((text, i) => ({
      cells: [
        {
          value: text,
          style: { bold: i === 0 || headings.includes(text), size: i === 0 ? 14 : 13, wrap: true },
        },
      ],
      height: Math.max(20, Math.ceil(text.length / 80) * 18),
    })),
    pageNumbersFromSecond: false,
    fitToWidth: true,
    font: { name: "Times New Roman", size: 13 },
  };
}

function instructions(unit: string, period: string | null, tasks: number): DocumentSheet {
  return instructionSheet(
    [
      `SỔ THEO DÕI NHIỆM VỤ CỦA ${unit.toLocaleUpperCase("vi")}`,
      periodLine(period),
      `Trang "${SHEET.tasks}" có ${tasks} nhiệm vụ do đơn vị chủ trì.`,
      "Cách cập nhật:",
      "1. Chỉ nhập vào các cột: Tiến độ (%), Ngày hoàn thành, Kết quả đạt được, Khó khăn, vướng mắc, Cập nhật lần cuối, Đề xuất, kiến nghị (trang Chỉ tiêu: Thực hiện, Số liệu đến ngày). Các cột khác đã khóa để tránh sửa nhầm.",
      "2. Ngày nhập dạng ngày (dd/mm/yyyy); tiến độ là số từ 0 đến 100.",
      "3. Không thêm, xóa hay đổi thứ tự dòng; không đổi tên các trang; không xóa trang ẩn.",
      "4. Lưu tệp (.xlsx) và gửi lại cơ quan thường trực trước hạn gửi báo cáo.",
      "Tệp dùng được trong mọi phiên bản Excel và LibreOffice, không cần cài phần bổ trợ.",
    ],
    ["Cách cập nhật:"],
  );
}

function partnerInstructions(unit: string, period: string | null, tasks: number): DocumentSheet {
  return instructionSheet([
    `BẢN XEM CỦA ${unit.toLocaleUpperCase("vi")} (CƠ QUAN PHỐI HỢP)`,
    periodLine(period),
    `Trang "${SHEET.tasks}" có ${tasks} nhiệm vụ mà đơn vị phối hợp thực hiện, với tiến độ do cơ quan chủ trì báo cáo.`,
    "Bản này chỉ để xem: mọi ô đã khóa, không cần gửi lại.",
    "Ý kiến về tiến độ xin gửi cơ quan chủ trì hoặc cơ quan thường trực.",
  ]);
}

/**
 * Tasks by the units a cell of theirs names (lead or partners), each unit's key once with its name
 * as first written: a plan can have 15,000 tasks and 150 units. A blank cell names no unit unless
 * `blankUnit` (the lead's "(Chưa ghi cơ quan chủ trì)" still gets a workbook).
 */
function tasksByUnitOf(
  tasks: TrackingData["tasks"],
  cell: (t: TrackingData["tasks"][number]) => ScalarCell | undefined,
  blankUnit: boolean,
): { names: Map<string, string>; tasks: Map<string, TrackingData["tasks"]> } {
  const names = new Map<string, string>();
  const byUnit = new Map<string, TrackingData["tasks"]>();
  for (const t of tasks) {
    if (!blankUnit && !String(cell(t) ?? "").trim()) continue;
    for (const u of leadUnits(cell(t))) {
      const key = unitKey(u);
      if (!names.has(key)) names.set(key, u);
      const list = byUnit.get(key) ?? [];
      if (list[list.length - 1] !== t) list.push(t);
      byUnit.set(key, list);
    }
  }
  return { names, tasks: byUnit };
}

function metaSheet(meta: UnitMetadata): SheetSpec {
  return {
    name: META_SHEET,
    columns: [{ key: "meta", header: "meta", kind: "text", width: 20 }],
    rows: metadataCells(meta).map((c) => [c]),
    freezeHeader: false,
    print: { orientation: "portrait", repeatHeader: false },
    state: "veryHidden",
  };
}

/**
 * The indicators no unit book will carry: their responsible-unit cell names no unit that leads a
 * task (blank, or a unit without tasks). The secretariat is told, so that no indicator is left
 * unreported without a word.
 */
export function indicatorsWithoutBook(data: TrackingData): { id: string; name: string }[] {
  const leads = new Set(data.tasks.flatMap((t) => leadUnits(t.lead).map(unitKey)));
  return data.indicators.rows
    .filter((r) => !leadUnits(r.responsible).some((u) => leads.has(unitKey(u))))
    .map((r) => ({ id: String(r.id ?? ""), name: String(r.name ?? "") }));
}

export function splitPlan(
  data: TrackingData,
  o: {
    period: string | null;
    createdAt: string;
    /** Also a read-only view per partner unit. */ partners?: boolean;
  },
): UnitWorkbook[] {
  const s = settingsFromStored(data.stored, { reportDate: o.createdAt.slice(0, 10) });
  const hash = planHash(data.tasks);
  const { names: units, tasks: tasksByUnit } = tasksByUnitOf(data.tasks, (t) => t.lead, true);
  const indicatorsByUnit = new Map<string, typeof data.indicators.rows>();
  for (const r of data.indicators.rows)
    for (const key of new Set(leadUnits(r.responsible).map(unitKey)))
      indicatorsByUnit.set(key, [...(indicatorsByUnit.get(key) ?? []), r]);
  const plan: PlanJson = {
    source: String(data.stored.source ?? ""),
    planYear: s.planYear,
    tables: [],
    targets: [],
  };
  const columns = indicatorColumns(data.indicators.years.length ? data.indicators.years : [s.planYear]);
  const names = new Set<string>();
  const uniqueName = (file: string) => {
    let name = file;
    for (let i = 2; names.has(name); i++) name = file.replace(/\.xlsx$/, `-${i}.xlsx`);
    names.add(name);
    return name;
  };
  const workbooks = [...units].map(([key, name]) => {
    const tasks = tasksByUnit.get(key) ?? [];
    const indicators = indicatorsByUnit.get(key) ?? [];
    const taskRows: SheetCell[][] = tasks.map((t) => TASK_COLUMNS.map((c) => plain(t[c.key])));
    const indicatorRows: SheetCell[][] = indicators.map((r) => columns.map((c) => plain(r[c.key])));
    const base = Object.fromEntries(
      tasks.map((t) => [String(t.id), Object.fromEntries(CLERK_COLUMNS.tasks.map((k) => [k, plain(t[k])]))]),
    );
    const baseIndicators = Object.fromEntries(
      indicators.map((r) => [
        String(r.id),
        Object.fromEntries(CLERK_COLUMNS.indicators.map((k) => [k, plain(r[k])])),
      ]),
    );
    const meta: UnitMetadata = {
      kind: UNIT_WORKBOOK_KIND,
      layoutVersion: LAYOUT_VERSION,
      planHash: hash,
      unitKey: key,
      unitName: name,
      period: o.period,
      createdAt: o.createdAt,
      taskIds: tasks.map((t) => String(t.id)),
      indicatorIds: indicators.map((r) => String(r.id)),
      base,
      baseIndicators,
      planCells: Object.fromEntries(tasks.map((t) => [String(t.id), planCellsHash(t)])),
      columns: { tasks: TASK_COLUMNS.map((c) => c.key), indicators: columns.map((c) => c.key) },
    };
    const fileName = uniqueName(unitFileName(name));
    const taskSpec = { ...taskSheet(taskRows, s), protection: { unlocked: [...CLERK_COLUMNS.tasks] } };
    const years = data.indicators.years.length ? data.indicators.years : [s.planYear];
    const indicatorSheet = {
      ...indicatorSpec(columns, years, indicatorRows, s),
      protection: { unlocked: [...CLERK_COLUMNS.indicators] },
    };
    const settings = { ...settingsSheet(plan, s, data.stored), protection: { unlocked: [] } };
    return {
      unitName: name,
      unitKey: key,
      fileName,
      specs: [taskSpec, indicatorSheet, settings, metaSheet(meta)],
      instructions: instructions(name, o.period, tasks.length),
      meta,
    };
  });
  if (!o.partners) return workbooks;
  // Read-only views for the partner units (cơ quan phối hợp): the tasks they support, every cell
  // locked, and a marker the merge recognises (a view has nothing to merge).
  const { names: partnerNames, tasks: tasksByPartner } = tasksByUnitOf(data.tasks, (t) => t.partners, false);
  const views = [...partnerNames].map(([key, name]): UnitWorkbook => {
    const tasks = tasksByPartner.get(key) ?? [];
    const rows: SheetCell[][] = tasks.map((t) => TASK_COLUMNS.map((c) => plain(t[c.key])));
    const meta: UnitMetadata = {
      kind: PARTNER_VIEW_KIND,
      layoutVersion: LAYOUT_VERSION,
      planHash: hash,
      unitKey: key,
      unitName: name,
      period: o.period,
      createdAt: o.createdAt,
      taskIds: tasks.map((t) => String(t.id)),
      indicatorIds: [],
      base: {},
      baseIndicators: {},
    };
    return {
      unitName: name,
      unitKey: key,
      fileName: uniqueName(`xem-${unitFileName(name)}`),
      specs: [
        { ...taskSheet(rows, s), protection: { unlocked: [] } },
        { ...settingsSheet(plan, s, data.stored), protection: { unlocked: [] } },
        metaSheet(meta),
      ],
      instructions: partnerInstructions(name, o.period, tasks.length),
      meta,
      view: true,
    };
  });
  return [...workbooks, ...views];
}
