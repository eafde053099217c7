// Issue 13 #17: a stored setting that cannot be read is never silently replaced by the defaults — every reader fails
// with a message naming the setting and the problem, and the batch tool's `pilot set` replaces it only saying so.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApprovedSources, getPilotSettings, SettingsCorrupt } from "../../app/core/settings.server";
import { pilotMetrics } from "../../app/core/analytics/metrics.server";
import { importCsv } from "../../app/core/ingest/import.server";
import { openDatabase } from "../../app/core/db/db.server";
import { batch } from "../helpers/server";
import { tempDb, tempDir } from "../helpers/db";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { addFigures } from "./figures";

let db: Awaited<ReturnType<typeof tempDb>>;
let cases = 0;
beforeAll(async () => {
  db = await tempDb();
});
afterAll(async () => {
  addFigures(__filename, { corrupt_settings_cases: cases });
  await db.dispose();
});

const store = async (key: string, value: string) => {
  cases++;
  await db.db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
};

describe("corrupt settings JSON (#17)", () => {
  it.each([
    ["not JSON", "{window_days: 90", /"pilot" settings cannot be read \(not valid JSON/],
    ["a number where a date belongs", '{"pilot_start": 20260901}', /pilot_start/],
    ["a word where a number belongs", '{"window_days": "ninety"}', /window_days/],
    ["a target out of range", '{"targets": {"acceptance_rate": 70}}', /targets\.acceptance_rate/],
    ["a role list that is not a list", '{"hide_pricing_from": "leadership"}', /hide_pricing_from/],
  ])("pilot settings with %s fail loudly, naming the problem", async (_, value, problem) => {
    await store("pilot", value);
    const e = await getPilotSettings(db.db).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SettingsCorrupt);
    expect((e as Error).message).toMatch(problem);
    // what reads them fails too, rather than computing the pilot on guessed defaults
    await expect(pilotMetrics(db)).rejects.toThrow(SettingsCorrupt);
  });

  it("approved sources that are not a list stop the import before anything is written", async () => {
    await store("pilot", "{}");
    await store("approved_sources", '"csv"');
    writeFileSync(path.join(db.dir, "h.csv"), csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "S1" })]));
    await expect(importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") })).rejects.toThrow(
      /"approved_sources" settings cannot be read/,
    );
    expect(
      Number(
        (
          await db.db
            .selectFrom("packets")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
    await store("approved_sources", '["csv"]');
    expect(await getApprovedSources(db.db)).toEqual(["csv"]);
  });

  it("the batch tool: `pilot show` fails with the reason, `pilot set` replaces them and says so", async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir.dir, "cli.duckdb");
      const o = await openDatabase(file);
      await o.db.insertInto("settings").values({ key: "pilot", value: "{oops" }).execute();
      await o.close();
      cases++;
      const show = batch(["pilot", "show", "--db", file]);
      expect(show.code).toBe(1);
      expect(show.stderr).toMatch(/"pilot" settings cannot be read \(not valid JSON/);
      const set = batch(["pilot", "set", "--window", "60", "--db", file, "--json"]);
      expect(set.code).toBe(0);
      expect(set.stdout).toMatch(/could not be read .* and were replaced, starting from the defaults/);
      expect(set.json).toMatchObject({ window_days: 60, pilot_start: "2026-09-01" });
      expect(batch(["pilot", "show", "--db", file, "--json"]).json).toMatchObject({ window_days: 60 });
    } finally {
      dir.dispose();
    }
  });
});
