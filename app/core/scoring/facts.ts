// Typed facts of a packet, each with the thing it measures: counts of users, sites, licences or any counted
// noun; money per item with its topic; term and history lengths; dates of named milestones. Normalised so the
// same value written two ways compares equal ("two hundred (200)", "1 year" and "12 months", "€1.200,00").
import type { Context } from "./types";
import { TEXT_SOURCES, type TextSource } from "../packet";
import { documentOf, STRUCK, type Block, type Cell } from "./document";
import { stem, termSet } from "./lexicon";
import {
  countBound,
  COUNT_LEAD,
  COUNT_TAIL,
  dateMentions,
  dateOrLengthNext,
  HAS_NUMBER,
  MONTH_RE,
  NUM,
  NUMBER_WORD,
  ownNouns,
  pairUnit,
  parseNumberWords,
  parseNumeral,
  quantities,
  seatsToSit,
  unitOf,
  type Quantity,
} from "./numbers";
import { clauses, sentences, type Span } from "./structure";
import { memo } from "./memo";

export type FactKind = "count" | "duration" | "money" | "date" | "percent" | "cadence" | "offset";

export interface Fact {
  kind: FactKind;
  source: TextSource;
  /** what is measured: "count:user", "money:services", "rate:hour", "date:golive", "term:month" */
  key: string;
  value: number;
  bound: Quantity["bound"];
  /** the clause cited for the fact */
  clause: Span;
  /** capitalised names in the clause (a site, a phase) that say which instance of the key it is */
  names: Set<string>;
  /** content terms of the clause, for facts whose key is only their context */
  context: Set<string>;
  /** a dated window's last day (value is its first): "| Migration weekend | 2027-04-24 – 2027-04-25 |" */
  until?: number;
}

// a count the note itself explains as coming later or living elsewhere is not a disagreement
const EXPLAINED = new RegExp(
  [
    String.raw`\blater\b|\bseparate (?:order|contract|sow)\b|\bnext (?:year|phase)\b|\bphase (?:2|two)\b|`,
    String.raw`\bfuture\b|\bstay(?:s|ing)? (?:in|on)\b|\bnot (?:included|in scope|licensed)\b|`,
    String.raw`\b(?:was|is|are|were)(?:n['’]t| not) in the (?:deal|scope|contract|order)\b|`,
    String.raw`\bout of scope\b|\bexcluding\b|\bon top\b|\bincl(?:uding|\.)? in\b|`,
    // a ramp to the contracted figure ("350 seats in December, the full 600 by February")
    String.raw`\bramp(?:[- ]?up|ing)?\b|\binitially\b|\bto start with\b`,
  ].join(""),
  "i",
);
// counts inside an acceptance test are samples ("five test users sign in"), not contracted quantities
const ACCEPTANCE_SENTENCE = new RegExp(
  [
    String.raw`^(?:acceptance|accepted|complete|done|AC)\b|\bgiven\b.{0,200}\bwhen\b|\baccepted (?:when|`,
    String.raw`on|upon)\b|\btest (?:cases?|scripts?|users?|invoices?|records?)\b|\bsample\b`,
  ].join(""),
  "i",
);
const ACCEPTANCE_COLUMN = /\baccept|\bcompletion\b|\bcriteri|\btest\b|\bexit\b|\bdone\b|\bsign-?off\b|\bverified\b/i;
const SAMPLE = /\b(?:test(?:ed|ing)?|sample[ds]?|pilot|example|demo|trial|scripted|random(?:ly)?)\b/i;

/** Plural nouns that count things nobody contracts for ("times", "steps", "days"). */
const NOT_COUNTED = new Set(
  terms(`times steps ways things ones items points questions issues changes rounds waves people folks guys
   percent hours days weeks months years meses mesi mois monate maanden månader años anos anni jahre
   minutes seconds sessions calls meetings emails reminders levels tiers fields columns rows lines pages tickets
   defects errors cases scenarios
   scripts tests records transactions invoices orders payments runs releases sprints phases stages milestones
   options types kinds
   parts areas groups teams languages`),
);
function terms(s: string): string[] {
  return s
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w));
}

const DURATION_TOPICS: [string, RegExp][] = [
  [
    "term",
    new RegExp(
      [
        String.raw`\bterm\b|\bcontract(?:ed)?\b|\bcontrato\b|\bsubscription\b|\brenewal\b|\bcommitment\b|\bsigned (?:for|`,
        String.raw`a|an)\b|\b(?:year|yr|month|mo)s?[- ]deal\b|\bagreement\b|\bperiod of performance\b|`,
        // a public contract's "base period" (its option periods are extensions, not the term)
        String.raw`\bbase (?:period|term|year)s?\b|`,
        String.raw`\b(?:duraci[oó]n|durata|dur[ée]e|(?:vertrags)?laufzeit|looptijd|avtalstid|vig[eê]ncia|prazo)\b|`,
        // (Spanish "Plazo: 36 meses", not a delivery or payment deadline)
        String.raw`\bplazo\b(?!\s+de\s+(?:entrega|implementaci|ejecuci|pago))`,
      ].join(""),
      "i",
    ),
  ],
  [
    "history",
    new RegExp(
      [
        String.raw`\bhistor(?:y|ical|ic)\b|\bbackfill\b|\bback[- ]data\b|\barchive\b|\bretention\b|`,
        String.raw`\bretain(?:ed)?\b|\bkept\b|\bback to\b|\bstored\b|\bsearchable\b|\bqueryable\b|`,
        // "ten (10) years of emissions inventory data", "the last five years of tenant certifications"
        String.raw`\b(?:years?|months?) of (?:[\w-]+ ){0,3}(?:data|records|certifications|transactions|files|`,
        // ("24 months of repairs jobs", "three years of claims")
        String.raw`documents|jobs|tickets|claims|cases|orders|invoices|logs|incidents)\b|`,
        // records moved into the new system: "ten years of incidents brought across", "carried over", "migrated"
        String.raw`\b(?:brought|come|comes|came|carried|moved?) (?:across|over)\b|\bmigrat(?:ed|ion)\b`,
      ].join(""),
      "i",
    ),
  ],
  ["hypercare", /\bhypercare\b|\bpost[- ]go[- ]live support\b/i],
  // how long the delivery work runs: "a nine-week engagement", "the 20 week rollout", "project length: 6 months"
  [
    "delivery",
    /\bengagement\b|\btimeline\b|\bimplementation\b|\bproject\b|\brollout\b|\bprogram(?:me)?\b|\bdelivery\b/i,
  ],
];
const TO_MONTHS: Record<string, number> = { month: 1, year: 12 };

const MILESTONES: [string, RegExp][] = [
  [
    "golive",
    new RegExp(
      [
        String.raw`\bgo[- ]?live\b|\bgolive\b|\blive (?:by|on|from)\b|\bbe live\b|\bbe (?:up and )?running\b|`,
        String.raw`\blaunch(?:es|ed)?\b|`,
        String.raw`\bin production\b|\bproduction (?:go-live|cutover|launch)\b|\bcut[- ]?over\b|\bhit\b|`,
        String.raw`\bswitch[- ]?over\b|`,
        String.raw`\bfirst live\b|\blive\s+(?:\.{2,}\s*)?(?=\d{1,2}\s*[A-Z][a-z]{2}|[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\.\d{1,2}\b)|`,
        // an app "in the stores on 15.01", "App in stores: from 15.02.2027"
        String.raw`\bin (?:the |both )?(?:app )?stores\b(?=\s*(?::|on|from|by)\s)|`,
        // an app's "Store release 5/22", "MVP store release .... 2026-09-18", "release to the app stores"
        // ("published to the Apple and Google app stores: 29 March")
        String.raw`\b(?:app )?store release\b|\b(?:released?|published|listed) (?:to|in|on) (?:the |both )?` +
          String.raw`(?:\w+ (?:and|&) \w+ )?(?:app )?stores\b|`,
        // a plan line's fields: "All 14 branches live · S · Feb 2, 2026"
        String.raw`\blive(?:\s*·\s*(?:XS|S|M|L|XL))?\s*·\s*(?=\d{1,2}\s*[A-Z][a-z]{2}|[A-Z][a-z]{2,8}\.?\s+\d)|`,
        // "the portal is up by Sep 8", "would be up for the July 1 open day"
        String.raw`\b(?:is|are|be|['’]s)\s+up\s+(?:and running\s+)?(?:by|for|before|in time for)\b|`,
        // a schedule line's "Berth planning live: 2026-03-02"
        String.raw`\blive\s*:\s*(?=(?:19|20)\d\d-\d\d-\d\d|\d{1,2}[\s/.-]|[A-Z][a-z]{2,8}\.?\s+\d)`,
      ].join(""),
      "i",
    ),
  ],
  ["kickoff", /\bkick[- ]?off\b/i],
  // the day a window or a portal opens to the people who use it ("the application window opens December 1", "BOY
  // window must open September 8", "course requests open to students: February 2", "Open enrollment window | Nov 3–14")
  [
    "opening",
    new RegExp(
      String.raw`\b(?:window|portal|enrol(?:l)?ment|registration|sign-?ups?|bookings?|applications?|requests?|` +
        String.raw`reservations?)\s+(?:(?:will|must|should|would|to)\s+)?open(?:s|ing)?\b|` +
        String.raw`\bopen(?:s)?\s+(?:to|for)\s+(?:students|applicants|the public|parents|residents|families|` +
        String.raw`permittees|members|everyone)\b|\bopen enrol(?:l)?ment\b`,
      "i",
    ),
  ],
  // the first day of the subscription term ("a 2-year term starting on 9 March"), apart from when the work starts
  [
    "term start",
    new RegExp(
      String.raw`\b(?:term|subscription)\b[^.;]{0,40}?\b(?:from|beginning|starting|commencing)\b|` +
        // "Subscription start: 1 June", "Service start: 2026-05-01" (not an academic "autumn term starts")
        String.raw`\b(?:subscription|service|contract|licen[cs]e) start|\b(?:contract|subscription|initial) term start`,
      "i",
    ),
  ],
  ["uat", /\buat\b|\buser acceptance\b/i],
  // "the conversion will be done by April 30", "Data migration complete: June 12"
  ["migration", /\b(?:conversion|migration)\b[^.;:]{0,25}?\b(?:complete[sd]?|done|finished)\b/i],
  ["final acceptance", /\bfinal (?:system |project )?acceptance\b/i],
  [
    "start",
    new RegExp(
      String.raw`\bstart date\b|\bstarts? on\b|\bcommence\w*\b|\beffective date\b|` +
        // a performance period opening on a date ("PoP starts 1 April")
        String.raw`\b(?:pop|period of performance|performance period)\b[^.;]{0,60}?\b(?:begins?|starts?)\b`,
      "i",
    ),
  ],
];

const CURRENCY =
  String.raw`(?:USD|EUR|GBP|CAD|AUD|NZD|INR|SGD|CHF|NOK|SEK|DKK|BRL|MXN|JPY|ZAR|HKD|AED|` +
  String.raw`Rs\.?|R\$|[A-Z]{1,2}\$|[$€£₹¥])`;
const MONEY = new RegExp(
  String.raw`(?:${CURRENCY}\s?)(\d{1,3}(?:[,.\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?([kKmM]\b|(?:million|mn|billion|bn)\b)?` +
    String.raw`(?:\s*(?:/|\bper\b|\ban?\b)\s*(h|hr|hour|hours|hourly|(?:[A-Za-z][\w-]*\s)?[A-Za-z][\w-]*))?|` +
    String.raw`(\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{2})?|\d{1,3}(?: \d{3})+(?:,\d{2})?|\d+(?:[.,]\d{2})?)\s?` +
    String.raw`(?:${CURRENCY.replace(/\[\$€£₹¥\]/, "[€£]")})`,
  "g",
);

/** "1,200.50", "1.200,50", "12,00,000" (Indian grouping), "38k" → a number. */
export function parseMoney(raw: string, suffix?: string): number | null {
  const t = raw.replace(/\s/g, "");
  const lastSep = Math.max(t.lastIndexOf(","), t.lastIndexOf("."));
  let v: number;
  if (lastSep >= 0 && t.length - lastSep - 1 <= 2 && t.length - lastSep - 1 >= 1) {
    // decimals after the last separator ("1,200.50", "€54.5k": no figure groups thousands by one or two digits)
    v = Number(t.slice(0, lastSep).replace(/[.,]/g, "") + "." + t.slice(lastSep + 1));
  } else v = Number(t.replace(/[.,]/g, ""));
  if (!Number.isFinite(v)) return null;
  if (suffix) v *= /^k/i.test(suffix) ? 1000 : /^b/i.test(suffix) ? 1_000_000_000 : 1_000_000;
  return v;
}

const MONEY_HINT = /[$€£₹¥]|\b[A-Z]{3}\s?\d|\d\s?[A-Z]{3}\b|\bRs\b/;
const MILESTONE_HINT = new RegExp(
  String.raw`live|launch|production|cut[- ]?over|switch[- ]?over|kick|uat|acceptance|start|commenc|effective|hit|` +
    String.raw`begin|term|subscri|running|\bup\b|stores|store release|conversion|migration|\bopen`,
  "i",
);
const SERVICES = new RegExp(
  [
    String.raw`\bimplementation\b|\bprofessional services\b|\bservices fee\b|\bfixed[- ](?:fee|price)\b|`,
    String.raw`\b(?:set-?up|onboarding|deployment)(?: fee\b| (?:is|was|at|for|costs?|priced)\b)|`,
    // the same in the languages order forms arrive in
    String.raw`\bmise en place\b|\bimplantaci[oó]n\b|\bimplementaci[oó]n\b|\beinf[üu]hrung\b|\bimplementatie\b|` +
      String.raw`\bwdro[żz]enie\b|\bimplementazione\b`,
  ].join(""),
  "i",
);
// an order line that sells seats or a subscription by the month or year
const LICENCE_TERM_LINE = new RegExp(
  String.raw`\b(?:named users?|users?|seats?|licen[cs]es?)\b(?:[^.\n]|\.\d){0,80}` +
    String.raw`\bper (?:user|seat|licen[cs]e) (?:per )?(?:month|year)\b`,
  "i",
);
const SUBSCRIPTION = new RegExp(
  [
    String.raw`\bsubscription\b|\blicen[cs]e fees?\b|\bannual (?:fee|price)\b|\bplatform fee\b|\barr\b|` +
      // a platform's licence priced by the month ("Platform licence — 12 mo — €3.400/mo")
      String.raw`\bplatform licen[cs]e\b|`,
    String.raw`\bper (?:year|annum)\b|\/\s*(?:yr|year)\b`,
  ].join(""),
  "i",
);
// what a figure beside these words is: a total, a cap, a deduction or a sum of money that is no price
const NOT_A_PRICE_WORDS =
  String.raw`total|subtotal|sub-total|grand|tcv|acv|less|credit|discount|travel|expenses?|` +
  String.raw`cap(?:ped)?|not[- ]to[- ]exceed|nte|estimate[ds]?|deposit|penalt|liabilit|insurance|` +
  String.raw`(?<!-)off|knock\w*|waiv\w*|list(?: price)?|rrp|msrp|revenue|turnover`;
// (nor is what the customer funds or spends on its own programme: "scenarios constrained at $4 million a year")
const NOT_A_PRICE = new RegExp(
  String.raw`\b(?:${NOT_A_PRICE_WORDS}|budget|spend|worth|valued?|constrain\w*|fund(?:s|ed|ing)?|investment|capex)\b`,
  "i",
);
// (a price per thing may sit beside a budget: "the budget on the basis you gave us: €16,000 per study")
const NOT_A_UNIT_PRICE = new RegExp(String.raw`\b(?:${NOT_A_PRICE_WORDS})\b`, "i");

const ACRONYM_NOT_NAME = new RegExp(
  String.raw`^(?:UAT|SOW|PWS|USD|EUR|GBP|INR|AUD|CAD|NZD|ZAR|SGD|CHF|FFP|TBD|TBC|TBA|ASAP|EOD|EOW|EOM|EOQ|EOY|` +
    String.raw`NTE|PEPM|PUPM|CET|GMT|UTC|EST|PST|AEST|IST|CLIN|MSA|ETA|FYI|CEO|CFO|COO|CIO|CTO|ACH)$`,
);

