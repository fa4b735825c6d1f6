/**
 * The tracking sheets' native formulas, recalculated by a real spreadsheet engine (LibreOffice Calc),
 * against the core and the KH custom functions, on a few thousand random tasks and indicators: dates
 * around the boundaries (month ends, leap days, the 14th/15th, the due date itself), every recurrence,
 * progress 0/100/blank, completion after the report date, edited deadlines, text in date cells,
 * ranges, lower-is-better, "khoảng", "X", "-", decimal commas, blanks, booleans.
 *
 * Every workbook is written with the core's values cached; LibreOffice recalculates it; not one
 * cell may be an error and not one recalculated value may differ from the cached one. Then the KH
 * functions are called on the same cells and must return the same values.
 */
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays } from "../fixtures/dates";
import { isoToSerial } from "../../src/core/excel-dates";
import { indicatorColumns, indicatorPlainRow, indicatorSpec } from "../../src/core/sheets/indicator-sheet";
import { settingsSheet } from "../../src/core/sheets/settings-sheet";
import type { ScalarCell, SheetCell, SheetSpec } from "../../src/core/sheets/sheet-spec";
import { taskSheet, type TrackingSettings } from "../../src/core/sheets/task-sheet";
import { TASK_COLUMNS } from "../../src/core/sheets/workbook-layout";
import * as KH from "../../src/functions/functions";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { compareWithRecalc, hasLibreOffice, recalculate } from "./libreoffice";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

const WORKBOOKS = 12;
const TASKS = 260;
const INDICATORS = 160;

const REPORT_DATES = [
  "2025-10-14",
  "2025-10-15",
  "2025-12-14",
  "2025-12-15",
  "2025-12-31",
  "2026-01-01",
  "2028-02-29",
  "2024-03-01",
  "2026-06-14",
  "2026-06-15",
  "2026-09-30",
  "2027-03-14",
];

const settingsArb = (reportDate: string) =>
  fc.record({
    reportDate: fc.constant(reportDate),
    dueSoonDays: fc.constantFrom(0, 7, 14),
    cutoffDay: fc.constantFrom(15, 15, 1, 10, 28, 2),
    planYear: fc.constantFrom(2025, 2026),
  });

/** A date near the report date: the same day, ±1, ±7, ±30, ±365, or a month end. */
const nearDate = (reportDate: string) =>
  fc.oneof(
    fc
      .constantFrom(0, 1, -1, 7, -7, 8, -8, 14, -14, 15, -15, 30, -30, 31, 92, -92, 365, -365)
      .map((d) => addDays(reportDate, d)),
    fc.constantFrom("2025-12-31", "2026-02-28", "2028-02-29", "2025-09-14", "2025-09-15", "2026-03-31"),
  );

const RECURRENCE = ["", "", "", "Thường xuyên", "Hằng tháng", "Hằng quý", "Hằng năm", "hằng quý", "Hàng năm"];

function taskRowArb(reportDate: string) {
  const date = nearDate(reportDate);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a);
  return fc
    .record({
      due: maybe(date),
      completed: fc.oneof(fc.constant(null), fc.constant(null), date),
      updated: fc.oneof(fc.constant(null), date),
      progress: fc.constantFrom(null, null, 0, 30, 99, 100, 100),
      recurrence: fc.constantFrom(...RECURRENCE),
      edited: fc.constantFrom(false, false, false, false, true),
      editedDue: fc.boolean(),
      badCell: fc.constantFrom(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "completed",
        "progress",
        "due",
      ),
    })
    .map((r) => {
      const deadlineText = r.due ? `Hạn ${r.due}` : r.recurrence || "Khi có phát sinh";
      const values: Record<string, ScalarCell> = {
        task: "Nhiệm vụ",
        lead: "Phòng Văn hóa – Xã hội",
        deadlineText: r.edited ? `${deadlineText} (sửa)` : deadlineText,
        due: r.edited && r.editedDue ? (r.due ? addDays(r.due, 3) : reportDate) : r.due,
        progress: r.badCell === "progress" ? "một nửa" : r.progress,
        completed: r.badCell === "completed" ? "12/10/2025" : r.completed,
        updated: r.updated,
        recurrence: r.recurrence,
        srcDeadline: deadlineText,
        srcDue: r.due,
        srcRecurrence: r.recurrence,
      };
      if (r.badCell === "due") values.due = "31/12/2025";
      return TASK_COLUMNS.map((c): SheetCell => values[c.key] ?? null);
    });
}

