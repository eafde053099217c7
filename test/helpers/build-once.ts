// Global setup of the browser suite: builds the dashboard once, before any test file starts a server. Several e2e
// files start servers at the same time; each server would otherwise find no (or a stale) build and run its own
// `vite build` into the same folder while another server is loading it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const serverBuild = path.join(root, "build", "server", "index.js");

/** The newest modification time of the sources the build is made from (the same rule as server/start.ts). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, "app"));
  for (const f of ["vite.config.ts", "remix.config.js", "package-lock.json"]) if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

export default function setup(): void {
  if (existsSync(serverBuild) && statSync(serverBuild).mtimeMs >= newestSource()) return;
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("the dashboard build failed; see the messages above");
}
