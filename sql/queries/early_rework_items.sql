-- early_rework_items: each early rework item with its outcome (predicted / dismissed / missed), newest first.
-- Params: $1 pilot_start, $2 window_days, $3 row limit, $4 rows to skip (a page). See sql/macros/03_early_rework.sql
-- for the rules.
SELECT e.rework_id, e.deal_id, p.account_name, strftime(e.logged_on, '%Y-%m-%d') AS logged_on,
       strftime(e.kickoff_date, '%Y-%m-%d') AS kickoff_date, e.category, e.description, e.hours, e.delay_days, e.period,
         e.outcome
FROM early_rework($1, $2) e JOIN packets p USING (deal_id)
ORDER BY e.logged_on DESC, e.rework_id
LIMIT $3 OFFSET $4;
