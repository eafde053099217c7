// Vague wording in requirements, by family, after the requirements-quality literature: ISO/IEC/IEEE 29148
// (unbounded and subjective terms), NASA's ARM weak phrases and options, INCOSE's rules R7 (vague terms),
// R8 (escape clauses) and R9 (open-ended clauses). One concept per list; each list is one line to change.

const words = (list: string[]) => list.map((w) => w.replace(/ /g, "\\s+")).join("|");

/** R8 escape clauses: the requirement lets someone decide later whether or how much applies. */
export const ESCAPE_CLAUSES = [
  "as needed",
  "as required",
  "as necessary",
  "as appropriate",
  "as applicable",
  "as requested",
  "as discussed",
  "as directed",
  "as desired",
  "as (?:mutually )?agreed",
  "as time permits",
  "ad[- ]hoc",
  "if applicable",
  "if needed",
  "if necessary",
  "if required",
  "if practical",
  "if possible",
  "if feasible",
  "where applicable",
  "where possible",
  "where appropriate",
  "where practical",
  "where needed",
  "when needed",
  "when required",
  "when requested",
  "if requested",
  "on request",
  "upon request",
  "where useful",
  "where available",
  "as available",
  "to the extent (?:possible|practical|practicable|necessary)",
  "as (?:much|soon|far) as (?:is )?(?:technically |reasonably |commercially )?(?:possible|feasible|practicable)",
  // whatever someone asks for later: "as may be required", "as the Terminal may request", "from time to time"
  "as (?:[\\w'’-]+ ){0,4}may (?:be )?(?:reasonably )?(?:required|requested|needed|require|request|need|specify|determine|direct|designate|select|choose)",
  // a legal drafter's open list: "such reports as the City may reasonably require", "such platforms as the Customer uses"
  "such (?:[\\w'’-]+ ){1,4}as (?:the |its |their )?[\\w'’-]+ (?:(?:may|might|shall|will|does) )?(?:reasonably )?(?:uses?|requires?|requests?|designates?|needs?|specif(?:y|ies)|directs?|selects?|chooses?|wants?|determines?)",
  "from time to time",
  "at (?:the )?(?:customer'?s |client'?s |provider'?s )?discretion",
  "to be (?:agreed|determined|defined|decided|confirmed)(?: upon)?",
  "tbd",
  "tbc",
  // in the languages international packets mix in
  "seg[uú]n (?:necesidad|se requiera)",
  "si (?:es )?necesario",
  // "integraciones que se requieran", "cuando sea necesario", "en caso necesario"
  "que se (?:requieran|necesiten|soliciten)",
  "cuando (?:sea necesario|se requiera|se solicite)",
  "en caso necesario",
  "le cas [ée]ch[ée]ant",
  "(?:qui|qu'ils) seront (?:requis|demand[ée]s)",
  "au besoin",
  "selon (?:les )?besoins?",
  "si n[ée]cessaire",
  "(?:bei|nach) bedarf",
  "secondo necessit[àa]",
  "se necessario",
  "vid behov",
  "w razie potrzeby",
  "conforme (?:necess[áa]rio|a necessidade)",
];

/** R9 open-ended clauses: a list that never closes. */
export const OPEN_ENDED = [
  "etc\\.?",
  "and so on",
  "and (?:much )?more",
  "including,? but not limited to",
  "possibly including",
  "such as",
  "and the like",
  "and similar",
  "or similar(?: format)?",
  "among others",
  "and (?:all )?other (?:[\\w-]+ ){0,3}(?:[\\w-]+)",
  // "other sites to be selected": a list its owner will finish later
  "other (?:[\\w-]+ ){0,2}to be (?:selected|chosen|agreed|confirmed|determined|identified|decided)",
  // "and related enforcement workflows", "and anything else finance asks for"
  "and related (?:[\\w-]+ )?(?:workflows|functions|functionality|services|items|activities|tasks|processes|" +
    "features|work|modules|reports|systems)",
  "(?:and|or) anything else",
  // "such further views as the client may request", "such other systems as may be required"
  "such (?:other|further|additional) (?:[\\w-]+ ){0,4}as",
  "together with related (?:[\\w-]+ )?[\\w-]+",
  // a scope that grows with whatever else someone asks for: "any other reports the board requires"
  "any other (?:[\\w-]+ ){1,3}(?:(?:that|which) )?(?:the |its |their |our )?[\\w'-]+ " +
    "(?:requires|requests|needs|specifies|asks for|may (?:require|request|need|specify))",
  // "other interfaces the Assessor may identify", "other tax types as the Department may designate"
  "other (?:[\\w-]+ ){1,3}(?:(?:that|which|as) )?(?:the |its |their |our )?[\\w'-]+ " +
    "(?:(?:may|might|later) ){0,2}(?:identif(?:y|ies)|designates?|selects?|determines?|adds?|locates?)",
];

