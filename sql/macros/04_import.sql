-- Building blocks of the importer's checks, so SQL validation reads cells the way JavaScript does.
-- JavaScript's whitespace (String.prototype.trim, /\s/): RE2's \s plus \v, NBSP, BOM and the Unicode spaces.
CREATE OR REPLACE MACRO js_trim(v) AS
  regexp_replace(
    regexp_replace(v,
      '^[\s\x{0b}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ''),
    '[\s\x{0b}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+$', '');

CREATE OR REPLACE MACRO is_blank(v) AS
  v IS NULL OR NOT regexp_matches(v,
    '[^\s\x{0b}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]');

-- One cell written back as CSV (for a quarantined row's raw text): quoted when it holds a quote, a line
-- break or the delimiter.
CREATE OR REPLACE MACRO csv_cell(v, delim) AS
  CASE
    WHEN v IS NULL THEN ''
    WHEN contains(v, '"') OR contains(v, chr(10)) OR contains(v, chr(13)) OR contains(v, delim)
      THEN '"' || replace(v, '"', '""') || '"'
    ELSE v
  END;
