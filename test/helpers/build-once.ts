// Global setup of the browser suite: builds the dashboard once, before any test file starts a server. Several e2e
// files start servers at the same time; each server would otherwise find no (or a stale) build and run its own
// `vite build` into the same folder while another server is loading it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "../../server/build-freshness";

const root = path.resolve(import.meta.dirname, "../..");
const serverBuild = path.join(root, "build", "server", "index.js");

export default function setup(): void {
  if (!buildIsStale(root, serverBuild)) return;
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"],
    { cwd: root, stdio: "inherit" },
  );
  if (r.status !== 0) throw new Error("the dashboard build failed; see the messages above");
}
