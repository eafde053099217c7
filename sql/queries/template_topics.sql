-- template_topics: recurring missing requirements — accepted flags grouped by (category, source field, topic),
-- ranked by the distinct packets they recur in, then by the early-rework hours on those packets.
-- For a topic whose template fix is marked done, rate_before / rate_after = share of reviewed packets
-- kicked off before / on-or-after the fix date that have an accepted flag of the topic.
-- Params: $1 pilot_start, $2 window_days.
WITH s AS MATERIALIZED (SELECT deal_id, category, source, coalesce(topic, 'other') AS topic, evidence, status FROM flag_status()),
acc AS MATERIALIZED (SELECT * FROM s WHERE status = 'accepted'),
reviewed AS MATERIALIZED (SELECT DISTINCT s.deal_id, p.kickoff_date FROM s JOIN packets p USING (deal_id) WHERE s.status <> 'open'),
er AS (SELECT deal_id, sum(hours) AS hours FROM early_rework($1, $2) GROUP BY deal_id),
topic_deals AS MATERIALIZED (SELECT DISTINCT category, source, topic, deal_id FROM acc),
t AS (
  SELECT category, source, topic,
         count(DISTINCT deal_id)::INTEGER AS packets,
         count(*)::INTEGER AS accepted_flags,
         arg_max(evidence, length(evidence)) FILTER (WHERE evidence <> '') AS example_evidence,
         arg_max(deal_id, length(evidence)) AS example_deal
  FROM acc GROUP BY 1, 2, 3
),
hours AS (
  SELECT d.category, d.source, d.topic, sum(er.hours) AS rework_hours
  FROM topic_deals d JOIN er USING (deal_id) GROUP BY 1, 2, 3
),
fixed AS (
  SELECT t.category, t.source, t.topic, x.done_on
  FROM t JOIN template_fixes x ON x.topic = t.category || '|' || t.source || '|' || t.topic
),
rates AS (
  SELECT f.category, f.source, f.topic,
         count(d.deal_id) FILTER (WHERE r.kickoff_date < f.done_on) / nullif(count(*) FILTER (WHERE r.kickoff_date < f.done_on), 0) AS rate_before,
         count(d.deal_id) FILTER (WHERE r.kickoff_date >= f.done_on) / nullif(count(*) FILTER (WHERE r.kickoff_date >= f.done_on), 0) AS rate_after
  FROM fixed f CROSS JOIN reviewed r
  LEFT JOIN topic_deals d ON d.category = f.category AND d.source = f.source AND d.topic = f.topic AND d.deal_id = r.deal_id
  GROUP BY 1, 2, 3
)
SELECT
  t.category, t.source, t.topic, t.packets, t.accepted_flags,
  coalesce(h.rework_hours, 0) AS rework_hours,
  t.example_evidence, t.example_deal,
  strftime(f.done_on, '%Y-%m-%d') AS done_on,
  r.rate_before, r.rate_after
FROM t
LEFT JOIN hours h USING (category, source, topic)
LEFT JOIN fixed f USING (category, source, topic)
LEFT JOIN rates r USING (category, source, topic)
ORDER BY t.packets DESC, rework_hours DESC, t.accepted_flags DESC, t.category, t.source, t.topic;
