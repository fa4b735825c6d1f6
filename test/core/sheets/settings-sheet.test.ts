import ExcelJS from "exceljs";
import type { PlanJson } from "../../../src/core/model/plan";
import { settingsSheet, unitDirectory } from "../../../src/core/sheets/settings-sheet";
import {
  readSettings,
  readUnitDirectory,
  reportDateAddress,
  type SheetValue,
} from "../../../src/core/sheets/read-sheet";
import { isFormulaCell, type SheetCell } from "../../../src/core/sheets/sheet-spec";
import { SETTINGS, SHEET, UNIT_DIRECTORY, type SettingKey } from "../../../src/core/sheets/workbook-layout";
import { writeTrackingWorkbook } from "../../../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../../src/xlsx/xlsx-workbook";
import { FIXTURE_PLAN } from "../../fixtures/report-fixture";
import { taskRow as row } from "../../fixtures/task-row";

const SETTINGS_FOR = { reportDate: "2025-11-20", dueSoonDays: 7, cutoffDay: 15, planYear: 2025 };

/** A plan whose leads spell one unit three ways and name another. */
function planWithSpellings(): PlanJson {
  return {
    ...FIXTURE_PLAN,
    tables: [
      {
        kind: "tasks",
        title: "Phụ lục",
        columns: ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
        rows: [
          row(["Phòng Văn hóa - Xã hội"]),
          row(["Phòng Văn hóa – Xã hội"]),
          row(["Phòng Văn hoá - Xã hội"], ["Công an xã"]),
          row(["UBND xã"], ["Phòng Văn hóa - Xã hội"]),
        ],
      },
    ],
  };
}

/** The spec's rows as a sheet's values read back (header first, blanks as ""). */
function asValues(spec: ReturnType<typeof settingsSheet>): SheetValue[][] {
  const cell = (c: SheetCell | undefined): SheetValue => {
    const v = isFormulaCell(c ?? null) ? (c as { cached: SheetValue }).cached : (c as SheetValue);
    return v ?? "";
  };
  return [spec.columns.map((c) => c.header), ...spec.rows.map((r) => spec.columns.map((_, i) => cell(r[i])))];
}

