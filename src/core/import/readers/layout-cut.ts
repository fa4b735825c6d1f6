/**
 * The cut of one line of `pdftotext -layout` text into cells: given what opening each column at
 * each word costs, what placing words in each column costs and how long each column's lines are,
 * the cheapest assignment of the line's words to the columns, left to right (layout-text.ts prices
 * the words; this finds the cut).
 */

/** Characters beyond its column's longest line past which a cell is not considered. */
const OVER_LIMIT = 30;
/** What each character of a cell beyond its column's longest line costs. */
const OVER_WEIGHT = 1;

/** What assignWords' DP reads: per word and column, the costs of the cells it may cut. */
export interface CellCosts {
  /** Words and columns. */
  n: number;
  m: number;
  /** openAt[j * m + k]: opening a cell of column k at word j. */
  openAt: ArrayLike<number>;
  /** placed[k * (n + 1) + i]: placing words 0..i-1 in column k, a prefix sum. */
  placed: ArrayLike<number>;
  /** chars[i]: printed length of words 0..i-1, one space after each. */
  chars: ArrayLike<number>;
  /** The usual length of each column's lines (Infinity: any). */
  caps: readonly number[];
  /** dash[j]: word j is a list dash, which goes with the word after it. */
  dash: readonly boolean[];
  /** Runs of words the table prints as one cell's line elsewhere, by end: such a cell costs FRAGMENT_BONUS less. */
  known?: readonly KnownCell[];
}

/** Words start..end-1 make a line fragment printed in at least two places of these columns (a bit each). */
export interface KnownCell {
  start: number;
  end: number;
  columns: number;
}

/** What making a cell the table prints as a line elsewhere saves. */
export const FRAGMENT_BONUS = 3;

/**
 * The column of each word when a line's words are cut into cells, columns left to right, some
 * skipped: the cheapest cut, where a cell of column k from word j to word i-1 costs
 *   (cheapest placement of words 0..j-1 in columns left of k) + openAt[j, k]
 *   + placed[k, i] - placed[k, j] + its length beyond the column's lines (chars[i] - chars[j] - 1 - cap),
 * and a cell more than OVER_LIMIT beyond them is never cut. The start term does not depend on i, and
 * the length term is one of two lines in j, so for each column and end i the cheapest start is a
 * sliding-window minimum over two windows (starts whose cell fits the column's lines, and those
 * whose cell runs beyond them): O(n·m) per line instead of trying every start, O(n²·m). On equal
 * costs the leftmost start wins, as when every start is tried in order.
 */
