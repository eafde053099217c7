import { sql } from "kysely";
import type { OpenDatabase } from "../db/db.server";
import type { FlagsTable } from "../db/schema";
import { runQueryFile } from "../db/db.server";

export interface FlagView {
  flag_id: string;
  deal_id: string;
  category: string;
  severity: string;
  source: string;
  start: number | null;
  end: number | null;
  evidence: string;
  message: string;
  detector: string;
  status: "open" | "accepted" | "rejected";
  reviewer: string | null;
  reason: string | null;
  decided_at: Date | null;
  demoted: boolean;
  detector_precision: number | null;
}

/** A flag with its latest decision, as both queries below return it (column types from schema.ts). */
type FlagStatusRow = Pick<
  FlagsTable,
  | "flag_id"
  | "deal_id"
  | "category"
  | "severity"
  | "source"
  | "span_start"
  | "span_end"
  | "evidence"
  | "message"
  | "detector"
> & { status: FlagView["status"]; reviewer: string | null; reason: string | null; decided_at: Date | null };

const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

/**
 * Active flags with their latest decision. A demoted detector's flags show as low severity, marked
 * "mostly rejected"; flags are ordered by severity, then by their detector's observed precision.
 */
export async function listFlags(open: OpenDatabase, filter: { dealId?: string } = {}): Promise<FlagView[]> {
  const rel = await runQueryFile<{ dimension: string; name: string; precision: number | null; demoted: boolean }>(
    open,
    "reliability",
  );
  const det = new Map(rel.filter((r) => r.dimension === "detector").map((r) => [r.name, r]));
  // one packet: narrow flags and reviews first (the same latest-decision rule as sql/macros/02_flag_status.sql)
  const rows = filter.dealId
    ? await sql<FlagStatusRow>`
        WITH f AS (SELECT * FROM flags WHERE deal_id = ${filter.dealId} AND state = 'active'),
        r AS (SELECT flag_id, decision, decided_at, reviewer, reason, row_number() OVER (PARTITION BY flag_id ORDER BY
          decided_at DESC, id DESC) AS rn
              FROM reviews WHERE flag_id IN (SELECT flag_id FROM f))
        SELECT f.flag_id, f.deal_id, f.category, f.severity, f.source, f.span_start, f.span_end, f.evidence,
          f.message, f.detector,
               coalesce(r.decision, 'open') AS status, r.reviewer, r.reason, r.decided_at
        FROM f LEFT JOIN r ON r.flag_id = f.flag_id AND r.rn = 1
        ORDER BY f.span_start NULLS FIRST`.execute(open.db)
    : await sql<FlagStatusRow>`
        SELECT flag_id, deal_id, category, severity, source, span_start, span_end, evidence, message, detector,
          status, reviewer, reason, decided_at
        FROM flag_status() ORDER BY deal_id, span_start NULLS FIRST`.execute(open.db);
  const out: FlagView[] = rows.rows.map((r) => {
    const d = det.get(r.detector.split("@")[0]);
    const demoted = Boolean(d?.demoted);
    return {
      flag_id: r.flag_id,
      deal_id: r.deal_id,
      category: r.category,
      severity: demoted ? "low" : r.severity,
      source: r.source,
      start: r.span_start,
      end: r.span_end,
      evidence: r.evidence,
      message: demoted ? `(mostly rejected by reviewers) ${r.message}` : r.message,
      detector: r.detector,
      status: r.status,
      reviewer: r.reviewer ?? null,
      reason: r.reason ?? null,
      decided_at: r.decided_at ?? null,
      demoted,
      detector_precision: d?.precision ?? null,
    };
  });
  return out.sort(
    (a, b) =>
      a.deal_id.localeCompare(b.deal_id) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (b.detector_precision ?? 0.5) - (a.detector_precision ?? 0.5) ||
      (a.start ?? -1) - (b.start ?? -1),
  );
}

export const FLAG_EXPORT_COLUMNS = [
  "flag_id",
  "deal_id",
  "category",
  "severity",
  "source",
  "start",
  "end",
  "evidence",
  "message",
  "detector",
  "status",
];
