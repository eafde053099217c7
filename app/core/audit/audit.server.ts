import { createHmac, hash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "kysely";
import { appendRows, type Tx } from "../db/tx.server";
import { serverSecret } from "../auth/secret.server";

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

const GENESIS = "0".repeat(64);

function entryHash(
  prev: string,
  seq: number,
  at: string,
  e: { actor: string; action: string; entity: string; entity_id: string; detail: string },
): string {
  // one-shot: the digest createHash().update().digest() gives, without a Hash object per entry (a scoring run
  // appends one entry per new flag)
  return hash("sha256", [prev, seq, at, e.actor, e.action, e.entity, e.entity_id, e.detail].join("\u001f"), "hex");
}

/**
 * The anchor's key: derived from the server secret (SESSION_SECRET, else the secret file beside this database), so
 * the dashboard and the CLI agree and someone who can edit the database file but not read the secret cannot forge it.
 */
async function anchorKey(tx: Tx): Promise<Buffer> {
  const r = await sql<{
    path: string | null;
  }>`SELECT path FROM duckdb_databases() WHERE database_name = current_database()`.execute(tx);
  return createHmac("sha256", serverSecret(r.rows[0]?.path ?? ""))
    .update("promise-trail audit anchor v1")
    .digest();
}
const anchorMac = (key: Buffer, seq: number, head: string) =>
  createHmac("sha256", key).update(`${seq}|${head}`).digest("hex");

/**
 * Appends entries to the hash-chained audit log and moves its anchor (the head's seq and hash, HMAC-keyed) to the new
 * head. Must run inside inTransaction so the chain head read here cannot move before the rows land. A log written
 * before anchors existed is anchored by its next append, with an entry saying so.
 */
export async function appendAudit(
  tx: Tx,
  conn: DuckDBConnection,
  entries: AuditEntry[],
  now = new Date(),
): Promise<void> {
  if (!entries.length) return;
  const head = await tx
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const anchor = await tx.selectFrom("audit_anchor").select("seq").where("id", "=", 1).executeTakeFirst();
  if (head && !anchor)
    entries = [
      {
        actor: "system",
        action: "audit.anchored",
        entity: "audit_log",
        entityId: String(head.seq),
        detail: { existing_entries: head.seq },
      },
      ...entries,
    ];
  let prev = head?.hash ?? GENESIS;
  let seq = head?.seq ?? 0;
  const at = now.toISOString();
  const rows: unknown[][] = [];
  for (const e of entries) {
    seq++;
    const rec = {
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      detail: JSON.stringify(e.detail ?? {}),
    };
    const hash = entryHash(prev, seq, at, rec);
    rows.push([seq, now, rec.actor, rec.action, rec.entity, rec.entity_id, rec.detail, prev, hash]);
    prev = hash;
  }
  await appendRows(
    conn,
    "audit_log",
    ["integer", "timestamp", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"],
    rows,
  );
  const mac = anchorMac(await anchorKey(tx), seq, prev);
  await tx
    .insertInto("audit_anchor")
    .values({ id: 1, seq, head_hash: prev, mac, updated_at: now })
    .onConflict((oc) => oc.column("id").doUpdateSet({ seq, head_hash: prev, mac, updated_at: now }))
    .execute();
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problem?: string;
}

/**
 * Walks the chain in order (any edited, deleted or re-ordered row breaks it), then checks the anchor: its HMAC
 * (only the server secret makes one), and that the chain ends where the anchor says — so deleting the last entries,
 * or all of them, or rewriting the chain with the public formula, fails. Finally every review and readiness
 * decision must have its audit entry.
 */
export async function verifyAudit(tx: Tx): Promise<VerifyResult> {
  const rows = await tx.selectFrom("audit_log").selectAll().orderBy("seq").execute();
  let prev = GENESIS;
  let expectSeq = 1;
  const fail = (problem: string) => ({ ok: false, entries: rows.length, problem });
  for (const r of rows) {
    if (r.seq !== expectSeq) return fail(`entry ${expectSeq} is missing (next is ${r.seq})`);
    if (r.prev_hash !== prev) return fail(`entry ${r.seq} does not follow entry ${r.seq - 1}`);
    const at = new Date(r.logged_at).toISOString();
    const h = entryHash(prev, r.seq, at, r);
    if (h !== r.hash) return fail(`entry ${r.seq} was edited (its hash does not match its content)`);
    prev = r.hash;
    expectSeq++;
  }
  const anchor = await tx.selectFrom("audit_anchor").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!anchor) {
    if (rows.length)
      return fail(
        "the log has no anchor (its checkpoint row was deleted, or nothing was logged since anchors were introduced)",
      );
  } else {
    if (anchorMac(await anchorKey(tx), anchor.seq, anchor.head_hash) !== anchor.mac)
      return fail("the anchor's HMAC does not match: it was rewritten, or the server secret changed");
    const last = rows[rows.length - 1];
    if (!last || anchor.seq > last.seq)
      return fail(
        `entries ${(last?.seq ?? 0) + 1}–${anchor.seq} were deleted (the anchor records ${anchor.seq} entries)`,
      );
    if (anchor.seq < last.seq)
      return fail(`entries after ${anchor.seq} were added outside the application (the anchor ends at ${anchor.seq})`);
    if (anchor.head_hash !== last.hash) return fail("the chain was rewritten: its head is not the anchored one");
  }
  // every decision has its entry: a review or readiness row without one was written around the application
  const unlogged = await sql<{ what: string; id: string; missing: number }>`
    SELECT 'review' AS what, flag_id AS id, (count(*) - coalesce(max(a.n), 0))::INTEGER AS missing
    FROM reviews r LEFT JOIN (SELECT entity_id, count(*) AS n FROM audit_log WHERE entity = 'flag' AND action LIKE
      'review.%' GROUP BY entity_id) a ON a.entity_id = r.flag_id
    GROUP BY flag_id HAVING count(*) > coalesce(max(a.n), 0)
    UNION ALL
    SELECT 'readiness decision' AS what, deal_id AS id, (count(*) - coalesce(max(a.n), 0))::INTEGER AS missing
    FROM readiness_decisions d LEFT JOIN (SELECT entity_id, count(*) AS n FROM audit_log WHERE entity = 'packet' AND
      action LIKE 'readiness.%' GROUP BY entity_id) a ON a.entity_id = d.deal_id
    GROUP BY deal_id HAVING count(*) > coalesce(max(a.n), 0)
    ORDER BY 1, 2 LIMIT 5`.execute(tx);
  if (unlogged.rows.length) {
    const u = unlogged.rows[0];
    return fail(
      `${unlogged.rows.length > 1 ? "several decisions have" : "a decision has"} ` +
        `no audit entry: ${u.what} of ${u.id} (${u.missing} unlogged)`,
    );
  }
  return { ok: true, entries: rows.length };
}
