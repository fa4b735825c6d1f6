import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEV_URL, rewriteManifestUrls } from "../../../scripts/manifest/rewrite-manifest-urls";

describe("production manifest URLs", () => {
  const manifest = readFileSync(join(__dirname, "../../../manifest.xml"), "utf8");

  it("rewrites every occurrence of the dev URL", () => {
    const count = manifest.split(DEV_URL).length - 1;
    expect(count).toBeGreaterThan(5);
    const prod = rewriteManifestUrls(manifest, "https://kh.example.vn/addin");
    expect(prod).not.toContain("localhost");
    expect(prod.split("https://kh.example.vn/addin/").length - 1).toBe(count);
  });

  it("refuses a production URL that is not https", () => {
    expect(() => rewriteManifestUrls(manifest, "http://kh.example.vn/")).toThrow(/https/);
  });
});
