#!/usr/bin/env node
/**
 * Compiles the headless CLI (src/cli/main.ts) to dist-cli/ with esbuild, so that `plan` starts
 * without a TypeScript loader. Our code is bundled; packages stay in node_modules and load only when
 * a command needs them (each command is imported on demand), so `plan version` starts at once.
 * Runs at install (npm's "prepare") and before the tests.
 */
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist-cli");
rmSync(outdir, { recursive: true, force: true });
await build({
  // The split's and the merge's worker threads load files of their own.
  entryPoints: [
    join(root, "src/cli/main.ts"),
    join(root, "src/cli/unit-workbook-worker.ts"),
    join(root, "src/cli/returned-file-worker.ts"),
  ],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  splitting: true,
  packages: "external",
  outdir,
  outExtension: { ".js": ".mjs" },
  // The sources use require.resolve (to find pdf.js's fonts); ESM output gets a require of its own.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as __planCreateRequire } from "node:module";\nconst require = __planCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
  // `exceljs` resolves to its Workbook alone (scripts/cli/exceljs-workbook-only.cjs), bundled; the
  // Workbook module itself stays a package import.
  plugins: [
    {
      name: "exceljs-workbook-only",
      setup(b) {
        b.onResolve({ filter: /^exceljs$/ }, () => ({
          path: join(root, "scripts/cli/exceljs-workbook-only.cjs"),
        }));
      },
    },
  ],
});
chmodSync(join(outdir, "main.mjs"), 0o755);
