// One bench phase in its own process; prints one JSON line of figures.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openDatabase, queryText, runQueryFile } from "../app/core/db/db.server";
import { importCsv } from "../app/core/ingest/import.server";
import { runScore } from "../app/core/scoring/run.server";
import { getPilotSettings, setPilotSettings } from "../app/core/settings.server";
import { metricsExport } from "../app/core/analytics/metrics.server";
import { batchImport, importMemory } from "../batch/commands/import";

const [name, set, dbPath] = process.argv.slice(2);
const rss = () => process.resourceUsage().maxRSS / 1024;
const file = path.join(set, "handoffs.csv");
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));

// the streaming reader's and the larger file's figures come from databases of their own
const OWN_DB = ["stream", "scale", "scale-stream"];
const open = await openDatabase(OWN_DB.includes(name) ? `${dbPath}.${name}` : dbPath);
const t0 = performance.now();
const secs = () => (performance.now() - t0) / 1000;
// CPU time of the whole process (DuckDB's threads included): on a busy machine it moves less than wall time
const cpu0 = process.cpuUsage();
const cpuSecs = () => {
  const u = process.cpuUsage(cpu0);
  return (u.user + u.system) / 1e6;
};

if (name === "import" || name === "reimport") {
  // the CLI's import: its own buffer pool budget (PT_IMPORT_MEMORY)
  const s = await batchImport(open, importMemory(process.env), { kind: "handoffs", file, maxBytes: 2 ** 40 });
  const seconds = secs();
  const cpu = cpuSecs();
  // the import's own peak, before the reference load below adds DuckDB's
  const importRss = rss();
  const size = (await import("node:fs")).statSync(file).size / 1048576;
  let readCsv = 0;
  if (name === "import") {
    await importCsv(open, { kind: "rework", file: path.join(set, "rework.csv") });
    const t = performance.now();
    await open.conn.run(
      `CREATE TEMP TABLE ref AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', ` +
        `header = true, all_varchar = true)`,
    );
    readCsv = (performance.now() - t) / 1000;
  }
  emit({
    seconds,
    cpu_seconds: cpu,
    rows_per_s: s.rows / seconds,
    mb: size,
    rss_mb: importRss,
    read_csv_seconds: readCsv,
    unchanged: s.unchanged,
    reader: s.reader,
  });
} else if (OWN_DB.includes(name)) {
  const reader = name === "scale" ? undefined : "stream";
  const s = await batchImport(open, importMemory(process.env), { kind: "handoffs", file, maxBytes: 2 ** 40, reader });
  const seconds = secs();
  emit({
    seconds,
    cpu_seconds: cpuSecs(),
    mb: (await import("node:fs")).statSync(file).size / 1048576,
    rss_mb: rss(),
    imported: s.imported,
  });
} else if (name === "score") {
  const cpu0 = process.cpuUsage();
  const s = await runScore(open);
  const seconds = secs();
  const cpu = process.cpuUsage(cpu0);
  // CPU time of the whole process (worker threads included): comparable on a shared, noisy machine
  emit({
    seconds,
    cpu_seconds: (cpu.user + cpu.system) / 1e6,
    scored: s.scored,
    packets_per_s: s.scored / seconds,
    flags: s.flags_new,
    rss_mb: rss(),
  });
} else if (name === "queries") {
  // pilot = the last 90 days of the set; review 60% of flags on pilot packets (bulk, like `import reviews`)
  const last = (await sql<{ d: Date }>`SELECT max(kickoff_date) AS d FROM packets`.execute(open.db)).rows[0].d;
  const start = new Date(new Date(last).getTime() - 120 * 86400000).toISOString().slice(0, 10);
  await setPilotSettings(open.db, { ...(await getPilotSettings(open.db)), pilot_start: start });
  // (a bench database kept from an earlier run holds that run's reviews: start from none, so every run measures the
  // same load)
  await open.conn.run(`DELETE FROM reviews WHERE reviewer = 'bench@x'`);
  await open.conn.run(`INSERT INTO reviews (flag_id, decision, reviewer, reason, decided_at, via)
    SELECT flag_id, CASE WHEN hash(flag_id) % 4 = 0 THEN 'rejected' ELSE 'accepted' END, 'bench@x', 'bench', TIMESTAMP
      '2026-01-01', 'import'
    FROM flags WHERE hash(flag_id) % 10 < 6`);
  const reviews = (await sql<{ n: number }>`SELECT count(*)::INTEGER AS n FROM reviews`.execute(open.db)).rows[0].n;
  const rework = (await sql<{ n: number }>`SELECT count(*)::INTEGER AS n FROM rework`.execute(open.db)).rows[0].n;
  const out: Record<string, unknown> = { reviews, rework };
  // median wall time of 5 runs after a warm-up, and the median CPU time (both DuckDB threads and ours)
  let lastCpu = 0;
  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    const ts: number[] = [];
    const cs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      await fn();
      const d = process.cpuUsage(c);
      ts.push(performance.now() - t);
      cs.push((d.user + d.system) / 1000);
    }
    lastCpu = cs.sort((a, b) => a - b)[2];
    return ts.sort((a, b) => a - b)[2];
  };
  const s = await getPilotSettings(open.db);
  for (const [q, params] of [
    ["packet_queue", ["", "", "", "", "kickoff", 50, 0, new Date().toISOString().slice(0, 10)]],
    [
      "pilot_metrics",
      [s.pilot_start, s.window_days, s.review_minutes_per_handoff, new Date().toISOString().slice(0, 10)],
    ],
    ["recurring_fields", [s.pilot_start, s.window_days]],
    ["weekly_series", [s.pilot_start, s.window_days, new Date().toISOString().slice(0, 10)]],
    ["reliability", []],
    [
      "template_topics",
      [s.pilot_start, s.window_days, new Date().toISOString().slice(0, 10), s.thresholds.topic_days_fix],
    ],
    ["early_rework_items", [s.pilot_start, s.window_days, 300, 0]],
  ] as const) {
    const layer = await time(() => {
      open.generation++; // measure the query, not the result cache
      return runQueryFile(open, q, [...params]);
    });
    const layerCpu = lastCpu;
    const raw = await time(async () => {
      const stmt = await open.conn.prepare(queryText(q));
      if (params.length) stmt.bind([...params] as never);
      await stmt.runAndReadAll();
    });
    out[`q:${q}`] =
      `${layer.toFixed(1)} ms · CPU ${layerCpu.toFixed(0)} ms (raw DuckDB ${raw.toFixed(1)} ` +
      `ms, ×${(layer / raw).toFixed(2)})`;
  }
  const exp = await time(() => {
    open.generation++;
    return metricsExport(open);
  });
  out["q:export metrics (all)"] = `${exp.toFixed(1)} ms · CPU ${lastCpu.toFixed(0)} ms`;
  emit(out);
}
await open.close();