const NOT_A_NAME = new RegExp(
  [
    String.raw`^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|the|this|`,
    String.raw`that|they|we|our|go|live|production|phase|wave|uat|kickoff|told|said|target|all|both|`,
    String.raw`each|every|customer|client)`,
  ].join(""),
);
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  // a name ("Akron", "New Haven") or an acronym naming a channel, site or module ("OOH", "EDI")
  for (const m of text.matchAll(/\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?\b|\b[A-Z]{3,5}\b/g)) {
    const w = m[0].toLowerCase();
    if (/^[A-Z]+$/.test(m[0]) ? ACRONYM_NOT_NAME.test(m[0]) : /^(?:also|just|and|but|please|thanks)$/.test(w)) continue;
    if (NOT_A_NAME.test(w)) continue;
    out.add(w);
  }
  return out;
}

/** Where a line's short run-in label starts, when only the label stands between the line's start and `at`. */
function labelledFrom(text: string, lineStart: number, at: number): number {
  const m = /^(\s*(?:\d{1,3}[.)]?\s+)?)[\p{L}][\p{L}\d &/-]{1,40}?\s*[—–:]\s*$/u.exec(text.slice(lineStart, at));
  return m && termSet(m[0]).size <= 4 ? lineStart + m[1].length : at;
}

function fact(
  kind: FactKind,
  source: TextSource,
  key: string,
  value: number,
  bound: Quantity["bound"],
  clause: Span,
): Fact {
  let context: Set<string> | undefined;
  let names: Set<string> | undefined;
  return {
    kind,
    source,
    key,
    value,
    bound,
    clause,
    get names() {
      return (names ??= namesIn(clause.text));
    },
    get context() {
      return (context ??= termSet(clause.text));
    },
  };
}

const UNIT_LIST_END = new RegExp(
  [
    String.raw`^(?:per|of|for|in|at|from|to|by|with|across|on|x|×|-|which|that|who|and|or|so|but|plus|each|`,
    String.raw`because|when|if|as|then)$`,
  ].join(""),
  "i",
);

/**
 * Nouns a figure usually measures rather than counts a whole of ("3 rounds", "40 records a day"), unless the figure
 * is written as the whole ("all 45 teams", "sixty (60) pages").
 */
const COUNTED_WHEN_WHOLE = new Set(
  terms(`questions issues changes rounds waves calls meetings levels tiers fields columns pages tickets cases
   scenarios scripts records transactions invoices releases phases stages milestones types kinds areas groups teams`),
);

/** The counted noun of a phrase: a known unit ("seats" → user), else the first plural noun. */
function countedNoun(phrase: string[], whole = false): string | null {
  // "texts/mo" counts messages; "power units" is one name; "desk and field staff" counts staff
  const words = phrase.map((w) => w.replace(/\/.*$/, "")).filter(Boolean);
  // "three agent classes", "two admin webinars": sessions for someone count the sessions, not the people
  if (words.slice(1, 3).some((w) => /^(?:classes|sessions|workshops|webinars|courses|trainings|modules)$/i.test(w)))
    return null;
  const pair = words.length > 1 ? pairUnit(words[0], words[1]) : null;
  if (pair) return pair;
  const and = words.findIndex((w) => /^(?:and|or|&)$/i.test(w));
  if (and > 0) {
    const head = words.slice(and + 1).find((w) => (/s$/i.test(w) || /^(?:people|staff)$/i.test(w)) && unitOf(w));
    if (head) return unitOf(head);
  }
  for (const [i, w] of words.entries()) {
    if (UNIT_LIST_END.test(w)) break;
    // ("5,200 licence renewals": a singular "licence" before another noun only qualifies it)
    if (/^licen[cs]e$/i.test(w) && /^[a-z]{3,}s$/i.test(words[i + 1] ?? "") && !/^(?:seats|keys)$/i.test(words[i + 1]))
      continue;
    const u = unitOf(w);
    // ("6 office folks", "12 site staff": the people of a place are people, not places)
    if (u && /^(?:folks|people|staff|personnel|users|employees|workers|members)$/i.test(words[i + 1] ?? ""))
      return unitOf(words[i + 1]);
    if (u) return ["day", "hour", "week", "month", "year", "session", "workshop"].includes(u) ? null : u;
    const clean = w.replace(/[^A-Za-z-]/g, "");
    // ("120 PMs, PEs and supers": a plural abbreviation is a noun too)
    if (/^[A-Z]{2,4}s$/.test(clean)) return `n:${clean.slice(0, -1).toLowerCase()}`;
    if (clean.length > 3 && /s$/i.test(clean) && !/ss$/i.test(clean)) {
      const st = stem(clean);
      if (!NOT_COUNTED.has(st) || (whole && COUNTED_WHEN_WHOLE.has(st))) return `n:${st}`;
    }
  }
  return null;
}

const OPEN_COUNT = new RegExp(
  String.raw`(${COUNT_LEAD}|all|every one of)?\s*\b(${NUM})${COUNT_TAIL}` +
    String.raw`(?:\s*\((?:\d[\d,]*)\))?\s+((?:of (?:the|their|your|our|its|his|her)\s+)?` +
    String.raw`(?:[A-Za-z][\w'&/-]*\s+){0,3}[A-Za-z][\w-]*)`,
  "gi",
);
// part of a whole ("3 depots still use paper", "2 of the 9 sites"): not the contracted total
const SUBSET = new RegExp(
  [
    String.raw`\b(?:still|remaining|(?<!all |every one |each one )of (?:them|those|these)|among|only \d|`,
    String.raw`some of|first \d+)\b|`,
    // ("3 out of the 9 sites", not "buses run out of the north yard")
    String.raw`\bout of\s+(?:the\s+|their\s+|its\s+|our\s+|your\s+)?(?:\d|${NUMBER_WORD})|`,
    // what each one has ("pace for each of their three legs")
    String.raw`\beach of (?:their|his|her)\s+(?:\d|${NUMBER_WORD})|`,
    // more of them besides ("the District also runs two charter schools")
    String.raw`\balso\s+(?:[a-z]+\s+){0,2}(?:\d|${NUMBER_WORD}\b)|`,
    // ("in November I add about 12 seasonal drivers": more besides the usual ones)
    String.raw`\b(?:add|adds|adding|take on|hire)\s+(?:about\s+|around\s+|roughly\s+|another\s+|up to\s+)?` +
      String.raw`(?:\d|${NUMBER_WORD}\b)|` +
      // ("your 12 seasonal drivers", "6 spare tablets": a group apart from the usual ones)
      String.raw`(?:\d|${NUMBER_WORD})\s+(?:seasonal|temporary|temp|part[- ]time|casual|relief|extra|additional|` +
      String.raw`spare)\b|` +
      // ("Two investigators are part-time and share a device")
      String.raw`(?:\d|${NUMBER_WORD})\s+[\w-]+\s+(?:are|is)\s+(?:part[- ]time|seasonal|temporary|on leave|retiring)\b|`,
    // a wave or phase of a rollout is a part of it ("Wave 1 (9 properties) live June 1")
    String.raw`\b(?:wave|phase|tranche|batch|cohort)\s+(?:\d+|one|two|three|[a-c])\b\s*(?:[(:—–-]|(?:is|are|covers)\b)|`,
    // the biggest few ("their top 25 locations") and the ones still to open ("the two hospitals you're opening")
    String.raw`\btop\s+(?:\d|${NUMBER_WORD}\b)|\b(?:you|they|we)(?:['’]re| are)\s+opening\b|\bopening (?:this|next|in)\b|`,
    // what happened before ("the inspector found 7 late kennels", "last audit flagged two clinics")
    String.raw`\blast (?:year|month|quarter|week|season|review|audit|inspection|time)\b(?!'s|’s)|`,
    String.raw`\b(?:flagged|found)\b|`,
    // some of them picked out by size or age ("for the two larger clinics", "the 3 newest depots")
    String.raw`\bthe\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:larger|largest|bigger|biggest|` +
      String.raw`smaller|smallest|busiest|newer|newest|older|oldest|other|main|flagship|high|middle|elementary|` +
      String.raw`primary|secondary|junior|senior)\b`,
  ].join(""),
  "i",
);
// a concession or notice period measured in months is not the term ("3 months free", "6 months' notice")
const NOT_A_TERM = new RegExp(
  [
    String.raw`\bfree\b|\bno charge\b|\bat no (?:extra |additional )?cost\b|\bwaiv\w*|\bholiday\b|`,
    String.raw`\bcredit\w*|\bnotice\b(?! to proceed)|\bgrace\b|\bdelay\b|\bramp\b`,
  ].join(""),
  "i",
);

// "free seats for the whole 36-month term": the length of the term itself, whatever else the clause grants
const NAMED_TERM = /\d[\s-]*(?:month|year)s?[\s-]+(?:initial |minimum |contract |subscription )?term\b/i;

const LABEL_COUNT = new RegExp(
  String.raw`\b([A-Za-z][\w&/-]*(?:\s[A-Za-z][\w&/-]*){0,3})\s*:\s*(up to\s+|(?:approx(?:\.|imately)?|about|around|` +
    String.raw`roughly|c\.|~)\s*)?(${NUM})(?!\s*[%/.,-]\d)`,
  "gi",
);
const PERSON = new RegExp(
  // (a machine named like a person is none: "router", "scanner", "monitor", "meter")
  // (nor is a list, a plant, a document or an event, whatever their endings: "two legacy customer lists")
  String.raw`^(?!\w*(?:ment|list|plant|restaurant|event|incident|percent|component|instrument|content|extent)s?$)` +
    String.raw`(?!(?:rout|print|scann|serv|comput|monit|contain|trail|regist|charg|read|adapt|controll|project|speak|` +
    String.raw`track|transmitt|receiv|detect|dispens|generat|compress|boil|chill|cent|ord|fold|lock|count|met|` +
    String.raw`convert|inject|extinguish|sort|shredd|lapt|ti|lay|lett|chapt|quart|semest|sect|vect|fact)(?:er|or)s?$)` +
    String.raw`(?:people|person|staff|employee?|member|user|nurse?|surgeon|clerk|judge|chef|guard|rep|tech|coach|operativ|` +
    String.raw`\w+(?:er|or|ist|yst|ant|ent|ian)|` +
    // the same people in the languages handoffs arrive in
    String.raw`(?:technicien|t[ée]cnico|operario|trabajador|empleado|salari[ée]|mitarbeiter|medewerker|dipendent|` +
    String.raw`lavorator|pracownik|apprenti)\w*)$`,
);
const LICENCE_CONTEXT = new RegExp(
  String.raw`\b(?:seats?|licen[cs](?:es?|ed)|log(?:ging)?[- ]?ins?|accounts?|access|view(?:ing|ers?)?|` +
    // "8 analysts can use it", "can log into the portal"
    String.raw`can (?:use|access|log into|sign into) (?:it|them|the (?:\w+ )?(?:app|system|tool|platform|portal))|` +
    String.raw`needs? (?:a |their own )?(?:seat|login|licen[cs]e))\b|` +
    // each one using the product: "each of them has to clock in", "all 60 techs get the app"
    String.raw`\b(?:has|have|need|needs) to (?:clock|log|sign|use)\b|\b(?:gets?|has|have|receives?|on) the (?:app|mobile app)\b|` +
    String.raw`\b(?:app|console)\s+for\s+(?:all\s+)?(?:\d+|${NUMBER_WORD})\b|` +
    // the product needed by, opened to or live for everyone counted ("needed for all 120 technicians")
    String.raw`\b(?:needed|required|live|access|acc[eè]s|acceso|zugang|accesso)\s+(?:for|pour|para|für|per)\s+` +
    String.raw`(?:all\s+|every\s+|tous les\s+|todos los\s+)?(?:\d|${NUMBER_WORD})`,
  "i",
);

const USER_ACCOUNTS = /\b(?:set(?:ting)? up|creat\w*|provision\w*|users?|log ?ins?|sign[- ]?ins?)\b/i;
const LEDGER_ACCOUNTS = /\b(?:gl|ledger|bank|general|chart|customer|client|key|receivable|payable)\b/i;

const WORK_VERB_BEFORE = new RegExp(
  String.raw`\b(?:Configure|Install|Deploy|Build|Migrate|Provide|Deliver|Train|Load|Create|Connect|Integrate|` +
    String.raw`Support|Supply|Furnish|Enable|Onboard|Add|Implement|Provision|Replace|Upgrade|Convert|Import|` +
    String.raw`Register|Activate|Commission|Set up|Roll out|Equip|Fit|Mount|Survey|Inspect|Digitise|Digitize)\s+$`,
);

/** "for the 311 call takers", "911 dispatch": a three-digit service line names the service, it counts nothing. */
const serviceLine = (text: string, numAt: number, numEnd: number) =>
  /^[2-9]11$/.test(text.slice(numAt, numEnd).trim()) &&
  !/\b(?:all|of)\s+$/i.test(text.slice(Math.max(0, numAt - 8), numAt));

/** "Orion 12 user forum", "Vista 7 upgrade": a version or model number after a product name, not a count. */
function versionNumber(text: string, numAt: number, numEnd: number, value: number): boolean {
  if (serviceLine(text, numAt, numEnd)) return true;
  const before = text.slice(Math.max(0, numAt - 20), numAt);
  // (as is a backlog item's size after its MoSCoW tag: "MUST 8  Tech login")
  if (/\b(?:MUST|SHOULD|COULD)\]?\s*$/.test(before)) return true;
  // (and a number that names a section, a form or a unit of the plan is its id, however large: "Section 5311
  // subrecipients", "Task 3 Vehicle integration", "Table 4 reports")
  if (
    /\b(?:section|§|part|article|clause|title|chapter|rule|form|schedule|exhibit|annex|appendix|attachment|table|task|subtask|phase|stage|step|milestone|deliverable|item|clin|wave|sprint|release|lot|tranche)\s*$/i.test(
      before,
    )
  )
    return true;
  return (
    value < 1000 &&
    // (a capitalised verb opening an instruction names no product: "Configure 6 kiosks", "Install 40 readers")
    ((/\b[A-Z][a-z]+\s+$/.test(before) && !WORK_VERB_BEFORE.test(before)) ||
      // an all-capitals product name ("LIMS 8"), not a label ("QTY 140", "ALL 42")
      /(?<![\w-])(?!(?:QTY|ALL|TOTAL|UP|TO|FOR|AND|THE|OF|USD|EUR|GBP|CAD|AUD|NZD|INR|NO|NR)\s)[A-Z]{3,}\s+$/.test(
        text.slice(Math.max(0, numAt - 20), numAt),
      )) &&
    !/^\s*(?:[A-Z]|\(|of\b)/.test(text.slice(numEnd))
  );
}

