import { splitUnits } from "../../../src/core/units/split-units";
import { unitKey } from "../../../src/core/units/unit-key";

describe("splitUnits", () => {
  it("splits at line-start list markers and strips them and trailing punctuation", () => {
    expect(splitUnits(["- Phòng Tư pháp;", "- Các trường học", "trên địa bàn.", "+ Công an phường"])).toEqual(
      ["Phòng Tư pháp", "Các trường học trên địa bàn", "Công an phường"],
    );
  });

  it("splits at a comma followed by a unit-type word only", () => {
    expect(splitUnits("Sở Tài chính, Sở Xây dựng, Công an tỉnh")).toEqual([
      "Sở Tài chính",
      "Sở Xây dựng",
      "Công an tỉnh",
    ]);
    expect(splitUnits("Các Sở, ban, ngành, địa phương")).toEqual(["Các Sở, ban, ngành, địa phương"]);
    expect(splitUnits("Trung tâm Văn hóa, Thể thao và Truyền thông")).toEqual([
      "Trung tâm Văn hóa, Thể thao và Truyền thông",
    ]);
  });

  it("keeps parenthesised parts with their unit", () => {
    expect(splitUnits("Phòng Y tế (phối hợp Đoàn Thanh niên, Hội Nông dân), Ban Quản lý dự án")).toEqual([
      "Phòng Y tế (phối hợp Đoàn Thanh niên, Hội Nông dân)",
      "Ban Quản lý dự án",
    ]);
  });

  it("gives no units for blank cells or a dash", () => {
    expect(splitUnits(["\u00a0", "  "])).toEqual([]);
    expect(splitUnits("-")).toEqual([]);
  });

  it("does not split a word that merely starts like a unit word", () => {
    expect(splitUnits("Trường Tiểu học, Bệnh viện huyện")).toEqual(["Trường Tiểu học, Bệnh viện huyện"]);
    expect(splitUnits("Trường A, Bandung")).toEqual(["Trường A, Bandung"]);
  });
});

describe("unitKey", () => {
  it("groups spellings of one unit together", () => {
    const variants = [
      "Phòng Văn hóa – Xã hội",
      "Phòng Văn hoá - Xã hội",
      "PHÒNG VĂN HÓA - XÃ HỘI",
      "Phòng  Văn\u00a0hóa-Xã hội.",
      "Pho\u0300ng Văn ho\u0301a – Xã hội".normalize("NFD"),
    ];
    expect(new Set(variants.map(unitKey)).size).toBe(1);
    expect(unitKey("UBND xã")).toBe(unitKey("Ủy ban nhân dân xã"));
    expect(unitKey("Thủy lợi")).toBe(unitKey("Thuỷ lợi"));
  });

  it("keeps different units apart", () => {
    expect(unitKey("Phòng Kinh tế")).not.toBe(unitKey("Phòng Văn hóa – Xã hội"));
  });
});
