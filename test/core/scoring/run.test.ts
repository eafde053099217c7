import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { decideFlag } from "../../../app/core/review/review.server";
import { verifyAudit } from "../../../app/core/audit/audit.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => (db = await tempDb()));
afterEach(() => db.dispose());

const load = async (rows: ReturnType<typeof packet>[], name = "h.csv") => {
  const f = path.join(db.dir, name);
  writeFileSync(f, csvOf(HANDOFF_COLUMNS, rows));
  return importCsv(db, { kind: "handoffs", file: f });
};
const lead = { id: 1, email: "lead@x.test", name: "Lee Lead", role: "implementation_lead" };

describe("scoring runs", () => {
  it("scores new packets, then nothing on a second run; a changed packet alone is rescored", async () => {
    const rows = [packet({ deal_id: "R1", kickoff_note: "They have 140 employees today." }), packet({ deal_id: "R2" })];
    await load(rows);
    const first = await runScore(db);
    expect(first).toMatchObject({ scored: 2, unchanged: 0, failed: 0 });
    expect(first.flags_new).toBeGreaterThan(0);
    expect(await runScore(db)).toMatchObject({ scored: 0, unchanged: 2, flags_new: 0, flags_retired: 0 });
    rows[1].kickoff_note = "I told them we'd build the Spanish driver app too.";
    await load(rows, "h2.csv");
    const third = await runScore(db);
    expect(third).toMatchObject({ scored: 1, unchanged: 1 });
    const runs = await db.db.selectFrom("runs").selectAll().orderBy("id").execute();
    expect(runs.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
  });

  it("retires flags whose text changed, keeps the history, and keeps decisions on flags that still exist", async () => {
    const rows = [
      packet({ deal_id: "K1", kickoff_note: "They have 140 employees today.\nTold them we'd cover the travel." }),
    ];
    await load(rows);
    await runScore(db);
    const before = await db.db.selectFrom("flags").selectAll().where("deal_id", "=", "K1").execute();
    const travel = before.find((f) => f.category === "scope_exception")!;
    await decideFlag(db, lead, { flagId: travel.flag_id, decision: "accepted" });
    rows[0].kickoff_note = "Told them we'd cover the travel.";
    await load(rows, "h2.csv");
    const s = await runScore(db);
    expect(s.flags_retired).toBeGreaterThan(0);
    const after = await db.db.selectFrom("flags").selectAll().where("deal_id", "=", "K1").execute();
    expect(after.length).toBe(before.length);
    expect(after.find((f) => f.flag_id === travel.flag_id)!.state).toBe("active");
    expect(after.filter((f) => f.state === "superseded").length).toBe(s.flags_retired);
    const review = await db.db
      .selectFrom("reviews")
      .selectAll()
      .where("flag_id", "=", travel.flag_id)
      .executeTakeFirstOrThrow();
    expect(review.decision).toBe("accepted");
  });

  it("rescores everything with --all without duplicating flags", async () => {
    await load([packet({ deal_id: "A1", kickoff_note: "They have 140 employees today." })]);
    await runScore(db);
    const n = (await db.db.selectFrom("flags").selectAll().execute()).length;
    expect(await runScore(db, { all: true })).toMatchObject({ scored: 1, flags_new: 0, flags_retired: 0 });
    expect((await db.db.selectFrom("flags").selectAll().execute()).length).toBe(n);
  });

  it("skips packets from unapproved sources", async () => {
    const f = path.join(db.dir, "p.csv");
    writeFileSync(f, csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "P1" })]));
    await importCsv(db, { kind: "handoffs", file: f, source: "pipedrive" });
    expect(await runScore(db)).toMatchObject({ scored: 0, skipped_unapproved: 1 });
  });

  it("records a packet that throws as failed and goes on with the others", async () => {
    await load([packet({ deal_id: "F1" }), packet({ deal_id: "F2", kickoff_note: "They have 140 employees today." })]);
    let explode = true;
    const llm = {
      cacheKeyPart: "boom",
      concurrency: 1,
      async review(p: { deal_id: string }) {
        if (p.deal_id === "F1" && explode) throw new Error("detector exploded");
        return { flags: [], tokens: 0, audit: [], failed: null };
      },
    };
    const s = await runScore(db, { llm });
    expect(s).toMatchObject({ scored: 1, failed: 1 });
    expect(s.errors[0]).toMatchObject({ deal_id: "F1" });
    const f1 = await db.db
      .selectFrom("packets")
      .select(["score_status", "score_error"])
      .where("deal_id", "=", "F1")
      .executeTakeFirstOrThrow();
    expect(f1.score_status).toBe("failed");
    expect(f1.score_error).toMatch(/detector exploded/);
    // the failed packet (only) is tried again on the next run
    explode = false;
    expect(await runScore(db, { llm })).toMatchObject({ scored: 1, unchanged: 1, failed: 0 });
  });

  it("logs every created and retired flag to a verifiable audit chain", async () => {
    await load([packet({ deal_id: "L1", kickoff_note: "They have 140 employees today." })]);
    const s = await runScore(db);
    const created = await db.db.selectFrom("audit_log").selectAll().where("action", "=", "flag.created").execute();
    expect(created.length).toBe(s.flags_new);
    expect(await verifyAudit(db.db)).toMatchObject({ ok: true });
  });
});
