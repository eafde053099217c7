import { hash } from "node:crypto";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/db.server";
import { appendRows, inTransaction } from "../db/tx.server";
import { appendAudit, type AuditEntry } from "../audit/audit.server";
import { TEXT_SOURCES, type PacketText } from "../packet";
import { DETECTOR_VERSIONS, type ScoredFlag } from "./score";
import type { LlmPass } from "./llm.server";
import { errorText, scoreOrError, type PacketResult } from "./score-one";
import { openScorePool, scoreWorkers, type ScorePool } from "./pool.server";
import { topicOf } from "./topic";
import { errorMessage } from "../errors";

export interface ScoreOptions {
  all?: boolean;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
  llm?: LlmPass | null;
  chunkSize?: number;
  kind?: "score" | "nightly";
  /** worker threads for the detectors (default `PT_SCORE_WORKERS`, else one per core; 0 = the main thread) */
  workers?: number;
}

export interface ScoreSummary {
  run_id: number;
  scored: number;
  unchanged: number;
  failed: number;
  skipped_unapproved: number;
  flags: number;
  flags_new: number;
  flags_retired: number;
  dropped_citations: number;
  /** packets whose LLM pass failed this run (their deterministic flags are stored; the LLM pass is retried next run) */
  llm_failed: number;
  llm_tokens: number;
  llm_cost_usd: number;
  errors: { deal_id: string; error: string }[];
}

/** What a packet's flags depend on: its text, the detector versions and the LLM configuration. */
export function scoringKey(contentHash: string, llmKey: string | null): string {
  return hash("sha256", `${contentHash}|${DETECTOR_VERSIONS}|${llmKey ?? "no-llm"}`, "hex").slice(0, 32);
}

type PacketRow = PacketText & { content_hash: string; version: number };

/** Fewer packets than this in a chunk are scored on the main thread (starting workers would cost more), unless
 * the caller asks for workers. */
const POOL_MIN = 64;

/** the runs this process is running now */
const activeRuns = new Set<number>();

/**
 * Scores new and changed packets (or all with `all`). Each chunk of packets commits in one transaction,
 * so a run killed half-way leaves whole packets scored or untouched, and running again finishes the job.
 * The detectors run in worker threads (pool.server.ts): while they score one chunk, the main thread writes the
 * previous one and reads the next. Chunks commit in deal order, as they would one by one.
 */
