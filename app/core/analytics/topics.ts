// Recurring missing requirements → template-fix candidates. A flag's topic is the key thing its evidence
// talks about (normalized), so the same gap written many ways lands in one topic.
import type { Category } from "../packet";
import { isStop } from "../scoring/lexicon";

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

/** The template change that would stop a recurring gap at the source. */
export function templateFix(category: string, source: string, topic: string): string {
  const field = source.replace(/_/g, " ");
  switch (category) {
    case "missing_acceptance_criteria":
      return (
        `Add a required "acceptance criteria" line to every ${topic} deliverable ` +
        `in the SOW template (who accepts, against what measure).`
      );
    case "ambiguous_deliverable":
      return (
        `Make the SOW template ask for counts, named systems and limits for ${topic} ` +
        `deliverables instead of free text.`
      );
    case "unowned_requirement":
      return source === "delivery_owner"
        ? "Make delivery owner a required field at closed-won."
        : `Add an owner column to the ${field} template; block handoff while any ${topic} item has no named owner.`;
    case "scope_exception":
      return (
        `Add a required "concessions" field to the order form and route ${topic} ` +
        `through the deal desk before they reach the ${field}.`
      );
    case "timeline_assumption":
      return (
        "Add a delivery-approved schedule section to the SOW template and a dates " +
        "checklist to the kickoff note that points to it."
      );
    case "promise_not_in_scope":
      return (
        `Add a "promised to the customer" checklist for ${topic} to the ${field} ` +
        `template, each line mapped to a SOW item or a change order.`
      );
    case "conflicting_terms":
      return (
        `Keep ${topic} in one CRM field that fills both the order form and the ` +
        `SOW, so the ${field} cannot drift from it.`
      );
    default:
      return `Review the ${field} template for ${topic}.`;
  }
}
