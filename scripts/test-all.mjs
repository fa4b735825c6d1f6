#!/usr/bin/env node
/**
 * npm test — everything CI checks, in order, stopping at the first failure:
 * typecheck, lint, production build, manifest validation, unit tests, browser tests.
 * Installs dependencies first when node_modules is missing, so it works on a fresh clone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function step(title, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (${seconds} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

/**
 * The real engines of the tests, from Debian: chromium (the pane), LibreOffice (recalculates and
 * renders the workbooks we write; driven through UNO by python3-uno as a clerk's Calc), poppler-utils
 * (pdftoppm), openpyxl (a clerk's workbook saved by another writer), Gnumeric (a second engine that
 * recalculates what we write). Installed here when missing and
 * we may (root with apt-get).
 */
function ensureEngines() {
  const needs = [
    [process.env.CHROMIUM_PATH || "/usr/bin/chromium", ["chromium"]],
    [process.env.SOFFICE_PATH || "/usr/bin/soffice", ["libreoffice-calc", "libreoffice-writer"]],
    ["/usr/bin/pdftoppm", ["poppler-utils"]],
    ["/usr/lib/python3/dist-packages/uno.py", ["python3-uno"]],
    ["/usr/lib/python3/dist-packages/openpyxl", ["python3-openpyxl"]],
    ["/usr/bin/ssconvert", ["gnumeric"]],
  ];
  const packages = needs.filter(([path]) => !existsSync(path)).flatMap(([, p]) => p);
  if (!packages.length) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !existsSync("/usr/bin/apt-get")) {
    console.error(
      `The tests need Debian's packages ${packages.join(", ")}: sudo apt-get install ${packages.join(" ")}`,
    );
    process.exit(1);
  }
  step("apt-get update", "apt-get", ["update"]);
  step(`apt-get install ${packages.join(" ")}`, "apt-get", ["install", "-y", ...packages]);
}

const counts = { passed: 0, failed: 0 };
function jest(title, project) {
  const out = join(root, "test-output", `jest-${project}.json`);
  mkdirSync(dirname(out), { recursive: true });
  try {
    step(title, npm, ["run", "-s", `test:${project}`, "--", "--json", `--outputFile=${out}`]);
  } finally {
    if (existsSync(out)) {
      const r = JSON.parse(readFileSync(out, "utf8"));
      counts.passed += r.numPassedTests;
      counts.failed += r.numFailedTests;
    }
  }
}

if (!existsSync(join(root, "node_modules", ".bin", "jest"))) step("npm ci", npm, ["ci"]);
ensureEngines();
step("typecheck", npm, ["run", "-s", "typecheck"]);
step("lint", npm, ["run", "-s", "lint"]);
step("build", npm, ["run", "-s", "build"]);
step("build CLI", npm, ["run", "-s", "build:cli"]);
step("validate manifest", npm, ["run", "-s", "validate"]);
jest("unit tests", "unit");
jest("browser tests", "browser");
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
