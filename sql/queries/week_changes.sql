-- week_changes: what moved the pilot figures in the 7 days up to the data date (sql/macros/05_matured_packets.sql),
-- on pilot packets: packets first uploaded, flags decided (latest decisions made in those days, by outcome),
-- packets whose 14-day rework window closed, and early rework logged. Params: $1 pilot_start, $2 window_days, $3 today.
WITH p AS MATERIALIZED (SELECT * FROM packet_maturity($1, $2, $3) WHERE period = 'pilot'),
since AS (SELECT max(data_date) - 7 AS d, max(data_date) AS upto FROM p)
SELECT
  strftime((SELECT d FROM since), '%Y-%m-%d') AS since,
  (SELECT count(*) FROM p WHERE (SELECT min(created_at) FROM packet_versions v WHERE v.deal_id = p.deal_id) >= (SELECT d
    FROM since))::INTEGER AS packets_added,
  (SELECT count(*) FROM metric_flags($1, $2) f WHERE f.period = 'pilot' AND f.status = 'accepted'
    AND f.decided_at >= (SELECT d FROM since))::INTEGER AS flags_accepted,
  (SELECT count(*) FROM metric_flags($1, $2) f WHERE f.period = 'pilot' AND f.status = 'rejected'
    AND f.decided_at >= (SELECT d FROM since))::INTEGER AS flags_rejected,
  (SELECT count(*) FROM p WHERE p.matured AND p.kickoff_date + 14 >= (SELECT d FROM since))::INTEGER AS packets_matured,
  (SELECT count(*) FROM early_rework($1, $2) e WHERE e.period = 'pilot' AND e.logged_on >= (SELECT d
    FROM since))::INTEGER AS rework_logged;
