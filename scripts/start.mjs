#!/usr/bin/env node
/**
 * npm start — runs the add-in for a person.
 *
 * - Windows or macOS (Excel desktop can be there): office-addin-debugging starts the dev server and
 *   sideloads manifest.xml into Excel desktop.
 * - `npm start -- web --document <url>`: the dev server, plus the Excel-on-the-web link that
 *   sideloads the add-in into that workbook (opened for you where a browser can be opened).
 * - Anywhere else (Linux, CI boxes): the dev server keeps running on https://localhost:3000 and the
 *   console says how to sideload into Excel on the web. It does not fail for want of Excel.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const args = process.argv.slice(2);

// A fresh clone: install first, so `npm start` is the only command a new user needs.
if (!existsSync(join(root, "node_modules", ".bin", "webpack"))) {
  console.log("Đang cài đặt các gói (npm ci)… / Installing dependencies (npm ci)…");
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const guid = /<Id>([^<]+)<\/Id>/.exec(manifest)?.[1] ?? "";

function option(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function webSideloadUrl(documentUrl) {
  const url = new URL(documentUrl);
  url.searchParams.set("wdaddindevserverport", String(PORT));
  url.searchParams.set("wdaddinmanifestfile", "manifest.xml");
  url.searchParams.set("wdaddinmanifestguid", guid);
  return url.toString();
}

function printWebInstructions(documentUrl) {
  const lines = [
    "",
    "════════ Theo dõi Kế hoạch — Excel trên web / Excel on the web ════════",
    `Máy chủ phát triển: https://localhost:${PORT}/taskpane.html (Ctrl+C để dừng).`,
    "Máy này không có Excel desktop. Nạp phần bổ trợ vào Excel trên web:",
    "  1. Mở một sổ làm việc trong Excel trên web (Microsoft 365 / OneDrive / SharePoint).",
    "  2. Chèn → Phần bổ trợ → Tải lên phần bổ trợ (Upload My Add-in) → chọn tệp manifest.xml của thư mục này.",
    "  3. Trên thẻ Trang đầu, bấm “Mở Theo dõi Kế hoạch”.",
    "  Hoặc: npm start -- web --document <liên kết sổ làm việc> để nhận liên kết tự nạp.",
    "  Trình duyệt phải tin cậy chứng chỉ https://localhost:" +
      PORT +
      " (xem ~/.office-addin-dev-certs/ca.crt).",
    "",
    `Dev server: https://localhost:${PORT}/taskpane.html (Ctrl+C to stop).`,
    "No Excel desktop on this machine. To sideload into Excel on the web:",
    "  1. Open a workbook in Excel on the web.",
    "  2. Insert → Add-ins → Upload My Add-in → choose manifest.xml from this folder.",
    "  3. On the Home tab, select “Open Plan Tracker”.",
    "  Or: npm start -- web --document <workbook URL> for a link that sideloads it.",
  ];
  if (documentUrl) {
    lines.push("", "Liên kết tự nạp / sideload link:", `  ${webSideloadUrl(documentUrl)}`);
  }
  lines.push("══════════════════════════════════════════════════════════════════════", "");
  console.log(lines.join("\n"));
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}

function tryOpen(url) {
  if (process.platform !== "linux" || !process.env.DISPLAY) return;
  const child = spawn("xdg-open", [url], { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

async function serveForWeb(documentUrl) {
  printWebInstructions(documentUrl);
  if (documentUrl) tryOpen(webSideloadUrl(documentUrl));
  const code = await run(bin("webpack"), ["serve", "--mode", "development"]);
  process.exit(code);
}

const desktopCapable = process.platform === "win32" || process.platform === "darwin";
const wantsWeb = args[0] === "web";
const documentUrl = option("--document");

if (wantsWeb && documentUrl) {
  try {
    new URL(documentUrl);
  } catch {
    console.error(`Liên kết sổ làm việc không hợp lệ / invalid workbook URL: ${documentUrl}`);
    process.exit(2);
  }
}

if (desktopCapable && !wantsWeb) {
  const code = await run(bin("office-addin-debugging"), [
    "start",
    "manifest.xml",
    "desktop",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(PORT),
    ...args,
  ]);
  if (code !== 0) {
    console.warn(
      "Không mở được Excel desktop; chuyển sang Excel trên web. / Could not start Excel desktop; use Excel on the web.",
    );
    await serveForWeb(undefined);
  }
} else {
  await serveForWeb(wantsWeb ? documentUrl : undefined);
}
