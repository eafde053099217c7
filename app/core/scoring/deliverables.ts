// Finds the deliverables of a statement of work and whether an acceptance condition covers each.
import { clauses, items, type Span } from "./structure";

const NOT_DELIVERABLE_SECTION =
  /assumption|responsibilit|fee|pric|payment|invoice|term(?:s)?\b|schedule|timeline|objective|background|purpose|overview|exclusion|out of scope|governance|change (?:order|control)|travel|definition|period of performance|place of performance|type of contract|contact|staffing|personnel|security clearance|warrant|confidential|insurance|acceptance|quality assurance|qasp|milestone/i;
const LEAD_LABEL = /^(?:scope|objectives?|purpose|overview|background|summary|fees?|pricing|payment|term|schedule|timeline|assumptions?|customer responsibilities|dependencies|notes?|travel|exclusions?|out of scope|change control|governance)\b[^.:]{0,40}[.:]/i;
const NOT_DELIVERABLE_START = /^(?:customer|client|the customer|the client|provider personnel|all endpoints run|work outside|fees|travel|this (?:statement|sow|agreement)|statement of work|payment|invoic|term\b|pricing|the parties|either party|provider and customer will agree)/i;

/** An acceptance, sign-off or completion condition. */
export const ACCEPTANCE =
  /\baccept(?:ed|ance|able|ability)?\b|\bsign[- ]?off\b|\bsigns? off\b|\bsigned off\b|\bapprov(?:es|ed|al)\b|\bcomplete[sd]? (?:when|on|upon|once|after)\b|\bcompletion (?:criteria|condition|when)\b|\bdone when\b|\bsuccess criteria\b|\bverified (?:when|by)\b|\bpass(?:es)?\b.*\btests?\b|\btests? (?:cases? )?pass\b|\bending (?:on|with)\b|\bmeasured by\b|\bqasp\b|\bconfirms?\b.*\b(?:match|correct|appear)|\breconcil(?:ed|es|e)\b.*\bwithin\b/i;

/** A section or sentence that sets acceptance for deliverables in general or by reference. */
const GENERAL_ACCEPTANCE =
  /\b(?:all|each|every|the|any)\s+(?:of the\s+)?(?:above\s+)?deliverables?\b[^.]*\b(?:accept|sign[- ]?off|approv|acceptab)|\baccept(?:ance|ed)\b[^.]*\b(?:all|each|every)\s+(?:\w+\s+)?deliverables?\b|\bbasis of acceptance\b|\bacceptance (?:per|under|criteria for all)\b|\bfor acceptability\b/i;

export interface Deliverable extends Span {
  /** the item marker ("2.4", "D3.", "(b)") */
  marker: string | null;
  /** the whole item, including any acceptance sentences after the deliverable sentence */
  item: Span;
  accepted: boolean;
}

const refKey = (m: string) => m.replace(/[().:\s]/g, "").replace(/^(?:item|task|deliverable|d)/i, "").toLowerCase();