/**
 * "two extra sessions", "3 more sites", "adding 3 clinics": an addition, not a different total; "the existing 11
 * estates", "currently 9 clinics": today's state, not what is being bought.
 */
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH_RE}\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$`, "i");

const DAY_OF_MONTH = new RegExp(String.raw`^(?:st|nd|rd|th)?\.?\s*(?:of\s+)?${MONTH_RE}\b`, "i");

function isAddition(text: string, numAt: number, numEnd: number): boolean {
  return (
    /^\s*(?:\(\d+\)\s*)?(?:extra|additional|more|further|new|other|spare)\b/i.test(text.slice(numEnd)) ||
    /\b(?:an? additional|(?:an? )?extra|another|adding|add(?:s|ed)?|plus|existing|currently|the other|the remaining)\s+$/i.test(
      text.slice(Math.max(0, numAt - 16), numAt),
    ) ||
    // a part of a breakdown in brackets ("97 engineers (85 own + 12 contractors)")
    /\([^()]*\+\s*$/.test(text.slice(Math.max(0, numAt - 40), numAt)) ||
    // a digit inside an id ("DCB-R4") or an outline number ("II.5 Workshops", "2.5 Training") counts nothing
    /[A-Za-z]-?$/.test(text.slice(Math.max(0, numAt - 2), numAt)) ||
    // nor does the year of a date ("the July 2025 clinic season")
    (/^(?:19|20)\d\d$/.test(text.slice(numAt, numEnd).trim()) &&
      MONTH_BEFORE.test(text.slice(Math.max(0, numAt - 14), numAt))) ||
    // nor the day of one ("from 10 April the office", "on May 3 both clinics")
    (/^\d{1,2}$/.test(text.slice(numAt, numEnd).trim()) &&
      (DAY_OF_MONTH.test(text.slice(numEnd, numEnd + 14)) ||
        MONTH_BEFORE.test(text.slice(Math.max(0, numAt - 14), numAt)))) ||
    /(?:^|\s)(?:[IVX]+|\d+)\.$/.test(text.slice(Math.max(0, numAt - 6), numAt))
  );
}

interface Count {
  value: number;
  unit: string;
  start: number;
  end: number;
  bound: Quantity["bound"];
  /** a person counted by a noun of its own ("supervisors", "analysts"), who may each need a seat */
  person?: boolean;
}

const NUMERAL_AT = new RegExp(`^${NUM}`, "i");
/** Where the figure of a quantity ends: "two" in "two more buildings" is three characters, not one. */
const numeralEnd = (text: string, q: Quantity) =>
  q.start + (NUMERAL_AT.exec(text.slice(q.start, q.end))?.[0].length ?? String(q.value).length);

// "4 sessions for the office staff, plus 2 more for the vets": the clause's figures are parts, not the total
// (as are "four (4) sessions for the cashiers and two (2) for the permits office", "3 clinics in Leeds and 2 in York")
const PARTS = new RegExp(
  String.raw`\b(?:plus|and)\s+(?:another\s+)?(?:\d+|${NUMBER_WORD})\s+more\b|` +
    String.raw`\band\s+(?:\d+|${NUMBER_WORD})(?:\s*\(\d+\))?\s+(?:for|at|in|to)\s+(?:the\s+)?` +
    String.raw`(?!(?:year|month|phase|quarter|wave|fy)\b)\S`,
  "i",
);

const CONDITION_THRESHOLD = new RegExp(
  String.raw`\b(?:if|once|when|should|unless)\b[^.;]{0,40}\b(?:beyond|above|exceeds?|exceeding|past|over|` +
    String.raw`more than|under|below|fewer than)\s+$`,
  "i",
);
const TIME_UNITS = new Set(["day", "hour", "week", "month", "year", "session", "workshop"]);
/** The unit a plural label word names ("Trailers", "Kiosks"), or null. */
function labelUnit(word: string): string | null {
  if (!/^[A-Za-z]{4,}s$/.test(word) || /ss$/i.test(word)) return null;
  const u = unitOf(word) ?? `${stem(word)}`;
  return TIME_UNITS.has(u) || NOT_COUNTED.has(stem(word)) ? null : u;
}

const OWN_LOGIN = new RegExp(
  String.raw`\b(?:gets?|has|have|needs?|receives?)\s+(?:their|its|his|her|a)\s+own\s+` +
    String.raw`(?:log-?in|account|seat|licen[cs]e|user)\b|` +
    String.raw`\b(?:every one|each one|each|all) of them (?:needs?|gets?|has|have|will need|will get) ` +
    String.raw`(?:a|their own) (?:log-?in|account|seat|licen[cs]e)\b`,
  "i",
);
const PEOPLE_GROUP = new RegExp(
  String.raw`\b\d[\d,]*\s+(?:[\w-]+\s+)?(?:folks|people|staff|personnel|techs?|technicians|users|employees|` +
    String.raw`workers|members|agents|nurses|drivers)\b`,
  "gi",
);

/** What follows the day of a numeric date: "-11-2027", "/03/26". */
const DATE_TAIL = /^[-./]\d{1,2}[-./]\d{2,4}\b/;

function countsIn(text: string): Count[] {
  const out: Count[] = quantities(text)
    .filter((q) => !["day", "hour", "week", "month", "year"].includes(q.unit))
    // a range's far end ("3-5 so staff") and a product's version number count nothing
    .filter(
      (q) =>
        !/\d\s*[-–]\s*$|\d:$/.test(text.slice(Math.max(0, q.start - 3), q.start)) &&
        !/^\s*(?:[\w-]+\s+)?(?:h|hrs?|hours?|mins?|minutes?)\b/i.test(text.slice(numeralEnd(text, q))) &&
        !isAddition(text, q.start, numeralEnd(text, q)) &&
        !DATE_TAIL.test(text.slice(numeralEnd(text, q))) &&
        !versionNumber(text, q.start, numeralEnd(text, q), q.value),
    )
    .map((q) => ({ ...q }));
  // (each match resumes just past its number: "Schedule 1 lists one hundred and twelve (112) monitors" must not
  // swallow the "one hundred and" that the 1 fails to count)
  const re = new RegExp(OPEN_COUNT.source, OPEN_COUNT.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[1] ? m[0].indexOf(m[1]) : m[0].indexOf(m[2]));
    const numAt = m.index + m[0].indexOf(m[2]);
    re.lastIndex = numAt + m[2].length;
    if (out.some((q) => q.start <= numAt + m[2].length && q.end > start)) continue;
    const value = parseNumeral(m[2]) ?? parseNumberWords(m[2]);
    if (!value || value < 2 || !Number.isInteger(value)) continue;
    // a version or model number after a product name ("Prophet 21", "Dentrix 7")
    if (!m[1] && versionNumber(text, numAt, numAt + m[2].length, value)) continue;
    if (serviceLine(text, numAt, numAt + m[2].length)) continue;
    // (nor the minutes of a time stamp, "16:12 commercials", an issue's number, "#412 Stop import", or a year,
    // "Kestrel's 2025 loads")
    if (/\d\s*[-–]\s*$|\d:$|#$/.test(text.slice(Math.max(0, numAt - 3), numAt))) continue;
    if (/^(?:19|20)\d\d$/.test(m[2]) && /['’]s\s+$/.test(text.slice(Math.max(0, numAt - 4), numAt))) continue;
    // (a length before what it measures, "3 × 2 h online sessions", counts no sessions)
    if (/^\s*(?:h|hrs?|hours?|mins?|minutes?)\b/i.test(text.slice(numAt + m[2].length))) continue;
    // (nor the time a noun qualifies, "40 workshop hours", "12 consultant days": hours and days, not workshops)
    if (/^[\w-]+\s+(?:hrs?|hours?|mins?|minutes?|days?|weeks?)\b/i.test(m[3])) continue;
    if (isAddition(text, numAt, numAt + m[2].length)) continue;
    // (nor the day of a date, "all wards: 15-11-2027")
    if (DATE_TAIL.test(text.slice(numAt + m[2].length))) continue;
    if (
      /[$€£₹]\s*$/.test(text.slice(Math.max(0, m.index! - 2), m.index! + m[0].indexOf(m[2]))) ||
      /^\s*%/.test(text.slice(m.index! + m[0].indexOf(m[2]) + m[2].length))
    )
      continue;
    // (a figure "a site" or "per seat" is a price for each one: "four thousand three hundred fifty a site")
    if (/^(?:a|an|per|each)\s/i.test(m[3])) continue;
    const unit = countedNoun(
      m[3]
        .replace(/^of (?:the|their|your|our|its|his|her)\s+/i, "")
        .split(/\s+/)
        .slice(0, 4),
      /^(?:all|every one of)$/i.test(m[1] ?? "") || /\(\d[\d,]*\)/.test(m[0]),
    );
    if (!unit) continue;
    if (unit === "user" && /\bseats?\b/i.test(m[3]) && seatsToSit(text, m.index, m.index + m[0].length)) continue;
    const tailAt = numAt + m[2].length;
    const bound = countBound(
      /^(?:all|every one of)$/i.test(m[1] ?? "") ? undefined : m[1],
      text.slice(tailAt, tailAt + 4),
    );
    const noun = unit.replace(/^n:/, "");
    re.lastIndex = m.index + m[0].length;
    // (what a "who" follows is people, whatever the noun: "200 CRAs and field monitors who need logins")
    const who = /^[\w\s&/-]{0,30}?\bwho\b/i.test(text.slice(m.index + m[0].length));
    out.push({ value, unit: noun, start, end: m.index + m[0].length, bound, person: PERSON.test(noun) || who });
  }
  // whatever each one gets a login of its own is a user ("every one of their 40 growers gets their own login")
  if (OWN_LOGIN.test(text))
    for (const q of out.filter(
      (x) => x.unit !== "user" && !x.person && !TIME_UNITS.has(x.unit) && x.start < text.search(OWN_LOGIN),
    ))
      out.push({ ...q, unit: "user" });
  // people who each need a seat are a count of users ("150 supervisors who need seats", "65 people viewing"), unless
  // the text counts several groups of them ("28 techs, 6 office folks … everyone on the app": the users are all)
  if (LICENCE_CONTEXT.test(text) && (text.match(PEOPLE_GROUP) ?? []).length < 2)
    for (const q of out.filter(
      (x) =>
        x.unit !== "user" &&
        (x.person || PERSON.test(x.unit) || x.unit === "people") &&
        // (the seller's own people are not the customer's users: "VPN accounts for eight Contractor staff")
        !/\b(?:contractor|vendor|supplier|consultant|provider|our)\b/i.test(text.slice(x.start, x.end)) &&
        // (nor is a breakdown in brackets: "52 groomers (40 staff + 12 contractors)")
        !/\([^)]*$/.test(text.slice(0, x.start)),
    ))
      out.push({ ...q, unit: "user" });
  // accounts someone sets up for people to log in are users ("we will set up 150 accounts")
  if (USER_ACCOUNTS.test(text) && !LEDGER_ACCOUNTS.test(text))
    for (const q of out.filter((x) => x.unit === "account")) out.push({ ...q, unit: "user" });
  // "Turbines licensed: 72", "Active studies: 15"
  if (text.includes(":"))
    for (const m of text.matchAll(LABEL_COUNT)) {
      const value = parseNumeral(m[3]) ?? parseNumberWords(m[3]);
      const words = m[1].split(/\s+/);
      // (a label ending in what is bought counts that: "Agent seats: 40" buys forty seats, for forty agents)
      const unit =
        (/\b(?:seats?|licen[cs]es?|users?)$/i.test(m[1]) ? "user" : null) ??
        unitOf(m[1]) ??
        countedNoun(words) ??
        countedNoun(words.reverse());
      if (!value || !unit || value < 2) continue;
      // ("Go-live at Harbour Clinic: 4 October 2027" dates the clinic, it counts none)
      // (nor does a length written before its noun: "Site app tags: 7-day inspection")
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 14);
      if (dateOrLengthNext(after)) continue;
      const start = m.index!;
      const over = out.find((q) => q.start < start + m[0].length && q.end > start);
      // the label names what a figure counts where its own noun says less ("Trailers: 540 dry vans", "Kiosks: 18
      // units")
      if (over) {
        const label = m[1].split(/\s+/);
        const head = label.length <= 2 ? labelUnit(label[label.length - 1]) : null;
        const rest = text.slice(over.end, over.end + 30);
        if (
          head &&
          over.value === value &&
          over.unit !== head &&
          !TIME_UNITS.has(over.unit) &&
          !/^\s*(?:each|per|a piece)\b|\b(?:plus|and|\+|&)\s+(?:\d|a |an |one |two |three )/i.test(rest)
        )
          out.push({ ...over, unit: head });
        continue;
      }
      // (a figure with a plural noun of its own counts that, not the label)
      if (ownNouns(text, m.index! + m[0].length, unit.replace(/^n:/, "")).length) continue;
      out.push({
        value,
        unit: unit.replace(/^n:/, ""),
        start,
        end: start + m[0].length,
        bound: /up to/i.test(m[2] ?? "") ? "max" : m[2] ? "approx" : "exact",
      });
    }
  // "Eighteen inspector licences" buys seats for eighteen inspectors: the people count too, as a row's "inspector
  // licence | 18" does
  for (const q of [...out]) {
    if (q.unit !== "user") continue;
    // (or labels it: "Teacher seats: 45")
    const near = text.slice(q.start, q.end + 20);
    const holder = (/^\S+\s+([a-z]{3,}?)s?\s+(?:licen[cs]es|seats)\b/i.exec(near) ??
      /^([a-z]{3,}?)s?\s+(?:licen[cs]es|seats)\s*:/i.exec(near))?.[1];
    if (holder && PERSON.test(holder)) out.push({ ...q, unit: stem(`${holder}s`) });
  }
  // a count for each of something else is a rate, not a total ("forty logins per school", "two trainers at each
  // site"): the total is the rate times a count the clause may not give
  const each = out.filter((q) => !PER_EACH.test(text.slice(q.end, q.end + 40)));
  // licences the customer issues to the public (beside its permits) are permits, not seats
  if (/\bissu(?:e|es|ed|ing)\b|\bpermits\b/i.test(text))
    return each.filter((q) => !(q.unit === "user" && /licen[cs]e/i.test(text.slice(q.start, q.end + 24))));
  return each;
}
const PER_EACH = new RegExp(
  String.raw`^(?:\s+[\p{L}-]+){0,2}?\s+(?:per|(?:for |in |at )?(?:each|every))\s+` +
    String.raw`(?!(?:month|year|annum|week|day|hour|quarter|term|semester|shift|season|sprint|release|wave|phase)s?\b)` +
    String.raw`(?:[\p{L}-]+\s+)?(?:school|site|location|branch|office|store|clinic|depot|campus|college|hospital|` +
    String.raw`ward|facility|plant|warehouse|region|district|department|team|unit|entity|station|property|member|` +
    String.raw`institution|customer|client|venue|library|county|state|country|court|agency)s?\b`,
  "iu",
);

const DEFINED = /["“]([A-Z][\w &/-]{1,40}?)["”]\s*(?:means|shall mean|refers to|:)\s/;
const DEFINED_FIGURE = new RegExp(
  String.raw`\b(up to (?:a maximum of )?|not exceeding |no more than |a maximum of )?(?:${NUM})?\s*\((\d[\d,]*)\)`,
  "i",
);

/** The count a legal definition gives its term ('"Kennels" means the nine (9) boarding runs …'). */
function definedCount(source: TextSource, c: Span, found: Fact[]) {
  const d = DEFINED.exec(c.text);
  if (!d) return;
  const words = d[1].trim().split(/\s+/);
  const last = words[words.length - 1];
  const unit = unitOf(d[1]) ?? unitOf(last) ?? (/^[A-Za-z]{4,}s$/.test(last) && !/ss$/i.test(last) ? stem(last) : null);
  const rest = c.text.slice(d.index + d[0].length);
  const f = DEFINED_FIGURE.exec(rest);
  if (!unit || !f || NOT_COUNTED.has(unit)) return;
  const value = parseNumeral(f[2]);
  if (!value || value < 2 || found.some((x) => x.key === `count:${unit}` && x.value === value)) return;
  // (a length in the definition measures something else: "… whose contracts cover ten (10) months of service")
  if (/^\s*(?:months?|years?|weeks?|days?|hours?)\b/i.test(rest.slice(f.index + f[0].length))) return;
  found.push(fact("count", source, `count:${unit}`, value, f[1] ? "max" : "exact", c));
}

/** The unit a two-word name counts, only when the two words are one name ("power unit", "named user"). */
const UNIT_PAIR = (two: string): string | null => {
  const u = unitOf(two);
  return u && u !== unitOf(two.split(/\s+/)[0]) && u !== unitOf(two.split(/\s+/)[1]) ? u : null;
};

/** A length of time, which a row or a price "per …" never counts. */
const TIME_UNIT = /^(?:year|month|week|day|hour)$/;
/** A price sheet's column saying what each row is priced per ("Unit basis: per route bus"). */
const BASIS_HEADER = /^(?:unit basis|basis|pricing basis|priced per)$/i;
const NOT_A_UNIT = new RegExp(
  String.raw`^(?:ea|each|lot|ls|lump sum|sum|job|set|pcs?|nos?|item|yrs?|mos?|hrs?|wks?|year|month|hour|day|week|` +
    String.raw`one-time|fixed)$`,
  "i",
);

// a quantity column, in the languages order forms come in ("Cant.", "Qté", "Menge", "Anzahl", "Aantal")
const QTY_HEADER = new RegExp(
  String.raw`^(?:qty|quantity|units?|count|#|no\.? of|seats|licen[cs]es|users|volume)\b|` +
    String.raw`^(?:cant|cantidad|qt[ée]|quantit[ée]|menge|anzahl|qtd|quantidade|aantal|antal|quantit[àa])` +
    String.raw`(?=$|[\s.:(])`,
  "i",
);

/** A table row's quantity: the Qty column's number counts the row's described thing. */
/** A list line that gives its quantity last: "Line 1. Editor Seat (Premiere Pro panel) — qty 18", "…, QTY 140". */
const QTY_TAIL = /(?:\s[—–-]|,)\s*(?:qty|quantity)\.?:?\s*(\d[\d,]*)\s*[,.;]?\s*$/i;