const TARGETS = [
  "≥ 80",
  "≥ 1,0",
  "≥ 1.000",
  "30",
  "100",
  "80–90",
  "45-50",
  "Dưới 4",
  "≤ 4",
  "Khoảng 40",
  "Khoảng 50",
  "-",
  "",
  "X",
  "x",
  "≥ 01",
  "Tối thiểu 45%",
  "Từ 90% trở lên",
  "100 (các hệ thống)",
  "≥ 0",
  "≤ 0",
];

function indicatorRowArb(years: readonly number[]) {
  const actual = fc.oneof(
    fc.constantFrom(
      null,
      null,
      0,
      1,
      4,
      3,
      5,
      38,
      40,
      42,
      42.01,
      47.5,
      49.5,
      50,
      79,
      80,
      85,
      90,
      95,
      999,
      1000,
    ),
    fc.double({ min: 0, max: 120, noNaN: true }).map((x) => Math.round(x * 100) / 100),
    fc.constantFrom("Đạt", "có", "HOÀN THÀNH", "Không", "chưa đạt", "Đang thực hiện", "79,5", "  ", "1"),
    // No TRUE/FALSE: LibreOffice keeps them as the numbers 1/0 (in a number-formatted cell ISLOGICAL
    // is false there), so a TRUE against a numeric target is 1 in LibreOffice and not a number in
    // Excel. The core follows Excel; the KH tests cover logicals.
  );
  return fc
    .record({
      targets: fc.array(fc.oneof(fc.constantFrom(...TARGETS), fc.constantFrom(25, 100)), {
        minLength: years.length,
        maxLength: years.length,
      }),
      actual,
      asOf: fc.constantFrom(null, null, "2025-06-30", "2026-12-31", "2030-12-31", "2031-01-01", "2027-07-02"),
      edited: fc.constantFrom(false, false, false, false, false, true),
    })
    .map((r) => r);
}

/** Builds one workbook's sheets; returns them with the rows the KH functions are checked on. */
function workbook(seed: number) {
  const reportDate = REPORT_DATES[seed % REPORT_DATES.length]!;
  const [s] = fc.sample(settingsArb(reportDate), { seed, numRuns: 1 }) as TrackingSettings[];
  const taskRows = fc
    .sample(taskRowArb(reportDate), { seed: seed + 1, numRuns: TASKS })
    .map((row, i) => row.map((v, c) => (TASK_COLUMNS[c]!.key === "id" ? `T${i}` : v)));
  const yearSets = [[2025, 2030], [2025, 2030, 2035, 2040, 2045], [2026], [2025, 2026, 2027, 2030]];
  const years = yearSets[seed % yearSets.length]!;
  const columns = indicatorColumns(years);
  const rows = fc.sample(indicatorRowArb(years), { seed: seed + 2, numRuns: INDICATORS }).map((r, i) => ({
    values: { id: `I${i}`, name: "Chỉ tiêu", unit: "%", responsible: "" },
    ...r,
  }));
  const tasks = taskSheet(taskRows, s!);
  const indicatorRows = rows.map((r) => plainIndicatorRow(columns, years, r));
  const indicators = indicatorSpec(columns, years, indicatorRows, s!);
  const plan = { source: "ngẫu nhiên", planYear: s!.planYear, tables: [], targets: [] };
  const settings = settingsSheet(plan, s!);
  return { s: s!, years, specs: [tasks, indicators, settings] as SheetSpec[] };
}

/** The plain cells of an indicator row, as the sheet builder makes them, with the clerk's entries. */
function plainIndicatorRow(
  columns: ReturnType<typeof indicatorColumns>,
  years: readonly number[],
  r: {
    values: Record<string, ScalarCell>;
    targets: (string | number)[];
    actual: SheetCell;
    asOf: string | null;
    edited: boolean;
  },
): SheetCell[] {
  const targets = Object.fromEntries(years.map((y, i) => [String(y), String(r.targets[i] ?? "")]));
  const row = indicatorPlainRow(columns, years, r.values, targets);
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  // Numbers typed as numbers stay numbers in the milestone cells.
  years.forEach((y, i) => {
    if (typeof r.targets[i] === "number") row[at(`y${y}`)] = r.targets[i]!;
  });
  row[at("actual")] = r.actual;
  row[at("asOf")] = r.asOf;
  if (r.edited) row[at(`y${years[0]}`)] = "≥ 99";
  return row;
}

