// A flag's topic: the key thing its evidence talks about (normalized), so the same gap written many ways lands in
// one topic. Computed when a flag is stored; the template-fix analytics group by it.
import type { Category } from "../packet";
import { isStop } from "./lexicon";

const TOPICS: [string, RegExp][] = [
  ["SSO", /\bsso\b|single sign[- ]on|saml|okta|azure ad|active directory/i],
  ["integrations", /integrat|connector|\bsync\b|\bapi\b|interface|webhook|feed\b/i],
  ["data migration", /migrat|conversion|backfill|historical|import|\bload\b|history/i],
  ["reports and dashboards", /report|dashboard|analytics|kpi/i],
  ["training", /training|enablement|session|workshop|train-the-trainer|knowledge transfer/i],
  ["go-live date", /go[- ]live|\blive\b|launch|cutover|deadline|by the time|before|\bq[1-4]\b|eo[qmy]/i],
  ["discounts and credits", /discount|% off|credit|waiv|free|no cost|on us|absorb|price (?:hold|lock)/i],
  ["travel and expenses", /travel|t&e|expenses/i],
  ["payment and term", /\bnet \d+|payment|terminat|term\b|renewal|month term/i],
  [
    "user and seat counts",
    /\busers?\b|seats?|licen[cs]e|employees?|endpoints?|devices?|contacts?|learners?|technicians?/i,
  ],
  ["support and hypercare", /support|hypercare|on-call|24x7|monitoring|sla|uptime/i],
  ["delivery owner", /owner|assigned|tbd|\?\?/i],
  ["automations and workflows", /automation|workflow|journey|flow|campaign/i],
  ["configuration", /configur|setup|set up|template/i],
];

/** The topic of a flag's evidence; packet-level flags (no evidence) take their category's own topic. */
export function topicOf(category: Category, source: string, evidence: string): string {
  if (!evidence.trim()) return source === "delivery_owner" ? "delivery owner" : "packet";
  if (source === "delivery_owner") return "delivery owner";
  for (const [name, re] of TOPICS) if (re.test(evidence)) return name;
  // no known theme: the first two content words of the evidence name it ("mobile app", "spanish versions")
  const words =
    evidence
      .toLowerCase()
      .match(/[\p{L}][\p{L}-]{2,}/gu)
      ?.filter((w) => !isStop(w)) ?? [];
  if (words.length) return words.slice(0, 2).join(" ");
  return category === "ambiguous_deliverable" || category === "missing_acceptance_criteria"
    ? "other deliverables"
    : "other";
}
