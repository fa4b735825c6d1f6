/**
 * A real PDF, printed by Chromium from an HTML rendering of a synthetic plan (bordered table, header
 * repeated on every page, page numbers in the footer), read back through the CLI with pdfjs-dist.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { renderHtml, syntheticTables } from "../fixtures/synthetic-plan";
import { launch, ROOT } from "./harness";

jest.setTimeout(120_000);

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), "kh-pdf-"));
const TSX = join(ROOT, "node_modules/.bin/tsx");

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function printPdf(html: string, path: string): Promise<void> {
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({
    format: "A4",
    landscape: true,
    margin: { top: "20mm", bottom: "20mm", left: "30mm", right: "15mm" },
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate:
      '<div style="font-size:9pt;width:100%;text-align:center"><span class="pageNumber"></span></div>',
  });
  writeFileSync(path, pdf);
  await page.close();
}

describe(".pdf reader (pdfjs-dist, positions)", () => {
  it.each([41, 42, 43])("reads synthetic plan %i printed to PDF over several pages", async (seed) => {
    const planYear = 2026;
    const tables = syntheticTables({
      seed,
      planYear,
      tables: 1 + (seed % 2),
      rowsPerTable: 16,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const path = join(dir, `plan-${seed}.pdf`);
    await printPdf(
      renderHtml(tables, planYear, ["Đến năm 2030, có ≥ 85% hồ sơ được xử lý trực tuyến."]),
      path,
    );
    const json = execFileSync(
      TSX,
      [join(ROOT, "src/cli/main.ts"), "parse", path, "--json", "--plan-year", String(planYear)],
      {
        encoding: "utf8",
      },
    );
    const plan = JSON.parse(json);
    expect(plan.tables).toEqual(tables);
    expect(
      plan.targets.map((t: { comparator: string; value: number; year: number }) => [
        t.comparator,
        t.value,
        t.year,
      ]),
    ).toEqual([[">=", 85, 2030]]);
  });

  it("reads the text extracted from such a PDF (content order, as a copy gives it)", async () => {
    const planYear = 2026;
    const tables = syntheticTables({
      seed: 44,
      planYear,
      tables: 1,
      rowsPerTable: 16,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const pdf = join(dir, "plan-44.pdf");
    const txt = join(dir, "plan-44.txt");
    await printPdf(renderHtml(tables, planYear), pdf);
    execFileSync("node", [join(ROOT, "test/fixtures/pdf-to-text.mjs"), pdf, txt], { cwd: ROOT });
    const json = execFileSync(
      TSX,
      [join(ROOT, "src/cli/main.ts"), "parse", txt, "--json", "--plan-year", String(planYear)],
      {
        encoding: "utf8",
      },
    );
    const got = JSON.parse(json).tables as { rows: Record<string, unknown>[] }[];
    expect(got.map((t) => t.rows.length)).toEqual(tables.map((t) => t.rows.length));
    let right = 0;
    let all = 0;
    tables.forEach((t, ti) =>
      t.rows.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) {
          all++;
          if (JSON.stringify(got[ti]?.rows[i]?.[k]) === JSON.stringify(v)) right++;
        }
      }),
    );
    // Without the empty-cell markers a viewer's copy has, some empty cells are merged into their
    // neighbours: measured ~0.9 of fields right; the floor guards against regressions.
    expect(right / all).toBeGreaterThanOrEqual(0.85);
  });

  it("refuses a damaged PDF with exit code 1 and a message naming the file", () => {
    const path = join(dir, "hong.pdf");
    writeFileSync(path, "%PDF-1.4 not really");
    const r = spawnSync(TSX, [join(ROOT, "src/cli/main.ts"), "parse", path, "--json"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("hong.pdf");
    expect(r.stdout).toBe("");
  });
});