describe("native formulas recalculated by LibreOffice agree with the core and the KH functions", () => {
  const dir = mkdtempSync(join(tmpdir(), "native-formulas-"));
  const books = Array.from({ length: WORKBOOKS }, (_, i) => workbook(1000 + i * 7));
  const files = books.map((_, i) => join(dir, `random-${i}.xlsx`));
  let recalculated: string[] = [];

  beforeAll(async () => {
    if (!hasLibreOffice())
      throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
    for (const [i, b] of books.entries()) {
      const book = new XlsxWorkbook();
      await book.writeSheets(b.specs);
      await book.save(files[i]!);
    }
    recalculated = recalculate(files);
  }, 300_000);

  it("no error cell and every cached value equals LibreOffice's", async () => {
    let formulas = 0;
    const problems: string[] = [];
    for (const [i, file] of files.entries()) {
      const r = await compareWithRecalc(file, recalculated[i]!);
      formulas += r.formulas;
      for (const e of r.errors) problems.push(`${file} ${e.sheet}!${e.address}: ${JSON.stringify(e.value)}`);
      for (const [a, b] of r.differences)
        problems.push(
          `${file} ${a.sheet}!${a.address}: ours ${JSON.stringify(a.value)}, LibreOffice ${JSON.stringify(b.value)}`,
        );
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(formulas).toBeGreaterThan(WORKBOOKS * (TASKS * 3 + INDICATORS * 10));
  }, 60_000);

  it("KH.TRANGTHAI and KH.SONGAYCONLAI give what the sheet's status and days-left formulas give", () => {
    const col = (key: string) => TASK_COLUMNS.findIndex((c) => c.key === key);
    const serial = (v: SheetCell) =>
      typeof v === "string" && /^\d{4}-/.test(v) ? isoToSerial(v)! : (v ?? "");
    let compared = 0;
    for (const b of books) {
      const report = isoToSerial(b.s.reportDate)!;
      for (const row of b.specs[0]!.rows) {
        const status = row[col("status")] as { cached: string };
        if (status.cached.startsWith("Kiểm tra")) continue;
        const cell = (k: string) => [[serial(row[col(k)] ?? null)]] as never;
        const kh = KH.trangThai(
          cell("due"),
          cell("completed"),
          cell("progress"),
          report,
          cell("recurrence"),
          b.s.dueSoonDays,
          cell("updated"),
          b.s.cutoffDay,
        );
        expect(kh[0]![0]).toBe(status.cached);
        const days = (row[col("daysLeft")] as { cached: unknown }).cached;
        if (days !== "") expect(KH.soNgayConLai(cell("due"), report)[0]![0]).toBe(days);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(WORKBOOKS * TASKS * 0.6);
  });

  it("KH.DANHGIA, KH.CHENHLECH, KH.TYLEDAT and KH.CHITIEUHIENHANH give what the indicator formulas give", () => {
    let compared = 0;
    for (const b of books) {
      const spec = b.specs[1]!;
      const col = (key: string) => spec.columns.findIndex((c) => c.key === key);
      const cached = (row: SheetCell[], k: string) => {
        const v = row[col(k)];
        return typeof v === "object" && v !== null ? v.cached : v;
      };
      for (const row of spec.rows) {
        if (cached(row, "assessment") === "Kiểm tra lại chỉ tiêu") continue;
        const actual = row[col("actual")] as SheetCell;
        const date = isoToSerial((row[col("asOf")] as string | null) ?? b.s.reportDate)!;
        const inForce = KH.chiTieuHienHanh([b.years], [b.years.map((y) => row[col(`y${y}`)] ?? "")], date);
        expect(inForce).toEqual(cached(row, "inForce"));
        // Text in the actual cell of a numeric target: the sheet asks for a number; KH reads "79,5".
        if (typeof actual === "string" && cached(row, "assessment") === "Không đánh giá được") continue;
        expect(KH.danhGia([[inForce]], [[actual]])[0]![0]).toBe(cached(row, "assessment"));
        // Where the sheet leaves a gap or rate empty because the actual is not a number, KH says so.
        const blankOrError = (v: unknown, sheet: unknown) =>
          sheet === "" && typeof v === "object" && v !== null && "message" in v ? "" : v;
        const gap = KH.chenhLech([[inForce]], [[actual]])[0]![0];
        expect(blankOrError(gap, cached(row, "gap"))).toBe(cached(row, "gap"));
        const rate = KH.tyLeDat([[inForce]], [[actual]])[0]![0];
        expect(blankOrError(rate, cached(row, "rate"))).toBe(cached(row, "rate"));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(WORKBOOKS * INDICATORS * 0.5);
  });
});
