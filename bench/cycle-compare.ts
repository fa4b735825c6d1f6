/**
 * Split and merge of 150 unit workbooks (100 tasks each, from a 15,000-task master) by two compiled
 * CLIs on the same files and machine, alternating, to compare a change with the code before it:
 * tsx bench/cycle-compare.ts OTHER_CHECKOUT   (OTHER_CHECKOUT/dist-cli/main.mjs built beforehand)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parsePlanText } from "../src/core/import/parse-plan";
import { XlsxWorkbook } from "../src/xlsx/xlsx-workbook";
import { writeTrackingWorkbook } from "../src/core/workflows/write-tracking-workbook";
import { renderPdfText, syntheticTables } from "../test/fixtures/synthetic-plan";

const other = process.argv[2];
if (!other) throw new Error("usage: tsx bench/cycle-compare.ts OTHER_CHECKOUT");
const bins = { before: join(other, "dist-cli/main.mjs"), now: join(__dirname, "..", "dist-cli/main.mjs") };

(async () => {
  execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")]);
  const dir = mkdtempSync(join(tmpdir(), "kh-compare-"));
  const tables = syntheticTables({
    seed: 5,
    planYear: 2026,
    tables: 1,
    rowsPerTable: 100,
    withSections: true,
    withOutput: true,
    withNote: false,
  });
  const plan = parsePlanText(
    renderPdfText(tables, 2026, { seed: 1, pageNumbers: true, repeatHeader: true }),
    { file: "b.txt", planYear: 2026 },
  ).plan;
  const rows = (plan.tables[0] as { rows: { lead: string[]; no: string; section: string | null }[] }).rows;
  (plan.tables[0] as { rows: unknown[] }).rows = Array.from({ length: 15000 }, (_, i) => ({
    ...rows[i % rows.length]!,
    no: String((i % 100) + 1),
    section: String(Math.floor(i / 100) + 1),
    lead: [`Phòng chuyên môn số ${Math.floor(i / 100) + 1}`],
  }));
  const master = new XlsxWorkbook();
  await writeTrackingWorkbook(master, plan, { reportDate: "2026-10-14" });
  const masterPath = join(dir, "tong-hop.xlsx");
  await master.save(masterPath);
  const child = (bin: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(__dirname, "measure-child.mjs"), bin, ...args], {
      encoding: "utf8",
    });
    const m = /BENCH (\{.*\})/.exec(r.stderr);
    if (!m) throw new Error(r.stderr.slice(-800));
    return JSON.parse(m[1]!) as { ms: number; rssMiB: number };
  };
  const times: Record<string, { split: number[]; merge: number[] }> = {
    before: { split: [], merge: [] },
    now: { split: [], merge: [] },
  };
  const files: Record<string, string[]> = {};
  for (const [name, bin] of Object.entries(bins)) {
    const out = join(dir, `dv-${name}`);
    child(bin, "split", masterPath, "--out-dir", out, "--period", "2026-10", "--force");
    files[name] = readdirSync(out).map((f) => join(out, f));
    for (const [i, f] of files[name]!.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const ws = wb.getWorksheet("Nhiệm vụ")!;
      for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(6).value = (r * 7 + i) % 101;
      await wb.xlsx.writeFile(f);
    }
  }
  for (let k = 0; k < 3; k++)
    for (const [name, bin] of Object.entries(bins)) {
      times[name]!.split.push(
        child(bin, "split", masterPath, "--out-dir", join(dir, `s-${name}`), "--period", "2026-10", "--force")
          .ms,
      );
      times[name]!.merge.push(
        child(bin, "merge", masterPath, ...files[name]!, "--out", join(dir, `m-${name}-${k}.xlsx`)).ms,
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  for (const name of Object.keys(bins))
    console.log(
      `${name}: split ${median(times[name]!.split).toFixed(0)} ms (${times[name]!.split.map((x) => x.toFixed(0)).join(", ")}), merge ${median(times[name]!.merge).toFixed(0)} ms (${times[name]!.merge.map((x) => x.toFixed(0)).join(", ")})`,
    );
})();