export function cheapestCells(costs: CellCosts): number[] {
  const { n, m, openAt, placed, chars, caps, dash } = costs;
  const known = costs.known ?? [];
  let nextKnown = 0;
  const stride = n + 1;
  // best[i*m+k]: words 0..i-1 placed, the last cell in column k; cut[]: where that cell starts.
  const best = floats(2, (n + 1) * m, Infinity);
  const cut = ints(0, (n + 1) * m, -1);
  const prevCol = ints(1, (n + 1) * m, -1);
  // pre[j*m+k]: the cheapest way to have placed words 0..j-1 in a column left of k (and which).
  const pre = floats(3, (n + 1) * m, Infinity);
  const preCol = ints(2, (n + 1) * m, -1);
  const tables: CutTables = { best, cut, prevCol, pre, preCol };
  // Per column, two queues of starts (column k's part begins at k * n), cheapest first and, among
  // equal ones, leftmost first: "fit" holds starts j ≥ fitFrom[k] (the cell up to word i fits the
  // column's lines) by their start cost; "over" holds starts in [overFrom[k], fitFrom[k]) by their
  // start cost less OVER_WEIGHT·chars[j] (their length term grows with chars[i] - chars[j]).
  const fitQ = ints(3, m * n, 0);
  const fitV = floats(4, m * n, 0);
  const overQ = ints(4, m * n, 0);
  const overV = floats(5, m * n, 0);
  const fitHead = ints(5, m, 0);
  const fitTail = ints(6, m, 0);
  const overHead = ints(7, m, 0);
  const overTail = ints(8, m, 0);
  const fitFrom = ints(9, m, 0);
  const overFrom = ints(10, m, 0);
  /** A cell of column k may start at word j: not after a dash, with words 0..j-1 placed. */
  const startCost = (j: number, k: number): number => {
    if (j > 0 && dash[j - 1]) return Infinity;
    const prev = j === 0 ? 0 : pre[j * m + k]!;
    return prev === Infinity ? Infinity : prev + openAt[j * m + k]! - placed[k * stride + j]!;
  };
  const push = (
    q: Int32Array,
    v: Float64Array,
    at: number,
    tail: Int32Array,
    k: number,
    j: number,
    cost: number,
  ) => {
    let t = tail[k]!;
    while (t > at && v[t - 1]! > cost) t--;
    q[t] = j;
    v[t] = cost;
    tail[k] = t + 1;
  };
  for (let k = 0; k < m; k++) {
    fitHead[k] = fitTail[k] = overHead[k] = overTail[k] = k * n;
  }
  for (let i = 1; i <= n; i++) {
    for (let k = 0; k < m; k++) {
      const cap = caps[k]!;
      // The start i - 1 is now known (pre of words 0..i-2 was settled at the last word).
      const newest = startCost(i - 1, k);
      if (newest !== Infinity) push(fitQ, fitV, fitHead[k]!, fitTail, k, i - 1, newest);
      // Starts whose cell up to word i no longer fits the column's lines move to the other queue.
      let j = fitFrom[k]!;
      while (chars[i]! - chars[j]! - 1 > cap) {
        const cost = startCost(j, k);
        if (cost !== Infinity)
          push(overQ, overV, overHead[k]!, overTail, k, j, cost - OVER_WEIGHT * chars[j]!);
        j++;
      }
      fitFrom[k] = j;
      while (fitHead[k]! < fitTail[k]! && fitQ[fitHead[k]!]! < j) fitHead[k]!++;
      // Starts whose cell would run more than OVER_LIMIT beyond them leave for good.
      let first = overFrom[k]!;
      while (chars[i]! - chars[first]! - 1 > cap + OVER_LIMIT) first++;
      overFrom[k] = first;
      while (overHead[k]! < overTail[k]! && overQ[overHead[k]!]! < first) overHead[k]!++;
      // The cheapest start, the leftmost on equal costs (the "over" starts lie left of the others).
      let c = Infinity;
      let from = -1;
      if (overHead[k]! < overTail[k]!) {
        from = overQ[overHead[k]!]!;
        c = overV[overHead[k]!]! + OVER_WEIGHT * (chars[i]! - 1 - cap) + placed[k * stride + i]!;
      }
      if (fitHead[k]! < fitTail[k]!) {
        const f = fitQ[fitHead[k]!]!;
        const cf = fitV[fitHead[k]!]! + placed[k * stride + i]!;
        if (cf < c) {
          c = cf;
          from = f;
        }
      }
      // A run the table prints as this column's line elsewhere (known is in order of end).
      for (let x = nextKnown; x < known.length && known[x]!.end === i; x++) {
        const { start, columns } = known[x]!;
        if (!(columns & (1 << k))) continue;
        const length = chars[i]! - chars[start]! - 1;
        const cost = startCost(start, k);
        if (cost === Infinity || length > cap + OVER_LIMIT) continue;
        const ck = cost + placed[k * stride + i]! + OVER_WEIGHT * Math.max(0, length - cap) - FRAGMENT_BONUS;
        if (ck < c || (ck === c && start < from)) {
          c = ck;
          from = start;
        }
      }
      if (from >= 0) {
        best[i * m + k] = c;
        cut[i * m + k] = from;
        prevCol[i * m + k] = from === 0 ? -1 : preCol[from * m + k]!;
      }
    }
    while (nextKnown < known.length && known[nextKnown]!.end === i) nextKnown++;
    carryLeft(tables, i, m);
  }
  return columnsOfWords(tables, n, m);
}

/** The cut's tables, (n + 1) × m each (see cheapestCells). */
export interface CutTables {
  best: Float64Array;
  cut: Int32Array;
  prevCol: Int32Array;
  pre: Float64Array;
  preCol: Int32Array;
}

/** Once every cell ending before word i is priced: the cheapest way to be left of each column there. */
export function carryLeft(t: CutTables, i: number, m: number): void {
  for (let k = 1; k < m; k++) {
    const left = t.best[i * m + k - 1]!;
    const better = left < t.pre[i * m + k - 1]!;
    t.pre[i * m + k] = better ? left : t.pre[i * m + k - 1]!;
    t.preCol[i * m + k] = better ? k - 1 : t.preCol[i * m + k - 1]!;
  }
}

/** Each word's column, read back from the cheapest last cell. */
export function columnsOfWords(t: CutTables, n: number, m: number): number[] {
  const out = new Array<number>(n).fill(0);
  let k = 0;
  for (let c = 1; c < m; c++) if (t.best[n * m + c]! < t.best[n * m + k]!) k = c;
  let i = n;
  while (i > 0 && k >= 0) {
    const j = t.cut[i * m + k]!;
    for (let x = j; x < i; x++) out[x] = k;
    const pk = t.prevCol[i * m + k]!;
    i = j;
    k = pk;
  }
  return out;
}

/**
 * assignWords' tables, kept from line to line and grown when a line needs more: allocating them
 * afresh for every placement of every line cost more than the DP itself. Each slot is one table
 * (float slots 0 and 1 are assignWords' costs, the others and the int slots cheapestCells');
 * the first `size` entries are set to `fill`.
 */
const floatSlots: Float64Array[] = [];
const intSlots: Int32Array[] = [];
export function floats(slot: number, size: number, fill: number): Float64Array {
  let a = floatSlots[slot];
  if (!a || a.length < size) a = floatSlots[slot] = new Float64Array(Math.max(size, 2 * (a?.length ?? 0)));
  return a.fill(fill, 0, size);
}
function ints(slot: number, size: number, fill: number): Int32Array {
  let a = intSlots[slot];
  if (!a || a.length < size) a = intSlots[slot] = new Int32Array(Math.max(size, 2 * (a?.length ?? 0)));
  return a.fill(fill, 0, size);
}
