import type { Context, Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { dateMentions, MONTH_RE, parseNumberWords, RELATIVE_DURATION, type DateMention } from "../numbers";
import { clauses, sentences } from "../structure";
import { aimSpans, documentOf } from "../document";
import { termSet } from "../lexicon";
import { afterHeader, DECLINED, NOT_A_PROMISE, noteNoise, speakerPrefix } from "../conversation";

// External events a deadline hangs on (the customer's calendar, not the project's own milestones).
const EVENT = new RegExp(
  [
    String.raw`\b(?:before|by|ahead of|in time for|prior to|until|(?:live|ready|done|`,
    String.raw`running) for)\s+(?:the\s+|their\s+)?(?:[\w'’&-]+\s+){0,4}?(?:season|renewal|enrol?lment|`,
    String.raw`promo(?:tion)?|campaigns?|inspection|audits?|auditors?|deadline|opening|holidays?|`,
    String.raw`christmas|thanksgiving|labor day|memorial day|new year|easter|black friday|cyber monday|`,
    String.raw`board(?: meeting)?|school|back-to-school|year[- ]end|quarter[- ]end|fiscal year|`,
    String.raw`conference|summit|semester|exam|filing|busy season|trade show|eofy|eoy|fiscal|`,
    String.raw`financial year|year[- ]end close|close|closing|cl[ôo]ture|boekjaar|gesch[äa]ftsjahr|`,
    String.raw`festive|festivals?|festas|diwali|cny|lunar new year|chinese new year|ramadan|eid|`,
    String.raw`golden week|visit|show|launch event|pay run|payroll run)\b|\bby the time\b|`,
    String.raw`\bbefore (?:they|we|the customer) (?:open|launch)\b`,
  ].join(""),
  "i",
);
const REPORTED_WOULD =
  String.raw`\b(?:said|stated|answered|replied|assured)(?: that)?` + String.raw`(?: [\w'’-]+){1,8} (?:would|will)\b`;
const COMMIT = new RegExp(
  [
    String.raw`\b(?:need|needs|needed|want|wants|wanted|expect|expects|expected|expecting|must|promised?|told|`,
    String.raw`communicated|commit(?:ted)?|compromised|agreed|guarantee[ds]?|live|go-live|golive|go live|ready|done|`,
    String.raw`running|launch(?:ed)?|in production|using|deadline|non-negotiable|no slip|hard date|i said|`,
    String.raw`confirmed|accommodate|kick-?off(?:\s+(?:is|on|set for|date))?:?\s+(?:\d|${MONTH_RE})|`,
    String.raw`in time|deliver(?:ed)?|finished|asap|fast|(?:we(?:'d| will| would|'ll)|to|can) (?:hit|`,
    String.raw`land|make)|cut[- ]?over|migrated|switched|plenty|realistic|doable|no problem)\b|`,
    // minutes of a meeting report what was said: "Ms Achebe said families would have tracking from August 13"
    REPORTED_WOULD,
  ].join(""),
  "i",
);
const DURATION_PROMISE = new RegExp(
  [
    String.raw`\b(?:\d+|two|three|four|five|six|eight|ten|twelve)[- ]?(?:weeks?|wks?|months?|`,
    String.raw`days?)\s+(?:timeline|rollout|implementation|go-live|project|turnaround)\b|\b(?:\d+|two|`,
    String.raw`three|four|five|six|eight|ten|twelve)\s*(?:weeks?|wks?|months?)\b.{0,24}\b(?:plenty|`,
    String.raw`enough|doable|realistic|easy|no problem|fine|is all)\b|`,
    // "9 weeks from kickoff", "live six weeks after signature": a date counted from an event
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:weeks?|wks?|months?|days?)\s+`,
    String.raw`(?:from|after)\s+(?:the\s+)?(?:kick-?off|signature|signing|contract|award|start|po)\b|`,
    // "the migration would take six weeks", "it only takes two weeks"
    String.raw`\btak(?:e|es|ing)\s+(?:only\s+|just\s+|about\s+)?(?:\d+|two|three|four|five|six|eight|ten|twelve)\s*`,
    String.raw`(?:weeks?|wks?|months?|days?)\b`,
  ].join(""),
  "i",
);
// a requirement dated by its own deadline ("… visible to customers by 1 April"), and seasons as deadlines
const DEADLINE_FORM = new RegExp(
  [
    String.raw`\b(?:by|before|no later than|not later than|ahead of)\s+(?:the\s+)?(?:(?:end|start|`,
    String.raw`middle|beginning) of\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]\b|`,
    String.raw`spring|summer|autumn|fall|winter)`,
  ].join(""),
  "i",
);
const SEASON = new RegExp(
  [
    String.raw`\b(?:by|before|until)\s+(?:the\s+)?(?:(?:end|start|middle|beginning) of\s+)?(?:early\s+|`,
    String.raw`late\s+|mid-?)?(?:spring|summer|autumn|fall|`,
    String.raw`winter)(?:\s+(?:of\s+)?20\d\d)?\b(?!\s+(?:catalog(?:ue)?|collection|range|menu|release|`,
    String.raw`line))`,
  ].join(""),
  "i",
);
// the customer's own to-do, or customer success's own motion, is not a delivery date
const CUSTOMER_OR_CS = new RegExp(
  [
    // (the customer in the languages international packets mix in: klant, Kunde, cliente)
    String.raw`\b(?:customer|client|klant|kunde|cliente)(?:'s|’s)? (?:action|task|responsibility|to do)\b|\((?:customer|`,
    String.raw`client) action\)|\bsuccess plan\b|\badoption (?:target|goal)\b|\bhealth (?:check|score)\b|`,
    String.raw`\bbusiness review\b|\bqbr\b|`,
    // what the customer hands the vendor, in a reply: "supervisors to be nominated by you", "spreadsheet to you by"
    String.raw`\b(?:nominated|provided|supplied|shared|sent|signed|named|done) by you\b|\bto (?:you|your team) by\b|`,
    String.raw`\bfrom your (?:side|end)\b`,
  ].join(""),
  "i",
);
const CHECKBOX = /^\s*(?:[-•*]\s*)?(?:([☑✓✔]|\[[xX✓]\])|☐|\[ ?\])\s*/;
const CUSTOMER_TASK = new RegExp(
  String.raw`^(?:pick|choose|select|invite|name|nominate|send|share|provide|supply|sign|book|order|buy|` +
    String.raw`install|clean|export|gather|collect|prepare|appoint)\b|\b(?:delivered|sent|shipped|named|provided|` +
    String.raw`supplied|installed) (?:to|by)\b|\b(?:sends?|provides?|supplies|shares?) (?:the |their |us )?[\w-]+|` +
    // (who does it and by when, in brackets: "(Yusuf, by Oct 3)")
    String.raw`\([A-Z][\w.'’-]+,?\s+(?:by|due)\b`,
  "i",
);
function readinessTask(text: string): boolean {
  const box = CHECKBOX.exec(text);
  if (!box) return false;
  return Boolean(box[1]) || CUSTOMER_TASK.test(text.slice(box[0].length));
}
// "… opens 15 May; they need it running by then": the deadline is the clause before it
const BY_THEN = /\bby then\b|\bby that (?:date|time|point)\b|\bbefore then\b/i;
const SELLER_COMMIT = new RegExp(
  [
    // ("I compromised with them that 1 Dec. is fine": a committed, written by a Spanish or French speaker)
    String.raw`\bi compromised (?:myself )?(?:with (?:them|him|her|the \w+|\w+) )?(?:that|to)\b|`,
    String.raw`\b(?:told|promised|assured|committed|guaranteed|we(?:'d| would| will|'ll) (?:hit|have|be|`,
    String.raw`get|deliver|make)|(?:i )?said (?:we|yes|it)|i (?:said|confirmed|agreed))\b|`,
    REPORTED_WOULD,
  ].join(""),
  "i",
);
const SELLER_AFFIRM = new RegExp(
  [
    String.raw`\b(?:i|we) said (?:that'?s |that is )?(?:fine|ok|okay|no problem|doable|yes|that works|` +
      String.raw`we can do that)\b|` +
      String.raw`\bok(?:ay)? (?:w/|`,
    String.raw`with) me\b|`,
    String.raw`\bi said we(?:'d| would) be fine\b|\bheard (?:it )?from me\b`,
  ].join(""),
  "i",
);
const PAST_FACT = /\b(?:approved|signed|closed|met|called|sent|received|started|was|were|had)\b/i;
const SCHEDULE_WORD = new RegExp(
  String.raw`\b(?:schedule|timeline|timetable|plan|dates|milestones?|ims|baseline|calendar|` +
    // in the languages international packets mix in
    String.raw`zeitplan|projektplan|terminplan|cronograma|calendario|calendrier|planning|tidsplan|harmonogram)\b`,
  "i",
);
// (with approval in the languages international packets mix in: freigegeben, aprobado, aprovado, approuvé …)
const APPROVALS =
  String.raw`approved|confirmed|agreed|signed off|concurred|countersigned|` +
  String.raw`freigegeben|genehmigt|aprobad[oa]|aprovad[oa]|approuv\w*|` +
  String.raw`goedgekeurd|approvato|godk[äa]nd|zatwierdzon\w*|valid[ée]e?`;
