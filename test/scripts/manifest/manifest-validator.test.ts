import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  readPngSize,
  validateManifest,
  type ValidationContext,
} from "../../../scripts/manifest/manifest-validator";

const root = join(__dirname, "../../..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const BUILT = new Set([
  "taskpane.html",
  "functions.js",
  "functions.json",
  "help.html",
  ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`),
]);

const ctx: ValidationContext = {
  baseUrl: "https://localhost:3000/",
  emits: (p) => BUILT.has(p),
  pngSize: (p) => (BUILT.has(p) && p.startsWith("assets/") ? readPngSize(readFileSync(join(root, p))) : null),
};

function problemsOf(xml: string): string[] {
  return validateManifest(xml, ctx).map((p) => p.message);
}

describe("manifest validator", () => {
  it("accepts the add-in's manifest", () => {
    expect(problemsOf(manifest)).toEqual([]);
  });

  it("rejects a resid that no resource defines", () => {
    const broken = manifest.replace(/<bt:String id="Group\.Label"[\s\S]*?<\/bt:String>/, "");
    expect(broken).not.toBe(manifest);
    expect(problemsOf(broken)).toEqual([expect.stringContaining(`resid="Group.Label"`)]);
  });

  it("rejects top-level elements out of schema order", () => {
    const swapped = manifest.replace(
      /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/,
      (_m, id: string, space: string, version: string) => `${version}${space}${id}`,
    );
    expect(swapped).not.toBe(manifest);
    expect(problemsOf(swapped)).toEqual([expect.stringMatching(/<Id> must come before <Version>/)]);
  });

  it("rejects misordered children deeper in the tree", () => {
    const swapped = manifest.replace(
      /(<Label resid="OpenPane\.Label"\/>)(\s*)(<Supertip>[\s\S]*?<\/Supertip>)/,
      (_m, label: string, space: string, tip: string) => `${tip}${space}${label}`,
    );
    expect(problemsOf(swapped)).toEqual([expect.stringMatching(/<Label> must come before <Supertip>/)]);
  });

  it("rejects XML that is not well-formed", () => {
    expect(problemsOf(manifest.replace("</DisplayName>", ""))[0]).toMatch(/not well-formed/);
  });

  it("rejects a URL the build does not emit", () => {
    const broken = manifest.replace("functions.json", "functions-old.json");
    expect(problemsOf(broken)).toEqual([expect.stringContaining("functions-old.json")]);
  });

  it("rejects an icon of the wrong pixel size", () => {
    const broken = manifest.replace(
      'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
      'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
    );
    expect(problemsOf(broken).join("\n")).toMatch(/64×64 px but is used as size 80/);
  });

  it("rejects duplicate ids, a resource of the wrong kind and extra permissions", () => {
    const dupe = manifest.replace('<Group id="PlanTracker.Group">', '<Group id="PlanTracker.OpenPane">');
    expect(problemsOf(dupe)).toEqual([expect.stringContaining(`"PlanTracker.OpenPane" is used twice`)]);
    const kind = manifest.replace('<Label resid="Group.Label"/>', '<Label resid="Help.Url"/>');
    expect(problemsOf(kind)).toEqual([expect.stringContaining("must refer to a <bt:ShortStrings> entry")]);
    const perm = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadWriteMailbox</Permissions>",
    );
    expect(problemsOf(perm)).toEqual([expect.stringContaining("must be ReadWriteDocument")]);
  });

  it("reads PNG sizes and refuses other files", () => {
    expect(readPngSize(readFileSync(join(root, "assets/icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(readPngSize(new TextEncoder().encode("not a png at all, not a png at all"))).toBeNull();
  });
});
