import { isoToSerial, serialToIso, splitIsoDate } from "../../src/core/excel-dates";

describe("Excel date serials", () => {
  it("matches Excel's serials for known dates", () => {
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2025-01-01")).toBe(45658);
    expect(isoToSerial("2025-12-31")).toBe(46022);
  });

  it("round-trips every day of a leap year", () => {
    const start = isoToSerial("2024-01-01")!;
    for (let s = start; s < start + 366; s++) expect(isoToSerial(serialToIso(s)!)).toBe(s);
  });

  it("refuses dates that are not on the calendar", () => {
    expect(isoToSerial("2025-02-29")).toBeNull();
    expect(isoToSerial("2025-13-01")).toBeNull();
    expect(isoToSerial("31/12/2025")).toBeNull();
    expect(splitIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("ignores the time of day and refuses serials before March 1900", () => {
    expect(serialToIso(45658.75)).toBe("2025-01-01");
    expect(serialToIso(59)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });
});
