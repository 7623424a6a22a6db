import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const LUCIDE = { name: "lucide-react", message: "Import icons from #app/components/ui/icons.tsx (built once, not on every render)." };

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "app/generated/**", "data/**", "tests/.tmp/**", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      "react/no-unescaped-entities": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Reading process.env is the job of app/utils/env.server.ts only.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use getEnv() from app/utils/env.server.ts." }],
      "no-restricted-imports": ["error", { paths: [LUCIDE] }],
    },
  },
  // Layering (docs/decisions/062): routes parse, authorise, call a module and respond; modules hold the
  // rules and know nothing of the web framework. (A later block replaces the rule's options, so each
  // block repeats the icon rule.)
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [LUCIDE],
          patterns: [
            // `regex`, not `group`: gitignore-style groups read a leading "#" as a comment.
            { regex: "^(#app/utils/db\\.server(\\.ts)?$|#app/generated/|@prisma/)", message: "Routes do not touch the database: call a function in app/modules/<domain>/." },
            { regex: "^(#app/routes/|\\.{1,2}/)", message: "A route never imports another route (or a file beside it): move what they share to app/modules or app/components." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/modules/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [LUCIDE, { name: "express", message: "Modules know nothing of Express: take plain values from the caller." }],
          patterns: [{ group: ["@remix-run/**"], message: "Modules know nothing of Remix: return a Result and let the route respond (guards live in app/utils/guards.server.ts)." }],
        },
      ],
    },
  },
  {
    files: ["app/components/ui/icons.tsx", "app/components/ui/icons.test.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["app/utils/env.server.ts", "server/**", "tests/**", "prisma/**", "prisma.config.ts", "vite.config.ts", "app/utils/logger.server.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
