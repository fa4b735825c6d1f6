/**
 * An appendix whose chart would fall across a page's foot, printed by LibreOffice from the .xlsx we
 * write: the chart starts a page of its own (its title and its legend on one page), the summary table
 * stays whole, and the table's header is never the last thing on a page.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppendixTable } from "../../src/core/report/report-document";
import { reportSheets } from "../../src/core/report/report-sheets";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { fixtureDocument } from "../fixtures/report-fixture";
import { convert, hasLibreOffice } from "./libreoffice";

jest.setTimeout(300_000);

const TITLE = "Kết quả thực hiện các chỉ tiêu";

function indicatorAppendix(n: number): AppendixTable {
  const summary: [string, number][] = [
    ["Vượt", 1],
    ["Đạt", 2],
    ["Không đạt", 0],
    ["Chưa có số liệu", n - 3],
  ];
  return {
    label: "Phụ lục IV",
    title: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    subtitle: "",
    columns: [
      { header: "TT", width: 5, align: "center" },
      { header: "Chỉ tiêu", width: 50 },
      { header: "Đơn vị tính", width: 10, align: "center" },
      { header: "Chỉ tiêu hiện hành", width: 12, align: "center" },
      { header: "Đánh giá", width: 12, align: "center" },
    ],
    rows: Array.from({ length: n }, (_, i) => [i + 1, `Tỷ lệ hồ sơ trực tuyến số ${i + 1}`, "%", "≥ 80", ""]),
    summary,
    chart: {
      data: {
        title: TITLE,
        categories: summary.map(([l]) => l),
        series: [{ name: "Số chỉ tiêu", values: summary.map(([, v]) => v), color: "#1E88E5" }],
        stacked: false,
      },
      categoryColumn: 1,
      valueColumns: [2],
      excludeLastRows: 0,
      fromSummary: true,
    },
  };
}

/** The appendix of n indicator rows printed by LibreOffice from our .xlsx: the text of each page. */
async function printed(n: number, breaks: boolean): Promise<string[]> {
  const sheet = reportSheets({ ...fixtureDocument(), appendices: [indicatorAppendix(n)] }, "BC")[1]!;
  const book = new XlsxWorkbook();
  await book.writeDocuments([breaks ? sheet : { ...sheet, pageBreaks: [] }]);
  const dir = mkdtempSync(join(tmpdir(), "appendix-pages-"));
  const path = join(dir, `pl-${n}.xlsx`);
  await book.save(path);
  const [pdf] = convert([path], "pdf", dir);
  return execFileSync("pdftotext", ["-layout", pdf!, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim());
}

/** Whether the chart (its title and legend) and the summary table are each whole on one page. */
function whole(pages: string[]): boolean {
  const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
  const title = pageOf(TITLE);
  return (
    title >= 0 && pages[title]!.includes("Số chỉ tiêu") && pageOf("Kết quả  ") === pageOf("Chưa có số liệu")
  );
}

it("keeps an appendix's chart and summary whole where the printed page would cut them", async () => {
  if (!hasLibreOffice()) throw new Error("LibreOffice is required: apt-get install libreoffice-calc");
  // A row count at which, without our breaks, LibreOffice cuts the chart or the summary.
  let cut = 0;
  for (let n = 4; n <= 40 && !cut; n += 2) if (!whole(await printed(n, false))) cut = n;
  expect(cut).toBeGreaterThan(0);
  const pages = await printed(cut, true);
  expect({ n: cut, whole: whole(pages) }).toEqual({ n: cut, whole: true });
  // No page ends on the table's header row.
  for (const p of pages) {
    const lines = p.split("\n").filter((l) => l.trim() && !/^\s*\d+\s*$/.test(l));
    expect(lines[lines.length - 1]).not.toMatch(/Chỉ tiêu hiện/);
  }
});
