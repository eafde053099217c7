-- early_rework_by_category: pilot early rework per category, split predicted / dismissed / missed, with hours and
-- delay.
-- Params: $1 pilot_start, $2 window_days.
SELECT coalesce(category, '(none)') AS category,
       count(*) FILTER (WHERE outcome = 'predicted')::INTEGER AS predicted,
       count(*) FILTER (WHERE outcome = 'dismissed')::INTEGER AS dismissed,
       count(*) FILTER (WHERE outcome = 'missed')::INTEGER AS missed,
       sum(hours) AS hours,
       sum(delay_days) AS delay_days
FROM early_rework($1, $2)
WHERE period = 'pilot'
GROUP BY 1
ORDER BY count(*) DESC, 1;
