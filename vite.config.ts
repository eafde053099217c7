import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixOptions from "./remix.config.js";

export default defineConfig({
  plugins: [remix(remixOptions)],
  resolve: { alias: { "~": "/app" } },
  optimizeDeps: { exclude: ["@duckdb/node-api", "@duckdb/node-bindings"] },
  ssr: { external: ["@duckdb/node-api", "@duckdb/node-bindings"] },
  build: { target: "es2022" },
});