const APPROVAL_WORD = new RegExp(String.raw`\b(?:${APPROVALS}|signed|validated|reviewed|committed)\b`, "i");
const DELIVERY_WORD = /\b(?:delivery|implementation|project manager|pm|services|ps|contractor'?s|provider'?s|our)\b/i;
const NOT_APPROVED = new RegExp(
  String.raw`\b(?:not|un|yet to be|to be|never|n['’]t)\s*(?:(?:yet|been|formally)\s+)*` +
    String.raw`(?:approved|confirmed|agreed|signed|validated|reviewed)\b`,
  "i",
);
// how a SOW fixes a go-live: "live by 4 May", "go-live is 4 May", "Go-live: 4 May"
const FIXED_BY =
  /\b(?:by|no later than|on|before|target(?:ed)?|for|is|will be)\b|\b(?:go[- ]live|launch|cut[- ]?over)\s*:/i;
const APPROVED_SCHEDULE = {
  test: (s: string) =>
    SCHEDULE_WORD.test(s) &&
    APPROVAL_WORD.test(s) &&
    DELIVERY_WORD.test(s) &&
    // ("not yet validated by delivery", "delivery has not reviewed it", "never confirmed")
    !NOT_APPROVED.test(s),
};
// delivery itself approving, in a note's words ("the schedule delivery approved", "confirmed by our delivery lead")
const DELIVERY_APPROVED = new RegExp(
  String.raw`\bdelivery\b(?:\s+[\w'’]+){0,5}\s+(?:approved|confirmed|signed off|concurred|settled)\b|` +
    String.raw`\b(?:approved|confirmed|signed off|concurred(?: in)?) by (?:\w+ )?delivery\b`,
  "i",
);
// a sales-side line that restates the approved plan (its date "per the agreed plan")
const APPROVED_REF = new RegExp(
  [
    String.raw`\b(?:per|on|in|from|under|matches|is) (?:the |our |their )?(?:signed|approved|agreed|`,
    String.raw`confirmed|baseline|signed-off|delivery|concurred|countersigned)[- ]?(?:off )?(?:schedule|\w*plan|`,
    String.raw`ims|timeline|project plan|dates|baseline)\b|\b(?:signed|approved|confirmed|agreed|concurred)[- ]`,
    String.raw`(?:off )?(?:schedule|sched|plan|ims|timeline|dates|baseline)\b|`,
    String.raw`\bper the (?:ims|schedule|plan|sow|appendix)\b|`,
    String.raw`\bwhat (?:they|`,
    String.raw`we|delivery) approved\b|\bin appendix\b|\byou (?:confirmed|approved|signed off)\b`,
  ].join(""),
  "i",
);
// a deadline set by a named occasion in any language ("before Pongal", "antes de Semana Santa", "ahead of Onam")
const NAMED_EVENT = new RegExp(
  String.raw`\b(?:[Bb]efore|[Aa]head of|[Ii]n time for|[Pp]rior to|[Aa]ntes de|[Aa]vant|[Vv]or)\s+` +
    String.raw`(?!(?:${MONTH_RE})\b|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)` +
    // (a code, or a step of a process that "is" or "gets" done, is no occasion)
    String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?![\p{L}\p{N}'’-])(?!\s+(?:is|are|gets?|has)\b)|` +
    // "by Cup Day", "by the Royal Show": a named occasion after "by"
    String.raw`\b[Bb]y\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){1,2}(?:Day|Week|Weekend|Festival|Fair|Show|Summit|` +
    String.raw`Conference|Expo|Games|Open)(?![\p{L}\p{N}])`,
  "u",
);
// a date that records when something happened or was written, not when something will be delivered
const RECORD_DATE_BEFORE = new RegExp(
  [
    String.raw`\b(?:approved|submitted|signed|dated|sent|received|issued|as of|version|updated|written|clarified|`,
    String.raw`amended|revised|closed|won|award(?:ed)?|`,
    String.raw`published|announced)\b[^.:"“]{0,30}$`,
  ].join(""),
  "i",
);
const ATTRIBUTION_BEFORE = new RegExp(
  [
    String.raw`\b(?:minutes|letter|e-?mail|recap|follow-?up|demo|call|proposal|release|memo|snippet|`,
    String.raw`excerpt|transcript|summary|deck|note|packet|response|rfp|statement|press|newsletter|`,
    String.raw`article|blog|post|announcement|interview|bulletin)\b[^:"“]{0,70}$`,
  ].join(""),
  "i",
);
// ("committee minutes, 11 February 2026, item 3 (demo): …": a record named right before its date)
const RECORD_JUST_BEFORE =
  /\b(?:minutes|letter|e-?mail|memo|meeting|hearing|call|demo|presentation|proposal|workshop)\s*[,—–-]?\s*$/i;
const SAID = /\b(?:agreed|told|said|discussed|confirmed|promised|raised|asked|mentioned|heard|showed|presented)\b/i;
/** A line that opens by naming a recording: "Loom — …", "Voice note, …", "Video:". */
const RECORDING = /^\W*(?:loom|video|recording|screencast|voice ?(?:note|memo)|voicemail)\b/i;
// ("Harbour kickoff 5/11 — notes (Dana)": when the meeting the notes are of took place)
const ATTRIBUTION_AFTER =
  /^\s*(?:[—–,-]\s*)?(?:letter|e-?mail|memo|recap|proposal|minutes|response|version|edition|board packet|notes)\b/i;
// "after the 3/9 demo", "following the 12 May call": the date of something that already happened
const PAST_EVENT_BEFORE = /\b(?:after|following|since|from|at|in) (?:the|our|their|my|your)\s*$/i;
const PAST_EVENT_AFTER =
  /^\s*(?:demo|call|meeting|workshop|presentation|webinar|visit|site visit|discovery session|pitch|kick-?off call)\b/i;
const RECORD_DATE_AFTER = new RegExp(
  [
    String.raw`^\s*\)?\s*,\s*(?:quoting|citing|according to|signed by|from)\b|^\s*(?:\(|`,
    String.raw`,)?\s*(?:\d{1,2}:\d{2}\s*(?:[ap]m)?)?\s*\)?\s*[:\]"“]|`,
    String.raw`^\s*\([^)]*\)\s*[:.]?\s*(?:["“].*)?$|^\s*[\s,.;)]*$`,
  ].join(""),
  "i",
);
// what follows a diary's entry date: a report of what was said or done ("5/1: told them …", "6/10: they think …")
const LOG_ENTRY_AFTER = new RegExp(
  String.raw`^\s*[:—–-]\s*(?:[\w'’]+\s+){0,3}?(?:told|said|asked|agreed|met|spoke|called|e-?mailed|heard|think|` +
    String.raw`thinks|thought|raised|mentioned|noted|sent|went|discussed|reported|flagged|wanted)\b`,
  "i",
);
// Dates that describe the customer's situation, not a delivery commitment.
const CONTEXT_FACT = new RegExp(
  [
    String.raw`\b(?:ends?|ending|expires?|expiring|retires?|retiring|renews?|starts?|began|came|`,
    String.raw`happened|sunsets?|sunsetting|decommission\w*|today|closes?|lease)\b`,
  ].join(""),
  "i",
);
/**
 * In a field not in English only a deadline said as one counts ("au plus tard le 15/05", "antes del 30/09",
 * "entro il 30/09", "bis spätestens …"): the checks that tell a deadline from a letter's or a meeting's date read
 * English only.
 */
const DEADLINE_ABROAD = new RegExp(
  [
    String.raw`(?:\bavant (?:le|la|l['’])|\bau plus tard(?: le)?|\bd['’]ici (?:le|au|à)|\bpour le|\bdès le|`,
    String.raw`\bantes de(?:l| la)?|\ba más tardar(?: el)?|\bpara el|\bdesde el|\ba partir del?|`,
    String.raw`\bentro (?:il|la|le|l['’])?|\bprima d(?:el|ella|i)|\ba partire da(?:l|lla)?|`,
    String.raw`\baté (?:o|a|ao)|\bantes do|\ba partir de|`,
    String.raw`\bbis (?:zum|spätestens)|\bspätestens(?: am| bis)?|\bvor dem|\bab dem|\buiterlijk|\bvóór|\bvanaf|`,
    String.raw`\bby|\bbefore|\bno later than)\s*(?:the\s+)?$`,
  ].join(""),
  "iu",
);
const TENTATIVE = /\b(?:indicative|tentative|to be (?:confirmed|agreed|determined)|tbc|tbd|estimated|subject to)\b/i;

interface Schedule {
  keys: Set<string>;
  months: Set<string>;
  terms: Set<string>;
  /** does it run into the next year (a month earlier than the one before it: Aug, Oct, Feb, Apr)? */
  wraps: boolean;
}

/** The delivery-approved schedule in the signed scope, if any: its dates (MM-DD, months) and words. */
function approvedSchedule(ctx: Context): Schedule | null {
  const scope = ctx.text("signed_scope");
  // a schedule = the run of lines the approval stands in (under a heading that may say "schedule"), between the
  // headings around it: its rows come before the approval line (in its section) or after it, and a dated row is a
  // row, not a heading
  const blocks = documentOf(scope).blocks;
  const dayFirst = { dayFirst: ctx.dayFirst };
  const row = (j: number) => !blocks[j].heading || dateMentions(blocks[j].text, dayFirst).length > 0;
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const line = b.heading ? b.text : `${b.section.title}: ${b.text}`;
    if (!APPROVED_SCHEDULE.test(line) || TENTATIVE.test(line.replace(/approved|confirmed/gi, ""))) continue;
    let from = i;
    let to = i;
    while (from > 0 && !blocks[from].heading && blocks[from - 1].section.title === b.section.title) from--;
    while (to + 1 < blocks.length && row(to + 1)) to++;
    for (let j = from; j <= to; j++) parts.push(blocks[j].text);
    // (also the numbered lines past the run: rows that go on under numbered headings of their own)
    for (let j = to + 1; j < blocks.length; j++)
      if (blocks[j].rawId && /\d/.test(blocks[j].rawId!)) parts.push(blocks[j].text);
  }
  // a note or the order form can also say a day is on the schedule delivery approved: that day only
  const days: string[] = [];
  // (or the delivery owner's own plan, marked approved: "schedule by Morgan (approved): pilot 02/06, rollout 30/06")
  const owner = (ctx.packet.delivery_owner ?? "").split(/[\s,()]+/).filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w));
  const ownersPlan = owner.length
    ? new RegExp(
        String.raw`\b(?:plan|schedule|timeline)\s+(?:from|by|of)\s+(?:${owner.join("|")})(?!\p{L})[^.;:]{0,20}` +
          String.raw`\((?:approved|confirmed|signed off)\)`,
        "iu",
      )
    : null;
  for (const source of ["order_form", "kickoff_note"] as const) {
    const t = ctx.text(source);
    for (const s of sentences(t, 0, t.length))
      if (
        (DELIVERY_APPROVED.test(s.text) || ownersPlan?.test(s.text)) &&
        SCHEDULE_WORD.test(s.text) &&
        !TENTATIVE.test(s.text)
      )
        for (const d of dateMentions(s.text, dayFirst)) if (d.key && /^\d{2}-\d{2}$/.test(d.key)) days.push(d.key);
  }
  if (!parts.length && !days.length) return null;
  const text = parts.join("\n");
  const inOrder: number[] = [];
  for (const d of dateMentions(text, dayFirst))
    if (d.key) {
      days.push(d.key);
      if (/^\d{2}(?:-\d{2})?$/.test(d.key)) inOrder.push(Number(d.key.slice(0, 2)));
    }
  const wraps = inOrder.some((m, i) => i > 0 && m < inOrder[i - 1]);
  return { keys: new Set(days), months: new Set(days.map((d) => d.slice(0, 2))), terms: termSet(text), wraps };
}

