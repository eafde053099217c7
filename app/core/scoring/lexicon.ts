// Words: a light stemmer, stop words and synonyms, for matching promises against scope.
import { memo } from "./memo";

const STOP = new Set(
  `a an the and or but so of to in on at by for with from into onto over under
  up down out off as is are was were be been being
  this that these those it its they them their there here he she his her him we us our you your i me my mine
  will would can could should shall may might must do does did done has have had having not no yes also too very just
  all any each every some more most other such same own than then when where which who whom whose what why how
  if about after before again against between through during above below once only both few further
  get gets got getting make made want wants wanted need needs needed told tell said say says ask asked think thinks
  going go goes gone come comes came let lets like really now today already still eventually soon later
  we'd we'll they'd they'll they're it's that's i'm i'd i've don't doesn't won't can't
  customer customers client provider vendor team teams people person part thing things way ways lot lots
  etc e.g i.e incl via per include includes including included
  one two three four five six seven eight nine ten first second third
  cust ok okay sure yeah guy guys folks`.split(/\s+/),
);

/** Groups of words that mean the same thing in a handoff (first word is the canonical form). */
const SYNONYM_GROUPS = [
  ["user", "seat", "license", "licence", "named user", "login"],
  ["employee", "ee", "ees", "staff", "worker", "associate", "headcount", "fte"],
  ["admin", "administrator"],
  ["train", "training", "trained", "enablement", "session", "workshop"],
  ["integrate", "integration", "connector", "connect", "sync", "synced", "syncing", "interface", "api"],
  ["migrate", "migration", "conversion", "convert", "load", "loaded", "import", "backfill"],
  ["report", "reporting", "dashboard"],
  ["live", "golive", "go-live", "launch", "cutover", "production"],
  ["endpoint", "device"],
  ["technician", "tech"],
  ["month", "mo", "mos", "monthly"],
  ["year", "yr", "yrs", "annual", "annually"],
  ["sso", "single sign-on", "saml"],
  ["mobile", "app", "phone", "ios", "android"],
  ["support", "hypercare"],
];

const SYN = new Map<string, string>();
for (const g of SYNONYM_GROUPS) for (const w of g) SYN.set(w, g[0]);

/** A small suffix-stripping stemmer: enough to match "integrations"/"integrated"/"integration". */
export const stem = memo(50000, stemOf);

function stemOf(word: string): string {
  // an acronym's plural ("DCs", "APIs", "KPIs") is the acronym
  let w = (/^[A-Z]{2,}s$/.test(word) ? word.slice(0, -1) : word).toLowerCase().replace(/[’']s$/, "");
  if (SYN.has(w)) return SYN.get(w)!;
  if (w.length > 4) {
    for (const [suf, rep] of [
      ["ational", "ate"],
      ["ization", "ize"],
      ["ations", "ate"],
      ["ation", "ate"],
      ["ments", ""],
      ["ment", ""],
      ["ings", ""],
      ["ing", ""],
      ["ies", "y"],
      ["ied", "y"],
      ["ers", "er"],
      ["ed", ""],
      ["es", ""],
      ["s", ""],
    ] as const) {
      if (w.endsWith(suf) && w.length - suf.length >= 3) {
        w = w.slice(0, w.length - suf.length) + rep;
        // "planning", "shipped": the doubled consonant goes with the ending ("billing" keeps its double l)
        if (/^(?:ings?|ed)$/.test(suf) && /([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
        break;
      }
    }
  }
  if (SYN.has(w)) return SYN.get(w)!;
  // ("migrated" is "migrate" with its ending, as "migration" is)
  if (SYN.has(`${w}e`) && /ed$/i.test(word)) return SYN.get(`${w}e`)!;
  if (w.length > 4 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return SYN.get(w) ?? w;
}

export function isStop(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** Content terms of a text: lower-cased, stemmed, stop words and bare numbers dropped. */
export const terms = memo(512, termsOf);

function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’&-]*|\d+[a-z]+/gu)) {
    let raw = m[0];
    // (the common case, a word with no trailing quote or hyphen, skips both replacements)
    if (raw.endsWith("'") || raw.endsWith("’")) raw = raw.slice(0, -1);
    if (raw.endsWith("-")) raw = raw.replace(/-+$/, "");
    if (raw.length < 2 || isStop(raw)) continue;
    // a word not split is already known to be no stop word
    if (!raw.includes("-") || raw.length <= 8) {
      out.push(stem(raw));
      continue;
    }
    for (const part of raw.split("-")) {
      if (part.length < 2 || isStop(part)) continue;
      out.push(stem(part));
    }
  }
  return out;
}

export function termSet(text: string): Set<string> {
  return new Set(terms(text));
}
