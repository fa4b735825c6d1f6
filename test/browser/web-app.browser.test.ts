/**
 * The web app (dist/web/, served as plain static files) driven in headless Chromium with real files:
 * a plan printed to PDF by LibreOffice and a pasted multi-sheet .xlsx imported, the tracking workbook
 * downloaded, the month's status, the report (sheets, .docx, a print view printed to PDF), the split
 * into unit workbooks and a returned one merged back; every downloaded workbook recalculated by
 * LibreOffice with 0 error cells; no request outside the page's origin; and again with the network
 * cut after the first load.
 */
import { renderWordText, syntheticTables } from "../fixtures/synthetic-plan";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Download, Page } from "playwright-core";
import { DIST, ensureBuilt, launch, screenshotPath, serveDist } from "./harness";
import { randomPlan } from "../corpus/random-plan";
import { planDocx, planXlsx } from "../corpus/render-plan";
import { compareWithRecalc, convert, recalculate } from "../engines/libreoffice";
import { TASK_COLUMNS, columnOf } from "../../src/core/sheets/workbook-layout";

jest.setTimeout(600_000);

let server: ChildProcess;
let origin: string;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), "web-app-"));

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** dist/web served the way the README says to try it: `python3 -m http.server` in the folder. */
async function pythonServer(): Promise<{ server: ChildProcess; origin: string }> {
  const port = await freePort();
  const python = ["/usr/bin/python3", "python3"].find((p) => p === "python3" || existsSync(p))!;
  const server = spawn(python, ["-m", "http.server", String(port), "--bind", "127.0.0.1"], {
    cwd: join(DIST, "web"),
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return { server, origin };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error("python3 -m http.server did not start");
}

beforeAll(async () => {
  ensureBuilt();
  ({ server, origin } = await pythonServer());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

interface Watch {
  outside: string[];
  errors: string[];
}

async function openWeb(width = 1366): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: "en-US",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const watch: Watch = { outside: [], errors: [] };
  context.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))
      watch.outside.push(url);
  });
  page.on("pageerror", (e) => watch.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") watch.errors.push(m.text());
  });
  await page.goto(`${origin}/`);
  await page.getByTestId("workbook-bar").waitFor();
  return { page, watch };
}

async function saved(download: Download, name = download.suggestedFilename()): Promise<string> {
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

async function downloadWorkbook(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("workbook-download").click(),
  ]);
  return saved(download, name);
}