/** Vague quantifiers: how many is left to the reader. */
export const VAGUE_QUANTIFIERS = [
  "some",
  "certain",
  "various",
  "several",
  "numerous",
  "many",
  "most",
  "the majority of",
  "majority of",
  "a few",
  "few",
  "a number of",
  "a handful of",
  "a couple of",
  "multiple",
  "a range of",
  "a variety of",
  "assorted",
  "plenty of",
  // a plural left optional: "workshop(s)", "report(s)" — one or many
  "[a-z]{3,}\\(s\\)",
  "all (?:relevant|necessary|required|applicable|needed)",
  "any additional",
  "commonly",
  "typically",
  "generally",
  "usually",
  // a set named only by today's practice: "the usual dashboards", "whatever the auditors need", "the reports they
  // use today"
  "the usual",
  "whatever",
  // a subset picked by importance with no list: "key suppliers", "major accounts", "top vendors" (not a role or a
  // count: "key users", "top 100 vendors", "12 key accounts")
  "(?<!(?:\\d|\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|" +
    "hundred))\\s)(?:key|major|main|principal|top) (?!(?:users?|personnel|dates?|contacts?|stakeholders?|" +
    "milestones?|deliverables?|features?|risks?|terms?)\\b)(?:[a-z-]+ )?[a-z-]+s",
  "(?:all )?the [\\w-]+(?: [\\w-]+){0,2} (?:they|we|you|staff|\\w+ managers|\\w+ teams?) (?:use|have|send|run|get) today",
];

/** R7 vague terms: subjective or unmeasurable qualities. */
export const VAGUE_QUALITIES = [
  "full",
  "fully",
  "complete",
  "comprehensive",
  "robust",
  "seamless(?:ly)?",
  "reasonable",
  "adequate",
  "sufficient",
  "appropriate",
  "typical",
  "customary",
  "best[- ]efforts?",
  "best practices?",
  "industry[- ](?:norms|standards?|best practices?|practices?)",
  "(?:high|low|good|acceptable) (?:uptime|availability|performance|quality|latency|response times?)",
  "timely",
  "regular basis",
  "regularly",
  "ongoing",
  "periodic(?:ally)?",
  "user[- ]friendly",
  "intuitive",
  "flexible",
  "scalable",
  "efficient",
  "fast",
  "quick(?:ly)?",
  "easy",
  "easily",
  "one[- ]click",
  "state[- ]of[- ]the[- ]art",
  "modern",
  "bi-?monthly",
  "as soon as practicable",
  "minimal",
  "optimi[sz]ed",
  "enhanced",
  "improved",
  "relevant",
  "necessary",
  "existing",
  "standard",
];

const re = (list: string[]) => new RegExp(String.raw`(?<![\w-])(?:${words(list)})(?![\w-])`, "i");
export const ESCAPE_RE = re(ESCAPE_CLAUSES);
export const OPEN_RE = re(OPEN_ENDED);
export const QUANTIFIER_RE = re(VAGUE_QUANTIFIERS);
export const QUALITY_RE = re(VAGUE_QUALITIES);

const ESCAPE_G = new RegExp(ESCAPE_RE.source, "gi");
const OPEN_G = new RegExp(OPEN_RE.source, "gi");
const QUANTIFIER_G = new RegExp(QUANTIFIER_RE.source, "gi");
const QUALITY_G = new RegExp(QUALITY_RE.source, "gi");
const QUICK = { escape: ESCAPE_RE, open: OPEN_RE, quantifier: QUANTIFIER_RE, quality: QUALITY_RE };

