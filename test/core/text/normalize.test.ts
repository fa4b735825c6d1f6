import { foldForMatch, isBlank, joinLines, normalizeInline } from "../../../src/core/text/normalize";
import { detectLegacyEncoding, detectLegacyLine } from "../../../src/core/text/legacy-encoding";
import fc from "fast-check";

describe("text normalisation", () => {
  it("composes, collapses odd spaces and trims", () => {
    expect(normalizeInline(" Ke\u0302\u0301 hoa\u0323ch\u00a0\u00a0số  5 ".normalize("NFD"))).toBe(
      "Kế hoạch số 5",
    );
  });

  it("gives what NFC, odd spaces to spaces, runs collapsed and trimming give, for any text", () => {
    const reference = (t: string) =>
      t
        .normalize("NFC")
        .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t\r\f\v]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    const piece = fc.constantFrom(
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u200b",
      "\u2003",
      "\ufeff",
      "\u3000",
      "a",
      "Kế",
      "e\u0301",
      "hoạch",
      "5",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(normalizeInline(text)).toBe(reference(text));
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("joins lines with one space, and a hyphen-ended line with none", () => {
    expect(joinLines(["Nghị quyết số 57-", "NQ/TW của", "", "Bộ Chính trị"])).toBe(
      "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
    );
    expect(joinLines(["kinh tế -", "xã hội"])).toBe("kinh tế - xã hội");
  });

  it("treats no-break spaces as blank", () => {
    expect(isBlank("\u00a0 ")).toBe(true);
    expect(isBlank("x")).toBe(false);
  });

  it("folds diacritics for matching", () => {
    expect(foldForMatch("Thời HẠN Hoàn Thành")).toBe("thoi han hoan thanh");
    expect(foldForMatch("Đơn vị")).toBe("don vi");
  });
});

describe("legacy encoding detection", () => {
  it("recognises TCVN3 text read as Unicode", () => {
    const tcvn3 = "KÕ ho¹ch thùc hiÖn nhiÖm vô chuyÓn ®æi sè n¨m 2025 cña Uû ban nh©n d©n x·";
    expect(detectLegacyEncoding(tcvn3)?.encoding).toBe("TCVN3");
  });

  it("recognises VNI text read as Unicode", () => {
    const vni = "Keá hoaïch thöïc hieän nhieäm vuï chuyeån ñoåi soá naêm 2025 cuûa UÛy ban nhaân daân xaõ";
    expect(detectLegacyEncoding(vni)?.encoding).toBe("VNI");
  });

  it("accepts Unicode Vietnamese and plain English", () => {
    expect(
      detectLegacyEncoding("Kế hoạch thực hiện nhiệm vụ chuyển đổi số năm 2025 của Ủy ban nhân dân xã"),
    ).toBeNull();
    expect(detectLegacyEncoding("The plan sets targets for every unit and each milestone year")).toBeNull();
  });

  it("finds a line typed in a legacy encoding among Unicode lines, and none in Unicode text", () => {
    const unicode = "Phòng Văn hóa và Thông tin triển khai kế hoạch năm 2025";
    expect(detectLegacyLine([unicode, unicode].join("\n"))).toBeNull();
    const tcvn3 = "Phßng V¨n hãa vµ Th«ng tin triÓn khai kÕ ho¹ch";
    expect(detectLegacyLine([unicode, tcvn3, unicode].join("\n"))).toMatchObject({
      encoding: "TCVN3",
      line: 2,
    });
  });
});
