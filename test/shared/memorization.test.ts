import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

// The scorer must generalize, not remember: no 4-word sequence of any labelled packet's text (its sentences and
// its labels' evidence) in ../shared/data may appear in the product's code or demo data (app/, seeds/).
// A sequence made only of the most common English words ("on the order form" is not one of them) is language,
// not memory, and is skipped.
const root = path.resolve(import.meta.dirname, "../..");
const data = path.resolve(root, "../shared/data");
const N = 4;
const FUNCTION_WORDS = new Set(
  `a an the and or but of to in on at by for with from into as is are was were be been it its this that these those
  we you they he she i our your their them us not no if then than so do does did will would can could should may
  must all any each per up out over under after before about`.split(/\s+/),
);

// Plain English and the product's own vocabulary, not anyone's packet: each is a common phrase of contracts.
const GENERIC = new Set([
  "on the order form",
  "in the order form",
  "not on the order",
  "to the order form",
  "by the end of",
  "in time for the",
  "of no more than",
  "at the end of",
  "the end of the",
  "sales to delivery handoff",
  "out of the box",
  "when the file is",
  "delivery owner not assigned",
  "as part of this",
  "carried out by the",
  "as shown in the",
  "not part of this",
]);

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function grams(text: string, into: Map<string, string>, where: string) {
  const w = words(text);
  for (let i = 0; i + N <= w.length; i++) {
    const g = w.slice(i, i + N);
    if (g.every((x) => FUNCTION_WORDS.has(x) || /^\d+$/.test(x))) continue;
    const key = g.join(" ");
    if (GENERIC.has(key)) continue;
    if (!into.has(key)) into.set(key, where);
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe("nothing of the labelled sets is memorized in the product", () => {
  it("no 4-word sequence of any packet or label evidence appears in app/ or seeds/", () => {
    const shared = new Map<string, string>();
    for (const set of readdirSync(data)) {
      for (const kind of ["handoffs", "labels"] as const) {
        const f = path.join(data, set, `${kind}.csv`);
        try {
          statSync(f);
        } catch {
          continue;
        }
        const rows = parse(readFileSync(f), { columns: true, bom: true, relax_column_count: true }) as Record<
          string,
          string
        >[];
        for (const r of rows) {
          const texts =
            kind === "labels"
              ? [r.evidence ?? ""]
              : Object.entries(r)
                  .filter(
                    ([k]) =>
                      !new RegExp(
                        [
                          String.raw`^(?:deal_id|account_name|amount|currency|close_date|`,
                          String.raw`kickoff_date|owner_email|stage|`,
                          String.raw`source_system|updated_at)$`,
                        ].join(""),
                      ).test(k),
                  )
                  .map(([, v]) => v);
          for (const t of texts) grams(t, shared, `${set}/${kind}.csv (${r.deal_id ?? ""})`);
        }
      }
    }
    expect(shared.size).toBeGreaterThan(1000);
    const hits: string[] = [];
    for (const f of [...files(path.join(root, "app")), ...files(path.join(root, "seeds"))]) {
      const seen = new Map<string, string>();
      grams(readFileSync(f, "utf8"), seen, f);
      for (const g of seen.keys())
        if (shared.has(g)) hits.push(`${path.relative(root, f)}: "${g}" (from ${shared.get(g)})`);
    }
    expect(hits, hits.slice(0, 2000).join("\n")).toEqual([]);
  });
});
