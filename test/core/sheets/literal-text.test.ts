import { asLiteralForValues, startsLikeFormula } from "../../../src/core/sheets/literal-text";

describe("literal text guard", () => {
  it.each(["=SUM(A1)", "+84 912", "- Phòng Văn hóa", "@mention"])("guards %s", (text) => {
    expect(startsLikeFormula(text)).toBe(true);
    expect(asLiteralForValues(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone", () => {
    expect(asLiteralForValues("Phòng Văn hóa – Xã hội")).toBe("Phòng Văn hóa – Xã hội");
    expect(asLiteralForValues("")).toBe("");
  });

  it("keeps a leading apostrophe that is part of the text", () => {
    expect(asLiteralForValues("'quoted")).toBe("''quoted");
  });
});
