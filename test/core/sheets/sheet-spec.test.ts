import { blockAddress, columnLetter } from "../../../src/core/sheets/sheet-spec";
import { cleanSheetName, uniqueSheetName } from "../../../src/core/sheets/sheet-names";
import { splitRowsByPayload } from "../../../src/core/sheets/request-chunks";

describe("addresses", () => {
  it("names columns like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
  it("builds block addresses", () => {
    expect(blockAddress(0, 0, 1, 1)).toBe("A1");
    expect(blockAddress(1, 2, 10, 3)).toBe("C2:E11");
  });
});

describe("sheet names", () => {
  it("removes characters Excel forbids and keeps 31 characters", () => {
    expect(cleanSheetName("Phụ lục I: Nhiệm vụ [2025]")).toBe("Phụ lục I Nhiệm vụ 2025");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
    expect(cleanSheetName("  ")).toBe("Sheet");
  });
  it("never reuses a name, ignoring case", () => {
    expect(uniqueSheetName("Nhiệm vụ", ["nhiệm vụ"])).toBe("Nhiệm vụ (2)");
    expect(uniqueSheetName("Nhiệm vụ", ["Nhiệm vụ", "Nhiệm vụ (2)"])).toBe("Nhiệm vụ (3)");
    const long = "y".repeat(31);
    const next = uniqueSheetName(long, [long]);
    expect(next).toHaveLength(31);
    expect(next.endsWith(" (2)")).toBe(true);
  });
});

describe("payload chunks", () => {
  it("keeps every row exactly once, in order, under the budget", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`nhiệm vụ ${i} `.repeat(20), i]);
    const blocks = splitRowsByPayload(rows, ["@", "0"], 50_000);
    expect(blocks.length).toBeGreaterThan(1);
    let next = 0;
    for (const b of blocks) {
      expect(b.start).toBe(next);
      expect(b.bytes).toBeLessThanOrEqual(50_000);
      next += b.count;
    }
    expect(next).toBe(rows.length);
  });
  it("gives a single oversized row a block of its own", () => {
    const blocks = splitRowsByPayload([["a"], ["x".repeat(100)], ["b"]], ["@"], 50);
    expect(blocks.map((b) => b.count)).toEqual([1, 1, 1]);
  });
  it("returns no blocks for no rows", () => {
    expect(splitRowsByPayload([], [])).toEqual([]);
  });
});
