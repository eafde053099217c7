-- reliability: how often reviewers accept each detector's flags, per detector and per source field.
-- precision = accepted / decided (latest decision per flag). A detector is "demoted" when reviewers reject
-- at least 75% of its flags over at least 20 decisions: its flags then show as low severity, marked
-- "mostly rejected" (reversible: it lifts as soon as acceptance recovers).
-- The detector is named without its version, so the record carries across detector releases.
-- trend = precision over the last 30 days of decisions minus precision before that (NULL without both).
WITH s AS (
  SELECT *, split_part(detector, '@', 1) AS detector_id FROM flag_status()
),
g AS (
  SELECT 'detector' AS dimension, detector_id AS name, status, decided_at FROM s
  UNION ALL
  SELECT 'source' AS dimension, source AS name, status, decided_at FROM s
)
SELECT
  dimension,
  name,
  count(*)::INTEGER AS flags,
  count(*) FILTER (WHERE status = 'accepted')::INTEGER AS accepted,
  count(*) FILTER (WHERE status = 'rejected')::INTEGER AS rejected,
  count(*) FILTER (WHERE status = 'accepted') / nullif(count(*) FILTER (WHERE status <> 'open'), 0) AS precision,
  (count(*) FILTER (WHERE status = 'accepted' AND decided_at >= now()::TIMESTAMP - INTERVAL 30 DAY)
     / nullif(count(*) FILTER (WHERE status <> 'open' AND decided_at >= now()::TIMESTAMP - INTERVAL 30 DAY), 0))
  - (count(*) FILTER (WHERE status = 'accepted' AND decided_at < now()::TIMESTAMP - INTERVAL 30 DAY)
     / nullif(count(*) FILTER (WHERE status <> 'open' AND decided_at < now()::TIMESTAMP - INTERVAL 30 DAY),
       0)) AS trend,
  (dimension = 'detector'
     AND count(*) FILTER (WHERE status <> 'open') >= 20
     AND count(*) FILTER (WHERE status = 'rejected') >= 0.75 * count(*) FILTER (WHERE status <> 'open')) AS demoted
FROM g
GROUP BY dimension, name
ORDER BY dimension, precision DESC NULLS LAST, flags DESC;
