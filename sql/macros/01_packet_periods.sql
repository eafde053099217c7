-- packet_periods: every packet with its period and handoff completeness.
-- Arguments: pilot_start (DATE), window_days (INTEGER).
-- Rules: pilot = kickoff in [pilot_start, pilot_start + window); baseline = kickoff before pilot_start;
-- a packet with no kickoff_date belongs to neither period (period = NULL) and is left out of period metrics.
-- Completeness = present parts / 7; a part is present when non-blank; "None"/"N/A" counts as present for
-- deal_desk_exception only (for the other parts it means the part is missing).
CREATE OR REPLACE MACRO packet_periods(pilot_start, window_days) AS TABLE
SELECT
  deal_id,
  account_name,
  account_owner,
  delivery_owner,
  implementation_lead,
  kickoff_date,
  close_date,
  CASE
    WHEN kickoff_date IS NULL THEN NULL
    WHEN kickoff_date >= CAST(pilot_start AS DATE) AND kickoff_date < CAST(pilot_start AS DATE) + CAST(window_days AS INTEGER) THEN 'pilot'
    WHEN kickoff_date < CAST(pilot_start AS DATE) THEN 'baseline'
  END AS period,
  (
    (CASE WHEN trim(coalesce(signed_scope, '')) = '' OR lower(trim(signed_scope)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(order_form, '')) = '' OR lower(trim(order_form)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(deal_desk_exception, '')) = '' THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(kickoff_note, '')) = '' OR lower(trim(kickoff_note)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(cs_requirement, '')) = '' OR lower(trim(cs_requirement)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(delivery_owner, '')) = '' OR lower(trim(delivery_owner)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END) +
    (CASE WHEN trim(coalesce(customer_promise, '')) = '' OR lower(trim(customer_promise)) IN ('none', 'n/a', 'na') THEN 0 ELSE 1 END)
  ) / 7.0 AS completeness
FROM packets;
