-- metric_flags: every active flag (flag_status: its latest decision) on a packet with a kickoff date, with the
-- packet's period and kickoff week and the facts the pilot metrics count, so the metrics and their drill-downs
-- read one definition. Arguments: pilot_start (DATE), window_days (INTEGER).
-- caught_before_kickoff: accepted, and decided strictly before the kickoff date (a missing obligation caught);
-- expectation_correction: such a flag about a promise, a date or conflicting terms.
CREATE OR REPLACE MACRO metric_flags(pilot_start, window_days) AS TABLE
SELECT s.*, p.period, p.account_name, p.kickoff_date AS kickoff, date_trunc('week', p.kickoff_date) AS week,
       (s.status = 'accepted' AND s.decided_at < CAST(p.kickoff_date AS TIMESTAMP)) AS caught_before_kickoff,
       (s.status = 'accepted' AND s.decided_at < CAST(p.kickoff_date AS TIMESTAMP)
        AND s.category IN ('promise_not_in_scope', 'timeline_assumption',
          'conflicting_terms')) AS expectation_correction
FROM flag_status() s JOIN packet_periods(pilot_start, window_days) p USING (deal_id)
WHERE p.period IS NOT NULL;
