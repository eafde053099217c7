#!/usr/bin/env node
// Runs a TypeScript entry point (the batch CLI, the bench) as one ESM bundle under plain Node: the same code tsx
// would run, without tsx's loader thread and per-module transforms — about 50 MB less memory and a second less
// start-up, which matters for imports held to a memory budget. The bundle is rebuilt on every start (esbuild,
// ~0.2 s) and cached by content, so it is never stale; packages stay external (node_modules, as installed).
//
//   node batch/launch.mjs batch/bin.ts import handoffs FILE.csv
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node batch/launch.mjs ENTRY.ts [ARGS…]\n");
  process.exit(2);
}
const source = path.resolve(root, entry);
const { outputFiles } = await build({
  entryPoints: [source],
  write: false,
  outfile: "bundle.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "error",
});
const code = outputFiles[0].contents;
await stop(); // esbuild's service process is not needed past this point

// named by content: commands started together share one file, written whole (rename) or not at all
const dir = path.join(root, "node_modules", ".cache", "promise-trail");
const name = path.basename(entry, ".ts");
const bundle = path.join(dir, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
mkdirSync(dir, { recursive: true });
if (!existsSync(bundle)) {
  const partial = `${bundle}.${process.pid}`;
  writeFileSync(partial, code);
  renameSync(partial, bundle);
}
// bundles of older sources go after an hour (a process started from one has long since loaded it)
for (const f of readdirSync(dir)) {
  const file = path.join(dir, f);
  if (f.startsWith(`${name}-`) && file !== bundle && Date.now() - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true });
}

// the entry sees its own path and arguments, as under tsx
process.argv = [process.argv[0], source, ...args];
await import(pathToFileURL(bundle).href);