async function expectRecalculates(path: string) {
  const [recalculated] = recalculate([path]);
  const report = await compareWithRecalc(path, recalculated!);
  expect(report.formulas).toBeGreaterThan(0);
  expect(report.errors).toEqual([]);
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

describe("web app in headless Chromium", () => {
  it("does the month's jobs on files: import a printed PDF, track, report, split, merge", async () => {
    const plan = randomPlan(31, { rows: 14 });
    const year = plan.gold.planYear;
    const docx = join(dir, "ke-hoach.docx");
    writeFileSync(docx, await planDocx(plan));
    const [pdf] = convert([docx], "pdf");
    const { page, watch } = await openWeb();
    await page.screenshot({ path: screenshotPath("web-start.png") });

    // 1. Import: the PDF read, previewed, confirmed into a new workbook, downloaded.
    await page.getByTestId("source-file").click();
    await page.getByTestId("file-input").setInputFiles(pdf!);
    await expect(page.getByTestId("file-input-names").innerText()).resolves.toContain("ke-hoach.pdf");
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    // Every stated target, and each indicator's targets by year, are shown to be checked.
    if (plan.gold.targets.length)
      expect(await page.locator('[data-testid="preview-targets"] tbody tr').count()).toBe(
        plan.gold.targets.length,
      );
    const years = new Set(
      plan.gold.tables.flatMap((t) =>
        t.kind === "indicators" ? t.rows.flatMap((r) => Object.keys(r.targets)) : [],
      ),
    );
    const headers = await page.locator('[data-testid^="preview-table-"] th').allInnerTexts();
    for (const y of years) expect(headers).toContain(y);
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("message-success").waitFor();
    await page.getByTestId("workbook-changed").waitFor();
    await page.screenshot({ path: screenshotPath("web-import.png"), fullPage: true });
    const tracking = await downloadWorkbook(page, "so-theo-doi.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(tracking);
    const tasks = book.getWorksheet("Nhiệm vụ")!;
    const goldTasks = plan.gold.tables.reduce((n, t) => n + (t.kind === "tasks" ? t.rows.length : 0), 0);
    expect(tasks.actualRowCount - 1).toBeGreaterThanOrEqual(Math.floor(goldTasks * 0.9));
    expect(await page.getByTestId("workbook-changed").count()).toBe(0);

    // 2. Theo dõi: the four buckets as of a date typed dd/mm/yyyy (the browser's language is English).
    await page.getByTestId("step-track").click();
    await page.getByTestId("report-date").fill(dmy(`${year}-10-20`));
    await page.getByTestId("recompute").click();
    await page.getByTestId("status-tree").waitFor();
    expect(await page.getByTestId("status-summary").innerText()).toContain(`20/10/${year}`);

    // 3. Báo cáo: preview with the month at a glance, the print view printed, the report written.
    await page.getByTestId("step-report").click();
    await page.getByTestId("report-period").fill(`10/${year}`);
    await page.getByTestId("report-preview").click();
    await page.getByTestId("month-glance").waitFor();
    const unitRows = await page.locator('[data-testid="glance-units"] tbody tr').count();
    expect(unitRows).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("web-report.png"), fullPage: true });
    await page.getByTestId("report-print-view").click();
    // The plan named no signer: the page says so before printing; a second click goes on.
    expect(await page.getByTestId("message-warning").innerText()).toContain("Người ký");
    await page.getByTestId("report-print-view").click();
    await page.getByTestId("print-view").waitFor();
    const printed = join(dir, "bao-cao.pdf");
    await page.pdf({ path: printed, preferCSSPageSize: true });
    const text = execFileSync("pdftotext", ["-layout", printed, "-"], { encoding: "utf8" });
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Nơi nhận");
    expect(text).toContain("Phụ lục I");
    // The app itself is not printed, only the report.
    expect(text).not.toContain("Tải sổ về");
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    // Page numbers from page 2, at the top.
    expect(pages[1]!.trim().split("\n")[0]!.trim()).toBe("2");
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "50",
      "-f",
      "1",
      "-l",
      "1",
      printed,
      screenshotPath("web-print"),
    ]);
    await page.getByTestId("report-write").click();
    await page.getByText("Đã ghi báo cáo vào các trang").waitFor();
    const [docxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-docx").click(),
    ]);
    expect(
      readFileSync(await saved(docxDownload))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const withReport = await downloadWorkbook(page, "so-kem-bao-cao.xlsx");
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.readFile(withReport);
    expect(reportBook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([`BC T10-${year}`]));
    await expectRecalculates(withReport);

    // 4. Tổng hợp: split into a .zip, one unit's book filled and returned, merged, downloaded.
    await page.getByTestId("step-merge").click();
    await page.getByTestId("merge-period").fill(`10/${year}`);
    const [zipDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("merge-split").click(),
    ]);
    const zip = await JSZip.loadAsync(readFileSync(await saved(zipDownload)));
    const names = Object.keys(zip.files);
    expect(names.length).toBeGreaterThan(0);
    const unit = new ExcelJS.Workbook();
    await unit.xlsx.load((await zip.file(names[0]!)!.async("uint8array")) as unknown as ArrayBuffer);
    const ws = unit.getWorksheet("Nhiệm vụ")!;
    const id = String(ws.getCell(`${columnOf(TASK_COLUMNS, "id")}2`).value);
    ws.getCell(`${columnOf(TASK_COLUMNS, "progress")}2`).value = 45;
    const returned = join(mkdtempSync(join(tmpdir(), "tra-ve-")), names[0]!);
    await unit.xlsx.writeFile(returned);
    await page.getByTestId("merge-files").setInputFiles([returned]);
    await page.getByTestId("merge-preview").click();
    await page.getByTestId("merge-verdicts").waitFor();
    await page.getByTestId("merge-apply").click();
    await page.getByText("Đã tổng hợp 1 giá trị").waitFor();
    await page.screenshot({ path: screenshotPath("web-merge.png"), fullPage: true });
    const merged = await downloadWorkbook(page, "so-tong-hop.xlsx");
    const mergedBook = new ExcelJS.Workbook();
    await mergedBook.xlsx.readFile(merged);
    const mt = mergedBook.getWorksheet("Nhiệm vụ")!;
    const row = mt.getColumn(columnOf(TASK_COLUMNS, "id")).values.findIndex((v) => String(v) === id);
    expect(mt.getCell(`${columnOf(TASK_COLUMNS, "progress")}${row}`).value).toBe(45);
    await expectRecalculates(merged);

    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it("imports a pasted multi-sheet .xlsx, and works again with the network cut", async () => {
    const plan = randomPlan(47, { rows: 8 });
    const xlsx = join(dir, "phu-luc.xlsx");
    writeFileSync(xlsx, await planXlsx(plan, "sheets"));
    const { page, watch } = await openWeb();
    // The first visit keeps the app's files; from then on it opens without a network.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId("workbook-bar").waitFor();
    await page.getByTestId("source-file").click();
    await page.getByTestId("file-input").setInputFiles(xlsx);
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("message-success").waitFor();
    // Still offline: the other steps (loaded when first opened) and their readers and writers.
    await page.getByTestId("step-track").click();
    await page.getByTestId("recompute").click();
    await page.getByTestId("status-tree").waitFor();
    await page.getByTestId("step-report").click();
    await page.getByTestId("report-period").fill(`10/${plan.gold.planYear}`);
    await page.getByTestId("report-preview").click();
    await page.getByTestId("month-glance").waitFor();
    await page.getByTestId("report-docx").click();
    if (await page.getByTestId("message-warning").count()) {
      const [offlineDocx] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("report-docx").click(),
      ]);
      expect(
        readFileSync(await saved(offlineDocx, "offline.docx"))
          .subarray(0, 2)
          .toString(),
      ).toBe("PK");
    }
    await page.getByTestId("step-merge").click();
    const [offlineZip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("merge-split").click(),
    ]);
    expect(
      Object.keys((await JSZip.loadAsync(readFileSync(await saved(offlineZip, "offline.zip")))).files).length,
    ).toBeGreaterThan(0);
    await page.getByTestId("step-import").click();
    const path = await downloadWorkbook(page, "offline.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const goldTasks = plan.gold.tables.reduce((n, t) => n + (t.kind === "tasks" ? t.rows.length : 0), 0);
    expect(book.getWorksheet("Nhiệm vụ")!.actualRowCount - 1).toBeGreaterThanOrEqual(
      Math.floor(goldTasks * 0.9),
    );
    await expectRecalculates(path);
    // A new version of the plan over the tracking workbook (the CLI's --update): merged into it,
    // with a clerk's value kept.
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.readFile(path);
    kept.getWorksheet("Nhiệm vụ")!.getCell(`${columnOf(TASK_COLUMNS, "progress")}2`).value = 30;
    const typed = join(dir, "da-nhap.xlsx");
    await kept.xlsx.writeFile(typed);
    await page.getByTestId("workbook-file").setInputFiles(typed);
    await page.getByText("da-nhap.xlsx").first().waitFor();
    await page.getByTestId("source-file").click();
    await page.getByTestId("file-input").setInputFiles(xlsx);
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-confirm").click();
    await page.getByText("Đã cập nhật").waitFor();
    const updated = new ExcelJS.Workbook();
    await updated.xlsx.readFile(await downloadWorkbook(page, "cap-nhat.xlsx"));
    expect(updated.getWorksheet("Nhiệm vụ")!.getCell(`${columnOf(TASK_COLUMNS, "progress")}2`).value).toBe(
      30,
    );
    expect(watch.outside).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it("is used with the keyboard alone: paste, read, fix a cell, confirm, see the month; focus always visible", async () => {
    const { page, watch } = await openWeb();
    const tables = syntheticTables({
      seed: 9,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 4,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          id:
            el?.getAttribute("data-testid") ??
            el?.closest("[data-testid]")?.getAttribute("data-testid") ??
            "",
          visible: Boolean(el?.matches(":focus-visible")) && getComputedStyle(el!).outlineStyle !== "none",
        };
      });
    /** Tab (forward) until the element is focused, as a person would; its focus ring must show. */
    const tabTo = async (testId: string, key = "Tab") => {
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press(key);
        const at = await focused();
        if (at.id === testId) {
          expect({ testId, visible: at.visible }).toEqual({ testId, visible: true });
          return;
        }
      }
      throw new Error(`${testId} is not reached with Tab`);
    };
    await tabTo("paste-area");
    await page.keyboard.insertText(renderWordText(tables, 2026));
    await tabTo("import-read");
    await page.keyboard.press("Enter");
    await page.getByTestId("import-preview").waitFor();
    await tabTo("cell-0-1-lead");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("Phòng Tư pháp");
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("cell-0-1-lead").innerText()).toBe("Phòng Tư pháp");
    await tabTo("import-confirm");
    await page.keyboard.press("Enter");
    await page.getByTestId("message-success").waitFor();
    // The next step, from the step tabs: arrows move between them, Enter opens one.
    await tabTo("step-import", "Shift+Tab");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await tabTo("recompute");
    await page.keyboard.press("Enter");
    await page.getByTestId("status-tree").waitFor();
    expect(await page.getByTestId("status-summary").innerText()).toContain(
      `${tables[0]!.rows.length} nhiệm vụ`,
    );
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it("loads at most 500 KB of JavaScript for its first screen, the pane too; readers load when used", async () => {
    const pane = await serveDist(DIST, "taskpane.html");
    try {
      for (const url of [`${origin}/`, `${pane.origin}/taskpane.html`]) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.route("https://appsforoffice.microsoft.com/**", (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
        );
        const scripts: Promise<number>[] = [];
        page.on("response", (r) => {
          if (/\.m?js$/.test(new URL(r.url()).pathname) && !r.url().endsWith("/sw.js"))
            scripts.push(r.body().then((b) => b.length));
        });
        await page.goto(url, { waitUntil: "networkidle" });
        await page.getByTestId("step-tabs").waitFor();
        const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
        expect(bytes).toBeGreaterThan(50_000);
        expect(bytes).toBeLessThanOrEqual(500 * 1024);
        await context.close();
      }
    } finally {
      await new Promise((resolve) => pane.server.close(resolve));
    }
  });

  it("refuses a file that is not a workbook, naming it, and keeps the page usable", async () => {
    const { page } = await openWeb(800);
    const bad = join(dir, "bang-luong.xlsx");
    writeFileSync(bad, "không phải tệp Excel");
    await page.getByTestId("workbook-file").setInputFiles(bad);
    const error = await page.getByTestId("workbook-error").innerText();
    expect(error).toContain("bang-luong.xlsx");
    await page
      .getByTestId("workbook-file")
      .setInputFiles({ name: "ghi-chu.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    expect(await page.getByTestId("workbook-error").innerText()).toContain("ghi-chu.txt");
    await page.context().close();
  });
});
