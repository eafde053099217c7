// Is the dashboard build older than the sources it is made from? One rule for `npm start` and the browser suite.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The newest modification time of the sources the build is made from. */
export function newestSource(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, "app"));
  for (const f of ["vite.config.ts", "remix.config.js", "package-lock.json"])
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

/** True when the server build is missing or older than its sources. */
export function buildIsStale(root: string, serverBuild: string): boolean {
  return !existsSync(serverBuild) || statSync(serverBuild).mtimeMs < newestSource(root);
}
