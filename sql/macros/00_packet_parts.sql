-- Handoff completeness, defined once. A part is present when non-blank; an explicit "None"/"N/A" counts as
-- present for deal_desk_exception only (for the other parts it means the part is missing).
-- (Written to stop at the first visible character: a SOW can be long.)
CREATE OR REPLACE MACRO part_present(v, none_counts) AS
  -- (the regular expression only for a value that is empty or starts with a space: most start with a letter, and a
  -- call per cell costs 0.4 s of CPU on a 100,000-packet import; strlen = length for the ASCII words compared.
  -- lower(trim(v)) sits in a THEN of its own: DuckDB evaluates both sides of an AND on every row, and lowering every
  -- cell — whole SOWs — cost ~1 s of CPU on a 100,000-packet import; a THEN runs on the rows it selects only)
  CASE
    WHEN v IS NULL THEN 0
    WHEN (v = '' OR ascii(v) IN (9, 10, 12, 13, 32)) AND NOT regexp_matches(v, '\S') THEN 0
    WHEN NOT none_counts AND strlen(v) <= 12 THEN CASE WHEN lower(trim(v)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END
    ELSE 1
  END;

CREATE OR REPLACE MACRO packet_parts(signed_scope, order_form, deal_desk_exception, kickoff_note, cs_requirement,
  delivery_owner, customer_promise) AS
  part_present(signed_scope, false) + part_present(order_form, false) + part_present(deal_desk_exception, true)
  + part_present(kickoff_note, false) + part_present(cs_requirement, false) + part_present(delivery_owner, false)
  + part_present(customer_promise, false);
