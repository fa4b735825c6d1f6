/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a teal tile holding a white sheet with
 * three task rows, the first two ticked. Shapes are defined in unit coordinates and rasterised with
 * 4×4 supersampling, so every size is drawn, not scaled. Run: npm run icons
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { PNG } from "pngjs";

type Rgba = [number, number, number, number];
const TILE: Rgba = [0, 105, 110, 255];
const SHEET: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [120, 135, 140, 255];
const TICK: Rgba = [16, 124, 65, 255];
const TODO: Rgba = [200, 120, 0, 255];

function inRoundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  w: number,
): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
}

/** Colour at a point of the unit square, or null for transparent. */
function paint(x: number, y: number, size: number): Rgba | null {
  const stroke = Math.max(0.075, 1.6 / size);
  const rows = [0.34, 0.54, 0.74];
  for (const [i, ry] of rows.entries()) {
    const tickX = 0.3;
    if (i < 2) {
      if (
        nearSegment(x, y, tickX - 0.06, ry, tickX - 0.01, ry + 0.05, stroke) ||
        nearSegment(x, y, tickX - 0.01, ry + 0.05, tickX + 0.08, ry - 0.06, stroke)
      )
        return TICK;
    } else if (inRoundedRect(x, y, tickX - 0.06, ry - 0.05, tickX + 0.05, ry + 0.06, 0.02)) {
      return TODO;
    }
    if (nearSegment(x, y, 0.45, ry, 0.72, ry, stroke)) return LINE;
  }
  if (inRoundedRect(x, y, 0.17, 0.16, 0.83, 0.88, 0.06)) return SHEET;
  if (inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return TILE;
  return null;
}

export function drawIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (!c) continue;
          acc[0]! += c[0] * c[3];
          acc[1]! += c[1] * c[3];
          acc[2]! += c[2] * c[3];
          acc[3]! += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3]!;
      png.data[i] = alpha ? Math.round(acc[0]! / alpha) : 0;
      png.data[i + 1] = alpha ? Math.round(acc[1]! / alpha) : 0;
      png.data[i + 2] = alpha ? Math.round(acc[2]! / alpha) : 0;
      png.data[i + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

mkdirSync("assets", { recursive: true });
for (const size of ICON_SIZES) writeFileSync(`assets/icon-${size}.png`, drawIcon(size));
console.log(`Đã vẽ biểu tượng / icons drawn: ${ICON_SIZES.map((s) => `assets/icon-${s}.png`).join(", ")}`);
