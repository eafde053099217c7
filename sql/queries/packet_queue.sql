-- packet_queue: the review queue — every packet with its open / high / decided flag counts, filtered and paged.
-- Params: $1 owner ('' = anyone; matches account owner, delivery owner or implementation lead), $2 status
-- ('' | awaiting | reviewed | ready | not_ready | upcoming), $3 category (''), $4 source with an accepted flag (''),
-- $5 sort (kickoff | risk), $6 limit, $7 offset, $8 today. Packets with open flags come first when sorted by kickoff.
-- upcoming = readiness undecided and kickoff today or later (the reviewer's worklist: strictly soonest first).
WITH s AS (SELECT deal_id, category, source, severity, status FROM flag_status()),
agg AS (
  SELECT deal_id,
         count(*) FILTER (WHERE status = 'open')::INTEGER AS open_flags,
         count(*) FILTER (WHERE status = 'open' AND severity = 'high')::INTEGER AS open_high,
         count(*) FILTER (WHERE status = 'accepted')::INTEGER AS accepted,
         count(*) FILTER (WHERE status = 'rejected')::INTEGER AS rejected,
         list(DISTINCT category) AS categories,
         list(DISTINCT source) FILTER (WHERE status = 'accepted') AS accepted_sources
  FROM s GROUP BY deal_id
),
q AS (
  SELECT p.deal_id, p.account_name, p.opportunity_name, p.account_owner, p.delivery_owner, p.implementation_lead,
         p.kickoff_date, p.readiness, p.score_status, p.approved_source,
         coalesce(a.open_flags, 0) AS open_flags, coalesce(a.open_high, 0) AS open_high,
         coalesce(a.accepted, 0) AS accepted, coalesce(a.rejected, 0) AS rejected, coalesce(a.categories,
           []) AS categories,
         coalesce(a.accepted_sources, []) AS accepted_sources
  FROM packets p LEFT JOIN agg a USING (deal_id)
  WHERE ($1 = '' OR p.account_owner = $1 OR p.delivery_owner = $1 OR p.implementation_lead = $1)
    AND ($3 = '' OR list_contains(coalesce(a.categories, []), $3))
    AND ($4 = '' OR list_contains(coalesce(a.accepted_sources, []), $4))
    AND ($2 = ''
         OR ($2 = 'awaiting' AND coalesce(a.open_flags, 0) > 0)
         OR ($2 = 'reviewed' AND coalesce(a.open_flags, 0) = 0)
         OR ($2 = 'ready' AND p.readiness = 'ready')
         OR ($2 = 'not_ready' AND p.readiness = 'not_ready')
         OR ($2 = 'upcoming' AND p.readiness IS NULL AND p.kickoff_date >= CAST($8 AS DATE)))
),
-- the queue's totals, once (an aggregate: a window over the whole queue cost seconds on 100,000 packets)
totals AS (
  SELECT count(*)::INTEGER AS total,
         sum(open_high)::INTEGER AS total_open_high,
         count(*) FILTER (WHERE kickoff_date <= CAST($8 AS DATE) + 7)::INTEGER AS total_within_week
  FROM q
)
SELECT deal_id, account_name, opportunity_name, account_owner, delivery_owner, implementation_lead,
       strftime(kickoff_date, '%Y-%m-%d') AS kickoff_date, readiness, score_status, approved_source,
       open_flags, open_high, accepted, rejected, categories, t.total, t.total_open_high, t.total_within_week
FROM q CROSS JOIN totals t
ORDER BY
  CASE WHEN $5 = 'risk' THEN -open_high ELSE 0 END,
  CASE WHEN $5 = 'risk' THEN -open_flags WHEN $2 = 'upcoming' THEN 0 ELSE (CASE WHEN open_flags = 0 THEN 1 ELSE 0 END)
    END,
  kickoff_date NULLS LAST, deal_id
LIMIT $6 OFFSET $7;
