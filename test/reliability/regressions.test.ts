// Issue 13 #18: four deliberate bugs passed the whole suite. Each test here fails with its bug in place (checked by
// applying the bug and running this file — see the report):
//  1. a flag id without its occurrence number       2. `=` cells no longer neutralized in CSV downloads
//  3. rescoring that ignores detector versions       4. the clamp removed in sql/queries/pilot_metrics.sql
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { flagId, scorePacket } from "../../app/core/scoring/score";
import { runScore } from "../../app/core/scoring/run.server";
import { importCsv } from "../../app/core/ingest/import.server";
import { metricsExport } from "../../app/core/analytics/metrics.server";
import { getPilotSettings, setPilotSettings } from "../../app/core/settings.server";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { commitSession, getSession } from "../../app/session.server";
import * as exportsRoute from "../../app/routes/exports.$name";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { tempDb } from "../helpers/db";
import { addFigures } from "./figures";

let db: Awaited<ReturnType<typeof tempDb>>;
let checks = 0;
beforeAll(async () => {
  db = await tempDb();
});
afterAll(async () => {
  addFigures(__filename, { regression_checks: checks });
  await db.dispose();
});

const TWICE =
  "Deliverables:\n1. Configure the reporting dashboards as appropriate.\n2. " +
  "Configure the reporting dashboards as appropriate.";

describe("1. a flag's id includes its occurrence number", () => {
  it("the same quote twice in a field is two flags with two ids, each the id of its occurrence", () => {
    checks++;
    const { flags } = scorePacket({
      deal_id: "X1",
      delivery_owner: "Dana",
      signed_scope: TWICE,
      order_form: "Platform licence.",
      deal_desk_exception: "None",
      kickoff_note: "Kickoff call.",
      cs_requirement: "Needs SSO.",
      customer_promise: "Reports.",
    });
    const same = flags.filter((f) => f.category === "ambiguous_deliverable" && f.source === "signed_scope");
    expect(same.map((f) => f.evidence)).toEqual([
      "Configure the reporting dashboards as appropriate.",
      "Configure the reporting dashboards as appropriate.",
    ]);
    expect(new Set(same.map((f) => f.flag_id)).size).toBe(2);
    expect(same.map((f) => f.flag_id)).toEqual(
      [0, 1].map((n) => flagId("X1", "ambiguous_deliverable", "signed_scope", same[0].evidence, n)),
    );
    expect(new Set(flags.map((f) => f.flag_id)).size).toBe(flags.length);
  });
  it("the id's formula is pinned: a change would orphan every stored decision", () => {
    checks++;
    expect(flagId("D-1", "ambiguous_deliverable", "signed_scope", "as appropriate", 0)).not.toBe(
      flagId("D-1", "ambiguous_deliverable", "signed_scope", "as appropriate", 1),
    );
    // sha256 of the deal, category, source, quote and occurrence joined by U+001F, first 20 hex digits
    expect(flagId("D-1", "ambiguous_deliverable", "signed_scope", "as appropriate", 1)).toBe("e624bbedca6e7cb2340d");
  });
  it("both flags are stored by a run", async () => {
    checks++;
    writeFileSync(
      path.join(db.dir, "twice.csv"),
      csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "TW1", signed_scope: TWICE })]),
    );
    await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "twice.csv") });
    await runScore(db, { workers: 0 });
    const stored = await db.db
      .selectFrom("flags")
      .select(["flag_id"])
      .where("deal_id", "=", "TW1")
      .where("category", "=", "ambiguous_deliverable")
      .where("evidence", "=", "Configure the reporting dashboards as appropriate.")
      .execute();
    expect(stored).toHaveLength(2);
  });
});

