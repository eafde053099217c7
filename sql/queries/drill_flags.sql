-- drill_flags: the flags behind a number of the pilot page (sql/macros/06_metric_flags.sql), with their totals.
-- Params: $1 pilot_start, $2 window_days, $3 period ('' | pilot | baseline), $4 status ('' | open | accepted |
-- rejected | reviewed), $5 fact ('' | caught | expectation), $6 kickoff week ('' | YYYY-MM-DD, its Monday),
-- $7 category (''), $8 source (''), $9 row limit, $10 rows to skip.
WITH m AS MATERIALIZED (
  SELECT * FROM metric_flags($1, $2)
  WHERE ($3 = '' OR period = $3)
    AND ($4 = '' OR status = $4 OR ($4 = 'reviewed' AND status <> 'open'))
    AND ($5 = '' OR ($5 = 'caught' AND caught_before_kickoff) OR ($5 = 'expectation' AND expectation_correction))
    AND ($6 = '' OR week = CAST(nullif($6, '') AS DATE))
    AND ($7 = '' OR category = $7)
    AND ($8 = '' OR source = $8)
),
tot AS (
  SELECT count(*)::INTEGER AS flags, count(DISTINCT deal_id)::INTEGER AS packets,
         count(*) FILTER (WHERE status = 'accepted')::INTEGER AS accepted,
         count(*) FILTER (WHERE status = 'rejected')::INTEGER AS rejected,
         count(*) FILTER (WHERE status = 'open')::INTEGER AS open
  FROM m
)
SELECT tot.*, r.flag_id, r.deal_id, r.account_name, strftime(r.kickoff, '%Y-%m-%d') AS kickoff_date, r.category,
  r.source,
       r.status, r.evidence, r.reviewer, strftime(r.decided_at, '%Y-%m-%d') AS decided_on
FROM tot LEFT JOIN (SELECT * FROM m ORDER BY kickoff, deal_id, flag_id LIMIT $9 OFFSET $10) r ON true
ORDER BY r.kickoff, r.deal_id, r.flag_id;
