import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "kysely";
import type { OpenDatabase } from "../db/db.server";
import { appendRow, appendRows, inTransaction, type AppendType } from "../db/tx.server";
import { appendAudit, type AuditEntry } from "../audit/audit.server";
import { getApprovedSources } from "../settings.server";
import { COLUMNS, mapHeaders, type ImportKind } from "./columns";
import { ImportRefused, readRows, sniffFile, DEFAULT_MAX_BYTES, type Sniffed } from "./read-csv.server";
import { parseAmount, parseDate, parseNumber, parseTimestamp, ValueError } from "./values";

export { ImportRefused };

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  /** the name shown in provenance (an upload keeps the user's file name, not the temp path) */
  fileName?: string;
  source?: string;
  uploader?: string;
  map?: Record<string, string>;
  maxBytes?: number;
  onProgress?: (bytes: number, total: number) => void;
  now?: Date;
}

export interface ImportSummary {
  upload_id: number;
  kind: ImportKind;
  file: string;
  sha256: string;
  source: string;
  approved_source: boolean;
  encoding: string;
  delimiter: string;
  rows: number;
  imported: number;
  unchanged: number;
  quarantined: number;
  footer_lines: number;
  quarantine: { line: number; reason: string }[];
  unmapped_headers: string[];
}

interface MergeContext {
  stage: string;
  uploadId: number;
  now: Date;
  approved: boolean;
  source: string;
  actor: string;
}

interface MergeResult {
  imported: number;
  unchanged: number;
  quarantine: { line: number; reason: string; raw: string }[];
  audit?: AuditEntry[];
}

/** One kind's row validation and storage: stage table columns, row → values, merge SQL. */
interface KindPlan {
  stage: { name: string; type: AppendType; sql: string }[];
  /** returns values in stage order, or throws ValueError with the reason */
  row(get: (c: string) => string | undefined, extra: Record<string, string>, line: number): unknown[];
  key(values: unknown[]): string;
  merge(ctx: MergeContext): Promise<MergeResult>;
}

const text = (name: string) => ({ name, type: "varchar" as const, sql: "VARCHAR" });
const num = (name: string) => ({ name, type: "double" as const, sql: "DOUBLE" });

/** Parses one cell, prefixing a failure with the column it came from ("kickoff_date: unparseable date …"). */
function cell<T>(column: string, raw: string | undefined, parse: (s: string | undefined) => T): T {
  try {
    return parse(raw);
  } catch (e) {
    throw e instanceof ValueError ? new ValueError(`${column}: ${e.message}`) : e;
  }
}

const hashOf = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
const blankToNull = (s: string | undefined) => (s === undefined || s === "" ? null : s);

