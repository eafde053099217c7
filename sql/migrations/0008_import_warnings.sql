-- An optional field that cannot be parsed (a date, an amount, hours) no longer quarantines its row: the row is
-- stored with that field empty, the cell's text kept in `unparsed` (JSON: column -> text as written), and one
-- warning per cell is recorded against the upload.
ALTER TABLE uploads ADD COLUMN warnings INTEGER DEFAULT 0;
ALTER TABLE packets ADD COLUMN unparsed VARCHAR;
ALTER TABLE rework ADD COLUMN unparsed VARCHAR;
CREATE TABLE import_warnings (
  upload_id   INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  column_name VARCHAR NOT NULL,
  raw         VARCHAR NOT NULL,
  reason      VARCHAR NOT NULL,
  PRIMARY KEY (upload_id, line, column_name)
);
