// `npm start`: builds the app when no build exists, opens (and on first run creates and seeds) the database,
// serves the dashboard, runs the nightly job on a schedule, and takes batch jobs handed over by the CLI.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.server";
import { buildIsStale } from "./build-freshness";
import { checkEnv } from "../app/core/env.server";
import { errorMessage } from "../app/core/errors";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverBuild = path.join(root, "build", "server", "index.js");

// every PT_* / OPENAI_* variable checked before anything starts: a bad one stops here, by name
const checked = checkEnv();
if (!checked.ok) {
  console.error(`error: ${checked.message}`);
  process.exit(2);
}
const stale = existsSync(serverBuild) && buildIsStale(root, serverBuild);
if (!existsSync(serverBuild) || stale || checked.env.PT_REBUILD) {
  console.log(
    stale
      ? "The sources changed since the last build: rebuilding the dashboard…"
      : "No build found: building the dashboard (about 20 s, once)…",
  );
  const r = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"],
    { cwd: root, stdio: "inherit" },
  );
  if (r.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(1);
  }
}
startServer({ root, serverBuild }).catch((e) => {
  console.error(`error: ${errorMessage(e)}`);
  process.exit(1);
});
