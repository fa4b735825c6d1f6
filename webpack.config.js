// Build of the add-in: task pane + custom functions (one shared runtime), help page, icons and the
// manifest with its URLs rewritten for production.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");
const { rewriteManifestUrls } = require("./scripts/manifest/rewrite-manifest-urls");

/** Where the production build is served; override with PLAN_TRACKER_URL=https://host/path/ npm run build */
const PROD_URL = process.env.PLAN_TRACKER_URL || pkg.config.prod_url;

function rewriteManifest(content, dev) {
  return dev ? content : rewriteManifestUrls(content.toString(), PROD_URL);
}

/**
 * HTTPS for the dev server. office-addin-dev-certs generates a localhost certificate and installs its
 * CA into the system store; where that install cannot run (Linux without sudo, containers), the
 * generated certificate is used anyway and the console says how to trust it, so serving never stops.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = {
      ca: path.join(dir, "ca.crt"),
      cert: path.join(dir, "localhost.crt"),
      key: path.join(dir, "localhost.key"),
    };
    if (!Object.values(files).every((f) => fs.existsSync(f))) {
      await devCerts.generateCertificates(files.ca, files.cert, files.key);
    }
    console.warn(
      `\n[Theo dõi Kế hoạch] Không cài được chứng chỉ CA vào hệ thống (${error.message.split("\n")[0]}).\n` +
        `  Máy chủ vẫn chạy với chứng chỉ tự ký. Để trình duyệt tin cậy https://localhost:3000, nhập ${files.ca} vào trình duyệt.\n` +
        `  Could not install the CA certificate; serving with it anyway. Trust ${files.ca} in your browser.\n`,
    );
    return {
      ca: fs.readFileSync(files.ca),
      cert: fs.readFileSync(files.cert),
      key: fs.readFileSync(files.key),
    };
  }
}

/**
 * Writes sw.js, the web app's service worker, with the list of every file of the build (source maps
 * left out) and a version from their hashes: it keeps them at the first visit and serves them from then
 * on, so the app opens without a network. A new build has a new version and replaces the kept files.
 */
class ServiceWorkerPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ServiceWorkerPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ServiceWorkerPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const files = Object.keys(assets)
            .filter((f) => !f.endsWith(".map") && !f.endsWith(".LICENSE.txt") && f !== "sw.js")
            .sort();
          const hash = require("node:crypto").createHash("sha256");
          for (const f of files) hash.update(f).update(compilation.getAsset(f).source.buffer());
          const template = require("node:fs").readFileSync(path.join(__dirname, "src/web/sw.js"), "utf8");
          const body = template
            .replace('"__VERSION__"', JSON.stringify(hash.digest("hex").slice(0, 16)))
            .replace('["__FILES__"]', JSON.stringify(["./", ...files]));
          compilation.emitAsset("sw.js", new sources.RawSource(body));
        },
      );
    });
  }
}

const rules = [
  {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { transpileOnly: true } },
  },
  { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
];

const resolve = {
  extensions: [".ts", ".tsx", ".js"],
  // csv-parse's default build reads the Node global Buffer at load time; the pane gets its browser build.
  alias: {
    "csv-parse/sync$": require.resolve("csv-parse/browser/esm/sync"),
    // Files on disk are the CLI's: the pane works on bytes (XlsxWorkbook.fromBytes / toBytes).
    [path.resolve(__dirname, "src/xlsx/xlsx-files.ts")]: false,
  },
};

/** The web app: the same steps over files, as plain static files in dist/web/ (index.html first). */
function webConfig() {
  return {
    name: "web",
    devtool: "source-map",
    entry: { web: "./src/web/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve,
    module: { rules },
    performance: { hints: false },
    plugins: [
      new MiniCssExtractPlugin({ filename: "[name].[contenthash:8].css" }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/web/index.html",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: require.resolve("pdfjs-dist/legacy/build/pdf.worker.min.mjs"), to: "pdf.worker.min.mjs" },
        ],
      }),
      new ServiceWorkerPlugin(),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  // The dev server serves the add-in; the web app is built with it otherwise.
  const configs = [await addinConfig(env, options, dev, serving)];
  if (!serving) configs.push(webConfig());
  return configs;
};

async function addinConfig(env, options, dev, serving) {
  return {
    name: "addin",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // dist/web/ is the web app's, written by its own build.
      clean: { keep: (asset) => asset.startsWith("web/") },
    },
    resolve,
    module: { rules },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new MiniCssExtractPlugin({ filename: "[name].css" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // pdf.js reads .pdf files in a worker of its own, served with the pane (same origin).
          { from: require.resolve("pdfjs-dist/legacy/build/pdf.worker.min.mjs"), to: "pdf.worker.min.mjs" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, dev) },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: serving ? await httpsOptions() : undefined },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
}