const PLACE_PRODUCT =
  /^\W*(?:[\w-]+\s+){0,2}(?:site|store|branch|clinic|depot|office|field|yard)\s+(?:app|portal|module|edition|console|hub)\b/i;

const OWN_COUNT = new RegExp(String.raw`(?:\b\d+|\b${NUMBER_WORD})\s+([A-Za-z][\w-]*)`, "gi");
export function rowCount(b: Block): { value: number; units: string[]; per: boolean } | null {
  // (a line of the list is read as a row of two cells: what it sells, then how many)
  const inline = b.cells || !b.rawId ? null : QTY_TAIL.exec(b.text);
  if (!b.cells && !inline) return null;
  const ints = (b.cells ?? []).filter((c) => /^\d[\d,]*$/.test(c.text.trim()) && c.text !== b.rawId);
  const qty = inline
    ? { text: inline[1] }
    : (b.cells!.find((c) => QTY_HEADER.test(c.header) && /^\d[\d,]*$/.test(c.text.trim())) ??
      (b.cells!.every((c) => !c.header) && ints.length === 1 ? ints[0] : undefined));
  if (!qty) return null;
  // ("Autoclave-rated garment tag (per 100) | 26": twenty-six hundreds)
  const pack = /\(per ([0-9]{2,3}|[0-9]{1,3},[0-9]{3})\)/i.exec(b.head.text);
  const value = Number(qty.text.replace(/,/g, "")) * (pack ? Number(pack[1].replace(/,/g, "")) : 1);
  if (value < 2) return null;
  const desc = inline
    ? b.text
        .slice(b.head.start - b.start, inline.index)
        .replace(/\([^)]*\)/g, " ")
        .trim()
    : b.head.text;
  // "Seat licence, per nurse per year": the row is priced by what it counts
  const perMatch = [...desc.matchAll(/\bper\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?/gi)].find(
    (m) => !/^(?:month|year|annum|week|day|hour|mo|yr)$/i.test(m[1]),
  );
  // ("per named user/month", "per active seat": the word before the unit only says which)
  const per =
    perMatch?.[2] &&
    !unitOf(perMatch[1]) &&
    /^(?:named|active|concurrent|enrolled|registered|licensed)$/i.test(perMatch[1])
      ? perMatch[2]
      : perMatch?.[1];
  // ("per power unit": a two-word name first)
  const perPair = perMatch?.[2] ? UNIT_PAIR(`${perMatch[1]} ${perMatch[2]}`) : null;
  // ("Mobile Client – Field User", "Contractor Portal – contractor organisation": the product, then what it counts)
  // (a licence is for the thing before it: "hospital site licence" counts sites)
  const sold = /\S\s+[—–-]\s+([A-Za-z][\w-]*(?:\s+[\w-]+){1,3})$/
    .exec(desc.trim())?.[1]
    .replace(/\s+(?:licen[cs]es?|subscriptions?|seats?|packs?)$/i, "");
  const described =
    perPair ||
    (per && (unitOf(per) ?? `n:${stem(/s$/i.test(per) ? per : `${per}s`)}`)) ||
    (sold && (countedNoun(sold.split(/\s+/).reverse()) ?? countedNoun([`${sold.split(/\s+/).pop()}s`]))) ||
    // (a place that names a product's edition is no place: "Site app, field licence", "Store portal seat")
    (PLACE_PRODUCT.test(desc) && /\b(?:licen[cs]es?|seats?|users?)\b/i.test(desc) ? "user" : null) ||
    unitOf(desc) ||
    countedNoun(
      desc
        .split(/[\s,()—–]+|\s-\s/)
        .filter(Boolean)
        .reverse(),
    );
  // a unit column names what the quantity counts too ("| 10 | user |", "| 110 | bus |"), unless it is a period, a
  // session or a lot
  // (a price sheet's "Unit basis" column says it per thing: "per route bus", "per school / year", "per enrolled
  // student, per year" count buses, schools and students)
  const named = (
    (b.cells ?? [])
      .find((c) => /^(?:unit|uom|unit of measure)$/i.test(c.header.trim()) || BASIS_HEADER.test(c.header.trim()))
      ?.text.trim() ?? ""
  )
    .replace(/^per\s+/i, "")
    .split(/\s*[/,;]\s*/)[0]
    .split(/\s+/)
    .pop()!;
  // (a quantity of months or years bought counts time, not the thing described: "back office, SaaS | 12 | MO")
  if (/^(?:mos?|months?|mths?|yrs?|years?|wks?|weeks?|days?|hrs?|hours?)$/i.test(named)) return null;
  // ("EA", "LOT", "job": each of the described thing, not a thing of its own)
  const column =
    /^[a-z][a-z -]{1,20}$/i.test(named) && !NOT_A_UNIT.test(named)
      ? (countedNoun([named.toLowerCase()]) ?? countedNoun([`${named}s`]) ?? countedNoun([`${named}es`]))
      : null;
  // "appraiser license | 12": seats for twelve appraisers (the people, as a note counts them, and the seats)
  const holder = /\b([a-z]{3,}?)s? (?:licen[cs]es?|seats?)\b/i.exec(desc)?.[1];
  const people = holder && PERSON.test(holder) ? stem(`${holder}s`) : null;
  // "asset tag | 500", "cart tag | 28,000": a tag or sensor is fitted one to each of the thing it names
  const fitted = /\b([a-z]{3,}?)s? (?:tags?|labels?|stickers?|sensors?|trackers?|beacons?|transponders?)\b/i.exec(
    desc,
  )?.[1];
  const bearer =
    fitted && !/^(?:rfid|nfc|gps|smart|asset-?less)$/i.test(fitted)
      ? (unitOf(fitted) ?? countedNoun([`${fitted}s`]))
      : null;
  const units = [
    ...new Set(
      // (a unit column says what is counted: "for the design office | workstation | 24" counts no offices)
      [column && !per && !perPair ? null : described, column, people, bearer]
        .filter((u): u is string => !!u && !TIME_UNIT.test(u))
        .map((u) => u.replace(/^n:/, "")),
    ),
  ];
  // a description that counts its own thing ("subscription, up to 3,000 worker records | 2 |") leaves the Qty column
  // counting something else (years, subscriptions)
  // ("Object photography, 2 views | 4,800": the views are per object; the column counts objects)
  const ownCount = [...desc.matchAll(OWN_COUNT)].some((m) => {
    const u = countedNoun([m[1]]);
    return u !== null && units.includes(u.replace(/^n:/, ""));
  });
  if (ownCount || quantities(desc).some((q) => units.includes(q.unit))) return null;
  return units.length ? { value, units, per: Boolean(per) } : null;
}