const QUARTER_MONTHS: Record<string, string[]> = {
  Q1: ["01", "02", "03"],
  Q2: ["04", "05", "06"],
  Q3: ["07", "08", "09"],
  Q4: ["10", "11", "12"],
};

const EVENT_MONTH: [RegExp, number][] = [
  [/christmas|holiday season/i, 12],
  [/thanksgiving|black friday|cyber monday/i, 11],
  [/new year/i, 1],
  [/labor day/i, 9],
  [/memorial day/i, 5],
  [/back-to-school|school (?:year )?starts/i, 8],
  [/easter/i, 4],
];

/** A relative duration the signed scope itself states is the contract's, not a promise. */
function durationInScope(d: DateMention, scope: string): boolean {
  const m = RELATIVE_DURATION.exec(d.text);
  if (!m) return false;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : parseNumberWords(m[1]);
  const re = new RegExp(String.raw`\b(?:${n}|${m[1]})[\s-]+(?:\w+\s+)?${m[2]}s?\b`, "i");
  return re.test(scope);
}

function covered(d: DateMention, clauseText: string, schedule: Schedule | null, scope = ""): boolean {
  if (d.key === null && durationInScope(d, scope)) return true;
  if (!schedule) return false;
  // a deadline before an event in month M is met when the whole approved schedule ends earlier
  const eventMonth =
    d.key && /^\d{2}$/.test(d.key) && /\b(?:before|in time for|ahead of|by)\b/i.test(clauseText)
      ? Number(d.key)
      : // (a day written out is the deadline, whatever occasion the clause names: "Christmas boxes: live by 08/12")
        d.key && /^\d{2}-\d{2}$/.test(d.key)
        ? undefined
        : EVENT_MONTH.find(([re]) => re.test(clauseText))?.[1];
  const last = Math.max(0, ...[...schedule.months].map(Number));
  // (not one that runs into the next year: "by the end of November" against a plan from August to April)
  if (eventMonth && last && last < eventMonth && !schedule.wraps) return true;
  if (d.key && schedule.keys.has(d.key)) return true;
  if (d.key && QUARTER_MONTHS[d.key]?.some((m) => schedule.months.has(m))) return true;
  if (d.key && /^\d{2}$/.test(d.key) && schedule.months.has(d.key)) return true;
  if (
    d.key &&
    /^\d{2}-\d{2}$/.test(d.key) &&
    schedule.months.has(d.key.slice(0, 2)) &&
    /\b(?:mid|early|late|end)\b/i.test(clauseText)
  )
    return true;
  // an event the schedule names (a deadline tied to an event the schedule also names)
  const t = termSet(clauseText);
  const shared = [...t].filter(
    (w) => schedule.terms.has(w) && w.length > 4 && !/^(?:before|after|live|payroll|training)$/.test(w),
  );
  return !d.key && shared.length >= 1;
}

