// What leadership reads: fix templates first, continue the pilot, or expand its scope — with the reasons.
import type { PilotSettings } from "../settings.server";
import { drillLink } from "./drill-links";

/** One threshold the recommendation tests: met or not, in words, with the packets and flags behind it. */
export interface Check {
  met: boolean;
  text: string;
  /** where the figure drills down to */
  link: string;
  /** fix: a template problem (met = no fix needed); expand: an expansion target */
  group: "fix" | "expand";
}

export interface Recommendation {
  /** not_enough_data: no packet kicks off inside the pilot window yet, so there is nothing to judge */
  decision: "fix_templates" | "continue_pilot" | "expand_scope" | "not_enough_data";
  headline: string;
  reasons: string[];
  /** what the rework comparison rests on, when that is too little to decide on */
  caveat?: string;
  /** the expansion targets, each met or not: the evidence behind continue / expand */
  checks?: Check[];
  /** every threshold tested — template problems and expansion targets — met or not, each with its drill-down */
  evidence?: Check[];
  /** the drill-down of each reason, in the same order */
  reasonLinks?: string[];
  /** what the recommendation rests on */
  basis?: { pilot_packets: number; matured_packets: number; flags_reviewed: number };
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
  topics: {
    topic: string;
    category: string;
    source: string;
    packets: number;
    done_on: string | null;
    dismissed?: boolean;
  }[],
  s: PilotSettings,
): Recommendation {
  if (m.pilot_packets === 0) {
    return {
      decision: "not_enough_data",
      headline: "No recommendation yet: no packet kicks off inside the pilot window.",
      reasons: [
        `The pilot window is ${s.pilot_start} plus ${s.window_days} days; packets ` +
          `count once their kickoff date falls inside it.`,
        "Upload the handoff export (Uploads) and run scoring (Runs), or move the pilot " +
          "start in Settings if the window is wrong.",
      ],
    };
  }
  const maturedN = m.pilot_matured_packets ?? m.pilot_packets;
  const caveat =
    maturedN < s.targets.min_reviewed_packets
      ? `Only ${maturedN} pilot packet${maturedN === 1 ? " has" : "s have"} finished ` +
        `the 14-day rework window (${s.targets.min_reviewed_packets} wanted): the ` +
        `rework comparison is not settled yet.`
      : undefined;
  const basis = { pilot_packets: m.pilot_packets, matured_packets: maturedN, flags_reviewed: m.flags_reviewed };
  // template problems, each tested: met = under its threshold (no fix needed)
  const fixChecks: Check[] = [];
  for (const f of fields.slice(0, 5)) {
    const over = f.share > s.thresholds.field_share_fix;
    fixChecks.push({
      met: !over,
      group: "fix",
      link: `/fields/${f.source}`,
      text:
        `${f.source.replace(/_/g, " ")} produces accepted flags in ${pct(f.share)} ` +
        `of reviewed packets (threshold ${pct(s.thresholds.field_share_fix)})`,
    });
  }
  if (m.completeness_mean !== null) {
    fixChecks.push({
      met: m.completeness_mean >= s.targets.completeness_mean,
      group: "fix",
      link: drillLink({ kind: "packets", period: "pilot", completeness: "incomplete" }),
      text: `handoff completeness ${pct(m.completeness_mean)} (target ${pct(s.targets.completeness_mean)})`,
    });
  }
  // a gap whose fix is done, or that RevOps dismissed (and no new packet added to since), is not a template problem
  const open = topics.filter((t) => !t.done_on && !t.dismissed);
  for (const t of open.filter((t) => t.packets >= s.thresholds.topic_packets_fix).slice(0, 3)) {
    fixChecks.push({
      met: false,
      group: "fix",
      link: `/templates#${encodeURIComponent(`${t.category}|${t.source}|${t.topic}`)}`,
      text:
        `the same gap (${t.category.replace(/_/g, " ")}: ${t.topic}, in ${t.source.replace(/_/g, " ")}) ` +
        `recurs in ${t.packets} packets (threshold ${s.thresholds.topic_packets_fix})`,
    });
  }
  if (!open.some((t) => t.packets >= s.thresholds.topic_packets_fix)) {
    const top = open[0];
    fixChecks.push({
      met: true,
      group: "fix",
      link: "/templates",
      text: top
        ? `no open gap recurs in ${s.thresholds.topic_packets_fix} packets (the most: ${top.topic}, in ${top.packets})`
        : "no recurring gap among accepted flags",
    });
  }
  const withCaveat = (r: Recommendation): Recommendation => ({ ...r, basis, ...(caveat ? { caveat } : {}) });
  const reduction =
    m.rework_rate_baseline && m.rework_rate_pilot !== null
      ? (m.rework_rate_baseline - m.rework_rate_pilot) / m.rework_rate_baseline
      : null;
  const matured = m.pilot_matured_packets ?? m.pilot_packets;
  const onMatured = ` on ${matured} matured pilot packet${matured === 1 ? "" : "s"}`;
  const gates: [boolean, string][] = [
    [
      m.flags_reviewed > 0 && m.pilot_packets >= s.targets.min_reviewed_packets,
      `${m.pilot_packets} pilot packets (need ${s.targets.min_reviewed_packets})`,
    ],
    [
      m.acceptance_rate !== null && m.acceptance_rate >= s.targets.acceptance_rate,
      `acceptance rate ${m.acceptance_rate === null ? "n/a" : pct(m.acceptance_rate)} ` +
        `(target ${pct(s.targets.acceptance_rate)})`,
    ],
    [
      m.disagreement_rate !== null && m.disagreement_rate <= s.targets.disagreement_rate_max,
      `disagreement rate ${m.disagreement_rate === null ? "n/a" : pct(m.disagreement_rate)} ` +
        `(at most ${pct(s.targets.disagreement_rate_max)})`,
    ],
    // a rework reduction only counts once enough pilot packets have finished their 14-day window
    [
      reduction !== null && reduction >= s.targets.rework_reduction && matured >= s.targets.min_reviewed_packets,
      reduction === null && matured === 0
        ? "rework reduction vs baseline: no pilot packet has finished its 14-day rework window yet"
        : `rework reduction vs baseline ${reduction === null ? "n/a" : pct(reduction)}${onMatured} ` +
          `(target ${pct(s.targets.rework_reduction)})`,
    ],
    [
      m.completeness_mean !== null && m.completeness_mean >= s.targets.completeness_mean,
      `completeness ${m.completeness_mean === null ? "n/a" : pct(m.completeness_mean)} ` +
        `(target ${pct(s.targets.completeness_mean)})`,
    ],
    [
      m.repeat_volume_minutes >= s.targets.repeat_volume_minutes,
      `repeat volume ${Math.round(m.repeat_volume_minutes)} review minutes a ` +
        `month (target ${s.targets.repeat_volume_minutes})`,
    ],
  ];
  const links = [
    drillLink({ kind: "packets", period: "pilot" }),
    drillLink({ kind: "flags", period: "pilot", status: "reviewed" }),
    drillLink({ kind: "flags", period: "pilot", status: "rejected" }),
    drillLink({ kind: "packets", period: "pilot", maturity: "matured" }),
    drillLink({ kind: "packets", period: "pilot", completeness: "incomplete" }),
    drillLink({ kind: "packets", period: "pilot" }),
  ];
  const checks: Check[] = gates.map(([met, text], i) => ({ met, text, link: links[i], group: "expand" }));
  const evidence = [...fixChecks, ...checks];
  const failing = fixChecks.filter((c) => !c.met);
  if (failing.length) {
    const sentence = (c: Check) => {
      if (c.text.startsWith("handoff completeness"))
        return (
          `Handoff completeness is ${pct(m.completeness_mean!)}, under the ${pct(s.targets.completeness_mean)} ` +
          `target.`
        );
      if (c.text.startsWith("the same gap"))
        return `The same gap ${c.text.slice("the same gap ".length).replace(/ \(threshold \d+\)$/, "")}.`;
      return `${c.text}.`;
    };
    return withCaveat({
      decision: "fix_templates",
      headline: "Fix templates first: internal handoff quality is not yet trustworthy.",
      reasons: failing.map(sentence),
      reasonLinks: failing.map((c) => c.link),
      evidence,
    });
  }

  if (gates.every(([ok]) => ok))
    return withCaveat({
      decision: "expand_scope",
      headline: "Expand the pilot's scope: every target is met.",
      reasons: gates.map(([, r]) => `Met: ${r}.`),
      reasonLinks: links,
      checks,
      evidence,
    });
  const notYet = checks.filter((c) => !c.met);
  return withCaveat({
    decision: "continue_pilot",
    headline: "Continue the pilot: templates are in order, but not every expansion target is met yet.",
    reasons: notYet.map((c) => `Not yet: ${c.text}.`),
    reasonLinks: notYet.map((c) => c.link),
    checks,
    evidence,
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
