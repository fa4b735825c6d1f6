// Two projects: fast unit tests, and browser tests that drive the built pane in headless Chromium.
const tsJest = [
  "ts-jest",
  {
    tsconfig: { jsx: "react-jsx", module: "commonjs", esModuleInterop: true, isolatedModules: true },
    diagnostics: false,
  },
];

// office-addin-mock reaches strip-bom and uuid, which ship only as ES modules: compile those too.
const esmOnly = ["strip-bom", "uuid"];
const transform = {
  "^.+\\.tsx?$": tsJest,
  [`/node_modules/(.+/)?(${esmOnly.join("|")})/.+\\.js$`]: [
    "ts-jest",
    { tsconfig: { allowJs: true, module: "commonjs" }, diagnostics: false },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(.+/)?(${esmOnly.join("|")})/)`];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "\\.browser\\.test\\.ts$"],
      transform,
      transformIgnorePatterns,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.browser.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
