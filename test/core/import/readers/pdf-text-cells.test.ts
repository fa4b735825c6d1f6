/**
 * The PDF-text reader's cell scores: the one-pass scorer the DP uses (scoreCellsFrom, which keeps
 * a growing cell, a memo of deadline answers and skips cells that cannot reach the row's end) must
 * give what the plain definition (cellScore) gives, and a row too long for the cell limits keeps
 * its text once.
 */
import { atomsOf, toPdfLines } from "../../../../src/core/import/readers/pdf-text-atoms";
import { assignCells, cellScore, scoreCellsFrom } from "../../../../src/core/import/readers/pdf-text-cells";
import { foldForMatch } from "../../../../src/core/text/normalize";
import { renderPdfText, syntheticTables } from "../../../fixtures/synthetic-plan";

type Column = Parameters<typeof cellScore>[0];

function column(field: Column["field"], width: number, seen: string[]): Column {
  const counts = new Map<string, number>();
  for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  return {
    field,
    width,
    seen: counts,
    seenMax: Math.max(1, ...counts.values()),
    seenRows: seen.length,
    mode: seen[0] ?? null,
    filled: 0.9,
  };
}

/** A table body as the reader sees it: wrapped cells, list items, deadlines, split lines, a line of one space. */
function bodyAtoms(seed: number) {
  const tables = syntheticTables({
    seed,
    planYear: 2026,
    tables: 1,
    rowsPerTable: 12,
    withSections: true,
    withOutput: true,
    withNote: false,
  });
  const text = renderPdfText(tables, 2026, { seed, pageNumbers: false, repeatHeader: false });
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^\d+$/.test(l.trim()));
  const body = lines.slice(start + 1, start + 80);
  // A lone space, and lines where a cell's end and the next cell's start share a baseline.
  body.splice(10, 0, " ");
  body.splice(20, 0, "nâng cao năng lực quản lý Sở Nội vụ", "của các cơ quan, đơn vị Tháng 9/2026");
  const atoms = atomsOf(toPdfLines(body));
  expect(atoms.filter((a) => !a.lineStart)).toHaveLength(2);
  return atoms;
}

describe("PDF-text cell scores", () => {
  it.each([3, 7, 21])("the one-pass scorer agrees with the definition on plan %i", (seed) => {
    const atoms = bodyAtoms(seed);
    expect(atoms.some((a) => a.blank)).toBe(true);
    // Texts the columns have "seen" (folded, as the reader keeps them), so the usual-text bonus is tried.
    const folded = atoms.filter((a) => !a.blank).map((a) => foldForMatch(a.text));
    const columns = [
      column("task", 0, []),
      column("lead", 24, [folded[3]!, folded[3]!, folded[5]!]),
      column("partners", 18, []),
      column("output", 20, [folded[8]!, folded[8]!]),
      column("deadline", 12, []),
    ];
    const out: number[] = [];
    let compared = 0;
    for (const col of columns)
      for (const [continuation, resumed] of [
        [false, false],
        [true, true],
      ] as const)
        for (let i = 0; i < atoms.length; i += 3) {
          const jMax = Math.min(atoms.length, i + 12);
          const count = scoreCellsFrom(col, atoms, i, jMax, continuation, out, resumed);
          expect(count).toBe(jMax - i + 1);
          for (let d = 0; d < count; d++) {
            expect(out[d]).toBeCloseTo(cellScore(col, atoms, i, i + d, continuation, resumed), 9);
            compared++;
          }
        }
    expect(compared).toBeGreaterThan(1000);
  });

  it("scores no cell that ends before the columns after it can reach (the DP's bound)", () => {
    const atoms = bodyAtoms(5);
    const out: number[] = [];
    const count = scoreCellsFrom(column("lead", 0, []), atoms, 2, 12, false, out, false, 8);
    expect(out.slice(0, 6).every((s) => s === -Infinity)).toBe(true);
    for (let d = 6; d < count; d++)
      expect(out[d]).toBeCloseTo(cellScore(column("lead", 0, []), atoms, 2, 2 + d, false), 9);
  });

  it("puts a row too long for the cell limits whole into its first column, once", () => {
    const lines = Array.from({ length: 60 }, (_, k) => `Sở Tài chính dòng ${k + 1}`);
    const atoms = atomsOf(toPdfLines(lines));
    // A lead cell holds at most 10 lines and a deadline 8: 60 lines cannot be cut into those two.
    const cuts = assignCells([column("lead", 0, []), column("deadline", 0, [])], atoms);
    expect(cuts).toEqual([0, atoms.length, atoms.length]);
  });
});
