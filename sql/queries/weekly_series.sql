-- weekly_series: per ISO week of kickoff — packets kicked off, mean completeness, flags raised / accepted /
-- rejected and early rework per matured packet (NULL for a week with no matured packet: its windows are still
-- open), with the week's period. Params: $1 pilot_start, $2 window_days, $3 today.
WITH p AS MATERIALIZED (SELECT *, date_trunc('week', kickoff_date) AS week FROM packet_maturity($1, $2, $3)
  WHERE period IS NOT NULL),
f AS MATERIALIZED (SELECT deal_id, count(*) AS raised, count(*) FILTER (WHERE status = 'accepted') AS accepted,
             count(*) FILTER (WHERE status = 'rejected') AS rejected FROM flag_status() GROUP BY deal_id),
er AS MATERIALIZED (SELECT deal_id, count(*) AS items FROM early_rework($1, $2) GROUP BY deal_id)
SELECT
  strftime(p.week, '%Y-%m-%d') AS week,
  strftime(p.week, '%G-W%V') AS iso_week,
  min(p.period) AS period,
  count(*)::INTEGER AS packets,
  avg(p.completeness) AS completeness,
  coalesce(sum(f.raised), 0)::INTEGER AS flags_raised,
  coalesce(sum(f.accepted), 0)::INTEGER AS flags_accepted,
  coalesce(sum(f.rejected), 0)::INTEGER AS flags_rejected,
  count(*) FILTER (WHERE p.matured)::INTEGER AS matured_packets,
  coalesce(sum(er.items) FILTER (WHERE p.matured), 0) / nullif(count(*) FILTER (WHERE p.matured),
    0) AS early_rework_per_packet
FROM p LEFT JOIN f USING (deal_id) LEFT JOIN er USING (deal_id)
GROUP BY p.week
ORDER BY p.week;
