/**
 * The periodic report end to end: a tracking workbook built and filled in by the test (statuses known
 * by construction), `plan report` through the compiled CLI, then the written workbook, .docx and .pdf
 * checked: figures, layout (fonts, sizes, merges, margins, orientation, print titles, page-number
 * header, sheet names), the .docx header block and sections, LibreOffice's recalculation, the PDF's
 * pages. Bad requests are refused by name.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { RECURRENCE_VI } from "../../src/core/deadlines/recurrence-labels";
import { TASK_COLUMNS, columnOf, settingAddress } from "../../src/core/sheets/workbook-layout";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { A, B, C, D, FIXTURE_PLAN, INDICATORS, TASKS, expectedTotals } from "../fixtures/report-fixture";
import { compareWithRecalc, convert, hasLibreOffice, recalculate, pdfToPng } from "./libreoffice";
import { gnumericVerdict } from "./gnumeric";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");
const OUT = join(ROOT, "test-output");
const dir = mkdtempSync(join(tmpdir(), "report-"));
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function fixtureWorkbook(path: string): Promise<void> {
  const port = new XlsxWorkbook();
  await writeTrackingWorkbook(port, FIXTURE_PLAN, { reportDate: "2025-10-14" });
  const ws = port.book.getWorksheet("Nhiệm vụ")!;
  const at = (key: string, row: number) => ws.getCell(`${columnOf(TASK_COLUMNS, key)}${row}`);
  TASKS.forEach((t, i) => {
    const r = i + 2;
    expect(at("recurrence", r).value ?? "").toBe(RECURRENCE_VI[t.recurrence]);
    if (t.progress !== undefined) at("progress", r).value = t.progress;
    if (t.completed) at("completed", r).value = utc(t.completed);
    if (t.updated) at("updated", r).value = utc(t.updated);
    if (t.difficulties) at("difficulties", r).value = t.difficulties;
  });
  const ind = port.book.getWorksheet("Chỉ tiêu")!;
  const header = (ind.getRow(1).values as unknown[]).map(String);
  INDICATORS.forEach((x, i) => {
    if (x.actual !== null) ind.getRow(i + 2).getCell(header.indexOf("Thực hiện")).value = x.actual;
  });
  const settings = port.book.getWorksheet("Thiết lập")!;
  settings.getCell(settingAddress("parentAgency")).value = "Ủy ban nhân dân huyện Bình Lư";
  settings.getCell(settingAddress("issuingAgency")).value = "Ủy ban nhân dân xã Bình Lư";
  settings.getCell(settingAddress("place")).value = "Bình Lư";
  settings.getCell(settingAddress("reportNumber")).value = 5;
  settings.getCell(settingAddress("signerName")).value = "Nguyễn Văn An";
  settings.getCell(settingAddress("recipients")).value = "UBND huyện\nCác phòng, ban";
  settings.getCell(settingAddress("planName")).value = "Kế hoạch số 12/KH-UBND";
  // What Excel does as the clerk types: the formulas' values follow (here: the update workflow).
  await writeTrackingWorkbook(port, FIXTURE_PLAN, { reportDate: "2025-10-14" });
  await port.save(path);
}

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

describe("plan report", () => {
  const book = join(dir, "so.xlsx");
  const out = join(dir, "bc.xlsx");
  const docx = join(dir, "bc.docx");
  const pdf = join(dir, "bc.pdf");
  let figures: {
    totals: Record<string, number>;
    units: { unit: string; light: string; total: number }[];
    indicators: Record<string, number>;
    period: Record<string, string>;
  };

  beforeAll(async () => {
    if (!hasLibreOffice())
      throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-writer");
    execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
    await fixtureWorkbook(book);
    const r = run(
      "report",
      book,
      "--period",
      "2025-10",
      "--out",
      out,
      "--docx",
      docx,
      "--pdf",
      pdf,
      "--json",
    );
    expect(r.stderr).toContain("BC T10-2025");
    expect(r.status).toBe(0);
    figures = JSON.parse(r.stdout);
  }, 240_000);

  it("prints the figures: the four buckets and the recurring split as the fixture constructs them", () => {
    expect(figures.period).toEqual({
      kind: "month",
      label: "Tháng 10/2025",
      from: "2025-09-15",
      to: "2025-10-14",
    });
    expect(figures.totals).toEqual(expectedTotals());
    expect(Object.fromEntries(figures.units.map((u) => [u.unit, u.light]))).toEqual({
      [A]: "Đỏ",
      [B]: "Đỏ",
      [C]: "Xanh",
      [D]: "Vàng",
    });
    expect(figures.indicators).toMatchObject({
      total: 6,
      withTarget: 5,
      exceeded: 1,
      met: 2,
      notMet: 1,
      noData: 1,
    });
  });

  it("writes the body and appendix sheets in the decree's layout, after the tracking sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Nhiệm vụ",
      "Chỉ tiêu",
      "Thiết lập",
      "BC T10-2025",
      "BC T10-2025 PL1",
      "BC T10-2025 PL2",
      "BC T10-2025 PL3",
      "BC T10-2025 PL4",
    ]);
    const body = wb.getWorksheet("BC T10-2025")!;
    const text = (addr: string) => String(body.getCell(addr).value ?? "");
    expect(text("A1")).toBe("ỦY BAN NHÂN DÂN HUYỆN BÌNH LƯ");
    expect(text("D1")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(body.getCell("D1").font).toMatchObject({ name: "Times New Roman", size: 13, bold: true });
    expect(text("D2")).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(body.getCell("D2").font).toMatchObject({ size: 14, bold: true });
    expect(text("A2")).toBe("ỦY BAN NHÂN DÂN XÃ BÌNH LƯ");
    expect(text("A4")).toBe("Số: 05/BC-UBND");
    expect(text("D4")).toBe("Bình Lư, ngày 14 tháng 10 năm 2025");
    expect(body.getCell("D4").font).toMatchObject({ italic: true, size: 14 });
    expect(text("A6")).toBe("BÁO CÁO");
    expect(text("A7")).toBe("Kết quả thực hiện Kế hoạch số 12/KH-UBND tháng 10 năm 2025");
    // Merged header cells; the rule under the motto.
    const merges = (body.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(["A1:C1", "D1:H1", "A6:H6"]));
    expect(body.getCell("E3").border?.top).toMatchObject({ style: "thin" });
    // A4 portrait, margins of the decree (top 20, left 30, right 15 mm), page numbers from page 2.
    expect(body.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(body.pageSetup.margins!.left).toBeCloseTo(30 / 25.4, 3);
    expect(body.pageSetup.margins!.right).toBeCloseTo(15 / 25.4, 3);
    expect(body.pageSetup.margins!.top).toBeCloseTo(20 / 25.4, 3);
    expect(body.headerFooter).toMatchObject({ differentFirst: true, oddHeader: "&C&P" });
    const all: string[] = [];
    body.eachRow((r) => r.eachCell((c) => all.push(String(c.value ?? ""))));
    expect(all).toEqual(
      expect.arrayContaining([
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
        "- Lưu: VT.",
        // The task by its text (no internal id in a document to sign), then the clerk's difficulty.
        `+ Nhiệm vụ "Nhiệm vụ mẫu số 4: ${TASKS[3]!.why}": Chưa được bố trí kinh phí.`,
      ]),
    );
    expect(all.join("\n")).toContain("03/05 chỉ tiêu đạt và vượt");
    const units = wb.getWorksheet("BC T10-2025 PL1")!;
    expect(units.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "5:5" });
    expect(units.getCell("A5").value).toBe("TT");
    expect(units.getCell("A5").border?.left).toMatchObject({ style: "thin" });
  });

  it("LibreOffice recalculates the report workbook with no error cell and no differing value", async () => {
    const [re] = recalculate([out]);
    const r = await compareWithRecalc(out, re!);
    expect(r.errors).toEqual([]);
    expect(r.differences).toEqual([]);
    // LibreOffice read the native charts and keeps them when it saves the workbook again.
    const resaved = await JSZip.loadAsync(readFileSync(re!));
    expect(Object.keys(resaved.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
  });

  it("Gnumeric recalculates the report workbook with no error cell and no differing value", async () => {
    expect(await gnumericVerdict(out)).toEqual({ errors: [], differences: [] });
  });

  it("adds native charts reading the appendix cells: status by unit (stacked) and indicator results", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chart1 = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart1).toContain('<c:grouping val="stacked"/>');
    expect(chart1).toContain("<c:f>'BC T10-2025 PL1'!$B$6:$B$9</c:f>");
    expect(chart1).toContain("<c:f>'BC T10-2025 PL1'!$D$6:$D$9</c:f>");
    expect(chart1).toContain("Đã hoàn thành đúng hạn");
    const chart2 = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(chart2).toContain("Kết quả thực hiện các chỉ tiêu");
    // LibreOffice draws them: their titles and legends are in the PDF of the workbook.
    const [wbPdf] = convert([out], "pdf");
    const text = execFileSync("pdftotext", [wbPdf!, "-"], { encoding: "utf8" });
    expect(text).toContain("Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì");
    expect(text).toContain("Kết quả thực hiện các chỉ tiêu");
  });

  it("writes a .docx with the header block, the sections, page numbers from page 2 and landscape appendices", async () => {
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const plain = xml.replace(/<[^>]+>/g, "");
    for (const t of [
      "ỦY BAN NHÂN DÂN HUYỆN BÌNH LƯ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 05/BC-UBND",
      "Bình Lư, ngày 14 tháng 10 năm 2025",
      "BÁO CÁO",
      "I. KẾT QUẢ THỰC HIỆN",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
      "Nơi nhận:",
      "Phụ lục IV",
    ])
      expect(plain).toContain(t);
    expect(xml).toContain("<w:titlePg/>");
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toMatch(/Times New Roman/);
    // The charts: bars as pictures, labels and legend as text.
    expect(
      Object.keys(zip.files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png")).length,
    ).toBeGreaterThan(4);
    expect(plain).toContain("Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì");
  });

  it("renders to PDF: portrait body, landscape appendices, no number on page 1, '2' atop page 2", () => {
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
      (m) => Number(m[1]) > Number(m[2]),
    );
    expect(sizes[0]).toBe(false);
    expect(sizes.at(-1)).toBe(true);
    const page = (n: number) =>
      execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], {
        encoding: "utf8",
      });
    expect(page(1).trim().split("\n")[0]).not.toMatch(/^\s*1\s*$/);
    expect(page(2).trim().split("\n")[0]).toMatch(/^\s*2\s*$/);
    mkdirSync(OUT, { recursive: true });
    pdfToPng(pdf, join(OUT, "report-fixture-page"), { first: 1, last: 1 });
  });

  it("refuses, by name, a workbook without the tracking sheets, an unknown unit, a period outside the plan", async () => {
    const other = join(dir, "khac.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Bảng lương";
    await wb.xlsx.writeFile(other);
    const noSheets = run("report", other, "--period", "2025-10", "--json");
    expect(noSheets.status).toBe(1);
    expect(noSheets.stderr).toContain('khac.xlsx không có trang "Nhiệm vụ"');
    const unit = run("report", book, "--period", "2025-10", "--unit", "Phòng Tài chính", "--json");
    expect(unit.status).toBe(1);
    expect(unit.stderr).toContain('Không có cơ quan chủ trì "Phòng Tài chính"');
    expect(unit.stderr).toContain(A);
    const before = run("report", book, "--period", "2024-05", "--json");
    expect(before.status).toBe(1);
    expect(before.stderr).toContain("trước năm kế hoạch 2025");
    const nine = run("report", book, "--period", "2025-10", "--kind", "nine-month", "--json");
    expect(nine.status).toBe(1);
    expect(nine.stderr).toContain("9 tháng");
    const kind = run("report", book, "--period", "2025-10", "--kind", "week");
    expect(kind.status).toBe(2);
  });

  it("never overwrites an earlier report: a second report of the same month gets its own sheets", async () => {
    const again = join(dir, "bc2.xlsx");
    expect(run("report", out, "--period", "2025-10", "--out", again).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["BC T10-2025", "BC T10-2025 (2)", "BC T10-2025 (2) PL4"]),
    );
  });
});
