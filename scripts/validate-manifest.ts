/**
 * npm run validate: checks manifest.xml (dev URLs) and the built dist/manifest.xml (production URLs)
 * against the files the build emitted. Exit 0 when both are valid, 1 otherwise.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readPngSize, validateManifest } from "./manifest/manifest-validator";

const root = resolve(__dirname, "..");
const dist = join(root, "dist");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { config: { prod_url: string } };
const DEV_URL = "https://localhost:3000/";

if (!existsSync(join(dist, "manifest.xml"))) {
  console.error("Chưa có bản dựng: chạy `npm run build` trước. / No build found: run `npm run build` first.");
  process.exit(1);
}

const emits = (relative: string) => {
  const path = join(dist, relative);
  return path.startsWith(dist) && existsSync(path) && statSync(path).isFile();
};
const pngSize = (relative: string) =>
  emits(relative) ? readPngSize(readFileSync(join(dist, relative))) : null;

const targets = [
  { file: join(root, "manifest.xml"), baseUrl: DEV_URL },
  { file: join(dist, "manifest.xml"), baseUrl: process.env.PLAN_TRACKER_URL || pkg.config.prod_url },
];

let failed = false;
for (const { file, baseUrl } of targets) {
  const xml = readFileSync(file, "utf8");
  const problems = validateManifest(xml, { baseUrl, emits, pngSize });
  if (baseUrl !== DEV_URL && xml.includes(DEV_URL))
    problems.push({ message: `The production manifest still points at ${DEV_URL}.` });
  if (problems.length === 0) {
    console.log(`✓ ${file.replace(`${root}/`, "")}: hợp lệ / valid (${baseUrl})`);
    continue;
  }
  failed = true;
  console.error(`✗ ${file.replace(`${root}/`, "")}: ${problems.length} lỗi / problems`);
  for (const p of problems) console.error(`  ${p.line ? `dòng/line ${p.line}: ` : ""}${p.message}`);
}
process.exit(failed ? 1 : 0);
