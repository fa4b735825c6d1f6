/**
 * A master built from a synthetic plan, split into unit workbooks, and returned files made from
 * them by clerk edits (exceljs): the harness of the merge's behaviour and property tests.
 */
import ExcelJS from "exceljs";
import { parsePlanText } from "../../../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../../../src/core/workflows/write-tracking-workbook";
import {
  splitWorkbooks,
  writeUnitWorkbook,
  type ReturnedFile,
} from "../../../src/core/workflows/unit-workbooks";
import type { UnitWorkbook } from "../../../src/core/merge/split-plan";
import { readTrackingData } from "../../../src/core/workflows/periodic-report";
import { XlsxWorkbook } from "../../../src/xlsx/xlsx-workbook";
import { XlsxValues } from "../../../src/xlsx/xlsx-values";
import { renderWordText, syntheticTables } from "../../fixtures/synthetic-plan";

export interface Fixture {
  masterBytes: Uint8Array;
  units: { w: UnitWorkbook; bytes: Uint8Array }[];
}

export async function fixture(seed: number, rows = 12, period: string | null = null): Promise<Fixture> {
  const tables = syntheticTables({
    seed,
    planYear: 2026,
    tables: 1,
    rowsPerTable: rows,
    withSections: true,
    withOutput: true,
    withNote: false,
  });
  const plan = parsePlanText(renderWordText(tables, 2026), { file: "kh.txt" }).plan;
  const master = new XlsxWorkbook();
  await writeTrackingWorkbook(master, plan, { reportDate: "2026-10-14" });
  const units = await splitWorkbooks(master, { period, createdAt: "2026-10-01T08:00:00" });
  const out: Fixture["units"] = [];
  for (const w of units) {
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, w);
    out.push({ w, bytes: await book.toBytes() });
  }
  return { masterBytes: await master.toBytes(), units: out };
}

export const openMaster = (f: Fixture) => XlsxWorkbook.fromBytes(f.masterBytes);

/** A unit workbook edited by a clerk with exceljs, as bytes. */
export async function edited(
  bytes: Uint8Array,
  edit: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  await edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function returned(name: string, bytes: Uint8Array, savedAt?: string): ReturnedFile {
  return {
    name,
    open: async () => ({
      port: await XlsxValues.fromBytes(bytes, name),
      savedOn: savedAt?.slice(0, 10) ?? null,
      savedAt: savedAt ?? null,
    }),
  };
}

/** The master's task rows by id, as the report reads them. */
export async function masterTasks(master: XlsxWorkbook) {
  const data = await readTrackingData(master);
  return new Map(data.tasks.map((t) => [String(t.id), t]));
}
