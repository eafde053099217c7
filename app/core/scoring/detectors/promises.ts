import type { Context, Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { documentOf, inTitleBlock, normalizeId } from "../document";
import { sentences, trimSpan, type Span } from "../structure";
import { stem, terms } from "../lexicon";
import { dateMentions, MONTH_RE, RELATIVE_DURATION } from "../numbers";
import { afterHeader, DECLINED, NOT_A_PROMISE, noteNoise, speakerPrefix } from "../conversation";
import { GIVEN_AWAY_TERMS } from "../commercial";

/** who is (not) staffed: "no one here owns it", "no delivery lead assigned", "resourcing is on it" */
const STAFFING = new RegExp(
  String.raw`\b(?:nobody|no one|no-one|anyone|anybody)\b[^.;]{0,40}\b(?:owns?|named|assigned|allocated)\b|` +
    String.raw`\bno (?:delivery |project )?(?:lead|owner|manager|pm)\b[^.;]{0,30}\b(?:assigned|named|allocated|yet)\b|` +
    String.raw`\bresourcing\b`,
  "i",
);
const EVENT_DEADLINE = new RegExp(
  [
    String.raw`\b(?:before|in time for|ahead of|by the time|by the end of|prior to|at the latest|`,
    String.raw`(?:straight|right|soon) after)\b|`,
    // "by Labor Day", "for the September close"
    String.raw`\bby\s+(?:[A-Z][\w'’]+\s+){1,2}Day\b|`,
    String.raw`\bfor (?:the|their|it)\b[^.;]{0,40}\b(?:close|run|cycle|season|inspection|audit|opening)\b`,
  ].join(""),
);
const READY_WORDS = new RegExp(
  [
    String.raw`\b(?:live|go-?live|ready|done|launch(?:ed)?|cut[- ]?over|complete[ds]?|finished|`,
    String.raw`in production|up and running|running|migrated by|in use|open for|opens? (?:on|by)|converted|` +
      String.raw`scanning|switched|is open|see the new system|(?:planned|scheduled) for|switch-?over|` +
      // "would be taking bookings from …", "the kiosks would be in at both sites before …"
      String.raw`taking (?:bookings|orders|payments|calls|reservations)|(?:would|will|'?ll) be in|` +
      // "the inspectors will be on the app by October"
      String.raw`be (?:on|using) (?:the |our )?(?:new )?(?:app|system|platform|portal|tool))\b`,
  ].join(""),
  "i",
);

// The seller committing, or the customer believing something was committed.
const PROMISE_CUE = new RegExp(
  [
    String.raw`\b(?:told (?:them|him|her|the \w+|their \w+|\w+)(?: that)?|i said (?:yes|we(?:'d|'ll| would|`,
    String.raw` can| could| will))|said (?:yes|we(?:'d|'ll| would| can| could| will))|(?:i |we )?promised|`,
    String.raw`(?:i |we )?agreed (?:we(?:'d| would)|to)|we(?:'ll| will| can) (?:also |`,
    String.raw`definitely )?(?:do|build|handle|add|provide|own|set|get|keep|include|connect|support|`,
    String.raw`migrate|write|run|deliver|make|bring|cover|take|throw)|committed to|guaranteed|assured|`,
    String.raw`needs us to|wants? (?:us to|\w+(?: \w+){0,6} (?:too|also|as well))|they(?:'ll|`,
    String.raw` will) also want|is included|as part of (?:this|the))\b`,
  ].join(""),
  "i",
);
// the customer believing something was promised: a subject and a belief verb ("the buyer assumes we …")
const BELIEF = new RegExp(
  [
    String.raw`\b(?:[Tt]hey|[Hh]e|[Ss]he|[Cc]ustomer|[Cc]lient|`,
    String.raw`[A-Z][a-z]+)(?:'s \w+)?(?: \([^)]*\))?\s+(?:assumes?|believes?|expects?|is expecting|`,
    String.raw`are expecting|thinks?|is assuming|are assuming|heard|understands?)\b`,
  ].join(""),
);
const CUSTOMER_WANT = new RegExp(
  [
    String.raw`\b(?:they|customer|client|she|he|[A-Z][a-z]+) (?:also )?(?:want|wants|asked for|`,
    String.raw`needs?(?! to\b)|expects?|is expecting|are expecting|requests?|requested)\b`,
  ].join(""),
);
// a forecast of a volume is no ask ("Ravi expects about 40 new kennels next year", "thinks the real count is higher")
const VOLUME_ESTIMATE = new RegExp(
  String.raw`\b(?:expects?|thinks?|estimates?|reckons?|forecasts?|projects?)\b[^.;]{0,40}` +
    String.raw`(?:\b(?:about|roughly|around|approximately|nearly|close to|some)\s+|~\s*)\d|` +
    String.raw`\b(?:count|number|volume|headcount)\b[^.;]{0,40}\b(?:a (?:little|bit) )?(?:higher|lower)\b|` +
    // "roughly 900k after dedupe, they think"
    String.raw`(?:\b(?:about|roughly|around|approximately|nearly)\s+|~\s*)\d[\d,.]*k?\b[^.;]{0,40}` +
    String.raw`\b(?:they|he|she) (?:think|reckon|estimate|expect)s?\b|` +
    // "maybe 3,000 in year one, well inside the 5k": an estimate inside the cap
    String.raw`\b(?:well|comfortably|safely) (?:inside|within|under|below)\b`,
  "i",
);
const SOMEDAY = /\beventually\b|\bsomeday\b|\bdown the road\b|\bat some point\b|\bnext year\b|\bin the future\b/i;
const FIRST_PERSON_COMMIT = new RegExp(
  [
    // (not hearsay: "I'm told resourcing is still looking")
    String.raw`\b(?:i|we)\b(?!(?:'m|’m|'re|’re| am| are| was| were| have been| 've been) told\b)` +
      String.raw`[^.;]{0,40}?\b(?:told|said|promised|agreed|assured|committed|offered|`,
    String.raw`confirmed|guaranteed|compromised (?:with \w+ )?(?:that|to))\b|` +
      String.raw`\b(?:i|we) (?:mentioned|suggested|hinted|indicated|implied) (?:that )?`,
    String.raw`(?:we|it|this|that|they) (?:could|would|can|will|'d)\b|\bsaid (?:ok|okay|yes|sure|it'?s)\b|\b(?:told|`,
    String.raw`promised|`,
    String.raw`assured) (?:them|him|her|the \w+|their \w+)\b|\btold them yes\b`,
  ].join(""),
  "i",
);
// the seller saying what the vendor committed to: "promised …", "agreed to …", a told or said clause with a yes
// or a "we would"
const SELLER_COMMITTED = new RegExp(
  [
    String.raw`\b(?:promised|agreed (?:we|to))\b|\b(?:told|said|assured)\b[^.;]{0,40}?`,
    String.raw`\b(?:we['’]?d|we(?:['’]ll| would| will| can| could)|yes|ok|okay|fine)\b`,
  ].join(""),
  "i",
);
// Recurring customer-success motions (reviews, check-ins, standard reports) are CS's own work, not delivery scope.
const CS_MOTION = new RegExp(
  [
    String.raw`\b(?:quarterly|monthly|weekly|annual(?:ly)?|yearly|each (?:year|month|quarter)|`,
    String.raw`periodic)\b[^.]{0,300}\b(?:review|check-?ins?|simulations?|sync|meeting|refresh|`,
    String.raw`call|qbrs?)s?\b|\b(?:check-?in|health review|success plan|qbrs?|business reviews?)\b|`,
    String.raw`\b(?:standard|built-in|out-of-the-box|canned|existing)\b[^.]{0,300}\breport\b|\bkpi\b|`,
    // the account team's own renewal motion ("renewal reminder 60 days before the anniversary")
    String.raw`\brenewal (?:reminders?|reviews?|calls?|check-?ins?|conversations?)\b`,
  ].join(""),
  "i",
);
const CS_EXTRA_WORK = new RegExp(
  [
    String.raw`\b(?:help|support|coverage|hypercare|on-call|24x7|24\/7|versions?|translat\w*|language|`,
    String.raw`export|migrat\w*|plan|build|built|custom\w*|integrat\w*|alerts?|notifications?|sms|text|`,
    String.raw`whatsapp|email(?:ed)?|forecast|reports?|dashboards?|portal|app|mobile|api|feed|sync\w*|`,
    String.raw`automat\w*|enrol\w*|enable\w*|calendars?|campaigns?|tests?|optimi[sz]\w*|dunning|`,
    String.raw`reminders?|module|web ?pages?|websites?|payouts?|`,
    // what a system must keep or do: where and how long data is held, the validation it passes, the work it
    // routes or schedules
    String.raw`residency|retention|retain\w*|validation|routing|scheduling|workflow)\b`,
  ].join(""),
  "i",
);
// work the customer does themselves ("customer task", "the agency to supply …")
const CUSTOMER_TASK = new RegExp(
  [
    // owned by one of the customer's departments ("owner: Ironvale IT (M. Costigan)", "owner: AUSD Communications"),
    // or by the customer success manager for the success plan ("owner: R. Kim (CSM)")
    String.raw`\bowner\s*:\s*(?:[A-Z][\w&.-]*\s+){0,3}(?:IT|Communications|Marketing|Finance|HR|Operations|`,
    String.raw`Procurement|Facilities|Legal)\b|\bowner\s*:[^;.]{0,60}(?:\bCSM\b|\((?:our )?CSM?\))|`,
    String.raw`\b(?:customer|client|their) (?:task|action|responsibility)\b|`,
    String.raw`^(?:the )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)? to (?:name|supply|provide|register|confirm|`,
    String.raw`send|add|nominate|assign|approve|sign)\b|\bnot sold\b|\bnot offered\b|\bno commitment\b|`,
    // a requirement that cites the contract's own section is that section ("retention per Section 4.2")
    String.raw`\bper (?:the )?(?:RFQ|RFP|SOW|PWS|MSA|[Cc]ontract|[Ss]ection|§)\s*[\d.]+|`,
    // or points at the scope item it comes from ("(from item B)", "(per D3)")
    String.raw`\((?:from|uses?|per|via|see)\s+(?:the\s+)?(?:(?:item|deliverable|section|clause|task)\s+)?`,
    String.raw`(?:[A-Z]|[A-Z]?-?\d+(?:\.\d+)*)\b|`,
    // an acceptance condition, an optional MoSCoW item, or a named contact is not a promise of work
    String.raw`\b(?:is|are) (?:done|complete|accepted) when\b|^\(?(?:[Cc]ould|COULD|[Ww]on'?t|WON'?T|`,
    String.raw`[Nn]ice[- ]to[- ]have)\)?\s*[—–:-]|`,
    String.raw`\b(?:contact|lead|liaison)\b[^.]{0,40}\b(?:named|identified|assigned)\b|\bsecond[- ]line only\b|`,
    // a named person's sign-off is the customer's duty ("Dana Reyes (CFO) signs off the cutover")
    String.raw`^(?:[A-Z][\w.'’-]*\s+){1,3}(?:\([^)]*\)\s+)?(?:signs? off|approves|accepts|signs)\b|`,
    String.raw`\bnoting for\b|`,
    // what the customer hands over: access, credentials, a sandbox, an export, a list, a contact
    String.raw`\b(?:customer|client|they|[A-Z][\w&.-]*) to (?:send|supply|provide|share|give)\b|`,
    // access handed to the vendor, in the customer's reply: "We will share the API credentials with your team"
    String.raw`\b(?:share|send|provide|give)\b[^.;]{0,40}\b(?:credentials|access|log-?ins?|keys?|samples?|` +
      String.raw`extracts?)\b[^.;]{0,20}\b(?:with|to) (?:you|your)\b|`,
    String.raw`\b(?:customer|client|their)(?: \w+)? contact\b|`,
    String.raw`^(?:[\w-]+\s+){0,3}(?:api access|access|test credentials|credentials|sandbox|export)\b(?:\s*[+&]\s*`,
    String.raw`(?:sandbox|field map|credentials|access))?\s*(?:[—–-]|\([A-Z][\w.-]*\)|$)|`,
    // an input a checklist waits for from a named party ("Kennel list from Harbour legal —", "(Ana from Harbour
    // sends)", "… keys received")
    String.raw`\bfrom (?:the )?(?:customer|client)\b|\bfrom (?:[A-Z][\w&.-]+\s?){1,2}(?:legal|IT|finance|team)?\s*` +
      String.raw`(?:\([^)]*\)\s*)?(?:[—–]\s*@|$)|\(\s*(?:[A-Z][\w.-]+\s+){1,2}(?:from\s+[A-Z][\w&.-]+\s+)?sends?\b|` +
      String.raw`\b(?:received|handed over)\s*(?:[—–-]|$)`,
  ].join(""),
);
// a readiness task: meeting, asking or telling a party, not something the product does ("Review the three templates
// with their controller", "Escalation contacts for each depot collected", "VPN keys from the council's IT team")
const COORDINATION = new RegExp(
  [
    String.raw`^(?:review|coordinate|confirm|agree|align|discuss|walk through|book|schedule|set (?:a|up a))\b` +
      String.raw`[^.;]{0,80}\b(?:with|reminder)\b|`,
    String.raw`\b(?:review|request|walk-?through|placement plan|sign-?off)\s+(?:with|to|from)\s+(?:the |their |our |\p{Lu})|`,
    String.raw`\b(?:reviewed|shared|published|collected|requested|coordinated|circulated|agreed)\b` +
      String.raw`(?:\s+[\w-]+){0,2}?\s*(?:with|on|by|[—–]|$)|`,
    String.raw`\b(?:credentials|api keys?|keys?|access)\s+from\b|`,
    // what the customer hands over for the build: credentials, a token, a read-only user, a sandbox's access
    String.raw`\bcredentials\b|\bapi (?:keys?|tokens?)\b|\btokens?\s*\((?:read|write)|` +
      String.raw`\b(?:read-only|service|integration) (?:api )?(?:users?|accounts?)\b|` +
      String.raw`\b(?:test|sandbox|staging|uat) (?:environment |instance )?access\b`,
  ].join(""),
  "iu",
);
const OWNER_TAIL = new RegExp(
  [
    String.raw`\s*(?:[—–|-]\s*|\(|;\s*)?\b(?:(?:training |delivery |cs )?owner|csm|status|owned by|dri|`,
    String.raw`assigned to)\b\s*:?[^.;)|]{0,300}\)?|\s*[—–-]\s*\w+ to (?:confirm|address|check)[^.]{0,300}|`,
    // a trailing name after a dash: "— P. Nakashima", "– J. Restrepo"
    String.raw`\s*[—–-]\s*(?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'’-]+\s*$|`,
    // (or a first name, with a surname or without: "— Tobias", "— Mirela Vass.")
    String.raw`\s*[—–]\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+)?\.?\s*$`,
  ].join(""),
  "giu",
);
// Commercial terms belong to the scope-exception detector, dates and deadlines to the timeline detector.
const COMMERCIAL = new RegExp(
  [
    String.raw`\b(?:prices?|pricing|rates?|fees?|discount\w*|credit(?:ed|s)?|invoic(?:ed|ing)|payments? terms|`,
    String.raw`net[- ]?\d+|t&e|travel|flights?|hotels?|accommodation|expenses|per diems?|air tickets?|airfares?|`,
    String.raw`overage|uplift|free|unused|`,
    String.raw`no (?:extra )?(?:cost|charge)|without (?:charging|billing|invoicing)|rental)\b|no extra \$|` +
      // a price quoted per unit ("comes in at $4 per seat"), a percentage off ("the 15% on years 2–3")
      String.raw`[$€£₹]\s?\d[\d.,]*\s*(?:\/|per\b|a\b)|\b\d+(?:\.\d+)?\s?% (?:on|off|less|cheaper|lower)\b|` +
      String.raw`\bdeal[- ]desk\b|` +
      // paying early or late as the term: "if they pay all in September", "pay our invoices at 60 days"
      String.raw`\bif they pay\b|\bpay (?:our |the )?invoices (?:at|in|within) \d+|` +
      // ("Payments are spread across four quarters")
      String.raw`\bpayments? (?:are |is |will be )?(?:spread|split|staged|phased|spaced)\b|` +
      `${GIVEN_AWAY_TERMS}|` +
      // terms of the contract itself: "terminate on 60 days' notice", "a two-year commitment"
      String.raw`\bterminat\w*\b[^.;]{0,40}\bnotice\b|\b(?:one|two|three|four|five|\d+)[- ]years? (?:commitment|term)\b`,
  ].join(""),
  "i",
);
// a service level (response in minutes, uptime in %) is a contracted figure: a different one is a conflict
const SERVICE_LEVEL = new RegExp(
  [
    String.raw`\b(?:response|resolution|resolve|uptime|availability|`,
    String.raw`fix)\b[^.;]{0,40}\b\d+(?:\.\d+)?\s*(?:%|minutes?|mins?|hours?|hrs?|h)\b`,
  ].join(""),
  "i",
);
const GENERIC = new Set(
  terms(
    `system systems data process help able use using work working set setup go live launch project implementation
     phase team call kickoff note
     deal sow scope order form week weeks month months year years day days quarter time date first new current
     today plan start ready done
     really super big small whole real main key good great fine sure happy yes all everything anything something
     full quick easy one
     also too well still eventually already around approximately about like assume assumes believe believes
     expect expects
     say says said tell told promise promised agree agreed ask asked yes okay ok line sure thing stuff actually
     make liked works
     customer client vendor supplier provider contractor side thanks please note
     reckon happen comfortable doable feasible achievable realistic possible stand-ups standups
     discuss discussed discussion mention mentioned confirm confirmed confirming noted telephonically verbally
     kindly revert regards dear`,
  ).concat(["am", "pm"]),
);
const PEOPLE = new RegExp(
  [
    String.raw`\b(?:Mr|Mrs|Ms|Dr|Prof|Capt|Cllr|Sgt|Lt|Col|Rev)\.?\s+[A-Z][\p{L}'’-]+|@[\p{L}\d._-]+|`,
    // ("confirm with D. Ruiz", "— P. Nakashima": an initial and a surname)
    String.raw`\b[A-Z]\.\s?[A-Z][\p{L}'’-]+|`,
    String.raw`(?<=\b(?:told|asked|assured|reassured|emailed)\s+)[A-Z][\p{L}'’-]+|`,
    String.raw`\b[A-Z][\p{L}'’-]+(?=\s+(?:(?:also|really|still|now)\s+)?(?:wants?|expects?|asked|says|said|thinks|`,
    String.raw`reckons|needs|is keen|was keen|was told|has told|heard|understands)\b)`,
  ].join(""),
  "gu",
);
const DATE_WORD = new RegExp(`^(?:${MONTH_RE}|q[1-4]|eo[qmy]|\\d.*)$`, "i");
// when, how often and in which time zone: the timing of work, never itself the thing missing from the scope
const TIMING_WORD = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|cut-?off|ist|cet|cest|gmt|bst|utc|` +
    `est|edt|pst|pdt|aest|sast|eat)$`,
  "i",
);

const REPLACED_MEDIUM = new RegExp(
  String.raw`\b(?:mail(?:ing|ed)?|post|paper|spreadsheets?|excel|e-?mails?|fax(?:es|ing)?|manual(?:ly)?|` +
    String.raw`whiteboards?|phone calls?)\b`,
  "i",
);

// where a promise was made is not what was promised ("In our response to question 4.3 we stated that …", "per
// our bid,")
const SOURCE_FRAME = new RegExp(
  String.raw`\b(?:in|as (?:stated|set out|described) in) (?:our|the) (?:tender |rfp |bid |written )?` +
    String.raw`(?:response|answer|reply|proposal|submission)(?: to (?:question|item|section|requirement|clause) ` +
    String.raw`[\w.()-]+)?,?(?: (?:we|I) (?:stated|said|confirmed|wrote|committed|promised|noted|explained)(?: that)?)?`,
  "gi",
);

const PAST_NARRATIVE =
  /\blast (?:year|season|time|month|spring|summer|autumn|fall|winter)\b|\b(?:old|previous|former) (?:vendor|system|supplier|provider|tool)\b|\bused to\b/i;
const PURPOSE =
  /(?:^|,?\s+)so(?: that)?\s+(?:your|the|their|our|its|nobody|no one|nothing|everyone|you|they|we|staff)\b[^.;]*/i;

/** The content terms of a clause that signed_scope and order_form do not contain, with the words as written. */
function uncovered(original: string, scope: Set<string>): { missing: string[]; words: string[]; total: number } {
  // the people a clause names (who was told, who wants it) are not what was promised
  // (nor the medium it replaces: "reconciliations in the tool rather than spreadsheets", "instead of by mail")
  const text = original
    .replace(SOURCE_FRAME, " ")
    .replace(PEOPLE, " ")
    .replace(/\b(?:rather than|instead of|in place of)\b[^.;,:—–]*/gi, (m) => (REPLACED_MEDIUM.test(m) ? " " : m));
  const ts = [...new Set(terms(text))].filter((t) => !GENERIC.has(t) && !DATE_WORD.test(t) && t.length > 2);
  const missing = ts.filter((t) => !scope.has(t) && !TIMING_WORD.test(t));
  // the reader's words for the missing terms, never the stems
  const words: string[] = [];
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].replace(/[’']s$/, "");
    if (missing.includes(stem(w)) && !words.some((x) => x.toLowerCase() === w.toLowerCase())) words.push(w);
  }
  return { missing, words, total: ts.length };
}

/**
 * The words of a clause that name something the scope excludes (two informative terms of one exclusion, or all of a
 * short one).
 */
function excludedMatch(text: string, excluded: Set<string>[], sold: Set<string>[]): string[] | null {
  const ts = new Set(terms(text).filter((t) => !GENERIC.has(t) && !DATE_WORD.test(t) && t.length > 2));
  const overlap = (s: Set<string>) => [...ts].filter((t) => s.has(t)).length;
  for (const ex of excluded) {
    const informative = [...ex].filter(
      (t) =>
        !GENERIC.has(t) &&
        !DATE_WORD.test(t) &&
        t.length > 2 &&
        !/^(?:scop\w*|exclud\w*|includ\w*|except|separat\w*|quot\w*|phase|out|section|clause|item|schedul|sow)$/.test(
          t,
        ),
    );
    const shared = informative.filter((t) => ts.has(t));
    // (a sold item that holds the same words and more of the clause's is what it names: "CAD workstation support"
    // sold, "CAD application support" excluded)
    if (sold.some((s) => shared.every((t) => s.has(t)) && overlap(s) > shared.length)) continue;
    if (shared.length >= 2 && shared.some((t) => t.length > 3)) {
      const words = [...text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)]
        .map((m) => m[0])
        .filter((w) => shared.includes(stem(w)));
      return [...new Set(words)];
    }
  }
  return null;
}

/** A sentence split where a new thought starts: semicolons, spaced dashes, ", and", ", so", ", but". */
function parts(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  const re = /;\s|\s[—–]\s|,\s(?:and|so|but|plus|with)\s|\s\+\s/g;
  const body = text.slice(s.start, s.end);
  for (const m of body.matchAll(re)) {
    const at = s.start + m.index!;
    const piece = trimSpan(text, start, at, /[\s,;:]/);
    if (piece.text.split(/\s+/).length >= 4) {
      out.push(piece);
      start = at + m[0].length;
    }
  }
  const last = trimSpan(text, start, s.end, /[\s,;:.]/);
  if (last.text.split(/\s+/).length >= 4 || !out.length) out.push(last);
  else out[out.length - 1] = trimSpan(text, out[out.length - 1].start, s.end, /[\s,;:.]/);
  return out;
}

/** Chat emoji written as codes at a line's end (":white_check_mark:", ":+1:"). */
const LINKED_ITEM =
  /\b(?:user story|story|feature|epic|issue|ticket|task|pbi|work item)\s+#?(\d{2,7}|[A-Z][A-Z0-9]{1,9}-\d{1,6})\b/gi;
const EMOJI_CODES = /(?:\s*:[a-z0-9_+-]+:)+\s*$/;

/** The sentences of a note, requirement list or promise that say something (no headings, headers, greetings, names). */
function statements(ctx: Context, source: TextSource): Span[] {
  const text = ctx.text(source);
  const out: Span[] = [];
  const scoped = new Set(documentOf(ctx.text("signed_scope")).blocks.flatMap((b) => b.ids));
  for (const b of documentOf(text).blocks) {
    if (b.heading || b.group) continue;
    // an ask linked to a work item of the scope ("Linked: User Story 9012") is that item's
    if ([...b.text.matchAll(LINKED_ITEM)].some((m) => normalizeId(m[1]).some((k) => scoped.has(k)))) continue;
    // a title block's line is a title, unless in it the seller says what the vendor committed to
    if (inTitleBlock(b, source === "cs_requirement") && !SELLER_COMMITTED.test(b.text)) continue;
    for (const s of b.cells ? [b.head] : sentences(text, b.head.start, b.end)) {
      const sp = speakerPrefix(s.text);
      let u = sp ? trimSpan(text, s.start + sp, s.end) : s;
      // an attribution ("Letter from X to Y, 3 May: “…”") introduces the words that matter
      u = afterHeader(text, u);
      const quote = /:\s*["“]/.exec(u.text);
      if (quote) u = trimSpan(text, u.start + quote.index + quote[0].length, u.end, /[\s"”]/);
      // a line ending in a colon leads in to what follows; a chat's emoji code (":thumbsup:") is no colon
      if (!u.text || /:\s*$/.test(u.text.replace(EMOJI_CODES, ""))) continue;
      out.push(u);
    }
  }
  return out;
}

// a yes that names what it agrees to ("Yes, both platforms."), never a bare "Yes." or "OK, noted"
const AFFIRM = /^(?:a\s*:\s*)?yes,\s+[a-z]|\btold (?:them|him|her) (?:yes|ok|okay),\s+\w/i;

/** The words of an ask (the statement before a bare "yes") that the scope does not cover, or null. */
function affirmed(ctx: Context, ask: string, reply: string): string[] | null {
  if (DECLINED.test(reply) || NOT_A_PROMISE.test(reply) || DECLINED.test(ask) || COMMERCIAL.test(ask + reply))
    return null;
  // a yes about the paperwork ("Yes, finance signed that off"), not to the ask
  if (/\b(?:approved|deal desk|signed|in the (?:sow|contract|order form))\b/i.test(reply)) return null;
  const { missing, words, total } = uncovered(`${ask} ${reply}`, ctx.scopeTerms);
  return total && missing.length >= 2 && missing.length / total >= 0.34 ? words : null;
}

function finding(source: TextSource, cite: Span, words: string[]): Finding {
  return {
    category: "promise_not_in_scope",
    severity: source === "customer_promise" ? "high" : "medium",
    source,
    start: cite.start,
    end: cite.end,
    message:
      `Promised but not in the signed scope or order form (${words.slice(0, 4).join(", ")}): ` +
      `add it by change order, or reset the customer's expectation before kickoff.`,
  };
}

