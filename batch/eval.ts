// `npm run eval`: scores every labelled set under ../shared/data separately (a fresh database each) and measures
// its flags with ../shared/tools/eval-flags. Prints precision, recall and F1 per set and category, then the worst
// set and the pooled figure, and how many packets of each set did not import (their labels count as missed).
// The scorer fits nothing from these sets, so every figure is already "leave-one-set-out".
// Exits non-zero on any invalid citation (a flag whose evidence is not its source text) — never allowed.
// `--misses N` lists up to N missed labels per set; `--set NAME` evaluates one set.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, PROJECT_ROOT } from "../app/core/db/db.server";
import { importCsv } from "../app/core/ingest/import.server";
import { runScore } from "../app/core/scoring/run.server";
import { FLAG_EXPORT_COLUMNS, listFlags } from "../app/core/review/flags.server";
import { toCsv } from "../app/core/csv";

const shared = path.resolve(PROJECT_ROOT, "..", "shared");
const BAR = { precision: 0.8, recall: 0.8, pooledCategoryF1: 0.7 };

interface Counts {
  labels: number;
  flags: number;
  matchedLabels: number;
  matchedFlags: number;
}
interface Category extends Counts {
  category: string;
  precision: number;
  recall: number;
  f1: number;
}
interface Report {
  categories: Category[];
  overall: Counts & { precision: number; recall: number; f1: number; invalidCitations: number };
}
interface SetResult {
  name: string;
  report: Report;
  rows: number;
  quarantined: number;
  misses: string;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const showMisses = Number(opt("--misses") ?? 0);

/** The labelled sets: every one under ../shared/data, and the repo's own held-out sets (test/fixtures/heldout*). */
function setDir(set: string): string {
  return set.startsWith("heldout") ? path.join(PROJECT_ROOT, "test", "fixtures", set) : path.join(shared, "data", set);
}

async function evaluate(set: string): Promise<SetResult> {
  const dir = mkdtempSync(path.join(tmpdir(), `pt-eval-${set}-`));
  try {
    const open = await openDatabase(path.join(dir, "eval.duckdb"));
    const handoffs = path.join(setDir(set), "handoffs.csv");
    const imported = await importCsv(open, { kind: "handoffs", file: handoffs });
    const run = await runScore(open);
    // a scorer that throws would otherwise be measured as a scorer that finds nothing
    if (run.failed)
      throw new Error(`${run.failed} packets of ${set} failed to score; the first: ${run.errors[0]?.error ?? "?"}`);
    const flags = await listFlags(open);
    await open.close();
    const flagsFile = path.join(dir, "flags.csv");
    const rows = flags.map((f) => ({ ...f, start: f.start ?? "", end: f.end ?? "" }));
    writeFileSync(flagsFile, toCsv(FLAG_EXPORT_COLUMNS, rows, { neutralize: false }));
    const tool = path.join(shared, "tools", "eval-flags");
    const base = ["--handoffs", handoffs, "--labels", path.join(setDir(set), "labels.csv"), "--flags", flagsFile];
    const r = spawnSync(process.execPath, [tool, ...base, "--json"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`eval-flags failed on ${set}: ${r.stderr}`);
    const misses = showMisses
      ? spawnSync(process.execPath, [tool, ...base, "--misses", String(showMisses)], { encoding: "utf8" }).stdout
      : "";
    return {
      name: set,
      report: JSON.parse(r.stdout) as Report,
      rows: imported.rows,
      quarantined: imported.quarantined,
      misses,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => (100 * x).toFixed(1).padStart(7);
const line = (name: string, c: Counts, extra = "") => {
  const p = ratio(c.matchedFlags, c.flags),
    r = ratio(c.matchedLabels, c.labels);
  return (
    `${name.padEnd(30)}${String(c.labels).padStart(7)}${String(c.flags).padStart(7)}` +
    `${pct(p)}${pct(r)}${pct(f1(p, r))}${extra}`
  );
};
const header =
  `${"".padEnd(30)}${"labels".padStart(7)}${"flags".padStart(7)}` +
  `${"prec%".padStart(7)}${"rec%".padStart(7)}${"f1%".padStart(7)}`;

if (!existsSync(path.join(shared, "tools", "eval-flags"))) {
  console.error(`no ../shared/tools/eval-flags next to this checkout (${shared}): nothing to evaluate`);
  process.exit(2);
}
const dataDir = path.join(shared, "data");
const sets = readdirSync(dataDir)
  .filter((d) => existsSync(path.join(dataDir, d, "labels.csv")) && existsSync(path.join(dataDir, d, "handoffs.csv")))
  .concat(
    readdirSync(path.join(PROJECT_ROOT, "test", "fixtures")).filter(
      (h) => h.startsWith("heldout") && existsSync(path.join(setDir(h), "labels.csv")),
    ),
  )
  .filter((d) => !opt("--set") || d === opt("--set"))
  .sort();

const results: SetResult[] = [];
for (const set of sets) results.push(await evaluate(set));

const pooled = new Map<string, Counts>();
let invalid = 0;
for (const res of results) {
  console.log(
    `\n${res.name}  (${res.rows - res.quarantined} of ${res.rows} packets imported` +
      `${res.quarantined ? `; ${res.quarantined} quarantined, their labels count as missed` : ""})`,
  );
  console.log(header);
  for (const c of res.report.categories) {
    console.log(line(c.category, c));
    const p = pooled.get(c.category) ?? { labels: 0, flags: 0, matchedLabels: 0, matchedFlags: 0 };
    for (const k of ["labels", "flags", "matchedLabels", "matchedFlags"] as const) p[k] += c[k];
    pooled.set(c.category, p);
  }
  console.log(line("overall", res.report.overall, `   invalid citations: ${res.report.overall.invalidCitations}`));
  invalid += res.report.overall.invalidCitations;
  if (res.misses) console.log(res.misses);
}

console.log(`\nper set${"".padEnd(23)}${header.slice(30)}`);
for (const res of results) console.log(line(res.name, res.report.overall));
const sum = (k: keyof Counts) => results.reduce((a, r) => a + r.report.overall[k], 0);
const all: Counts = {
  labels: sum("labels"),
  flags: sum("flags"),
  matchedLabels: sum("matchedLabels"),
  matchedFlags: sum("matchedFlags"),
};
const score = (r: SetResult) => Math.min(r.report.overall.precision, r.report.overall.recall);
const worst = [...results].sort((a, b) => score(a) - score(b))[0];
if (worst) console.log(line(`worst set (${worst.name})`, worst.report.overall));
console.log(line("pooled", all));
console.log(`\npooled by category`);
console.log(header);
for (const [name, c] of [...pooled.entries()].sort()) console.log(line(name, c));

const setsMeet = results.every(
  (r) => r.report.overall.precision >= BAR.precision && r.report.overall.recall >= BAR.recall,
);
const catsMeet = [...pooled.values()].every(
  (c) => f1(ratio(c.matchedFlags, c.flags), ratio(c.matchedLabels, c.labels)) >= BAR.pooledCategoryF1,
);
console.log(
  `\nbar: every set precision ≥ ${BAR.precision} and recall ≥ ${BAR.recall}: ${setsMeet ? "met" : "NOT met"}; ` +
    (`every category pooled F1 ≥ ${BAR.pooledCategoryF1}: ${catsMeet ? "met" : "NOT met"}; ` +
      `invalid citations: ${invalid}`),
);
if (invalid) {
  console.error(`\n${invalid} invalid citations: every flag must quote its source exactly`);
  process.exit(1);
}
