/**
 * The layout reader's cut of a line into cells (cheapestCells) finds, with sliding-window minima,
 * the cut that trying every start of every cell finds (the definition, written out here, fragments
 * the table prints elsewhere included), leftmost start first on equal costs.
 */
import {
  carryLeft,
  cheapestCells,
  columnsOfWords,
  FRAGMENT_BONUS,
  type CellCosts,
  type KnownCell,
} from "../../../../src/core/import/readers/layout-cut";
import { rng } from "../../../fixtures/synthetic-plan";

const OVER_LIMIT = 30;

/** Every start of every cell tried in order: the definition of the cheapest cut. */
function byEveryStart(c: CellCosts): number[] {
  const { n, m, openAt, placed, chars, caps, dash } = c;
  const bonus = (j: number, i: number, k: number) =>
    (c.known ?? []).some((x) => x.start === j && x.end === i && x.columns & (1 << k)) ? FRAGMENT_BONUS : 0;
  const best = new Float64Array((n + 1) * m).fill(Infinity);
  const cut = new Int32Array((n + 1) * m).fill(-1);
  const prevCol = new Int32Array((n + 1) * m).fill(-1);
  const pre = new Float64Array((n + 1) * m).fill(Infinity);
  const preCol = new Int32Array((n + 1) * m).fill(-1);
  const tables = { best, cut, prevCol, pre, preCol };
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j < i; j++) {
      if (j > 0 && dash[j - 1]) continue;
      const length = chars[i]! - chars[j]! - 1;
      for (let k = 0; k < m; k++) {
        const prev = j === 0 ? 0 : pre[j * m + k]!;
        const beyond = length - caps[k]!;
        if (prev === Infinity || beyond > OVER_LIMIT) continue;
        const cost =
          prev +
          openAt[j * m + k]! +
          placed[k * (n + 1) + i]! -
          placed[k * (n + 1) + j]! +
          Math.max(0, beyond) -
          bonus(j, i, k);
        if (cost < best[i * m + k]!) {
          best[i * m + k] = cost;
          cut[i * m + k] = j;
          prevCol[i * m + k] = j === 0 ? -1 : preCol[j * m + k]!;
        }
      }
    }
    carryLeft(tables, i, m);
  }
  return columnsOfWords(tables, n, m);
}

/** A random line: words of 1–12 characters, costs in halves (so equal costs happen), some dashes. */
function randomCosts(seed: number): CellCosts {
  const r = rng(seed);
  const n = 1 + Math.floor(r() * 40);
  const m = 1 + Math.floor(r() * 7);
  const half = (max: number) => Math.floor(r() * (2 * max + 1)) / 2 - max / 2;
  const openAt = Array.from({ length: n * m }, () => half(6));
  const placed: number[] = [];
  for (let k = 0; k < m; k++) {
    placed.push(0);
    for (let i = 0; i < n; i++)
      placed.push(placed[placed.length - 1]! + (r() < 0.7 ? 0 : Math.floor(r() * 5)));
  }
  const chars = [0];
  for (let i = 0; i < n; i++) chars.push(chars[i]! + 2 + Math.floor(r() * 12));
  const caps = Array.from({ length: m }, (_, k) =>
    k === m - 1 || r() < 0.1 ? Infinity : Math.floor(r() * 40),
  );
  const dash = Array.from({ length: n }, (_, i) => i < n - 1 && r() < 0.08);
  // Runs the table "prints elsewhere", in order of end, in some columns.
  const known: KnownCell[] = [];
  for (let end = 1; end <= n; end++)
    for (let start = end - 1; start >= Math.max(0, end - 8); start--)
      if (r() < 0.1) known.push({ start, end, columns: 1 + Math.floor(r() * ((1 << m) - 1)) });
  return { n, m, openAt, placed, chars, caps, dash, known };
}

describe("cheapestCells", () => {
  it("cuts 2,000 random lines as trying every start does", () => {
    let differ = 0;
    const columnsUsed = new Set<number>();
    for (let seed = 1; seed <= 2000; seed++) {
      const costs = randomCosts(seed);
      const got = cheapestCells(costs);
      if (JSON.stringify(got) !== JSON.stringify(byEveryStart(costs))) differ++;
      columnsUsed.add(new Set(got).size);
    }
    expect(differ).toBe(0);
    // The lines are cut into one cell and into many.
    expect(columnsUsed.has(1)).toBe(true);
    expect(Math.max(...columnsUsed)).toBeGreaterThanOrEqual(5);
  });

  it("gives a line with no words no cells", () => {
    expect(
      cheapestCells({
        n: 0,
        m: 3,
        openAt: [],
        placed: [0, 0, 0],
        chars: [0],
        caps: [5, 5, Infinity],
        dash: [],
      }),
    ).toEqual([]);
  });
});
