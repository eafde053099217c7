// The scoring worker pool: the same flags, in the same order, with the same audit trail and progress, as scoring
// on the main thread — on the demo data set, in chunks small enough that several are in flight at once.
import path from "node:path";
import { availableParallelism } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { openScorePool, scoreWorkers } from "../../../app/core/scoring/pool.server";
import { scoreOrError } from "../../../app/core/scoring/score-one";
import { PROJECT_ROOT } from "../../../app/core/db/db.server";
import type { PacketText } from "../../../app/core/packet";
import { verifyAudit } from "../../../app/core/audit/audit.server";
import { packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";

type Db = Awaited<ReturnType<typeof tempDb>>;
let dbs: Db[] = [];
beforeEach(async () => (dbs = [await tempDb(), await tempDb()]));
afterEach(() => Promise.all(dbs.map((d) => d.dispose())));

const demo = path.join(PROJECT_ROOT, "seeds", "demo", "handoffs.csv");
const flagsOf = async (db: Db) =>
  (
    await sql<
      Record<string, unknown>
    >`SELECT flag_id, deal_id, category, severity, source, span_start, span_end, evidence, message, detector, state,
    packet_version, topic
    FROM flags ORDER BY rowid`.execute(db.db)
  ).rows;
const auditOf = async (db: Db) =>
  (
    await sql<
      Record<string, unknown>
    >`SELECT action, entity, entity_id, detail FROM audit_log WHERE actor = 'scorer' ORDER BY seq`.execute(db.db)
  ).rows;
const packetsOf = async (db: Db) =>
  (
    await sql<
      Record<string, unknown>
    >`SELECT deal_id, scored_hash, score_status, text_checks FROM packets ORDER BY deal_id`.execute(db.db)
  ).rows;

describe("scoring in worker threads", () => {
  it("stores the same flags in the same order, audit entries and progress as the main thread", async () => {
    const [main, pooled] = dbs;
    const progress: [number, number][][] = [[], []];
    for (const [i, db] of dbs.entries()) {
      await importCsv(db, { kind: "handoffs", file: demo });
      const s = await runScore(db, {
        workers: i === 0 ? 0 : 2,
        chunkSize: 70,
        onProgress: (d, t) => progress[i].push([d, t]),
      });
      expect(s.scored).toBeGreaterThan(200);
      expect(s.failed).toBe(0);
    }
    const [a, b] = [await flagsOf(main), await flagsOf(pooled)];
    expect(a.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
    expect(await auditOf(pooled)).toEqual(await auditOf(main));
    expect(await packetsOf(pooled)).toEqual(await packetsOf(main));
    expect(progress[1]).toEqual(progress[0]);
    expect(progress[0].length).toBeGreaterThan(3);
    expect(await verifyAudit(pooled.db)).toMatchObject({ ok: true });
    // incremental: a second pooled run has nothing to do
    expect(await runScore(pooled, { workers: 2 })).toMatchObject({ scored: 0, flags_new: 0, flags_retired: 0 });
  }, 120_000);

  it("returns each packet's result in the order given", async () => {
    const packets: PacketText[] = Array.from({ length: 130 }, (_, i) => {
      const p = packet({
        deal_id: `W${i}`,
        kickoff_note: i % 3 ? `They have ${100 + i} employees today.` : "Customer expects training as needed.",
      });
      return {
        deal_id: p.deal_id,
        delivery_owner: p.delivery_owner ?? null,
        signed_scope: p.signed_scope ?? null,
        order_form: p.order_form ?? null,
        deal_desk_exception: p.deal_desk_exception ?? null,
        kickoff_note: p.kickoff_note ?? null,
        cs_requirement: p.cs_requirement ?? null,
        customer_promise: p.customer_promise ?? null,
      };
    });
    const pool = await openScorePool(2);
    try {
      expect(await pool.score(packets)).toEqual(packets.map(scoreOrError));
    } finally {
      await pool.close();
    }
    await expect(pool.score(packets)).rejects.toThrow(/closed/);
  }, 60_000);

  it("takes its size from PT_SCORE_WORKERS, else one per core", () => {
    expect(scoreWorkers({})).toBe(availableParallelism());
    expect(scoreWorkers({ PT_SCORE_WORKERS: "0" })).toBe(0);
    expect(scoreWorkers({ PT_SCORE_WORKERS: "3" })).toBe(3);
    expect(() => scoreWorkers({ PT_SCORE_WORKERS: "many" })).toThrow(/PT_SCORE_WORKERS/);
  });
});