export async function runScore(open: OpenDatabase, opts: ScoreOptions = {}): Promise<ScoreSummary> {
  const now = opts.now ?? (() => new Date());
  const db = open.db;
  const llmKey = opts.llm?.cacheKeyPart ?? null;
  // a run still 'running' that this process is not running was killed (kill -9, a crash): DuckDB lets one process
  // hold the database, so no one else is running it. It is marked interrupted, and /runs says so.
  await db
    .updateTable("runs")
    .set({
      status: "interrupted",
      errors: JSON.stringify([
        {
          deal_id: "*",
          error:
            "the process running this scoring run stopped before it finished (killed or " +
            "crashed); the next run picked up its packets",
        },
      ]),
    })
    .where("status", "=", "running")
    .$if(activeRuns.size > 0, (q) => q.where("id", "not in", [...activeRuns]))
    .execute();
  const run = await db
    .insertInto("runs")
    .values({
      kind: opts.kind ?? "score",
      started_at: now(),
      status: "running",
      detector_versions: DETECTOR_VERSIONS + (llmKey ? `,llm:${llmKey}` : ""),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  activeRuns.add(run.id);
  // started by the first chunk large enough (a holder: TypeScript does not follow assignments in closures). The
  // promise is held, not the pool: the next chunk asks for workers while the first is still starting them, and
  // must get the same pool — a second would be left running when the run closes the first, and keep the process
  // from exiting
  const workerPool: { pool: Promise<ScorePool> | null } = { pool: null };
  const closePool = async () => {
    const pending = workerPool.pool;
    workerPool.pool = null;
    if (pending) await (await pending.catch(() => null))?.close();
  };
  const summary: ScoreSummary = {
    run_id: run.id,
    scored: 0,
    unchanged: 0,
    failed: 0,
    skipped_unapproved: 0,
    flags: 0,
    flags_new: 0,
    flags_retired: 0,
    dropped_citations: 0,
    llm_failed: 0,
    llm_tokens: 0,
    llm_cost_usd: 0,
    errors: [],
  };
  try {
    const totals = await sql<{ total: number; todo: number; unapproved: number }>`
      SELECT count(*)::INTEGER AS total,
             count(*) FILTER (WHERE approved_source)::INTEGER AS todo,
             count(*) FILTER (WHERE NOT approved_source)::INTEGER AS unapproved
      FROM packets`.execute(db);
    const { todo, unapproved } = totals.rows[0];
    summary.skipped_unapproved = unapproved;
    const chunkSize = opts.chunkSize ?? 2000;
    const workers = opts.workers ?? scoreWorkers();
    const score = async (rows: PacketRow[]): Promise<PacketResult[]> => {
      if (workers > 0 && !workerPool.pool && (rows.length >= POOL_MIN || opts.workers !== undefined))
        workerPool.pool = openScorePool(workers);
      return workerPool.pool ? (await workerPool.pool).score(rows) : rows.map(scoreOrError);
    };
    let after = "";
    let seen = 0;
    // the chunk read and being scored, stored when the next one is on its way
    let previous: (() => Promise<void>) | null = null;
    for (;;) {
      // keys first (no text): an unchanged packet costs one short row, not its whole SOW
      const keys = await db
        .selectFrom("packets")
        .select(["deal_id", "content_hash", "scored_hash"])
        .where("approved_source", "=", true)
        .where("deal_id", ">", after)
        .orderBy("deal_id")
        .limit(chunkSize)
        .execute();
      if (!keys.length) break;
      after = keys[keys.length - 1].deal_id;
      seen += keys.length;
      const due = keys
        .filter((r) => opts.all || r.scored_hash !== scoringKey(r.content_hash, llmKey))
        .map((r) => r.deal_id);
      summary.unchanged += keys.length - due.length;
      let todoRows: PacketRow[] = [];
      let scoring: Promise<PacketResult[]> | null = null;
      if (due.length) {
        todoRows = await db
          .selectFrom("packets")
          .select(["deal_id", "content_hash", "version", "delivery_owner", "amount_text", ...TEXT_SOURCES])
          .where(sql<boolean>`deal_id IN (SELECT unnest(${due}))`)
          .orderBy("deal_id")
          .execute();
        scoring = score(todoRows);
        scoring.catch(() => undefined); // awaited when this chunk is stored; not an unhandled rejection meanwhile
      }
      if (previous) await previous();
      const [rows, results, done] = [todoRows, scoring, seen];
      previous = async () => {
        if (results) await storeChunk(open, rows, await results, llmKey, opts, summary, now);
        opts.onProgress?.(done, todo);
      };
    }
    if (previous) await previous();
    summary.flags = (
      await sql<{ n: number }>`SELECT count(*)::INTEGER AS n FROM flags f WHERE f.state = 'active'
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.flag_id = f.flag_id)`.execute(db)
    ).rows[0].n;
    await db
      .updateTable("runs")
      .set({
        finished_at: now(),
        status: "ok",
        scored: summary.scored,
        unchanged: summary.unchanged,
        failed: summary.failed,
        flags_new: summary.flags_new,
        flags_retired: summary.flags_retired,
        llm_tokens: summary.llm_tokens,
        llm_cost_usd: (summary.llm_cost_usd = (summary.llm_tokens / 1000) * (opts.llm?.costPer1k ?? 0)),
        errors: JSON.stringify(summary.errors.slice(0, 200)),
      })
      .where("id", "=", run.id)
      .execute();
    activeRuns.delete(run.id);
    await closePool();
    return summary;
  } catch (e) {
    activeRuns.delete(run.id);
    await closePool();
    await db
      .updateTable("runs")
      .set({
        finished_at: now(),
        status: "failed",
        errors: JSON.stringify([...summary.errors, { deal_id: "*", error: errorMessage(e) }].slice(0, 200)),
      })
      .where("id", "=", run.id)
      .execute();
    throw e;
  }
}

/**
 * Adds the LLM pass (when configured) to one chunk's deterministic results, then stores the chunk in one transaction.
 */
async function storeChunk(
  open: OpenDatabase,
  rows: PacketRow[],
  scored: PacketResult[],
  llmKey: string | null,
  opts: ScoreOptions,
  summary: ScoreSummary,
  now: () => Date,
): Promise<void> {
  const results = new Map<
    string,
    { flags: ScoredFlag[]; llm: "ok" | "failed" | null; skipped: string } | { error: string }
  >();
  // each packet's audit entries, kept in deal order whatever order the LLM answers in
  const audits = rows.map((): AuditEntry[] => []);
  const finishOne = async (i: number) => {
    const r = rows[i];
    const det = scored[i];
    if ("error" in det) return void results.set(r.deal_id, { error: det.error });
    try {
      const { flags, dropped, skipped } = det;
      for (const d of dropped) {
        summary.dropped_citations++;
        audits[i].push({
          actor: "scorer",
          action: "flag.dropped",
          entity: "packet",
          entityId: r.deal_id,
          detail: { ...d },
        });
      }
      let all = flags;
      let llm: "ok" | "failed" | null = null;
      if (opts.llm) {
        const extra = await opts.llm.review(r, flags);
        summary.llm_tokens += extra.tokens;
        summary.dropped_citations += extra.dropped ?? 0;
        // one flag per id, the deterministic one first (a model answer may repeat itself or a detector)
        const ids = new Set(flags.map((f) => f.flag_id));
        all = [...flags, ...extra.flags.filter((f) => !ids.has(f.flag_id) && ids.add(f.flag_id))];
        audits[i].push(...extra.audit);
        llm = extra.failed ? "failed" : "ok";
        if (extra.failed) {
          summary.llm_failed++;
          summary.errors.push({ deal_id: r.deal_id, error: `LLM pass failed: ${extra.failed}` });
        }
      }
      results.set(r.deal_id, { flags: all, llm, skipped: Object.keys(skipped).length ? JSON.stringify(skipped) : "" });
    } catch (e) {
      results.set(r.deal_id, { error: errorText(e) });
    }
  };
  // a bounded pool: the LLM pass waits on the network
  let next = 0;
  const lanes = Array.from({ length: opts.llm ? opts.llm.concurrency : 1 }, async () => {
    while (next < rows.length) await finishOne(next++);
  });
  await Promise.all(lanes);
  const audit = audits.flat();
  const ts = now();
  await inTransaction(open, async (tx, conn) => {
    const ids = rows.map((r) => r.deal_id);
    // one list parameter instead of thousands of placeholders (a semi-join: list_contains would scan per row)
    const inChunk = sql<boolean>`deal_id IN (SELECT unnest(${ids}))`;
    const existing = await tx
      .selectFrom("flags")
      .select(["flag_id", "deal_id", "detector"])
      .where(inChunk)
      .where("state", "=", "active")
      .execute();
    const activeByDeal = new Map<string, Set<string>>();
    const fromLlm = new Set<string>();
    for (const f of existing) {
      if (!activeByDeal.has(f.deal_id)) activeByDeal.set(f.deal_id, new Set());
      activeByDeal.get(f.deal_id)!.add(f.flag_id);
      if (f.detector.startsWith("llm:")) fromLlm.add(f.flag_id);
    }
    const retired = await tx
      .selectFrom("flags")
      .select(["flag_id"])
      .where(inChunk)
      .where("state", "=", "superseded")
      .execute();
    const retiredIds = new Set(retired.map((f) => f.flag_id));
    const insert: unknown[][] = [];
    const revive: string[] = [];
    const retire: string[] = [];
    for (const r of rows) {
      const res = results.get(r.deal_id)!;
      if ("error" in res) {
        summary.failed++;
        summary.errors.push({ deal_id: r.deal_id, error: res.error });
        await tx
          .updateTable("packets")
          .set({ score_status: "failed", score_error: res.error })
          .where("deal_id", "=", r.deal_id)
          .execute();
        audit.push({
          actor: "scorer",
          action: "packet.score_failed",
          entity: "packet",
          entityId: r.deal_id,
          detail: { error: res.error },
        });
        continue;
      }
      const before = activeByDeal.get(r.deal_id) ?? new Set<string>();
      const after = new Set(res.flags.map((f) => f.flag_id));
      for (const f of res.flags) {
        if (before.has(f.flag_id)) continue;
        if (retiredIds.has(f.flag_id)) revive.push(f.flag_id);
        else
          insert.push([
            f.flag_id,
            f.deal_id,
            f.category,
            f.severity,
            f.source,
            f.start,
            f.end,
            f.evidence,
            f.message,
            f.detector,
            "active",
            r.version,
            ts,
            null,
            topicOf(f.category, f.source, f.evidence),
          ]);
        audit.push({
          actor: "scorer",
          action: "flag.created",
          entity: "flag",
          entityId: f.flag_id,
          detail: {
            deal_id: f.deal_id,
            category: f.category,
            detector: f.detector,
            source: f.source,
            start: f.start,
            end: f.end,
          },
        });
      }
      for (const id of before) {
        if (after.has(id)) continue;
        // a failed LLM pass says nothing about the model's earlier findings: they stay until it answers again
        if (res.llm === "failed" && fromLlm.has(id)) continue;
        retire.push(id);
        audit.push({
          actor: "scorer",
          action: "flag.retired",
          entity: "flag",
          entityId: id,
          detail: { deal_id: r.deal_id, reason: "packet text or detectors changed" },
        });
      }
      summary.scored++;
      summary.flags_new += res.flags.filter((f) => !before.has(f.flag_id)).length;
    }
    summary.flags_retired += retire.length;
    if (insert.length) {
      await appendRows(
        conn,
        "flags",
        [
          "varchar",
          "varchar",
          "varchar",
          "varchar",
          "varchar",
          "integer",
          "integer",
          "varchar",
          "varchar",
          "varchar",
          "varchar",
          "integer",
          "timestamp",
          "timestamp",
          "varchar",
        ],
        insert,
      );
    }
    if (revive.length)
      await tx
        .updateTable("flags")
        .set({ state: "active", retired_at: null })
        .where(sql<boolean>`flag_id IN (SELECT unnest(${revive}))`)
        .execute();
    if (retire.length)
      await tx
        .updateTable("flags")
        .set({ state: "superseded", retired_at: ts })
        .where(sql<boolean>`flag_id IN (SELECT unnest(${retire}))`)
        .execute();
    const ok = rows.filter((r) => !("error" in results.get(r.deal_id)!));
    if (ok.length) {
      // A packet whose LLM pass failed is recorded as scored without the LLM (its key says so), so the next run
      // with the LLM configured picks it up again; its llm_status says what happened.
      const scoredOf = (r: PacketRow) => {
        const res = results.get(r.deal_id)!;
        if ("error" in res) throw new Error(`packet ${r.deal_id} failed to score`); // filtered out above
        return res;
      };
      const llmOf = (r: PacketRow) => scoredOf(r).llm;
      const skippedOf = (r: PacketRow) => scoredOf(r).skipped;
      // the keys travel as list parameters, zipped in SQL
      const scoredKeys = ok.map((r) => scoringKey(r.content_hash, llmOf(r) === "failed" ? null : llmKey));
      await sql`UPDATE packets SET scored_hash = v.k, score_status = 'scored', score_error = NULL,
                                   llm_status = nullif(v.l, ''), text_checks = nullif(v.t, '')
                FROM (SELECT unnest(${ok.map((r) => r.deal_id)}) AS id,
                             unnest(${scoredKeys}) AS k,
                             unnest(${ok.map((r) => llmOf(r) ?? "")}) AS l,
                             unnest(${ok.map((r) => skippedOf(r))}) AS t) AS v
                WHERE packets.deal_id = v.id`.execute(tx);
    }
    await appendAudit(tx, conn, audit, ts);
  });
}
