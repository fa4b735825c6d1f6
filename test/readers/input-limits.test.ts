/**
 * Limits checked before work starts: each crossed by a file built for it, refused with a message
 * that names the file and the limit; and a document with nothing to import is refused, not imported.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, checkZip } from "../../src/readers/input-limits";

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
    await expect(checkZip(bytes, "bom.docx")).rejects.toMatchObject({
      message: expect.stringMatching(/bom\.docx khi giải nén lớn \d+ MB, vượt giới hạn 200 MB/),
      messageEn: expect.stringContaining("over the 200 MB limit"),
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
    await expect(checkZip(bytes, "nhieu.xlsx")).rejects.toMatchObject({
      message: expect.stringContaining(`vượt giới hạn ${MAX_ZIP_ENTRIES}`),
    });
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
});
