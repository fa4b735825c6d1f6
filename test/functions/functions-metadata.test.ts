import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string }[];
}

describe("custom functions metadata", () => {
  it("generates functions.json from the JSDoc with Vietnamese descriptions", async () => {
    const file = join(__dirname, "../../src/functions/functions.ts");
    const result = await generateCustomFunctionsMetadata([file], true);
    expect(result.errors).toEqual([]);
    const { functions } = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(byId.get("PHIENBAN")).toMatchObject({ name: "PHIENBAN", parameters: [] });
    for (const f of functions)
      expect(f.description).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
  });
});
