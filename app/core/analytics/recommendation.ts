// What leadership reads: fix templates first, continue the pilot, or expand its scope — with the reasons.
import type { PilotSettings } from "../settings.server";

export interface Recommendation {
  /** not_enough_data: no packet kicks off inside the pilot window yet, so there is nothing to judge */
  decision: "fix_templates" | "continue_pilot" | "expand_scope" | "not_enough_data";
  headline: string;
  reasons: string[];
  /** what the rework comparison rests on, when that is too little to decide on */
  caveat?: string;
  /** the expansion targets, each met or not: the evidence behind continue / expand */
  checks?: { met: boolean; text: string }[];
}

interface Inputs {
  pilot_packets: number;
  /** pilot packets whose 14-day rework window has closed (the rework comparison rests on these alone) */
  pilot_matured_packets?: number;
  flags_reviewed: number;
  completeness_mean: number | null;
  acceptance_rate: number | null;
  disagreement_rate: number | null;
  rework_rate_baseline: number | null;
  rework_rate_pilot: number | null;
  repeat_volume_minutes: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Pure: the recommendation from the metrics and the configured thresholds. */
export function recommend(
  m: Inputs,
  fields: { source: string; share: number }[],
  topics: { topic: string; category: string; source: string; packets: number; done_on: string | null }[],
  s: PilotSettings,
): Recommendation {
  if (m.pilot_packets === 0) {
    return {
      decision: "not_enough_data",
      headline: "No recommendation yet: no packet kicks off inside the pilot window.",
      reasons: [
        `The pilot window is ${s.pilot_start} plus ${s.window_days} days; packets count once their kickoff date falls inside it.`,
        "Upload the handoff export (Uploads) and run scoring (Runs), or move the pilot start in Settings if the window is wrong.",
      ],
    };
  }
  const maturedN = m.pilot_matured_packets ?? m.pilot_packets;
  const caveat =
    maturedN < s.targets.min_reviewed_packets
      ? `Only ${maturedN} pilot packet${maturedN === 1 ? " has" : "s have"} finished the 14-day rework window (${s.targets.min_reviewed_packets} wanted): the rework comparison is not settled yet.`
      : undefined;
  const withCaveat = (r: Recommendation): Recommendation => (caveat ? { ...r, caveat } : r);
  const fix: string[] = [];
  for (const f of fields) {
    if (f.share > s.thresholds.field_share_fix) fix.push(`${f.source.replace(/_/g, " ")} produces accepted flags in ${pct(f.share)} of reviewed packets (threshold ${pct(s.thresholds.field_share_fix)}).`);
  }
  if (m.completeness_mean !== null && m.completeness_mean < s.targets.completeness_mean) {
    fix.push(`Handoff completeness is ${pct(m.completeness_mean)}, under the ${pct(s.targets.completeness_mean)} target.`);
  }
  for (const t of topics.filter((t) => !t.done_on && t.packets >= s.thresholds.topic_packets_fix).slice(0, 3)) {
    fix.push(`The same gap (${t.category.replace(/_/g, " ")}: ${t.topic}, in ${t.source.replace(/_/g, " ")}) recurs in ${t.packets} packets.`);
  }
  if (fix.length) return withCaveat({ decision: "fix_templates", headline: "Fix templates first: internal handoff quality is not yet trustworthy.", reasons: fix });

  const reduction = m.rework_rate_baseline && m.rework_rate_pilot !== null ? (m.rework_rate_baseline - m.rework_rate_pilot) / m.rework_rate_baseline : null;
  const matured = m.pilot_matured_packets ?? m.pilot_packets;
  const onMatured = ` on ${matured} matured pilot packet${matured === 1 ? "" : "s"}`;
  const gates: [boolean, string][] = [
    [m.flags_reviewed > 0 && m.pilot_packets >= s.targets.min_reviewed_packets, `${m.pilot_packets} pilot packets (need ${s.targets.min_reviewed_packets})`],
    [m.acceptance_rate !== null && m.acceptance_rate >= s.targets.acceptance_rate, `acceptance rate ${m.acceptance_rate === null ? "n/a" : pct(m.acceptance_rate)} (target ${pct(s.targets.acceptance_rate)})`],
    [m.disagreement_rate !== null && m.disagreement_rate <= s.targets.disagreement_rate_max, `disagreement rate ${m.disagreement_rate === null ? "n/a" : pct(m.disagreement_rate)} (at most ${pct(s.targets.disagreement_rate_max)})`],
    // a rework reduction only counts once enough pilot packets have finished their 14-day window
    [reduction !== null && reduction >= s.targets.rework_reduction && matured >= s.targets.min_reviewed_packets, reduction === null && matured === 0 ? "rework reduction vs baseline: no pilot packet has finished its 14-day rework window yet" : `rework reduction vs baseline ${reduction === null ? "n/a" : pct(reduction)}${onMatured} (target ${pct(s.targets.rework_reduction)})`],
    [m.completeness_mean !== null && m.completeness_mean >= s.targets.completeness_mean, `completeness ${m.completeness_mean === null ? "n/a" : pct(m.completeness_mean)} (target ${pct(s.targets.completeness_mean)})`],
    [m.repeat_volume_minutes >= s.targets.repeat_volume_minutes, `repeat volume ${Math.round(m.repeat_volume_minutes)} review minutes a month (target ${s.targets.repeat_volume_minutes})`],
  ];
  const checks = gates.map(([met, text]) => ({ met, text }));
  if (gates.every(([ok]) => ok)) return withCaveat({ decision: "expand_scope", headline: "Expand the pilot's scope: every target is met.", reasons: gates.map(([, r]) => `Met: ${r}.`), checks });
  return withCaveat({
    decision: "continue_pilot",
    headline: "Continue the pilot: templates are in order, but not every expansion target is met yet.",
    reasons: gates.filter(([ok]) => !ok).map(([, r]) => `Not yet: ${r}.`),
    checks,
  });
}

/** The 90-day plan stage from the pilot day. */
export function planStage(day: number, window = 90): string {
  if (day < 1) return "before the pilot";
  if (day <= Math.round(window * 0.17)) return "source cleanup";
  if (day <= Math.round(window * 0.33)) return "reviewer training";
  if (day <= window - 14) return "pilot";
  if (day <= window) return "scale decision";
  return "pilot complete";
}
