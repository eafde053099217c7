import type { OpenDatabase } from "../db/db.server";
import { runQueryFile } from "../db/db.server";
import { getPilotSettings, type PilotSettings } from "../settings.server";
import { templateFix } from "./topics";
import { recommend, planStage, type Recommendation } from "./recommendation";

const day = (d: unknown) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : d == null ? null : String(d).slice(0, 10);

export interface PilotMetricsRow {
  pilot_start: Date;
  pilot_end: Date;
  pilot_packets: number;
  baseline_packets: number;
  /** pilot packets whose 14-day early-rework window has closed (PRODUCT.md "matured packets") */
  pilot_matured_packets: number;
  /** pilot packets whose window is still open: left out of rework rates until they mature */
  pilot_maturing_packets: number;
  baseline_matured_packets: number;
  /** the latest of today and the newest rework logged (YYYY-MM-DD); null on an empty database */
  data_date: string | null;
  completeness_mean: number | null;
  complete_share: number | null;
  baseline_completeness_mean: number | null;
  flags_total: number;
  flags_reviewed: number;
  flags_accepted: number;
  flags_rejected: number;
  acceptance_rate: number | null;
  disagreement_rate: number | null;
  missing_obligations_caught: number;
  customer_expectation_corrections: number;
  early_rework_predicted: number;
  early_rework_dismissed: number;
  early_rework_missed: number;
  rework_rate_baseline: number | null;
  rework_rate_pilot: number | null;
  rework_loops_avoided: number | null;
  kickoff_delay_prevented_days: number | null;
  handoffs_per_month: number;
  repeat_volume_minutes: number;
}

export interface RecurringField {
  source: string;
  share: number;
  accepted_flags: number;
  packets: number;
  rework_hours: number;
}

export interface WeeklyPoint {
  week: string;
  iso_week: string;
  period: "baseline" | "pilot";
  packets: number;
  completeness: number;
  flags_raised: number;
  flags_accepted: number;
  flags_rejected: number;
  matured_packets: number;
  /** early rework items per matured packet of the week; null while none of the week's packets has matured */
  early_rework_per_packet: number | null;
}

export interface ReliabilityRow {
  dimension: "detector" | "source";
  name: string;
  flags: number;
  accepted: number;
  rejected: number;
  precision: number | null;
  trend: number | null;
  demoted: boolean;
}

export interface TemplateTopic {
  category: string;
  source: string;
  topic: string;
  key: string;
  packets: number;
  accepted_flags: number;
  rework_hours: number;
  example_evidence: string | null;
  example_deal: string | null;
  done_on: string | null;
  rate_before: number | null;
  rate_after: number | null;
  packets_before: number | null;
  reviewed_before: number | null;
  packets_after: number | null;
  reviewed_after: number | null;
  /** packets whose flag of the topic was accepted within the proposal period (Settings: N packets in M days) */
  recent_packets: number;
  examples: { deal_id: string; evidence: string }[];
  excluded_packets: number;
  proposal_status: "accepted" | "dismissed" | null;
  packets_at_decision: number | null;
  /** dismissed by RevOps, and no new packet has added to it since */
  dismissed: boolean;
  fix: string;
}

