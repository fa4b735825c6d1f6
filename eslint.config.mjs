// ESLint flat config: the Office add-in rules (load/sync discipline, no sync in loops), TypeScript and
// prettier, from eslint-plugin-office-addins' recommended set. Warnings fail `npm run lint` (--max-warnings=0).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// The office-addins set registers its own @typescript-eslint and prettier plugins; reuse those objects
// so the same rules also cover .tsx files.
const officeBlock = officeAddins.configs.recommended.find((c) => c.plugins?.["office-addins"]);

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-output/**",
      "scratch/**",
      "dist-cli/**",
      "**/*.d.ts",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.tsx"],
    plugins: officeBlock.plugins,
    rules: officeBlock.rules,
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off", // TypeScript checks names; the rule does not know TS types and globals.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "office-addins/no-context-sync-in-loop": "error",
    },
  },
  {
    // exceljs objects are plain objects, not Office.js proxies: the load/sync rules do not apply.
    files: [
      "src/xlsx/**",
      "test/xlsx/**",
      "src/cli/**",
      "test/cli/**",
      "src/readers/**",
      "test/readers/**",
      "test/fixtures/clerk-edits.ts",
      "test/core/merge/**",
    ],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // The pure core: no Office, no DOM, no Node.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "CustomFunctions",
        "window",
        "document",
        "process",
      ],
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "react", "react-dom", "exceljs", "@fluentui/*"] },
      ],
    },
  },
];
