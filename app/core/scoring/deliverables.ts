// Finds the deliverables of a SOW and whether an acceptance condition covers each.
import { clauses, items, type Span, type Unit } from "./structure";
import { memo } from "./memo";

/** Words that head the sections of a SOW ("2. Deliverables", "Article 5 — Fees.", "§3 Schedule"). */
const HEADING_VOCAB =
  /^(?:scope(?: of (?:work|services))?(?: summary)?|deliverables?(?: and acceptance)?|services|tasks?|requirements|work (?:items|packages)|purpose|background|objectives?|overview|summary|subject matter|introduction|assumptions?|customer (?:responsibilities|obligations|dependencies)|responsibilities|dependencies|obligations|schedule|timeline|dates|milestones|fees?|pricing|payment(?: terms)?|term|travel|acceptance(?: criteria)?|basis of acceptance|sign-?off|governance|project (?:organi[sz]ation|language|management|team)|change (?:requests?|control|orders?)|out of scope|exclusions?|staffing|personnel|definitions|period of performance|place of performance|type of contract|warrant(?:y|ies)|invoicing|general|notes?)\b/i;

/** Sections whose items are not deliverables. */
const NOT_DELIVERABLE_SECTION =
  /^(?:users|seats|licen[cs]es|duration|project schedule|purpose|background|objectives?|overview|summary|scope summary|subject matter|introduction|assumptions?|customer|responsibilities|dependencies|obligations|schedule|timeline|dates|milestones|fees?|pricing|payment|term|travel|acceptance|basis of acceptance|sign-?off|governance|project (?:organi[sz]ation|language|management|team)|change|out of scope|exclusions?|staffing|personnel|definitions|period of performance|place of performance|type of contract|warrant|invoicing|general|notes?)/i;

