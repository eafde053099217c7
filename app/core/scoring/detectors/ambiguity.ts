import type { Detector, Finding } from "../types";
import { findDeliverables, workSentences } from "../deliverables";
import { NUM } from "../numbers";
import { clauses } from "../structure";

// Weak phrases from requirement-smell research: NASA ARM (options, weak phrases), INCOSE R7 (vague terms),
// R8 (escape clauses) and R9 (open-ended clauses).
const ESCAPE = /\bas (?:needed|required|necessary|appropriate|applicable|requested|discussed|agreed|directed|desired)\b|\bif (?:applicable|needed|necessary|required|practical|possible|feasible)\b|\bwhere (?:possible|applicable|appropriate|practical)\b|\bto the extent (?:possible|practical|practicable|necessary)\b|\bas (?:much|soon|far) as possible\b/i;
const OPEN_ENDED = /\betc\.?(?=[\s),;:]|$)|\band so on\b|\band (?:much )?more\b|\bincluding,? but not limited to\b|\bpossibly including\b|\band other (?:\w+\s+){0,3}(?:as|reports?|items?|features?|systems?)\b/i;
const VAGUE = /\b(?:relevant (?:lines|systems|data|reports|stakeholders|requirements)|reasonable|adequate|sufficient|typical|customary|seamless(?:ly)?|timely|best[- ]effort|best practices?|industry (?:norms|standards?|best practices)|high (?:uptime|availability|performance|quality)|regular basis|ongoing|various|several|numerous|bi-?monthly|or similar|one[- ]click|to be (?:agreed|determined|defined|decided)(?: upon)?|fully|full (?!-?day|-?time|time)[a-z]+|configurable|in line with (?:applicable|industry|best|standard|relevant|state|local|customer)|aligned (?:to|with) (?:applicable|state|industry|relevant|best|local|customer)|standard (?![A-Z(])[a-z]+)/i;
// Sentences about the contract's own machinery (the QASP, the Government's review) are not deliverables.
const MACHINERY = /\bqasp\b|\bcontracting officer\b|\bgovernment (?:will|may|shall)\b|\bby the government\b|\bwill inspect\b/i;
const CONTRACT_MACHINERY = { test: (s: string) => MACHINERY.test(s.replace(/\b(?:per|under) the qasp\b/gi, "")) };
// "(e.g., a, b, etc.)": examples, not the scope
const EXAMPLES = /\((?:e\.g\.|for example|such as)[^)]*\)/gi;
const BOUNDED = /\bup to \d|\bcapped\b|\bnot to exceed\b|\bmax(?:imum)?\b|\bno more than\b|\b\d+\s*(?:hours?|hrs?|days?)\b/i;
const CLOSED_LIST = /\b(?:complete|full|exhaustive|closed)\s+(?:\w+\s+)?list\b|\bexhaustive\b|\blisted in (?:appendix|schedule|exhibit|annex)\b|\bonly\b|\bno others?\b/i;
const NUMBER = new RegExp(NUM, "i");
// a named system in parentheses or an elaboration after a colon or dash makes a short deliverable specific
const NAMED = /\([A-Z][\w/ &-]+\)|:\s+\S+(?:\s+\S+){3,}|—\s+\S+(?:\s+\S+){3,}/;
const YEAR = /\b(?:19|20)\d{2}\b/g;

function vagueHit(raw: string): RegExpExecArray | null {
  const text = raw.replace(EXAMPLES, "").replace(/\s+/g, " ");
  const e = ESCAPE.exec(text);
  // an escape clause followed by what decides it ("as required for each role") is bounded
  if (e && !BOUNDED.test(text) && !/^\s*(?:for|to) (?:the|each|their)\b/i.test(text.slice(e.index + e[0].length))) return e;
  const o = OPEN_ENDED.exec(text);
  if (o && !CLOSED_LIST.test(text)) return o;
  const v = VAGUE.exec(text);
  // a frequency listed among other frequencies is an option list, not a vague service level
  if (v && /bi-?monthly/i.test(v[0]) && /\b(?:monthly|quarterly|weekly|annual)\b.{0,300},|,\s*(?:monthly|quarterly|weekly|semi-annual)/i.test(text)) return null;
  if (v && !(/^full/i.test(v[0]) && BOUNDED.test(text))) return v;
  return null;
}

/**
 * Deliverable or requirement wording two readers would size differently: escape clauses, open-ended lists,
 * vague terms, and short deliverables with neither a count nor an acceptance condition.
 */
export const ambiguityDetector: Detector = {
  id: "ambiguous-deliverable",
  version: 4,
  category: "ambiguous_deliverable",
  detect(ctx) {
    const out: Finding[] = [];
    const scope = ctx.text("signed_scope");
    const seen = new Set<number>();
    for (const d of findDeliverables(scope)) {
      if (CONTRACT_MACHINERY.test(d.text)) continue;
      const hit = vagueHit(d.text);
      const words = d.text.replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean).length;
      const underspecified = !d.accepted && !NUMBER.test(d.text.replace(YEAR, "")) && words <= 9 && !NAMED.test(d.text);
      if (!hit && !underspecified) continue;
      seen.add(d.start);
      out.push({
        category: "ambiguous_deliverable",
        severity: d.accepted ? "medium" : "high",
        source: "signed_scope",
        start: d.start,
        end: d.end,
        message: hit
          ? `"${hit[0].trim()}" leaves this deliverable open: state the count, the systems or the limit so delivery and the customer size it the same way.`
          : "This deliverable names no count, system or boundary: spell out exactly what is included.",
      });
    }
    // vague wording anywhere else in the work the scope describes (list intros, service levels, task prose)
    for (const u of workSentences(scope)) {
      if (seen.has(u.start) || out.some((f) => f.start! < u.end && f.end! > u.start) || CONTRACT_MACHINERY.test(u.text)) continue;
      const hit = vagueHit(u.text);
      if (!hit) continue;
      out.push({ category: "ambiguous_deliverable", severity: "medium", source: "signed_scope", start: u.start, end: u.end, message: `"${hit[0].trim()}" leaves this requirement open: state the count, the systems or the limit.` });
    }
    // requirement lists on the customer-success side with escape or open-ended wording
    for (const u of ctx.units("cs_requirement")) {
      for (const c of clauses(ctx.text("cs_requirement"), u.start, u.end)) {
        const e = ESCAPE.exec(c.text) ?? (CLOSED_LIST.test(c.text) ? null : OPEN_ENDED.exec(c.text));
        if (!e || BOUNDED.test(c.text)) continue;
        out.push({ category: "ambiguous_deliverable", severity: "medium", source: "cs_requirement", start: c.start, end: c.end, message: `"${e[0].trim()}" leaves this requirement open-ended: bound it before kickoff.` });
      }
    }
    return out;
  },
};
