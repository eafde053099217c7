// `npm start`: builds the app when no build exists, opens (and on first run creates and seeds) the database,
// serves the dashboard, runs the nightly job on a schedule, and takes batch jobs handed over by the CLI.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverBuild = path.join(root, "build", "server", "index.js");

/** The newest modification time of the sources the build is made from. */
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

const stale = existsSync(serverBuild) && statSync(serverBuild).mtimeMs < newestSource();
if (!existsSync(serverBuild) || stale || process.env.PT_REBUILD === "1") {
  console.log(stale ? "The sources changed since the last build: rebuilding the dashboard…" : "No build found: building the dashboard (about 20 s, once)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
}
startServer({ root, serverBuild }).catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
