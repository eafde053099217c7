import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { appendRows, type Tx } from "../db/tx.server";

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

const GENESIS = "0".repeat(64);

function entryHash(prev: string, seq: number, at: string, e: { actor: string; action: string; entity: string; entity_id: string; detail: string }): string {
  return createHash("sha256")
    .update([prev, seq, at, e.actor, e.action, e.entity, e.entity_id, e.detail].join("\u001f"))
    .digest("hex");
}

/**
 * Appends entries to the hash-chained audit log. Must run inside inTransaction so the chain head
 * read here cannot move before the rows land.
 */
export async function appendAudit(tx: Tx, conn: DuckDBConnection, entries: AuditEntry[], now = new Date()): Promise<void> {
  if (!entries.length) return;
  const head = await tx.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  let prev = head?.hash ?? GENESIS;
  let seq = head?.seq ?? 0;
  const at = now.toISOString();
  const rows: unknown[][] = [];
  for (const e of entries) {
    seq++;
    const rec = { actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entityId, detail: JSON.stringify(e.detail ?? {}) };
    const hash = entryHash(prev, seq, at, rec);
    rows.push([seq, now, rec.actor, rec.action, rec.entity, rec.entity_id, rec.detail, prev, hash]);
    prev = hash;
  }
  await appendRows(conn, "audit_log", ["integer", "timestamp", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"], rows);
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problem?: string;
}

/** Walks the chain in order; any edited, deleted or re-ordered row breaks it. */
export async function verifyAudit(tx: Tx): Promise<VerifyResult> {
  const rows = await tx.selectFrom("audit_log").selectAll().orderBy("seq").execute();
  let prev = GENESIS;
  let expectSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectSeq) return { ok: false, entries: rows.length, problem: `entry ${expectSeq} is missing (next is ${r.seq})` };
    if (r.prev_hash !== prev) return { ok: false, entries: rows.length, problem: `entry ${r.seq} does not follow entry ${r.seq - 1}` };
    const at = new Date(r.logged_at).toISOString();
    const h = entryHash(prev, r.seq, at, r);
    if (h !== r.hash) return { ok: false, entries: rows.length, problem: `entry ${r.seq} was edited (its hash does not match its content)` };
    prev = r.hash;
    expectSeq++;
  }
  return { ok: true, entries: rows.length };
}
