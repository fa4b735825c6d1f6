#!/usr/bin/env node
/**
 * npm run pictures — copies the README's pictures from what the last `npm test` drew in
 * test-output/ (the browser tests' screenshots, LibreOffice's renderings of the report and the
 * tracking sheet, the web app's print view): the README never shows a picture older than the code.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** docs/ name ← test-output/ name. */
const PICTURES = {
  "web-report.png": "web-report.png",
  "web-import.png": "web-import.png",
  "web-print.png": "web-print-1.png",
  "report-page.png": "report-seed-000-page-1.png",
  "tracking-sheet-print.png": "tracking-sheet-page-1.png",
  "pane-track.png": "track-step.png",
  "pane-report.png": "report-step.png",
};

mkdirSync(join(root, "docs"), { recursive: true });
const missing = [];
for (const [to, from] of Object.entries(PICTURES)) {
  const source = join(root, "test-output", from);
  if (!existsSync(source)) {
    missing.push(from);
    continue;
  }
  copyFileSync(source, join(root, "docs", to));
  console.log(`docs/${to} ← test-output/${from}`);
}
if (missing.length) {
  console.error(`Not drawn yet (run npm test first): ${missing.join(", ")}`);
  process.exit(1);
}
