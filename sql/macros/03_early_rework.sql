-- early_rework: rework logged in [kickoff_date, kickoff_date + 14 days] (both ends included), classified.
-- predicted: an accepted flag of the same category on the deal (the finding was real but not fixed in time);
-- dismissed: no accepted flag, but a flag of that category was rejected (delivery disagreed and was wrong);
-- missed: otherwise, including rework whose category is free text and flags of that category left unreviewed.
-- Rework before kickoff, or on a packet with no kickoff_date, is not early rework.
CREATE OR REPLACE MACRO early_rework(pilot_start, window_days) AS TABLE
WITH early AS (
  SELECT
    w.rework_id,
    w.deal_id,
    w.logged_on,
    w.category,
    w.description,
    coalesce(w.hours, 0) AS hours,
    coalesce(w.kickoff_delay_days, 0) AS delay_days,
    p.period,
    p.kickoff_date
  FROM rework w
  JOIN packet_periods(pilot_start, window_days) p ON p.deal_id = w.deal_id
  WHERE p.kickoff_date IS NOT NULL
    AND w.logged_on >= p.kickoff_date
    AND w.logged_on <= p.kickoff_date + 14
),
-- the decided flags of each item's deal and category (an open flag decides nothing; an item with none is missed),
-- looked up for the early items only rather than grouped over every flag
decided AS (
  SELECT e.rework_id,
         bool_or(s.status = 'accepted') AS any_accepted,
         bool_or(s.status = 'rejected') AS any_rejected
  FROM early e
  JOIN flag_status() s ON s.deal_id = e.deal_id AND s.category = e.category
  WHERE s.status <> 'open'
  GROUP BY e.rework_id
)
SELECT
  e.*,
  CASE
    WHEN d.any_accepted THEN 'predicted'
    WHEN d.any_rejected THEN 'dismissed'
    ELSE 'missed'
  END AS outcome
FROM early e
LEFT JOIN decided d USING (rework_id);
