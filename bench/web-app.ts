/**
 * npm run bench:web — the web app's speed and memory in Chromium on this machine, driven through the
 * page as a clerk drives it (files chosen, buttons clicked, downloads awaited), beside the CLI's time
 * on the same files: import a ~21-page PDF, the report of 5,000 tasks, split a 15,000-task master
 * into 150 unit workbooks and merge the 150 returned. The tab's memory is the JS heap Chromium
 * reports (CDP Performance.getMetrics), sampled while each job runs. Prints a Markdown table.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { basename, join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { parsePlanText } from "../src/core/import/parse-plan";
import { writeTrackingWorkbook } from "../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../src/xlsx/xlsx-workbook";
import { cliChild, fillReturned, pdfText } from "./fixtures";
import { randomPlan } from "../test/corpus/random-plan";
import { planDocx } from "../test/corpus/render-plan";
import { convert } from "../test/engines/libreoffice";
import { DIST, ensureBuilt, launch, serveDist } from "../test/browser/harness";

const dir = mkdtempSync(join(tmpdir(), "kh-web-bench-"));
const rows: string[] = [];
const record = (name: string, ms: number, note: string) => {
  rows.push(`| ${name} | ${Math.round(ms).toLocaleString("en-US")} ms | ${note} |`);
  console.error(`${name}: ${ms.toFixed(0)} ms (${note})`);
};

/** A tracking workbook of `tasks` tasks shared among `units` lead units, saved to `path`. */
async function trackingFile(path: string, tasks: number, units: number, perUnit?: number) {
  const plan = parsePlanText(pdfText(5000), { file: "bench.txt", planYear: 2026 }).plan;
  const table = plan.tables[0] as { rows: { lead: string[]; no: string; section: string | null }[] };
  const names = Array.from({ length: units }, (_, i) => `Phòng chuyên môn số ${i + 1}`);
  table.rows = Array.from({ length: tasks }, (_, i) => ({
    ...table.rows[i % table.rows.length]!,
    no: String((i % (perUnit ?? 100)) + 1),
    section: String(Math.floor(i / (perUnit ?? 100)) + 1),
    lead: [names[perUnit ? Math.floor(i / perUnit) : i % units]!],
  }));
  const book = new XlsxWorkbook();
  await writeTrackingWorkbook(book, plan, { reportDate: "2026-10-14" });
  await book.save(path);
}

