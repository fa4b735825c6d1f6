/**
 * npm run bench — speed and memory figures, recorded in BENCHMARKS.md with the machine's specs.
 * Each case reports the median of several runs and the process's peak RSS after it.
 */
import { cpus, totalmem } from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { OfficeWorkbook, type ExcelRunner } from "../src/excel/office-workbook";
import { writeWorkbook } from "../src/xlsx/xlsx-workbook";
import { WorkbookDouble } from "../test/doubles/excel-double";
import { sampleSheet } from "../test/excel/sample-sheet";
import { parsePlanText } from "../src/core/import/parse-plan";
import { trackingSheets } from "../src/core/sheets/tracking-sheets";
import ExcelJS from "exceljs";
import { Packer } from "docx";
import { XlsxWorkbook } from "../src/xlsx/xlsx-workbook";
import { writeTrackingWorkbook } from "../src/core/workflows/write-tracking-workbook";
import { writeReport } from "../src/core/workflows/periodic-report";
import { reportDocx } from "../src/docx/report-docx";
import { cliChild, fillReturned, pdfText } from "./fixtures";
import * as KH from "../src/functions/functions";
import { isoToSerial } from "../src/core/excel-dates";
import { randomPlan } from "../test/corpus/random-plan";
import { planDocx } from "../test/corpus/render-plan";
import { convert } from "../test/engines/libreoffice";
import { readPlanBytes } from "../src/readers/plan-bytes";
import { MAX_SHEET_CELLS, MAX_TEXT_CHARS } from "../src/readers/input-limits";

interface Result {
  name: string;
  medianMs: number;
  note: string;
}

async function measure(name: string, runs: number, fn: () => Promise<string>): Promise<Result> {
  const times: number[] = [];
  let note = "";
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    note = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, note };
}

