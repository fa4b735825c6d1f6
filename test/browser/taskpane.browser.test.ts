import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
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

function expectClean(problems: PaneProblems) {
  expect(problems.page).toEqual([]);
  expect(problems.console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
}

describe("task pane in headless Chromium", () => {
  it("opens in Vietnamese with the four steps, registers the KH functions and fits 320 px", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page.getByRole("heading", { name: "Theo dõi Kế hoạch" }).waitFor();
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual([
      "1. Nhập kế hoạch",
      "2. Theo dõi",
      "3. Báo cáo",
      "4. Tổng hợp",
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await excelDouble<string[]>(page, "return [...book.registeredFunctions.keys()];")).toContain(
      "PHIENBAN",
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
    await page.getByTestId("language").click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("heading", { name: "Plan Tracker" }).waitFor();
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(["1. Import plan", "2. Track", "3. Report", "4. Merge"]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.screenshot({ path: screenshotPath("taskpane-en.png"), fullPage: true });

    await page.reload();
    await page.getByRole("heading", { name: "Plan Tracker" }).waitFor();
    await page.getByTestId("language").click();
    await page.getByRole("option", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Theo dõi Kế hoạch" }).waitFor();
    expectClean(problems);
    await page.context().close();
  });

  it("reads the selected range through the adapter and reports it", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await excelDouble(
      page,
      `book.seed("Bảng dán", "A1", [["TT", "Nội dung nhiệm vụ"], [1, "Triển khai"], [2, "Báo cáo"]]); book.select("Bảng dán", "A1:B3");`,
    );
    await page.getByTestId("read-selection").click();
    const message = page.getByTestId("message-success");
    await message.waitFor();
    expect(await message.innerText()).toContain("Đã đọc 3 dòng × 2 cột");
    expectClean(problems);
    await page.context().close();
  });

  it("shows a Vietnamese error when nothing is selected", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await page.getByTestId("read-selection").click();
    const error = page.getByTestId("message-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("Chưa chọn vùng dữ liệu nào");
    expectClean(problems);
    await page.context().close();
  });

  it("shows progress while a job runs and cancels it", async () => {
    const { page, problems } = await openPane(browser, origin, script);
    await excelDouble(page, `book.seed("S", "A1", [[1]]); book.select("S", "A1"); book.latencyMs = 1500;`);
    await page.getByTestId("read-selection").click();
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
