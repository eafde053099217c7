-- template_topics: recurring missing requirements — accepted flags grouped by (category, source field, topic),
-- ranked by the distinct packets they recur in, then by the early-rework hours on those packets.
-- For a topic whose template fix is marked done, rate_before / rate_after = share of reviewed packets
-- kicked off before / on-or-after the fix date that have an accepted flag of the topic.
-- Params: $1 pilot_start, $2 window_days.
WITH s AS (SELECT * FROM flag_status()),
acc AS (SELECT * FROM s WHERE status = 'accepted'),
reviewed AS (SELECT DISTINCT s.deal_id, p.kickoff_date FROM s JOIN packets p USING (deal_id) WHERE s.status <> 'open'),
er AS (SELECT deal_id, sum(hours) AS hours FROM early_rework($1, $2) GROUP BY deal_id),
t AS (
  SELECT category, source, coalesce(topic, 'other') AS topic,
         count(DISTINCT deal_id)::INTEGER AS packets,
         count(*)::INTEGER AS accepted_flags,
         list(DISTINCT deal_id) AS deals,
         arg_max(evidence, length(evidence)) FILTER (WHERE evidence <> '') AS example_evidence,
         arg_max(deal_id, length(evidence)) AS example_deal
  FROM acc GROUP BY 1, 2, 3
)
SELECT
  t.category, t.source, t.topic, t.packets, t.accepted_flags,
  coalesce((SELECT sum(er.hours) FROM er WHERE list_contains(t.deals, er.deal_id)), 0) AS rework_hours,
  t.example_evidence, t.example_deal,
  strftime(x.done_on, '%Y-%m-%d') AS done_on,
  CASE WHEN x.done_on IS NULL THEN NULL ELSE
    (SELECT count(*) FILTER (WHERE list_contains(t.deals, r.deal_id)) / nullif(count(*), 0) FROM reviewed r WHERE r.kickoff_date < x.done_on) END AS rate_before,
  CASE WHEN x.done_on IS NULL THEN NULL ELSE
    (SELECT count(*) FILTER (WHERE list_contains(t.deals, r.deal_id)) / nullif(count(*), 0) FROM reviewed r WHERE r.kickoff_date >= x.done_on) END AS rate_after
FROM t LEFT JOIN template_fixes x ON x.topic = t.category || '|' || t.source || '|' || t.topic
ORDER BY t.packets DESC, rework_hours DESC, t.accepted_flags DESC;
