/**
 * Bars of a chart as PNG pictures for the .docx, made without a canvas so that the pane (browser)
 * and the CLI (Node) make the same pictures; the document sets the labels and legend as text beside
 * them, which every Word viewer shows.
 */
import { encodePng } from "./png-encode";

/** One bar (stacked segments) as a PNG of the given size: the value `max` fills the width. */
export function barPng(
  segments: readonly { value: number; color: string }[],
  max: number,
  width: number,
  height: number,
): Uint8Array {
  const rgb = new Uint8Array(width * height * 3).fill(255);
  let x0 = 0;
  for (const seg of segments) {
    const w = Math.round((seg.value / Math.max(max, 1)) * width);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(seg.color.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
    for (let y = 0; y < height; y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++) {
        const p = (y * width + x) * 3;
        rgb[p] = r;
        rgb[p + 1] = g;
        rgb[p + 2] = b;
      }
    x0 += w;
  }
  return encodePng(width, height, rgb);
}
