import { remembered } from "../../src/core/remembered";

describe("remembered", () => {
  it("computes each argument once while it is kept, and again after the cache filled up", () => {
    const calls: string[] = [];
    const upper = remembered((s: string) => {
      calls.push(s);
      return s.toUpperCase();
    }, 3);
    expect([upper("a"), upper("b"), upper("a"), upper("c"), upper("b")]).toEqual(["A", "B", "A", "C", "B"]);
    expect(calls).toEqual(["a", "b", "c"]);
    // Full (3 kept): the next new argument clears it, so "a" is computed again.
    upper("d");
    upper("a");
    expect(calls).toEqual(["a", "b", "c", "d", "a"]);
  });

  it("remembers null answers too", () => {
    let n = 0;
    const f = remembered((k: number) => {
      n++;
      return k > 0 ? k : null;
    }, 10);
    expect([f(-1), f(-1), f(2), f(2)]).toEqual([null, null, 2, 2]);
    expect(n).toBe(2);
  });
});
