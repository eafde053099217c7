// `npm run bench`: speed and memory on a generated 100,000-packet set, printed (not pass/fail).
// Each phase runs in its own process so its peak RSS is its own. Ratios are measured in the same run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../app/core/db/db.server";

const out = path.join(PROJECT_ROOT, "bench", "out");
const packets = Number(process.env.BENCH_PACKETS ?? 100000);
const set = path.join(out, `set-${packets}`);
const db = path.join(out, `bench-${packets}.duckdb`);
mkdirSync(out, { recursive: true });

// The machine is shared: each phase's figures carry the 1-minute load average at its start (2 cores: above ~1 the
// phase competes with other work, and its wall time says more about the machine than about the code).
function phase(name: string, on: { set: string; db: string } = { set, db }): Record<string, number | string> {
  const load = loadavg()[0];
  // batch work runs as `npm run batch` runs it (one bundle under plain Node), the dashboard as `npm start` does (tsx)
  const runner =
    name === "http" ? "node_modules/tsx/dist/cli.mjs bench/http-phase.ts" : "batch/launch.mjs bench/phase.ts";
  const [bin, entry] = runner.split(" ");
  const r = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, bin), path.join(PROJECT_ROOT, entry), name, on.set, on.db],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`bench phase ${name} failed`);
  return { ...JSON.parse(r.stdout.trim().split("\n").pop()!), load };
}

/** The generated set of n packets (made once, kept in bench/out). */
function generated(n: number, seed: number): string {
  const dir = path.join(out, `set-${n}`);
  if (!existsSync(path.join(dir, "handoffs.csv"))) {
    console.log(`generating ${n.toLocaleString()} packets…`);
    const g = spawnSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"),
        path.join(PROJECT_ROOT, "seeds/generate.ts"),
        "--packets",
        String(n),
        "--seed",
        String(seed),
        "--out",
        dir,
      ],
      { stdio: "inherit" },
    );
    if (g.status !== 0) process.exit(1);
  }
  return dir;
}
generated(packets, 101);
for (const f of readdirSync(out))
  if (f.startsWith(path.basename(db))) rmSync(path.join(out, f), { recursive: true, force: true });
const mb = statSync(path.join(set, "handoffs.csv")).size / 1048576;
// BENCH_ONLY=import runs the import phases alone (100 MB file, both readers, re-import)
const only = process.env.BENCH_ONLY;
const fmt = (x: number | string, d = 1) =>
  typeof x === "number" ? x.toLocaleString("en-US", { maximumFractionDigits: d }) : x;

console.log(`\n== import (${fmt(mb)} MB, ${packets.toLocaleString()} packets)`);
const imp = phase("import");
console.log(
  `importCsv (${imp.reader} reader): ${fmt(imp.seconds, 2)} s (CPU ${fmt(imp.cpu_seconds, 2)} ` +
    `s) · ${fmt(imp.rows_per_s, 0)} rows/s · ${fmt(Number(imp.mb) / Number(imp.seconds))} ` +
    `MB/s · peak RSS ${fmt(imp.rss_mb, 0)} MB · load ${fmt(imp.load)}`,
);
console.log(
  `DuckDB read_csv of the same file: ${fmt(imp.read_csv_seconds, 2)} s → ` +
    `ratio ${fmt(Number(imp.seconds) / Number(imp.read_csv_seconds), 1)}×  ` +
    ` (targets: ≥ 25 MB/s, RSS < 400 MB)`,
);
const imp2 = phase("reimport");
const str = phase("stream");
console.log(
  `streaming reader (what an irregular file takes: Windows-1252, footers, ` +
    `ragged rows): ${fmt(str.seconds, 2)} s (CPU ${fmt(str.cpu_seconds, 2)} ` +
    `s) · ${fmt(Number(str.mb) / Number(str.seconds))} MB/s · peak RSS ${fmt(str.rss_mb, 0)} ` +
    `MB · load ${fmt(str.load)}`,
);
console.log(
  `re-import, all unchanged: ${fmt(imp2.seconds, 2)} s (${imp2.unchanged} ` +
    `unchanged) · peak RSS ${fmt(imp2.rss_mb, 0)} MB · load ${fmt(imp2.load)}`,
);
if (only === "import") process.exit(0);
// "whatever the file size": the same imports of a set twice as large
const twice = { set: generated(packets * 2, 102), db };
const [big, bigStream] = [phase("scale", twice), phase("scale-stream", twice)];
console.log(
  `a file twice as large (${fmt(big.mb, 0)} MB): ${fmt(Number(big.mb) / Number(big.seconds))} ` +
    `MB/s · peak RSS ${fmt(big.rss_mb, 0)} MB; ` +
    `streaming reader ${fmt(Number(bigStream.mb) / Number(bigStream.seconds))} ` +
    `MB/s · peak RSS ${fmt(bigStream.rss_mb, 0)} MB`,
);

console.log("\n== scoring");
const sc = phase("score");
console.log(
  `first run: ${fmt(sc.scored, 0)} packets in ${fmt(sc.seconds, 1)} s (CPU ` +
    `${fmt(sc.cpu_seconds, 1)} s, ${fmt((1000 * Number(sc.cpu_seconds)) / Number(sc.scored), 2)} ms a packet) · ` +
    `${fmt(sc.packets_per_s, 0)} packets/s · ${fmt(sc.flags, 0)} flags · peak RSS ${fmt(sc.rss_mb, 0)} MB · ` +
    `load ${fmt(sc.load)}   (targets: ≥ 1,000 packets/s, RSS < 1 GB)`,
);
const sc2 = phase("score");
console.log(
  `no-change rerun: ${fmt(sc2.seconds, 2)} s (${fmt(sc2.scored, 0)} scored) · load ${fmt(sc2.load)}   ` +
    `(target < 10 s)`,
);

console.log("\n== reviews, rework and queries");
const q = phase("queries");
console.log(`setup: ${q.reviews} reviews and ${q.rework} rework rows`);
for (const [k, v] of Object.entries(q)) if (k.startsWith("q:")) console.log(`  ${k.slice(2).padEnd(22)} ${v}`);
console.log("  (target < 200 ms each; layer overhead vs raw DuckDB < 20%)");

console.log("\n== dashboard under 10 concurrent clients (loopback)");
// the dashboard is served from its production build, as `npm start` serves it: build it once if it is not there
if (!existsSync(path.join(PROJECT_ROOT, "build", "server", "index.js"))) {
  console.log("building the dashboard (npm run build)…");
  const b = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (b.status !== 0) throw new Error("npm run build failed");
}
const h = phase("http");
for (const [k, v] of Object.entries(h)) console.log(`  ${k.padEnd(26)} ${v}`);
console.log("  (after one warm-up request per page; target p95 < 300 ms)");
