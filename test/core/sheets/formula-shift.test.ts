import { isFilledDown, rowTemplate } from "../../../src/core/sheets/formula-shift";

describe("formulas filled down a column", () => {
  it("writes relative rows as offsets and keeps absolute rows and string literals", () => {
    expect(rowTemplate(`=IF($E2<'Thiết lập'!$C$2,"A2",$F2+B3)`, 2)).toBe(
      `=IF($E[0]<'Thiết lập'!$C$2,"A2",$F[0]+B[1])`,
    );
  });
  it("recognises one formula filled down, and refuses anything else", () => {
    expect(isFilledDown(["=$A2*2", "=$A3*2", "=$A4*2"], 2)).toBe(true);
    expect(isFilledDown(["=$A2*2", "=$A3*2", "=$A3*2"], 2)).toBe(false);
    expect(isFilledDown(["=$A2*2", null], 2)).toBe(false);
    expect(isFilledDown(["=$A2*2"], 2)).toBe(false);
    expect(isFilledDown([`="x"&A2`, `="y"&A3`], 2)).toBe(false);
  });
});
