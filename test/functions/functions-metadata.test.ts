import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
  result: { dimensionality?: string };
  options?: { volatile?: boolean };
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("custom functions metadata (functions.json)", () => {
  let byId: Map<string, FunctionMetadata>;
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(
      [join(__dirname, "../../src/functions/functions.ts")],
      true,
    );
    expect(result.errors).toEqual([]);
    byId = new Map((JSON.parse(result.metadataJson).functions as FunctionMetadata[]).map((f) => [f.id, f]));
  });

  it.each([
    ["PHIENBAN", []],
    ["HANHOANTHANH", ["thoiHan", "namKeHoach"]],
    ["LAPLAI", ["thoiHan"]],
    [
      "TRANGTHAI",
      [
        "han",
        "ngayHoanThanh",
        "tienDo",
        "ngayBaoCao",
        "lapLai",
        "soNgaySapDenHan",
        "ngayCapNhat",
        "ngayChot",
      ],
    ],
    ["SONGAYCONLAI", ["han", "ngayBaoCao"]],
    ["GIATRICHITIEU", ["chiTieu"]],
    ["CHITIEUHIENHANH", ["namMoc", "chiTieuMoc", "ngay"]],
    ["CHENHLECH", ["chiTieu", "thucHien"]],
    ["TYLEDAT", ["chiTieu", "thucHien"]],
    ["DANHGIA", ["chiTieu", "thucHien"]],
    ["DUNGTIENDO", ["namMoc", "chiTieuMoc", "thucHien", "ngay", "namKeHoach", "giaTriCoSo", "namCoSo"]],
    ["KYBAOCAO", ["ngay", "loai", "ngayChot"]],
  ])("%s has its parameters, Vietnamese help and is not volatile", (id, params) => {
    const f = byId.get(id)!;
    expect(f).toBeDefined();
    expect(f.name).toBe(id);
    expect(f.parameters.map((p) => p.name)).toEqual(params);
    expect(f.description).toMatch(VIETNAMESE);
    for (const p of f.parameters) expect(p.description).toMatch(VIETNAMESE);
    expect(f.options?.volatile ?? false).toBe(false);
  });

  it("takes ranges and spills where a column of tasks is natural", () => {
    expect(byId.get("TRANGTHAI")!.parameters[0]!.dimensionality).toBe("matrix");
    expect(byId.get("TRANGTHAI")!.result.dimensionality).toBe("matrix");
    expect(byId.get("DANHGIA")!.result.dimensionality).toBe("matrix");
    expect(
      byId
        .get("TRANGTHAI")!
        .parameters.filter((p) => p.optional)
        .map((p) => p.name),
    ).toEqual(["lapLai", "soNgaySapDenHan", "ngayCapNhat", "ngayChot"]);
  });
});