/** The tab's JS heap, sampled every 100 ms while `job` runs: [elapsed ms, peak MiB]. */
async function timed(cdp: CDPSession, job: () => Promise<unknown>): Promise<[number, number]> {
  let peak = 0;
  let running = true;
  const sample = async () => {
    while (running) {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as {
        metrics: { name: string; value: number }[];
      };
      peak = Math.max(peak, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const sampler = sample();
  const t0 = performance.now();
  await job();
  const ms = performance.now() - t0;
  running = false;
  await sampler;
  return [ms, peak / 2 ** 20];
}

async function openWorkbook(page: Page, path: string) {
  await page.getByTestId("workbook-file").setInputFiles(path);
  await page
    .getByTestId("workbook-name")
    .filter({ hasText: basename(path) })
    .waitFor({ timeout: 300_000 });
}

const cli = (...args: string[]) => cliChild(...args).ms;

async function main() {
  ensureBuilt();
  execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build-cli.mjs")]);
  const { server, origin } = await serveDist(join(DIST, "web"), "index.html");
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  // A tab that dies (out of memory) is said, not left as "target closed" at the next step.
  page.on("crash", () => console.error("the tab crashed"));
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${origin}/`);
  await page.getByTestId("workbook-bar").waitFor();
  try {
    // 1. A PDF printed by LibreOffice from a generated plan's Word document.
    const plan = randomPlan(5, { rows: 70 });
    const docx = join(dir, "ke-hoach.docx");
    writeFileSync(docx, await planDocx(plan));
    const [pdf] = convert([docx], "pdf", dir);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf!], { encoding: "utf8" }))?.[1];
    await page.getByTestId("source-file").click();
    await page.getByTestId("file-input").setInputFiles(pdf!);
    const [pdfMs, pdfHeap] = await timed(cdp, async () => {
      await page.getByTestId("import-read").click();
      await page.getByTestId("import-confirm").waitFor();
    });
    record(
      `web app: import a ${pages}-page PDF (read + preview)`,
      pdfMs,
      `JS heap peak ${pdfHeap.toFixed(0)} MiB; limit 3 s`,
    );

    // 2. The report of 5,000 tasks across 20 units.
    const five = join(dir, "so-5000.xlsx");
    await trackingFile(five, 5000, 20);
    const [openMs] = await timed(cdp, () => openWorkbook(page, five));
    await page.getByTestId("step-report").click();
    await page.getByTestId("report-period").fill("10/2026");
    const [reportMs, reportHeap] = await timed(cdp, async () => {
      await page.getByTestId("report-preview").click();
      await page.getByTestId("month-glance").waitFor();
      await page.getByTestId("report-write").click();
      // The header fields are blank in a generated workbook: the pane names them once, a second
      // click writes (as a clerk who accepts the blanks does).
      const written = page.getByText("Đã ghi báo cáo vào các trang");
      await page.getByTestId("message-warning").or(written).first().waitFor();
      if (await page.getByTestId("message-warning").isVisible())
        await page.getByTestId("report-write").click();
      await written.waitFor();
    });
    record(
      "web app: report of 5,000 tasks, 20 units (preview + month at a glance + report sheets)",
      reportMs,
      `after opening the workbook (${openMs.toFixed(0)} ms); JS heap peak ${reportHeap.toFixed(0)} MiB; limit 3 s`,
    );

    // 3. Split a 15,000-task master into 150 unit workbooks, against `plan split` on the same file.
    const master = join(dir, "tong-hop.xlsx");
    await trackingFile(master, 15000, 150, 100);
    const splitCli = cli("split", master, "--out-dir", join(dir, "dv"), "--period", "2026-10", "--force");
    const [masterMs] = await timed(cdp, () => openWorkbook(page, master));
    await page.getByTestId("step-merge").click();
    await page.getByTestId("merge-period").fill("10/2026");
    const [splitMs, splitHeap] = await timed(cdp, async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("merge-split").click(),
      ]);
      await download.path();
    });
    record(
      "web app: split 150 unit workbooks × 100 tasks",
      masterMs + splitMs,
      `opening the 15,000-task master ${masterMs.toFixed(0)} ms + split ${splitMs.toFixed(0)} ms; CLI \`plan split\` on the same file ${splitCli.toFixed(0)} ms (${((masterMs + splitMs) / splitCli).toFixed(2)}×); JS heap peak ${splitHeap.toFixed(0)} MiB; limit 2×`,
    );

    // 4. Merge the 150 returned (each with every task's progress typed), against `plan merge`.
    const files = readdirSync(join(dir, "dv")).map((f) => join(dir, "dv", f));
    await fillReturned(files);
    const mergeCli = cli("merge", master, ...files, "--out", join(dir, "da-tong-hop.xlsx"), "--force");
    await page.getByTestId("merge-files").setInputFiles(files);
    const [previewMs, previewHeap] = await timed(cdp, async () => {
      await page.getByTestId("merge-preview").click();
      await page.getByTestId("merge-verdicts").waitFor();
    });
    const [mergeMs, mergeHeap] = await timed(cdp, async () => {
      await page.getByTestId("merge-apply").click();
      await page.getByText(/Đã tổng hợp \d/).waitFor();
    });
    const [saveMs] = await timed(cdp, async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("workbook-download").click(),
      ]);
      await download.path();
    });
    const total = masterMs + mergeMs + saveMs;
    record(
      "web app: merge 150 returned workbooks (open master, merge, download)",
      total,
      `opening the master ${masterMs.toFixed(0)} ms + merge ${mergeMs.toFixed(0)} ms + download ${saveMs.toFixed(0)} ms; CLI \`plan merge\` (the same three) ${mergeCli.toFixed(0)} ms (${(total / mergeCli).toFixed(2)}×); the preview before it (a dry run over the 150 files) ${previewMs.toFixed(0)} ms more; JS heap peak ${Math.max(previewHeap, mergeHeap).toFixed(0)} MiB; limit 2×, 1 GB`,
    );
    const sizes = readFileSync(join(DIST, "web", "index.html"), "utf8").match(/src="?([^" >]+\.js)/g) ?? [];
    console.error(`first-screen scripts: ${sizes.join(", ")}`);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `Machine: ${cpus()[0]?.model} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium (Debian)\n`,
  );
  console.log("| case | time | notes |\n|---|---|---|");
  console.log(rows.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
