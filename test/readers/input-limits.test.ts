/**
 * Limits checked before work starts: each crossed by a file built for it, refused with a message
 * that names the file and the limit; and a document with nothing to import is refused, not imported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { blankPdf } from "../fixtures/blank-pdf";
import { refusalOf } from "../fixtures/refusal";
import {
  MAX_CELL_CHARS,
  MAX_TEXT_CHARS,
  MAX_PDF_PAGES,
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
} from "../../src/readers/input-limits";
import { checkZip } from "../../src/readers/zip-limits";

const ROOT = join(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "limits-"));
const parse = (file: string) =>
  spawnSync(TSX, [join(ROOT, "src/cli/main.ts"), "parse", file], { encoding: "utf8" });

/** A zip whose directory says its one entry inflates to `size` bytes (what a zip bomb's says). */
async function bomb(size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>".repeat(50));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < bytes.length - 4; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true); // local header: uncompressed size
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true); // central directory: uncompressed size
  }
  return bytes;
}

describe("input limits", () => {
  it("refuses a .docx that inflates past the limit before inflating it, naming file and limit", async () => {
    const bytes = await bomb(MAX_UNCOMPRESSED_BYTES + 1024 * 1024);
    expect(await refusalOf(checkZip(bytes, "bom.docx"))).toMatchObject({
      vi: expect.stringMatching(/bom\.docx khi giải nén lớn \d+ MB, vượt giới hạn 200 MB/),
      en: expect.stringContaining("over the 200 MB limit"),
    });
    const file = join(dir, "bom.docx");
    writeFileSync(file, bytes);
    const r = parse(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("vượt giới hạn 200 MB");
  });

  it("refuses a zip with more entries than the limit", async () => {
    const zip = new JSZip();
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) zip.file(`x/${i}.xml`, "");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect((await refusalOf(checkZip(bytes, "nhieu.xlsx"))).vi).toContain(`vượt giới hạn ${MAX_ZIP_ENTRIES}`);
  });

  it("refuses an empty file and a text with no plan table and no target, with exit code 1", () => {
    const empty = join(dir, "rong.txt");
    writeFileSync(empty, "");
    const r = parse(empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "rong.txt không có bảng nhiệm vụ, bảng chỉ tiêu hay chỉ tiêu nào đọc được (tệp rỗng)",
    );
    expect(r.stderr).toContain("holds no task table");
    const prose = join(dir, "van-ban.txt");
    writeFileSync(prose, "Kính gửi các đồng chí.\nĐề nghị các đơn vị tham dự cuộc họp.\n");
    expect(parse(prose).status).toBe(1);
  });

  it("refuses a PDF with more pages than the limit, naming the file and the limit", () => {
    const file = join(dir, "dai.pdf");
    writeFileSync(file, blankPdf(MAX_PDF_PAGES + 1));
    const r = parse(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`dai.pdf có ${MAX_PDF_PAGES + 1} trang, vượt giới hạn ${MAX_PDF_PAGES} trang`);
    expect(r.stderr).toContain(`over the ${MAX_PDF_PAGES}-page limit`);
  });

  it("refuses a sheet whose used range is over the cell limit, naming the sheet", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Bảng lớn");
    ws.getCell("A1").value = "TT";
    // Two cells far apart: a used range of 100,000 rows × 26 columns.
    ws.getCell("Z100000").value = "x";
    const file = join(dir, "rong-lon.xlsx");
    await book.xlsx.writeFile(file);
    const r = parse(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'Trang tính "Bảng lớn" của tệp rong-lon.xlsx có vùng dữ liệu 100000 dòng × 26 cột',
    );
  });

  it("refuses a text longer than the text limit, file or paste, before reading it", async () => {
    const line = "1\tTriển khai nhiệm vụ chuyển đổi số\tSở Thông tin và Truyền thông\tQuý IV/2026\n";
    const text = `KẾ HOẠCH\nTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n${line.repeat(Math.ceil(MAX_TEXT_CHARS / line.length) + 1)}`;
    const txt = join(dir, "van-ban-dai.txt");
    writeFileSync(txt, text);
    const started = Date.now();
    const r = parse(txt);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Tệp van-ban-dai.txt có");
    expect(r.stderr).toContain(`vượt giới hạn ${MAX_TEXT_CHARS.toLocaleString("vi-VN")} ký tự`);
    expect(r.stderr).toContain(`over the ${MAX_TEXT_CHARS.toLocaleString("en-US")}-character limit`);
    expect(Date.now() - started).toBeLessThan(30_000);
    const { readPasted } = await import("../../src/taskpane/import/read-source");
    expect((await refusalOf(() => readPasted(text))).vi).toMatch(/văn bản dán.*vượt giới hạn/);
  }, 60_000);

  it("refuses a cell or a line longer than Excel's cell limit, naming where it is", () => {
    const csv = join(dir, "o-dai.csv");
    writeFileSync(csv, `TT,Nội dung nhiệm vụ,Cơ quan chủ trì\n1,${"x".repeat(MAX_CELL_CHARS + 1)},Sở Y tế\n`);
    const r = parse(csv);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `o-dai.csv, dòng 2, cột 2: ô dài ${(MAX_CELL_CHARS + 1).toLocaleString("vi-VN")} ký tự`,
    );
    const txt = join(dir, "dong-dai.txt");
    writeFileSync(txt, `KẾ HOẠCH\nTT Nội dung\n${"y ".repeat(MAX_CELL_CHARS)}\n`);
    const t = parse(txt);
    expect(t.status).toBe(1);
    expect(t.stderr).toContain("dong-dai.txt, dòng 3: dài");
  });
});
