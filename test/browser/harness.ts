/**
 * Browser test harness: serves the built add-in (dist/) on localhost, bundles the Excel double and
 * opens pages in Debian's headless Chromium through playwright-core.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = join(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "test-output");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json",
};

/** Builds dist/ when it is missing (npm test builds it before the browser tests run). */
export function ensureBuilt(): void {
  if (existsSync(join(DIST, "taskpane.html")) && existsSync(join(DIST, "web", "index.html"))) return;
  const r = spawnSync(join(ROOT, "node_modules/.bin/webpack"), ["--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Serves a folder of the build as any plain static server would (no rewriting): dist/ for the pane,
 * dist/web/ for the web app. `index`: the file served for "/".
 */
export async function serveDist(
  root = DIST,
  index = "taskpane.html",
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path === "/" ? index : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export async function doubleScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, "install-double.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    target: "es2020",
  });
  return result.outputFiles[0]!.text;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PaneProblems {
  console: string[];
  page: string[];
}

/** Opens the pane with the double installed and office.js (unreachable here) replaced by an empty script. */
export async function openPane(
  browser: Browser,
  origin: string,
  script: string,
  width = 320,
): Promise<{ page: Page; problems: PaneProblems }> {
  const context = await browser.newContext({ viewport: { width, height: 720 }, locale: "vi-VN" });
  const page = await context.newPage();
  const problems: PaneProblems = { console: [], page: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.console.push(m.text());
  });
  page.on("pageerror", (e) => problems.page.push(String(e)));
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stand-in */" }),
  );
  await page.addInitScript({ content: script });
  await page.goto(`${origin}/taskpane.html`);
  return { page, problems };
}

export function screenshotPath(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return join(OUTPUT, name);
}
