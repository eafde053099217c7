-- drill_packets: the packets behind a number of the pilot page (sql/macros/05_matured_packets.sql), each with its
-- completeness and early rework, and the totals: packets, mean completeness, early rework items and delay over the
-- matured ones (the rework rate = items / matured packets, as in pilot_metrics).
-- Params: $1 pilot_start, $2 window_days, $3 today, $4 period ('' | pilot | baseline), $5 maturity ('' | matured |
-- maturing), $6 kickoff week ('' | YYYY-MM-DD), $7 completeness ('' | complete | incomplete), $8 row limit, $9 rows to
-- skip.
WITH er AS (SELECT deal_id, count(*) AS items, sum(delay_days) AS delay FROM early_rework($1, $2) GROUP BY deal_id),
m AS MATERIALIZED (
  SELECT p.deal_id, p.account_name, p.kickoff_date, p.period, p.matured, p.completeness,
         coalesce(er.items, 0)::INTEGER AS rework_items, coalesce(er.delay, 0) AS delay_days
  FROM packet_maturity($1, $2, $3) p LEFT JOIN er USING (deal_id)
  WHERE p.period IS NOT NULL
    AND ($4 = '' OR p.period = $4)
    AND ($5 = '' OR ($5 = 'matured' AND p.matured) OR ($5 = 'maturing' AND NOT p.matured))
    AND ($6 = '' OR date_trunc('week', p.kickoff_date) = CAST(nullif($6, '') AS DATE))
    AND ($7 = '' OR ($7 = 'complete' AND p.completeness = 1) OR ($7 = 'incomplete' AND p.completeness < 1))
),
tot AS (
  SELECT count(*)::INTEGER AS packets, avg(completeness) AS completeness_mean,
         count(*) FILTER (WHERE matured)::INTEGER AS matured_packets,
         coalesce(sum(rework_items) FILTER (WHERE matured), 0)::INTEGER AS matured_rework_items,
         coalesce(sum(delay_days) FILTER (WHERE matured), 0) AS matured_delay_days
  FROM m
)
SELECT tot.*, r.deal_id, r.account_name, strftime(r.kickoff_date, '%Y-%m-%d') AS kickoff_date, r.period, r.matured,
       r.completeness, r.rework_items, r.delay_days
FROM tot LEFT JOIN (SELECT * FROM m ORDER BY kickoff_date, deal_id LIMIT $8 OFFSET $9) r ON true
ORDER BY r.kickoff_date, r.deal_id;
