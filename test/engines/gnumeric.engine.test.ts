/**
 * A second independent spreadsheet engine: Gnumeric (`ssconvert --recalc`) recalculates every sheet
 * of the tracking workbook built from each seed, and from a plan whose indicators have one
 * milestone year (where INDEX over a one-cell range gave #REF! in Gnumeric), with no error cell and
 * no value that differs from the one we cached (Gnumeric's own .xlsx of the recalculation, read here
 * part by part: it stores a formula's text result as a shared string, which exceljs reads as a number).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import type { PlanJson } from "../../src/core/model/plan";
import { SSCONVERT, differences, errorsIn, recalculated } from "./gnumeric";

jest.setTimeout(300_000);

const SEEDS = join(__dirname, "../../../shared/seeds");

async function workbookOf(plan: PlanJson, name: string): Promise<string> {
  const book = new XlsxWorkbook();
  await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
  const path = join(mkdtempSync(join(tmpdir(), "gn-book-")), name);
  await book.save(path);
  return path;
}

beforeAll(() => {
  if (!existsSync(SSCONVERT)) throw new Error("Gnumeric is required: apt-get install gnumeric");
});

it.each(readdirSync(SEEDS).sort())(
  "Gnumeric recalculates the tracking workbook of %s with no error cell and no differing value",
  async (seed) => {
    const plan = parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).plan;
    const path = await workbookOf(plan, `${seed}.xlsx`);
    expect(errorsIn(recalculated(path))).toEqual([]);
    expect(await differences(path)).toEqual([]);
  },
);

it("a plan whose indicators have one milestone year recalculates in Gnumeric with no error cell", async () => {
  const plan: PlanJson = {
    source: "mot-moc.txt",
    planYear: 2025,
    tables: [
      {
        kind: "indicators",
        title: "Chỉ tiêu năm 2025",
        rows: [
          {
            group: null,
            groupTitle: null,
            no: "1",
            name: "Tỷ lệ hồ sơ trực tuyến",
            unit: "%",
            targets: { 2025: "≥ 80" },
            responsible: "Văn phòng",
          },
          {
            group: null,
            groupTitle: null,
            no: "2",
            name: "Số điểm wifi",
            unit: "điểm",
            targets: { 2025: "12" },
            responsible: "Văn phòng",
          },
          {
            group: null,
            groupTitle: null,
            no: "3",
            name: "Chính quyền số",
            unit: "",
            targets: { 2025: "X" },
            responsible: "",
          },
        ],
      },
    ],
    targets: [],
  };
  const path = await workbookOf(plan, "mot-moc.xlsx");
  const sheets = recalculated(path);
  expect(sheets.size).toBeGreaterThanOrEqual(2);
  expect(errorsIn(sheets)).toEqual([]);
  expect(await differences(path)).toEqual([]);
});
