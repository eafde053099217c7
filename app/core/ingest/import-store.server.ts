// The store phase of an import, in one transaction: the upload's row, the kind's merge, the quarantined rows and
// warnings, the audit entries and a hand mapping remembered — all or nothing (a killed import leaves no trace). A
// dry run does all of it and rolls back, returning what the import would have done.
import { appendAudit } from "../audit/audit.server";
import { appendRows, inTransaction } from "../db/tx.server";
import type { OpenDatabase } from "../db/db.server";
import type { ImportKind } from "./columns";
import type { ResolvedMapping } from "./import-mapping.server";
import { delimiterName, summaryOf, type ImportSummary } from "./import-summary";
import type { KindPlan } from "./kind-plans.server";
import { rememberMapping } from "./mappings.server";
import type { Sniffed } from "./read-csv.server";
import type { Checked } from "./row-checks.server";

export interface StoreRequest {
  kind: ImportKind;
  /** the name shown in provenance */
  fileName: string;
  source: string;
  approved: boolean;
  uploader: string;
  now: Date;
  dryRun: boolean;
  sniffed: Sniffed;
  resolved: ResolvedMapping;
  plan: KindPlan;
  checked: Checked;
}

/** Thrown inside a dry run's transaction to roll it back, carrying what the import would have done. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/** Stores a checked file (or, for a dry run, counts what storing it would do) and returns the import's summary. */
export async function storeImport(open: OpenDatabase, r: StoreRequest): Promise<ImportSummary> {
  const { sniffed, checked, resolved, now, source } = r;
  const { quarantine, rowsView, narrow, warnings, records } = checked;
  const { footer, rows, reader } = checked.staged;
  const stored = inTransaction(open, async (tx, conn) => {
    const upload = await tx
      .insertInto("uploads")
      .values({
        kind: r.kind,
        file_name: r.fileName,
        sha256: sniffed.sha256,
        size_bytes: sniffed.sizeBytes,
        source_system: source,
        uploader: r.uploader,
        uploaded_at: now,
        encoding: sniffed.encoding,
        delimiter: delimiterName(sniffed.delimiter),
        header_map: JSON.stringify(resolved.headerMap),
        headers: JSON.stringify(sniffed.headers.map((h) => h.replace(/^\uFEFF/, ""))),
        status: "complete",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const merged = await r.plan.merge({
      rows: rowsView,
      narrow,
      uploadId: upload.id,
      now,
      approved: r.approved,
      source,
      actor: r.uploader,
    });
    // rows the merge refused (a review of an unknown flag) keep their cells for the error file too
    const cellsOf = await records(merged.quarantine.map((q) => q.line));
    quarantine.push(...merged.quarantine.map((q) => ({ ...q, raw: cellsOf.get(q.line) ?? q.raw })));
    quarantine.sort((a, b) => a.line - b.line);
    if (quarantine.length) {
      await appendRows(
        conn,
        "quarantine",
        ["integer", "integer", "varchar", "varchar"],
        quarantine.map((q) => [upload.id, q.line, q.reason, q.raw]),
      );
    }
    if (warnings.total)
      await conn.run(
        `INSERT INTO import_warnings (upload_id, line, column_name, raw, reason, ` +
          `record) SELECT ${upload.id}, line, column_name, raw, reason, record FROM ` +
          `${warnings.relation}`,
      );
    await tx
      .updateTable("uploads")
      .set({
        rows_read: rows,
        imported: merged.imported,
        unchanged: merged.unchanged,
        quarantined: quarantine.length,
        footer_lines: footer,
        warnings: warnings.total,
      })
      .where("id", "=", upload.id)
      .execute();
    await appendAudit(
      tx,
      conn,
      [
        {
          actor: r.uploader,
          action: "upload.imported",
          entity: "upload",
          entityId: String(upload.id),
          detail: {
            kind: r.kind,
            file: r.fileName,
            sha256: sniffed.sha256,
            source,
            rows,
            imported: merged.imported,
            unchanged: merged.unchanged,
            quarantined: quarantine.length,
            warnings: warnings.total,
          },
        },
        ...(merged.audit ?? []),
      ],
      now,
    );
    if (resolved.from === "by hand")
      await rememberMapping(tx, r.kind, source, resolved.ownHeaders, resolved.hand, r.uploader, now);
    const result = summaryOf({
      upload_id: upload.id,
      kind: r.kind,
      file: r.fileName,
      sha256: sniffed.sha256,
      source,
      approved_source: r.approved,
      encoding: sniffed.encoding,
      delimiter: delimiterName(sniffed.delimiter),
      reader,
      rows,
      imported: merged.imported,
      unchanged: merged.unchanged,
      footer_lines: footer,
      quarantine,
      ...warnings.summary,
      unmapped_headers: resolved.mapping.unmapped,
      header_map: resolved.headerMap,
      mapping: resolved.from,
      profile: resolved.mapping.profile,
    });
    if (r.dryRun) throw new DryRunDone({ ...result, upload_id: 0, dry_run: true });
    return result;
  });
  return await stored.catch((e) => {
    if (e instanceof DryRunDone) return e.summary;
    throw e;
  });
}
