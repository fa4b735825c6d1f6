/**
 * The zip writer and reader over fflate (the CLI's and the browser's): what it writes reads back whole
 * (CRC checked) by JSZip and by unzip (Info-ZIP), UTF-8 names included, deflated or stored; its CRC-32
 * is Node's; parts copied deflated from another package stay as they were; a part that inflates to
 * another size than its zip announces is refused.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import fc from "fast-check";
import { crc32 as nodeCrc32, deflateRawSync } from "node:zlib";
import { crc32, inflateRaw, zipParts } from "../../src/xlsx/zip-writer";
import { openPackage, packageParts, partBytes, setPartText, zipDirectory } from "../../src/xlsx/zip-text";

const readBack = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, number[]> = {};
  for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = [...(await f.async("uint8array"))];
  return out;
};

describe("zip writer (fflate)", () => {
  it("writes parts that read back whole, whatever their bytes and names", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.tuple(
            fc.constantFrom("xl/", "docProps/", "tờ/", ""),
            fc.stringMatching(/^[a-zăđơưệ0-9_-]{1,10}\.xml$/),
          ),
          {
            minLength: 1,
            maxLength: 6,
            selector: ([a, b]) => a + b,
          },
        ),
        fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 6, maxLength: 6 }),
        async (names, datas) => {
          const parts = names.map(([a, b], i) => ({
            name: `${a}${b}`.replace(/\/+$/, "x"),
            data: datas[i]!,
          }));
          for (const level of [0, 1, 6]) {
            const back = await readBack(zipParts(parts, level));
            expect(back).toEqual(Object.fromEntries(parts.map((p) => [p.name, [...p.data]])));
          }
          for (const p of parts) expect(crc32(p.data)).toBe(nodeCrc32(p.data) >>> 0);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("copies unchanged parts of a package deflated, writes changed ones anew", async () => {
    const source = new JSZip();
    source.file("a.xml", "<a>Kế hoạch</a>".repeat(200));
    source.file("b.xml", "<b/>");
    const zip = await openPackage(await source.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    setPartText(zip, "b.xml", "<b>mới</b>");
    const parts = await packageParts(zip);
    expect(parts.map((p) => [p.name, "deflated" in p])).toEqual([
      ["a.xml", true],
      ["b.xml", false],
    ]);
    const back = await JSZip.loadAsync(zipParts(parts, 1), { checkCRC32: true });
    expect(await back.file("a.xml")!.async("string")).toBe("<a>Kế hoạch</a>".repeat(200));
    expect(await back.file("b.xml")!.async("string")).toBe("<b>mới</b>");
  });

  it("inflates a part in one call, and refuses a part larger or smaller than announced", async () => {
    const text = "<row>Phòng Nội vụ</row>".repeat(500);
    const zip = await JSZip.loadAsync(
      await new JSZip().file("s.xml", text).generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    );
    expect(new TextDecoder().decode(await partBytes(zip, "s.xml"))).toBe(text);
    const deflated = deflateRawSync(Buffer.from(text));
    expect(() => inflateRaw(deflated, 100)).toThrow();
    expect(() => inflateRaw(deflated, Buffer.byteLength(text) + 5)).toThrow(/size/);
  });

  it("reads a zip's own directory as JSZip reads its parts: names, sizes, CRCs, stored and deflated bytes", async () => {
    const source = new JSZip();
    source.file("xl/tờ 1.xml", "<row>Phòng Nội vụ</row>".repeat(300), { compression: "DEFLATE" });
    source.file("docProps/app.xml", "<Properties/>", { compression: "STORE" });
    const bytes = await source.generateAsync({ type: "uint8array" });
    const directory = zipDirectory(bytes);
    const files = [...directory].filter(([name]) => !name.endsWith("/"));
    expect(files.map(([name]) => name).sort()).toEqual(["docProps/app.xml", "xl/tờ 1.xml"]);
    const zip = await openPackage(bytes);
    for (const [name, entry] of files) {
      const data = await zip.file(name)!.async("uint8array");
      expect({ name, size: entry.size, crc: entry.crc32 }).toEqual({
        name,
        size: data.length,
        crc: nodeCrc32(data) >>> 0,
      });
      expect(await partBytes(zip, name)).toEqual(data);
    }
    expect(directory.get("docProps/app.xml")!.method).toBe(0);
    expect(directory.get("xl/tờ 1.xml")!.method).toBe(8);
  });

  it("writes a zip Info-ZIP's unzip tests clean, stored and deflated parts alike", () => {
    const dir = mkdtempSync(join(tmpdir(), "zipw-"));
    const path = join(dir, "t.zip");
    const parts = [
      { name: "đơn-vị/phòng-kinh-tế.xlsx", data: new TextEncoder().encode("PK giả ".repeat(300)) },
      { name: "a.xml", data: new TextEncoder().encode("<a/>") },
    ];
    for (const level of [0, 1]) {
      writeFileSync(path, zipParts(parts, level));
      expect(execFileSync("unzip", ["-t", path], { encoding: "utf8" })).toMatch(/No errors detected/);
    }
  });
});
