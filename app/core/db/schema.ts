// Hand-written table types; test/core/db/schema.test.ts checks them against the migrated database.
import type { Generated } from "kysely";
import { TEXT_SOURCES, type PacketText } from "../packet";

export interface UploadsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  source_system: string;
  uploader: string;
  uploaded_at: Date;
  encoding: string;
  delimiter: string;
  header_map: string;
  /** JSON: the file's header row as written (null for uploads before migration 0011) */
  headers: string | null;
  rows_read: Generated<number>;
  imported: Generated<number>;
  unchanged: Generated<number>;
  quarantined: Generated<number>;
  footer_lines: Generated<number>;
  status: string;
  /** optional cells that could not be parsed (rows stored with the field empty), 0008 */
  warnings: Generated<number | null>;
}

export interface ImportWarningsTable {
  upload_id: number;
  line: number;
  column_name: string;
  raw: string;
  reason: string;
  /** the row's cells as CSV in the file's delimiter (null before migration 0011) */
  record: string | null;
}

export interface ImportMappingsTable {
  kind: string;
  source_system: string;
  header_key: string;
  headers: string;
  mapping: string;
  updated_by: string;
  updated_at: Date;
}

export interface QuarantineTable {
  upload_id: number;
  line: number;
  reason: string;
  raw: string;
}

export interface PacketsTable extends PacketText {
  version: number;
  content_hash: string;
  account_name: string;
  opportunity_name: string | null;
  account_owner: string | null;
  implementation_lead: string | null;
  close_date: string | Date | null;
  kickoff_date: string | Date | null;
  amount: number | null;
  currency: string | null;
  extra: Generated<string>;
  source_system: string;
  approved_source: boolean;
  upload_id: number;
  line: number;
  updated_at: Date;
  scored_hash: string | null;
  score_status: string | null;
  score_error: string | null;
  readiness: string | null;
  llm_status: string | null;
  parts_present: number | null;
  /** JSON: column -> text of an optional cell that could not be parsed */
  unparsed: string | null;
  /** JSON: text field -> language code, for the fields whose text checks did not run (not English) */
  text_checks: string | null;
}

export interface PacketVersionsTable {
  deal_id: string;
  version: number;
  content_hash: string;
  upload_id: number;
  line: number;
  data: string | null;
  created_at: Date;
}

export interface ReworkTable {
  rework_id: string;
  deal_id: string;
  logged_on: string | Date;
  category: string | null;
  description: string;
  hours: number | null;
  kickoff_delay_days: number | null;
  content_hash: string;
  upload_id: number;
  line: number;
  unparsed: string | null;
}

export interface FlagsTable {
  flag_id: string;
  deal_id: string;
  category: string;
  severity: string;
  source: string;
  span_start: number | null;
  span_end: number | null;
  evidence: string;
  message: string;
  detector: string;
  state: string;
  packet_version: number;
  created_at: Date;
  retired_at: Date | null;
  topic: string | null;
}

export interface ReviewsTable {
  id: Generated<number>;
  flag_id: string;
  decision: string;
  reviewer: string;
  reason: string | null;
  decided_at: Date;
  via: string;
}

export interface ReadinessDecisionsTable {
  id: Generated<number>;
  deal_id: string;
  decision: string;
  comment: string | null;
  decided_by: string;
  decided_at: Date;
}

export interface RunsTable {
  id: Generated<number>;
  kind: string;
  started_at: Date;
  finished_at: Date | null;
  status: string;
  scored: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  flags_new: Generated<number>;
  flags_retired: Generated<number>;
  detector_versions: string;
  errors: Generated<string>;
  llm_tokens: Generated<number>;
  llm_cost_usd: Generated<number | null>;
}

