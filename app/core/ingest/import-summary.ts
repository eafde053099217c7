// What an import reports: the counts (rows = imported + unchanged + quarantined), each quarantined line and why,
// the warnings per column, and where the file and its mapping came from.
import type { ImportKind } from "./columns";

export interface Warning {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** How many warnings a summary lists (all are in import_warnings and the upload's warnings download). */
export const WARNINGS_SAMPLE = 20;

export interface ImportSummary {
  upload_id: number;
  kind: ImportKind;
  file: string;
  sha256: string;
  source: string;
  approved_source: boolean;
  encoding: string;
  delimiter: string;
  /** which reader split the file: DuckDB's for regular UTF-8, the streaming one for anything irregular */
  reader: "duckdb" | "stream";
  rows: number;
  imported: number;
  unchanged: number;
  quarantined: number;
  footer_lines: number;
  quarantine: { line: number; reason: string }[];
  /** optional cells that could not be parsed: their rows are stored with the field empty and the text kept */
  warnings: number;
  warnings_by_column: Record<string, number>;
  /** the first warnings in line order (all are in import_warnings and the upload's warnings download) */
  warnings_sample: Warning[];
  unmapped_headers: string[];
  /** column -> header as used; where the mapping came from; the CRM profile whose display names it used */
  header_map: Record<string, string>;
  mapping: "automatic" | "by hand" | "remembered";
  profile: string | null;
  /** a dry run's summary: what the import would do (its upload id is 0: nothing was written) */
  dry_run?: boolean;
}

/** The warnings part of a summary. */
export type WarningCounts = Pick<ImportSummary, "warnings" | "warnings_by_column" | "warnings_sample">;

/** How a delimiter is named in a summary and in uploads.delimiter. */
export const delimiterName = (delimiter: string) => (delimiter === "\t" ? "tab" : delimiter);

/** A summary, its keys in the order the CLI's `--json` has always printed them; quarantine listed without cells. */
export function summaryOf(s: Omit<ImportSummary, "quarantined" | "quarantine"> & { quarantine: QuarantinedRow[] }) {
  const summary: ImportSummary = {
    upload_id: s.upload_id,
    kind: s.kind,
    file: s.file,
    sha256: s.sha256,
    source: s.source,
    approved_source: s.approved_source,
    encoding: s.encoding,
    delimiter: s.delimiter,
    reader: s.reader,
    rows: s.rows,
    imported: s.imported,
    unchanged: s.unchanged,
    quarantined: s.quarantine.length,
    footer_lines: s.footer_lines,
    quarantine: s.quarantine.map((r) => ({ line: r.line, reason: r.reason })),
    warnings: s.warnings,
    warnings_by_column: s.warnings_by_column,
    warnings_sample: s.warnings_sample,
    unmapped_headers: s.unmapped_headers,
    header_map: s.header_map,
    mapping: s.mapping,
    profile: s.profile,
  };
  return summary;
}

/** A row that was not imported: its line, why, and its cells as CSV in the file's delimiter (for the error file). */
export interface QuarantinedRow {
  line: number;
  reason: string;
  raw: string;
}
