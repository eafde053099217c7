// The write phase of each import kind, set-based inside the import's transaction: new rows inserted, changed ones
// stored as a new version (handoffs keep the superseded version's content), unchanged ones counted and left alone.
import type { AuditEntry } from "../audit/audit.server";
import type { OpenDatabase } from "../db/db.server";
import { TEXT_SOURCES } from "../packet";
import { int, text, textOrNull } from "./duckdb-rows";
import type { QuarantinedRow } from "./import-summary";

export interface MergeContext {
  /** a view of the rows to store: valid, first of their key in the file, with their named values */
  rows: string;
  /** the same rows, narrow: line, row_key, content_hash (versioned kinds), without reading the file again */
  narrow: string;
  uploadId: number;
  now: Date;
  approved: boolean;
  source: string;
  actor: string;
}

export interface MergeResult {
  imported: number;
  unchanged: number;
  quarantine: QuarantinedRow[];
  audit?: AuditEntry[];
}

type Conn = OpenDatabase["conn"];

/** Rows new to the table, rows whose content changed, and rows whose content hash is already stored. */
async function countChanges(
  conn: Conn,
  narrow: string,
  table: "packets" | "rework",
  key: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE t.${key} IS NULL)::INTEGER AS added,
            count(*) FILTER (WHERE t.content_hash <> s.content_hash)::INTEGER AS changed,
            count(*) FILTER (WHERE t.content_hash = s.content_hash)::INTEGER AS unchanged
     FROM ${narrow} s LEFT JOIN ${table} t ON t.${key} = s.row_key`,
  );
  const [added, changed, unchanged] = r.getRows()[0].map(int);
  return { added, changed, unchanged };
}

/** A packet's text columns, stored as written (an empty cell is NULL). */
export const HANDOFF_TEXT = [
  "account_name",
  "opportunity_name",
  "account_owner",
  "delivery_owner",
  "implementation_lead",
  ...TEXT_SOURCES,
] as const;

/** A stored packet as JSON: what a superseded version keeps in packet_versions.data. */
const packetJson = (p: string) =>
  `json_object('deal_id', ${p}.deal_id, ${HANDOFF_TEXT.map((c) => `'${c}', ${p}.${c}`).join(", ")},
               'close_date', ${p}.close_date, 'kickoff_date', ${p}.kickoff_date,
               'amount', ${p}.amount, 'currency', ${p}.currency, 'amount_text', ${p}.amount_text,
               'extra', json(${p}.extra), 'unparsed', json(${p}.unparsed))::VARCHAR`;

/** Handoffs: a new version of each new or changed packet; the version it supersedes keeps its content. */
export async function upsertPackets(
  c: Conn,
  { rows, narrow, uploadId, now, approved, source }: MergeContext,
): Promise<MergeResult> {
  const ts = `'${now.toISOString()}'::TIMESTAMP`;
  const counts = await countChanges(c, narrow, "packets", "deal_id");
  if (counts.added + counts.changed === 0) return { imported: 0, unchanged: counts.unchanged, quarantine: [] };
  // the version being superseded keeps its content; the new current version's content is the packets row
  if (counts.changed)
    await c.run(
      `UPDATE packet_versions v SET data = ${packetJson("p")}
         FROM packets p, ${narrow} s
         WHERE v.deal_id = p.deal_id AND v.version = p.version AND v.data IS NULL AND s.row_key = p.deal_id AND
           p.content_hash <> s.content_hash`,
    );
  await c.run(
    `INSERT INTO packet_versions (deal_id, version, content_hash, upload_id, line, data, created_at)
         SELECT s.row_key, coalesce(p.version, 0) + 1, s.content_hash, ${uploadId}, s.line, NULL, ${ts}
         FROM ${narrow} s LEFT JOIN packets p ON p.deal_id = s.row_key
         WHERE p.deal_id IS NULL OR p.content_hash <> s.content_hash`,
  );
  const cols = [
    "content_hash",
    ...HANDOFF_TEXT,
    "close_date",
    "kickoff_date",
    "amount",
    "currency",
    "amount_text",
    "extra",
    "unparsed",
  ];
  // new packets take a plain INSERT; only changed ones pay for ON CONFLICT
  for (const changed of [false, true]) {
    if (!(changed ? counts.changed : counts.added)) continue;
    await c.run(
      `INSERT INTO packets (deal_id, version, ${cols.join(", ")},
             source_system, approved_source, upload_id, line, updated_at, parts_present)
           SELECT s.deal_id, coalesce(p.version, 0) + 1, ${cols.map((x) => "s." + x).join(", ")},
                  $1, ${approved ? "true" : "false"}, ${uploadId}, s.line, ${ts},
                  packet_parts(s.signed_scope, s.order_form, s.deal_desk_exception, s.kickoff_note, s.cs_requirement,
                    s.delivery_owner, s.customer_promise)
           FROM ${rows} s LEFT JOIN packets p USING (deal_id)
           WHERE ${changed ? "p.content_hash <> s.content_hash" : "p.deal_id IS NULL"}
           ${
             changed
               ? `ON CONFLICT (deal_id) DO UPDATE SET version = excluded.version,
             ${cols.map((x) => `${x} = excluded.${x}`).join(", ")},
             source_system = excluded.source_system, approved_source = excluded.approved_source,
             upload_id = excluded.upload_id, line = excluded.line,
             updated_at = excluded.updated_at, parts_present = excluded.parts_present`
               : ""
           }`,
      [source],
    );
  }
  return { imported: counts.added + counts.changed, unchanged: counts.unchanged, quarantine: [] };
}

/** Rework: new and changed items stored (one row per rework_id, the latest content). */
export async function upsertRework(c: Conn, { rows, narrow, uploadId }: MergeContext): Promise<MergeResult> {
  const counts = await countChanges(c, narrow, "rework", "rework_id");
  if (counts.added + counts.changed)
    await c.run(
      `INSERT INTO rework (rework_id, deal_id, logged_on, category, description, hours, kickoff_delay_days,
           content_hash, upload_id, line, unparsed)
         SELECT s.rework_id, s.deal_id, s.logged_on, s.category, s.description, s.hours, s.kickoff_delay_days,
           s.content_hash, ${uploadId}, s.line, s.unparsed
         FROM ${rows} s LEFT JOIN rework r USING (rework_id)
         WHERE r.rework_id IS NULL OR r.content_hash <> s.content_hash
         ON CONFLICT (rework_id) DO UPDATE SET deal_id = excluded.deal_id, logged_on = excluded.logged_on, category =
           excluded.category,
           description = excluded.description, hours = excluded.hours, kickoff_delay_days = excluded.kickoff_delay_days,
           content_hash = excluded.content_hash, upload_id = excluded.upload_id, line = excluded.line, unparsed =
             excluded.unparsed`,
    );
  return { imported: counts.added + counts.changed, unchanged: counts.unchanged, quarantine: [] };
}

/**
 * Reviews: a decision not stored yet is added (and audited like a decision made on the page); one already stored is
 * unchanged; a review of a flag that does not exist is quarantined.
 */
export async function insertReviews(c: Conn, { rows, actor }: MergeContext): Promise<MergeResult> {
  const unknown = (
    await c.runAndReadAll(
      `SELECT s.line, s.flag_id FROM ${rows} s LEFT JOIN flags f USING (flag_id) ` +
        `WHERE f.flag_id IS NULL ORDER BY s.line`,
    )
  )
    .getRows()
    .map(([line, flagId]) => ({ line: int(line), flagId: text(flagId) }));
  const known = `(SELECT s.* FROM ${rows} s SEMI JOIN flags f USING (flag_id))`;
  const sameReview =
    `r.flag_id = s.flag_id AND r.decided_at = s.decided_at AND r.decision = ` +
    `s.decision AND r.reviewer = s.reviewer`;
  const [imported, unchanged] = (
    await c.runAndReadAll(
      `SELECT count(*) FILTER (WHERE r.id IS NULL)::INTEGER AS imported,
               count(*) FILTER (WHERE r.id IS NOT NULL)::INTEGER AS unchanged
             FROM ${known} s LEFT JOIN reviews r ON ${sameReview}`,
    )
  )
    .getRows()[0]
    .map(int);
  const added = (
    await c.runAndReadAll(
      `INSERT INTO reviews (flag_id, decision, reviewer, reason, decided_at, via)
             SELECT s.flag_id, s.decision, s.reviewer, s.reason, s.decided_at, 'import'
             FROM ${known} s LEFT JOIN reviews r ON ${sameReview}
             WHERE r.id IS NULL ORDER BY s.line RETURNING flag_id, decision, reviewer, reason`,
    )
  )
    .getRows()
    .map(([flagId, decision, reviewer, reason]) => ({
      flagId: text(flagId),
      decision: text(decision),
      reviewer: text(reviewer),
      reason: textOrNull(reason),
    }));
  return {
    imported,
    unchanged,
    audit: added.map((r) => ({
      actor,
      action: `review.${r.decision}`,
      entity: "flag",
      entityId: r.flagId,
      detail: { reviewer: r.reviewer, reason: r.reason, via: "import" },
    })),
    quarantine: unknown.map((u) => ({
      line: u.line,
      reason: `no flag with id ${u.flagId} (score the packets before importing their reviews)`,
      raw: "",
    })),
  };
}
