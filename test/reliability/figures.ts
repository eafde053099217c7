// Each reliability test adds its figures (files fuzzed, kills survived, requests, rows lost …) to one JSON file per
// test file; `npm run test:reliability` prints their sum at the end (test/reliability/print-figures.mjs).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const DIR = path.resolve("test-results/reliability");

export function addFigures(file: string, figures: Record<string, number>): void {
  mkdirSync(DIR, { recursive: true });
  const target = path.join(DIR, `${path.basename(file).replace(/\W+/g, "_")}.json`);
  let now: Record<string, number> = {};
  try {
    now = JSON.parse(readFileSync(target, "utf8"));
  } catch {
    // first figures of this file
  }
  for (const [k, v] of Object.entries(figures)) now[k] = (now[k] ?? 0) + v;
  writeFileSync(target, JSON.stringify(now));
}
