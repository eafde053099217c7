-- Error files that can be fixed and uploaded again (issue 11): the quarantine and warnings downloads write each
-- row under the file's own headers, plus its line and reason. An upload keeps its header row as written (JSON), and
-- a warning keeps its row's cells (as quarantine.raw does: the file's delimiter, CSV quoting).
ALTER TABLE uploads ADD COLUMN headers VARCHAR;
ALTER TABLE import_warnings ADD COLUMN record VARCHAR;
