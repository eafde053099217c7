// `npm run eval`: scores the labelled sets in ../shared/data with a fresh database each and measures the
// flags with ../shared/tools/eval-flags. Prints per-category precision and recall and the quality bars.
// Exits non-zero on any invalid citation (a flag whose evidence is not its source text) — never allowed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, PROJECT_ROOT } from "../app/core/db/db.server";
import { importCsv } from "../app/core/ingest/import.server";
import { runScore } from "../app/core/scoring/run.server";
import { FLAG_EXPORT_COLUMNS, listFlags } from "../app/core/review/flags.server";
import { toCsv } from "../app/core/csv";

const shared = path.resolve(PROJECT_ROOT, "..", "shared");
const SETS: { name: string; bar: { precision: number; recall: number; category?: number } }[] = [
  { name: "dev", bar: { precision: 0.85, recall: 0.85, category: 0.7 } },
  { name: "real-sow", bar: { precision: 0.75, recall: 0.75 } },
];

interface Report {
  categories: { category: string; labels: number; flags: number; precision: number; recall: number }[];
  overall: { precision: number; recall: number; f1: number; flags: number; labels: number; invalidCitations: number };
}

async function evaluate(set: string): Promise<Report> {
  const dir = mkdtempSync(path.join(tmpdir(), `pt-eval-${set}-`));
  try {
    const open = await openDatabase(path.join(dir, "eval.duckdb"));
    const handoffs = path.join(shared, "data", set, "handoffs.csv");
    await importCsv(open, { kind: "handoffs", file: handoffs });
    await runScore(open);
    const flags = await listFlags(open);
    await open.close();
    const flagsFile = path.join(dir, "flags.csv");
    writeFileSync(flagsFile, toCsv(FLAG_EXPORT_COLUMNS, flags.map((f) => ({ ...f, start: f.start ?? "", end: f.end ?? "" })), { neutralize: false }));
    const r = spawnSync(process.execPath, [path.join(shared, "tools", "eval-flags"), "--handoffs", handoffs, "--labels", path.join(shared, "data", set, "labels.csv"), "--flags", flagsFile, "--json"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`eval-flags failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (x: number) => (100 * x).toFixed(1).padStart(6);
let invalid = 0;
if (!existsSync(path.join(shared, "tools", "eval-flags"))) {
  console.error(`no ../shared/tools/eval-flags next to this checkout (${shared}): nothing to evaluate`);
  process.exit(2);
}
for (const set of SETS) {
  const rep = await evaluate(set.name);
  console.log(`\n${set.name}`);
  console.log(`${"category".padEnd(30)}${"labels".padStart(7)}${"flags".padStart(7)}${"prec%".padStart(8)}${"recall%".padStart(9)}`);
  for (const c of rep.categories) console.log(`${c.category.padEnd(30)}${String(c.labels).padStart(7)}${String(c.flags).padStart(7)}${f(c.precision).padStart(8)}${f(c.recall).padStart(9)}`);
  const o = rep.overall;
  const weakest = Math.min(...rep.categories.filter((c) => c.labels > 0).flatMap((c) => [c.precision, c.recall]));
  const meets = o.precision >= set.bar.precision && o.recall >= set.bar.recall && (set.bar.category === undefined || weakest >= set.bar.category);
  console.log(`${"overall".padEnd(30)}${String(o.labels).padStart(7)}${String(o.flags).padStart(7)}${f(o.precision).padStart(8)}${f(o.recall).padStart(9)}   invalid citations: ${o.invalidCitations}`);
  console.log(`bar (precision ≥ ${set.bar.precision}, recall ≥ ${set.bar.recall}${set.bar.category ? `, every category ≥ ${set.bar.category}` : ""}): ${meets ? "met" : "NOT met"}`);
  invalid += o.invalidCitations;
}
if (invalid) {
  console.error(`\n${invalid} invalid citations: every flag must quote its source exactly`);
  process.exit(1);
}
