-- flag_status: every active flag with its latest review decision.
-- Rule: when a flag was reviewed more than once, the latest decision wins (by decided_at, then by entry order).
-- Superseded flags (their packet's text changed) are left out: their decisions no longer apply to current text.
CREATE OR REPLACE MACRO flag_status() AS TABLE
SELECT
  f.*,
  r.decision,
  r.decided_at,
  r.reviewer,
  r.reason,
  coalesce(r.decision, 'open') AS status
FROM flags f
LEFT JOIN (
  SELECT flag_id, decision, decided_at, reviewer, reason,
         row_number() OVER (PARTITION BY flag_id ORDER BY decided_at DESC, id DESC) AS rn
  FROM reviews
) r ON r.flag_id = f.flag_id AND r.rn = 1
WHERE f.state = 'active';
