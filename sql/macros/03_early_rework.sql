-- early_rework: rework logged in [kickoff_date, kickoff_date + 14 days] (both ends included), classified.
-- predicted: an accepted flag of the same category on the deal (the finding was real but not fixed in time);
-- dismissed: no accepted flag, but a flag of that category was rejected (delivery disagreed and was wrong);
-- missed: otherwise, including rework whose category is free text and flags of that category left unreviewed.
-- Rework before kickoff, or on a packet with no kickoff_date, is not early rework.
CREATE OR REPLACE MACRO early_rework(pilot_start, window_days) AS TABLE
WITH decided AS (
  SELECT deal_id, category,
         bool_or(status = 'accepted') AS any_accepted,
         bool_or(status = 'rejected') AS any_rejected
  FROM flag_status()
  GROUP BY deal_id, category
)
SELECT
  w.rework_id,
  w.deal_id,
  w.logged_on,
  w.category,
  w.description,
  coalesce(w.hours, 0) AS hours,
  coalesce(w.kickoff_delay_days, 0) AS delay_days,
  p.period,
  p.kickoff_date,
  CASE
    WHEN d.any_accepted THEN 'predicted'
    WHEN d.any_rejected THEN 'dismissed'
    ELSE 'missed'
  END AS outcome
FROM rework w
JOIN packet_periods(pilot_start, window_days) p ON p.deal_id = w.deal_id
LEFT JOIN decided d ON d.deal_id = w.deal_id AND d.category = w.category
WHERE p.kickoff_date IS NOT NULL
  AND w.logged_on >= p.kickoff_date
  AND w.logged_on <= p.kickoff_date + 14;
