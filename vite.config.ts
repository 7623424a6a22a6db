/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  server: { watch: { ignored: ["**/data/**", "**/tests/.tmp/**"] } },
  build: { target: "es2022", sourcemap: false },
  plugins: isVitest
    ? []
    : [
        tailwindcss(),
        remix({
          ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
          serverModuleFormat: "esm",
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_lazyRouteDiscovery: true,
            v3_singleFetch: true,
            v3_routeConfig: true,
          },
        }),
      ],
  resolve: {
    alias: [
      { find: /^#app\/(.*)$/, replacement: `${import.meta.dirname}/app/$1` },
      { find: /^#emails\/(.*)$/, replacement: `${import.meta.dirname}/emails/$1` },
      { find: /^#prisma\/(.*)$/, replacement: `${import.meta.dirname}/prisma/$1` },
      { find: /^#tests\/(.*)$/, replacement: `${import.meta.dirname}/tests/$1` },
      { find: /^#server\/(.*)$/, replacement: `${import.meta.dirname}/server/$1` },
    ],
  },
  test: {
    // Each project is a suite: unit tests beside the code, integration and e2e under tests/.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "tests/setup/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "prisma/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/unit-env.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/test-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The integration suite again on PostgreSQL (a database per file from a migrated template),
          // plus the PostgreSQL-only tests in tests/scale-pg. `npm test` runs it when PostgreSQL answers.
          name: "integration-pg",
          include: ["tests/integration/**/*.test.ts", "tests/scale-pg/**/*.test.ts"],
          // SQLite-only: the first start on a SQLite file (its PostgreSQL twin is tests/scale-pg/start.test.ts),
          // the SQLite online backup, the SQLite migration's data copy, and the feed at 100,000 posts written
          // straight into the SQLite file (its query plan read from SQLite).
          exclude: ["tests/integration/lifecycle.test.ts", "tests/integration/backup.test.ts", "tests/integration/spotlight-migration.test.ts", "tests/integration/posts-scale.test.ts"],
          globalSetup: ["tests/setup/global-setup-pg.ts"],
          setupFiles: ["tests/setup/test-env.ts"],
          env: { TEST_DATABASE: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/test-env.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Scale-out: several app processes sharing Redis; the nginx suite on PostgreSQL (run only when
          // Redis, PostgreSQL and nginx are present).
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup-scale.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
