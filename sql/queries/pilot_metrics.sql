-- pilot_metrics: the 90-day pilot metrics of PRODUCT.md in one row. Params: $1 pilot_start, $2 window_days,
-- $3 manual review minutes per handoff, $4 today (the data date is the latest of today and the newest rework).
-- Rules decided here (also in the README):
--  * flag counts cover active flags on pilot packets; the latest decision of a flag wins;
--  * rates with no denominator are NULL, never NaN;
--  * missing obligations caught = accepted flags on pilot packets decided before the kickoff date (strictly; the
--    flag facts are defined once in sql/macros/06_metric_flags.sql, which the drill-downs read too);
--  * only matured packets (sql/macros/05_matured_packets.sql: kickoff + 14 < data date) enter rework rates, loops
--    avoided and delay prevented; a packet whose 14-day window is still open is "maturing", never "no rework";
--  * rework rate = early rework items / matured packets of the period (matured packets without rework count as 0);
--  * delay per packet = sum of kickoff_delay_days of its early rework; the mean covers the period's matured packets;
--  * loops avoided = max(0, baseline rate - pilot rate) x matured pilot packets; delay prevented likewise with the
--    mean delay; both NULL until both periods have matured packets;
--  * the predicted / dismissed / missed split covers the early rework of every pilot packet logged so far;
--  * handoffs per month = pilot packets / (window_days / 30).
WITH p AS MATERIALIZED (SELECT * FROM packet_maturity($1, $2, $4)),
f AS MATERIALIZED (SELECT * FROM metric_flags($1, $2) WHERE period = 'pilot'),
er AS MATERIALIZED (SELECT * FROM early_rework($1, $2)),
per_packet AS (
  SELECT p.deal_id, p.period, count(er.rework_id) AS items, coalesce(sum(er.delay_days), 0) AS delay
  FROM p LEFT JOIN er USING (deal_id) WHERE p.period IS NOT NULL AND p.matured GROUP BY p.deal_id, p.period
),
rates AS (
  SELECT
    avg(items) FILTER (WHERE period = 'baseline') AS baseline_rate,
    avg(items) FILTER (WHERE period = 'pilot') AS pilot_rate,
    avg(delay) FILTER (WHERE period = 'baseline') AS baseline_delay,
    avg(delay) FILTER (WHERE period = 'pilot') AS pilot_delay
  FROM per_packet
)
SELECT
  CAST($1 AS DATE) AS pilot_start,
  CAST($1 AS DATE) + CAST($2 AS INTEGER) AS pilot_end,
  (SELECT count(*) FROM p WHERE period = 'pilot')::INTEGER AS pilot_packets,
  (SELECT count(*) FROM p WHERE period = 'baseline')::INTEGER AS baseline_packets,
  (SELECT count(*) FROM p WHERE period = 'pilot' AND matured)::INTEGER AS pilot_matured_packets,
  (SELECT count(*) FROM p WHERE period = 'pilot' AND NOT matured)::INTEGER AS pilot_maturing_packets,
  (SELECT count(*) FROM p WHERE period = 'baseline' AND matured)::INTEGER AS baseline_matured_packets,
  (SELECT strftime(max(data_date), '%Y-%m-%d') FROM p) AS data_date,
  (SELECT avg(completeness) FROM p WHERE period = 'pilot') AS completeness_mean,
  (SELECT avg(CASE WHEN completeness = 1 THEN 1.0 ELSE 0.0 END) FROM p WHERE period = 'pilot') AS complete_share,
  (SELECT avg(completeness) FROM p WHERE period = 'baseline') AS baseline_completeness_mean,
  (SELECT count(*) FROM f)::INTEGER AS flags_total,
  (SELECT count(*) FROM f WHERE status <> 'open')::INTEGER AS flags_reviewed,
  (SELECT count(*) FROM f WHERE status = 'accepted')::INTEGER AS flags_accepted,
  (SELECT count(*) FROM f WHERE status = 'rejected')::INTEGER AS flags_rejected,
  (SELECT count(*) FILTER (WHERE status = 'accepted') / nullif(count(*) FILTER (WHERE status <> 'open'), 0)
    FROM f) AS acceptance_rate,
  (SELECT count(*) FILTER (WHERE status = 'rejected') / nullif(count(*) FILTER (WHERE status <> 'open'), 0)
    FROM f) AS disagreement_rate,
  (SELECT count(*) FROM f WHERE caught_before_kickoff)::INTEGER AS missing_obligations_caught,
  (SELECT count(*) FROM f WHERE expectation_correction)::INTEGER AS customer_expectation_corrections,
  (SELECT count(*) FROM er WHERE period = 'pilot' AND outcome = 'predicted')::INTEGER AS early_rework_predicted,
  (SELECT count(*) FROM er WHERE period = 'pilot' AND outcome = 'dismissed')::INTEGER AS early_rework_dismissed,
  (SELECT count(*) FROM er WHERE period = 'pilot' AND outcome = 'missed')::INTEGER AS early_rework_missed,
  rates.baseline_rate AS rework_rate_baseline,
  rates.pilot_rate AS rework_rate_pilot,
  CASE WHEN rates.baseline_rate IS NULL OR rates.pilot_rate IS NULL THEN NULL
       ELSE greatest(0, rates.baseline_rate - rates.pilot_rate) * (SELECT count(*) FROM p WHERE period = 'pilot'
         AND matured) END AS rework_loops_avoided,
  CASE WHEN rates.baseline_delay IS NULL OR rates.pilot_delay IS NULL THEN NULL
       ELSE greatest(0, rates.baseline_delay - rates.pilot_delay) * (SELECT count(*) FROM p WHERE period = 'pilot'
         AND matured) END AS kickoff_delay_prevented_days,
  (SELECT count(*) FROM p WHERE period = 'pilot') / (CAST($2 AS DOUBLE) / 30.0) AS handoffs_per_month,
  (SELECT count(*) FROM p WHERE period = 'pilot') / (CAST($2 AS DOUBLE) / 30.0)
    * CAST($3 AS DOUBLE) AS repeat_volume_minutes
FROM rates;
