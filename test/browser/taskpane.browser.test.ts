import type { Server } from "node:http";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TASK_COLUMNS, columnOf, indexOf, settingAddress } from "../../src/core/sheets/workbook-layout";
import type { Browser, Page } from "playwright-core";
import {
  renderDelimited,
  renderGrid,
  renderHtml,
  renderPdfText,
  renderWordText,
  syntheticTables,
} from "../fixtures/synthetic-plan";
import { taskStatus } from "../../src/core/status/task-status";
import { randomPlan } from "../corpus/random-plan";
import { planXlsx } from "../corpus/render-plan";
import { isoToSerial } from "../../src/core/excel-dates";
import {
  doubleScript,
  ensureBuilt,
  launch,
  openPane,
  screenshotPath,
  serveDist,
  type PaneProblems,
} from "./harness";

jest.setTimeout(120_000);

let server: Server;
let origin: string;
let browser: Browser;
let script: string;

beforeAll(async () => {
  ensureBuilt();
  ({ server, origin } = await serveDist());
  script = await doubleScript();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function excelDouble<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const book = window.__excelDouble; ${fn} })()`) as Promise<T>;
}

/** A synthetic plan of one table pasted and imported into the workbook: its tables. */
async function importPlan(page: Page, seed: number, rows: number) {
  const tables = syntheticTables({
    seed,
    planYear: 2026,
    tables: 1,
    rowsPerTable: rows,
    withSections: false,
    withOutput: true,
    withNote: false,
  });
  await page.getByTestId("paste-area").fill(renderWordText(tables, 2026));
  await page.getByTestId("import-read").click();
  await page.getByTestId("import-confirm").click();
  await page.getByTestId("message-success").waitFor();
  return tables;
}

/** A synthetic plan pasted, imported, and split for October 2026 in the Tổng hợp step: the .zip. */
async function importAndSplit(page: Page, seed: number, rows: number) {
  await importPlan(page, seed, rows);
  await page.getByTestId("step-merge").click();
  await page.getByTestId("merge-period").fill("10/2026");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("merge-split").click(),
  ]);
  return download;
}

function expectClean(problems: PaneProblems) {
  expect(problems.page).toEqual([]);
  expect(problems.console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
}

const col = (key: string) => indexOf(TASK_COLUMNS, key);
const letter = (key: string) => columnOf(TASK_COLUMNS, key);

describe("task pane in headless Chromium", () => {
  it("opens in Vietnamese with the four steps, registers the KH functions and fits 320 px", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page.getByRole("heading", { name: "Theo dõi Kế hoạch" }).waitFor();
    const tabs = await page.getByTestId("step-tabs").getByRole("tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual([
      "1. Nhập kế hoạch",
      "2. Theo dõi",
      "3. Báo cáo",
      "4. Tổng hợp",
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await excelDouble<string[]>(page, "return [...book.registeredFunctions.keys()];")).toEqual(
      expect.arrayContaining(["PHIENBAN", "TRANGTHAI", "DANHGIA", "KYBAOCAO"]),
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("tab", { name: "3. Báo cáo" }).click();
    await page.getByTestId("panel-report").waitFor();
    expect(await page.getByTestId("panel-report").innerText()).toContain("Nghị định 30/2020/NĐ-CP");
    await page.screenshot({ path: screenshotPath("taskpane-vi.png"), fullPage: true });
    expectClean(problems);
    await page.context().close();
  });

  it("switches to English and back, keeping the choice", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page.getByTestId("language").selectOption("en");
    await page.getByRole("heading", { name: "Plan Tracker" }).waitFor();
    const tabs = await page.getByTestId("step-tabs").getByRole("tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(["1. Import plan", "2. Track", "3. Report", "4. Merge"]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.screenshot({ path: screenshotPath("taskpane-en.png"), fullPage: true });

    await page.reload();
    await page.getByRole("heading", { name: "Plan Tracker" }).waitFor();
    await page.getByTestId("language").selectOption("vi");
    await page.getByRole("heading", { name: "Theo dõi Kế hoạch" }).waitFor();
    expectClean(problems);
    await page.context().close();
  });

  it("reads a chosen .csv file into the preview", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 31,
      planYear: 2027,
      tables: 1,
      rowsPerTable: 5,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const csv = renderDelimited(renderGrid(tables, 2027), ",", "\r\n");
    await page.getByTestId("source-file").click();
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "ke-hoach.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByTestId("plan-year").fill("2027");
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toContain("Đọc được 1 bảng, 5 dòng");
    expectClean(problems);
    await page.context().close();
  });

  it("reads a .pdf (pdf.js in its worker, tables from the cell borders) and a workbook with one sheet per appendix", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 32,
      planYear: 2026,
      tables: 2,
      rowsPerTable: 14,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    // A bordered table over several pages, printed by Chromium itself.
    const printer = await browser.newPage();
    await printer.setContent(renderHtml(tables, 2026));
    const pdf = await printer.pdf({ format: "A4", landscape: true });
    await printer.close();
    await page.getByTestId("source-file").click();
    await page
      .getByTestId("file-input")
      .setInputFiles({ name: "ke-hoach.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toContain("Đọc được 2 bảng, 28 dòng");
    // A generated plan pasted into Excel, one sheet per appendix.
    const plan = randomPlan(7);
    const rows = plan.gold.tables.reduce((n, t) => n + t.rows.length, 0);
    await page.getByTestId("file-input").setInputFiles({
      name: "ke-hoach.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await planXlsx(plan, "sheets")),
    });
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    await page
      .getByText(`Đọc được ${plan.gold.tables.length} bảng, ${rows} dòng`)
      .waitFor({ timeout: 10_000 });
    expectClean(problems);
    await page.context().close();
  });

  it("shows markup from a file's text as text: no script runs, nothing is injected into the page", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 6,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 3,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const hostile = [
      '<img src=x onerror="window.__khPwned=1">',
      "<script>window.__khPwned=2</script>",
      '=HYPERLINK("http://example.invalid","x")',
    ];
    tables[0]!.rows.forEach((row, i) => (row.task = `${hostile[i]} ${row.task}`));
    await page.getByTestId("paste-area").fill(renderWordText(tables, 2026));
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    const preview = await page.getByTestId("preview-table-0").innerText();
    for (const h of hostile) expect(preview).toContain(h);
    expect(
      await page.evaluate(() => (window as unknown as { __khPwned?: number }).__khPwned),
    ).toBeUndefined();
    expect(
      await page
        .locator('[data-testid="preview-table-0"] img, [data-testid="preview-table-0"] script')
        .count(),
    ).toBe(0);
    expectClean(problems);
    await page.context().close();
  });

  it("imports pasted Word text: preview, a fixed cell, sheets written", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 5,
      planYear: 2026,
      tables: 2,
      rowsPerTable: 6,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    await page.getByTestId("paste-area").fill(renderWordText(tables, 2026));
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("import-summary").innerText()).toContain("Đọc được 2 bảng, 12 dòng");
    expect(await page.locator('[data-testid="preview-table-0"] tbody tr').count()).toBe(6);
    expect(await page.getByTestId("cell-0-1-lead").innerText()).toBe(tables[0]!.rows[1]!.lead.join("; "));
    await page.screenshot({ path: screenshotPath("import-preview.png"), fullPage: true });

    // The clerk fixes a cell, then confirms.
    await page.getByTestId("cell-0-1-lead").click();
    await page.getByTestId("cell-0-1-lead-input").fill("Phòng Tư pháp; Công an xã");
    await page.getByTestId("cell-0-1-lead-input").press("Enter");
    expect(await page.getByTestId("cell-0-1-lead").innerText()).toBe("Phòng Tư pháp; Công an xã");
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("message-success").waitFor();
    expect(await page.getByTestId("message-success").innerText()).toContain("Nhiệm vụ");
    const written = await excelDouble<{ names: string[]; lead: unknown; task: unknown; rows: number }>(
      page,
      `const s = book.sheet("Nhiệm vụ"); return { names: book.sheets.map((x) => x.name), lead: s.peek(2, ${col("lead")})?.value, task: s.peek(1, ${col("task")})?.value, rows: s.usedArea().rowCount };`,
    );
    expect(written.names).toEqual(["Nhiệm vụ", "Chỉ tiêu", "Thiết lập"]);
    expect(written.lead).toBe("Phòng Tư pháp; Công an xã");
    expect(written.task).toBe(tables[0]!.rows[0]!.task);
    expect(written.rows).toBe(13);

    // Step 2: counts per status at a report date, and a jump to the overdue tasks. The import's
    // notice stays on its own step.
    await page.getByTestId("step-track").click();
    expect(await page.getByTestId("message-success").count()).toBe(0);
    // Dates are shown and typed as dd/mm/yyyy whatever the browser's language.
    expect(await page.getByTestId("report-date").inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.getByTestId("report-date").fill("12/31/2028");
    await page.getByText("Ghi ngày dạng dd/mm/yyyy, ví dụ 14/10/2025.").waitFor();
    await page.getByTestId("report-date").fill("31/12/2028");
    await page.getByTestId("recompute").click();
    await page.getByTestId("status-summary").waitFor();
    const all = tables.flatMap((t) => t.rows);
    const overdue = all.filter(
      (r) =>
        taskStatus({ ...r, completedOn: null, progress: null, reportDate: "2028-12-31" }).status ===
        "overdue",
    );
    expect(await page.getByTestId("count-overdue").innerText()).toContain(String(overdue.length));
    // One story: "Chưa hoàn thành trong hạn" is the sum of its three parts, shown indented under it.
    const part = async (s: string) =>
      Number(/(\d+)\s*$/.exec(await page.getByTestId(`count-${s}`).innerText())![1]);
    const inTime = all.filter((r) =>
      ["in-progress", "not-started", "due-soon"].includes(
        taskStatus({ ...r, completedOn: null, progress: null, reportDate: "2028-12-31" }).status,
      ),
    ).length;
    expect(Number(await page.getByTestId("total-in-progress").innerText())).toBe(inTime);
    expect((await part("in-progress")) + (await part("not-started")) + (await part("due-soon"))).toBe(inTime);
    expect(
      await page
        .locator('[data-testid="bucket-in-progress"] ul li:not([data-testid="count-no-deadline"])')
        .count(),
    ).toBe(3);
    expect(await page.getByTestId("status-summary").innerText()).toContain(
      `${all.length} nhiệm vụ, tính đến ngày 31/12/2028`,
    );
    expect(await excelDouble(page, `const s = book.sheet("Thiết lập"); return s.peek(1, 1)?.value;`)).toBe(
      isoToSerial("2028-12-31"),
    );
    // Why: each overdue task with its due date and the date compared.
    if (overdue.length)
      expect(await page.getByTestId("overdue-reasons").innerText()).toMatch(
        /Hạn \d\d\/\d\d\/\d{4}, ngày báo cáo 31\/12\/2028: quá hạn \d+ ngày\./,
      );
    await page.screenshot({ path: screenshotPath("track-step.png"), fullPage: true });
    if (overdue.length) {
      await page.getByTestId("jump-overdue").click();
      await page.waitForFunction(
        () =>
          (window as unknown as { __excelDouble: { selection: unknown } }).__excelDouble.selection !== null,
      );
      const selected = await excelDouble<{ sheet: string; row: number }>(
        page,
        `return { sheet: book.selection.sheet, row: book.selection.address.row };`,
      );
      expect(selected.sheet).toBe("Nhiệm vụ");
      expect(all[selected.row - 1]!.task).toBe(overdue[0]!.task);
    }
    expectClean(problems);
    await page.context().close();
  });

  it("offers generic lead names for merging into one unit, and merges them when the clerk accepts", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 5,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 6,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const rows = tables[0]!.rows;
    rows[0] = { ...rows[0]!, lead: ["Phòng, ban ngành"] };
    rows[1] = { ...rows[1]!, lead: ["Phòng, ban ngành, đơn vị"] };
    rows[2] = { ...rows[2]!, lead: ["Phòng, ban ngành"] };
    await page.getByTestId("paste-area").fill(renderWordText(tables, 2026));
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    const offer = page.getByTestId("unit-suggestion-generic");
    expect(await offer.innerText()).toContain("Phòng, ban ngành, đơn vị");
    expect(await page.getByTestId("unit-merge-into").inputValue()).toBe("Phòng, ban ngành");
    await page.getByTestId("unit-merge").click();
    expect(await page.getByTestId("unit-suggestions").count()).toBe(0);
    expect(await page.getByTestId("cell-0-1-lead").innerText()).toBe("Phòng, ban ngành");
    expectClean(problems);
    await page.context().close();
  });

  it("re-importing a revised plan keeps what clerks typed, in the same sheets", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = await importPlan(page, 6, 5);
    // Clerks fill in the sheets.
    await excelDouble(
      page,
      `book.seed("Nhiệm vụ", "${letter("progress")}2", [[80]]); book.seed("Nhiệm vụ", "${letter("result")}2", [["Đã triển khai"]]); book.seed("Thiết lập", "${settingAddress("parentAgency")}", [["UBND xã A"]]);`,
    );
    const revised = structuredClone(tables);
    revised[0]!.rows[1]!.task = `${revised[0]!.rows[1]!.task} (sửa đổi)`;
    await page.getByTestId("paste-area").fill(renderWordText(revised, 2026));
    await page.getByTestId("import-read").click();
    await page
      .getByTestId("message-success")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    await page.getByTestId("import-confirm").click();
    await page.getByText("Đã cập nhật sổ theo dõi").waitFor();
    expect(await page.getByTestId("message-success").innerText()).toContain(
      "0 mục mới, 1 mục sửa đổi, 0 mục đã bỏ",
    );
    const after = await excelDouble<{
      names: string[];
      progress: unknown;
      result: unknown;
      org: unknown;
      task: unknown;
    }>(
      page,
      `const s = book.sheet("Nhiệm vụ"); return { names: book.sheets.map((x) => x.name), progress: s.peek(1, ${col("progress")})?.value, result: s.peek(1, ${col("result")})?.value, org: book.sheet("Thiết lập").peek(6, 1)?.value, task: s.peek(2, ${col("task")})?.value };`,
    );
    expect(after.names).toEqual(["Nhiệm vụ", "Chỉ tiêu", "Thiết lập"]);
    expect(after.progress).toBe(80);
    expect(after.result).toBe("Đã triển khai");
    expect(after.org).toBe("UBND xã A");
    expect(after.task).toBe(revised[0]!.rows[1]!.task);
    expectClean(problems);
    await page.context().close();
  });

  it("writes the periodic report: preview of the counts, the report sheets, the .docx download", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await importPlan(page, 12, 8);
    await page.getByTestId("step-report").click();
    await page.getByTestId("report-period").fill("10/2026");
    await page.getByTestId("report-preview").click();
    await page.getByTestId("report-summary").waitFor();
    expect(await page.getByTestId("report-summary").innerText()).toContain(
      "Tháng 10/2026: số liệu từ 15/09/2026 đến 14/10/2026",
    );
    expect(await page.getByTestId("report-total").innerText()).toContain("8");
    await page.getByTestId("report-number").fill("7");
    await page.screenshot({ path: screenshotPath("report-step.png"), fullPage: true });
    await page.getByTestId("report-write").click();
    // Blank header fields are named before anything is written; a second click writes anyway.
    const warning = await page.getByTestId("message-warning").innerText();
    expect(warning).toContain("Báo cáo còn trống");
    expect(warning).toContain("Người ký");
    expect(warning).not.toContain("Số báo cáo");
    await page.getByTestId("report-write").click();
    await page.getByText("Đã ghi báo cáo vào các trang").waitFor();
    const written = await excelDouble<{ names: string[]; number: unknown; charts: number }>(
      page,
      `return { names: book.sheets.map((s) => s.name), number: book.sheet("BC T10-2026").peek(3, 0)?.value, charts: book.sheet("BC T10-2026 PL1").charts.length + book.sheet("BC T10-2026 PL4").charts.length };`,
    );
    expect(written.charts).toBe(2);
    expect(written.names).toEqual(expect.arrayContaining(["BC T10-2026", "BC T10-2026 PL4"]));
    expect(written.number).toBe("Số: 07/BC-UBND");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-docx").click(),
    ]);
    expect(download.suggestedFilename()).toBe("BC T10-2026.docx");
    const path = await download.path();
    const bytes = require("node:fs").readFileSync(path) as Buffer;
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expectClean(problems);
    await page.context().close();
  });

  it("splits into unit workbooks (.zip), merges one back with a preview, and undoes it", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const download = await importAndSplit(page, 14, 6);
    expect(download.suggestedFilename()).toBe("so-don-vi-2026-10.zip");
    const zip = await JSZip.loadAsync(require("node:fs").readFileSync(await download.path()));
    const names = Object.keys(zip.files);
    expect(names.length).toBeGreaterThan(0);
    // A unit's clerk fills in progress for its first task, in Excel (here exceljs) ...
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file(names[0]!)!.async("uint8array")) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const id = String(ws.getCell(`${letter("id")}2`).value);
    ws.getCell(`${letter("progress")}2`).value = 45;
    const returned = join(mkdtempSync(join(tmpdir(), "tra-ve-")), names[0]!);
    await book.xlsx.writeFile(returned);
    const notXlsx = join(mkdtempSync(join(tmpdir(), "loi-")), "bang-luong.xlsx");
    require("node:fs").writeFileSync(notXlsx, "không phải tệp Excel");
    // ... and the secretariat merges it, with a bad file beside it.
    await page.getByTestId("merge-files").setInputFiles([returned, notXlsx]);
    await page.getByTestId("merge-preview").click();
    await page.getByTestId("merge-verdicts").waitFor();
    expect(
      await page.locator('[data-testid="merge-verdicts"] > li[data-status="accepted"]').innerText(),
    ).toContain("1 giá trị");
    expect(
      await page.locator('[data-testid="merge-verdicts"] > li[data-status="refused"]').innerText(),
    ).toContain("bang-luong.xlsx không phải tệp Excel .xlsx");
    const rowOf = `const s = book.sheet("Nhiệm vụ"); const r = [...Array(50).keys()].find((i) => s.peek(i, ${col("id")})?.value === ${JSON.stringify(id)});`;
    expect(await excelDouble(page, `${rowOf} return s.peek(r, ${col("progress")})?.value ?? "";`)).toBe("");
    await page.getByTestId("merge-apply").click();
    await page.getByText("Đã tổng hợp 1 giá trị").waitFor();
    expect(await excelDouble(page, `${rowOf} return s.peek(r, ${col("progress")})?.value;`)).toBe(45);
    expect(await excelDouble<string[]>(page, "return book.sheets.map((s) => s.name);")).toEqual(
      expect.arrayContaining(["Lịch sử", "Tổng hợp"]),
    );
    await page.screenshot({ path: screenshotPath("merge-step.png"), fullPage: true });
    await page.getByTestId("merge-undo").click();
    await page.getByText("Đã hoàn tác: khôi phục 1 giá trị").waitFor();
    expect(await excelDouble(page, `${rowOf} return s.peek(r, ${col("progress")})?.value ?? "";`)).toBe("");
    expectClean(problems);
    await page.context().close();
  });

  it("keeps a conflict's two values and takes the unit's with one action", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const download = await importAndSplit(page, 15, 5);
    const zip = await JSZip.loadAsync(require("node:fs").readFileSync(await download.path()));
    const name = Object.keys(zip.files)[0]!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file(name)!.async("uint8array")) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const id = String(ws.getCell(`${letter("id")}2`).value);
    ws.getCell(`${letter("progress")}2`).value = 45;
    const returned = join(mkdtempSync(join(tmpdir(), "xung-dot-")), name);
    await book.xlsx.writeFile(returned);
    // The secretariat typed 60 for the same task in the open master after the split.
    const rowOf = `const s = book.sheet("Nhiệm vụ"); const r = [...Array(50).keys()].find((i) => s.peek(i, ${col("id")})?.value === ${JSON.stringify(id)});`;
    await excelDouble(page, `${rowOf} s.cell(r, ${col("progress")}).value = 60; return true;`);
    await page.getByTestId("merge-files").setInputFiles([returned]);
    await page.getByTestId("merge-preview").click();
    await page.getByTestId("merge-verdicts").waitFor();
    expect(
      await page.locator('[data-testid="merge-verdicts"] li[data-kind="conflict"]').innerText(),
    ).toContain(`${id}, Tiến độ (%): 60 ≠ 45`);
    await page.getByTestId("merge-apply").click();
    await page.getByText("Đã tổng hợp 0 giá trị").waitFor();
    expect(await excelDouble(page, `${rowOf} return s.peek(r, ${col("progress")})?.value;`)).toBe(60);
    await page.getByTestId("merge-take-unit").click();
    await page.getByText("Đã lấy 1 giá trị của đơn vị").waitFor();
    expect(await excelDouble(page, `${rowOf} return s.peek(r, ${col("progress")})?.value;`)).toBe(45);
    await page.screenshot({ path: screenshotPath("merge-conflict.png"), fullPage: true });
    expectClean(problems);
    await page.context().close();
  });

  it("highlights table lines it could not place", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    const tables = syntheticTables({
      seed: 8,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 6,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const lines = renderPdfText(tables, 2026, { seed: 8, pageNumbers: false, repeatHeader: false }).split(
      "\n",
    );
    // Lose a row number right after a section heading: its row cannot be placed.
    const heading = lines.findIndex((l, i) => i > 20 && /^[IVX]+\. /.test(l));
    const number = lines.findIndex((l, i) => i > heading && /^\d+$/.test(l));
    lines.splice(number, 1);
    await page.getByTestId("paste-area").fill(lines.join("\n"));
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-unplaced").waitFor();
    expect(await page.getByTestId("import-unplaced").locator("li").count()).toBeGreaterThan(0);
    expectClean(problems);
    await page.context().close();
  });

  it("refuses text in a legacy encoding with a Vietnamese message", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page
      .getByTestId("paste-area")
      .fill("KÕ ho¹ch thùc hiÖn nhiÖm vô chuyÓn ®æi sè n¨m 2025 cña Uû ban nh©n d©n x·");
    await page.getByTestId("import-read").click();
    await page.getByTestId("message-error").waitFor();
    expect(await page.getByTestId("message-error").innerText()).toContain("bảng mã cũ TCVN3");
    expectClean(problems);
    await page.context().close();
  });

  it("reads the selected range, and says so when nothing is selected", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page.getByTestId("source-selection").click();
    await page.getByTestId("import-read").click();
    await page.getByTestId("message-error").waitFor();
    expect(await page.getByTestId("message-error").innerText()).toContain("Chưa chọn vùng dữ liệu nào");

    await excelDouble(
      page,
      `book.seed("Bảng dán", "B2", [["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"], ["1", "Rà soát thủ tục", "Phòng Tư pháp", "", "Tháng 9/2026"]]); book.select("Bảng dán", "B2:F3");`,
    );
    await page.getByTestId("import-read").click();
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("cell-0-0-deadlineText").innerText()).toBe("Tháng 9/2026");
    expectClean(problems);
    await page.context().close();
  });

  it("shows progress while a job runs and cancels it", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await excelDouble(
      page,
      `book.seed("S", "A1", [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Tiến độ"]]); book.select("S", "A1:E1"); book.latencyMs = 1500;`,
    );
    await page.getByTestId("source-selection").click();
    await page.getByTestId("import-read").click();
    await page.getByTestId("progress-panel").waitFor();
    expect(await page.getByRole("progressbar").count()).toBe(1);
    await page.getByTestId("cancel-job").click();
    const info = page.getByTestId("message-info");
    await info.waitFor({ timeout: 10_000 });
    expect(await info.innerText()).toContain("Đã hủy");
    expect(await page.getByTestId("progress-panel").count()).toBe(0);
    expectClean(problems);
    await page.context().close();
  });
});