/** Bounded by the text itself: a cap in hours, days or count, a maximum, a tolerance. */
export const BOUNDED = new RegExp(
  [
    String.raw`\bup to \d|\bcapped\b|\bnot to exceed\b|\bmax(?:imum)?\b|\bmin(?:imum)? of \d|`,
    String.raw`\bat least \d|\d+(?:\.\d+)?\s?%|\bno more than\b|\b\d+\s*(?:hours?|hrs?|days?)\b|`,
    String.raw`\bwithin\s*[±+]?\s*\d`,
  ].join(""),
  "i",
);
/** A list declared complete ("the full list is in Schedule 4", "only these", "the following three"). */
export const CLOSED_LIST = new RegExp(
  [
    String.raw`\b(?:complete|full|exhaustive|closed|entire)\s+(?:(?:and|&)\s+)?(?:\w+\s+)?list\b|\bexhaustive\b|`,
    String.raw`\blisted in (?:appendix|schedule|exhibit|annex|attachment)\b|\bonly\b|\bno others?\b|`,
    String.raw`\bthe following \w+\b|\bexactly\b`,
  ].join(""),
  "i",
);
// "(e.g., a, b, etc.)": examples, not the scope
const EXAMPLES = /\((?:e\.g\.|for example|such as|eg)[^)]*\)/gi;

