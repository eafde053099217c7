-- packet_periods: every packet with its period and handoff completeness.
-- Arguments: pilot_start (DATE), window_days (INTEGER).
-- Rules: pilot = kickoff in [pilot_start, pilot_start + window); baseline = kickoff before pilot_start;
-- a packet with no kickoff_date belongs to neither period (period = NULL) and is left out of period metrics.
-- Completeness = present parts / 7 (sql/macros/00_packet_parts.sql), stored at import in parts_present (and filled
-- in when the database is opened for rows stored before the column existed), so no metric reads the packets' text.
CREATE OR REPLACE MACRO packet_periods(pilot_start, window_days) AS TABLE
SELECT
  deal_id,
  account_name,
  account_owner,
  delivery_owner,
  implementation_lead,
  kickoff_date,
  close_date,
  CASE
    WHEN kickoff_date IS NULL THEN NULL
    WHEN kickoff_date >= CAST(pilot_start AS DATE)
      AND kickoff_date < CAST(pilot_start AS DATE) + CAST(window_days AS INTEGER) THEN 'pilot'
    WHEN kickoff_date < CAST(pilot_start AS DATE) THEN 'baseline'
  END AS period,
  parts_present / 7.0 AS completeness
FROM packets;