const OUTCOME_METRIC = new RegExp(
  String.raw`\b(?:objective|outcome|success (?:measure|metric|criterion)|kpi|tracks?|tracked)\b[^.]{0,80}` +
    String.raw`(?:\b(?:up|down|increase[ds]?|reduc\w*|cut|grow\w*|by)\s+\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?% of\b)`,
  "i",
);

const SALES_SIDE: TextSource[] = ["kickoff_note", "cs_requirement", "customer_promise", "deal_desk_exception"];

/** Dates, durations and deadlines promised on the sales side that no delivery-approved schedule covers. */
export const timelineDetector: Detector = {
  id: "timeline-assumption",
  version: 196,
  category: "timeline_assumption",
  detect(ctx) {
    // (a packet that writes 27/03 reads "31/05" and "04/09" day first)
    const dates = { dayFirst: ctx.dayFirst };
    const out: Finding[] = [];
    const schedule = approvedSchedule(ctx);
    const owner = (ctx.packet.delivery_owner ?? "")
      .trim()
      .split(/\s+/)[0]
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // "Dana agreed the date": the delivery owner's own agreement approves it
    const ownerRe =
      owner && owner.length > 2
        ? new RegExp(
            `\\b${owner}\\b[^.]{0,300}\\b(?:${APPROVALS})|\\b(?:${APPROVALS})\\b[^.]{0,300}\\b${owner}\\b`,
            "i",
          )
        : null;
    for (const source of SALES_SIDE) {
      const text = ctx.text(source);
      // the flags of this field, with how strongly each is the seller's own word and the unit it came from
      const found: { f: Finding; score: number; unit: number }[] = [];
      const units = ctx.units(source);
      for (const [ui, raw] of units.entries()) {
        // transcript and chat lines open with a speaker or a timestamp; e-mail headers carry no promise
        const sp =
          speakerPrefix(raw.text) ||
          (/^\s*(?:[\w .'-]{0,30})?\[[^\]]{0,30}\d[^\]]{0,30}\]\s*[\w .'-]{0,30}:\s*/.exec(raw.text)?.[0].length ?? 0);
        // (as does a message's header line above the message: "Jo → Sam and Al, 1/23/2026")
        const u = afterHeader(text, sp ? { start: raw.start + sp, end: raw.end, text: raw.text.slice(sp) } : raw);
        // cheapest test first: most lines of a note commit to nothing
        const requirementDate =
          source === "cs_requirement" && DEADLINE_FORM.test(u.text) && !CUSTOMER_OR_CS.test(u.text);
        // a customer's ask the seller says yes to in the next sentence ("… on Sept 8. I said yes, we'll be there")
        const yesNext =
          source === "kickoff_note" &&
          /\b(?:asked|asks|wants?|counting on|expects?|needs?)\b/i.test(u.text) &&
          /^\W*(?:i |we )?said (?:yes|that works|that'?s fine|fine|ok|okay|no problem|we can do that)\b/i.test(
            units[ui + 1]?.text ?? "",
          ) &&
          !dateMentions(units[ui + 1]?.text ?? "", dates).length;
        if (!u.text.trim() || (source !== "customer_promise" && !COMMIT.test(u.text) && !requirementDate && !yesNext))
          continue;
        if (noteNoise(u.text) || NOT_A_PROMISE.test(u.text) || DECLINED.test(u.text) || APPROVED_REF.test(u.text))
          continue;
        // the plan delivery signed, restated with its dates ("Plan signed off by delivery (A. Lee) 5/8: go-live 16/11")
        if (DELIVERY_APPROVED.test(u.text) && SCHEDULE_WORD.test(u.text) && !NOT_APPROVED.test(u.text)) continue;
        if (ownerRe && ownerRe.test(u.text)) continue;
        // an outcome the customer measures ("Objective: calls down 40% by October") is a target, not a delivery date
        if (source === "cs_requirement" && OUTCOME_METRIC.test(text.slice(Math.max(0, u.start - 60), u.end))) continue;
        // a readiness checklist's item: ticked, it is done; open, a date the customer owes for its own task ("☐ pick
        // the 10 pilot shops by Jun 20", "[ ] 4 tablets delivered to the depot by Oct 31 (Marlowe)")
        if (source === "cs_requirement" && readinessTask(u.text)) continue;
        // (as is any line of a success plan's "Outcomes")
        if (source === "cs_requirement" && aimSpans(text).some((a) => a.start <= u.start && u.end <= a.end)) continue;
        const takenByOther = (st: number, en: number) =>
          ctx.prior.some(
            (f) =>
              f.source === source &&
              f.start !== null &&
              f.end !== null &&
              f.start < en &&
              f.end > st &&
              f.category === "scope_exception",
          );
        const cs = clauses(text, u.start, u.end, { commas: true });
        // the seller agreed in the same breath to the date the buyer asked for ("live for the season — ok with me")
        const agreedTo = SELLER_AFFIRM.test(u.text) || yesNext;
        const promiseField = source === "customer_promise";
        let best: { c: (typeof cs)[number]; score: number; mention: DateMention } | null = null;
        cs.forEach((c, k) => {
          if (takenByOther(c.start, c.end) || /\broadmap\b/i.test(c.text)) return;
          // a pointer to the contract's own dates ("that schedule is per the signed scope") is not a new date
          if (/\b(?:are|is) (?:in|per) the (?:sow|contract|order form|signed scope)\b/i.test(c.text)) return;
          // a question asks for a date, the answer gives it ("Q: Can go-live move to July? A: Yes, …")
          if (/\?\s*$/.test(c.text) && !SELLER_COMMIT.test(c.text)) return;
          // (as does a reported one: "Mo asked whether kennel cards print by Easter", unless it was agreed)
          if (/\basked (?:us |me |him |her |them )?(?:whether|if)\b/i.test(c.text) && !agreedTo) return;
          // the reason given for a date ("… because their survey is in December") dates the reason, not the work
          if (/^(?:because|since|given that|as (?:their|our|the|its))\b/i.test(c.text.trim())) return;
          const mentions: DateMention[] = dateMentions(c.text, dates)
            .filter((d) => {
              // judged on the whole line: "From our letter to X, 19 May 2026 (excerpt): …" dates the letter
              const before = text.slice(u.start, c.start + d.start);
              const after = text.slice(c.start + d.end, u.end);
              // (and what stands before it on its own line)
              const lineHead = text.slice(text.lastIndexOf("\n", c.start + d.start - 1) + 1, c.start + d.start);
              const pastEvent =
                PAST_EVENT_BEFORE.test(before) &&
                PAST_EVENT_AFTER.test(after) &&
                /\b(?:follow-?up|recap|notes?|summary|minutes|after|following|since)\b/i.test(before);
              return (
                !pastEvent &&
                (!ctx.foreign?.has(source) || DEADLINE_ABROAD.test(before)) &&
                // "every January", "each spring": a recurring chore, not a delivery date
                !/\b(?:every|each)\s+$/i.test(before) &&
                // a concession's window ("ten free hours, redeemable for sixty days after launch"): how long it
                // lasts, not when work is due
                !/\b(?:used|redeemed|drawn(?: down)?|consumed|claimed|spent|valid|expires?|lapses?)\s+(?:only\s+)?$/i.test(
                  before,
                ) &&
                // "records since 1/1/2015": where a history starts, a year in the past
                !(/\b(?:since|back to)\s+$/i.test(before) && /\b(?:19|20)\d{2}\b/.test(d.text)) &&
                // a diary's entry date ("6/10: they think they will need …"): when it was said, not a deadline
                !(/^[\s>*•-]*$/.test(lineHead) && LOG_ENTRY_AFTER.test(after)) &&
                // ("issued 3 May" dates a record; "issued by 31 January" is a deadline)
                (!RECORD_DATE_BEFORE.test(before) || /\b(?:by|before|no later than)\s+(?:the\s+)?$/i.test(before)) &&
                !(ATTRIBUTION_BEFORE.test(before) && RECORD_DATE_AFTER.test(after)) &&
                // ("committee minutes, February 11, 2026, item 3 (demo): we showed …": the record, then what it says)
                !(RECORD_JUST_BEFORE.test(lineHead) && /^[^.!?\n]{0,80}:\s/.test(after)) &&
                // ("agreed with Bettina on the February 12 call": when it was said)
                !(
                  /\b(?:on|at|in|during) (?:the|our|their|my|your|a)\s*$/i.test(before) &&
                  PAST_EVENT_AFTER.test(after) &&
                  SAID.test(before)
                ) &&
                !ATTRIBUTION_AFTER.test(after) &&
                // "Letter from the director to landlords (August 2026): “…”": the date dates the quotation (on the
                // same line or the next)
                // (a quoted section title may stand between: "(May 2027), section “What we buy”: …")
                !/^(?:[^"“.!?]|["“][^"”\n]{1,60}["”])*:\s*(?:["“]|$)/.test(after) &&
                // (or leads a quoted headline: "press release, 10 March 2026 — “Gates go automatic”")
                !/^\s*[—–-]\s*["“]/.test(after) &&
                !/^\s*\d{1,2}:\d{2}/.test(after) &&
                // a recording's header ("Loom — Ana → Ben (6 Nov), 02:05–02:40") dates the clip, not the work
                !RECORDING.test(lineHead) &&
                !/^\s*\)?\s*,?\s*\d{1,2}:\d{2}\s*[–-]\s*\d{1,2}:\d{2}\b/.test(after)
              );
            })
            .map((d) => ({ ...d, start: d.start + c.start, end: d.end + c.start }));
          // an event, a duration or a season is a date with no calendar key, at its place in the field
          const relative = (m: RegExpExecArray): DateMention => ({
            start: c.start + m.index,
            end: c.start + m.index + m[0].length,
            text: m[0],
            key: null,
          });
          const ev = EVENT.exec(c.text) ?? NAMED_EVENT.exec(c.text);
          if (ev && !mentions.some((d) => d.start - c.start <= ev.index + ev[0].length && d.end - c.start >= ev.index))
            mentions.push(relative(ev));
          const dur = DURATION_PROMISE.exec(c.text);
          if (dur) mentions.push(relative(dur));
          const season = SEASON.exec(c.text);
          if (season && !mentions.length) mentions.push(relative(season));
          const then = BY_THEN.exec(c.text);
          if (then && !mentions.length && k > 0 && COMMIT.test(c.text)) {
            const prev = dateMentions(cs[k - 1].text, dates).find((d) => d.key);
            if (prev) mentions.push({ ...prev, start: cs[k - 1].start + prev.start, end: cs[k - 1].start + prev.end });
          }
          // "… would be live by the convention", the convention dated in the sentence before
          const named = /\b(?:by|for|before|in time for)\s+(?:the|their|its)\s+([a-z][\w-]{4,})\b/i.exec(c.text);
          if (named && !mentions.length && ui > 0 && SELLER_COMMIT.test(c.text)) {
            const prev = units[ui - 1];
            if (
              new RegExp(`\\b${named[1]}\\b`, "i").test(prev.text) &&
              dateMentions(prev.text, dates).some((d) => d.key)
            )
              mentions.push(relative(named));
          }
          if (!mentions.length) return;
          if (mentions.every((d) => covered(d, c.text, schedule, ctx.text("signed_scope")))) return;
          const own = COMMIT.test(c.text) || Boolean(ev) || (requirementDate && DEADLINE_FORM.test(c.text)) || agreedTo;
          const near = COMMIT.test(cs[k - 1]?.text ?? "") || COMMIT.test(cs[k + 1]?.text ?? "");
          if (!own && (PAST_FACT.test(c.text) || CONTEXT_FACT.test(c.text))) return;
          // the seller's own word beats the customer's wish when both date the same thing
          const score = own && SELLER_COMMIT.test(c.text) ? 3 : own ? 2 : near ? 1 : promiseField ? 1 : 0;
          if (score > (best?.score ?? 0)) best = { c, score, mention: mentions[0] };
        });
        if (!best) continue;
        const { c, mention } = best as { c: (typeof cs)[number]; mention: DateMention };
        const s = c.text.split(/\s+/).length < 4 ? u : c;
        found.push({
          score: (best as { score: number }).score,
          unit: ui,
          f: {
            category: "timeline_assumption",
            severity: /\bno slip|non-negotiable|hard date|deadline|must\b/i.test(u.text) ? "high" : "medium",
            source,
            start: s.start,
            end: s.end,
            message:
              `A date or deadline ("${mention.text.trim()}") was promised on the sales ` +
              `side that no delivery-approved schedule covers: confirm it with delivery ` +
              `before kickoff.`,
          },
        });
      }
      // the seller's word in the next sentence beats the customer's wish it answers (a wish for a date, then
      // "told them it will be running by then")
      for (const [i, x] of found.entries()) {
        const next = found[i + 1];
        if (x.score < 3 && next && next.unit === x.unit + 1 && next.score === 3) continue;
        out.push(x.f);
      }
    }
    // a sales-side date the contract's own dates contradict is a date no approved schedule covers, whatever else
    // the note says ("I told them the portal is up by Sep 8" against "Carrier portal live … 21 Sep")
    for (const f of ctx.prior) {
      if (!f.contradictedDate || f.start === null || f.end === null) continue;
      if (out.some((g) => g.source === f.source && g.start! < f.end! && g.end! > f.start!)) continue;
      // (the seller's word is needed: not a line that cites the approved plan or a contract term's start)
      const said = ctx.text(f.source as TextSource).slice(f.start, f.end);
      if (
        APPROVED_REF.test(said) ||
        NOT_A_PROMISE.test(said) ||
        !COMMIT.test(said) ||
        /pop|period of performance/i.test(said)
      )
        continue;
      out.push({
        category: "timeline_assumption",
        severity: "medium",
        source: f.source,
        start: f.start,
        end: f.end,
        message: `A date promised on the sales side that the contract's dates contradict: ${f.message}`,
      });
    }
    // go-live fixed by date in the SOW itself without an approved schedule
    if (!schedule) {
      for (const u of ctx.units("signed_scope")) {
        if (!/\b(?:go[- ]live|live|launch|cut[- ]?over|in production)\b/i.test(u.text)) continue;
        // (a go-live its own line says delivery signed: "Go-live: 2 November (date our delivery head confirmed)")
        if (!FIXED_BY.test(u.text) || (DELIVERY_APPROVED.test(u.text) && !NOT_APPROVED.test(u.text))) continue;
        const live = /\b(?:go[- ]live|live|launch|cut[- ]?over|in production)\b/i.exec(u.text)!.index;
        // the date nearest the go-live word is the one fixed
        const ds = dateMentions(u.text, dates)
          .filter((d) => d.key && /\d{2}-\d{2}|^\d{2}$/.test(d.key))
          .sort((a, b) => Math.abs(a.start - live) - Math.abs(b.start - live));
        if (!ds.length || /\bperiod of performance\b/i.test(u.text)) continue;
        out.push({
          category: "timeline_assumption",
          severity: "medium",
          source: "signed_scope",
          start: u.start,
          end: u.end,
          message:
            `The scope fixes go-live on "${ds[0].text}", a date that no delivery-approved ` +
            `schedule backs: confirm delivery can meet it.`,
        });
      }
    }
    return out;
  },
};
