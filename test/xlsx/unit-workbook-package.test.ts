/**
 * The split's unit workbooks are written as a first-row rendering with the other rows appended
 * (unitWorkbookPackage) instead of being rendered whole by exceljs: every sheet must read back the
 * same — values, formulas (shared or not), cached results, styles (number format, font, fill,
 * alignment, protection), row heights, validations, highlights, filter, print setup, protection,
 * state — as the whole rendering, for the seeds' plans and for a plan of varied rows.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { splitWorkbooks, writeUnitWorkbook } from "../../src/core/workflows/unit-workbooks";
import { XlsxWorkbook, ZIP_LEVEL } from "../../src/xlsx/xlsx-workbook";
import { XlsxValues } from "../../src/xlsx/xlsx-values";
import { unitWorkbookPackage } from "../../src/xlsx/unit-workbook-package";
import { appendRows, firstRowOnly } from "../../src/xlsx/sheet-patch";
import { zipParts } from "../../src/xlsx/zip-writer";
import type { UnitWorkbook } from "../../src/core/merge/split-plan";
import type { PlanJson } from "../../src/core/model/plan";
import type { SheetSpec } from "../../src/core/sheets/sheet-spec";
import { renderPdfText, syntheticTables } from "../fixtures/synthetic-plan";

const SEEDS = join(__dirname, "../../../shared/seeds");

/** Everything a clerk (or Excel) sees of a workbook, as exceljs reads it back. */
async function seen(bytes: Uint8Array): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      cells.push({ r, height: row.height ?? null });
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { numFmt, font, fill, alignment, protection } = cell.style;
        cells.push({
          at: cell.address,
          formula: cell.formula ?? null,
          value: cell.formula ? (cell.result ?? null) : cell.value,
          style: { numFmt, font, fill, alignment, protection },
          validation: cell.dataValidation ?? null,
        });
      });
    });
    const w = ws as unknown as { conditionalFormattings: unknown; sheetProtection: unknown };
    return {
      name: ws.name,
      state: ws.state,
      dimensions: ws.dimensions?.range ?? null,
      rowCount: ws.rowCount,
      autoFilter: ws.autoFilter ?? null,
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
      columns: (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden, style: c.style })),
      highlights: w.conditionalFormattings,
      protection: w.sheetProtection ?? null,
      cells,
    };
  });
}

async function renderedWhole(w: UnitWorkbook): Promise<Uint8Array> {
  const book = new XlsxWorkbook();
  await writeUnitWorkbook(book, w);
  return book.toBytes();
}

async function appended(w: UnitWorkbook): Promise<{ bytes: Uint8Array; how: string; refusal?: string }> {
  const p = await unitWorkbookPackage(w);
  return { bytes: new Uint8Array(zipParts(p.parts, ZIP_LEVEL)), how: p.how, refusal: p.refusal };
}

async function unitWorkbooks(plan: PlanJson, partners = false): Promise<UnitWorkbook[]> {
  const book = new XlsxWorkbook();
  await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
  const master = await XlsxValues.fromBytes(await book.toBytes(), "tong-hop.xlsx");
  return splitWorkbooks(master, { period: "2025-10", createdAt: "2025-10-01T08:00:00", partners });
}

describe.each(readdirSync(SEEDS).sort())(
  "unit workbooks with rows appended read as rendered whole: %s",
  (seed) => {
    test("every unit workbook and partner view", async () => {
      const plan = parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).plan;
      const units = await unitWorkbooks(plan, true);
      for (const w of units) {
        const fast = await appended(w);
        expect(fast.refusal).toBeUndefined();
        expect(fast.how).toBe("appended");
        expect(await seen(fast.bytes)).toEqual(await seen(await renderedWhole(w)));
      }
    }, 120_000);
  },
);

test("a unit of many rows of varied heights, text with XML and formula-like characters", async () => {
  const tables = syntheticTables({
    seed: 17,
    planYear: 2026,
    tables: 2,
    rowsPerTable: 60,
    withSections: true,
    withOutput: true,
    withNote: true,
  });
  const plan = parsePlanText(
    renderPdfText(tables, 2026, { seed: 17, pageNumbers: true, repeatHeader: true }),
    {
      file: "kh.txt",
      planYear: 2026,
    },
  ).plan;
  const odd = ['=SUM(1;2) <b> & "x"', "@Phòng", "-3 ngày", "+ thêm", "$'a'$&"];
  plan.tables.forEach((t) => {
    if (t.kind === "tasks")
      t.rows.forEach((r, i) => i % 7 === 3 && (r.task = `${odd[i % odd.length]} ${r.task}`));
  });
  const units = await unitWorkbooks(plan);
  const large = units.reduce((a, b) => (b.meta.taskIds.length > a.meta.taskIds.length ? b : a));
  expect(large.meta.taskIds.length).toBeGreaterThan(3);
  for (const w of units) {
    const fast = await appended(w);
    expect(fast.how).toBe("appended");
    expect(await seen(fast.bytes)).toEqual(await seen(await renderedWhole(w)));
  }
}, 120_000);

test("a sheet whose rows would not be styled as its first is refused and rendered whole, same result", async () => {
  const spec: SheetSpec = {
    name: "Thử",
    columns: [
      { key: "a", header: "A", kind: "text", width: 10 },
      { key: "b", header: "B", kind: "number", width: 10 },
    ],
    rows: [
      [{ formula: '="x"', cached: "x" }, 1],
      ["chữ", 2],
    ],
    freezeHeader: true,
    print: { orientation: "portrait", repeatHeader: true },
  };
  const book = new XlsxWorkbook();
  await book.writeSheets([firstRowOnly(spec)]);
  const zip = await (await import("jszip")).default.loadAsync(await book.toBytes());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(appendRows(xml, spec)).toEqual({ refused: "Thử: formula and value in one text column" });
  // The same shape inside a unit workbook: the whole workbook is rendered by exceljs.
  const [w] = await unitWorkbooks(
    parsePlanText(readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0]!), "utf8"), { file: "kh.txt" }).plan,
  );
  const odd = { ...w!, specs: [...w!.specs, spec] };
  const fast = await appended(odd);
  expect(fast.how).toBe("rendered");
  expect(fast.refusal).toMatch(/formula and value in one text column/);
  expect(await seen(fast.bytes)).toEqual(await seen(await renderedWhole(odd)));
}, 60_000);
