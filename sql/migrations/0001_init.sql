-- Promise Trail schema, version 1. Never edit once landed: add 0002_… instead.

CREATE SEQUENCE upload_id_seq START 1;
CREATE TABLE uploads (
  id            INTEGER PRIMARY KEY DEFAULT nextval('upload_id_seq'),
  kind          VARCHAR NOT NULL,            -- handoffs | rework | reviews
  file_name     VARCHAR NOT NULL,
  sha256        VARCHAR NOT NULL,
  size_bytes    BIGINT NOT NULL,
  source_system VARCHAR NOT NULL,
  uploader      VARCHAR NOT NULL,
  uploaded_at   TIMESTAMP NOT NULL,
  encoding      VARCHAR NOT NULL,
  delimiter     VARCHAR NOT NULL,
  header_map    VARCHAR NOT NULL,            -- JSON: column -> header
  rows_read     INTEGER NOT NULL DEFAULT 0,
  imported      INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  quarantined   INTEGER NOT NULL DEFAULT 0,
  footer_lines  INTEGER NOT NULL DEFAULT 0,
  status        VARCHAR NOT NULL             -- complete
);

CREATE TABLE quarantine (
  upload_id INTEGER NOT NULL,
  line      INTEGER NOT NULL,
  reason    VARCHAR NOT NULL,
  raw       VARCHAR NOT NULL,
  PRIMARY KEY (upload_id, line)
);

-- The current version of each handoff packet; history in packet_versions.
CREATE TABLE packets (
  deal_id             VARCHAR PRIMARY KEY,
  version             INTEGER NOT NULL,
  content_hash        VARCHAR NOT NULL,
  account_name        VARCHAR NOT NULL,
  opportunity_name    VARCHAR,
  account_owner       VARCHAR,
  delivery_owner      VARCHAR,
  implementation_lead VARCHAR,
  close_date          DATE,
  kickoff_date        DATE,
  amount              DOUBLE,
  currency            VARCHAR,
  signed_scope        VARCHAR,
  order_form          VARCHAR,
  deal_desk_exception VARCHAR,
  kickoff_note        VARCHAR,
  cs_requirement      VARCHAR,
  customer_promise    VARCHAR,
  extra               VARCHAR NOT NULL DEFAULT '{}',  -- JSON of unmapped columns, kept
  source_system       VARCHAR NOT NULL,
  approved_source     BOOLEAN NOT NULL,
  upload_id           INTEGER NOT NULL,
  line                INTEGER NOT NULL,
  updated_at          TIMESTAMP NOT NULL,
  scored_hash         VARCHAR,          -- content_hash + detector versions last scored
  score_status        VARCHAR,          -- scored | failed | skipped_source
  score_error         VARCHAR,
  readiness           VARCHAR,          -- ready | not_ready (latest decision)
  llm_status          VARCHAR
);

CREATE TABLE packet_versions (
  deal_id      VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  content_hash VARCHAR NOT NULL,
  upload_id    INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  data         VARCHAR NOT NULL,  -- JSON of the row as imported
  created_at   TIMESTAMP NOT NULL,
  PRIMARY KEY (deal_id, version)
);

CREATE TABLE rework (
  rework_id          VARCHAR PRIMARY KEY,
  deal_id            VARCHAR NOT NULL,
  logged_on          DATE NOT NULL,
  category           VARCHAR,
  description        VARCHAR NOT NULL,
  hours              DOUBLE,
  kickoff_delay_days DOUBLE,
  content_hash       VARCHAR NOT NULL,
  upload_id          INTEGER NOT NULL,
  line               INTEGER NOT NULL
);

CREATE TABLE flags (
  flag_id          VARCHAR PRIMARY KEY,
  deal_id          VARCHAR NOT NULL,
  category         VARCHAR NOT NULL,
  severity         VARCHAR NOT NULL,
  source           VARCHAR NOT NULL,
  span_start       INTEGER,
  span_end         INTEGER,
  evidence         VARCHAR NOT NULL,
  message          VARCHAR NOT NULL,
  detector         VARCHAR NOT NULL,   -- id@version or llm:<model>
  state            VARCHAR NOT NULL,   -- active | superseded
  packet_version   INTEGER NOT NULL,
  created_at       TIMESTAMP NOT NULL,
  retired_at       TIMESTAMP
);
CREATE INDEX flags_deal ON flags (deal_id);

CREATE SEQUENCE review_id_seq START 1;
CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY DEFAULT nextval('review_id_seq'),
  flag_id    VARCHAR NOT NULL,
  decision   VARCHAR NOT NULL,   -- accepted | rejected
  reviewer   VARCHAR NOT NULL,
  reason     VARCHAR,
  decided_at TIMESTAMP NOT NULL,
  via        VARCHAR NOT NULL    -- ui | import
);
CREATE INDEX reviews_flag ON reviews (flag_id);

CREATE SEQUENCE readiness_id_seq START 1;
CREATE TABLE readiness_decisions (
  id         INTEGER PRIMARY KEY DEFAULT nextval('readiness_id_seq'),
  deal_id    VARCHAR NOT NULL,
  decision   VARCHAR NOT NULL,   -- ready | not_ready
  comment    VARCHAR,
  decided_by VARCHAR NOT NULL,
  decided_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE run_id_seq START 1;
CREATE TABLE runs (
  id                INTEGER PRIMARY KEY DEFAULT nextval('run_id_seq'),
  kind              VARCHAR NOT NULL,   -- score | nightly
  started_at        TIMESTAMP NOT NULL,
  finished_at       TIMESTAMP,
  status            VARCHAR NOT NULL,   -- running | ok | failed
  scored            INTEGER NOT NULL DEFAULT 0,
  unchanged         INTEGER NOT NULL DEFAULT 0,
  failed            INTEGER NOT NULL DEFAULT 0,
  flags_new         INTEGER NOT NULL DEFAULT 0,
  flags_retired     INTEGER NOT NULL DEFAULT 0,
  detector_versions VARCHAR NOT NULL,
  errors            VARCHAR NOT NULL DEFAULT '[]',
  llm_tokens        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  logged_at TIMESTAMP NOT NULL,
  actor     VARCHAR NOT NULL,
  action    VARCHAR NOT NULL,
  entity    VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  detail    VARCHAR NOT NULL,
  prev_hash VARCHAR NOT NULL,
  hash      VARCHAR NOT NULL
);

CREATE SEQUENCE user_id_seq START 1;
CREATE TABLE users (
  id            INTEGER PRIMARY KEY DEFAULT nextval('user_id_seq'),
  email         VARCHAR NOT NULL UNIQUE,
  name          VARCHAR NOT NULL,
  role          VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL
);

CREATE TABLE settings (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL   -- JSON
);

CREATE TABLE template_fixes (
  topic      VARCHAR PRIMARY KEY,
  done_on    DATE NOT NULL,
  marked_by  VARCHAR NOT NULL,
  marked_at  TIMESTAMP NOT NULL
);

CREATE TABLE llm_cache (
  cache_key  VARCHAR PRIMARY KEY,
  response   VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL
);
