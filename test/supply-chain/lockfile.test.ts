/**
 * Supply chain: the lockfile is committed and complete, and no package the add-in ships (a
 * non-dev dependency) runs an install script, so nothing is downloaded or built at install time
 * for what reaches the clerks. (npm audit needs the registry's advisory service; see the note.)
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