/** Imports one CSV file: nothing is lost — every data row is imported, unchanged or quarantined. */
export async function importCsv(open: OpenDatabase, opts: ImportOptions): Promise<ImportSummary> {
  const now = opts.now ?? new Date();
  const source = (opts.source ?? "csv").trim().toLowerCase();
  if (!/^[a-z0-9_.-]{1,40}$/.test(source)) throw new ImportRefused(`--source "${opts.source}" is not a valid source system name`);
  const sniffed = await sniffFile(opts.file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const mapping = mapHeaders(opts.kind, sniffed.headers, opts.map ?? {});
  if (mapping.missingRequired.length) {
    throw new ImportRefused(
      `cannot import ${path.basename(opts.file)} as ${opts.kind}: no header maps to the required column(s) ${mapping.missingRequired.join(", ")}. ` +
        `Headers found: ${sniffed.headers.join(", ")}. Columns expected: ${COLUMNS[opts.kind].map((c) => c.name + (c.required ? " (required)" : "")).join(", ")}. ` +
        `Map one by hand with --map ${mapping.missingRequired[0]}=HEADER.`,
    );
  }
  const approvedSources = await getApprovedSources(open.db);
  const approved = approvedSources.includes(source);
  const plan = PLANS[opts.kind](open);
  const idx = mapping.columns;
  const extraIdx = sniffed.headers.map((h, i) => [h, i] as const).filter(([, i]) => !Object.values(idx).includes(i));

  const stageName = `stage_${opts.kind}_${randomBytes(6).toString("hex")}`;
  // rows are staged through their own connection and one Appender (flushed once), so a long import neither
  // holds the shared connection nor pays a commit per batch
  const stageConn = await open.instance.connect();
  await stageConn.run(`CREATE TABLE ${stageName} (line INTEGER, ${plan.stage.map((c) => `"${c.name}" ${c.sql}`).join(", ")})`);
  try {
    const quarantine: { line: number; reason: string; raw: string }[] = [];
    const seen = new Map<string, number>();
    let rows = 0;
    let footer = 0;
    const appender = await stageConn.createAppender(stageName);
    const types = ["integer", ...plan.stage.map((c) => c.type)] as AppendType[];
    try {
      const onBytes = opts.onProgress ? (b: number) => opts.onProgress!(b, sniffed.sizeBytes) : undefined;
      for await (const ev of readRows(opts.file, sniffed, onBytes)) {
        if (ev.type === "footer") {
          footer++;
          continue;
        }
        rows++;
        if (ev.type === "bad") {
          quarantine.push({ line: ev.line, reason: ev.reason, raw: ev.raw });
          continue;
        }
        const get = (c: string) => (idx[c] === undefined ? undefined : ev.fields[idx[c]]);
        const extra: Record<string, string> = {};
        for (const [h, i] of extraIdx) if (ev.fields[i] !== undefined && ev.fields[i] !== "") extra[h] = ev.fields[i];
        let values: unknown[];
        try {
          values = plan.row(get, extra, ev.line);
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
          quarantine.push({ line: ev.line, reason: e.message, raw: ev.raw });
          continue;
        }
        const key = plan.key(values);
        const first = seen.get(key);
        if (first !== undefined) {
          quarantine.push({ line: ev.line, reason: `duplicate ${COLUMNS[opts.kind][0].name} ${key} within the file (first on line ${first})`, raw: ev.raw });
          continue;
        }
        seen.set(key, ev.line);
        appendRow(appender, types, [ev.line, ...values]);
        // flushing now and then moves staged rows into DuckDB's bounded buffer pool (memory stays flat)
        if (seen.size % 20000 === 0) appender.flushSync();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }

    return await inTransaction(open, async (tx, conn) => {
      const upload = await tx
        .insertInto("uploads")
        .values({
          kind: opts.kind,
          file_name: opts.fileName ?? path.basename(opts.file),
          sha256: sniffed.sha256,
          size_bytes: sniffed.sizeBytes,
          source_system: source,
          uploader: opts.uploader ?? "cli",
          uploaded_at: now,
          encoding: sniffed.encoding,
          delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
          header_map: JSON.stringify(Object.fromEntries(Object.entries(idx).map(([c, i]) => [c, sniffed.headers[i]]))),
          status: "complete",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const merged = await plan.merge({ stage: stageName, uploadId: upload.id, now, approved, source, actor: opts.uploader ?? "cli" });
      quarantine.push(...merged.quarantine);
      quarantine.sort((a, b) => a.line - b.line);
      if (quarantine.length) {
        await appendRows(conn, "quarantine", ["integer", "integer", "varchar", "varchar"], quarantine.map((q) => [upload.id, q.line, q.reason, q.raw]));
      }
      await tx
        .updateTable("uploads")
        .set({ rows_read: rows, imported: merged.imported, unchanged: merged.unchanged, quarantined: quarantine.length, footer_lines: footer })
        .where("id", "=", upload.id)
        .execute();
      await appendAudit(tx, conn, [
        {
          actor: opts.uploader ?? "cli",
          action: "upload.imported",
          entity: "upload",
          entityId: String(upload.id),
          detail: { kind: opts.kind, file: opts.fileName ?? path.basename(opts.file), sha256: sniffed.sha256, source, rows, imported: merged.imported, unchanged: merged.unchanged, quarantined: quarantine.length },
        },
        ...(merged.audit ?? []),
      ], now);
      return summary(upload.id, opts, sniffed, source, approved, rows, merged.imported, merged.unchanged, footer, quarantine, mapping.unmapped);
    });
  } finally {
    await stageConn.run(`DROP TABLE IF EXISTS ${stageName}`).catch(() => undefined);
    stageConn.closeSync();
  }
}

function summary(
  uploadId: number, opts: ImportOptions, sniffed: Sniffed, source: string, approved: boolean, rows: number,
  imported: number, unchanged: number, footer: number, quarantine: { line: number; reason: string }[], unmapped: string[],
): ImportSummary {
  return {
    upload_id: uploadId,
    kind: opts.kind,
    file: opts.fileName ?? path.basename(opts.file),
    sha256: sniffed.sha256,
    source,
    approved_source: approved,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
    rows,
    imported,
    unchanged,
    quarantined: quarantine.length,
    footer_lines: footer,
    quarantine: quarantine.map((q) => ({ line: q.line, reason: q.reason })),
    unmapped_headers: unmapped,
  };
}

/** New or changed rows (imported) and rows whose content hash is already stored (unchanged). */
async function countChanges(conn: OpenDatabase["conn"], stage: string, table: "packets" | "rework", key: string): Promise<{ imported: number; unchanged: number }> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE t.${key} IS NULL OR t.content_hash <> s.content_hash)::INTEGER AS imported,
            count(*) FILTER (WHERE t.content_hash = s.content_hash)::INTEGER AS unchanged
     FROM ${stage} s LEFT JOIN ${table} t USING (${key})`,
  );
  return r.getRowObjectsJS()[0] as { imported: number; unchanged: number };
}

const HANDOFF_TEXT = ["account_name", "opportunity_name", "account_owner", "delivery_owner", "implementation_lead", "signed_scope", "order_form", "deal_desk_exception", "kickoff_note", "cs_requirement", "customer_promise"] as const;

const PLANS: Record<ImportKind, (open: OpenDatabase) => KindPlan> = {
  handoffs: (open) => ({
    stage: [
      text("deal_id"),
      text("content_hash"),
      ...HANDOFF_TEXT.map(text),
      text("close_date"),
      text("kickoff_date"),
      num("amount"),
      text("currency"),
      text("extra"),
    ],
    row(get, extra) {
      const dealId = (get("deal_id") ?? "").trim();
      if (!dealId) throw new ValueError("missing deal_id");
      if (dealId.length > 100) throw new ValueError(`deal_id is ${dealId.length} characters long (at most 100)`);
      if (!(get("account_name") ?? "").trim()) throw new ValueError(`missing account_name for deal ${dealId}`);
      const close = cell("close_date", get("close_date"), parseDate);
      const kickoff = cell("kickoff_date", get("kickoff_date"), parseDate);
      const amount = cell("amount", get("amount"), parseAmount);
      const values = HANDOFF_TEXT.map((c) => blankToNull(get(c)));
      const data = { deal_id: dealId, ...Object.fromEntries(HANDOFF_TEXT.map((c, i) => [c, values[i]])), close_date: close, kickoff_date: kickoff, amount: amount?.value ?? null, currency: amount?.currency ?? null, extra };
      // the hash covers every mapped value and the kept extra columns; the version's JSON is rebuilt in SQL
      return [dealId, hashOf(data), ...values, close, kickoff, amount?.value ?? null, amount?.currency ?? null, JSON.stringify(extra)];
    },
    key: (v) => String(v[0]),
    async merge({ stage, uploadId, now, approved, source }) {
      const c = open.conn;
      const ts = now.toISOString();
      const counts = await countChanges(c, stage, "packets", "deal_id");
      await c.run(
        `INSERT INTO packet_versions
         SELECT s.deal_id, coalesce(p.version, 0) + 1, s.content_hash, ${uploadId}, s.line,
                json_object('deal_id', s.deal_id, ${HANDOFF_TEXT.map((c) => `'${c}', s.${c}`).join(", ")},
                            'close_date', s.close_date, 'kickoff_date', s.kickoff_date, 'amount', s.amount, 'currency', s.currency,
                            'extra', json(s.extra))::VARCHAR,
                '${ts}'::TIMESTAMP
         FROM ${stage} s LEFT JOIN packets p USING (deal_id)
         WHERE p.deal_id IS NULL OR p.content_hash <> s.content_hash`,
      );
      const cols = ["content_hash", ...HANDOFF_TEXT, "close_date", "kickoff_date", "amount", "currency", "extra"];
      // new packets take a plain INSERT; only changed ones pay for ON CONFLICT
      for (const changed of [false, true]) {
        await c.run(
          `INSERT INTO packets (deal_id, version, ${cols.join(", ")}, source_system, approved_source, upload_id, line, updated_at, parts_present)
           SELECT s.deal_id, coalesce(p.version, 0) + 1, ${cols.map((x) => (x.endsWith("_date") ? `CAST(s.${x} AS DATE)` : "s." + x)).join(", ")},
                  $1, ${approved ? "true" : "false"}, ${uploadId}, s.line, '${ts}'::TIMESTAMP,
                  packet_parts(s.signed_scope, s.order_form, s.deal_desk_exception, s.kickoff_note, s.cs_requirement, s.delivery_owner, s.customer_promise)
           FROM ${stage} s LEFT JOIN packets p USING (deal_id)
           WHERE ${changed ? "p.content_hash <> s.content_hash" : "p.deal_id IS NULL"}
           ${
             changed
               ? `ON CONFLICT (deal_id) DO UPDATE SET version = excluded.version, ${cols.map((x) => `${x} = excluded.${x}`).join(", ")},
             source_system = excluded.source_system, approved_source = excluded.approved_source,
             upload_id = excluded.upload_id, line = excluded.line, updated_at = excluded.updated_at, parts_present = excluded.parts_present`
               : ""
           }`,
          [source],
        );
      }
      return { imported: counts.imported, unchanged: counts.unchanged, quarantine: [] };
    },
  }),

  rework: (open) => ({
    stage: [
      text("rework_id"),
      text("deal_id"),
      text("logged_on"),
      text("category"),
      text("description"),
      num("hours"),
      num("kickoff_delay_days"),
      text("content_hash"),
    ],
    row(get) {
      const id = (get("rework_id") ?? "").trim();
      if (!id) throw new ValueError("missing rework_id");
      const deal = (get("deal_id") ?? "").trim();
      if (!deal) throw new ValueError(`missing deal_id for rework ${id}`);
      const logged = cell("logged_on", get("logged_on"), parseDate);
      if (!logged) throw new ValueError(`missing logged_on for rework ${id}`);
      const description = get("description") ?? "";
      if (!description.trim()) throw new ValueError(`missing description for rework ${id}`);
      const hours = parseNumber(get("hours"), "hours");
      const delay = parseNumber(get("kickoff_delay_days"), "kickoff_delay_days");
      const category = (get("category") ?? "").trim() || null;
      const values = [id, deal, logged, category, description, hours, delay];
      return [...values, hashOf(values)];
    },
    key: (v) => String(v[0]),
    async merge({ stage, uploadId }) {
      const c = open.conn;
      const counts = await countChanges(c, stage, "rework", "rework_id");
      await c.run(
        `INSERT INTO rework
         SELECT s.rework_id, s.deal_id, CAST(s.logged_on AS DATE), s.category, s.description, s.hours, s.kickoff_delay_days, s.content_hash, ${uploadId}, s.line
         FROM ${stage} s LEFT JOIN rework r USING (rework_id)
         WHERE r.rework_id IS NULL OR r.content_hash <> s.content_hash
         ON CONFLICT (rework_id) DO UPDATE SET deal_id = excluded.deal_id, logged_on = excluded.logged_on, category = excluded.category,
           description = excluded.description, hours = excluded.hours, kickoff_delay_days = excluded.kickoff_delay_days,
           content_hash = excluded.content_hash, upload_id = excluded.upload_id, line = excluded.line`,
      );
      return { ...counts, quarantine: [] };
    },
  }),

  reviews: (open) => ({
    stage: [
      text("flag_id"),
      text("decision"),
      text("reviewer"),
      text("reason"),
      { name: "decided_at", type: "timestamp", sql: "TIMESTAMP" },
      text("raw"),
    ],
    row(get, _extra, line) {
      const flag = (get("flag_id") ?? "").trim();
      if (!flag) throw new ValueError("missing flag_id");
      const decision = (get("decision") ?? "").trim().toLowerCase().replace(/^accept$/, "accepted").replace(/^reject$/, "rejected");
      if (decision !== "accepted" && decision !== "rejected") throw new ValueError(`decision "${get("decision") ?? ""}" must be accepted or rejected`);
      const reviewer = (get("reviewer") ?? "").trim();
      if (!reviewer) throw new ValueError("missing reviewer");
      const reason = (get("reason") ?? "").trim() || null;
      if (decision === "rejected" && !reason) throw new ValueError(`a rejection needs a reason (flag ${flag})`);
      const at = cell("decided_at", get("decided_at"), parseTimestamp);
      if (!at) throw new ValueError("missing decided_at");
      return [flag, decision, reviewer, reason, at, `line ${line}`];
    },
    key: (v) => `${v[0]}@${(v[4] as Date).toISOString()}`,
    async merge({ stage, actor }) {
      const c = open.conn;
      const unknown = (
        await c.runAndReadAll(`SELECT s.line, s.flag_id FROM ${stage} s LEFT JOIN flags f USING (flag_id) WHERE f.flag_id IS NULL ORDER BY s.line`)
      ).getRowObjectsJS() as { line: number; flag_id: string }[];
      await c.run(`DELETE FROM ${stage} WHERE flag_id NOT IN (SELECT flag_id FROM flags)`);
      const counts = (
        await c.runAndReadAll(
          `SELECT count(*) FILTER (WHERE r.id IS NULL)::INTEGER AS imported, count(*) FILTER (WHERE r.id IS NOT NULL)::INTEGER AS unchanged
           FROM ${stage} s LEFT JOIN reviews r ON r.flag_id = s.flag_id AND r.decided_at = s.decided_at AND r.decision = s.decision AND r.reviewer = s.reviewer`,
        )
      ).getRowObjectsJS()[0] as { imported: number; unchanged: number };
      const added = (
        await c.runAndReadAll(
          `INSERT INTO reviews (flag_id, decision, reviewer, reason, decided_at, via)
           SELECT s.flag_id, s.decision, s.reviewer, s.reason, s.decided_at, 'import'
           FROM ${stage} s LEFT JOIN reviews r ON r.flag_id = s.flag_id AND r.decided_at = s.decided_at AND r.decision = s.decision AND r.reviewer = s.reviewer
           WHERE r.id IS NULL RETURNING flag_id, decision, reviewer, reason`,
        )
      ).getRowObjectsJS() as { flag_id: string; decision: string; reviewer: string; reason: string | null }[];
      return {
        ...counts,
        audit: added.map((r) => ({
          actor,
          action: `review.${r.decision}`,
          entity: "flag",
          entityId: r.flag_id,
          detail: { reviewer: r.reviewer, reason: r.reason, via: "import" },
        })),
        quarantine: unknown.map((u) => ({ line: u.line, reason: `no flag with id ${u.flag_id} (score the packets before importing their reviews)`, raw: "" })),
      };
    },
  }),
};