const REFUSED_BEFORE =
  /\b(?:said no to|declined|rejected|turned down|refused|denied|wouldn'?t (?:do|give|go to))\s+(?:the\s+|their\s+|an?\s+)?(?:request(?:ed)?\s+(?:for\s+)?)?$/i;

function statementsOf(text: string): { span: Span; block: Block }[] {
  const out: { span: Span; block: Block }[] = [];
  for (const b of documentOf(text).blocks) {
    if (b.heading) continue;
    if (b.cells) out.push({ span: { start: b.start, end: b.end, text: b.text }, block: b });
    else for (const s of sentences(text, b.head.start, b.end)) out.push({ span: s, block: b });
  }
  return out;
}

/** Every fact of every field of a packet. */
export function factsOf(ctx: Context): Fact[] {
  const out: Fact[] = [];
  const dayFirst = ctx.dayFirst;
  const place = workPlace(ctx.text("order_form"));
  for (const source of TEXT_SOURCES) {
    const text = ctx.text(source);
    if (
      !text.trim() ||
      (!HAS_NUMBER.test(text) &&
        !CADENCE_HINT.test(text) &&
        !EVENT_MONTHS.some(([re]) => re.test(text)) &&
        !LANGUAGES_NAMED.test(text) &&
        (CONTRACT_SOURCES.has(source) || !MONTH_WORD.test(text)))
    )
      continue;
    const from = out.length;
    fieldFacts(source, text, dayFirst, out, place);
    // "the order says 2,800 units but really it's 3,150 now": the note's own count is the correction
    for (const m of text.matchAll(CORRECTION)) {
      const [said, real] = [parseNumeral(m[1]), parseNumeral(m[3])];
      const at = m.index! + m[0].indexOf(m[1]);
      for (const f of out.slice(from))
        if (f.kind === "count" && f.value === said && f.clause.start <= at && f.clause.end > at)
          f.value = real ?? f.value;
    }
  }
  // "the last seven years" of history is history from seven years before the contract's year, so it can meet "since
  // 2009" (the contract's year: the latest year its scope and order form name)
  const years = [...`${ctx.text("signed_scope")} ${ctx.text("order_form")}`.matchAll(/\b(20\d\d)\b/g)].map((m) =>
    Number(m[1]),
  );
  const now = years.length ? Math.max(...years) : 0;
  if (now && out.some((f) => f.key === "history:from"))
    for (const f of out.filter((x) => x.key === "history:month" && x.value % 12 === 0 && x.bound === "exact"))
      out.push({ ...f, kind: "count", key: "history:from", value: now - f.value / 12 });
  return out;
}

const CORRECTION = new RegExp(
  String.raw`\b(\d[\d,.]*)\s+([a-z][\w-]*)\s*,?\s+but\s+(?:really|actually|in fact|in reality)\s*,?\s*` +
    String.raw`(?:it'?s|it is|there are|they have|they'?ve got|they'?re at)\s+` +
    String.raw`(?:about|around|roughly|~)?\s*(\d[\d,.]*)`,
  "gi",
);
const MONTH_WORD = new RegExp(String.raw`\b${MONTH_RE}`, "i");
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;
const WEEKDAY_NAME = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?/gi;

// capitalised words of the contract that say nothing about which product it is
const NOT_A_PRODUCT = new RegExp(
  [
    String.raw`^(?:the|and|for|with|per|term|total|subtotal|year|years|month|months|annual|monthly|fee|fees|price|`,
    String.raw`implementation|subscription|services?|training|support|order|form|quote|qty|unit|units|user|users|`,
    String.raw`licen[cs]es?|line|item|description|amount|discount|payment|invoice|sow|statement|work|scope|`,
    String.raw`customer|client|vendor|provider|section|schedule|phase|acceptance|deliverables?|professional|`,
    String.raw`standard|premium|enterprise|edition|platform|module|add|includes?|not|all|one|two|three)$`,
  ].join(""),
  "i",
);

/**
 * Where a sales-side clause puts the customer to work: "onto the new platform", or on, off, through or using the
 * product by a name the order form writes ("Payflow", "Kennelwise"). A place takes "in" too ("live in Leeds from
 * May"), so a name takes only the prepositions of a tool. One pattern per packet.
 */
function workPlace(orderForm: string): RegExp {
  const names = new Set<string>();
  for (const m of orderForm.matchAll(/(?<![\p{L}\d])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*(?![\p{L}\d])/gu))
    if (!NOT_A_PRODUCT.test(m[0]) && !MONTH_WORD.test(m[0]) && !WEEKDAY.test(m[0])) names.add(m[0]);
  const named = names.size
    ? String.raw`|\b(?:on|off|through|onto|using|via)\s+(?:${[...names].join("|")})(?![\p{L}\d])`
    : "";
  return new RegExp(
    String.raw`\b(?:in|on|off|through|into|onto|using|via)\s+(?:the\s+)?new\s+(?:system|platform|app|portal|tool|` +
      String.raw`software)\b${named}`,
    "u",
  );
}

/**
 * The day a sales-side clause says the customer is working in the product ("paying staff off Payflow from mid-May",
 * "on the new app by 23 March"): its go-live, in words that never say "go-live".
 */
function workingFrom(c: Span, place: RegExp, dayFirst: boolean): ClauseFact | null {
  const where = place.exec(c.text);
  if (!where) return null;
  const after = where.index + where[0].length;
  const d = dateMentions(c.text, { dayFirst }).find(
    (x) => x.start >= after && x.start - after <= 60 && x.key && /^\d{2}(?:-\d{2})?$/.test(x.key),
  );
  if (!d) return null;
  const lead = c.text.slice(after, d.start);
  if (!/\b(?:from|by|before|starting|as of|no later than|in time for)\b/i.test(lead)) return null;
  // a part of the rollout is not its go-live ("the pilot clinic in Kennelwise by May")
  if (/\b(?:pilot|phase|wave|stage|test(?:ing)?|trial|uat|training|demo|sandbox|preview)\b/i.test(c.text)) return null;
  // records in the product from a date are its history ("invoices in Payflow from January 2020 onwards")
  if (
    /\b(?:history|historical|records?|data|archive|since|back to)\b/i.test(c.text) ||
    /^\S*\s+onwards?\b/i.test(c.text.slice(d.end))
  )
    return null;
  const [mm, dd] = d.key!.split("-").map(Number);
  const bound = /\b(?:by|before|no later than|in time for)\b/i.test(lead) ? "max" : dd ? "exact" : "approx";
  return { kind: "date", key: "date:golive", value: mm * 100 + (dd || 0), bound, start: 0, end: c.text.length };
}

/** The facts of one field (never from text a redline struck out: it is blanked, so offsets stay true). */
function fieldFacts(source: TextSource, original: string, dayFirst: boolean, out: Fact[], place: RegExp): void {
  const text =
    original.includes("~~") || original.includes("[") || original.includes("<")
      ? original.replace(STRUCK, (m) => " ".repeat(m.length))
      : original;
  // the one currency a form's prices are in, when it names one ("All prices in AUD", "Currency: EUR")
  const signs = new Set(
    source === "order_form" ? [...text.matchAll(CURRENCY_CODE)].map((m) => currencySign(m[0])) : [],
  );
  const formSign = signs.size === 1 ? [...signs][0] : null;
  {
    for (const { span: u, block } of statementsOf(text)) {
      // acceptance tests count samples, not contracted quantities; a numbered item under a mixed heading is scope
      if (
        /^(?:acceptance|accepted|complete|done|ready (?:when|if))\b/i.test(u.text) ||
        // a question states no term ("Can go-live move to July?")
        (!CONTRACT_SOURCES.has(source) && /\?["”)]?\s*$/.test(u.text))
      )
        continue;
      // (a line under acceptance states its milestone dates, whatever samples it counts)
      const testing = block.section.kind === "acceptance" && !block.rawId;
      if (testing && !MILESTONE_HINT.test(u.text)) continue;
      const row = rowCount(block);
      // (a row bought by the hour, "| per hour | 80 |", is a budget of hours)
      const hourly = block.cells?.find(
        (x) => /^(?:unit basis|basis|unit)$/i.test(x.header.trim()) && /^per\s+(?:hour|hr)\b/i.test(x.text.trim()),
      );
      const hours =
        hourly &&
        block.cells!.find((x) => /^(?:qty|quantity)$/i.test(x.header.trim()) && /^\d[\d,]*$/.test(x.text.trim()));
      if (hours && u.start === block.start)
        out.push(
          fact(
            "count",
            source,
            "budget:hour",
            Number(hours.text.replace(/,/g, "")),
            "exact",
            trimRow(text, { start: block.start, end: block.end, text: block.text }),
          ),
        );
      if (row && u.start === (block.cells ? block.start : block.head.start) && !testing) {
        const cite = block.cells ? { start: block.start, end: block.end, text: block.text } : u;
        for (const unit of row.units)
          out.push(fact("count", source, `count:${unit}`, row.value, "exact", trimRow(text, cite)));
        // a row priced per person ("EHR, per prescriber per month | 14") buys that many seats
        if (!row.units.includes("user") && row.per && PERSON.test(row.units[0]))
          out.push(fact("count", source, "count:user", row.value, "exact", trimRow(text, cite)));
        // a price sheet's unit cost per its basis ("| per enrolled student | 14,250 | $3.40 |"), compared per month
        const basis = block.cells?.find((x) => BASIS_HEADER.test(x.header.trim()));
        const each = block.cells?.find((x) => /^unit (?:cost|price)$|^rate$|^each$/i.test(x.header.trim()));
        const amount =
          each && /^[$€£₹]\s?[\d,]+(?:\.\d+)?$/.test(each.text.trim())
            ? parseMoney(each.text.trim().slice(1).trim(), undefined)
            : null;
        const per =
          basis && /^per\s+/i.test(basis.text.trim())
            ? row.units.find((x) => basis.text.toLowerCase().includes(x))
            : undefined;
        if (amount && per) {
          const yearly = /\b(?:year|yr|annual|annum)\b/i.test(`${basis!.text} ${block.head.text}`);
          const key = unitOf(per) === "user" || PRICED_PERSON.test(per) ? "price:user" : `price:${stem(per)}`;
          out.push(
            fact(
              "money",
              source,
              key,
              Math.round((yearly ? amount / 12 : amount) * 100) / 100,
              "exact",
              trimRow(text, cite),
            ),
          );
        }
      }
      // a rate card's row ("| Sr. consultant | $195 | 480 |"): the rate of the role it names
      const rate = u.start === block.start ? block.cells?.find((x) => RATE_HEADER.test(x.header.trim())) : undefined;
      const amount = rate && /^[$€£₹]\s?([\d,]+(?:\.\d+)?)(?:\s*\/\s*h(?:ou)?r)?$/.exec(rate.text.trim());
      const role = amount ? roleRate(block.cells!.find((x) => x !== rate && x.text.trim())?.text ?? "") : null;
      if (amount && role)
        out.push(fact("money", source, role, Number(amount[1].replace(/,/g, "")), "exact", trimRow(text, u)));
      if (!row && !testing) {
        daysAtRate(source, u, block, out);
        pricedAt(source, u, out);
        pricedUnder(source, text, u, out);
        languagesListed(source, u, out);
      }
      // (a sales-side line with a month and no figure can still say when the customer works in the product)
      const monthOnly =
        !HAS_NUMBER.test(u.text) && !CADENCE_HINT.test(u.text) && !EVENT_MONTHS.some(([re]) => re.test(u.text));
      if (monthOnly && (CONTRACT_SOURCES.has(source) || !MONTH_WORD.test(u.text))) continue;
      const topic = SUBSCRIPTION.test(u.text) ? "s" : SERVICES.test(u.text) ? "v" : "-";
      const parts = PARTS.test(u.text);
      // a row's acceptance column counts the sample it tests ("12 clerks each post a day of entries in UAT"), not the scope
      const testCells = block.cells?.filter((x) => ACCEPTANCE_COLUMN.test(x.header)) ?? [];
      for (const c of block.cells ? [u] : clauses(text, u.start, u.end, { commas: true })) {
        // the facts of a clause depend on its words only: boilerplate sentences repeat across packets, read them once
        // (emphasis marks are no words: "four hundred (400) **Teaching Spaces**")
        let read = c.text.replace(/\*\*|__/g, "  ");
        for (const x of testCells)
          read = read.slice(0, x.start - c.start) + " ".repeat(x.end - x.start) + read.slice(x.end - c.start);
        // a bare figure under a column that names its currency ("| Total GBP |" over "| 214,000 |") is money: the
        // space before it takes the currency's sign, so every offset stays where it was
        // (one such figure only: a unit price beside its extension says the row's price twice, in two ways)
        // (or under a price column of a form that names one currency: "Prices in NZD" over "| … | 421,000.00 |")
        const signOf = (x: Cell) => currencySign(x.header) ?? (PRICE_COLUMN.test(x.header) ? formSign : null);
        const priced = (block.cells ?? []).filter((x) => signOf(x) && BARE_AMOUNT.test(x.text.trim()));
        // (or twice the same: a row of one, "| 1 | 421,000.00 | 421,000.00 |")
        const once = priced.length === 1 || (priced.length === 2 && priced[0].text.trim() === priced[1].text.trim());
        const at = once ? priced[0].start - c.start - 1 : -1;
        if (at >= 0 && read[at] === " ") read = read.slice(0, at) + signOf(priced[0])! + read.slice(at + 1);
        // (a contract's checklist line under a story is its test: "- [ ] 30 students each receive a copy" is a sample)
        const criterion = CONTRACT_SOURCES.has(source) && CHECKBOX.test(c.text);
        const level = block.rawId && c.start === u.start ? (PRIORITY.exec(block.rawId)?.[1] ?? "-") : "-";
        // (a clause that names its own kind of fee says which: "subscription NZD 138,000 per annum, implementation
        // fixed price NZD 412,000")
        const own = c.text === u.text ? topic : SUBSCRIPTION.test(c.text) ? "s" : SERVICES.test(c.text) ? "v" : topic;
        const flags = `${row ? 1 : 0}${dayFirst ? 1 : 0}${own}${level}`;
        const all = monthOnly ? [] : [...clauseFacts(`${flags}${read}`)];
        // (a test column still dates its milestone: "| Automate | … | Reconciliations live in production, 15 June |")
        for (const x of testCells)
          if (!monthOnly && MILESTONE_HINT.test(x.text))
            for (const r of clauseFacts(`${flags}${x.text}`))
              if (r.kind === "date" && r.key !== "date:item" && !all.some((a) => a.key === r.key))
                all.push({ ...r, start: r.start + x.start - c.start, end: r.end + x.start - c.start });
        const rs =
          testing || criterion
            ? all.filter((r) => r.kind === "date" && r.key !== "date:item")
            : parts
              ? all.filter((r) => r.kind !== "count")
              : all;
        const live =
          !CONTRACT_SOURCES.has(source) && !rs.some((r) => r.key === "date:golive")
            ? workingFrom(c, place, dayFirst)
            : null;
        // people counted in one clause who "have accounts" in the next are users too ("All 52 members, officers and
        // staff have accounts on day one")
        const seatsInStatement =
          c.end < u.end &&
          LICENCE_CONTEXT.test(text.slice(c.end, u.end)) &&
          !LICENCE_CONTEXT.test(c.text) &&
          (u.text.match(PEOPLE_GROUP) ?? []).length < 2;
        const seated = seatsInStatement
          ? rs
              .filter(
                (r) =>
                  r.kind === "count" &&
                  (PERSON.test(r.key.slice(6)) || OWN_LOGIN.test(text.slice(c.end, u.end))) &&
                  !TIME_UNITS.has(r.key.slice(6)) &&
                  !rs.some((x) => x.key === "count:user"),
              )
              .map((r) => ({ ...r, key: "count:user" }))
          : [];
        for (const r of live ? [...rs, ...seated, live] : [...rs, ...seated]) {
          // a length under the contract's "Term" heading is the term ("SECTION 4. CONTRACT TERM  …(24 months)")
          // (as is the length on an order form's licence line: "140 named users — £38.00 per user per month — 36
          // months")
          const licenceLine = source === "order_form" && LICENCE_TERM_LINE.test(u.text);
          // (as is one under a run-in "Period of Performance." title)
          const termTitled = block.section.kind === "term" || /^period of performance$/.test(block.label);
          // (an option period's length is no term of the base contract: "Option Periods … 12 months each")
          const key =
            (termTitled || licenceLine) && r.key === "ctx:month"
              ? "term:month"
              : r.key === "term:month" &&
                  (OPTION_PERIOD.test(c.text) ||
                    (OPTION_PERIOD.test(text.slice(u.start, c.start)) && !/\bbase\b/i.test(c.text)))
                ? "term:option"
                : r.key;
          // (a length that only follows its line's label is the label's: "Discovery sprint — 3 weeks, fixed")
          const from =
            r.kind === "duration" && termSet(c.text.slice(r.start, r.end)).size <= 1
              ? labelledFrom(text, u.start, c.start + r.start)
              : c.start + r.start;
          out.push(
            fact(r.kind, source, key, r.value, r.bound, {
              start: from,
              end: c.start + r.end,
              text: text.slice(from, c.start + r.end),
            }),
          );
        }
      }
      // a run-in "Period of Performance." title gives the dates under it their topic
      if (/^period of performance$/.test(block.label) && !DURATION_TOPICS[0][1].test(u.text) && !block.cells)
        termRange(source, u, out, true);
      // a defined term counts what it names: '"Named Users" means … up to a maximum of sixty (60)'
      if (!row && !testing && !block.cells) definedCount(source, u, out);
      // a contract's schedule is its table rows and numbered lines, not dates in its prose
      const scheduleLine = !!block.cells || (!!block.rawId && u.start === block.start);
      const due =
        !testing && (scheduleLine || !CONTRACT_SOURCES.has(source)) ? itemDates(source, u.text, dayFirst) : [];
      for (const d of due) out.push({ ...fact("date", source, "date:item", d.value, d.bound, trimRow(text, u)), ...d });
      for (const m of (testing ? "" : u.text).matchAll(DISCOUNT_PERCENT)) {
        // (a discount added to the agreed one is another concession, not the same one restated: "another 5% off")
        if (
          /\b(?:another|an? (?:extra|additional|further)|extra|additional|further)\s+$/i.test(u.text.slice(0, m.index!))
        )
          continue;
        if (REFUSED_BEFORE.test(u.text.slice(Math.max(0, m.index! - 40), m.index!))) continue;
        out.push(fact("percent", source, "discount%", Number(m[1] ?? m[2]), "exact", u));
      }
      // a discount column's cell ("| Discount | … | 10% |")
      const off = testing ? undefined : block.cells?.find((x) => /\bdisc(?:ount)?\b|^off$/.test(x.header));
      const pct = off && /^(\d+(?:\.\d+)?)\s?%$/.exec(off.text.trim());
      if (pct && Number(pct[1]) > 0) out.push(fact("percent", source, "discount%", Number(pct[1]), "exact", u));
      // how much of a fee falls due at signature ("invoiced 30% at signature, 30% at pilot sign-off …")
      const upfront = testing ? null : AT_SIGNATURE.exec(u.text);
      if (upfront) out.push(fact("percent", source, "payment:at-signature%", Number(upfront[1]), "exact", u));
    }
  }
}

interface ClauseFact {
  kind: FactKind;
  key: string;
  value: number;
  bound: Quantity["bound"];
  /** offsets into the clause */
  start: number;
  end: number;
}

const PRICED_COUNT = new RegExp(
  // ("640 | AUD 95.00 per space p.a.": a quantity cell beside its unit price)
  String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:[×x]|@|\|)\s*(?:[A-Z]{1,3}\$|[$€£₹]|[A-Z]{3}\s?)` +
    String.raw`[\d.,]+\s*(?:\/|per\s+)` +
    String.raw`([A-Za-z]+)`,
  "g",
);

const PRICED_AT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s*[@×]\s*[$€£₹]/g;
const PRICED_PER = /\bper\s+(?:[A-Za-z][\w-]*\s+){0,2}([A-Za-z][\w-]*)[\s—–:-]*$/i;

/**
 * A line item bought at a unit price ("LPR integration, per enforcement vehicle — 4 @ $9,800.00", "Kennels — 22 ×
 * €30/mo") counts what it is priced per, or else what it describes.
 */
function pricedAt(source: TextSource, u: Span, out: Fact[]) {
  if (!/\d\s*[@×]\s*[$€£₹]/.test(u.text) || EXPLAINED.test(u.text)) return;
  for (const m of u.text.matchAll(PRICED_AT)) {
    const value = parseNumeral(m[1]);
    const before = u.text.slice(0, m.index).replace(/^\s*(?:line|item)\s*\d+\s*[—–:.-]\s*/i, "");
    const per = PRICED_PER.exec(before)?.[1];
    const unit = per ? unitOf(per) : unitOf(before.split(/[,—–(]/)[0]);
    // ("Additional entities ..... 2 × $150/mo": more of them, not all of them)
    if (/\b(?:additional|extra|further|more)\b/i.test(before)) continue;
    if (value && value > 1 && unit && !TIME_UNITS.has(unit))
      out.push(fact("count", source, `count:${unit}`, value, "exact", u));
  }
}

// days bought at one daily rate: "$1,150.00 per diem, 90 days", "€980/day × 40 days"; a resource table's row
// ("| Senior Developer | 3 | $1,150.00 | 100 |" under "Per diem | Days") says the same
const DAY_RATE = String.raw`[$€£]\s?(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)`;
const DAYS_AT_RATE = new RegExp(
  String.raw`${DAY_RATE}\s*(?:per diem|\/\s*day|per day|a day)\s*(?:,|×|x|\*|for)?\s*(\d{1,4})\s*(?:person-)?days\b`,
  "gi",
);
const RATE_CELL = new RegExp(String.raw`^${DAY_RATE}$`);
/** Days bought at each daily rate, keyed by the rate: two sources giving one rate different days disagree. */
function daysAtRate(source: TextSource, u: Span, block: Block, out: Fact[]) {
  const at = (rate: string, days: string) =>
    out.push(fact("count", source, `budget:day:${rate.replace(/,/g, "")}`, Number(days), "exact", u));
  if (block.cells && u.start === block.start) {
    const rate = block.cells.find((c) => /per diem|day rate|daily rate|rate\s*\/\s*day/i.test(c.header));
    const days = block.cells.find((c) => /^(?:days|no\.? of days|person-days|effort \(days\))$/i.test(c.header.trim()));
    const r = rate && RATE_CELL.exec(rate.text.trim());
    if (r && days && /^\d{1,4}$/.test(days.text.trim())) at(r[1], days.text.trim());
    return;
  }
  for (const m of u.text.matchAll(DAYS_AT_RATE)) at(m[1], m[2]);
}

const AUDIENCE =
  /\b(?:sessions?|workshops?|webinars?|classes|courses?|training|demos?)\b[^.;]{0,60}\bfor\s+(?:up to\s+|at most\s+)?$/i;
const QTY_LINE = /^\s*(?:qty|quantity)\s*:?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*[×x@]/i;
const PER_UNIT = /\bper\s+((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)\s*(?:[·|,;—–-]|$)/i;

const LANGUAGE_NAME =
  String.raw`(?:English|Spanish|Portuguese|Catalan|French|German|Dutch|Flemish|Italian|Polish|` +
  String.raw`Swedish|Danish|Norwegian|Finnish|Welsh|Irish|Gaelic|Basque|Galician|Czech|Greek|Turkish|Russian|` +
  String.raw`Ukrainian|Romanian|Hungarian|Arabic|Hebrew|Chinese|Mandarin|Cantonese|Japanese|Korean|Hindi|Swahili|` +
  String.raw`Afrikaans|Zulu|Maori|Māori|Tagalog|Vietnamese|Thai|Malay|Indonesian)`;
const LANGUAGE_LIST = new RegExp(
  String.raw`\bin\s+${LANGUAGE_NAME}(?:\s*(?:,|\+|&|\/|\band\b|\bor\b|,\s*(?:and|or)\b)\s*${LANGUAGE_NAME}\b)+`,
  "g",
);

const LANGUAGES_NAMED = new RegExp(LANGUAGE_LIST.source);

/**
 * "in Spanish, Portuguese and Catalan": the languages a list after "in" names, counted where the line gives no count
 * (a list that is the subject of something else, "the Portuguese and Polish translation waiver", counts none).
 */
function languagesListed(source: TextSource, u: Span, out: Fact[]) {
  if (
    !/\b(?:and|,|\+|&|\/)/.test(u.text) ||
    out.some((f) => f.key === "count:language" && f.clause.start >= u.start && f.clause.end <= u.end)
  )
    return;
  // (a count written beside the list says it already: "two languages (Spanish, Portuguese)")
  if (/\blanguages?\b/i.test(u.text) && HAS_NUMBER.test(u.text)) return;
  for (const m of u.text.matchAll(LANGUAGE_LIST)) {
    const n = new Set(m[0].match(new RegExp(LANGUAGE_NAME, "g"))).size;
    if (n >= 2) out.push(fact("count", source, "count:language", n, "exact", u));
  }
}

/**
 * An invoice line's quantity under its product line ("People · per employee · monthly" over "Qty 260 × CA$7.00"):
 * the quantity counts what the product line prices it per.
 */
function pricedUnder(source: TextSource, text: string, u: Span, out: Fact[]) {
  const m = QTY_LINE.exec(u.text);
  if (!m || PER_UNIT.test(u.text)) return;
  // the nearest line above with a price basis, over at most one line between (a service period)
  const above = text.slice(0, u.start).split("\n").slice(-4, -1).reverse();
  const basis = above
    .slice(0, 2)
    .map((l) => PER_UNIT.exec(l))
    .find((x) => x !== null);
  const unit = basis ? unitOf(basis[1]) : null;
  const value = parseNumeral(m[1]);
  if (unit && value && value > 1 && !TIME_UNITS.has(unit))
    out.push(fact("count", source, `count:${unit}`, value, "exact", u));
}

/** The facts of one clause, offsets relative to it; the key carries the row flag, day order and money topic. */
// a day counted from the contract's start: "NTP + 45 CD", "inside 50 days of signature", "180 days after award"
const ANCHOR = String.raw`(?:the\s+)?(?:contract\s+)?(NTP|notice to proceed|award|signature|signing|execution|kick-?off)\b`;
const FROM_ANCHOR = new RegExp(
  String.raw`\bNTP\s*\+\s*(\d{1,3})\s*(?:(CD|calendar days?|days?)|(BD|business days?|working days?)|(weeks?|wks?))?|` +
    String.raw`\b(${NUM})\s+(?:(calendar)\s+|(business|working)\s+)?(days?|weeks?)\s+(?:after|from|of|following)\s+` +
    ANCHOR,
  "gi",
);
const ANCHOR_KEY: Record<string, string> = { notice: "ntp", signing: "signature", execution: "signature" };

/** The days after the contract's start a clause dates its work by ("by NTP + 45 CD" is at most 45). */
function offsets(source: TextSource, c: Span, found: Fact[]) {
  // (a term counted from the start is no date: "a base term that runs two years from NTP")
  if (/\b(?:term|period|subscription|warranty)\b/i.test(c.text)) return;
  for (const m of c.text.matchAll(FROM_ANCHOR)) {
    const n = m[1] ? Number(m[1]) : (parseNumeral(m[5]) ?? parseNumberWords(m[5]));
    if (!n) continue;
    const weeks = Boolean(m[4] ?? /^w/i.test(m[8] ?? ""));
    const business = Boolean(m[3] ?? m[7]);
    const days = weeks ? n * 7 : business ? Math.round((n * 7) / 5) : n;
    const anchor = m[1] ? "ntp" : m[9].toLowerCase().replace("-", "");
    const key = ANCHOR_KEY[anchor.split(" ")[0]] ?? anchor;
    const lead = c.text.slice(Math.max(0, m.index! - 16), m.index!);
    // (a threshold in a condition dates nothing: "a credit if the report slips past NTP + 150")
    if (
      /\b(?:if|unless|should|when)\b[^.;]{0,60}\b(?:past|beyond|after|later than)\s*$/i.test(c.text.slice(0, m.index!))
    )
      continue;
    const bound = /\b(?:within|by|no later than|before)\s*$/i.test(lead) ? "max" : "exact";
    found.push(fact("offset", source, `after:${key}`, days, bound, c));
  }
}

const clauseFacts = memo(4096, (key: string): ClauseFact[] => {
  const row = key[0] === "1";
  const dayFirst = key[1] === "1";
  const topic = key[2];
  // (a priority the clause's list marker names: "P1 response 15 minutes" begins with the item "P1")
  const priority = key[3];
  const ctext = key.slice(4);
  const c: Span = { start: 0, end: ctext.length, text: ctext };
  const found: Fact[] = [];
  const source = "signed_scope";
  if (CADENCE_HINT.test(c.text) && !ACCEPTANCE_SENTENCE.test(c.text)) cadences(source, c, found);
  if (CONCESSION_HINT.test(c.text)) concessionYears(source, c, found);
  if (/\bNTP\b|\b(?:after|from|of|following) (?:the )?(?:contract )?(?:notice|award|sign|execution|kick)/i.test(c.text))
    offsets(source, c, found);
  if (!HAS_NUMBER.test(c.text)) {
    if (MILESTONE_HINT.test(c.text)) milestones(source, c, found, dayFirst);
  } else if (!ACCEPTANCE_SENTENCE.test(c.text)) {
    const explained = EXPLAINED.test(c.text);
    for (const q of row || explained || SUBSET.test(c.text) ? [] : countsIn(c.text)) {
      if (!Number.isInteger(q.value)) continue; // "Rate 2.01 Site licence": a reference, not a count
      const phrase = c.text.slice(q.start, q.end);
      // "checked against a sample batch of 40 bookings": a sample, however far its word stands from the count
      const lead = c.text.slice(Math.max(0, q.start - 20), q.start);
      // (and "sessions for at most 15 clerks each": a number per session, not the total)
      const each = /\b[a-z]{3,}s\s+each\b(?!\s+(?:month|week|day|year|quarter|night|term|season|time))/i.test(
        c.text.slice(q.start, q.end + 16),
      );
      // (as is "one reader in each kennel": a number for every one of something, not the total)
      const forEvery = /^\s*(?:[\w-]+\s+){0,2}?(?:in|at|on|for|to)\s+(?:each|every)\b/i.test(
        c.text.slice(q.end, q.end + 40),
      );
      if (
        SAMPLE.test(phrase) ||
        SAMPLE.test(lead) ||
        /\bper\b/i.test(c.text.slice(q.end, q.end + 6)) ||
        each ||
        forEvery
      )
        continue;
      // a threshold in a condition counts nothing ("if the fleet grows beyond 160 vehicles")
      if (CONDITION_THRESHOLD.test(c.text.slice(Math.max(0, q.start - 60), q.start))) continue;
      // nor does a class's size ("two workshops at the main office for up to 8 kennel staff"): who attends, not all
      const upTo = q.start + Math.max(0, phrase.search(/\d/));
      if (AUDIENCE.test(c.text.slice(Math.max(0, q.start - 80), upTo))) continue;
      const clause = c.text.length > 160 ? { start: q.start, end: q.end, text: phrase } : c;
      found.push(fact("count", source, `count:${q.unit}`, q.value, q.bound, clause));
    }
    // "licences ........ 45 × $38/user/mo", "KW-TECH qty 40 @ KES 1,150/agent/mth": a figure priced per unit counts
    // that unit
    if (!row && !explained && /(?:[×x]|@|\|)\s*(?:[$€£₹]|[A-Z]{3}\s?\d)/.test(c.text))
      for (const m of c.text.matchAll(PRICED_COUNT)) {
        const value = parseNumeral(m[1]);
        const unit = unitOf(m[2]) ?? (/[@|]/.test(m[0]) ? countedNoun([`${m[2]}s`])?.replace(/^n:/, "") : null);
        if (
          value &&
          Number.isInteger(value) &&
          unit &&
          !TIME_UNIT.test(unit) &&
          !found.some((f) => f.key === `count:${unit}`)
        )
          found.push(fact("count", source, `count:${unit}`, value, "exact", c));
      }
    if (
      /mo|mnd|mth|mies|y(?:ea)?r|w(?:ee)?k|mes|mån|an[on]|a[ñn]os|ja(?:h)?r|år/i.test(c.text) &&
      (!NOT_A_TERM.test(c.text) || NAMED_TERM.test(c.text)) &&
      !explained
    )
      durations(source, c, found);
    if (/\b(?:19|20)\d\d\b[^]*\b(?:19|20)\d\d\b/.test(c.text) && !explained) termRange(source, c, found);
    // (a fee "on top" is a price of its own, not an explained difference)
    if (MONEY_HINT.test(c.text) && !EXPLAINED.test(c.text.replace(/\bon top\b/gi, "")))
      money(source, c, found, topic === "s" ? "subscription" : topic === "v" ? "implementation" : "");
    if (MILESTONE_HINT.test(c.text)) milestones(source, c, found, dayFirst);
    if (/\bh(?:ours?|rs?)?\b/i.test(c.text)) hourBudgets(source, c, found);
    if (SERVICE_TIME_HINT.test(c.text)) serviceTimes(source, c, found, priority);
    if (/\b(?:19|20)\d\d\b/.test(c.text)) historyStart(source, c, found);
    if (/net/i.test(c.text))
      for (const m of c.text.matchAll(/\bnet[- ]?(\d{2,3})\b/gi))
        if (!REFUSED_BEFORE.test(c.text.slice(Math.max(0, m.index! - 40), m.index!)))
          found.push(fact("money", source, "payment:net-days", Number(m[1]), "exact", c));
    // payment days written out: "terms: 45 days after the invoice", "payable inside thirty-five (35) days"
    const days = /invoice/i.test(c.text) ? PAYMENT_DAYS.exec(c.text) : null;
    if (days) found.push(fact("money", source, "payment:days", Number(days[1]), "exact", c));
  }
  return found.map((f) => ({
    kind: f.kind,
    key: f.key,
    value: f.value,
    bound: f.bound,
    start: f.clause.start,
    end: f.clause.end,
  }));
});

function trimRow(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s|]/.test(text[start])) start++;
  while (end > start && /[\s|]/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}

const DURATION = new RegExp(
  String.raw`\b(up to|at least|approx(?:\.|imately)?|about|~)?\s*(${NUM})(?:\s*\(\d+\))?[\s-]*` +
    String.raw`(?:(?:full|calendar|whole|complete|rolling|school|academic|fiscal|financial|contract)\s+)?` +
    String.raw`(months?|mos?|years?|yrs?|weeks?|wks?|` +
    // the same units in the languages order forms arrive in
    String.raw`meses|mesi|mois|monate?n?|maanden|mnd|mths?|månader|mån|mies\.?|años|anos|anni|ans|jahren?|jaar|` +
    String.raw`år)(?![\p{L}\d])`,
  "giu",
);

const HOURS = new RegExp(
  String.raw`(up to|capped at|not to exceed|max(?:imum)?(?: of)?)?\s*\b(${NUM})(?:\s*\(\d+\))?\s*(?:hours|hrs|h)\b`,
  "gi",
);

const HOUR_BUDGET_HINT = new RegExp(
  [
    String.raw`\bcap(?:ped)?\b|\bnot to exceed\b|@|\bbank\b|\bblock\b|\bbudget\b|\bpool\b|\bprepaid\b|\bretainer\b|`,
    String.raw`\bt&m\b|\btime (?:and|&) materials\b|\bhours of (?:[\w-]+ ){0,3}(?:services|consulting|development|`,
    String.raw`professional|support|hypercare|advisory)\b|`,
    // a line of support hours ("Post go-live remote support, 80 hours")
    String.raw`\b(?:support|hypercare|advisory|consulting),?\s+(?:${NUM})\s*(?:hours|hrs)\b|`,
    // a capped piece of effort ("up to sixty (60) hours of schedule build-out")
    String.raw`\bup to (?:${NUM})(?:\s*\(\d+\))?\s*(?:hours|hrs)\s+of\b`,
  ].join(""),
  "i",
);
/** A block of service hours (a capped bank, "220 hours @ $140"), not a session length or a notice. */
function hourBudgets(source: TextSource, c: Span, out: Fact[]) {
  if (!HOUR_BUDGET_HINT.test(c.text)) return;
  // (an incident-response retainer is a bank of hours, not a response time)
  const timing = /\bsla\b|\bresponse\b|\bwithin\b/i.test(c.text) && !/\bretainer\b/i.test(c.text);
  if (timing || /\/\s*(?:month|mo|week|day)\b|\bper (?:month|week|day)\b/i.test(c.text)) return;
  for (const m of c.text.matchAll(HOURS)) {
    const v = parseNumeral(m[2]) ?? parseNumberWords(m[2]);
    if (!v || v < 10) continue;
    out.push(fact("count", source, "budget:hour", v, m[1] ? "max" : "exact", c));
  }
}

// How fast a service level answers an incident of a given priority: "P1 incident response 15 minutes", "Severity 2
// tickets resolved within 8 business hours", "a 30-minute response on critical calls". Compared in minutes, per
// priority and per measure (response or resolution), so a P1 response never meets a P3 fix time.
const SERVICE_TIME_HINT = /\b(?:respon|acknowledg|resol|restor)/i;
const PRIORITY = /\b(?:p|pri(?:ority)?|sev(?:erity)?|level|tier)[ -]?([1-4])\b|\b(critical|urgent|emergenc\w*)\b/i;
const MEASURE = String.raw`(respon\w*|acknowledg\w*|resol\w*|restor\w*)`;
const SERVICE_TIME = new RegExp(
  String.raw`\b${MEASURE}\b(?:[^.;|\n\d]{0,30}?)\b(\d{1,3}|${NUMBER_WORD})[ -]?` +
    String.raw`(?:business |working |clock )?(min(?:ute)?s?|h(?:ou)?rs?|hours?)\b|` +
    String.raw`\b(\d{1,3}|${NUMBER_WORD})[ -](min(?:ute)?|h(?:ou)?r|hour)s?\s+${MEASURE}`,
  "gi",
);

function serviceTimes(source: TextSource, c: Span, out: Fact[], marked: string) {
  const priority = PRIORITY.exec(c.text);
  if (!priority && marked === "-") return;
  const level = priority ? (priority[1] ?? "1") : marked;
  for (const m of c.text.matchAll(SERVICE_TIME)) {
    const [word, n, unit] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[4], m[5]];
    const value = parseNumeral(n) ?? parseNumberWords(n);
    if (!value) continue;
    const measure = /^(?:resol|restor)/i.test(word) ? "resolution" : "response";
    out.push(fact("duration", source, `sla:${measure}-p${level}`, /^h/i.test(unit) ? value * 60 : value, "exact", c));
  }
}

// How long a commercial concession lasts, in contract years: a kennel discount "in the first year", "on year-one
// boarding fees", "running all four years", "kept at renewal too"; a price hold "frozen through years one and two",
// "no uplift across three contract years". A discount and a price hold are different concessions and never compared
// with each other.
const CONCESSION_HINT = /\byears?\b|\brenewal\b/i;
const PRICE_HOLD = new RegExp(
  String.raw`\bheld flat\b|\b(?:fixed|frozen|locked)\b|\bprice (?:hold|lock)\b|\b(?:prices?|rates?|pricing) (?:is |are )?held\b|` +
    String.raw`\bno (?:indexation|uplift|increase|escalation)s?\b`,
  "i",
);
const CARRIES_ON = /\b(?:too|as well|also|holds?|carr(?:y|ies|ied)|stays?|continues?|extends?|rolls? over)\b/i;
const DISCOUNT_WORD = /\d\s?%|\bdiscount|\boff\b|\bpercent\b/i;
const YEAR_COUNT = String.raw`(\d|two|three|four|five|six|seven)`;
const CONCESSION_SPAN = new RegExp(
  [
    String.raw`\b(?:contract\s+)?years?\s+(?:1|one)\s*(?:[–-]|to|through|and)\s*${YEAR_COUNT}\b|`,
    String.raw`\b(?:all|each of the|throughout the|through(?:out)?|across|over|for|of)\s+(?:the\s+)?(?:first\s+)?` +
      String.raw`${YEAR_COUNT}\s+(?:contract\s+)?years\b|`,
    String.raw`\b(?:for|through(?:out)?|over) (?:the )?(?:full |whole |entire )?((?:12|24|36|48|60) months)\b|`,
    // ("kept at year-one rates over 24 months" names a price, not how long it lasts)
    String.raw`\b((?:contract\s+)?year[- ]?(?:1|one)\b(?!\s+(?:rates?|pric\w+|fees? levels?|list)\b)|` +
      String.raw`first (?:contract )?year\b)|`,
    String.raw`\b((?:for|through|into) (?:the |their |first )?renewals?\b)`,
  ].join(""),
  "gi",
);

function concessionYears(source: TextSource, c: Span, out: Fact[]) {
  const kind = PRICE_HOLD.test(c.text) ? "hold" : DISCOUNT_WORD.test(c.text) ? "discount" : null;
  if (!kind) return;
  for (const m of c.text.matchAll(CONCESSION_SPAN)) {
    const n = m[1] ?? m[2];
    // (a concession lasts past the term only on the seller's word that it carries on: "the 15% holds for the
    // renewal too", not "list price for the renewal")
    if (m[5] && !CARRIES_ON.test(c.text)) continue;
    // (an option year is a period the customer may buy, not the concession's length)
    if (/\boption\s+$/i.test(c.text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    const years = n ? (parseNumeral(n) ?? parseNumberWords(n)) : m[3] ? Number.parseInt(m[3]) / 12 : m[4] ? 1 : 99;
    if (years) out.push(fact("duration", source, `concession:${kind}-years`, years, "exact", c));
  }
}

// How far back migrated history reaches, by the year it starts: "records from calendar year 2010 forward",
// "history back to 1998", "FY2019 onward", "inspections 2004–present".
const YEAR = String.raw`(?:(?:calendar|fiscal|financial|school|academic|plan)\s+year\s+|FY\s?|CY\s?)?((?:19|20)\d\d)`;
const HISTORY_START = new RegExp(
  [
    String.raw`\bback to\s+(?:the\s+)?${YEAR}|\b(?:from|since)\s+(?:the\s+)?${YEAR}(?:[–/-]\d{2,4})?`,
    String.raw`(?:\s+(?:school|fiscal|financial|academic|plan)\s+year)?\s+`,
    String.raw`(?:forward|onwards?|on|to (?:the )?(?:present|date))\b|`,
    String.raw`\b${YEAR}\s*(?:[–-]|to|through)\s*(?:present|date|today)\b|`,
    // "their full incident history since 2009"
    String.raw`\b(?:histor(?:y|ies|ical)|records?|data)\s+since\s+${YEAR}\b`,
  ].join(""),
  "gi",
);
const HISTORY_CONTEXT = /histor|record|\bdata\b|migrat|conver[st]|load|ingest|import|archiv|transaction|\bdated\b/i;

function historyStart(source: TextSource, c: Span, out: Fact[]) {
  if (!HISTORY_CONTEXT.test(c.text)) return;
  for (const m of c.text.matchAll(HISTORY_START)) {
    const year = Number(m.slice(1).find(Boolean));
    out.push(fact("count", source, "history:from", year, "exact", c));
  }
}

const PLANNING_HORIZON = new RegExp(
  String.raw`^\s*(?:[\w-]+\s+){0,2}(?:scenarios?|forecasts?|horizons?|projections?|outlooks?|roadmaps?|strateg(?:y|ies)|` +
    String.raw`(?:capital|master|improvement|asset management|business|financial) plans?)\b`,
  "i",
);

function durations(source: TextSource, c: Span, out: Fact[]) {
  for (const m of c.text.matchAll(DURATION)) {
    if (/\/\s*$/.test(c.text.slice(0, m.index!))) continue; // "5/10/15-year" options
    // (the cents of an amount before a label are no length: "$87,660.00    Year 2")
    if (/[$€£₹\d][\d,]*[.,]?$/.test(c.text.slice(0, m.index! + m[0].indexOf(m[2])))) continue;
    // (a span of school years, "2031–32": its end is no length)
    if (/\d\s*[–-]\s*$/.test(c.text.slice(0, m.index! + m[0].indexOf(m[2])))) continue;
    // a point in time is no length of term ("a renewal in two years' time", "three years from now")
    if (/^['’]?s?['’]?\s+(?:time|from now)\b/i.test(c.text.slice(m.index! + m[0].length))) continue;
    // a planning horizon measures the plan, not the deal ("three ten-year capital plan scenarios", "a 5-year forecast")
    if (PLANNING_HORIZON.test(c.text.slice(m.index! + m[0].length))) continue;
    const n = parseNumeral(m[2]) ?? parseNumberWords(m[2]);
    if (!n) continue;
    const unit = /^w/i.test(m[3]) ? "week" : /^m/i.test(m[3]) ? "month" : "year";
    const value = unit === "week" ? n : n * TO_MONTHS[unit];
    const q = {
      bound: (/up to/i.test(m[1] ?? "")
        ? "max"
        : /at least/i.test(m[1] ?? "")
          ? "min"
          : m[1]
            ? "approx"
            : "exact") as Quantity["bound"],
      unit,
    };
    // the topic word must stand next to the figure ("Term: 12 months", "a 24-month subscription", "5 years of history")
    const near = c.text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30);
    // a line labelled as a retention or history rule ("Retention rules: consent forms 6 years") is about history
    const label = /^[^:\d]{3,40}:/.exec(c.text)?.[0] ?? "";
    // ("Migration of the records entered during the last seven (7) years": the years before now, moved across)
    const lastYears =
      /\b(?:last|past|previous|prior)\s*$/i.test(c.text.slice(Math.max(0, m.index! - 12), m.index!)) &&
      DURATION_TOPICS[1][1].test(c.text) &&
      // (the only length in its clause: "expired within the last five years and ten years of data" is two things)
      [...c.text.matchAll(DURATION)].length === 1;
    const topic =
      DURATION_TOPICS.find(([, re]) => re.test(near)) ??
      (DURATION_TOPICS[1][1].test(label) || lastYears ? DURATION_TOPICS[1] : undefined);
    out.push(
      fact(
        "duration",
        source,
        topic ? `${topic[0]}:${q.unit === "week" ? "week" : "month"}` : `ctx:${q.unit === "week" ? "week" : "month"}`,
        value,
        q.bound,
        c,
      ),
    );
  }
}

// How often a recurring activity happens: "workshops 2x/month", "every other month", "quarterly reviews".
const CADENCE_HINT = new RegExp(
  String.raw`\b(?:quarterly|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|annually|yearly|every|each)\b|` +
    String.raw`\d\s*(?:x|times)\s*(?:\/|a|per|an|each)\s*(?:week|month|quarter|year|yr|mo|wk)\b`,
  "i",
);
const PER_YEAR: Record<string, number> = { week: 52, fortnight: 26, month: 12, quarter: 4, year: 1 };
const CADENCE = new RegExp(
  [
    String.raw`\b(?:(\d+|once|twice|one|two|three|four)\s*(?:x|times)?\s*(?:\/|a|per|an|each)\s*`,
    String.raw`(week|month|quarter|year|yr|mo|wk)|every (other|second|\d+|two|three|four|six|twelve)?\s*`,
    String.raw`(weeks?|months?|quarters?|years?)|(quarterly|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|`,
    String.raw`annually|yearly|annual))\b`,
  ].join(""),
  "gi",
);
const CADENCE_NOUN_SKIP = new RegExp(
  [
    String.raw`^(?:the|a|an|our|their|your|its|his|her|review(?:ed)?|held|run|sent|delivered|basis|thereafter|`,
    String.raw`after|for|with|and|on|in|of)$`,
  ].join(""),
  "i",
);
const FEW: Record<string, number> = { once: 1, twice: 2, one: 1, two: 2, three: 3, four: 4, six: 6, twelve: 12 };

const BILLED = /^(?:billed|invoiced|paid|pay|payable|charged)$/i;
const BILLING_NOUN = /^(?:billing|invoicing)$/i;
const MONEY_PAID =
  /[$€£₹]|\b(?:fees?|invoices?|subscriptions?|licen[cs]es?|prices?|charges?|amounts?|instal?lments?|rent|premiums?|up[- ]?front|in (?:advance|arrears))\b/i;

function cadences(source: TextSource, c: Span, out: Fact[]) {
  for (const m of c.text.matchAll(CADENCE)) {
    let perYear: number;
    if (m[2]) perYear = (FEW[m[1].toLowerCase()] ?? Number(m[1])) * PER_YEAR[periodOf(m[2])];
    else if (m[4]) {
      const n = !m[3] ? 1 : /other|second/i.test(m[3]) ? 2 : (FEW[m[3].toLowerCase()] ?? Number(m[3]));
      perYear = PER_YEAR[periodOf(m[4])] / n;
    } else {
      const w = m[5].toLowerCase().replace("-", "");
      // "bi-monthly" reads as twice a month or every two months: it states no figure to compare
      if (w === "bimonthly") continue;
      perYear = w === "biweekly" ? 26 : (PER_YEAR[periodOf(w.replace(/ly$/, ""))] ?? 1);
    }
    if (!Number.isFinite(perYear) || perYear <= 0) continue;
    // the activity: the noun after an adjective ("quarterly reviews"), else the one before ("workshops 2x/month")
    const after = c.text
      .slice(m.index! + m[0].length)
      .split(/[^A-Za-z-]+/)
      .filter(Boolean);
    const before = c.text
      .slice(0, m.index!)
      .split(/[^A-Za-z-]+/)
      .filter(Boolean)
      .reverse();
    const pick = (ws: string[]) => ws.slice(0, 2).find((w) => w.length > 3 && !CADENCE_NOUN_SKIP.test(w));
    // a compound's head: "weekly site inspections" schedules inspections
    const head = (ws: string[]) =>
      ws.length > 1 && /^[a-z]{4,}s$/.test(ws[1]) && !CADENCE_NOUN_SKIP.test(ws[1]) && pick(ws) === ws[0]
        ? ws[1]
        : pick(ws);
    // a cadence in a parenthesis or before a comma qualifies what came before it ("inspections (fortnightly, …)")
    const aside = /^\s*[,;)]/.test(c.text.slice(m.index! + m[0].length)) || /\(\s*$/.test(c.text.slice(0, m.index!));
    // how often the customer is billed: "billed annually", "pay quarterly", "annual billing", "monthly invoices"
    // ("paid weekly" is a payroll's rhythm unless money is what is paid: "fees paid quarterly")
    const billing =
      before.slice(0, 2).some((w) => BILLED.test(w) && (!/^pa(?:id|y)$/i.test(w) || MONEY_PAID.test(c.text))) ||
      (after.length > 0 && BILLING_NOUN.test(after[0]));
    const noun = billing ? "billing" : m[5] && !aside ? (head(after) ?? pick(before)) : (pick(before) ?? pick(after));
    if (!noun || ["month", "year", "week"].includes(unitOf(noun) ?? "")) continue;
    out.push(fact("cadence", source, `cadence:${stem(noun)}`, Math.round(perYear * 100) / 100, "exact", c));
  }
}

function periodOf(w: string): string {
  const x = w.toLowerCase();
  return x.startsWith("w")
    ? "week"
    : x.startsWith("fort")
      ? "fortnight"
      : x.startsWith("q")
        ? "quarter"
        : x.startsWith("y") || x.startsWith("ann")
          ? "year"
          : "month";
}

const DAY = String.raw`(?:[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} [A-Z][a-z]{2,8}\.? (?:19|20)\d\d)`;
const RANGE = new RegExp(String.raw`(${DAY})\s*(?:through|thru|until|to|[–—-])\s*(${DAY})`, "g");

/** A term written as its first and last day ("Term: 1 October 2025 to 30 September 2026"). */
function termRange(source: TextSource, c: Span, out: Fact[], titled = false) {
  if (!titled && !DURATION_TOPICS[0][1].test(c.text)) return;
  for (const m of c.text.matchAll(RANGE)) {
    const from = Date.parse(m[1].replace(/\./g, ""));
    const to = Date.parse(m[2].replace(/\./g, ""));
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) continue;
    const months = Math.round((to - from) / (86400000 * 30.44));
    if (months < 1) continue;
    out.push(fact("duration", source, "term:month", months, "exact", c));
  }
}

const RATE_HEADER = /^(?:rate|hourly rate|bill rate|rate\s*\/\s*h(?:ou)?r|hourly|\$\/hr)$/i;
// the people a rate card prices ("Solution architect $225/hr", "| Sr. consultant | $195 |")
// (a role is its noun and up to three words before it: "Sr. functional consultant", "Solution architect")
const ROLE = new RegExp(
  String.raw`((?:[a-z][a-z.]*\s+){0,3}` +
    String.raw`(?:consultant|architect|manager|engineer|developer|analyst|specialist|administrator|trainer|designer|` +
    String.raw`tester|director|lead))\s*(?:[|:—–=@-]|\bat\b)?\s*$`,
  "i",
);
/** The key of an hourly rate for a named role: "rate:hour:senior consultant", or null where no role is named. */
function roleRate(before: string): string | null {
  const m = ROLE.exec(before.split(/[,;(]|\band\b/).pop() ?? "");
  if (!m) return null;
  const role = m[1]
    .toLowerCase()
    .replace(/\bsr\b\.?/, "senior")
    .replace(/\bjr\b\.?/, "junior")
    .replace(/\s+/g, " ")
    .trim();
  return `rate:hour:${role}`;
}
/** Where the role a rate is for starts in the text before the rate. */
const roleAt = (before: string) => before.length - (ROLE.exec(before)?.[0].length ?? before.length);

// (and a renewal's extra term: "renewable for one additional twenty-four (24) month term")
const OPTION_PERIOD =
  /\boption(?:al)?\s+(?:periods?|years?|terms?|clins?)\b|\boption (?:period )?\d\b|\bOYs?\s?\d?\b|\brenew(?:able|al|ed)?\b[^.;]{0,30}\b(?:additional|further)\b/i;
/** A column of prices or totals ("Amount", "Net", "Extended price", "Total"). */
const PRICE_COLUMN = /\b(?:amount|price|total|net|fee|value|extended|cost|charges?|subtotal)\b/i;
/** A figure written as money without its sign ("421,000.00", "38 500,00", "14,500"). */
const BARE_AMOUNT = /^\d{1,3}(?:(?:,\d{3})+(?:\.\d{2})?|(?:[ .\u00A0]\d{3})+(?:,\d{2})?)$/;
const CURRENCY_CODE = /\b(?:GBP|EUR|INR|JPY|USD|AUD|CAD|NZD|SGD|HKD|CHF)\b|[$€£₹¥]/g;
/** The sign of the currency a column's header names ("Total GBP", "Amount (€)", "Price USD"), or null. */
function currencySign(header: string): string | null {
  const m = /[$€£₹¥]|\b(gbp|eur|inr|jpy|usd|aud|cad|nzd|sgd|hkd|chf)\b/i.exec(header);
  if (!m) return null;
  return m[1]
    ? (({ gbp: "£", eur: "€", inr: "₹", jpy: "¥" } as Record<string, string>)[m[1].toLowerCase()] ?? "$")
    : m[0];
}

const SERVICES_TOTAL =
  /\btotal\s+(?:implementation|professional services|services|one-time|set-?up)\s+(?:price|fees?|cost|amount)\b/i;
const PRICED_PERSON =
  /^(?:u|techs?|technicians?|engineers?|agents?|employees?|workers?|staff|members?|operatives?|clinicians?|head|fte)$/;

function money(source: TextSource, c: Span, out: Fact[], statement: string) {
  // a total, a cap or a budget is not the price: judged by the words around each amount ("I quoted $72,000 and
  // that is what her budget holds" quotes a price)
  // ("Total implementation price: $920,000" totals the services alone: it is their price)
  // (a figure priced per thing, "€16,000 per study per year", is a price whatever budget it sits in)
  const perThing = (m: RegExpMatchArray) => !!m[3] && !/^(?:h|hrs?|hours?|hourly|mo|month|yr|year|annum)$/i.test(m[3]);
  // (a bracket after the figure speaks of another one: "a fee of $18,000 (list $21,000)")
  const window = (m: RegExpMatchArray) => {
    const end = m.index! + m[0].length;
    const tail = c.text.slice(end, end + 15);
    return c.text.slice(Math.max(0, m.index! - 50), end) + (/^\s*\(/.test(tail) ? "" : tail);
  };
  const found = [...c.text.matchAll(MONEY)].filter(
    (m) =>
      !(perThing(m) ? NOT_A_UNIT_PRICE : NOT_A_PRICE).test(window(m).replace(SERVICES_TOTAL, "services price")) &&
      // (a threshold of an account's revenue is no price: "for an account under $20k ARR")
      !(
        /\b(?:under|below|over|above|less than|more than|exceeding)\s*$/i.test(
          c.text.slice(Math.max(0, m.index! - 16), m.index!),
        ) && /^\s*(?:arr|mrr|acv)\b/i.test(c.text.slice(m.index! + m[0].length))
      ),
  );
  // a ceiling on time-and-materials work is a term of its own ("NTE USD 45,000")
  if (/\bnot[- ]to[- ]exceed\b|\bnte\b/i.test(c.text))
    for (const m of c.text.matchAll(MONEY)) {
      const lead = c.text.slice(Math.max(0, m.index! - 24), m.index!);
      const value = parseMoney(m[1] ?? m[4] ?? "", m[2]);
      if (value && /\b(?:not[- ]to[- ]exceed|nte)\s*(?:of\s*)?$/i.test(lead))
        out.push(fact("money", source, "cap:t&m", value, "exact", c));
    }
  // a ramp's price for one contract year ("Year 2 (May 2027 - April 2028) ..... $324,000.00", "Year 2 $312,000")
  for (const m of found) {
    const year = /\byear\s*([1-5])\b(?:\s*\([^()]{0,40}\))?[\s.:=|—–-]*$/i.exec(c.text.slice(0, m.index!));
    const value = year && parseMoney(m[1] ?? m[4] ?? "", m[2]);
    if (value) out.push(fact("money", source, `money:year-${year[1]}`, value, "exact", c));
  }
  // "cut from $61,000 to $57,500": the value now is the last one
  // ("reduced to $47,900 (from $52,900)": the value now is the first one)
  const before =
    found.length === 2 &&
    /\b(?:to|at)\s*$/i.test(c.text.slice(0, found[0].index!)) &&
    /^\s*[(,]?\s*(?:from|was|down from|up from|previously|instead of)\b/i.test(
      c.text.slice(found[0].index! + found[0][0].length),
    );
  const changed = before
    ? [found[0]]
    : /\bfrom\b[^.]{0,40}\bto\b/i.test(c.text) && found.length === 2
      ? [found[1]]
      : found;
  for (const m of changed) {
    const value = parseMoney(m[1] ?? m[4] ?? "", m[2]);
    if (value === null || value <= 0) continue;
    // ("$4 per seat per month": the unit is the seat, not the second "per")
    const per =
      (m[3] ?? "")
        .toLowerCase()
        .replace(/\s+per$/, "")
        // ("$550 per gate each month": the unit is the gate)
        .replace(/\s+(?:each|every|a)$/, "")
        .split(/\s+/)
        .pop() ?? "";
    let key: string | null = null;
    if (
      /^(?:h|hr|hour|hours|hourly)$/.test(per) ||
      /\bper hour\b|\bhourly\b|\/h\b/i.test(c.text.slice(m.index!, m.index! + m[0].length + 12))
    )
      key = roleRate(c.text.slice(0, m.index!)) ?? "rate:hour";
    // a price per seat, per user or per person who uses the product is one price per user
    else if (per && !/^(?:month|mo|year|yr|annum)$/.test(per))
      key = unitOf(per) === "user" || PRICED_PERSON.test(per) ? "price:user" : `price:${stem(per)}`;
    else if (SUBSCRIPTION.test(c.text) || SUBSCRIPTION.test(statement)) key = "money:subscription";
    else if (SERVICES.test(c.text) || SERVICES.test(statement)) key = "money:services";
    if (!key) continue;
    // a price per unit is compared per month: "€22.80 per key per year" is "€1.90 per key per month"
    const tail = c.text.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
    const yearly =
      key.startsWith("price:") &&
      /^\s*(?:(?:\/|per|a)\s*)?(?:year|yr|annum)\b|^\s*p\.?\s?a\.?(?!\w)|^\s*,?\s*annual(?:ly)?\b/i.test(tail);
    // (and a subscription per year: "€3.400/mo" is "€40.800 per year")
    const monthly =
      key === "money:subscription" &&
      (/^(?:mo|mth|month)$/.test(per) || /^\s*(?:(?:\/|per|a)\s*)?(?:mo|mth|month)\b|^\s*,?\s*monthly\b/i.test(tail));
    const normal = yearly ? value / 12 : monthly ? value * 12 : value;
    // (a role's rate among several is cited as the role and its rate: "Solution architect $225/hr")
    const from = key.startsWith("rate:hour:") ? roleAt(c.text.slice(0, m.index!)) : 0;
    const to = m.index! + m[0].length;
    const cite = from > 0 ? { start: c.start + from, end: c.start + to, text: c.text.slice(from, to) } : c;
    out.push(fact("money", source, key, Math.round(normal * 100) / 100, "exact", cite));
    // (and is an hourly rate still, beside a rate that names no role: "one rate of $120 an hour for everyone")
    if (key.startsWith("rate:hour:")) out.push(fact("money", source, "rate:hour", normal, "exact", cite));
  }
}

/** Holidays whose month is fixed: a deadline before one falls in its month. */
// a holiday's month and its day (the latest it can fall on, for one that moves: Thanksgiving is the fourth Thursday
// of November, the 22nd to the 28th, so a go-live on 24 November can still come before it)
const EVENT_MONTHS: [RegExp, number, number][] = [
  [/\bchristmas\b/i, 12, 25],
  [/\bthanksgiving\b/i, 11, 28],
  [/\bnew year(?:'s)?\b/i, 1, 1],
  [/\bhalloween\b/i, 10, 31],
  [/\blabou?r day\b/i, 9, 7],
  [/\bmemorial day\b/i, 5, 31],
  [/\bindependence day\b|\bjuly 4(?:th)?\b|\bfourth of july\b/i, 7, 4],
  [/\bvalentine/i, 2, 14],
];

// the sales side saying when a named piece of work will be there ("the payroll bridge ready by 9 April")
const READY =
  /\b(?:live|ready|done|delivered|in place|working|available|finished|completed?|migrated|enrolled|installed)\b/i;
const CONTRACT_SOURCES = new Set<TextSource>(["signed_scope", "order_form"]);
const CHECKBOX = /^\s*(?:[-–•*◦▪]\s+)?\[[ xX✓]?\]\s/;

/**
 * The due date of a named piece of work: a schedule line or row of the contract with one date and no milestone
 * word, or a sales-side clause promising that work ready by a date. Compared only where the two name the same work.
 */
// "15% off", "discount: 8%", "less 10%"
const DISCOUNT_PERCENT = new RegExp(
  String.raw`(\d+(?:\.\d+)?)\s?%\s?(?:off|discount|credit)|` +
    // ("Subscription discount (CA-4402): 10%")
    String.raw`(?:discount|credit|\bless)(?:\s*\([^)]{1,20}\))?(?: of|\s*[:|—–-])?\s*(\d+(?:\.\d+)?)\s?%`,
  "gi",
);
const PAYMENT_DAYS = new RegExp(
  String.raw`\b(?:paid|payable|payment terms?|due)\b[^.;]{0,30}?\b(?:within\s+)?(?:[a-z-]+\s+)?\(?(\d{2,3})\)?\s*` +
    String.raw`(?:calendar\s+)?days\b(?=[^.;]{0,50}\b(?:invoice|of receipt))`,
  "i",
);
const AT_SIGNATURE = new RegExp(
  String.raw`\b(\d{1,3})\s?%\s+(?:(?:is\s+)?(?:invoiced|billed|payable|due)\s+)?(?:at|on|upon)\s+` +
    String.raw`(?:contract\s+)?(?:signature|signing|execution)\b`,
  "i",
);
/** Numbers after a document reference are its sections, not a date ("set-up (SOW 3.1-3.5)"). */
const SECTION_REF =
  /\b(?:SOW|sections?|clauses?|items?|paras?|paragraphs?|annex|§)\s*(?:[\d.]+\s*(?:[-–,&]|and|to)\s*)?$/i;
const RECORD_DATE =
  /\b(?:approved|raised|submitted|requested|logged|dated|signed|award(?:ed)?)\s*(?:on\s*)?[:—–-]?\s*$/i;

function itemDates(
  source: TextSource,
  text: string,
  dayFirst: boolean,
): { value: number; bound: Quantity["bound"]; until?: number }[] {
  if (MILESTONES.some(([, re]) => re.test(text)) || text.length > 240) return [];
  const sales = !CONTRACT_SOURCES.has(source);
  // a schedule line's window ("| Migration weekend | 2027-04-24 – 2027-04-25 |") is met by any day inside it
  if (!sales) {
    const ds = dateMentions(text, { dayFirst }).filter(
      (d) => d.key && /^\d{2}-\d{2}$/.test(d.key) && !SECTION_REF.test(text.slice(0, d.start)),
    );
    if (ds.length === 2 && /^\s*(?:[–—-]|to|until|through|thru)\s*$/i.test(text.slice(ds[0].end, ds[1].start))) {
      const [from, to] = ds.map((d) => Number(d.key!.replace("-", "")));
      if (from < to) return [{ value: from, bound: "exact", until: to }];
    }
  }
  const one = itemDate(source, text, dayFirst);
  return one ? [one] : [];
}

function itemDate(
  source: TextSource,
  text: string,
  dayFirst: boolean,
): { value: number; bound: Quantity["bound"] } | null {
  const sales = !CONTRACT_SOURCES.has(source);
  // (a sales-side promise may name only a month: "ready for the July hearings")
  const ds = dateMentions(text, { dayFirst }).filter(
    (d) =>
      d.key &&
      (/^\d{2}-\d{2}$/.test(d.key) || (sales && /^\d{2}$/.test(d.key))) &&
      // the date a record was made ("APPROVED 6 Aug 2025 (deal desk): …") dates no work
      !RECORD_DATE.test(text.slice(Math.max(0, d.start - 16), d.start)) &&
      !SECTION_REF.test(text.slice(0, d.start)),
  );
  if (ds.length !== 1) return null;
  // (or saying the customer will be using it by then: "your crews will be closing jobs on tablets by 1 May")
  const deadline = /\b(?:by|before|no later than)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, ds[0].start - 16), ds[0].start),
  );
  if (sales && !READY.test(text) && !(deadline && /\b(?:will|would)\b|['’](?:ll|d)\b/i.test(text))) return null;
  // (met by any day of that month, or of its first half or third for "mid-" and "early")
  if (/^\d{2}$/.test(ds[0].key!)) {
    const part = /^mid\b/i.test(ds[0].text) ? 15 : /^(?:early|beginning|start)\b/i.test(ds[0].text) ? 10 : 31;
    return { value: Number(ds[0].key) * 100 + part, bound: "max" };
  }
  const [mm, dd] = ds[0].key!.split("-").map(Number);
  const lead = text.slice(Math.max(0, ds[0].start - 24), ds[0].start);
  return {
    value: mm * 100 + dd,
    bound: /\b(?:before|by|no later than|prior to)\s+(?:the\s+)?$/i.test(lead) ? "max" : "exact",
  };
}

/** "before summer reading starts on June 13": the date of an occasion the milestone comes before, a deadline. */
const OCCASION_ON = new RegExp(
  String.raw`\b(?:before|ahead of|in time for|prior to)\b[^.;]{0,60}` +
    String.raw`\b(?:starts?|begins?|opens?|kicks? off|is held)\s+(?:on\s+)?$`,
  "i",
);

const FIRST_LIVE_THING =
  /^\s+(?!(?:review|meeting|call|plan|workshop|kickoff|training|test|uat|readiness)\b)[\p{L}\d_-]+(?:\s+[\p{L}\d_-]+)?\s*:\s*$/iu;

const MILESTONE_ABOUT = new RegExp(
  String.raw`^\s+(?:approach|plan(?:ning)?|strategy|readiness|checklist|criteria|decision|meeting|workshop|call|` +
    String.raw`rehearsals?|dry[- ]runs?|comms|communications?|review)\b`,
  "i",
);

function milestones(source: TextSource, c: Span, out: Fact[], dayFirst: boolean) {
  const ds = dateMentions(c.text, { dayFirst }).filter((d) => d.key && /^\d{2}(?:-\d{2})?$/.test(d.key));
  if (!ds.length) {
    // a go-live before a holiday: a deadline in the holiday's month
    const ev = EVENT_MONTHS.find(([re]) => re.test(c.text));
    const m = MILESTONES.find(([, re]) => re.test(c.text));
    if (ev && m && /\b(?:before|by|ahead of|in time for|prior to)\b/i.test(c.text))
      out.push(fact("date", source, `date:${m[0]}`, ev[1] * 100 + ev[2], "max", c));
    return;
  }
  let m: [string, RegExp] | undefined;
  let at = -1;
  let atEnd = -1;
  for (const x of MILESTONES) {
    const hit = x[1].exec(c.text);
    // a milestone another one is counted from names no date of its own ("Support ends (4 weeks after cutover)")
    if (
      hit &&
      /\b(?:after|following|post|since)\s+(?:the\s+)?$/i.test(c.text.slice(Math.max(0, hit.index - 16), hit.index))
    )
      continue;
    // nor does a meeting or a plan about it ("Agree go-live approach … 5 Dec", "cutover rehearsal: 3 Nov")
    // (but a kickoff meeting, call or workshop is the kickoff itself)
    const after = hit ? c.text.slice(hit.index + hit[0].length) : "";
    if (hit && MILESTONE_ABOUT.test(after) && !(x[0] === "kickoff" && /^\s+(?:meeting|call|workshop)\b/i.test(after)))
      continue;
    if (hit) {
      m = x;
      at = hit.index;
      atEnd = hit.index + hit[0].length;
      break;
    }
  }
  if (!m) return;
  // a go-live the clause rules out is no date of it ("no cutover between 1 August and 31 October of any year")
  if (/\b(?:not|no|never)\b[^.;]{0,40}$/i.test(c.text.slice(0, at))) return;
  // the date nearest the milestone word, with no colon-led quotation or attribution between them
  const gap = (x: { start: number; end: number }) => (x.start >= atEnd ? x.start - atEnd : Math.max(0, at - x.end));
  // (in a line of many dates, the nearest after the word: "2025-06-23 → 2025-08-01   go-live YVR 2025-08-04")
  const after = ds.length > 2 ? ds.filter((x) => x.start >= atEnd) : [];
  const d = [...(after.length ? after : ds)].sort((a, b) => gap(a) - gap(b))[0];
  // (a weekday before the date is part of it: "Go-live: Tuesday, 2 December")
  const between = (d.start >= atEnd ? c.text.slice(atEnd, d.start) : c.text.slice(d.end, at)).replace(WEEKDAY_NAME, "");
  // in a line of many dates ("Sprint 1: … · UAT: … · Go-live: 16 Feb"), only the date after the word is its own
  // (a site's code or name may say whose go-live it is: "go-live YVR 2025-08-04", "go-live Calgary: 2 Sep")
  if (ds.length > 2 && (d.start < atEnd || !/^\s*(?:\p{Lu}[\p{L}-]+\s*)?(?::|on|date|[—–-])?\s*$/u.test(between)))
    return;
  if (
    /["“”]/.test(between) ||
    (/:/.test(between) &&
      !/^\s*(?:target|date|planned|scheduled)?\s*(?:\([^()]{1,40}\))?\s*:\s*(?:the\s+)?$/i.test(between) &&
      // ("Go-live with appointment enforcement: 6 October": what goes live, then its date; "Go-Live Date at
      // Harbour Clinic: the 4th day of May")
      !/^\s+(?:date\s+)?(?:with|for|of|at|in)\s+[^:"“”]{1,50}:\s*(?:the\s+)?$/i.test(between) &&
      // ("Go-live, both depots: 4 May": which go-live, after a comma)
      !/^\s*,\s*[^:"“”,]{1,40}:\s*$/.test(between) &&
      // ("First live payment run: Sep 21": the run that goes live)
      !FIRST_LIVE_THING.test(between) &&
      !/^\s*(?:\.{2,}|:)\s*$/.test(between))
  )
    return;
  if (Math.abs(d.start - at) > 80) return;
  // (a window opens on the date after it: "agreed the plan on January 5: portal open for recruitment March 16")
  if (m[0] === "opening" && d.end <= at) return;
  // (a record's own date in brackets dates the record: "the rest due on go-live (desk ref, 2 May)")
  if (/\([^()]*\b(?:deal desk|approved|signed|dated|agreed|ref)\b[^()]*$/i.test(c.text.slice(0, d.start))) return;
  const [mm, dd] = d.key!.split("-").map(Number);
  // "by 3 Oct", "no later than August": a deadline, met by any earlier date
  const lead = c.text.slice(Math.max(0, d.start - 24), d.start);
  // a range that ends at the milestone starts elsewhere ("history from 2004 onward until cutover")
  if (d.end <= at && /\b(?:from|since)\s+(?:the\s+)?$/i.test(lead)) return;
  // a month's opening ("early March", its first week): by about the tenth
  if (!dd && (/^(?:early|beginning of|start of)\b/i.test(d.text) || /\b(?:first|1st) week of\s+$/i.test(lead))) {
    out.push(fact("date", source, `date:${m[0]}`, mm * 100 + 10, "max", c));
    return;
  }
  // "mid-April": about the fifteenth (by it, or around it)
  if (!dd && /^mid\b/i.test(d.text)) {
    const by = /\b(?:before|by|no later than|prior to|until)\s+(?:the\s+)?$/i.test(lead);
    out.push(fact("date", source, `date:${m[0]}`, mm * 100 + 15, by ? "max" : "approx", c));
    return;
  }
  const bound: Quantity["bound"] =
    /\b(?:before|by|no later than|prior to|until)\s+(?:the\s+)?(?:(?:end|start|middle) of\s+)?$/i.test(lead) ||
    OCCASION_ON.test(c.text.slice(Math.max(0, d.start - 90), d.start))
      ? "max"
      : dd
        ? "exact"
        : "approx";
  out.push(fact("date", source, `date:${m[0]}`, mm * 100 + (dd || 0), bound, c));
}
