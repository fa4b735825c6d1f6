/**
 * The CLI's zip writer and reader over Node's zlib: what it writes reads back whole (CRC checked) by
 * JSZip, UTF-8 names included; parts copied deflated from another package stay as they were; a part
 * that inflates to another size than its zip announces is refused.
 */
import JSZip from "jszip";
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { inflateRawNative, zipParts } from "../../src/xlsx/zip-writer";
import { packageParts, partBytes, setPartText, useNativeInflate } from "../../src/xlsx/zip-text";

const readBack = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, number[]> = {};
  for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = [...(await f.async("uint8array"))];
  return out;
};

describe("zip writer (Node's zlib)", () => {
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
          const back = await readBack(zipParts(parts, 1));
          expect(back).toEqual(Object.fromEntries(parts.map((p) => [p.name, [...p.data]])));
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("copies unchanged parts of a package deflated, writes changed ones anew", async () => {
    const source = new JSZip();
    source.file("a.xml", "<a>Kế hoạch</a>".repeat(200));
    source.file("b.xml", "<b/>");
    const zip = await JSZip.loadAsync(
      await source.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    );
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

  it("inflates with Node's zlib where installed, and refuses a part larger than announced", async () => {
    const text = "<row>Phòng Nội vụ</row>".repeat(500);
    const zip = await JSZip.loadAsync(
      await new JSZip().file("s.xml", text).generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    );
    useNativeInflate(inflateRawNative);
    try {
      expect(new TextDecoder().decode(await partBytes(zip, "s.xml"))).toBe(text);
    } finally {
      useNativeInflate(null);
    }
    const deflated = deflateRawSync(Buffer.from(text));
    expect(() => inflateRawNative(deflated, 100)).toThrow();
    expect(() => inflateRawNative(deflated, Buffer.byteLength(text) + 5)).toThrow(/size/);
  });
});
