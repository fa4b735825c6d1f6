/**
 * What both benchmarks (bench/run.ts, bench/web-app.ts) build and run the same way: the synthetic
 * plan as PDF-style text, the compiled CLI timed in a process of its own, and returned unit
 * workbooks with every task's progress typed.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { renderPdfText, syntheticTables } from "../test/fixtures/synthetic-plan";

/** A plan of `rows` task rows printed the way text comes out of a PDF copy. */
export function pdfText(rows: number): string {
  const tables = syntheticTables({
    seed: 1,
    planYear: 2026,
    tables: 1,
    rowsPerTable: rows,
    withSections: true,
    withOutput: true,
    withNote: false,
  });
  return renderPdfText(tables, 2026, { seed: 1, pageNumbers: true, repeatHeader: true });
}

/** The compiled CLI run with `args` in a new process: its wall time and peak memory. */
export function cliChild(...args: string[]): { ms: number; rssMiB: number } {
  const bin = join(__dirname, "..", "dist-cli", "main.mjs");
  const r = spawnSync(process.execPath, [join(__dirname, "measure-child.mjs"), bin, ...args], {
    encoding: "utf8",
  });
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`plan ${args[0]} failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(m[1]!) as { ms: number; rssMiB: number };
}

/** Each unit workbook filled in as a unit returns it: a progress typed on every task. */
export async function fillReturned(files: readonly string[]): Promise<void> {
  for (const [i, f] of files.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(6).value = (r * 7 + i) % 101;
    await wb.xlsx.writeFile(f);
  }
}
