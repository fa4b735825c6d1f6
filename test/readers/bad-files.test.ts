/**
 * A folder of bad files, built here, through the compiled CLI (`plan parse`, a process per file,
 * its time and peak memory measured) and through the pane's file reader: each refused with its
 * own message in Vietnamese and English naming the file, exit code 1, none crashing, none slower
 * than 10 s or larger than 1 GB.
 */
import { refusalText } from "../../src/messages/problem-messages";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { blankPdf } from "../fixtures/blank-pdf";
import { readFile } from "../../src/taskpane/import/read-source";

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");
const CHILD = join(ROOT, "bench/measure-child.mjs");
const dir = mkdtempSync(join(tmpdir(), "bad-files-"));
const OLE = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(1024),
]);

const unicodeLines = "KẾ HOẠCH\nThực hiện nhiệm vụ chuyển đổi số năm 2026 của Ủy ban nhân dân xã\n";
/** TCVN3 text "Kế hoạch thực hiện nhiệm vụ năm 2026 của Phòng Văn hóa" as it looks read as Unicode. */
const tcvn3 = "KÕ ho¹ch thùc hiÖn nhiÖm vô n¨m 2026 cña Phßng V¨n hãa vµ c¸c ®¬n vÞ";

async function buildFolder(): Promise<[string, string][]> {
  const files: [string, Buffer | string, string][] = [
    ["rong.txt", "", "tệp rỗng"],
    ["khoang-trang.txt", "  \n\t\n   \n", "không có bảng nhiệm vụ"],
    ["rac.docx", Buffer.from("đây không phải tệp Word"), "không phải tệp Word (.docx) hợp lệ"],
    ["rac.xlsx", Buffer.from("đây không phải tệp Excel"), "không phải tệp Excel .xlsx"],
    ["rac.pdf", Buffer.from("%PDF-1.7 rác"), "không phải tệp PDF hợp lệ hoặc đã hỏng"],
    ["mat-khau.docx", OLE, "được đặt mật khẩu"],
    ["mat-khau.xlsx", OLE, "được đặt mật khẩu"],
    ["cu.xls", OLE, "định dạng Excel cũ (.xls)"],
    ["macro.xlsm", Buffer.from("PK"), "có macro (.xlsm)"],
    ["cu.doc", OLE, "định dạng Word cũ (.doc)"],
    // A page with no text at all is what a scan without OCR looks like to a reader.
    ["ban-quet.pdf", blankPdf(1), "không có lớp chữ (có thể là bản quét)"],
    ["tcvn3-byte.txt", Buffer.from(`${tcvn3}\n${tcvn3}\n`, "latin1"), "bảng mã cũ TCVN3"],
    ["tcvn3-unicode.txt", `${tcvn3}\n${tcvn3}\n`, "bảng mã cũ TCVN3"],
    ["lan-ma.txt", `${unicodeLines}${tcvn3}\n${unicodeLines}`, "dòng 3: chữ gõ bằng bảng mã cũ TCVN3"],
    ["nhi-phan.txt", Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0x82]), "không phải văn bản UTF-8"],
    ["ngoac.csv", 'TT,Nội dung\n1,"chưa đóng ngoặc\n', "dấu ngoặc kép mở mà không đóng"],
  ];
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>hỏng</w:p></w:body>");
  files.push(["hong-noi-dung.docx", Buffer.from(await zip.generateAsync({ type: "uint8array" })), "đã hỏng"]);
  return files.map(([name, content, reason]) => {
    writeFileSync(join(dir, name), content);
    return [name, reason];
  });
}

let folder: [string, string][] = [];
beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
  folder = await buildFolder();
}, 60_000);

describe("a folder of bad files", () => {
  it("the CLI refuses each with its own reason, exit code 1, in under 10 s and 1 GB", () => {
    for (const [name, reason] of folder) {
      const r = spawnSync(process.execPath, [CHILD, BIN, "parse", join(dir, name), "--json"], {
        encoding: "utf8",
        timeout: 20_000,
      });
      const m = /BENCH (\{.*\})/.exec(r.stderr);
      const cost = m
        ? (JSON.parse(m[1]!) as { ms: number; rssMiB: number })
        : { ms: Infinity, rssMiB: Infinity };
      expect({ name, status: r.status, crashed: /at .*\.m?js:\d+/.test(r.stderr) }).toEqual({
        name,
        status: 1,
        crashed: false,
      });
      expect({ name, vi: r.stderr.includes(reason), named: r.stderr.includes(name) }).toEqual({
        name,
        vi: true,
        named: true,
      });
      expect(cost.ms).toBeLessThan(10_000);
      expect(cost.rssMiB).toBeLessThan(1024);
    }
  }, 240_000);

  it("the pane's file reader refuses the same files with the same messages (PDF aside: pdf.js runs in the browser)", async () => {
    const { readFileSync } = await import("node:fs");
    for (const [name, reason] of folder.filter(([n]) => !n.endsWith(".pdf"))) {
      const file = new File([readFileSync(join(dir, name))], name);
      const error = await readFile(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect({ name, refused: refusalText(error, "vi") !== null }).toEqual({ name, refused: true });
      expect(refusalText(error, "vi")).toContain(reason);
      expect(refusalText(error, "en")!.length).toBeGreaterThan(10);
    }
  });
});
