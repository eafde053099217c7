-- recurring_fields: the sales fields that keep producing accepted flags, ranked by share.
-- Over every reviewed packet (at least one decided flag, whatever its kickoff date):
-- share = packets with >= 1 accepted flag citing the field / reviewed packets;
-- rework_hours = hours of the early rework those accepted flags predicted (same deal, same category), each item once.
-- Params: $1 pilot_start, $2 window_days (they only place rework in its early window).
WITH s AS MATERIALIZED (SELECT * FROM flag_status()),
reviewed AS (SELECT DISTINCT deal_id FROM s WHERE status <> 'open'),
acc AS (SELECT * FROM s WHERE status = 'accepted'),
er AS MATERIALIZED (SELECT * FROM early_rework($1, $2)),
hours AS (
  SELECT src.source, sum(er.hours) AS rework_hours
  FROM er JOIN (SELECT DISTINCT source, deal_id, category FROM acc) src ON src.deal_id = er.deal_id
    AND src.category = er.category
  GROUP BY src.source
)
SELECT
  a.source,
  count(DISTINCT a.deal_id) / (SELECT nullif(count(*), 0) FROM reviewed) AS share,
  count(*)::INTEGER AS accepted_flags,
  count(DISTINCT a.deal_id)::INTEGER AS packets,
  coalesce(max(h.rework_hours), 0) AS rework_hours
FROM acc a LEFT JOIN hours h USING (source)
GROUP BY a.source
ORDER BY share DESC, accepted_flags DESC, a.source;