async function main() {
  const results: Result[] = [];
  const importTimes: Record<number, number> = {};
  for (const rows of [5000, 10000]) {
    const text = pdfText(rows);
    const cold = performance.now();
    parsePlanText(text, { file: "bench.txt", planYear: 2026 });
    const coldMs = performance.now() - cold;
    const r = await measure(`import: ${rows} task rows as PDF-style text`, 5, async () => {
      const parsed = parsePlanText(text, { file: "bench.txt", planYear: 2026 });
      return `${parsed.plan.tables[0]?.rows.length ?? 0} rows read; first run ${coldMs.toFixed(0)} ms; ${(text.length / 1024).toFixed(0)} KiB`;
    });
    importTimes[rows] = r.medianMs;
    results.push(r);
  }
  {
    // pdftotext -layout text of a generated plan's appendix (test/fixtures), printed 50 times over.
    const appendix = readFileSync(join(__dirname, "../test/fixtures/layout-touching-cells.txt"), "utf8");
    const text = Array.from({ length: 50 }, () => appendix).join("\f");
    results.push(
      await measure("import: pdftotext -layout text, 50 appendices (950 task rows)", 5, async () => {
        const parsed = parsePlanText(text, { file: "bench.txt", planYear: 2026 });
        const rows = parsed.plan.tables.reduce((n, t) => n + t.rows.length, 0);
        return `${rows} rows read in ${parsed.plan.tables.length} tables; ${text.split("\n").length} lines`;
      }),
    );
  }
  results.push({
    name: "import: 10,000 / 5,000 rows time ratio",
    medianMs: NaN,
    note: `${(importTimes[10000]! / importTimes[5000]!).toFixed(2)}× (issue 11: ≤ 2.1×)`,
  });
  // Custom functions through their entry points, as Excel calls them with a 100,000-row range.
  const n = 100_000;
  const report = isoToSerial("2026-10-14")!;
  const due = Array.from({ length: n }, (_, i) => [report - 200 + (i % 400)]);
  const done = Array.from({ length: n }, (_, i) => [i % 3 === 0 ? report - 250 + (i % 300) : ""]);
  const progress = Array.from({ length: n }, (_, i) => [i % 101]);
  results.push(
    await measure("KH.TRANGTHAI over 100,000 tasks", 5, async () => {
      const out = KH.trangThai(due, done, progress, report);
      return `${out.length} statuses`;
    }),
  );
  const targets = Array.from({ length: n }, (_, i) => [
    ["≥ 80", "Dưới 4", "80–90", "Khoảng 40", "100"][i % 5],
  ]);
  const actuals = Array.from({ length: n }, (_, i) => [(i % 120) + 0.5]);
  results.push(
    await measure("KH.CHENHLECH over 100,000 indicators", 5, async () => {
      const out = KH.chenhLech(targets, actuals);
      return `${out.length} gaps`;
    }),
  );
  for (const rows of [10, 5000]) {
    results.push(
      await measure(`adapter: write ${rows} task rows (Excel double)`, 5, async () => {
        const book = new WorkbookDouble();
        const r = await new OfficeWorkbook(book.run as unknown as ExcelRunner).writeSheets([
          sampleSheet(rows),
        ]);
        return `${r.syncs} syncs, largest request ${(Math.max(...book.requestSizes) / 1024).toFixed(0)} KiB`;
      }),
    );
  }
  // The real tracking sheets (native formulas of several kilobytes per row) through the adapter.
  const plan5000 = parsePlanText(pdfText(5000), { file: "bench.txt", planYear: 2026 }).plan;
  const sheets5000 = trackingSheets(plan5000, { reportDate: "2026-10-14" });
  results.push(
    await measure("adapter: write tracking sheets of 5,000 tasks (Excel double)", 3, async () => {
      const book = new WorkbookDouble();
      const r = await new OfficeWorkbook(book.run as unknown as ExcelRunner).writeSheets(sheets5000);
      return `${r.syncs} syncs, largest request ${(Math.max(...book.requestSizes) / 1024).toFixed(0)} KiB`;
    }),
  );
  // The periodic report of 5,000 tasks across 20 units, headless: read the sheets, compute, lay out,
  // write the report sheets and the .docx.
  {
    const units = Array.from({ length: 20 }, (_, i) => `Phòng chuyên môn số ${i + 1}`);
    const plan = structuredClone(plan5000);
    plan.tables.forEach((t) => {
      if (t.kind === "tasks") t.rows.forEach((r, i) => (r.lead = [units[i % 20]!]));
    });
    const source = new XlsxWorkbook();
    await writeTrackingWorkbook(source, plan, { reportDate: "2026-10-14" });
    const bytes = await source.book.xlsx.writeBuffer();
    results.push(
      await measure("report: 5,000 tasks, 20 units, sheets + .docx (headless)", 3, async () => {
        const book = new XlsxWorkbook(new ExcelJS.Workbook());
        await book.book.xlsx.load(bytes as ArrayBuffer);
        const t0 = performance.now();
        const report = await writeReport(book, { period: "2026-10", kind: "month" });
        const docx = await Packer.toBuffer(reportDocx(report.document));
        return `${(performance.now() - t0).toFixed(0)} ms after loading the workbook; ${report.content.units.length} units, ${report.content.overdue.length} overdue; .docx ${(docx.length / 1024).toFixed(0)} KiB`;
      }),
    );
  }
  // The secretariat's cycle: 150 unit workbooks of 100 tasks split from a 15,000-task master and
  // merged back, each step in a process of its own (time and peak memory), against the time exceljs
  // needs just to read the same 150 files.
  {
    const dir = mkdtempSync(join(tmpdir(), "kh-cycle-"));
    const units = Array.from({ length: 150 }, (_, i) => `Phòng chuyên môn số ${i + 1}`);
    const plan = structuredClone(plan5000);
    const rows = (plan.tables[0] as { rows: { lead: string[]; no: string; section: string | null }[] }).rows;
    const all = Array.from({ length: 15000 }, (_, i) => ({
      ...rows[i % rows.length]!,
      no: String((i % 100) + 1),
      section: String(Math.floor(i / 100) + 1),
      lead: [units[Math.floor(i / 100)]!],
    }));
    (plan.tables[0] as { rows: unknown[] }).rows = all;
    const master = new XlsxWorkbook();
    await writeTrackingWorkbook(master, plan, { reportDate: "2026-10-14" });
    const masterPath = join(dir, "tong-hop.xlsx");
    await master.save(masterPath);
    execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")]);
    const child = cliChild;
    // Each step three times (the machines of this class are noisy): the median, and the range.
    const thrice = (run: () => { ms: number; rssMiB: number }) => {
      const r = [run(), run(), run()].sort((a, b) => a.ms - b.ms);
      return {
        ...r[1]!,
        range: `${r[0]!.ms.toFixed(0)}–${r[2]!.ms.toFixed(0)} ms`,
        rssMiB: Math.max(...r.map((x) => x.rssMiB)),
      };
    };
    const split = thrice(() =>
      child("split", masterPath, "--out-dir", join(dir, "dv"), "--period", "2026-10", "--force"),
    );
    const files = readdirSync(join(dir, "dv")).map((f) => join(dir, "dv", f));
    await fillReturned(files);
    const reads: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
      reads.push(performance.now() - t0);
    }
    const readMs = reads.sort((a, b) => a - b)[1]!;
    const merge = thrice(() =>
      child("merge", masterPath, ...files, "--out", join(dir, "da-tong-hop.xlsx"), "--force"),
    );
    results.push(
      {
        name: "split: 150 unit workbooks × 100 tasks (new process)",
        medianMs: split.ms,
        note: `median of 3 (${split.range}); peak RSS ${split.rssMiB.toFixed(0)} MiB; ${(split.ms / readMs).toFixed(2)}× exceljs's read of the 150 files; limit 5 s, 1 GB, 2×`,
      },
      {
        name: "merge: 150 returned workbooks (new process)",
        medianMs: merge.ms,
        note: `median of 3 (${merge.range}); peak RSS ${merge.rssMiB.toFixed(0)} MiB; exceljs reading the 150 files alone: ${readMs.toFixed(0)} ms, median of 3 (${(merge.ms / readMs).toFixed(2)}×); limit 5 s, 1 GB, 2×`,
      },
    );
    rmSync(dir, { recursive: true, force: true });
  }
  // A PDF of about 20 pages, printed by LibreOffice from a generated Word document, read by the
  // product's reader (pdf.js text and ruling lines, then the table builder).
  {
    const dir = mkdtempSync(join(tmpdir(), "kh-pdf-"));
    const plan = randomPlan(5, { rows: 70 });
    const docx = join(dir, "ke-hoach.docx");
    writeFileSync(docx, await planDocx(plan));
    const [pdf] = convert([docx], "pdf", dir);
    const bytes = new Uint8Array(readFileSync(pdf!));
    const pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf!], { encoding: "utf8" }))?.[1];
    const standardFontDataUrl = join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts/");
    results.push(
      await measure(
        `import: a ${pages}-page PDF (${plan.gold.tables.reduce((n, t) => n + t.rows.length, 0)} rows)`,
        5,
        async () => {
          const parsed = await readPlanBytes(bytes, { file: "ke-hoach.pdf", pdf: { standardFontDataUrl } });
          return `${parsed.plan.tables.length} tables; limit 2 s`;
        },
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), "kh-bench-"));
  results.push(
    await measure("exceljs: write 5000 task rows to .xlsx", 3, async () => {
      await writeWorkbook(join(dir, "b.xlsx"), [sampleSheet(5000)]);
      return "";
    }),
  );
  // The compiled CLI, as a clerk runs it: start-up, and a 5,000-task plan to a tracking workbook.
  const bin = join(__dirname, "..", "dist-cli", "main.mjs");
  if (!existsSync(bin)) execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")]);
  results.push(
    await measure("plan version (compiled CLI, new process)", 10, async () => {
      execFileSync(process.execPath, [bin, "version"]);
      return "";
    }),
  );
  const planFile = join(dir, "plan-5000.txt");
  writeFileSync(planFile, pdfText(5000));
  results.push(
    await measure("plan build: 5,000 tasks, text to .xlsx (new process)", 3, async () => {
      const out = join(dir, "so-5000.xlsx");
      execFileSync(process.execPath, [
        bin,
        "build",
        planFile,
        "--report-date",
        "2026-10-14",
        "--out",
        out,
        "--force",
      ]);
      return `${(statSync(out).size / 1024).toFixed(0)} KiB written`;
    }),
  );
  // The largest inputs the limits accept, imported by the CLI in a process of its own (time and
  // peak memory): a text just under MAX_TEXT_CHARS and a sheet just under MAX_SHEET_CELLS.
  {
    const line = (i: number) =>
      `${i}\tTriển khai nhiệm vụ số ${i} về chuyển đổi số trong cơ quan\tSở ${i % 20}\tCác sở, ngành\tQuý IV/2026\tBáo cáo\n`;
    const head =
      "KẾ HOẠCH\nTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm\n";
    const parts = [head];
    let chars = head.length;
    for (let i = 1; chars + 200 < MAX_TEXT_CHARS; i++) {
      const l = line(i);
      parts.push(l);
      chars += l.length;
    }
    const textFile = join(dir, "gioi-han.txt");
    writeFileSync(textFile, parts.join(""));
    const columns = 20;
    const rows = Math.floor(MAX_SHEET_CELLS / columns) - 1;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Phụ lục");
    ws.addRow([
      "TT",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian hoàn thành",
      "Sản phẩm",
      ...Array.from({ length: columns - 6 }, (_, k) => `Cột ${k + 1}`),
    ]);
    for (let i = 1; i < rows; i++)
      ws.addRow([
        i,
        `Triển khai nhiệm vụ số ${i}`,
        `Sở ${i % 20}`,
        "Các sở, ngành",
        "Quý IV/2026",
        "Báo cáo",
        ...Array.from({ length: columns - 6 }, (_, k) => k),
      ]);
    const sheetFile = join(dir, "gioi-han.xlsx");
    await book.xlsx.writeFile(sheetFile);
    const measured = (file: string) => {
      const r = spawnSync(process.execPath, [join(__dirname, "measure-child.mjs"), bin, "parse", file], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      const m = /BENCH (\{.*\})/.exec(r.stderr);
      if (r.status !== 0 || !m) throw new Error(`plan parse ${file} failed: ${r.stderr.slice(-300)}`);
      return JSON.parse(m[1]!) as { ms: number; rssMiB: number };
    };
    const text = measured(textFile);
    const sheet = measured(sheetFile);
    results.push(
      {
        name: `plan parse: text at the limit (${(chars / 1e6).toFixed(2)} M characters)`,
        medianMs: text.ms,
        note: `peak RSS ${text.rssMiB.toFixed(0)} MiB; limit MAX_TEXT_CHARS ${MAX_TEXT_CHARS}`,
      },
      {
        name: `plan parse: .xlsx at the limit (${rows} rows × ${columns} columns)`,
        medianMs: sheet.ms,
        note: `peak RSS ${sheet.rssMiB.toFixed(0)} MiB; limit MAX_SHEET_CELLS ${MAX_SHEET_CELLS}`,
      },
    );
  }
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `Machine: ${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  for (const r of results) {
    const time = Number.isNaN(r.medianMs) ? "".padStart(12) : `${r.medianMs.toFixed(1).padStart(9)} ms`;
    console.log(`${r.name.padEnd(52)} ${time}  ${r.note}`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