/** Item markers referred to by an acceptance sentence: "2.1–2.3", "D1, D2", "items 3 and 4". */
function referencedMarkers(text: string): Set<string> {
  const refs = new Set<string>();
  for (const m of text.matchAll(/\b(?:D|item\s+|task\s+|deliverables?\s+)?(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?/gi)) {
    const a = m[1];
    refs.add(a.toLowerCase());
    if (m[2]) {
      const [ai, af] = a.split(".").map(Number);
      const [bi, bf] = m[2].split(".").map(Number);
      if (af !== undefined && bf !== undefined && ai === bi) for (let k = af; k <= bf; k++) refs.add(`${ai}.${k}`);
      else if (af === undefined && bf === undefined) for (let k = ai; k <= bi; k++) refs.add(String(k));
    }
  }
  return refs;
}

export function findDeliverables(scope: string): Deliverable[] {
  const its = items(scope);
  let general = false;
  const coveredRefs = new Set<string>();
  for (const it of its) {
    const acceptanceSection = /accept|sign-?off|qasp|quality assurance/i.test(it.section) || /^(?:acceptance|sign-?off)\b/i.test(it.text);
    if (GENERAL_ACCEPTANCE.test(it.text) || (acceptanceSection && !/^\s*$/.test(it.text))) {
      const refs = referencedMarkers(it.text.replace(/\b\d+\s*(?:%|days?|hours?|weeks?|months?|minutes?|business)\b/gi, ""));
      if (GENERAL_ACCEPTANCE.test(it.text) && !refs.size) general = true;
      else if (acceptanceSection && !refs.size && ACCEPTANCE.test(it.text)) general = true;
      for (const r of refs) coveredRefs.add(r);
    }
  }
  const out: Deliverable[] = [];
  for (let i = 0; i < its.length; i++) {
    const it = its[i];
    if (NOT_DELIVERABLE_SECTION.test(it.section) && !/deliverable|scope of (?:work|services)|tasks?|requirements?|services/i.test(it.section)) continue;
    let first = it.units[0];
    if (!first || it.units[0].heading) continue;
    let rest = it.units.slice(1);
    // "2.1 Earnings setup … ." / "1. Scope. Provider will …": a short lead label names the paragraph
    if (LEAD_LABEL.test(first.text)) continue;
    if (/^[A-Z][\w &/-]{0,40}[.:]$/.test(first.text) && first.text.split(/\s+/).length <= 4 && rest.length) {
      // a title sentence ("Quote QuickStart.") followed by the real deliverables
      if (!it.marker && i === 0) {
        rest = rest.slice(0);
      }
      if (/deliverables?|scope|services|tasks/i.test(first.text)) continue;
    }
    if (NOT_DELIVERABLE_START.test(first.text)) continue;
    if (!it.marker && i === 0 && it.units.length === 1 && first.text.split(/\s+/).length <= 12 && !/[.;]$/.test(first.text)) continue; // a title line
    const itemAccepted = ACCEPTANCE.test(it.text) || general || (it.marker !== null && coveredRefs.has(refKey(it.marker)));
    const candidates = it.marker ? [first] : it.units;
    for (const [k, u] of candidates.entries()) {
      if (!it.marker && k === 0 && i === 0 && /^[A-Z][\w&’'/ -]*\.?$/.test(u.text) && u.text.split(/\s+/).every((w) => /^[A-Z0-9&(]/.test(w)) && candidates.length > 1) continue;
      if (!it.marker && (ACCEPTANCE.test(u.text) && /^(?:accept|complete|sign|approv)/i.test(u.text))) continue;
      if (!it.marker && NOT_DELIVERABLE_START.test(u.text)) continue;
      if (!it.marker && LEAD_LABEL.test(u.text)) continue;
      if (u.text.split(/\s+/).length < 2) continue;
      // several deliverables in one sentence, each with its own condition: judge each clause
      const parts = clauses(scope, u.start, u.end, { commas: true });
      const withCond = parts.filter((p) => ACCEPTANCE.test(p.text)).length;
      if (parts.length > 2 && withCond >= 2 && withCond < parts.length) {
        for (const p of parts) {
          if (p.text.split(/\s+/).length < 2) continue;
          out.push({ ...p, marker: it.marker, item: { start: it.start, end: it.end, text: it.text }, accepted: ACCEPTANCE.test(p.text) || general });
        }
        continue;
      }
      const accepted = it.marker ? itemAccepted : ACCEPTANCE.test(u.text) || general || (ACCEPTANCE.test(it.text) && !it.marker && it.units.length <= 2 && k === 0 && !ACCEPTANCE.test(u.text) && /^(?:accept|complete)/i.test(it.units[k + 1]?.text ?? "") );
      out.push({ ...u, marker: it.marker, item: { start: it.start, end: it.end, text: it.text }, accepted });
    }
    void first;
    first = it.units[0];
  }
  return out;
}
