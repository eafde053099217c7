-- template_topics: recurring missing requirements — accepted flags grouped by (category, source field, topic),
-- ranked by the distinct packets they recur in, then by the early-rework hours on those packets.
-- Packets RevOps excluded from a topic as one-offs (template_exclusions) do not count for it.
-- recent_packets: packets whose flag of the topic was accepted in the last $4 days up to $3 (the "N packets in
-- M days" of a proposal); examples: up to 5 packets, latest decision first, each with its longest evidence.
-- For a topic whose template fix is marked done, packets_before / reviewed_before (and after) count the reviewed
-- packets kicked off before / on-or-after the fix date and those of them with an accepted flag of the topic;
-- rate_before / rate_after are their ratios.
-- proposal_status / packets_at_decision: RevOps' decision on the gap as a proposed template change, if any.
-- Params: $1 pilot_start, $2 window_days, $3 today (YYYY-MM-DD), $4 recent days.
WITH s AS MATERIALIZED (SELECT deal_id, category, source, coalesce(topic, 'other') AS topic, evidence, status,
  decided_at FROM flag_status()),
acc AS MATERIALIZED (
  SELECT s.* FROM s WHERE status = 'accepted'
    AND NOT EXISTS (SELECT 1 FROM template_exclusions x WHERE x.topic = s.category || '|' || s.source || '|' || s.topic
      AND x.deal_id = s.deal_id)
),
reviewed AS MATERIALIZED (SELECT DISTINCT s.deal_id, p.kickoff_date FROM s JOIN packets p USING (deal_id)
  WHERE s.status <> 'open'),
er AS (SELECT deal_id, sum(hours) AS hours FROM early_rework($1, $2) GROUP BY deal_id),
topic_deals AS MATERIALIZED (
  SELECT category, source, topic, deal_id, max(decided_at) AS decided_at, arg_max(evidence,
    length(evidence)) AS evidence
  FROM acc GROUP BY 1, 2, 3, 4
),
t AS (
  SELECT category, source, topic,
         count(DISTINCT deal_id)::INTEGER AS packets,
         count(*)::INTEGER AS accepted_flags,
         arg_max(evidence, length(evidence)) FILTER (WHERE evidence <> '') AS example_evidence,
         arg_max(deal_id, length(evidence)) AS example_deal
  FROM acc GROUP BY 1, 2, 3
),
recent AS (
  SELECT category, source, topic,
         count(*) FILTER (WHERE decided_at >= CAST($3 AS DATE) - CAST($4 AS INTEGER))::INTEGER AS recent_packets,
         list({'deal_id': deal_id, 'evidence': evidence} ORDER BY decided_at DESC, deal_id)[1:5] AS examples
  FROM topic_deals GROUP BY 1, 2, 3
),
excluded AS (SELECT topic AS key, count(*)::INTEGER AS excluded_packets FROM template_exclusions GROUP BY 1),
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
         count(d.deal_id) FILTER (WHERE r.kickoff_date < f.done_on)::INTEGER AS packets_before,
         count(*) FILTER (WHERE r.kickoff_date < f.done_on)::INTEGER AS reviewed_before,
         count(d.deal_id) FILTER (WHERE r.kickoff_date >= f.done_on)::INTEGER AS packets_after,
         count(*) FILTER (WHERE r.kickoff_date >= f.done_on)::INTEGER AS reviewed_after
  FROM fixed f CROSS JOIN reviewed r
  LEFT JOIN topic_deals d ON d.category = f.category AND d.source = f.source AND d.topic = f.topic
    AND d.deal_id = r.deal_id
  GROUP BY 1, 2, 3
)
SELECT
  t.category, t.source, t.topic, t.packets, t.accepted_flags,
  coalesce(h.rework_hours, 0) AS rework_hours,
  t.example_evidence, t.example_deal,
  strftime(f.done_on, '%Y-%m-%d') AS done_on,
  r.packets_before / nullif(r.reviewed_before, 0) AS rate_before,
  r.packets_after / nullif(r.reviewed_after, 0) AS rate_after,
  r.packets_before, r.reviewed_before, r.packets_after, r.reviewed_after,
  rc.recent_packets, rc.examples,
  coalesce(x.excluded_packets, 0) AS excluded_packets,
  px.status AS proposal_status, px.packets_at_decision
FROM t
JOIN recent rc USING (category, source, topic)
LEFT JOIN hours h USING (category, source, topic)
LEFT JOIN fixed f USING (category, source, topic)
LEFT JOIN rates r USING (category, source, topic)
LEFT JOIN excluded x ON x.key = t.category || '|' || t.source || '|' || t.topic
LEFT JOIN template_proposals px ON px.topic = t.category || '|' || t.source || '|' || t.topic
ORDER BY t.packets DESC, rework_hours DESC, t.accepted_flags DESC, t.category, t.source, t.topic;