describe("2. spreadsheet downloads neutralize formula cells", () => {
  it("a rework description starting with = + - @ downloads with a leading apostrophe", async () => {
    checks++;
    await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), pilot_start: "2026-01-01" });
    writeFileSync(
      path.join(db.dir, "kick.csv"),
      csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "CSV1", kickoff_date: "2026-02-01" })]),
    );
    await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "kick.csv") });
    const evil = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A9)"];
    writeFileSync(
      path.join(db.dir, "rw.csv"),
      csvOf(
        ["rework_id", "deal_id", "logged_on", "category", "description", "hours", "kickoff_delay_days"],
        evil.map((d, i) => ({
          rework_id: `RW${i}`,
          deal_id: "CSV1",
          logged_on: "2026-02-03",
          category: "timeline_assumption",
          description: d,
          hours: 1,
          kickoff_delay_days: 0,
        })),
      ),
    );
    await importCsv(db, { kind: "rework", file: path.join(db.dir, "rw.csv") });
    const context = { app: createAppContext(db, "test-secret", db.dir) } as AppLoadContext;
    const u = await addUser(db, { email: "revops@csv.test", role: "revops", name: "R", password: "password-123" });
    const s = await getSession(new Request("http://pt.test"), context);
    s.set("userId", u.id);
    const cookie = (await commitSession(context, s)).split(";")[0];
    const r = (await exportsRoute.loader({
      request: new Request("http://pt.test/exports/rework.csv", { headers: { Cookie: cookie } }),
      context,
      params: { name: "rework.csv" },
    } as never)) as Response;
    const body = await r.text();
    for (const d of evil) {
      expect(body).toContain(`'${d.replace(/"/g, '""')}`);
      expect(body).not.toMatch(
        new RegExp(`(^|,)"?${d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/"/g, '""')}`, "m"),
      );
    }
  });
});

describe("3. rescoring follows the detector versions", () => {
  it("a packet scored by older detector versions is scored again; unchanged versions score nothing", async () => {
    checks++;
    const fresh = await tempDb();
    try {
      writeFileSync(
        path.join(fresh.dir, "v.csv"),
        csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "V1" }), packet({ deal_id: "V2" })]),
      );
      await importCsv(fresh, { kind: "handoffs", file: path.join(fresh.dir, "v.csv") });
      expect((await runScore(fresh, { workers: 0 })).scored).toBe(2);
      expect((await runScore(fresh, { workers: 0 })).scored).toBe(0);
      // the same code with one detector's version bumped, as after a scorer release
      vi.resetModules();
      vi.doMock("../../app/core/scoring/score", async (importOriginal) => {
        const real = await importOriginal<typeof import("../../app/core/scoring/score")>();
        return { ...real, DETECTOR_VERSIONS: real.DETECTOR_VERSIONS.replace(/@(\d+)/, (_, v) => `@${Number(v) + 1}`) };
      });
      const bumped = await import("../../app/core/scoring/run.server");
      const again = await bumped.runScore(fresh, { workers: 0 });
      expect(again.scored).toBe(2);
      expect((await bumped.runScore(fresh, { workers: 0 })).scored).toBe(0);
    } finally {
      vi.doUnmock("../../app/core/scoring/score");
      vi.resetModules();
      await fresh.dispose();
    }
  });
});

describe("4. pilot metrics never report negative savings (the clamp in pilot_metrics.sql)", () => {
  it(
    "a pilot with more rework and delay than the baseline avoids 0 loops and " +
      "prevents 0 days, not a negative number",
    async () => {
      checks++;
      const m = await tempDb();
      try {
        await setPilotSettings(m.db, { ...(await getPilotSettings(m.db)), pilot_start: "2026-03-01", window_days: 90 });
        writeFileSync(
          path.join(m.dir, "h.csv"),
          csvOf(HANDOFF_COLUMNS, [
            packet({ deal_id: "B1", kickoff_date: "2026-02-01" }),
            packet({ deal_id: "P1", kickoff_date: "2026-03-10" }),
          ]),
        );
        await importCsv(m, { kind: "handoffs", file: path.join(m.dir, "h.csv") });
        // baseline: 1 early item, 1 day of delay; pilot: 3 early items, 6 days
        const rows = [
          ["W1", "B1", "2026-02-03", 1],
          ["W2", "P1", "2026-03-11", 2],
          ["W3", "P1", "2026-03-12", 2],
          ["W4", "P1", "2026-03-13", 2],
        ].map(([rework_id, deal_id, logged_on, d]) => ({
          rework_id,
          deal_id,
          logged_on,
          category: "timeline_assumption",
          description: "late",
          hours: 1,
          kickoff_delay_days: d,
        }));
        writeFileSync(
          path.join(m.dir, "r.csv"),
          csvOf(["rework_id", "deal_id", "logged_on", "category", "description", "hours", "kickoff_delay_days"], rows),
        );
        await importCsv(m, { kind: "rework", file: path.join(m.dir, "r.csv") });
        const x = await metricsExport(m, { today: new Date("2026-05-01T00:00:00Z") });
        expect(x.rework_rate).toEqual({ baseline: 1, pilot: 3 });
        expect(x.rework_loops_avoided).toBe(0);
        expect(x.kickoff_delay_prevented_days).toBe(0);
      } finally {
        await m.dispose();
      }
    },
  );
});
