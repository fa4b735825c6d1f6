// Build of the add-in: task pane + custom functions (one shared runtime), help page, icons and the
// manifest with its URLs rewritten for production.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
/** Where the production build is served; override with PLAN_TRACKER_URL=https://host/path/ npm run build */
const PROD_URL = process.env.PLAN_TRACKER_URL || pkg.config.prod_url;

/** Rewrites every occurrence of the dev URL, not only the first. */
function rewriteManifest(content, dev) {
  const text = content.toString();
  return dev ? text : text.split(DEV_URL).join(PROD_URL.endsWith("/") ? PROD_URL : `${PROD_URL}/`);
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      ],
    },
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
};
