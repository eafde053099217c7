import { defineConfig } from "vitest/config";

// Three suites: `unit` (fixtures the repo owns), `e2e` (the built server in real headless Chromium) and
// `shared` (the labelled and real files in ../shared/data, read at run time).
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    // the JSON report lets .ci/run print a plain "N passed, N failed" line
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.{ts,tsx}"], exclude: ["test/shared/**", "test/e2e/**"], testTimeout: 30000, pool: "forks" } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], testTimeout: 180000, hookTimeout: 180000, pool: "forks" } },
      { extends: true, test: { name: "shared", include: ["test/shared/**/*.test.ts"], testTimeout: 120000, pool: "forks" } },
    ],
  },
});
