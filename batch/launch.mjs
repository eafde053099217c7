#!/usr/bin/env node
// Runs a TypeScript entry point (the batch CLI, the bench) as one ESM bundle under plain Node: the same code tsx
// would run, without tsx's loader thread and per-module transforms — about 50 MB less memory and a second less
// start-up, which matters for imports held to a memory budget. The bundle is rebuilt on every start (esbuild,
// ~0.2 s) and cached by content, so it is never stale; packages stay external (node_modules, as installed).
//
//   node batch/launch.mjs batch/bin.ts import handoffs FILE.csv
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleEntry } from "../app/core/bundle.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node batch/launch.mjs ENTRY.ts [ARGS…]\n");
  process.exit(2);
}
const source = path.resolve(root, entry);
// esbuild's service process is not needed past this point
const bundle = await bundleEntry(root, source, { stopAfter: true });

// the entry sees its own path and arguments, as under tsx
process.argv = [process.argv[0], source, ...args];
await import(pathToFileURL(bundle).href);