/** Words that name a specific thing after a qualifier ("the standard AP Aging report", "Standard Edition"). */
const NAMED_AFTER = /^\s+(?:[A-Z0-9][\w&/-]*|\(|["“])/;
/**
 * Qualities that are the name of a thing, not a judgement ("full-time", "full day", "custom field", "legacy system X").
 */
const NOT_VAGUE_AFTER: Record<string, RegExp> = {
  full: new RegExp(
    [
      String.raw`^\s*-?\s*(?:time|day|days|year|shift|shifts|night|week|weeks|weekend|month|months|`,
      String.raw`quarter|season|term|text|name|stack|screen|load|refund|payment|cycle|page|size|service|`,
      String.raw`access|copy|backup|price|list|(?:\w+\s+)?list|time\b|`,
      // a whole period, however it is named ("one full reporting cycle", "the first full period", "full billing
      // cycle")
      String.raw`(?:[\w-]+\s+)?(?:period|cycle|run)s?\b|`,
      // a count in full ("the full 2,000 tags")
      String.raw`\d)`,
    ].join(""),
    "i",
  ),
  fully: new RegExp(
    [
      String.raw`^\s+(?:qualified|loaded|managed|hosted|paid|staffed|booked|signed|executed|vaccinated|`,
      String.raw`remote|off|live|operational|online|onboarded|trained|tagged|\w+-tagged)\b`,
    ].join(""),
    "i",
  ),
  complete: /^\s+(?:(?:and|&) \w+\s+)?(?:on|when|upon|after|by|within|list|set|record)|^\s*[.,;:]/i,
  custom: /^\s+(?:fields?|objects?|domains?|apps?|roles?|code)\b/i,
  existing: /^\s+(?:[A-Z]|customers?|users?|data|contracts?|accounts?|records?|staff)/,
  legacy: /^\s+[A-Z]/,
  standard: /^\s+(?:[A-Z]|time|edition|plan|tier|rates?|terms|support|license|subscription|msa|contract)/,
  additional: /^\s+(?:\d|one|two|three|four|five|fees?|charges?|costs?)/i,
  relevant: /^\s+[A-Z]/,
  necessary: /^\s+(?:to|for)\b/i,
  advanced: /^\s+(?:[A-Z]|edition|plan|tier)/,
  modern: /^\s+[A-Z]/,
  some: /^\s+(?:of the \d|\d)/i,
  certain: /^\s+(?:that|of the \d)/i,
  // "most" before an adverb or an adjective of rank is a superlative ("most critical", "most effectively"), not a count
  most: new RegExp(
    [
      String.raw`^\s+(?:\w+ly|recent|important|likely|common|significant|critical|severe|serious|urgent|valuable|`,
      String.raw`effective|efficient|relevant|appropriate|suitable|popular|frequent|sensitive|vulnerable|complex|`,
      String.raw`senior|active|successful|reliable|accurate|used|visited|requested)\b`,
    ].join(""),
    "i",
  ),
  periodic: /^\s+(?:table|review)\b/i,
  minimal: /^\s+(?:downtime)\b/i,
};

const LAW_AFTER =
  /^\s+(?:by|under|in)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?:law|laws|statute|regulations?|rules|code|act|standards?)\b/;
const LISTED_IN =
  /^[^.;]{0,60}\b(?:listed|set out|named|specified|described) in (?:attachment|appendix|schedule|exhibit|annex)\b/i;

export interface VagueHit {
  family: "escape" | "open" | "quantifier" | "quality";
  index: number;
  text: string;
}

const NAMED_THING_AFTER = new RegExp(
  [
    String.raw`^\s+(?:[\w-]+\s+){0,2}?(?:reports?|dashboards?|integrations?|workflows?|forms?|`,
    String.raw`templates?|fields?|processes|flows|content|types|reasons|configurations?|features?|`,
    String.raw`functionality|objects?)\b`,
  ].join(""),
  "i",
);

const SERVICE_QUALITY_WORD = new RegExp(
  [
    String.raw`^(?:relevant|necessary|appropriate|efficient|fast|quick|quickly|easy|easily|improved|`,
    String.raw`enhanced|optimi[sz]ed|minimal|regularly|periodic|periodically|flexible|scalable|`,
    String.raw`intuitive|modern|advanced|typical)$`,
  ].join(""),
);

const MEASURED_THING_AFTER = new RegExp(
  [
    String.raw`^\s+(?:[\w-]+\s+){0,2}?(?:reports?|dashboards?|integrations?|workflows?|processes|data|`,
    String.raw`performance|access|interface|support|training|service|response|turnaround|basis)\b`,
  ].join(""),
  "i",
);

/** The first vague phrase of a requirement that the text does not itself bound, or null. */
export function vagueHit(
  raw: string,
  families: VagueHit["family"][] = ["escape", "open", "quantifier", "quality"],
): VagueHit | null {
  const text = raw.replace(EXAMPLES, (m) => " ".repeat(m.length));
  const bounded = BOUNDED.test(text);
  const tries: [VagueHit["family"], RegExp][] = [
    ["escape", ESCAPE_G],
    ["open", OPEN_G],
    ["quantifier", QUANTIFIER_G],
    ["quality", QUALITY_G],
  ];
  for (const [family, pattern] of tries) {
    if (!families.includes(family)) continue;
    if (!QUICK[family].test(text)) continue;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const word = m[0].toLowerCase().replace(/\s+/g, " ");
      const after = text.slice(m.index! + m[0].length);
      if (family === "escape" && bounded) continue;
      // what a law or a rule book requires is defined there ("as required by State law", "as required under the Act")
      if (family === "escape" && LAW_AFTER.test(after)) continue;
      // "As discussed, the vendor will produce the certificates …": a lead-in to the words that say it
      if (
        family === "escape" &&
        /^as (?:discussed|agreed)/.test(word) &&
        /^\s*(?:(?:dear|hi|hello)\s+[\w.]+,?\s+)?(?:\w+\s+)?$/i.test(text.slice(0, m.index!)) &&
        (/^\s*(?:\w+ly\s*)?[,:—–-]\s*\S+(?:\s+\S+){3}/.test(after) ||
          // ("Confirming as discussed - …" cut off from what it confirms)
          /^(?:confirm(?:ing|ed)?|noted)\s+$/i.test(text.slice(0, m.index!).trimStart()))
      )
        continue;
      // a qualifier on a list that names where it is spelled out ("the four standard reports listed in Attachment C")
      if ((family === "quality" || family === "quantifier") && LISTED_IN.test(after)) continue;
      // "as appropriate for each role": the qualifier says what decides it
      if (family === "escape" && /^\s*(?:for|to) (?:the|each|their)\b/i.test(after) && !/^as\s+needed/.test(word))
        continue;
      if (family === "open" && CLOSED_LIST.test(text)) continue;
      // "such as" opens an open list only where the examples are the whole definition ("features such as:")
      if (
        family === "open" &&
        word === "such as" &&
        !/^\s*:/.test(after) &&
        !/\b(?:features?|items?|things|functionality|capabilities|tools|sources|systems)\s*$/i.test(
          text.slice(0, m.index!),
        )
      )
        continue;
      if (
        (family === "quantifier" || family === "quality") &&
        bounded &&
        /^(?:full|complete|additional|multiple|several|all|most|some)/.test(word)
      )
        continue;
      // a cell or line that is only "TBD" is an open owner or date, not vague scope (nor is a milestone's own
      // "Ready when: TBD": its acceptance is missing, its work is not vague)
      const bare = text
        .trim()
        .replace(/[.:;]$/, "")
        .toLowerCase();
      if (family === "escape" && (bare === word || /^ready (?:when|if|means)\s*:/.test(bare))) continue;
      const base = word.split(" ")[0];
      const guard = NOT_VAGUE_AFTER[word] ?? NOT_VAGUE_AFTER[base];
      if (guard?.test(after)) continue;
      // "full" said of a thing's state is no scope: "how full the next bus is", "the bin is full", "paid in full"
      if (/^full$/i.test(word) && /\b(?:how|is|are|was|were|be|being|in)\s+$/i.test(text.slice(0, m.index!))) continue;
      // "complete" qualifies a thing only after a determiner ("a complete payroll setup"); otherwise it is a status
      // (or after a verb of supply: "offering complete self-service")
      if (
        word === "complete" &&
        !/\b(?:a|an|the|fully|offering|providing|with|giving)\s+$/i.test(text.slice(0, m.index!))
      )
        continue;
      // a frequency listed among other frequencies is an option list, not a vague service level
      if (
        /^bi-?monthly$/.test(word) &&
        /\b(?:monthly|quarterly|weekly|annual|semi-annual)\b/i.test(text.replace(/bi-?monthly/gi, ""))
      )
        continue;
      // an owner still to be named is an ownership gap, not vague scope
      if (family === "escape" && /^(?:tbd|tbc|to be)/.test(word) && /\bowner|\bassign|\bwho\b/i.test(text)) continue;
      // a qualifier right before a proper name names a product or a named report
      if (
        family === "quality" &&
        NAMED_AFTER.test(after) &&
        /^(?:standard|legacy|existing|advanced|modern|custom|relevant)$/.test(word)
      )
        continue;
      if (family === "quality" && /^(?:standard|custom|existing|legacy)$/.test(word) && !NAMED_THING_AFTER.test(after))
        continue;
      // a word of a proper name ("the Firefighter Full Gear division") or of a term its initials define ("Fully
      // automatic timing (FAT)", "the standard scoring report (XC-TS1)")
      if (/^\p{Lu}/u.test(m[0]) && /\p{Lu}[\p{L}-]*\s+$/u.test(text.slice(0, m.index!)) && /^\s+\p{Lu}/u.test(after))
        continue;
      if ((family === "quality" || family === "quantifier") && definedAfter(m[0], after)) continue;
      if (family === "quality" && SERVICE_QUALITY_WORD.test(word) && !MEASURED_THING_AFTER.test(after)) continue;
      return { family, index: m.index!, text: m[0] };
    }
  }
  return null;
}

/**
 * The words from the qualifier on are a defined term: their initials in brackets ("Fully automatic timing (FAT)"), or a
 * code with a figure in it ("the standard scoring report (report XC-TS1)").
 */
function definedAfter(word: string, after: string): boolean {
  const m = /^((?:\s+[\w-]+){1,5})\s*\(((?:[a-z]+\s+)?)([A-Z][A-Z0-9-]{1,9})\)/.exec(after);
  if (!m) return false;
  if (/\d/.test(m[3])) return true;
  const initials = [word, ...m[1].trim().split(/\s+/)].map((w) => w[0].toUpperCase()).join("");
  return !m[2] && initials === m[3];
}

/** Plural work products with no count ("develop standard reports", "build redaction templates"). */
export const UNCOUNTED_WORK = new RegExp(
  [
    String.raw`\b(?:develop|build|create|configure|deliver|provide|design|produce|set up|`,
    String.raw`implement)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:reports|dashboards|integrations|interfaces|`,
    String.raw`templates|forms|workflows|extracts|connectors|journeys|automations|alerts|notifications|`,
    String.raw`letters|documents|views)\b(?![^.;]*?(?:\(|:|\b(?:listed|following|in (?:appendix|exhibit|`,
    String.raw`annex|attachment|schedule)|per (?:appendix|exhibit|annex|attachment)|\d)))`,
  ].join(""),
  "i",
);
