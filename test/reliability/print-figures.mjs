// Prints the reliability suite's figures, summed over its test files (written by test/reliability/figures.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = path.resolve("test-results/reliability");
const total = {};
if (existsSync(dir)) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(path.join(dir, f), "utf8"))))
      total[k] = (total[k] ?? 0) + v;
  }
}
const order = [
  "files_fuzzed",
  "records_compared",
  "kills_survived",
  "requests",
  "llm_answers",
  "tamper_cases",
  "rows_lost",
];
const keys = [
  ...order.filter((k) => k in total),
  ...Object.keys(total)
    .filter((k) => !order.includes(k))
    .sort(),
];
console.log("\n== reliability figures");
for (const k of keys) console.log(`${k.replace(/_/g, " ").padEnd(24)} ${total[k]}`);
if (!("rows_lost" in total)) console.log(`${"rows lost".padEnd(24)} (not measured)`);
