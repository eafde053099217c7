// Downloads for the dashboard. Spreadsheet cells that start with = + - @ are neutralized (CSV injection).
import type { OpenDatabase } from "./db/db.server";
import { toCsv } from "./csv";
import { TABLE_COLUMNS } from "./db/schema";
import { earlyReworkItems, metricsExport, recurringFields, weeklySeries } from "./analytics/metrics.server";
import { FLAG_EXPORT_COLUMNS, listFlags } from "./review/flags.server";
import { auditPage, packetQueue, runsPage, uploadsPage } from "./dashboard.server";
import { errorFileCsv, type ErrorFileKind } from "./ingest/error-file.server";
import { PricingHidden, type Visibility } from "./auth/visibility.server";

export interface ExportFile {
  name: string;
  type: string;
  body: string;
}

const csvFile = (name: string, columns: string[], rows: readonly object[]): ExportFile => ({
  name,
  type: "text/csv; charset=utf-8",
  body: toCsv(columns, rows),
});

// uploads.csv: the upload log without the import's own bookkeeping (file format, mapping, state, warnings)
const UPLOAD_INTERNALS = ["encoding", "delimiter", "header_map", "status", "warnings", "headers"];
const UPLOADS_CSV_COLUMNS = TABLE_COLUMNS.uploads.filter((c) => !UPLOAD_INTERNALS.includes(c));
// runs.csv: every column of the runs table, the long JSON fields last
const RUNS_LONG = ["detector_versions", "errors"];
const RUNS_CSV_COLUMNS = [...TABLE_COLUMNS.runs.filter((c) => !RUNS_LONG.includes(c)), ...RUNS_LONG];

/** An upload's error files: its quarantined rows, or its rows imported with warnings (error-file.server.ts). */
export const ERROR_FILE = /^(quarantine|warnings)-(\d+)\.csv$/;

/**
 * A download as the viewer's role may see it (its Visibility): flags of hidden pricing parts left out; an upload's
 * error file — whole raw rows, amounts included — refused with PricingHidden.
 */
export async function exportFile(
  open: OpenDatabase,
  name: string,
  q: URLSearchParams,
  vis: Visibility,
): Promise<ExportFile | null> {
  const errors = ERROR_FILE.exec(name);
  if (errors) {
    if (vis.pricingHidden) throw new PricingHidden(`/exports/${name}`);
    const body = await errorFileCsv(open, Number(errors[2]), errors[1] as ErrorFileKind);
    return body === null ? null : { name, type: "text/csv; charset=utf-8", body };
  }
  switch (name) {
    case "metrics.json":
      return { name, type: "application/json", body: JSON.stringify(await metricsExport(open), null, 2) };
    case "weekly.csv":
      return csvFile(
        name,
        [
          "week",
          "iso_week",
          "period",
          "packets",
          "completeness",
          "flags_raised",
          "flags_accepted",
          "flags_rejected",
          "early_rework_per_packet",
        ],
        await weeklySeries(open),
      );
    case "fields.csv":
      return csvFile(
        name,
        ["source", "share", "packets", "accepted_flags", "rework_hours"],
        await recurringFields(open),
      );
    case "flags.csv": {
      const flags = vis.flags(await listFlags(open));
      return csvFile(
        name,
        FLAG_EXPORT_COLUMNS,
        flags.map((f) => ({ ...f, start: f.start ?? "", end: f.end ?? "" })),
      );
    }
    case "rework.csv":
      return csvFile(
        name,
        [
          "rework_id",
          "deal_id",
          "account_name",
          "logged_on",
          "kickoff_date",
          "period",
          "category",
          "outcome",
          "hours",
          "delay_days",
          "description",
        ],
        await earlyReworkItems(open),
      );
    case "packets.csv": {
      const rows: Record<string, unknown>[] = [];
      for (let page = 1; ; page++) {
        const r = await packetQueue(open, { page });
        rows.push(...r.rows);
        if (r.rows.length < r.pageSize) break;
      }
      return csvFile(
        name,
        [
          "deal_id",
          "account_name",
          "opportunity_name",
          "account_owner",
          "delivery_owner",
          "implementation_lead",
          "kickoff_date",
          "readiness",
          "open_flags",
          "open_high",
          "accepted",
          "rejected",
        ],
        rows,
      );
    }
    case "uploads.csv":
      return csvFile(name, UPLOADS_CSV_COLUMNS, (await uploadsPage(open)).uploads);
    case "runs.csv":
      return csvFile(
        name,
        RUNS_CSV_COLUMNS,
        (await runsPage(open)).runs.map((r) => ({ ...r, errors: JSON.stringify(r.errors) })),
      );
    case "audit.csv": {
      const rows: Record<string, unknown>[] = [];
      for (let page = 1; page < 1000; page++) {
        const r = await auditPage(
          open,
          {
            action: q.get("action") ?? undefined,
            actor: q.get("actor") ?? undefined,
            text: q.get("q") ?? undefined,
            deal: q.get("deal") ?? undefined,
            page,
          },
          vis,
        );
        rows.push(...r.rows);
        if (r.rows.length < r.pageSize) break;
      }
      return csvFile(
        name,
        ["seq", "logged_at", "actor", "action", "entity", "entity_id", "detail", "prev_hash", "hash"],
        rows,
      );
    }
    default:
      return null;
  }
}
