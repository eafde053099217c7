// Bundles a TypeScript entry point into one ESM file under plain Node (esbuild; packages stay external, as
// installed), named by content in node_modules/.cache/promise-trail, so it is never stale and processes started
// together share one file. Used by batch/launch.mjs (the CLI, the bench) and by the scoring worker pool, whose
// workers must load the scorer the same way under tsx, vitest, the CLI's bundle and the dashboard's build.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes the bundle of `source` (an absolute path) and returns its path. `stopAfter` stops esbuild's service
 * process once done (the CLI needs it no more; a long-running process that may bundle again keeps it).
 * @param {string} root the project root
 * @param {string} source the entry's absolute path
 * @param {{ stopAfter?: boolean }} [opts]
 * @returns {Promise<string>}
 */
export async function bundleEntry(root, source, opts = {}) {
  const { build, stop } = await import("esbuild");
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
  if (opts.stopAfter) await stop();

  // named by content: commands started together share one file, written whole (rename) or not at all
  const dir = path.join(root, "node_modules", ".cache", "promise-trail");
  const name = path.basename(source, ".ts");
  const bundle = path.join(dir, `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(bundle)) {
    const partial = `${bundle}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, code);
    renameSync(partial, bundle);
  }
  // bundles of older sources go after an hour (a process started from one has long since loaded it)
  for (const f of readdirSync(dir)) {
    const file = path.join(dir, f);
    if (f.startsWith(`${name}-`) && file !== bundle && Date.now() - statSync(file).mtimeMs > 3_600_000)
      rmSync(file, { force: true });
  }
  return bundle;
}