const CUE = [PROMISE_CUE, FIRST_PERSON_COMMIT, BELIEF, CUSTOMER_WANT];
const ALSO = /\b(?:will|['’]ll|can|would) also\b|\balso (?:get|be able|receive|have|let)\b/i;
// a commitment pointing back at what came before it ("our module covers that one")
const REFERS_BACK = /\b(?:it|this|those)\b|\bthat\b(?!\s+(?:the|we|they|it|our|their|a|an|all|every)\b)/i;

// a reply to what was just said: "I told her …", "Said …", "that's …"
const ANSWER = new RegExp(
  String.raw`^(?:\W*(?:i|we)\s+(?:told|said|explained|pointed)|told|said|answer)|` +
    String.raw`\b(?:that|it|this|those)(?:'s| is| was| would)\b`,
  "i",
);

const PROMISE_SOURCES: TextSource[] = ["kickoff_note", "cs_requirement", "customer_promise"];
// a sentence that only points at a promise told elsewhere ("See below, this is what I told the board", "I
// committed to that in the last meeting", "it is what the chair was told"): the promise is the sentence it points at
const POINTER_ONLY = new RegExp(
  String.raw`\b(?:see below|as follows|below is what)\b|\b(?:that|it|this)(?:'s|’s| is) what (?:they|he|she|we|i|the \w+)\b` +
    String.raw`[^.;]{0,20}\b(?:heard|told|said|promised|were told)\b|\b(?:i|we) (?:committed|agreed|said yes) to ` +
    String.raw`(?:that|this|it|everything)\b|\bsaid yes to everything\b`,
  "i",
);
const DATED_OCCASION =
  /\b(?:meeting|review|board|audit(?:ors?)?|fieldwork|deadline|inspection|hearing|vote|conference|summit|close)\b/i;
const TAKES = /\b(?:takes?|taking|end to end|max|tops|at most|back online|loads of time|plenty of time)\b/i;
const WORK_WORD = /\b(?:build|integrat\w*|report|dashboard|module|feature|app|portal|migrat\w*|connect\w*)\b/i;
const COURTESY = new RegExp(
  String.raw`^(?:(?:dear|hi|hello)\s+[^,]{1,40},\s*)?(?:we are|we['’]re|i am|i['’]m)\s+(?:very\s+|so\s+)?` +
    String.raw`(?:pleased|delighted|thrilled|excited|happy|glad|honou?red|grateful)\s+to\s+` +
    String.raw`(?:have been|be|submit|present|share|welcome|partner|work)\b[^.;]{0,60}[.!]?$`,
  "i",
);

/** Something the customer was promised (or believes was) that signed_scope and order_form do not contain. */
export const promisesDetector: Detector = {
  id: "promise-not-in-scope",
  version: 192,
  category: "promise_not_in_scope",
  detect(ctx) {
    const out: Finding[] = [];
    const taken = (source: TextSource, start: number, end: number) =>
      ctx.prior.some(
        (f) =>
          f.source === source &&
          f.start !== null &&
          f.end !== null &&
          f.start < end &&
          f.end > start &&
          f.category !== "ambiguous_deliverable" &&
          f.category !== "missing_acceptance_criteria" &&
          // a note's "… I said yes. Nobody owns it yet" is both a promise and an ownership gap
          (f.category !== "unowned_requirement" || source !== "kickoff_note"),
      );
    // each kickoff-note flag and the statement it came from
    const wants = new Map<Finding, number>();
    for (const source of PROMISE_SOURCES) {
      const text = ctx.text(source);
      const isPromiseField = source === "customer_promise";
      let asked = "";
      const said = statements(ctx, source);
      for (const [i, u] of said.entries()) {
        const plain = u.text.replace(/[’‘]/g, "'");
        // an ask answered no in the next sentence ("Priya asked for X. Told her it's quoted separately.")
        const reply = said[i + 1]?.text.replace(/[’‘]/g, "'") ?? "";
        if (
          source === "kickoff_note" &&
          (DECLINED.test(reply) || NOT_A_PROMISE.test(reply)) &&
          ANSWER.test(reply) &&
          !PROMISE_CUE.test(plain) &&
          !FIRST_PERSON_COMMIT.test(plain)
        )
          continue;
        const before = asked;
        asked = plain;
        // "Told them yes, both platforms.", "A: Yes, bilingual at go-live.": a yes to the ask just before it
        if (source === "kickoff_note" && before && AFFIRM.test(plain) && terms(plain).length <= 6) {
          const reply = affirmed(ctx, before, plain);
          if (reply && !taken(source, u.start, u.end)) out.push(finding(source, u, reply));
          continue;
        }
        if (
          source === "kickoff_note" &&
          !PROMISE_CUE.test(plain) &&
          !FIRST_PERSON_COMMIT.test(plain) &&
          !BELIEF.test(plain) &&
          !CUSTOMER_WANT.test(plain)
        )
          continue;
        if (noteNoise(u.text)) continue;
        // (a customer's few words, "Great news on the signature.", "New kiosks arrive in June.", say too little to
        // be a capability the scope lacks)
        if (isPromiseField && u.text.split(/\s+/).length < 7) continue;
        // a letter's courtesy ("We are pleased to submit our offer") promises nothing
        if (COURTESY.test(plain)) continue;
        // a ticked checklist item is done ("- [x] Welcome email sent"), not promised
        const lineHead = text.slice(text.lastIndexOf("\n", u.start - 1) + 1, u.start + 5);
        if (/^\s*(?:[-*•◦▪]\s*)?\[[xX✓✔]\]/.test(lineHead)) continue;
        // (as is a ticket resolved or closed in a help-desk export: "| Resolved |")
        const newline = text.indexOf("\n", u.end);
        const lineEnd = newline < 0 ? text.length : newline;
        const row = text.slice(text.lastIndexOf("\n", u.start - 1) + 1, lineEnd);
        if (/\|\s*(?:resolved|closed|done|completed)\s*\|/i.test(row)) continue;
        // a requirement the row's answer declines ("| SCADA alarms | Not offered in this phase |")
        // (or the item's own next sentence: "RT-06 SAP integration. Excluded; to be quoted separately.")
        const rest = text.slice(u.end, lineEnd);
        const tableRow = row.includes("|");
        const listed = tableRow || (source === "cs_requirement" && /^\s*(?:[-*•◦▪]|\(?\w{1,6}[.)])\s/.test(row));
        if (listed && (DECLINED.test(rest) || (!tableRow && NOT_A_PROMISE.test(rest)))) continue;
        if (DECLINED.test(plain) || NOT_A_PROMISE.test(plain) || VOLUME_ESTIMATE.test(plain)) continue;
        if (POINTER_ONLY.test(plain)) continue;
        // what happened before, with the old vendor or last season, is no promise ("Last year the families sat at
        // the gate refreshing a spreadsheet")
        if (isPromiseField && PAST_NARRATIVE.test(plain) && !/\b(?:will|'ll|shall|going to|can|could)\b/i.test(plain))
          continue;
        // who is (not yet) staffed on our side is an ownership question, not a promise
        if (STAFFING.test(plain) && !/\b(?:promised|agreed|committed|guaranteed|said yes)\b/i.test(plain)) continue;
        // a belief about who does it is an ownership question ("the Trust believes it sits with us")
        if (/\b(?:believes?|thinks?|assumes?)\b[^.;]{0,20}\b(?:sits?|lies|rests?|belongs?) with\b/i.test(plain))
          continue;
        if (/\?\s*$/.test(plain) && !FIRST_PERSON_COMMIT.test(plain)) continue;
        if (
          SERVICE_LEVEL.test(plain) ||
          (COMMERCIAL.test(plain) &&
            !/\b(?:build|integrat\w*|report|dashboard|module|feature|app|portal|migrat\w*)\b/i.test(plain))
        )
          continue;
        const strong = PROMISE_CUE.test(plain) || FIRST_PERSON_COMMIT.test(plain) || BELIEF.test(plain);
        const weak = !strong && CUSTOMER_WANT.test(plain) && !SOMEDAY.test(plain) && !dateMentions(plain).length;
        // a customer's ask the seller says yes to in the next sentence ("Dale asked whether … I said yes") is as good
        // as the seller's own word
        const answeredYes =
          weak &&
          source === "kickoff_note" &&
          (SELLER_COMMITTED.test(reply) || /\bmy answer was that we\b/i.test(reply)) &&
          !DECLINED.test(reply) &&
          !NOT_A_PROMISE.test(reply);
        if (source === "kickoff_note" && !strong && !weak) continue;
        if (
          source === "cs_requirement" &&
          !strong &&
          (CS_MOTION.test(plain) ||
            CUSTOMER_TASK.test(plain) ||
            COORDINATION.test(plain) ||
            !CS_EXTRA_WORK.test(plain.replace(OWNER_TAIL, "")))
        )
          continue;
        let best: { p: Span; words: string[]; share: number } | null = null;
        const pieces = parts(text, u);
        // the promise is what follows its cue ("Budget season is close, hence we promised the forecast …"): the
        // parts before it only say why, unless the cue's own part names nothing or points back at them
        const cueAt = pieces.findIndex((p) => CUE.some((re) => re.test(p.text)));
        const cuePart = cueAt > 0 ? pieces[cueAt].text : "";
        const named =
          cueAt > 0 &&
          !REFERS_BACK.test(cuePart) &&
          terms(cuePart).filter((t) => !GENERIC.has(t) && t.length > 2).length >= 2;
        // (a cue whose own part gives a date for being ready, "told Ana: open on the 14th, and …", promised a
        // date: the timeline's to judge, and the parts after it say why)
        const cued = pieces[Math.max(cueAt, 0)]?.text ?? "";
        if (
          source === "kickoff_note" &&
          cueAt >= 0 &&
          (((dateMentions(cued).length || EVENT_DEADLINE.test(cued)) && READY_WORDS.test(cued)) ||
            // (or how long it takes: "told him six weeks, start to finish", "the trial load takes 3 weeks at most")
            (RELATIVE_DURATION.test(cued) && (READY_WORDS.test(cued) || TAKES.test(cued))))
        )
          continue;
        for (const p of source === "kickoff_note" && named ? pieces.slice(cueAt) : pieces) {
          if (taken(source, p.start, p.end)) continue;
          if (p.text.split(/\s+/).length < (isPromiseField ? 4 : 3)) continue;
          // (a part that follows "…, so" says what the promise is for)
          if (isPromiseField && /,\s+so\s+$/.test(text.slice(u.start, p.start)) && PURPOSE.test(`so ${p.text}`))
            continue;
          // (as does the reason or purpose left over from a statement another check took: "I said hypercare ends by
          // Easter, so their team can take leave")
          if (
            taken(source, u.start, u.end) &&
            (/(?:,\s+(?:so|because|since|as)|\bso that)\s+$/i.test(text.slice(u.start, p.start)) ||
              /^(?:so|because|since|so that)\b/i.test(p.text))
          )
            continue;
          // ("kennels ready at each clinic by then": the date stands in the sentence before)
          if (
            (dateMentions(p.text).length || EVENT_DEADLINE.test(p.text) || /\bby then\b/i.test(p.text)) &&
            READY_WORDS.test(p.text)
          )
            continue;
          // a date and the occasion it is for ("October 3rd specifically, it's their board meeting") is the
          // timeline's to judge
          if (dateMentions(p.text).some((d) => d.key) && DATED_OCCASION.test(p.text) && !WORK_WORD.test(p.text))
            continue;
          if (
            COMMERCIAL.test(p.text) &&
            !/\b(?:build|integrat\w*|report|dashboard|module|feature|app|portal)\b/i.test(p.text)
          )
            continue;
          // (what a promise to the customer is for, "… so your analysts have history from day one", is not what
          // was promised)
          const body =
            source === "cs_requirement"
              ? p.text.replace(OWNER_TAIL, "")
              : isPromiseField
                ? p.text.replace(PURPOSE, " ")
                : p.text;
          const { missing, words, total } = uncovered(body, ctx.scopeTerms);
          if (total === 0) continue;
          const share = missing.length / total;
          // promising what the scope explicitly excludes is never covered, however many words the two share
          const excluded = strong || isPromiseField ? excludedMatch(body, ctx.excludedTerms, ctx.soldClauses) : null;
          if (excluded) {
            if (!best || 1 > best.share) best = { p, words: excluded, share: 1 };
            continue;
          }
          // (an item the customer is told they will "also" get is an addition to what was sold)
          const extra = isPromiseField && ALSO.test(p.text);
          const bar = (strong || answeredYes) && !isPromiseField ? 0.34 : isPromiseField ? (extra ? 0.5 : 0.6) : 0.5;
          // ("I said Paychex would be connected too, same as UKG": one more named system, on the seller's word)
          const namedExtra =
            strong &&
            !isPromiseField &&
            missing.length === 1 &&
            /\btoo\b|\bas well\b|\bsame as\b/i.test(p.text) &&
            words.length === 1 &&
            /^\p{Lu}/u.test(words[0]) &&
            !p.text.startsWith(words[0]);
          if (!namedExtra && (missing.length < 2 || share < bar)) continue;
          if (!best || share > best.share) best = { p, words, share };
        }
        if (!best) continue;
        const cite = u.text.split(/\s+/).length <= 30 && !taken(source, u.start, u.end) ? u : best.p;
        out.push(finding(source, cite, best.words));
        if (source === "kickoff_note") wants.set(out[out.length - 1], i);
      }
      // a customer's ask and the seller's yes in the next sentence are one promise, cited as both ("Quinn wants
      // hydrants tracked too. I told her hydrants come with the module."); a yes the scope-exception detector took
      // as free work takes the ask with it
      for (const [f, i] of wants) {
        const ask = said[i];
        const yes = said[i + 1];
        if (!yes || f.start! < ask.start || f.end! > ask.end) continue;
        const answer = yes.text.replace(/[’‘]/g, "'");
        if (!(FIRST_PERSON_COMMIT.test(answer) || SELLER_COMMITTED.test(answer)) || DECLINED.test(answer)) continue;
        // (only a customer's ask: "X wants …", "they asked for …", never the seller's own word)
        if (
          !(CUSTOMER_WANT.test(ask.text) || BELIEF.test(ask.text)) ||
          /\b(?:told|said|promised|agreed|assured|committed|offered)\b/i.test(ask.text)
        )
          continue;
        const at = out.indexOf(f);
        if (taken(source, yes.start, yes.end)) {
          out.splice(at, 1);
          continue;
        }
        out.splice(at, 1, { ...f, start: ask.start, end: yes.end });
        const dup = out.findIndex(
          (g) => g !== out[at] && g.source === source && g.start! >= yes.start && g.end! <= yes.end,
        );
        if (dup >= 0) out.splice(dup, 1);
      }
      wants.clear();
    }
    return out;
  },
};