async function pilotParams(
  open: OpenDatabase,
  pilotStart?: string,
): Promise<{ settings: PilotSettings; start: string }> {
  const settings = await getPilotSettings(open.db);
  return { settings, start: pilotStart ?? settings.pilot_start };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The pilot metrics row (sql/queries/pilot_metrics.sql); `today` decides which packets have matured. */
export async function pilotMetrics(
  open: OpenDatabase,
  pilotStart?: string,
  today: Date = new Date(),
): Promise<PilotMetricsRow> {
  const { settings, start } = await pilotParams(open, pilotStart);
  const [row] = await runQueryFile<PilotMetricsRow>(open, "pilot_metrics", [
    start,
    settings.window_days,
    settings.review_minutes_per_handoff,
    isoDay(today),
  ]);
  return row;
}

/** Recurring ambiguous sales fields, ranked (sql/queries/recurring_fields.sql). */
export async function recurringFields(open: OpenDatabase, pilotStart?: string): Promise<RecurringField[]> {
  const { settings, start } = await pilotParams(open, pilotStart);
  return runQueryFile<RecurringField>(open, "recurring_fields", [start, settings.window_days]);
}

/** Weekly series for the charts (sql/queries/weekly_series.sql). */
export async function weeklySeries(
  open: OpenDatabase,
  pilotStart?: string,
  today: Date = new Date(),
): Promise<WeeklyPoint[]> {
  const { settings, start } = await pilotParams(open, pilotStart);
  return runQueryFile<WeeklyPoint>(open, "weekly_series", [start, settings.window_days, isoDay(today)]);
}

export interface WeekChanges {
  since: string | null;
  packets_added: number;
  flags_accepted: number;
  flags_rejected: number;
  packets_matured: number;
  rework_logged: number;
}

/** What moved the pilot figures in the last 7 days (sql/queries/week_changes.sql). */
export async function weekChanges(open: OpenDatabase, today: Date = new Date()): Promise<WeekChanges> {
  const { settings, start } = await pilotParams(open);
  const [row] = await runQueryFile<WeekChanges>(open, "week_changes", [start, settings.window_days, isoDay(today)]);
  return row;
}

/** Acceptance per detector and per source field (sql/queries/reliability.sql). */
export async function reliability(open: OpenDatabase): Promise<ReliabilityRow[]> {
  return runQueryFile<ReliabilityRow>(open, "reliability");
}

/** Template-fix candidates (sql/queries/template_topics.sql) with the fix each suggests. */
export async function templateTopics(
  open: OpenDatabase,
  pilotStart?: string,
  today: Date = new Date(),
): Promise<TemplateTopic[]> {
  const { settings, start } = await pilotParams(open, pilotStart);
  const rows = await runQueryFile<Omit<TemplateTopic, "key" | "fix" | "dismissed">>(open, "template_topics", [
    start,
    settings.window_days,
    isoDay(today),
    settings.thresholds.topic_days_fix,
  ]);
  return rows.map((r) => ({
    ...r,
    key: `${r.category}|${r.source}|${r.topic}`,
    dismissed: r.proposal_status === "dismissed" && r.packets <= (r.packets_at_decision ?? 0),
    fix: templateFix(r.category, r.source, r.topic),
  }));
}

export interface EarlyReworkItem {
  rework_id: string;
  deal_id: string;
  account_name: string;
  logged_on: string;
  kickoff_date: string;
  category: string | null;
  description: string;
  hours: number;
  delay_days: number;
  period: string;
  outcome: "predicted" | "dismissed" | "missed";
}

/** Early rework items, newest first (`limit` for a page; the CSV export takes them all). */
export async function earlyReworkItems(
  open: OpenDatabase,
  limit = 1_000_000_000,
  offset = 0,
): Promise<EarlyReworkItem[]> {
  const { settings, start } = await pilotParams(open);
  return runQueryFile<EarlyReworkItem>(open, "early_rework_items", [start, settings.window_days, limit, offset]);
}

export async function earlyReworkByCategory(open: OpenDatabase) {
  const { settings, start } = await pilotParams(open);
  return runQueryFile<{
    category: string;
    predicted: number;
    dismissed: number;
    missed: number;
    hours: number;
    delay_days: number;
  }>(open, "early_rework_by_category", [start, settings.window_days]);
}

export interface MetricsExport {
  pilot: { start: string; end: string; packets: number; day: number; window_days: number; stage: string };
  baseline: { packets: number };
  handoff_completeness: { mean: number | null; complete_share: number | null; baseline_mean: number | null };
  flags: {
    total: number;
    reviewed: number;
    accepted: number;
    rejected: number;
    acceptance_rate: number | null;
    disagreement_rate: number | null;
  };
  missing_obligations_caught: number;
  customer_expectation_corrections: number;
  early_rework: { predicted: number; dismissed: number; missed: number };
  rework_rate: { baseline: number | null; pilot: number | null };
  /** PRODUCT.md "matured packets": only these enter rework rates, loops avoided and delay prevented */
  matured_packets: { data_date: string; pilot: number; pilot_maturing: number; baseline: number };
  rework_loops_avoided: number | null;
  kickoff_delay_prevented_days: number | null;
  repeat_volume: { handoffs_per_month: number; review_minutes_per_handoff: number; minutes_per_month: number };
  recurring_fields: RecurringField[];
  template_fix_candidates: {
    topic: string;
    category: string;
    source: string;
    packets: number;
    rework_hours: number;
    fix: string;
    done_on: string | null;
  }[];
  recommendation: Recommendation;
}

/** Everything `export metrics` writes (FORMATS.md §7 keys, plus the recommendation and template fixes). */
export async function metricsExport(
  open: OpenDatabase,
  opts: { pilotStart?: string; today?: Date } = {},
): Promise<MetricsExport> {
  const { settings, start } = await pilotParams(open, opts.pilotStart);
  const today = opts.today ?? new Date();
  const m = await pilotMetrics(open, start, today);
  const fields = await recurringFields(open, start);
  const topics = await templateTopics(open, start);
  const dayN = Math.floor((today.getTime() - new Date(`${start}T00:00:00Z`).getTime()) / 86400000) + 1;
  const rec = recommend(m, fields, topics, settings);
  return {
    pilot: {
      start: day(m.pilot_start)!,
      end: day(m.pilot_end)!,
      packets: m.pilot_packets,
      day: dayN,
      window_days: settings.window_days,
      stage: planStage(dayN, settings.window_days),
    },
    baseline: { packets: m.baseline_packets },
    handoff_completeness: {
      mean: m.completeness_mean,
      complete_share: m.complete_share,
      baseline_mean: m.baseline_completeness_mean,
    },
    flags: {
      total: m.flags_total,
      reviewed: m.flags_reviewed,
      accepted: m.flags_accepted,
      rejected: m.flags_rejected,
      acceptance_rate: m.acceptance_rate,
      disagreement_rate: m.disagreement_rate,
    },
    missing_obligations_caught: m.missing_obligations_caught,
    customer_expectation_corrections: m.customer_expectation_corrections,
    early_rework: {
      predicted: m.early_rework_predicted,
      dismissed: m.early_rework_dismissed,
      missed: m.early_rework_missed,
    },
    rework_rate: { baseline: m.rework_rate_baseline, pilot: m.rework_rate_pilot },
    matured_packets: {
      data_date: m.data_date ?? isoDay(today),
      pilot: m.pilot_matured_packets,
      pilot_maturing: m.pilot_maturing_packets,
      baseline: m.baseline_matured_packets,
    },
    rework_loops_avoided: m.rework_loops_avoided,
    kickoff_delay_prevented_days: m.kickoff_delay_prevented_days,
    repeat_volume: {
      handoffs_per_month: m.handoffs_per_month,
      review_minutes_per_handoff: settings.review_minutes_per_handoff,
      minutes_per_month: m.repeat_volume_minutes,
    },
    recurring_fields: fields,
    template_fix_candidates: topics.slice(0, 10).map((t) => ({
      topic: t.topic,
      category: t.category,
      source: t.source,
      packets: t.packets,
      rework_hours: t.rework_hours,
      fix: t.fix,
      done_on: t.done_on,
    })),
    recommendation: rec,
  };
}
