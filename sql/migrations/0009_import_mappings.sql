-- A hand mapping is remembered per import kind, source system and header set (issue 11): next month's export from
-- the same CRM, with the same headers, imports without mapping again (CLI, nightly inbox and upload page alike).
CREATE TABLE import_mappings (
  kind          VARCHAR NOT NULL,
  source_system VARCHAR NOT NULL,
  header_key    VARCHAR NOT NULL,  -- md5 of the headers trimmed, case-folded and sorted
  headers       VARCHAR NOT NULL,  -- JSON: the headers as written
  mapping       VARCHAR NOT NULL,  -- JSON: column -> header
  updated_by    VARCHAR NOT NULL,
  updated_at    TIMESTAMP NOT NULL,
  PRIMARY KEY (kind, source_system, header_key)
);
