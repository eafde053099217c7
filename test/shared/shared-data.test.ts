import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv, ImportRefused } from "../../app/core/ingest/import.server";
import { runScore } from "../../app/core/scoring/run.server";
import { listFlags } from "../../app/core/review/flags.server";
import { metricsExport } from "../../app/core/analytics/metrics.server";
import { getPilotSettings, setPilotSettings } from "../../app/core/settings.server";
import { parseDate } from "../../app/core/ingest/values";
import { csvOf } from "../helpers/factories";
import { tempDb } from "../helpers/db";

// Reads ../shared/data at run time; nothing of it is copied into the repo.
const data = path.resolve(import.meta.dirname, "../../../shared/data");
const file = (...p: string[]) => path.join(data, ...p);
const readCsv = (f: string) => parse(readFileSync(f), { columns: true, bom: true }) as Record<string, string>[];

let db: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => (db = await tempDb()));
afterAll(() => db.dispose());

describe("importing the shared files", () => {
  it("imports every packet and rework row of every labelled set, none quarantined (issue 11)", async () => {
    const sets = readdirSync(data).filter((d) => existsSync(file(d, "labels.csv")));
    expect(sets.length).toBeGreaterThanOrEqual(7);
    for (const set of sets) {
      const own = await tempDb();
      try {
        for (const kind of ["handoffs", "rework"] as const) {
          const rows = readCsv(file(set, `${kind}.csv`)).length;
          const s = await importCsv(own, { kind, file: file(set, `${kind}.csv`) });
          expect({ set, kind, rows: s.rows, imported: s.imported, quarantine: s.quarantine }).toEqual({
            set,
            kind,
            rows,
            imported: rows,
            quarantine: [],
          });
        }
      } finally {
        await own.dispose();
      }
    }
  });

  it("imports the dev and real-sow packets and the dev rework with the expected counts", async () => {
    expect(await importCsv(db, { kind: "handoffs", file: file("dev", "handoffs.csv") })).toMatchObject({
      rows: 40,
      imported: 40,
      quarantined: 0,
    });
    expect(await importCsv(db, { kind: "handoffs", file: file("dev", "handoffs.csv") })).toMatchObject({
      rows: 40,
      imported: 0,
      unchanged: 40,
    });
    expect(await importCsv(db, { kind: "handoffs", file: file("real-sow", "handoffs.csv") })).toMatchObject({
      rows: 10,
      imported: 10,
    });
    expect(await importCsv(db, { kind: "rework", file: file("dev", "rework.csv") })).toMatchObject({
      rows: 62,
      imported: 62,
    });
    expect(await importCsv(db, { kind: "rework", file: file("real-sow", "rework.csv") })).toMatchObject({
      rows: 20,
      imported: 20,
    });
  });

  it("refuses the Data Loader file without --map, naming account_name, and imports it with one", async () => {
    const f = file("real-csv", "sf-dataloader-opportunityData.csv");
    await expect(importCsv(db, { kind: "handoffs", file: f })).rejects.toThrow(
      /account_name.*Headers found: ID, ISDELETED, ACCOUNTID, NAME/s,
    );
    expect(
      await importCsv(db, { kind: "handoffs", file: f, map: { deal_id: "ID", account_name: "ACCOUNTID" } }),
    ).toMatchObject({ rows: 38, imported: 38, quarantined: 0 });
  });

  it("quarantines the duplicate id of the Data Loader error file and keeps its extra ERROR column", async () => {
    const s = await importCsv(db, {
      kind: "handoffs",
      file: file("real-csv", "sf-dataloader-error-status.csv"),
      map: { deal_id: "ID", account_name: "ACCOUNTID" },
    });
    expect(s.rows).toBe(11);
    expect(s.quarantine).toEqual([
      { line: expect.any(Number), reason: expect.stringMatching(/duplicate deal_id 006x0000001YZ8YAAW/) },
    ]);
    expect(s.unmapped_headers).toContain("ERROR");
  });

  it("refuses the workshop export (BOM, API headers) without a mapping and imports it with one", async () => {
    const f = file("real-csv", "sf-datacloud-workshop-Opportunity.csv");
    await expect(importCsv(db, { kind: "handoffs", file: f })).rejects.toThrow(ImportRefused);
    const s = await importCsv(db, { kind: "handoffs", file: f, map: { account_name: "AccountId" } });
    expect(s).toMatchObject({ rows: 50, imported: 50, quarantined: 0, encoding: "utf-8" });
  });
});

describe("reviews joined with rework on the dev set", () => {
  it("splits early rework into predicted / dismissed / missed as an independent count does", async () => {
    const handoffs = readCsv(file("dev", "handoffs.csv"));
    const labels = readCsv(file("dev", "labels.csv"));
    const rework = readCsv(file("dev", "rework.csv"));
    await runScore(db);
    const dev = new Set(handoffs.map((h) => h.deal_id.trim()));
    const flags = (await listFlags(db)).filter((f) => dev.has(f.deal_id));
    // accept the flags that match a label, reject the rest (through `import reviews`)
    const text = (deal: string, source: string) => handoffs.find((h) => h.deal_id.trim() === deal)?.[source] ?? "";
    const matches = (f: (typeof flags)[number]) =>
      labels.some((l) => {
        if (l.deal_id.trim() !== f.deal_id || l.category !== f.category || l.source !== f.source) return false;
        if (!l.evidence) return true;
        const at = text(f.deal_id, f.source).indexOf(l.evidence);
        return at >= 0 && f.start !== null && f.start < at + l.evidence.length && f.end! > at;
      });
    const decisions = flags.map((f) => ({
      flag_id: f.flag_id,
      decision: matches(f) ? "accepted" : "rejected",
      reviewer: "lead@dev.test",
      reason: matches(f) ? "" : "not a real gap",
      decided_at: "2026-01-01",
    }));
    const reviews = path.join(db.dir, "reviews.csv");
    writeFileSync(reviews, csvOf(["flag_id", "decision", "reviewer", "reason", "decided_at"], decisions));
    expect(await importCsv(db, { kind: "reviews", file: reviews })).toMatchObject({
      imported: decisions.length,
      quarantined: 0,
    });

    // independent count: early = logged in [kickoff, kickoff + 14 days]
    const kickoff = new Map(handoffs.map((h) => [h.deal_id.trim(), parseDate(h.kickoff_date)]));
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86400000;
    const want = { predicted: 0, dismissed: 0, missed: 0 };
    for (const r of rework) {
      const k = kickoff.get(r.deal_id.trim());
      const logged = parseDate(r.logged_on)!;
      if (!k || days(logged, k) < 0 || days(logged, k) > 14) continue;
      const same = decisions.filter((d) => {
        const f = flags.find((x) => x.flag_id === d.flag_id)!;
        return f.deal_id === r.deal_id.trim() && f.category === r.category;
      });
      if (same.some((d) => d.decision === "accepted")) want.predicted++;
      else if (same.some((d) => d.decision === "rejected")) want.dismissed++;
      else want.missed++;
    }
    const kickoffs = [...kickoff.values()].filter(Boolean).sort() as string[];
    const s = await getPilotSettings(db.db);
    await setPilotSettings(db.db, { ...s, pilot_start: kickoffs[0], window_days: 366 });
    const m = await metricsExport(db);
    expect(m.pilot.packets).toBe(40);
    expect(m.early_rework).toEqual(want);
    // the dev set's README: 41 items in the first 14 days
    expect(want.predicted + want.dismissed + want.missed).toBe(41);
  });
});
