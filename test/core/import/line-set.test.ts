import { LineSet } from "../../../src/core/import/line-set";

describe("LineSet", () => {
  it("holds added lines, forgets deleted ones and lists them in ascending order", () => {
    const set = new LineSet(10);
    for (const n of [7, 2, 9, 2, 4]) set.add(n);
    set.delete(9);
    set.delete(50); // never added, beyond the text: no effect
    expect(set.has(2)).toBe(true);
    expect(set.has(9)).toBe(false);
    expect(set.has(3)).toBe(false);
    expect(set.lines()).toEqual([2, 4, 7]);
  });

  it("takes lines beyond the count it was made for", () => {
    const set = new LineSet(3);
    set.add(1);
    set.add(1000);
    expect(set.has(1000)).toBe(true);
    expect(set.has(999)).toBe(false);
    expect(set.lines()).toEqual([1, 1000]);
  });
});
