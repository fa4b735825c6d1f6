/**
 * Supply chain: the lockfile is committed and complete, and no package the add-in ships (a
 * non-dev dependency) runs an install script, so nothing is downloaded or built at install time
 * for what reaches the clerks. `npm audit` needs the registry's advisory service, which this
 * project's machines cannot reach (it answers 405); until it can run, every shipped package named
 * in a published high or critical advisory must be at or past the version that fixed it (the list
 * below, with the advisory), so that an install cannot bring a known-vulnerable version back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<
    string,
    { dev?: boolean; devOptional?: boolean; hasInstallScript?: boolean; version?: string }
  >;
};
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};

describe("lockfile", () => {
  it("pins every dependency of package.json", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    for (const name of Object.keys(pkg.dependencies))
      expect({ name, version: lock.packages[`node_modules/${name}`]?.version ?? null }).toEqual({
        name,
        version: expect.any(String),
      });
  });

  it("ships no package with an install script", () => {
    const shipped = Object.entries(lock.packages).filter(([k, v]) => k && !v.dev && !v.devOptional);
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.filter(([, v]) => v.hasInstallScript).map(([k]) => k)).toEqual([]);
  });
});

/**
 * Published advisories (high or critical, and one moderate) on packages the add-in ships or could
 * ship through exceljs, docx, pdfjs-dist, jszip and archiver: the first fixed version.
 */
const FIXED: Record<string, { version: string; advisory: string }> = {
  "pdfjs-dist": { version: "4.2.67", advisory: "CVE-2024-4367 (script run from a crafted PDF font)" },
  jszip: { version: "3.8.0", advisory: "CVE-2022-48285 (path traversal on extraction)" },
  "@xmldom/xmldom": { version: "0.8.4", advisory: "CVE-2022-39353 (several root elements)" },
  tmp: { version: "0.2.4", advisory: "CVE-2025-54798 (write through a symbolic link)" },
  fstream: { version: "1.0.12", advisory: "CVE-2019-13173 (file overwrite through hard links)" },
  minimatch: { version: "3.0.5", advisory: "CVE-2022-3517 (ReDoS)" },
  lodash: { version: "4.17.21", advisory: "CVE-2021-23337 (command injection in template)" },
  semver: { version: "7.5.2", advisory: "CVE-2022-25883 (ReDoS)" },
  "cross-spawn": { version: "7.0.5", advisory: "CVE-2024-21538 (ReDoS)" },
  ws: { version: "8.17.1", advisory: "CVE-2024-37890 (crash on many headers)" },
  braces: { version: "3.0.3", advisory: "CVE-2024-4068 (memory exhaustion)" },
  micromatch: { version: "4.0.8", advisory: "CVE-2024-4067 (ReDoS)" },
  "fast-xml-parser": { version: "4.4.1", advisory: "CVE-2024-41818 (ReDoS)" },
  xml2js: { version: "0.5.0", advisory: "CVE-2023-0842 (prototype pollution)" },
};

/** -1, 0 or 1 as version a is before, the same as or after b (numeric x.y.z, pre-releases before). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return Number(pa[i] ?? 0) < Number(pb[i] ?? 0) ? -1 : 1;
  // 1.2.3-rc.1 comes before 1.2.3.
  return pa.length > 3 && pb.length <= 3 ? -1 : pa.length <= 3 && pb.length > 3 ? 1 : 0;
}

describe("known advisories", () => {
  it("compares versions as npm does for plain releases", () => {
    expect(compareVersions("4.2.67", "4.2.9")).toBe(1);
    expect(compareVersions("3.10.2", "3.8.0")).toBe(1);
    expect(compareVersions("0.2.3", "0.2.4")).toBe(-1);
    expect(compareVersions("1.0.12", "1.0.12")).toBe(0);
    expect(compareVersions("8.17.1-rc.1", "8.17.1")).toBe(-1);
  });

  it("ships no package at a version a published advisory names", () => {
    const shipped = Object.entries(lock.packages).filter(([k, v]) => k && !v.dev && !v.devOptional);
    const vulnerable = shipped.flatMap(([path, v]) => {
      const name = path.replace(/^.*node_modules\//, "");
      const fixed = FIXED[name];
      return fixed && v.version && compareVersions(v.version, fixed.version) < 0
        ? [`${path}@${v.version}: ${fixed.advisory}, fixed in ${fixed.version}`]
        : [];
    });
    expect(vulnerable).toEqual([]);
    // The list is about packages that are there: most of them are shipped.
    const names = new Set(shipped.map(([path]) => path.replace(/^.*node_modules\//, "")));
    expect(Object.keys(FIXED).filter((n) => names.has(n)).length).toBeGreaterThanOrEqual(5);
  });
});
