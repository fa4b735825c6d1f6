import { PNG } from "pngjs";
import { barPng } from "../../../src/core/report/chart-picture";
import { encodePng } from "../../../src/core/report/png-encode";

describe("chart pictures without a canvas", () => {
  it("a bar PNG decodes, with its segments in proportion and in their colours", () => {
    const png = PNG.sync.read(
      Buffer.from(
        barPng(
          [
            { value: 3, color: "#2E7D32" },
            { value: 1, color: "#E53935" },
          ],
          8,
          80,
          4,
        ),
      ),
    );
    expect([png.width, png.height]).toEqual([80, 4]);
    const at = (x: number) => [...png.data.subarray((x + 80) * 4, (x + 80) * 4 + 3)];
    expect(at(0)).toEqual([0x2e, 0x7d, 0x32]);
    expect(at(29)).toEqual([0x2e, 0x7d, 0x32]);
    expect(at(30)).toEqual([0xe5, 0x39, 0x35]);
    expect(at(40)).toEqual([255, 255, 255]);
  });

  it("encodes images larger than one stored deflate block", () => {
    const rgb = new Uint8Array(300 * 300 * 3).map((_, i) => i % 251);
    const png = PNG.sync.read(Buffer.from(encodePng(300, 300, rgb)));
    expect(png.data[4 * 1000]).toBe(rgb[3 * 1000]);
  });
});