describe("the settings sheet", () => {
  it("holds every value in column B, each date formatted and each number validated in its own cell", () => {
    const spec = settingsSheet(planWithSpellings(), SETTINGS_FOR);
    expect(spec.columns.map((c) => c.header)).toEqual(["Thiết lập", "Giá trị", "Ghi chú"]);
    for (const key of Object.keys(SETTINGS) as SettingKey[]) {
      const row = spec.rows[SETTINGS[key].row - 2]!;
      expect(row[0]).toBe(SETTINGS[key].label);
      expect(row[2]).toBeNull();
    }
    expect(spec.rows[SETTINGS.reportDate.row - 2]![1]).toBe("2025-11-20");
    const rule = (key: SettingKey) => spec.cells!.find((c) => c.row === SETTINGS[key].row - 2);
    expect(rule("reportDate")).toMatchObject({
      column: "value",
      kind: "date",
      validation: { rule: { kind: "date" } },
    });
    expect(rule("monthStart")?.kind).toBe("date");
    expect(rule("cutoffDay")?.validation?.rule).toEqual({ kind: "whole", min: 1, max: 28 });
    expect(rule("dueSoonDays")?.validation?.rule.kind).toBe("whole");
    expect(rule("reportNumber")?.kind).toBe("text");
    // Labels that wrap get the height they need.
    expect(spec.rowHeights![SETTINGS.cutoffDay.row - 2]).toBeGreaterThan(15);
  });

  it("lists the units one a row below the settings, each spelling of one unit as its aliases", () => {
    const spec = settingsSheet(planWithSpellings(), SETTINGS_FOR);
    const header = spec.rows[UNIT_DIRECTORY.headerRow - 2]!;
    expect(header).toEqual([...UNIT_DIRECTORY.header]);
    const units = spec.rows.slice(UNIT_DIRECTORY.headerRow - 1);
    expect(units.map((r) => r[0])).toEqual(["Công an xã", "Phòng Văn hóa - Xã hội", "UBND xã"]);
    const culture = units.find((r) => r[0] === "Phòng Văn hóa - Xã hội")!;
    expect(String(culture[1]).split("; ").sort()).toEqual([
      "Phòng Văn hoá - Xã hội",
      "Phòng Văn hóa – Xã hội",
    ]);
    const count = spec.rows[SETTINGS.units.row - 2]![1];
    expect(isFormulaCell(count!) && count.cached).toBe(3);
  });

  it("keeps the office's directory rows, notes and own rows, and adds only the units none of them names", () => {
    const first = asValues(settingsSheet(planWithSpellings(), SETTINGS_FOR));
    // The clerk renames a unit (its old spelling as an alias), notes another and adds a row of their own.
    const at = first.findIndex((r) => r[0] === "Phòng Văn hóa - Xã hội");
    first[at] = ["Phòng Văn hóa, Khoa học và Thông tin", "Phòng Văn hóa - Xã hội", "đổi tên từ 01/7/2025"];
    const police = first.findIndex((r) => r[0] === "Công an xã");
    first[police] = ["Công an xã", "", "Trưởng Công an xã ký"];
    first.push(["", "", ""], ["Người lập biểu", "Nguyễn Văn A", ""]);
    const kept = readUnitDirectory(first);
    expect(kept.extraRows).toEqual([["Người lập biểu", "Nguyễn Văn A", ""]]);
    const again = asValues(settingsSheet(planWithSpellings(), SETTINGS_FOR, readSettings(first), kept));
    const read = readUnitDirectory(again);
    expect(read.units).toEqual([
      { name: "Công an xã", aliases: [], note: "Trưởng Công an xã ký" },
      {
        name: "Phòng Văn hóa, Khoa học và Thông tin",
        aliases: ["Phòng Văn hóa - Xã hội"],
        note: "đổi tên từ 01/7/2025",
      },
      { name: "UBND xã", aliases: [], note: "" },
    ]);
    expect(read.extraRows).toEqual(kept.extraRows);
  });

  it("reads a settings sheet of the older layout (dates in column C, units in one cell)", () => {
    const older: SheetValue[][] = [
      ["Thiết lập", "Giá trị", "Ngày"],
      ["Ngày báo cáo", "", 45981],
      ["Năm kế hoạch", 2025, ""],
      ["Ngày chốt số liệu (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)", 1, ""],
      ["Cơ quan chủ quản", "UBND tỉnh", ""],
      ["Danh mục đơn vị", "Công an xã\nPhòng Kinh tế", ""],
      ["Địa danh (ghi trước ngày tháng của báo cáo)", "Tân Lập", ""],
    ];
    const stored = readSettings(older);
    expect(stored).toMatchObject({
      reportDate: "2025-11-20",
      planYear: 2025,
      cutoffDay: 1,
      place: "Tân Lập",
    });
    expect(stored.parentAgency).toBe("UBND tỉnh");
    expect(reportDateAddress(older)).toBe("C2");
    expect(readUnitDirectory(older).units.map((u) => u.name)).toEqual(["Công an xã", "Phòng Kinh tế"]);
    expect(reportDateAddress(asValues(settingsSheet(FIXTURE_PLAN, SETTINGS_FOR)))).toBe("B2");
  });

  it("finds a setting by its label when a clerk inserted a row above it", () => {
    const values = asValues(settingsSheet(FIXTURE_PLAN, SETTINGS_FOR));
    values[SETTINGS.place.row - 1]![1] = "Tân Lập";
    values.splice(3, 0, ["Ghi chú của văn phòng", "xem sổ", ""]);
    expect(readSettings(values)).toMatchObject({
      place: "Tân Lập",
      reportDate: "2025-11-20",
      planYear: 2025,
    });
  });

  it("rewrites an older-layout workbook in one column, its report date and the office's values kept", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(SHEET.settings);
    ws.addRows([
      ["Thiết lập", "Giá trị", "Ngày"],
      ["Ngày báo cáo", null, new Date(Date.UTC(2025, 10, 20))],
      ["Năm kế hoạch", 2025],
      ["Ngày chốt số liệu (15: từ ngày 15 tháng trước đến ngày 14; 1: theo tháng dương lịch)", 15],
      ["Hạn gửi báo cáo (ngày trong tháng)", 5],
    ]);
    ws.getCell("A8").value = "Cơ quan ban hành báo cáo";
    ws.getCell("B8").value = "UBND xã Tân Lập";
    ws.getCell("A10").value = "Danh mục đơn vị";
    ws.getCell("B10").value = "Văn phòng HĐND và UBND xã";
    ws.getCell("A25").value = "Người lập biểu";
    ws.getCell("B25").value = "Trần Thị B";
    const port = new XlsxWorkbook(book);
    await writeTrackingWorkbook(port, FIXTURE_PLAN, { reportDate: "2026-01-01" });
    const values = (await port.readSheet(SHEET.settings))!;
    expect(values[0]).toEqual(["Thiết lập", "Giá trị", "Ghi chú"]);
    expect(readSettings(values)).toMatchObject({
      reportDate: "2025-11-20",
      submissionDay: 5,
      issuingAgency: "UBND xã Tân Lập",
    });
    expect(reportDateAddress(values)).toBe("B2");
    const directory = readUnitDirectory(values);
    expect(directory.units[0]!.name).toBe("Văn phòng HĐND và UBND xã");
    expect(directory.extraRows).toContainEqual(["Người lập biểu", "Trần Thị B", ""]);
    const out = port.book.getWorksheet(SHEET.settings)!;
    expect(out.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(out.getCell("C2").value).toBeNull();
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await port.toBytes()) as unknown as ArrayBuffer);
    const sheet = reread.getWorksheet(SHEET.settings)!;
    expect(sheet.getCell("B2").dataValidation).toMatchObject({ type: "date" });
    expect(sheet.getCell("B4").dataValidation).toMatchObject({ type: "whole", formulae: [1, 28] });
    expect(sheet.getCell("B16").numFmt).toBe("@");
    expect(unitDirectory(FIXTURE_PLAN, []).length).toBeGreaterThan(0);
  });
});