const NOT_DELIVERABLE_SENTENCE =
  /^(?:(?:the )?(?:contractor|vendor|offeror|awardee|government)\b|(?:the )?abilit(?:y|ies) to\b|support (?:for|to)\b|must\b|a saas\b|unlimited\b|uptime\b|customer|client|the customer|the client|either party|the parties|work outside|this (?:statement|sow|agreement|document)|statement of work|anything not|fees?\b|fixed (?:fee|price)|travel\b|payment|invoic|pricing)|^(?:up to )?[\d,]+\s+(?:named\s+)?(?:licen[cs]es|seats|users|subscriptions)\b|^(?:24\/7\S*|unlimited)\b|\b(?:is|are) currently\b|\bare those\b|\bagree to the following\b|\bout of scope\b|\bis limited to\b|\b(?:timeline|schedule) (?:above|below)\b|\bis indicative\b|^(?:the )?(?:project )?(?:timeline|schedule|dates?)\b|\b(?:is|are) (?:tentative|indicative)\b|\bentered into\b|\bbetween\b.{0,300}\band\b.*\(["“]?customer|:\s*$/i;

const CAPABILITY = /^(?:the )?abilit(?:y|ies) to\b|^support (?:for|to)\b|^must\b|^a saas\b|^uptime\b|^(?:the )?(?:system|solution|platform|application|tool) (?:shall|must|should|will)\b/i;

/** Sentences of the scope that describe work (not fees, schedule, background or contract machinery). */
export function workSentences(scope: string): { start: number; end: number; text: string }[] {
  const its = items(scope);
  const out: { start: number; end: number; text: string }[] = [];
  let section = "";
  const capability = new Map<string, [number, number]>();
  for (const it of its) {
    if (!it.marker) continue;
    const c = capability.get(it.units[0].section) ?? [0, 0];
    c[1]++;
    if (CAPABILITY.test(it.units[0].text)) c[0]++;
    capability.set(it.units[0].section, c);
  }
  for (const it of its) {
    const cap = capability.get(it.units[0].section);
    if (cap && cap[1] >= 3 && cap[0] / cap[1] >= 0.5) continue;
    const { label, headingOnly } = labelOf(it.units[0].text, it.units.length, it.marker, it.units[0].heading);
    if (label) section = label;
    if (headingOnly) continue;
    const sec = it.units[0].section || section;
    if (NOT_DELIVERABLE_SECTION.test(sec) && !/^(?:deliverables|scope of|services|tasks|requirements)/.test(sec)) continue;
    if (label && NOT_DELIVERABLE_SECTION.test(label)) continue;
    out.push(...it.units);
  }
  return out;
}

/** An acceptance, sign-off or completion condition. */
export const ACCEPTANCE =
  /\baccept(?:ed|ance|able|ability)?\b|\bsign[- ]?off\b(?! by| from)|\bsigns? off\b|\bsigned off\b|\bsigns the\b|\bapprov(?:es|ed|al)\b|\bcomplete[sd]?\b(?:\s+\w+){0,2}\s+(?:when|on|upon|once|after)\b|\bcompletion (?:criteria|condition|when)\b|\bdone when\b|\bsuccess criteria\b|\bverified (?:when|by)\b|\bpass(?:es)?\b.{0,300}\btests?\b|\btests? (?:cases? )?pass\b|\bpasses\b|\bends? (?:on|with|after|when)\b|\bending (?:on|with)\b|\bmeasured by\b|\bqasp\b|\bconfirms?\b.{0,300}\b(?:match|correct|appear|works?)|\breconcil(?:ed|es|e)\b.{0,300}\bwithin\b/i;

/** A fixed duration or count that bounds the work (training, support, hypercare, advisory hours). */
const BOUNDED_WORK =
  /\b(?:for|within)\s+(?:the\s+first\s+)?(?:\w+\s+)?\(?\d+\)?\s+(?:business\s+|working\s+|calendar\s+)?(?:days|weeks|months|hours)\b|\bfor the first (?:\w+ )?(?:two|three|four|\d+) (?:live )?\w+s\b|\bup to \d+ hours\b|\b(?:one|two|three|four|five|six|\d+)\s*(?:\(\d+\)\s*)?(?:remote |on-?site |virtual |live )?(?:sessions?|workshops?)\b.{0,300}\b(?:delivered|complete|recorded)\b/i;

/** A section or sentence that sets acceptance for deliverables in general or by reference. */
const GENERAL_ACCEPTANCE =
  /\b(?:all|each|every|the|any)\s+(?:of the\s+)?(?:above\s+)?deliverables?\b[^.]{0,300}\b(?:accept|sign[- ]?off|approv|acceptab)|\baccept(?:ance|ed)\b[^.]{0,300}\b(?:all|each|every)\s+(?:\w+\s+)?deliverables?\b|\bbasis of acceptance\b|\bacceptance per\b|\bfor acceptability\b/i;

/** A contract-level acceptance regime (a QASP, inspection-and-acceptance clause, definition of done) covers every deliverable. */
const ACCEPTANCE_REGIME =
  /\bqasp\b|\bquality assurance surveillance\b|\binspection and acceptance\b|\bacceptable quality levels?\b|\bdefinition of done\b|\bperformance standards?\b.{0,300}\b(?:acceptab|quality)/i;

export interface Deliverable extends Span {
  marker: string | null;
  /** the whole item, including any acceptance sentences after the deliverable sentence */
  item: Span;
  accepted: boolean;
}

interface Item {
  item: number;
  section: string;
  marker: string | null;
  start: number;
  end: number;
  text: string;
  units: Unit[];
  label: string | null;
  headingOnly: boolean;
}

/** "Fees." / "Article 5 — Fees." / "D1 Environment." → the item's label, when it is a known section word. */
function labelOf(first: string, units: number, marker: string | null, heading: boolean): { label: string | null; headingOnly: boolean } {
  const plain = first.replace(/\([^)]*\)?/g, " ").replace(/[*_#]/g, "").replace(/\s+/g, " ").trim();
  const m = /^([^.:—–]{1,60}?)\s*(?:[.:]|\s[—–-]\s|$)/.exec(plain);
  const head = m?.[1]?.trim() ?? "";
  const words = head.split(/\s+/).length;
  const whole = plain.replace(/[.:]\s*$/, "").trim();
  const vocab = (s: string) => HEADING_VOCAB.test(s) || (s.split(/\s+/).length <= 3 && new RegExp(`\\b(?:${SECTION_WORDS})\\b`, "i").test(s));
  const phaseHeading = /^(?:phase|part|article|section|stage|milestone|task)\b/i.test(marker ?? "") && units === 1 && !/[.;]$/.test(first.trim()) && whole.split(/\s+/).length <= 8;
  const headingOnly = heading || phaseHeading || (units === 1 && whole.split(/\s+/).length <= 6 && (vocab(whole) || /^[A-Z][A-Z0-9 &/.-]+$/.test(whole)));
  if (headingOnly) return { label: whole.toLowerCase(), headingOnly: true };
  if (head && words <= 5 && vocab(head)) return { label: head.toLowerCase(), headingOnly: false };
  return { label: null, headingOnly: false };
}
const SECTION_WORDS = "schedule|timeline|fees?|pricing|payment|assumptions?|responsibilities|obligations|dependencies|governance|users|seats|licen[cs]es|duration|term|travel|dates|milestones|background|purpose|objectives?|acceptance";

/** Item markers an acceptance sentence refers to: "2.1–2.3", "D1 and D2", "items 3 and 4". */
function referencedMarkers(text: string): Set<string> {
  const refs = new Set<string>();
  for (const m of text.matchAll(/\b(?:D|item\s+|task\s+|deliverables?\s+)?(\d+(?:\.\d+)?)(?:\s*[–-]\s*(?:D)?(\d+(?:\.\d+)?))?/gi)) {
    refs.add(m[1]);
    if (m[2]) {
      const [ai, af] = m[1].split(".").map(Number);
      const [bi, bf] = m[2].split(".").map(Number);
      if (af !== undefined && bf !== undefined && ai === bi) for (let k = af; k <= bf; k++) refs.add(`${ai}.${k}`);
      else if (af === undefined && bf === undefined) for (let k = ai; k <= bi; k++) refs.add(String(k));
    }
  }
  return refs;
}
const markerKey = (m: string | null) => (m ?? "").replace(/^(?:item|task|deliverable|phase|d)\s*/i, "").replace(/[().:\s§]/g, "");

/** The deliverables of a signed scope, each with whether an acceptance or completion condition covers it. */
export const findDeliverables = memo(32, deliverablesOf);

/**
 * Deliverables in Markdown tables: the header row names the columns; each later row's deliverable is its
 * deliverable/description cell (else its longest cell), accepted when that row's acceptance cell is filled.
 */
function tableDeliverables(its: Item[], general: boolean): { rows: Set<number>; out: Deliverable[] } {
  const rows = new Set<number>();
  const out: Deliverable[] = [];
  let header: Map<number, string> | null = null;
  let prevItem = -2;
  for (const it of its) {
    const cells = it.units.filter((u) => u.cell !== undefined);
    if (!cells.length) {
      header = null;
      continue;
    }
    rows.add(it.item);
    if (!header || it.item !== prevItem + 1) {
      header = new Map(cells.map((c) => [c.cell!, c.text.toLowerCase()]));
      prevItem = it.item;
      continue;
    }
    prevItem = it.item;
    const col = (re: RegExp) => [...header!.entries()].find(([, h]) => re.test(h))?.[0];
    const what = col(/deliverable|description|item|task|service|scope|requirement/);
    const acc = col(/accept|criteria|sign-?off|done|complete|standard|measure/);
    const main = cells.find((c) => c.cell === what) ?? [...cells].filter((c) => !/^[\d.#]+$/.test(c.text)).sort((a, b) => b.text.length - a.text.length)[0];
    if (!main || main.text.split(/\s+/).length < 2) continue;
    const accCell = cells.find((c) => c.cell === acc && c.text.trim() !== "");
    const accepted = general || Boolean(accCell) || cells.some((c) => c !== main && ACCEPTANCE.test(c.text)) || ACCEPTANCE.test(main.text) || BOUNDED_WORK.test(main.text);
    out.push({ start: main.start, end: main.end, text: main.text, marker: null, item: { start: it.start, end: it.end, text: it.text }, accepted });
  }
  return { rows, out };
}

function deliverablesOf(scope: string): Deliverable[] {
  const its: Item[] = items(scope).map((it) => ({ ...it, ...labelOf(it.units[0].text, it.units.length, it.marker, it.units[0].heading) }));
  // acceptance that covers every deliverable, or some by reference
  let general = false;
  const refs = new Set<string>();
  let section = "";
  const sections: string[] = [];
  for (const it of its) {
    if (it.label) section = it.label;
    sections.push(section);
    if (ACCEPTANCE_REGIME.test(it.text)) general = true;
    const inAcceptance = /^(?:acceptance|basis of acceptance|sign-?off)/.test(section) || /^acceptance\b/i.test(it.text);
    if (GENERAL_ACCEPTANCE.test(it.text) || (inAcceptance && ACCEPTANCE.test(it.text))) {
      const r = referencedMarkers(it.text.replace(/\b\d+(?:\.\d+)?\s*(?:%|days?|hours?|weeks?|months?|minutes?|business|consecutive|percent)\b|\$[\d,.]+|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/gi, ""));
      if (!r.size) general = true;
      for (const x of r) refs.add(x);
    }
  }
  // a section whose items are mostly capability statements ("The ability to …") specifies a product, not deliverables
  const capability = new Map<string, [number, number]>();
  its.forEach((it, i) => {
    if (it.headingOnly || !it.marker) return;
    const c = capability.get(sections[i]) ?? [0, 0];
    c[1]++;
    if (CAPABILITY.test(it.units[0].text)) c[0]++;
    capability.set(sections[i], c);
  });
  const tables = tableDeliverables(its, general);
  const out: Deliverable[] = [...tables.out];
  for (let i = 0; i < its.length; i++) {
    const it = its[i];
    if (it.headingOnly || tables.rows.has(it.item)) continue;
    const sec = sections[i];
    const cap = capability.get(sec);
    if (cap && cap[1] >= 3 && cap[0] / cap[1] >= 0.5) continue;
    if (NOT_DELIVERABLE_SECTION.test(sec) && !/^(?:deliverables|scope of|services|tasks|requirements)/.test(sec)) continue;
    if (it.label && NOT_DELIVERABLE_SECTION.test(it.label)) continue;
    const itemAccepted = general || ACCEPTANCE.test(it.text) || BOUNDED_WORK.test(it.text) || (it.marker !== null && refs.has(markerKey(it.marker)));
    let candidates: Span[] = it.marker ? [it.units[0]] : it.units;
    // a short label sentence ("D1 Environment.") reads with the sentence after it
    if (it.marker && it.label === null && it.units.length > 1 && it.units[0].text.split(/\s+/).length <= 3 && !ACCEPTANCE.test(it.units[1].text)) {
      candidates = [{ start: it.units[0].start, end: it.units[1].end, text: scope.slice(it.units[0].start, it.units[1].end) }];
    }
    for (const [k, u] of candidates.entries()) {
      if (!it.marker) {
        // the title line(s) of an unnumbered SOW
        if (i === 0 && k === 0 && (u.text.split(/\s+/).length <= 5 || /statement of work|\bsow\b|[—–]|:/i.test(u.text))) continue;
        if (/^(?:accept|complete|sign|approv)/i.test(u.text)) continue;
      }
      if (NOT_DELIVERABLE_SENTENCE.test(u.text) || u.text.split(/\s+/).length < 2) continue;
      // several deliverables in one sentence, each with its own condition: judge each clause
      // a clause that is itself a condition ("accepted when …") belongs to the deliverable before it
      const parts: Span[] = [];
      for (const p of clauses(scope, u.start, u.end, { commas: true })) {
        const prev = parts[parts.length - 1];
        if (prev && /^(?:accept|complete|done|sign|approv)/i.test(p.text)) parts[parts.length - 1] = { start: prev.start, end: p.end, text: scope.slice(prev.start, p.end) };
        else parts.push(p);
      }
      const withCond = parts.filter((p) => ACCEPTANCE.test(p.text)).length;
      if (parts.length > 2 && withCond >= 2 && withCond < parts.length) {
        for (const p of parts) if (p.text.split(/\s+/).length >= 2) out.push({ ...p, marker: it.marker, item: it, accepted: general || ACCEPTANCE.test(p.text) });
        continue;
      }
      const next = it.units[it.units.indexOf(u as never) + 1]?.text ?? "";
      const accepted = it.marker ? itemAccepted : general || ACCEPTANCE.test(u.text) || BOUNDED_WORK.test(u.text) || /^(?:accept|complete|sign|approv)/i.test(next);
      out.push({ ...u, marker: it.marker, item: it, accepted });
    }
  }
  return out;
}
