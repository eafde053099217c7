-- packet_maturity: packet_periods plus whether each packet's early-rework window has closed (PRODUCT.md "matured
-- packets"). Arguments: pilot_start (DATE), window_days (INTEGER), today (DATE).
-- Rules: the data date is the latest of today and the newest rework logged_on (a late export must not make the
-- windows of packets it covers look open); a packet is matured when kickoff_date + 14 < data date — its window
-- [kickoff, kickoff + 14] is over, so "no rework" really means none. A packet with no kickoff_date never matures.
-- Only matured packets enter rework rates, loops avoided and delay prevented.
CREATE OR REPLACE MACRO packet_maturity(pilot_start, window_days, today) AS TABLE
WITH dd AS (SELECT greatest(CAST(today AS DATE), coalesce((SELECT max(logged_on) FROM rework),
  CAST(today AS DATE))) AS data_date)
SELECT p.*, dd.data_date, coalesce(p.kickoff_date + 14 < dd.data_date, false) AS matured
FROM packet_periods(pilot_start, window_days) p CROSS JOIN dd;