export interface AuditLogTable {
  seq: number;
  logged_at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: Date;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TemplateFixesTable {
  topic: string;
  done_on: string | Date;
  marked_by: string;
  marked_at: Date;
}

export interface TemplateProposalsTable {
  topic: string;
  status: string;
  packets_at_decision: number;
  decided_by: string;
  decided_at: Date;
}

export interface TemplateExclusionsTable {
  topic: string;
  deal_id: string;
  excluded_by: string;
  excluded_at: Date;
}

export interface LlmCacheTable {
  cache_key: string;
  response: string;
  created_at: Date;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: Date;
  expires_at: Date;
}

export interface AuditAnchorTable {
  id: number;
  seq: number;
  head_hash: string;
  mac: string;
  updated_at: Date;
}

export interface Database {
  uploads: UploadsTable;
  quarantine: QuarantineTable;
  import_warnings: ImportWarningsTable;
  import_mappings: ImportMappingsTable;
  packets: PacketsTable;
  packet_versions: PacketVersionsTable;
  rework: ReworkTable;
  flags: FlagsTable;
  reviews: ReviewsTable;
  readiness_decisions: ReadinessDecisionsTable;
  runs: RunsTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  settings: SettingsTable;
  template_fixes: TemplateFixesTable;
  template_proposals: TemplateProposalsTable;
  template_exclusions: TemplateExclusionsTable;
  llm_cache: LlmCacheTable;
  sessions: SessionsTable;
  audit_anchor: AuditAnchorTable;
}

/** The columns each table must have, used by the schema drift test. */
export const TABLE_COLUMNS: Record<keyof Database, string[]> = {
  uploads: [
    "id",
    "kind",
    "file_name",
    "sha256",
    "size_bytes",
    "source_system",
    "uploader",
    "uploaded_at",
    "encoding",
    "delimiter",
    "header_map",
    "rows_read",
    "imported",
    "unchanged",
    "quarantined",
    "footer_lines",
    "status",
    "warnings",
    "headers",
  ],
  quarantine: ["upload_id", "line", "reason", "raw"],
  import_warnings: ["upload_id", "line", "column_name", "raw", "reason", "record"],
  import_mappings: ["kind", "source_system", "header_key", "headers", "mapping", "updated_by", "updated_at"],
  packets: [
    "deal_id",
    "version",
    "content_hash",
    "account_name",
    "opportunity_name",
    "account_owner",
    "delivery_owner",
    "implementation_lead",
    "close_date",
    "kickoff_date",
    "amount",
    "currency",
    ...TEXT_SOURCES,
    "extra",
    "source_system",
    "approved_source",
    "upload_id",
    "line",
    "updated_at",
    "scored_hash",
    "score_status",
    "score_error",
    "readiness",
    "llm_status",
    "parts_present",
    "unparsed",
    "text_checks",
    "amount_text",
  ],
  packet_versions: ["deal_id", "version", "content_hash", "upload_id", "line", "data", "created_at"],
  rework: [
    "rework_id",
    "deal_id",
    "logged_on",
    "category",
    "description",
    "hours",
    "kickoff_delay_days",
    "content_hash",
    "upload_id",
    "line",
    "unparsed",
  ],
  flags: [
    "flag_id",
    "deal_id",
    "category",
    "severity",
    "source",
    "span_start",
    "span_end",
    "evidence",
    "message",
    "detector",
    "state",
    "packet_version",
    "created_at",
    "retired_at",
    "topic",
  ],
  reviews: ["id", "flag_id", "decision", "reviewer", "reason", "decided_at", "via"],
  readiness_decisions: ["id", "deal_id", "decision", "comment", "decided_by", "decided_at"],
  runs: [
    "id",
    "kind",
    "started_at",
    "finished_at",
    "status",
    "scored",
    "unchanged",
    "failed",
    "flags_new",
    "flags_retired",
    "detector_versions",
    "errors",
    "llm_tokens",
    "llm_cost_usd",
  ],
  audit_log: ["seq", "logged_at", "actor", "action", "entity", "entity_id", "detail", "prev_hash", "hash"],
  users: ["id", "email", "name", "role", "password_hash", "created_at"],
  settings: ["key", "value"],
  template_fixes: ["topic", "done_on", "marked_by", "marked_at"],
  template_proposals: ["topic", "status", "packets_at_decision", "decided_by", "decided_at"],
  template_exclusions: ["topic", "deal_id", "excluded_by", "excluded_at"],
  llm_cache: ["cache_key", "response", "created_at"],
  sessions: ["id_hash", "user_id", "created_at", "expires_at"],
  audit_anchor: ["id", "seq", "head_hash", "mac", "updated_at"],
};
