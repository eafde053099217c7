// Finds the deliverables of a SOW (and the custom work lines of an order form) and whether an acceptance,
// sign-off or completion condition covers each: in the item itself, in an acceptance section that names it by id
// or by name, or through a packet-wide acceptance regime. Built on the document model (document.ts).
import {
  ACCEPTANCE_ABROAD,
  documentOf,
  namesItems,
  normalizeId,
  referencedIds,
  sectionKind,
  TICKET_FIELD,
  type Block,
  type SectionKind,
} from "./document";
import { termSet } from "./lexicon";
import { memo } from "./memo";
import { clauses, sentences, trimSpan, type Span } from "./structure";
import { dateMentions } from "./numbers";

/** An acceptance, sign-off or completion condition. */
export const ACCEPTANCE = new RegExp(
  [
    // ("accept calls", "accept card payments", "accept the code of conduct" are things users do, not sign-off)
    String.raw`\baccept(?:s|able|ability)?\b(?!\s+(?:the\s+|their\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?` +
      String.raw`(?:calls?|payments?|cards?|bookings?|orders?|returns?|terms|code|applications?|cheques?|checks|` +
      String.raw`deposits?|donations?|quotes?|offers?|tips|cookies|jobs?|shifts?|appointments?|cash)\b)|`,
    String.raw`\b(?:accepted|approved)\b(?=\s+(?:by|in writing|within|`,
    String.raw`when|on|upon|after|once|if|at|via|through|under|against|per|only)\b|\s*[.,;:)]|\s*$)|`,
    String.raw`\b(?:is|are|be|been|being|was|were|when|once|until|upon|if|`,
    String.raw`gets?)\s+(?:\w+\s+)?(?:accepted|approved)\b|\bacceptance\b|\bsign[- ]?off\b|\bsigns? (?:it |them )?off\b|`,
    String.raw`\bsigned off\b|\bsigns the\b|\bapprov(?:es|al)\b(?!\s+(?:routing|workflows?|rules?|`,
    String.raw`chains?|queues?|matrix|matrices|flows?|steps?|levels?|limits?|hierarch\w*|process(?:es)?|`,
    String.raw`requests?|notifications?|paths?|thresholds?|policies|policy|routes?))|`,
    String.raw`\b(?:complete[sd]?|finished)\b(?:\s+\w+){0,2}\s+(?:when|on|upon|once|after)\b|`,
    String.raw`\bcompletion (?:criteria|condition|when)\b|\bdone (?:when|means|looks like)\b|\bdone\s*[=:]\s*\S|` +
      String.raw`\bready (?:when|means|if)\s*:\s*\S|`,
    String.raw`\bsuccess criteria\b|`,
    String.raw`\bverified (?:when|by)\b|\bcertified (?:when|by)\b|\btested (?:on|against|with) (?:a |an |the )?(?:\d|`,
    String.raw`sample|test|`,
    String.raw`pilot)|\bpass(?:es)?\b.{0,300}\btests?\b|\btests? (?:cases? )?pass\b|\bpasses\b|`,
    String.raw`\bends? (?:on|with|after|when)\b|\bending (?:on|with)\b|\bmeasured by\b|\bqasp\b|`,
    String.raw`\bconfirms?\b.{0,300}\b(?:match|correct|appear|works?)|\breconcil(?:ed|es|e|`,
    String.raw`iation)\b.{0,300}\b(?:within|variance|match)|\bgiven\b[\s\S]{0,300}?\bwhen\b[\s\S]{0,300}?\bthen\b|`,
    String.raw`\b(?:${ACCEPTANCE_ABROAD})|`,
    // a story's own criteria: "AC: …", "DoD: …", a "Scenario — …" of behaviour-driven tests
    // (or an arrow: "AC → …")
    // (what is left of "AC: per the owner's approval" once the bare sign-off is taken out says nothing)
    String.raw`(?:^|[\s(])(?:AC|A\/C|DoD)\s*(?:[:=—–→⇒-]|->|=>)\s*[^\s.;,]|\bscenarios?\s*(?:\d+\s*)?[:—–-]\s*\S`,
  ].join(""),
  "i",
);

/** Words that name an acceptance without defining it: a sign-off or satisfaction with no criteria, date or signer. */
const BARE_CONDITION = new RegExp(
  [
    String.raw`\b(?:per|upon|on|subject to|following|after)\s+(?:the\s+)?(?:customer|client|buyer)(?:'s|`,
    String.raw`’s)?\s+(?:sign[- ]?off|approval|acceptance)\b(?!\s+(?:within|of the|against|when))|`,
    // "to the client's reasonable satisfaction", "to Three Oaks' satisfaction", "to the satisfaction of the buyer"
    String.raw`\bto (?:the |its |their )?(?:(?:customer|client|buyer)(?:'s|’s)?|`,
    String.raw`(?:[\w&.-]+\s+){0,3}?[\w&.-]+(?:'s|’s|s'|s’)) (?:reasonable |full |complete )?satisfaction\b|`,
    String.raw`\bto the (?:reasonable )?satisfaction of\b|`,
    String.raw`\b(?:acceptance(?: criteria)?|AC|DoD|done (?:means|when)|ready (?:when|means|if))\s*[:=—–-]?\s*` +
      String.raw`(?:tbd|tbc|to be (?:agreed|defined|confirmed|`,
    String.raw`determined)|as agreed|n\/a|to follow|pending|later)\b|` +
      // "criteria for D5 will be developed after opening": criteria that do not exist yet
      String.raw`\b(?:acceptance )?criteria (?:for [^;]{1,40}? )?(?:will|shall|are to) be (?:developed|defined|agreed|` +
      String.raw`set|written|confirmed|determined)\b[^.;]{0,40}|` +
      // "accepted on a basis to be agreed after the pilot", "on criteria to be defined at design"
      String.raw`\bon (?:a basis|terms|criteria|a method) to be (?:agreed|defined|confirmed|determined|decided)` +
      String.raw`(?:\s+(?:after|once|following|at|by|during|with)\b[^.;]{0,60})?|` +
      // "as agreed", "as agreed by the parties", "as mutually agreed between them"
      String.raw`\bas (?:mutually )?agreed(?:\s+(?:by|between)\s+(?:the |both )?(?:parties|them|\w+))?\b`,
  ].join(""),
  "gi",
);

const BARE_ONLY = new RegExp(BARE_CONDITION.source, "i");
const BARE_ACCEPTED = new RegExp(
  // (a bare sign-off at a moment is as bare: "accepted as agreed between the parties at commissioning")
  String.raw`\b(?:accepted|approved|signed off|complete)\s+(?=(?:${BARE_CONDITION.source})` +
    String.raw`(?:\s+(?:at|after|on|upon|during|by)\s+[^.;]{1,40})?\s*(?:[.;]|$))`,
  "gi",
);

/** Training, enablement, hypercare and support with a fixed count or duration have a completion condition. */
const BOUNDED_KIND = new RegExp(
  [
    String.raw`\b(?:train\w*|enablement|hypercare|support|workshops?|sessions?|webinars?|coaching|on[- ]?site|`,
    String.raw`office hours|advisory|onboarding calls?|shadowing|parallel (?:runs?|cycles?|billing|`,
    String.raw`payroll)|`,
    // training named in the languages international packets mix in
    String.raw`schulung\w*|formaci[oó]n|capacitaci[oó]n|formazione|treinamento|szkoleni\w*|opleiding\w*|`,
    String.raw`utbildning\w*|koulutu\w*|uddannelse|oppl[æa]ring|`,
    // and the support after go-live ("Acompañamiento tras arranque", "soporte de puesta en marcha")
    String.raw`acompa[ñn]amiento|soporte|hipercuidado|accompagnement|begleitung|acompanhamento)\b`,
  ].join(""),
  "i",
);
const COUNT_OR_DURATION = new RegExp(
  [
    String.raw`(?:\b\d+|\(\d+\)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|`,
    String.raw`twenty|thirty|forty|sixty|`,
    String.raw`ninety|a single))\s*(?:\(\d+\)\s*)?(?:[x×]\s*)?(?:[\w&'-]+\s+){0,3}?(?:(?:half|full)-)?` +
      // ("two live Q&A sessions", "a single 45-minute walkthrough", "a 20-minute recorded video")
      String.raw`(?:sessions?|workshops?|webinars?|walkthroughs?|videos?|demos?|`,
    String.raw`courses?|classes|trainings|modules?|days?|weeks?|months?|hours?|h\b|hrs?\b|calls?|visits?|cycles?|`,
    String.raw`runs?|sesi[oó]n(?:es)?|sess[õo]es|sitzung(?:en)?|tage?|wochen?|semanas?|semaines?|jours?|d[ií]as?|`,
    String.raw`horas?|stunden|turmas?|jornadas?|mes(?:es)?|mois|monate?)\b|`,
    // (support bounded by a period named by its place: "through the first month after go-live")
    String.raw`\b(?:first|initial|opening) (?:week|fortnight|month|quarter)\b`,
  ].join(""),
  "i",
);

/** A sentence or section that sets acceptance for deliverables in general. */
const UNIT_OF_WORK =
  String.raw`(?:[\w-]+\s+){0,2}?(?:deliverables?|packages?|items?|milestones?|stor(?:y|ies)|epics?|products?|` +
  String.raw`phases?|modules?|tasks?|dels?|lines?|work|sites?|releases?|stages?|assets?|outputs?|drawings?|` +
  String.raw`documents?|workstreams?|sprints?|waves?|bullets?|rows?|entries|points?|services?|requirements?|scopes?|` +
  String.raw`features?|` +
  String.raw`pitch(?:es)?)`;
// the priorities a requirements document accepts ("Each P0 and P1 requirement is accepted when …")
const PRIORITY_TAG = /\b(P[0-3]|MUST|SHOULD|COULD|MAY)\b/g;
const BY_PRIORITY = new RegExp(
  String.raw`\b(?:[Aa]ll|[Ee]ach|[Ee]very)\s+(?:P[0-3]|MUST|SHOULD|COULD)` +
    String.raw`(?:\s*(?:,|and|or|\/|&)\s*(?:P[0-3]|MUST|SHOULD|COULD))*\s+(?:requirements?|items?|stor(?:y|ies))\b` +
    String.raw`[^.]{0,300}\b(?:accept|sign[- ]?off|signs? off|approv|deemed)`,
);
const GENERAL_ACCEPTANCE = new RegExp(
  String.raw`\b(?:all|each|every|any)\s+(?:of the\s+)?(?:above\s+)?${UNIT_OF_WORK}\b(?:\s+above)?[^.]{0,300}` +
    String.raw`\b(?:accept|sign[- ]?off|signs? (?:it |them )?off|signed\b|approv|acceptab|deemed|finished|complete)|` +
    new RegExp(
      [
        String.raw`\baccept(?:ance|ed)\b[^.]{0,300}\b(?:all|each|every)\s+(?:\w+\s+)?deliverables?\b|`,
        String.raw`\bdeliverables?\s+(?:is|are|will be|shall be)\s+(?:deemed\s+)?accepted\b|`,
        // ("an item with no written response in that time is accepted": acceptance on silence)
        String.raw`\b(?:an?|each|any)\s+${UNIT_OF_WORK}\b[^.;]{0,60}?\b(?:no|without (?:a |any )?)\s*(?:written )?` +
          String.raw`(?:response|reply|objection|rejection|answer)\b[^.;]{0,40}\b(?:is|are) (?:deemed )?accepted\b|`,
        // ("a deliverable neither signed nor sent back in that time is accepted": silence, said by what did not happen)
        String.raw`\b(?:an?|each|any)\s+${UNIT_OF_WORK}\b[^.;]{0,60}?\bneither\b[^.;]{0,80}?\b(?:is|are) ` +
          String.raw`(?:deemed |treated as |taken as )?accepted\b|`,
        // ("after 3 business days with neither, the feature is treated as accepted": silence, in other words)
        String.raw`\b(?:with neither|no (?:written )?(?:response|reply|objection)|without (?:a |any )?(?:written )?` +
          String.raw`(?:response|reply|objection))\b[^.;]{0,40}\b(?:is|are) (?:treated|regarded|taken) as accepted\b|`,
        String.raw`\bbasis of acceptance\b|\bfor acceptability\b|\bdeemed accept\w*`,
      ].join(""),
    ).source,
  "i",
);
/**
 * "The Commander signs each deliverable in Section 2 within ten days": the one who accepts, then what (a line of its
 * own: inside an item, "the lead approves each consent before release", it is that item's criterion; ending in a colon,
 * it introduces the criteria that follow).
 */
const ACCEPTS_EVERY = new RegExp(
  String.raw`\b(?:accepts|signs(?: off(?: on)?)?|approves)\s+(?:each|every|all|any)\s+(?:of the\s+)?${UNIT_OF_WORK}\b`,
  "i",
);
const CRITERION_OF_ITEM = /^\s*(?:[-*•]\s*)?\[[ xX]?\]|^\s*[^\s|]+\s*[|:—–]\s/;
// ("each deliverable in A.4", "every item under Section C.3": a lettered section's number is a clause too)
const IN_CLAUSE =
  /\b(?:in|under|listed in|set out in|described in)\s+(?:(?:clause|section|paragraph|article)\s+(?:[A-Z]\.)?\d+(?:\.\d+)+|(?:section\s+)?[A-Z]\.\d+(?:\.\d+)*\b)/gi;
/** A clause's number: "2.4", "A.4", "C.3.2". */
const CLAUSE_NUMBER = String.raw`(?:[A-Z]\.)?\d+(?:\.\d+)+|[A-Z]\.\d+`;
const CLAUSE_ID = new RegExp(String.raw`^(?:${CLAUSE_NUMBER})$`);
const CLAUSE_IN = new RegExp(CLAUSE_NUMBER, "i");
const DOTTED_RANGE = /\b(\d+(?:\.\d+)+)\s*(?:through|thru|to|[–-])\s*(\d+(?:\.\d+)+)\b/gi;
/** Order "2.10" after "2.9": dotted numbers compared part by part. */
function compareDotted(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}
// (or by a group's bare id: "each item in B3")
const IN_GROUPS =
  /\b(?:in|under|of)\s+(?:(?:tasks?|clins?|phases?|stages?|work packages?|epics?|workstreams?)\s+\d|[A-Z]{1,2}\d{1,2}\b(?!\.\d))/i;
/** "every issue in this export", "each ticket on the board": a tracker's items (elsewhere an issue is a defect) */
const TRACKER_UNIT =
  /\b(?:all|each|every)\s+(?:issues?|tickets?|cards?)\s+(?:in|on|of)\s+(?:this|the)\s+(?:export|project|board)\b/i;
const EXCEPT_IDS = new RegExp(
  String.raw`\b(?:except(?: for)?|other than|excluding|apart from|with the exception of)\s+` +
    String.raw`(?:deliverables?|items?|tasks?|clins?)\s+[\w.]+(?:\s*(?:,|and|&)\s*[\w.]+)*`,
  "i",
);
const EVERY_UNIT = new RegExp(String.raw`\b(?:all|each|every)\s+(?:of the\s+)?${UNIT_OF_WORK}\b`, "i");
const ANY_UNIT = new RegExp(String.raw`\bany\s+${UNIT_OF_WORK}\b`, "i");
/** A measurable service level or count is itself a completion condition ("99.95% per month", "within 60 seconds"). */
const MEASURED = new RegExp(
  [
    String.raw`\b(?:above|below|over|under|at least|no more than|no less than|[≥≤]|`,
    String.raw`[<>]=?)\s*\d+(?:\.\d+)?\s?%|\b\d+(?:\.\d+)?\s?%\s*(?:of|per|monthly|availability|uptime|`,
    String.raw`answered)|\b(?:availability|uptime|response|answered|`,
    String.raw`resolved)\b[^.;]{0,40}\b\d+(?:\.\d+)?\s?(?:%|minutes?|mins?|seconds?|hours?)|`,
    String.raw`\bwithin \d+\s*(?:minutes?|seconds?|hours?)\b|\bissued by the \d+(?:st|nd|rd|th)\b`,
  ].join(""),
  "i",
);
/**
 * A contract-level acceptance regime (a QASP, inspection-and-acceptance clause, definition of done) covers every
 * deliverable.
 */
const ACCEPTANCE_REGIME = new RegExp(
  [
    String.raw`\bqasp\b|\bquality assurance surveillance\b|\binspection and acceptance\b|`,
    String.raw`\bacceptable quality levels?\b|\bdefinition of done\b|`,
    String.raw`\bperformance standards?\b.{0,300}\b(?:acceptab|quality)`,
  ].join(""),
  "i",
);
/** A team's own checklist that says of itself it is not acceptance ("our internal DoD, not the client's sign-off"). */
const SELF_DENIED = new RegExp(
  String.raw`^(?=[^]*\b(?:checklist|dod|definition of done)\b)(?=[^]*(?:\bnot (?:the |an? )?(?:[\w&-]+['’]s?\s+)?` +
    String.raw`(?:acceptance|sign[- ]?off)\b|\binternal\b))`,
  "i",
);
/** A regime that itself says it applies only to listed deliverables. */
const LISTED_ONLY = new RegExp(
  [
    String.raw`\b(?:listed|designated|identified|set out|named)\s+(?:below|above|`,
    String.raw`in (?:this )?(?:section|table))\b|\bthe following\b|\bapplies only to\b|`,
    // "a Deliverable listed in Item 9", "each Deliverable with an Acceptance Test in Item 9"
    String.raw`\b(?:listed|set out|named|identified) in (?:item|clause|section|schedule|annex|table|paragraph)\s+\w|`,
    String.raw`\b(?:with|having|that has|that have) (?:an? |its )?(?:acceptance (?:tests?|criteri\w+)|tests?)\b`,
  ].join(""),
  "i",
);

/** Sentences that are contract machinery, background or the customer's part, not work the vendor delivers. */
const NOT_WORK = new RegExp(
  [
    String.raw`^(?:the )?(?:customer|client|buyer|county|city|district|university|bank|agency|`,
    String.raw`government|state|company|licensee|purchaser|society|trust|authority|council|school|`,
    String.raw`board)(?:'s|’s)?\b(?=\s+(?:[\w-]+\s+)?(?:will|shall|must|to|is|are|should|may|can|provides?|`,
    String.raw`supplies|supply|gives?|owns?|agrees?|acknowledges?|retains?|remains?|has|have|responsib\w*|`,
    String.raw`obligations?|dependenc\w*)\b)|^(?:customer|client)-(?:requested|owned|provided|supplied|led|managed)\b|`,
    String.raw`^(?:either party|`,
    String.raw`the parties|this (?:statement|sow|agreement|document|order)|statement of work|`,
    String.raw`any(?:thing)? (?:work|changes?|requests?) (?:not|outside)|work outside|all work|fees?\b|`,
    String.raw`fixed (?:fee|price)|travel\b|payment|invoic|pricing|price\b|expenses\b|time (?:&|`,
    String.raw`and) materials)|\bis limited to\b|\b(?:is|are) (?:tentative|indicative|currently)\b|`,
    String.raw`\b(?:timeline|schedule) (?:above|below)\b|\bentered into\b|\bout of scope\b|`,
    String.raw`\bnot in scope\b|\bquoted separately\b|\bnot committed\b|\bstretch goal\b|\bnot (?:yet )?scheduled\b|`,
    // (an item ruled out in its own words, with none of it ordered under the contract, or a label saying what the
    // contract leaves out)
    String.raw`\bnone (?:in|under|ordered (?:in|under)) (?:this|the) (?:sow|order|contract|phase)\b|` +
      String.raw`^not in (?:this|the) (?:sow|contract|order)\b|`,
    // the contract's own machinery: which terms win, what a name means ("… which prevail in any conflict", "In this
    // SOW, "Acme" means Acme Ltd.")
    String.raw`\bprevails? (?:in|over|to the extent)\b|\b(?:takes?|shall take) precedence\b|\border of precedence\b|`,
    String.raw`^(?:it|this (?:sow|schedule|exhibit)) is subject to\b|["“][^"”]{1,40}["”]\s+(?:means|shall mean|refers to)\b|`,
    // (the kickoff meeting is how the project starts, not work to accept: "Contractor shall hold a kickoff meeting …")
    String.raw`^(?:(?:the )?(?:contractor|vendor|supplier|consultant|[A-Z][\w&-]*) (?:shall|will) (?:hold|convene|schedule) )?` +
      String.raw`(?:a |the )?kick-?off (?:meeting|call)\b|`,
    // (a sentence that only says what counts as a deliverable: "Each item under C-2 is a deliverable.")
    String.raw`\b(?:is|are) (?:a |the )?(?:separate )?deliverables?\.?$|`,
    // (who signs which items off is acceptance: "For K1 and K2 the practice manager signs within 5 days …")
    String.raw`^for (?:items? )?[A-Z]{0,3}\d[\w.-]*(?:(?:,|\s+and|\s*&|\s+to|\s*[–-])\s*[A-Z]{0,3}\d[\w.-]*)*,?\s+` +
      String.raw`(?:[\w'’.-]+\s+){1,6}?(?:signs?(?: off)?|accepts?|approves?|confirms?)\b|` +
      // (or all of them: "The practice signs each 'done' within 5 days")
      String.raw`^(?:the )?(?:[\w&'’.-]+\s+){1,4}?signs?(?: off)?\s+(?:each|every|all)\b[^.;]{0,40}\bwithin\b|`,
    // (work put off by its own label: "Deferred: grooming diary, phase 2")
    String.raw`^(?:deferred|parked|later phase|future phase)\s*:|`,
    // ("… timing TBC by delivery": when the work happens, not what it is)
    String.raw`^(?:timing|dates?|start)\s+(?:tbc|tbd|to be)\b|`,
    String.raw`\b(?:is|are) (?:firm[- ])?fixed[- ](?:price|fee)\b|`,
    String.raw`\bnot part of (?:this|the) (?:sow|scope|contract|order|project)\b|`,
    String.raw`\bmaster (?:services |subscription |`,
    String.raw`software )?(?:agreement|license)\b|\bsubscription quantities\b|\b(?:dates?|schedule|`,
    String.raw`timeline|baseline|plan|zeitplan)\b[^.]{0,80}\b(?:confirmed|approved|reviewed|agreed|`,
    String.raw`signed)\b|:\s*$|^(?:up to )?[\d,]+\s+(?:named\s+)?(?:licen[cs]es|seats|users|`,
    String.raw`subscriptions)\b|\b(?:users?|seats?|licen[cs]es?)\b.{0,40}\b(?:will be |are |`,
    String.raw`is )?(?:provisioned|licensed)\b|\b(?:deliver|perform|provide)\s+the\s+(?:deliverables|`,
    String.raw`services|work)\b|\b(?:sow|pws|po|contract|bid|rfp|rfq|solicitation|tender)\s*(?:no\.?\s*)?#?\s*` +
      String.raw`(?:[A-Z]{1,6}-){0,3}[A-Z]{0,6}\d[\w-]*|` +
      // the subscription itself is bought, not delivered: "furnish the System on a subscription basis for 35 users"
      String.raw`\bon a subscription basis\b|\bsubscription term\b|` +
      String.raw`\b(?:furnish|provide)\w*\s+(?:its\s+|the\s+|a\s+)?(?:hosted|cloud|saas|subscription)\b` +
      String.raw`[^.]{0,120}\bfor\s+` +
      String.raw`(?:[\w-]+\s+)?\(?\d[\d,]*\)?\s+(?:[\w-]+\s+){0,3}?users\b|`,
    String.raw`^(?:24\/7\S*|unlimited)\b|^(?:named )?(?:users|seats|licen[cs]es|environments|`,
    String.raw`languages)\s*:|^(?:data )?retention\b|`,
    // what it is built on or with ("Platform: Android only …", "Tech stack: React Native", "Native Kotlin.")
    String.raw`^(?:platforms?|tech(?:nology)?(?: stack)?|stack|back[- ]?end|front[- ]?end|framework|language|` +
      String.raw`devices?|os|hosting)\s*:|^native [\w+#-]+\.?$|`,
    String.raw`\bconfigured for (?:\w+ )?\(?\d[\d,]*\)? (?:named )?(?:users|seats|years|months|days)\b|`,
    String.raw`\b(?:is|are) (?:those|defined as)\b|`,
    // a bare count of seats ("One hundred ten (110) case manager and supervisor accounts.") is bought, not built
    String.raw`^(?:[\w-]+\s+){0,4}\(?\d[\d,]*\)?\s+(?:[\w-]+\s+){0,4}(?:accounts|seats|licen[cs]es|users)\.?$|`,
    // a line that bounds the scope ("Tax types in scope: sales and use tax", "Sites in scope: Leeds and York")
    String.raw`^[\w ,/&-]{2,40}\bin scope\s*:|`,
    // what the supplier must not do is a condition on the work, not a deliverable
    String.raw`^(?:the )?(?:contractor|vendor|supplier|provider|consultant)\s+(?:shall|must|will|may) not\b`,
  ].join(""),
  "i",
);
// the customer describing itself: "The Department registers and inspects …", "The VSO assists about 2,600 …"
// (case matters: an organisation's name or an acronym opens it)
const CUSTOMER_SELF = new RegExp(
  String.raw`^(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?:Department|Office|Division|Agency|District|County|City|Board|` +
    String.raw`Commission|Authority|Bureau|Library|Port|University|Hospital|Council|[A-Z]{2,6})(?:\s*\([^)]*\))?\s+` +
    String.raw`(?:is|are|has|have|operates|serves|runs|employs|administers|assists|registers|maintains|manages|` +
    String.raw`processes|holds|receives|issues|inspects|oversees|owns|licenses|permits)\b` +
    String.raw`(?![^.]*\b(?:shall|will|must)\b)`,
);
/**
 * A contract particular labelled by a term of the agreement, not by work: "Insurance: public liability …",
 * "Liquidated Damages: not applicable", "Charges (GST exclusive): …", "Variations: by written Variation …",
 * "Customer Supplied Items: …".
 */
const CONTRACT_TERM_LABEL = new RegExp(
  String.raw`^(?:liquidated damages|charges|insurance|indemnit(?:y|ies)|limitation of liability|liabilit(?:y|ies)|` +
    String.raw`governing law|jurisdiction|disputes?|notices?|termination|confidentiality|` +
    String.raw`(?:privacy|data)(?: (?:and|&) (?:privacy|data|security))?|` +
    String.raw`data (?:location|residency|sovereignty|protection)|` +
    String.raw`(?:order of )?precedence|` +
    String.raw`intellectual property|variations?|[\w-]+ supplied items|assignment|force majeure)` +
    String.raw`(?:\s*\([^)]*\))?\s*:`,
  "i",
);
/** Text that is no work: a duty of the customer, a fee, a capability, the contract itself. */
// a preamble that names the parties ('… made between Harbour Vets (the "Clinic") and Kennelwise …') buys nothing
const PARTIES = /\bbetween\b[^;\n]{3,160}?\([^()]{0,40}?["“'‘]\p{Lu}[\p{L} ]{1,30}["”'’]\)/u;

const MOSCOW_LEAD = new RegExp(
  String.raw`^\[?(?:MUST|SHOULD|COULD|WON['’]?T)\b(?:\s*[—–-]\s*[\w ]{0,20}\])?\]?(?:\s*[·|:—–-])?` +
    String.raw`\s*(?:\d{1,3}\s*(?:pts?|points?)?\s*)?(?:[—–-]\s*)?`,
);

/**
 * A user flow sketched screen by screen ("sign in → my orders → [reorder]") or its persona's label ("breadboard —
 * the dispatcher"): how a feature behaves, not a deliverable of its own.
 */
const FLOW =
  /^(?:[^→⇒\n]*(?:→|⇒|->|=>)){2}|^[^→⇒\n]*(?:→|⇒|->)[^\n]*\[[^\]\n]+\]|^(?:breadboard|user flow|flow|journey|storyboard)\s*[—–:-]\s*\S+(?:\s+\S+){0,5}$/i;

function notWork(text: string): boolean {
  // (a scope that opens with its contract's reference, "SOW KW-12 (signed 3 May): booking module …", is work)
  // (and an item's MoSCoW tag and size, "MUST 8 pts", are no part of what it is: a "WON'T" is not bought)
  const tagged = MOSCOW_LEAD.exec(text);
  if (tagged && /^\[?won/i.test(tagged[0])) return true;
  const t = text
    .slice(tagged?.[0].length ?? 0)
    .replace(/^(?:sow|pws|po|contract)\b[^:.]{0,60}:\s+(?=\S+\s+\S+\s+\S+)/i, "");
  return (
    NOT_WORK.test(t) ||
    FLOW.test(t) ||
    PARTIES.test(t) ||
    CONTRACT_TERM_LABEL.test(t) ||
    CAPABILITY.test(t) ||
    CUSTOMER_SELF.test(t.replace(/^[\s(]*[\dA-Za-z]{1,3}[.)]\s+/, ""))
  );
}

const GOVERNANCE_LABEL = new RegExp(
  [
    String.raw`^(?:project management|governance|status (?:reports?|meetings?|calls?)|steering|`,
    String.raw`key personnel|staffing|communications?|delivery approach|approach|methodology|`,
    String.raw`reporting and meetings|change control|risk management|`,
    // how the work is run and when ("Working model: two-week sprints", "Rollout plan: wave 1 …")
    String.raw`working model|ways? of working|delivery model|roll-?out plan|sprint (?:dates|calendar|plan)|` +
      // "Working style: two-week sprints", "How we'll work: …", "Cadence: …"
      String.raw`working (?:style|rhythm|cadence|method)|how we(?:'ll|’ll| will)? work|cadence|` +
      // "Working agreements: sprint review every other Tuesday; …"
      String.raw`(?:working|team) agreements?|team norms|ceremonies)\b`,
  ].join(""),
  "i",
);
const CAPABILITY = new RegExp(
  [
    String.raw`^(?:the )?abilit(?:y|ies) to\b|^support (?:for|to)\b|^must\b|^uptime\b|`,
    String.raw`^(?:the )?(?:system|solution|platform|application|tool|service)\b[^.]{0,40}\b(?:shall|`,
    String.raw`must|should|will|supports?)\b`,
  ].join(""),
  "i",
);
const LICENCE_LINE = new RegExp(
  [
    String.raw`\/\s*(?:yr|year|mo|month)\b|\bper (?:annum|year)\b|\badd-on\b|\b(?:subscriptions?|`,
    String.raw`licen[cs]es?|seats?|named users?|per (?:user|seat|month|year|provider|location|device)|`,
    String.raw`pepm|pupm|annual(?:ly)?|monthly|edition|tier|plan\b|platform fee|hosting|storage|`,
    String.raw`credits?|bundle)\b|\bp\.\s?a\.(?!\w)`,
  ].join(""),
  "i",
);
const CUSTOM_WORK = new RegExp(
  [
    String.raw`\b(?:custom|bespoke|build|built|templates?|dashboards?|reports?|reporting|(?:intake|web|`,
    String.raw`custom|screening|data entry|fillable|pdf) forms?|extracts?|interfaces?|integration|`,
    String.raw`connector build|migration|conversion|workflows?|pack|set-?up|import|assistance|configuration|audit)\b`,
  ].join(""),
  "i",
);
const DOCUMENT_TITLE = /\border form\b|\bbon de commande\b|\bquot(?:e|ation)\b|\bproposal\b|\binvoice\b/i;

/** A reference to a numbered section of the same document: "in §2", "set out under Section 4.2". */
const SECTION_REF = /§\s*(\d+(?:\.\d+)*)|\b(?:in|under|per|of) (?:section|sect\.)\s+(\d+(?:\.\d+)*)/gi;
const ACTIVITY_HEADER = /^(?:activities|tasks?|work|scope|description)$/;
const OUTPUT_HEADER = /^(?:outputs?|deliverables?|work products?)$/;
const ACCEPTANCE_HEADER = /accept|criteri|sign-?off|\bdone\b|complet|\btest\b|\bexit\b/;
/** A reference to an acceptance criterion by its id ("A1", "AC-3", "T2.1"). */
const ACCEPTANCE_REF = /^[A-Z]{1,3}-?\d+(?:\.\d+)?$/;
const SUMMARY_LEAD = /^(?:scope|summary|overview|purpose|background|objectives?)\s*[:—–-]/i;
const REMOVED =
  /^(?:removed|deleted|descoped|de-scoped|dropped|cancell?ed|withdrawn|excluded|not offered|not included|out of scope)$/i;

export interface Deliverable extends Span {
  marker: string | null;
  /** the whole item, including any acceptance lines after the deliverable sentence */
  item: Span;
  accepted: boolean;
  source: "signed_scope" | "order_form";
  /** the activities that make a row's outputs ("Phase | Activities | Outputs"), cited with them */
  work?: Span;
  /** what a row named in a word or two holds ("| D8 | Cut-over | Runbook and one rehearsal … |"), cited with it */
  detail?: Span;
}

/** The cell right after a row's short name that says what it holds (a "Content", "Detail" or "Scope" column). */
function detailOf(b: Block): Span | undefined {
  if (!b.cells || b.head.text.split(/\s+/).length > 3) return undefined;
  const at = b.cells.findIndex((c) => c.start === b.head.start);
  const next = at >= 0 ? b.cells[at + 1] : undefined;
  return next && /^(?:content|contents|detail|details|description|scope|what|includes)$/.test(next.header)
    ? next
    : undefined;
}

/** A numbered, bulleted or table item (not a paragraph of prose). */
const isListItem = (b: Block) => b.rawId !== null || Boolean(b.cells) || /^\s*[-–—•*◦▪·+]/.test(b.text);
/** "blocked by OPS-3", "depends on D2 and D4": an order of work, not the tasks that make an item. */
const DEPENDENCY = /\b(?:blocked by|depends on|dependent on)\s+[A-Z][\w.-]*\d(?:\s*(?:,|and|&)\s*[A-Z][\w.-]*\d)*/g;
const WORK_SECTIONS: SectionKind[] = ["scope", "deliverables", "none"];

/** Does a text state a real condition, not a bare mention of approval? */
export function hasCondition(text: string): boolean {
  // (a short text that is only a placeholder: "Per WWC sign-off", "As agreed with Council")
  if (text.length < 200 && PLACEHOLDER_CRITERION.test(text.trim())) return false;
  // "D2 accepted on client approval": the word "accepted" names the bare sign-off, it adds no condition
  const t = text.replace(BARE_ACCEPTED, " ").replace(BARE_CONDITION, " ");
  // a label naming items then a bare sign-off ("Acceptance of W4, W5: client approval"): only the label is left
  const label = t !== text ? ACCEPTANCE_LABEL.exec(t) : null;
  if (label && !label[1].replace(/[\w-]*\d[\w.-]*|\b(?:and|the|items?)\b|[\s,.;:()&]/gi, "")) return MEASURED.test(t);
  // "Acceptance: every item accepted to the client's satisfaction": the label and a few words are all that is left
  if (label && !/\d/.test(label[1]) && label[1].split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length <= 3)
    return MEASURED.test(t);
  // ("… 8 online points.\n Acceptance: to TDWL's satisfaction.": an item's acceptance line left empty says nothing)
  const rest = t !== text ? t.replace(EMPTY_ACCEPTANCE_LABEL, " ") : t;
  return ACCEPTANCE.test(rest) || MEASURED.test(rest) || GHERKIN.test(rest);
}
/** A scenario in capitals with no WHEN: "GIVEN a closed day THEN the totals equal the day's orders". */
const GHERKIN = /\bGIVEN\b[^\n]{0,300}?\bTHEN\b/;
const EMPTY_ACCEPTANCE_LABEL = /\b(?:acceptance(?: criteria)?|sign[- ]?off|AC|DoD)\s*[:=—–-]\s*[.;]?\s*(?=\n|$)/gi;
/** An acceptance label and what follows it ("Sign-off for items 4–6: …"). */
const ACCEPTANCE_LABEL = /^[\s\w.-]*?\b(?:acceptance|sign[- ]?off)\b(?:\s+(?:of|for)\s+[^:]{1,60})?\s*:([^]*)$/i;

export function boundedWork(text: string): boolean {
  return BOUNDED_KIND.test(text) && COUNT_OR_DURATION.test(text);
}

function isWork(text: string, row = false): boolean {
  const t = text.replace(/^[\s*_>#-]+/, "");
  // (a numbered table row may name its deliverable in one word: "D5 | Reports")
  if (t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < (row ? 1 : 2)) return false;
  if (row && !/^\p{Lu}\p{Ll}{3,}|^\p{Lu}\p{Ll}{2}-\p{L}/u.test(t)) return false;
  if (notWork(t)) return false;
  if (/^(?:acceptance|accepted|sign[- ]?off|complete|done|approv)/i.test(t)) return false;
  // a bare label over the list it introduces ("In scope", "Included:")
  if (/^(?:in[- ]scope|included|not included|out of scope|the work|deliverables)\s*:?$/i.test(t.trim())) return false;
  // a line that is only a date, an amount or a reference
  if (!/\p{L}{3}/u.test(t.replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b/gi, ""))) return false;
  return true;
}

interface Coverage {
  refs: Set<string>;
  general: boolean;
  /** acceptance statements with a real condition, for coverage by name */
  named: Set<string>[];
  /** items covered by an acceptance line that follows them without naming them (by their start) */
  local: Set<number>;
  /** groups a regime names ("Definition of Done: W1–W3 stories"): every item numbered under them is covered */
  groups: Set<string>;
  /** the regime is only "Acceptance: …" lines (their terms), which may name the deliverables they accept */
  openings: Set<string>[] | null;
  /** ids whose own acceptance line is only a placeholder ("D-6: accepted as agreed") */
  placeholders: Set<string>;
  /** numbered clauses a procedure applies to as a whole ("each Deliverable in clause 2.4") */
  clauses: Set<string>;
  /** the priorities an acceptance rule covers ("each P0 and P1 requirement") */
  priorities: Set<string>;
}

/** What the acceptance statements of a scope cover: ids by reference, everything by a regime, names. */
export function coverageOf(blocks: Block[], text: string): Coverage {
  const refs = new Set<string>();
  const named: Set<string>[] = [];
  let regime = false;
  let regimeAll = false;
  let openingOnly = true;
  const openings: Set<string>[] = [];
  const placeholders = new Set<string>();
  let specific = false;
  const groups = new Set<string>();
  const clauses = new Set<string>();
  const priorities = new Set<string>();
  // the items since the last heading, group or acceptance line: what an acceptance line naming nothing follows
  const local = new Set<number>();
  let run: Block[] = [];
  let headingAll = false;
  // whether the acceptance section has named items of its own yet (criteria by id)
  let namedInAcceptance = false;
  // "Deliverables 1.1 through 4.2": every item numbered between the two, across the tasks they stand in
  const numbered = blocks.flatMap((b) => b.ids.filter((k) => /^\d+(?:\.\d+)+$/.test(k)));
  const spanned = (t: string) =>
    [...t.matchAll(DOTTED_RANGE)].flatMap((m) =>
      numbered.filter((k) => compareDotted(k, m[1]) >= 0 && compareDotted(k, m[2]) <= 0),
    );
  for (const b of blocks) {
    const kind = b.section.kind;
    if (b.heading || b.group) run = [];
    else if (isListItem(b) && WORK_SECTIONS.includes(kind) && !hasCondition(b.text)) run.push(b);
    if (kind === "fees" || kind === "schedule" || kind === "change" || kind === "definitions") continue;
    // ("Definition of Done (our internal checklist): …; it is not the client's acceptance": no regime)
    if (SELF_DENIED.test(b.text)) continue;
    const inAcceptance = kind === "acceptance";
    // ("How tickets are accepted (applies to every ticket below)": the section's rule is the packet's regime)
    if (b.heading)
      headingAll = inAcceptance && (EVERY_UNIT.test(b.text) || TRACKER_UNIT.test(b.text)) && !LISTED_ONLY.test(b.text);
    // (a tracker issue is accepted by its own acceptance subsection, not by its description)
    const own = b.ticket?.own;
    // ("Each epic goes to the UAT site. … An epic with no answer in that window is deemed accepted": the unit the
    // paragraph's regime applies to may be quantified in a sentence before the one that accepts it; after criteria
    // that name their items, such a procedure is how those are applied)
    let everyBefore = false;
    for (const s of b.cells
      ? [b]
      : b.ticket
        ? own
          ? sentences(text, own.start, own.end)
          : []
        : sentences(text, b.start, b.end)) {
      // (a clause number inside the sentence, "every item under Section 4.2 …", is no full stop)
      // (a row's placeholder cell, "Per the buyer's sign-off" under "Exit criteria", is no condition of the row)
      const said = b.cells
        ? b.cells
            .filter((c) => !PLACEHOLDER_CRITERION.test(c.text.trim()))
            .map((c) => c.text)
            .join(" | ")
        : s.text;
      // (an acceptance table's row whose every criterion cell is a placeholder, "| 2.2 | TBD |", names its item and
      // covers nothing)
      const criteria = b.cells?.filter((c) => c.text !== b.rawId && c.text.trim()) ?? [];
      if (inAcceptance && criteria.length && criteria.every((c) => PLACEHOLDER_CRITERION.test(c.text.trim()))) {
        for (const r of b.ids) placeholders.add(r);
        continue;
      }
      const t = said.replace(IN_CLAUSE, (m) => m.replace(/\./g, "·"));
      const refsBefore = refs.size;
      const condition = hasCondition(t);
      if (!inAcceptance && !condition) continue;
      if (headingAll && condition && !b.heading) [regime, regimeAll, openingOnly] = [true, true, false];
      // "This procedure applies to each Deliverable in clause 2.4": every item of that clause
      if (inAcceptance && EVERY_UNIT.test(t)) {
        for (const m of s.text.matchAll(IN_CLAUSE)) clauses.add(CLAUSE_IN.exec(m[0])![0].toUpperCase());
        // "… applies to each Deliverable in Tasks 1 through 5 and Task 7": every item numbered under those groups
        const under = IN_GROUPS.exec(t);
        if (under && (condition || !BARE_ONLY.test(t)))
          for (const k of referencedIds(t.slice(under.index))) groups.add(k);
      }
      if (/\bapplies (?:only )?to\b|\bthe following deliverables\b/i.test(t)) specific = true;
      const standalone = !isListItem(b) || /^(?:acceptance|accept|sign[- ]?off)\b/i.test(b.label);
      const opening =
        (standalone || inAcceptance) &&
        (/^(?:acceptance|sign[- ]?off|abnahme|recette)\b/i.test(t.replace(/^[\d.\s]+/, "")) || PHASE_DONE.test(t)) &&
        !referencedIds(t).size;
      // "C.1 …" then "Acceptance: counts within 0.1 % …": the line covers the items it follows
      if (opening && condition && !isListItem(b) && !referencedIds(b.text).size) {
        for (const r of run) local.add(r.start);
        run = [];
      }
      const ranked = BY_PRIORITY.exec(t);
      if (ranked && condition) {
        for (const m of ranked[0].slice(0, ranked[0].search(/\s(?:requirements?|items?|stor)/)).matchAll(PRIORITY_TAG))
          priorities.add(m[1]);
        continue;
      }
      const generalRule =
        GENERAL_ACCEPTANCE.test(t) ||
        (ACCEPTS_EVERY.test(t) &&
          !b.cells &&
          !CRITERION_OF_ITEM.test(b.text) &&
          !CRITERION_OF_ITEM.test(s.text) &&
          !/:\s*$/.test(s.text));
      if (
        ACCEPTANCE_REGIME.test(t) ||
        (opening && condition) ||
        (generalRule && (condition || /\bwithin\b|\bdeemed\b|\bin writing\b/i.test(t)))
      ) {
        regime = true;
        if (!(opening && condition) || ACCEPTANCE_REGIME.test(t) || generalRule) openingOnly = false;
        else openings.push(termSet(t));
        // (a Definition of Done that names its epics, "W1–W3 stories", covers the stories numbered under them)
        const named = /\bdefinition of done\b/i.test(t) ? referencedIds(t) : new Set<string>();
        if (named.size) for (const k of named) groups.add(k);
        else if (
          (EVERY_UNIT.test(t) || (everyBefore && !namedInAcceptance) || /\bqasp\b|\bdefinition of done\b/i.test(t)) &&
          !LISTED_ONLY.test(t)
        )
          regimeAll = true;
        // ("Any Deliverable not so rejected is deemed accepted", unless the section said which it applies to or the
        // line names its items)
        else if (
          ANY_UNIT.test(t) &&
          !specific &&
          !LISTED_ONLY.test(t) &&
          [...referencedIds(t)].every((r) => b.ids.includes(r))
        )
          regimeAll = true;
      }
      // (a line that only names a bare sign-off or "TBD" names its deliverables without covering them)
      const bare = !condition && BARE_ONLY.test(t);
      // "Except for item C7, every item goes through sign-off …": the rule leaves those items out
      const except = EXCEPT_IDS.exec(t);
      const left = except ? referencedIds(except[0]) : new Set<string>();
      for (const r of left) placeholders.add(r);
      if (condition || (inAcceptance && !bare))
        for (const r of [...referencedIds(t), ...spanned(t)])
          if (!left.has(r)) refs.add(r);
          else if (inAcceptance && bare) for (const r of referencedIds(t)) placeholders.add(r);
      // a line of an acceptance list led by an item's id and a separator ("II.1 | The report matches …", "D3: …")
      // names that item, with a criterion unless it is only a placeholder ("II.4 | TBD")
      // (anywhere, when what follows the id is an acceptance: "A2 — accepted when …")
      const led =
        (inAcceptance || /^\s*\S+\s*[|:—–]\s*(?:is |are )?(?:accepted|acceptance)\b/i.test(b.text)) &&
        b.rawId &&
        s.start - b.start <= 12
          ? /^\s*(?:[-–•*]\s+)?\S+\s*[|:—–]\s*(.*)$/.exec(b.text)
          : null;
      const itemColumn = namesItems(b.cells?.find((c) => c.text === b.rawId)?.header ?? "");
      if (led)
        for (const r of b.ids.filter((x) => itemColumn || !/^\d+$/.test(x))) {
          const placeheld =
            PLACEHOLDER_CRITERION.test(led[1].trim()) ||
            led[1].trim().split(/\s+/).length < 3 ||
            // ("A5 — accepted to the City's satisfaction": a bare sign-off names the item without covering it)
            (inAcceptance && !hasCondition(led[1]) && BARE_ONLY.test(led[1]));
          (placeheld ? placeholders : refs).add(r);
          // (the line's own mention of the id, read above as a reference, covers nothing either)
          // (nor does a line whose whole criterion is a placeholder, "2.2: per City sign-off.")
          if (
            placeheld &&
            (!condition || PLACEHOLDER_CRITERION.test(led[1].trim())) &&
            !b.text.slice(b.head.end - b.start).includes(r)
          )
            refs.delete(r);
        }
      // an acceptance table's row whose item column names the item ("| Deliverable | Accepted when |" over "| 1 | …"),
      // bare numbers too
      // (the criterion cell under "Accepted when" is a condition by its header)
      const judged =
        condition || Boolean(b.cells?.some((c) => ACCEPTANCE_HEADER.test(c.header) && !emptyCriterion(c.text)));
      if (
        inAcceptance &&
        b.cells &&
        b.rawId &&
        judged &&
        namesItems(
          (
            b.cells.find((c) => c.text.trim() === b.rawId!.trim()) ??
            b.cells.find((c) => c.text.trim().startsWith(`${b.rawId!.trim()} `))
          )?.header ?? "",
        )
      )
        for (const r of b.ids) refs.add(r);
      // "B — when parcel counts reconcile …": an acceptance line led by a row's letter names that row
      const letter = inAcceptance && !bare ? /^\s*([A-Z])\s*[—–:]\s/.exec(s.text) : null;
      if (letter) refs.add(letter[1]);
      // an item's own acceptance line names that item, not the others that share its words
      if (condition && (inAcceptance || standalone)) named.push(termSet(t));
      if (inAcceptance && EVERY_UNIT.test(t) && !LISTED_ONLY.test(t)) everyBefore = true;
      if (inAcceptance && refs.size > refsBefore) namedInAcceptance = true;
    }
  }
  return {
    refs,
    general: regimeAll || (regime && refs.size === 0 && groups.size === 0 && !specific && !priorities.size),
    named,
    local,
    groups,
    openings: openingOnly && !regimeAll ? openings : null,
    placeholders,
    clauses,
    priorities,
  };
}

/** "3.1 Item 7 — …": the id the item's own text gives it, beside its paragraph number. */
const INNER_ID = new RegExp(
  String.raw`^(?:deliverable|item|task|milestone|work package)\s+` +
    String.raw`[A-Z]?\d+(?:\.\d+)*[a-z]?\b\s*(?:[—–:-]\s*)?`,
  "i",
);
/** "II.2 D2 A collector at each plant": the deliverable's own code after the article's number. */
const INNER_CODE = /^[A-Z]{1,3}-?\d{1,3}\b\s*(?:[—–:-]\s*)?(?=\S)/;
const innerId = (text: string) => INNER_ID.exec(text) ?? INNER_CODE.exec(text);
function idsOf(b: Block): string[] {
  const inner = innerId(b.head.text);
  return inner ? [...b.ids, ...normalizeId(inner[0].replace(/[—–:-]\s*$/, ""))] : b.ids;
}

const NAME_HEAD = /^(.{3,80}?)(?:,|:|\s[—–-]\s|\s\(|\bincluding\b|\bwith\b|\bfor\b|\bso that\b|$)/i;
/** A deliverable's name: its label, or its text up to the first elaboration ("X, including …", "X: …"). */
function nameOf(b: Block): string {
  const t = b.head.text.slice(innerId(b.head.text)?.[0].length ?? 0);
  return (NAME_HEAD.exec(t)?.[1] ?? t).trim();
}

// the end of a phase stated for what was listed before it ("Done when their PO approves the readout", "Discovery is
// complete when …")
const PHASE_DONE =
  /^(?:done when|(?:the |this )?(?:[\p{L}-]+ ){0,2}(?:phase |stage )?is (?:complete|done|finished) when)\b/iu;

/** A deliverable named by an acceptance statement ("the migration is accepted when …"). */
function coveredByName(label: string, named: Set<string>[]): boolean {
  const name = [...termSet(label)].filter((t) => t.length > 2);
  if (!name.length || name.length > 6) return false;
  // a capitalised name is also named by its initials ("Quality Control" → "QC is accepted when …")
  const words = label.trim().split(/\s+/);
  const initials =
    words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))
      ? words.map((w) => w[0].toLowerCase()).join("")
      : null;
  return named.some(
    (s) =>
      (name.filter((t) => s.has(t)).length / name.length >= 0.5 && name.some((t) => s.has(t) && t.length > 4)) ||
      (initials !== null && s.has(initials)),
  );
}

/** The deliverables of a signed scope, each with whether an acceptance or completion condition covers it. */
export const findDeliverables = memo(32, deliverablesOf);

const STORY_MAP_LABEL = new RegExp(
  String.raw`^(?:[▸›•>]\s*)?\[?(?:activity|task|epic|step|theme|backbone)\]?` +
    String.raw`(?:\s+[\dA-Za-z](?:[\w.]{0,5}))?\s*(?:[:—–→·-]|\s)`,
  "i",
);
// a story's checklist ("- [ ] A stay booked online shows on the day sheet within 5 minutes"): its criteria, unless
// each says only that someone is happy with it ("- [ ] Looks right to the practice manager")
const CHECKBOX_LINE = /^\s*(?:[-–•*◦▪]\s+)?\[[ xX✓]?\]\s+(.+)$/gm;
const SUBJECTIVE = /\b(?:looks? (?:right|good|fine|ok(?:ay)?)|happy with|satisf\w*|likes?|liking|approves?)\b/i;
const checklisted = (text: string) =>
  [...text.matchAll(CHECKBOX_LINE)].some((m) => !SUBJECTIVE.test(m[1]) && !PLACEHOLDER_CRITERION.test(m[1].trim()));

/** A sign-off named with nothing to sign against ("Per ACME sign-off", "Head of Data approval"). */
const BARE_PARTY =
  String.raw`(?:(?:per|upon|on|subject to|following|with)\s+)?(?:the\s+)?(?![^|;]*\b(?:uat|tests?|sit|pilot|defects?|\d+)\b)` +
  String.raw`(?:[\w&.'’-]+\s+){0,3}?[\w&.'’-]+\s+(?:sign-?off|approval|acceptance)`;
const PLACEHOLDER_CRITERION = new RegExp(
  [
    String.raw`^(?:(?:acceptance|criteria)\s*[:=—–-]?\s*)?(?:(?:tbd|tbc)\b(?:\s*[—–:;(,-](?![^|]*\b(?:accept|deemed|within|sign|pass|match|reconcil)).*)?|` +
      // ("Model accuracy thresholds TBD in Phase 1": the criteria do not exist yet)
      String.raw`(?:[\w&'’-]+\s+){0,3}(?:thresholds?|criteria|targets?|metrics?|kpis?)\s+(?:tbd|tbc)\b[^|.;]{0,60}|n\/a|-+|—|(?:as )?(?:mutually )?agreed(?: (?:with|by|between) (?:the )?[\w&'’ -]{1,30})?|`,
    // (a sign-off by whoever, with nothing to sign against: "Per the Trust's approval", "Steering group sign-off")
    String.raw`${BARE_PARTY}|to (?:the )?(?:customer|client)'?s `,
    String.raw`satisfaction|(?:customer|client) to (?:approve|confirm|sign(?: it)? off)|best[- ]efforts?|`,
    String.raw`(?:at|in) (?:its|their|his|her|the \w+['’]s) (?:sole |absolute )?discretion|`,
    // a placeholder that names who settles it later ("to be defined by the finance lead")
    String.raw`to be (?:agreed|defined|confirmed|determined|decided)\b[^.;|]{0,60})\.?$`,
  ].join(""),
  "i",
);

/** Nothing but a bare sign-off once that is taken out ("to the Library's satisfaction", "on the owner's approval"). */
const bareSignOff = (text: string) => !/\p{L}{3}/u.test(text.replace(BARE_CONDITION, " "));
/** A criterion that says nothing: a placeholder ("TBD", "as agreed") or a bare sign-off. */
const emptyCriterion = (text: string) => PLACEHOLDER_CRITERION.test(text.trim()) || bareSignOff(text);
/** Does a cell's or a row's text state a criterion ("30 hives checked, one error at most"), not a bare sign-off? */
const statesCriterion = (said: string) =>
  said.trim() !== "" && hasCondition(`accepted when ${said}`) && !emptyCriterion(said);

/** A schedule row's due cell ("Due | NTP + 45 CD", "Target | Month 3"): the row dates work, it is none itself. */
const DUE_HEADER = /\b(?:due|date|when|deadline|target|timing|by)\b/i;

function deliverablesOf(scope: string): Deliverable[] {
  const { blocks } = documentOf(scope);
  const itemIds = new Set(blocks.flatMap((b) => (b.cells ? [] : b.ids)));
  // (a schedule row that names the scope's items by id, "Processed data (3.1, 3.3) | NTP + 120 CD", dates those)
  const datesItems = (b: Block) =>
    Boolean(b.cells?.some((c) => DUE_HEADER.test(c.header) && c.text.trim() && c.text !== b.head.text)) ||
    [...referencedIds(b.text)].some((k) => itemIds.has(k) && !b.ids.includes(k));
  // a milestone that names work ("Milestone 2 — Data import: …") is a deliverable even under a schedule heading
  // (as is any numbered line of a plan that carries no date at all: "1) Registration forms … Done = …")
  const milestoneWork = (b: Block) =>
    b.section.kind === "schedule" &&
    b.rawId !== null &&
    // (an item whose own run-in label names the schedule, "4. TERM. Twelve months …", is not under a plan)
    b.section.title !== b.label.toLowerCase() &&
    // (a plan line sized in T-shirt sizes, "MS2 Invoicing + pay links — L", sizes work listed elsewhere)
    !/[·—–|-]\s*(?:XS|S|M|L|XL|XXL)\s*$/.test(b.text.trim()) &&
    (/^milestone/i.test(b.rawId) ? !dateMentions(b.text).some((d) => d.key) : !dateMentions(b.text).length) &&
    // (nor a line about the plan's own dates: "Phase 2 dates are set once Phase 1 is live")
    !/\b(?:dates|calendar|timing)\b/i.test(b.head.text) &&
    !datesItems(b);
  // a plan's row with an outputs column ("Phase | Activities | Outputs | Exit criteria") delivers those outputs
  const outputRow = (b: Block) =>
    b.section.kind === "schedule" && Boolean(b.cells?.some((c) => OUTPUT_HEADER.test(c.header) && c.text.trim()));
  const work = blocks.filter(
    (b) => !b.heading && !b.group && (WORK_SECTIONS.includes(b.section.kind) || milestoneWork(b) || outputRow(b)),
  );
  // where the SOW lists its deliverables, those are the units of acceptance (tasks are how they are made)
  const inList = work.filter((b) => b.section.kind === "deliverables" && isListItem(b));
  // (a row may name its deliverable in a word that its next cell describes: "| D8 | Cut-over | Runbook and one
  // rehearsal |")
  const listed = inList.filter(
    (b) => isWork(b.head.text) || Boolean(b.cells && b.rawId && detailOf(b) && isWork(b.head.text, true)),
  );
  // (a list of only licences, support and retention still says what is delivered: the rest are requirements)
  // (where the work stands in a table with an acceptance column of its own, the prose around it is background:
  // "Fleet supported: 23 aircraft.")
  const judgedRows = work.filter((b) => b.cells?.some((c) => ACCEPTANCE_HEADER.test(c.header))).length;
  // (where a titled scope section lists the work item by item, the untitled prose above it is preamble: "Between
  // the parties …", "About the customer" and its paragraph)
  // (or list items under a group heading: "Phase 1 — Stock" over "P-101 …")
  const firstGroup = blocks.find((b) => b.group)?.start ?? Infinity;
  const titled = work.filter((b) => (b.section.kind !== "none" || b.start > firstGroup) && isListItem(b));
  // (the document's title above it starts no structure: "Statement of Work 12 (signed …)", then the preamble)
  const structure = blocks.find((b) => (b.heading || b.group || isListItem(b)) && b.section.kind !== "title");
  // (as is the prose above two or more groups of work: "Feature: Timed entry" over its scenarios)
  const preamble =
    (titled.length >= 2 || blocks.filter((b) => b.group).length >= 2) && structure ? structure.start : -1;
  const pool = inList.length ? listed : judgedRows >= 2 ? work.filter((b) => isListItem(b)) : work;
  const units = declaredOnly(
    scope,
    blocks,
    // (as is the prose of a section titled a summary, ahead of the list it sums up)
    pool.filter(
      (b) =>
        isListItem(b) ||
        !(
          (b.start < preamble && b.section.kind === "none") ||
          (titled.length >= 2 && b.start < titled[0].start && /\bsummary\b/.test(b.section.title))
        ),
    ),
  );
  const found = coverageOf(blocks, scope);
  // an "Acceptance: the diary and the texts accepted when …" line that names some deliverables covers those only
  const heads = (t: string) => [
    t,
    ...[t, ...t.replace(/^\(?\w{1,2}\)\s+/, "").split(/:\s+/, 2)].map((x) => (NAME_HEAD.exec(x)?.[1] ?? x).trim()),
  ];
  const namedSome = (t: string) => heads(t).some((h) => coveredByName(h, found.named));
  const listsSome = (set: Set<string>) => {
    const unitTexts = units.flatMap((b) =>
      isListItem(b) ? [b.head.text] : sentences(scope, b.start, b.end).map((u) => u.text),
    );
    const n = unitTexts.filter((t) => heads(t).some((h) => coveredByName(h, [set]))).length;
    return n >= 2 && n < unitTexts.length;
  };
  const cov = found.general && found.openings?.some(listsSome) ? { ...found, general: false } : found;
  // "D-1 and D-2 pass on the COR's sign-off" over a schedule row "D-1 | Kickoff minutes (1.1) | …": the
  // acceptance passes to the items the row names, by id or by name
  const passed = new Set<string>();
  const passedNames: Set<string>[] = [];
  for (const b of blocks)
    if (b.section.kind === "schedule" && b.rawId && b.ids.some((k) => cov.refs.has(k) && !/^\d+$/.test(k))) {
      const about = b.cells
        ? b.cells
            .filter((c) => c.text.trim() !== b.rawId?.trim() && !DUE_HEADER.test(c.header))
            .map((c) => c.text)
            .join(" ")
        : b.text.slice(b.head.start - b.start).replace(/\s[—–-]\s[^—–]*$/, "");
      const ids = [...referencedIds(about)].filter((k) => !b.ids.includes(k));
      for (const k of ids) passed.add(k);
      if (!ids.length) passedNames.push(termSet(about.replace(/\([^)]*\)/g, " ")));
    }
  // a deliverable made by tasks it names by number is covered when those tasks carry a condition
  const byId = new Map<string, Block>();
  for (const b of blocks) for (const k of b.ids) if (!byId.has(k)) byId.set(k, b);
  const viaTasks = (b: Block) =>
    [...referencedIds(b.text.replace(DEPENDENCY, " "))].some((k, _, all) => {
      // ("(B-5)" names task B-5, not whatever else is numbered 5)
      if (/^\d+$/.test(k) && all.some((x) => x !== k && x.endsWith(k) && /^[A-Z]/.test(x))) return false;
      const t = byId.get(k);
      return t !== undefined && t !== b && (hasCondition(t.text) || boundedWork(t.text));
    });
  // the group (epic, phase) each item stands under, by the group heading's ids
  const groupOf = new Map<Block, string[]>();
  let current: string[] = [];
  for (const b of cov.groups.size ? blocks : []) {
    // ("Epic K-1: Bookings" names its group whether or not the model read "K-1" as the line's id)
    const named = /^(?:epic|phase|stage|workstream|wave)\s+([A-Z]{0,4}[-‐]?\d+(?:\.\d+)*)\b/i.exec(b.text.trim());
    if (b.group || (b.heading && b.ids.length)) current = b.ids.length ? b.ids : named ? normalizeId(named[1]) : [];
    else if (b.heading) current = [];
    groupOf.set(b, current);
  }
  // the numbered clause each lettered item stands in ("D2" and "(b)" under "2.4 Deliverables"): an acceptance
  // procedure that "applies to each Deliverable in clause 2.4" names them all
  const clauseOf = new Map<Block, string>();
  let clause = "";
  for (const b of blocks) {
    const id = b.ids[0] ?? "";
    if (CLAUSE_ID.test(id)) clause = id;
    else if (b.heading && !id) clause = "";
    else if (clause) clauseOf.set(b, clause);
  }
  // "Build the 4 returns in §2" in a row with its own condition: the items listed under heading 2 are what it builds
  const builtLists = new Set<string>();
  for (const b of work) {
    const named = [...b.text.matchAll(SECTION_REF)];
    if (named.length && hasCondition(b.text)) for (const m of named) builtLists.add(m[1] ?? m[2]);
  }
  const listOf = new Map<Block, string>();
  let list = "";
  for (const b of builtLists.size ? blocks : []) {
    if (b.heading) list = b.ids.find((k) => builtLists.has(k)) ?? "";
    else if (list) listOf.set(b, list);
  }
  // each requirement's priority: its own tag ("R5 [P2] …") or the label line it stands under ("P1 · SHOULD")
  const priorityOf = new Map<Block, string>();
  let rank = "";
  for (const b of cov.priorities.size ? blocks : []) {
    const tags = [...b.text.matchAll(PRIORITY_TAG)].map((m) => m[1]);
    const labelOnly =
      /^[\s\-•*]*\[?(?:P[0-3]|MUST|SHOULD|COULD|MAY)\]?(?:\s*[·|:—–-]\s*(?:P[0-3]|MUST|SHOULD|COULD|MAY))?\W*$/;
    if (b.heading && !tags.length) rank = "";
    if (labelOnly.test(b.text)) rank = tags.find((x) => cov.priorities.has(x)) ?? tags[0];
    else priorityOf.set(b, tags.find((x) => cov.priorities.has(x)) ?? tags[0] ?? rank);
  }
  // where a tracker's issues carry acceptance subsections, an issue's criteria are there or nowhere (its description
  // says what the software does: "the manager approves each template first")
  const ticketsJudged = blocks.some((b) => b.ticket?.own);
  const ownTerms = (b: Block) => (b.ticket ? (b.ticket.own?.text ?? (ticketsJudged ? "" : b.text)) : b.text);
  // an acceptance table keyed by refs of its own ("| A1 | 200 test bookings pass |") that the work's
  // rows point at ("| D1 | Platform configuration | … | A1 |"): the row is covered when its ref holds a criterion
  const criterionOf = new Map<string, boolean>();
  for (const b of blocks) {
    if (b.section.kind !== "acceptance" || !b.rawId || !b.cells) continue;
    const said = b.cells
      .filter((c) => c.text.trim() !== b.rawId!.trim())
      .map((c) => c.text)
      .join(" ; ");
    for (const k of b.ids) criterionOf.set(k, statesCriterion(said) || (criterionOf.get(k) ?? false));
  }
  const referredTo = (b: Block) =>
    criterionOf.size > 0 &&
    Boolean(
      b.cells?.some((c) => {
        const refs = c.text.trim().split(/\s*[,;&/]\s*|\s+and\s+/);
        return (
          ACCEPTANCE_HEADER.test(c.header) &&
          refs.every((r) => ACCEPTANCE_REF.test(r)) &&
          refs.every((r) => normalizeId(r).some((k) => criterionOf.get(k)))
        );
      }),
    );
  const out: Deliverable[] = [];
  for (const b of units) {
    if (GOVERNANCE_LABEL.test(b.label)) continue;
    // a story map's backbone ("Activity: Learn", "Task 1.a — People feed") groups the stories under it
    if (STORY_MAP_LABEL.test(b.text.trim()) && b.text.trim().split(/\s+/).length <= 9 && !/[.;]$/.test(b.text.trim()))
      continue;
    // a change order's removed rows take work out of scope
    if (
      b.cells?.some((c) => REMOVED.test(c.text)) ||
      REMOVED.test(b.text.replace(/^[\s|*>-]+/, "").split(/[\s:|—–-]/)[0]) ||
      // "Stages 0, 1 and 7: excluded."
      REMOVED.test(/[:—–]\s*([^:—–]+?)\.?\s*$/.exec(b.text)?.[1] ?? "") ||
      // a requirement the vendor's response takes exception to ("R-7 … — Exception: not available") is not offered
      /(?:^|[—–.(]\s*|\s)\(?(?:EXCEPTION|Exception)\)?\s*[:.)—–]/.test(b.text)
    )
      continue;
    const rowCondition = b.cells?.some((c) => {
      if (c === (b.head as never) || c.text === b.head.text) return false;
      if (!/accept|criteri|sign-?off|done|complet|standard|measure|test/.test(c.header)) return false;
      // a "Sign-off by" cell names who signs; only what follows the name is a condition ("CFO — totals reconcile")
      const said = /\bby\b|approver|signatory|\bwho\b/.test(c.header)
        ? c.text
            .split(/\s[—–-]\s|:\s/)
            .slice(1)
            .join(" ")
            .trim()
        : c.text.trim();
      // (a cell that is only a bare sign-off, "to the Library's satisfaction", is none)
      return statesCriterion(said);
    });
    // "Deliverables: 7.1 Intake form; 7.4 Owner portal." names each deliverable by its id
    const parts = declaredParts(scope, b.start, b.end);
    if (parts.length) {
      for (const p of parts) {
        const ids = normalizeId(p.id);
        const held = ids.some((k) => cov.placeholders.has(k) && !cov.refs.has(k));
        const name = (NAME_HEAD.exec(p.text.slice(p.id.length).trim())?.[1] ?? p.text).trim();
        const accepted =
          !held &&
          (cov.general || ids.some((k) => cov.refs.has(k)) || hasCondition(p.text) || coveredByName(name, cov.named));
        out.push({ ...p, marker: p.id, item: p, accepted, source: "signed_scope" });
      }
      continue;
    }
    // an item whose own acceptance line is a placeholder has none, whatever its tasks or counts say
    // (a row whose own acceptance cell is only a bare sign-off, "| … | to the Library's satisfaction |", is not
    // covered by another row's criteria that share its words)
    const bareCell = Boolean(
      b.cells?.some(
        (c) =>
          ACCEPTANCE_HEADER.test(c.header) && c.text !== b.head.text && c.text.trim() !== "" && bareSignOff(c.text),
      ),
    );
    const placeheld = idsOf(b).some((k) => cov.placeholders.has(k) && !cov.refs.has(k));
    const itemCovered =
      !placeheld &&
      (cov.general ||
        idsOf(b).some((k) => cov.refs.has(k) || passed.has(k)) ||
        coveredByName(nameOf(b), passedNames) ||
        cov.clauses.has(clauseOf.get(b) ?? "") ||
        // (as is a clause numbered under it: "3.1.2" when the procedure names "clause 3.1")
        idsOf(b).some((k) => [...cov.clauses].some((c) => k.startsWith(`${c}.`))) ||
        // (a lettered part of a clause the acceptance names is named with it: "(b)" under "2.1.2 … comprising:")
        // (unless it names the parts one by one: "Clause 3.1(b), (c) and (d)")
        (/^\(?(?:[a-z]|[ivx]{1,4})[.)]/i.test(b.rawId ?? "") &&
          cov.refs.has(clauseOf.get(b) ?? "") &&
          ![...cov.refs].some((k) => /^(?:[A-Z]|[IVX]{1,4})$/i.test(k))) ||
        cov.priorities.has(priorityOf.get(b) ?? "") ||
        [...idsOf(b), ...(groupOf.get(b) ?? [])].some((k) =>
          [...cov.groups].some((g) => k === g || k.startsWith(`${g}.`)),
        ) ||
        cov.local.has(b.start) ||
        listOf.has(b) ||
        hasCondition(
          b.cells
            ? b.cells
                .filter((c) => c.text !== b.head.text && !PLACEHOLDER_CRITERION.test(c.text.trim()))
                .map((c) => c.text)
                .join(" ; ") +
                " " +
                b.head.text
            : ownTerms(b),
        ) ||
        Boolean(rowCondition) ||
        referredTo(b) ||
        checklisted(ownTerms(b)) ||
        boundedWork(b.text) ||
        (!bareCell && coveredByName(nameOf(b), cov.named)) ||
        viaTasks(b));
    if (isListItem(b)) {
      // (an item led by a one-word title, "2.6 Runbook. Write an operations runbook …", is work by its text)
      const titledWork =
        /^\S+\.$/.test(b.head.text.trim()) &&
        sectionKind(b.head.text.replace(/\.$/, "")) === "other" &&
        b.text.length > b.head.text.length + 20 &&
        isWork(b.text.slice(b.head.end - b.start));
      // a scope matrix's row ticked in its "In scope" column is work by its tick; one ticked "Out of scope" is not
      const ticked = (re: RegExp) => b.cells?.some((c) => re.test(c.header) && TICK.test(c.text.trim())) ?? false;
      if (ticked(/\bout[- ]of[- ]scope\b|\bexcluded\b|\bnot included\b/)) continue;
      const inScope = ticked(/^in[- ]scope$|^included$|^in$/);
      if (
        !inScope &&
        !isWork(b.ticket ? b.head.text.split("\n")[0] : b.head.text) &&
        !(b.cells && b.rawId && isWork(b.head.text, true)) &&
        !titledWork
      )
        continue;
      out.push({
        ...b.head,
        marker: b.rawId,
        item: { start: b.start, end: b.end, text: b.text },
        accepted: itemCovered,
        source: "signed_scope",
        work: OUTPUT_HEADER.test(b.cells?.find((c) => c.start === b.head.start)?.header ?? "")
          ? b.cells?.find((c) => ACTIVITY_HEADER.test(c.header) && c.start < b.head.start)
          : undefined,
        detail: detailOf(b),
      });
      continue;
    }
    // unnumbered prose: each sentence that describes work, and each clause where one sentence lists several
    const ss = sentences(scope, b.start, b.end);
    ss.forEach((u, k) => {
      if (!isWork(u.text)) return;
      if (/^(?:accept|complete|sign|approv)/i.test(u.text)) return;
      // a summary ahead of the list it introduces ("Scope: implement X. Deliverables: (a) …")
      if (ss.length > 1 && SUMMARY_LEAD.test(u.text)) return;
      // a short title sentence opening the scope ("Quote QuickStart.")
      if (k === 0 && blocks.indexOf(b) === 0 && ss.length > 1 && u.text.split(/\s+/).length <= 3) return;
      // a name in title case near the top ("Harbour County Department of Parks, Bookings Division") titles the document
      if (blocks.indexOf(b) <= 2 && titleCased(u.text)) return;
      const parts: Span[] = [];
      for (const p of clauses(scope, u.start, u.end, { commas: true })) {
        const prev = parts[parts.length - 1];
        if (prev && /^(?:accept|complete|done|sign|approv)/i.test(p.text))
          parts[parts.length - 1] = trimSpan(scope, prev.start, p.end);
        else parts.push(p);
      }
      const withCond = parts.filter((p) => hasCondition(p.text)).length;
      // (an acceptance closing a list, "blueprint, prototype, sized backlog; the owner signs them off in writing",
      // accepts all of it)
      const firstCond = parts.findIndex((p) => hasCondition(p.text));
      const closing = firstCond > 0 && parts.slice(firstCond).every((p) => hasCondition(p.text));
      if (parts.length > 2 && withCond >= 2 && withCond < parts.length && !closing) {
        for (const p of parts)
          if (p.text.split(/\s+/).length >= 2)
            out.push({
              ...p,
              marker: null,
              item: u,
              accepted: cov.general || hasCondition(p.text),
              source: "signed_scope",
            });
        return;
      }
      const next = ss[k + 1]?.text ?? "";
      // an item numbered inside running text ("Scope: 1) … 2) …") is named by its number
      // (or by an id that leads it: "D2 Parts stores at both parks.")
      const inline =
        /^\(?(\d{1,2}|[a-z])\)\s/i.exec(u.text) ?? /^(?:[A-Za-z ]{2,20}:\s*)?([A-Z]{1,3}\d{1,2})\s/.exec(u.text);
      const ids = inline ? normalizeId(inline[1]) : [];
      const accepted =
        cov.general ||
        hasCondition(u.text) ||
        boundedWork(u.text) ||
        ids.some((id) => cov.refs.has(id)) ||
        // (a next line that names other items does not accept this one)
        ((/^(?:accept|complete|sign|approv)/i.test(next) || PHASE_DONE.test(next)) &&
          (!ids.length || !referencedIds(next).size)) ||
        // (a sentence is named by its head, or after a run-in label, "Insight: 4 dashboards (…)", the head after it)
        namedSome(u.text);
      out.push({ ...u, marker: null, item: u, accepted, source: "signed_scope" });
    });
  }
  // the engagement stated whole before the work that makes it up ("The vendor will implement Kennelwise for the
  // Group", then its tasks) is a summary, not a deliverable of its own
  if (out.length >= 3 && UMBRELLA.test(out[0].text)) return out.slice(1);
  return out;
}
/** "Deliverable D4: Feed in production." — a line that names what its task delivers. */
const DECLARED = /^deliverables?\b[^:\n]{0,16}:/i;

/**
 * Where a task names what it delivers ("TASK 4 … 4.1 Publish the feed … Deliverable D4: Feed in production."),
 * that line is the unit of acceptance and the task's steps are how it is made.
 */
function declaredOnly(scope: string, blocks: Block[], units: Block[]): Block[] {
  // (each group, a task, is numbered; the lines under a plain heading are in no task)
  const taskOf = new Map<Block, number>();
  let [n, task] = [0, 0];
  for (const b of blocks) {
    if (b.heading || b.group) task = b.group ? ++n : -++n;
    taskOf.set(b, task);
  }
  // (a task's line that names its deliverable by id: "Deliverable D4: …", "Deliverables: 6.2 …; 6.3 …")
  const named = (b: Block) =>
    /^deliverables?\s+[A-Z]{0,3}-?\d[\w.-]*\s*:/i.test(b.text.trim()) ||
    declaredParts(scope, b.start, b.end).length > 0;
  const declaring = new Set(units.filter((b) => (taskOf.get(b) ?? 0) > 0 && named(b)).map((b) => taskOf.get(b)));
  return units.filter((b) => !declaring.has(taskOf.get(b)) || DECLARED.test(b.text.trim()));
}
/** The id-led parts of a declared line ("Deliverables: 6.2 X; 6.3 Y"), or none where a part has no id of its own. */
function declaredParts(scope: string, start: number, end: number): (Span & { id: string })[] {
  const line = scope.slice(start, end);
  const lead = DECLARED.exec(line.trim());
  if (!lead) return [];
  const from = start + line.indexOf(lead[0]) + lead[0].length;
  const out: (Span & { id: string })[] = [];
  let at = from;
  for (const piece of scope.slice(from, end).split(";")) {
    const span = trimSpan(scope, at, at + piece.length);
    at += piece.length + 1;
    const text = span.text.replace(/\.$/, "");
    const id = /^[A-Z]{0,3}-?\d+(?:\.\d+)*[a-z]?(?=\s+\S)/.exec(text);
    // (a part that runs on into more sentences is prose, read as such)
    if (!id || /[.!?]\s/.test(text)) return [];
    out.push({ start: span.start, end: span.start + text.length, text, id: id[0] });
  }
  return out;
}
const TICK = /^(?:✓|✔|☑|✅|y|yes|x|included|in)$/i;
const UMBRELLA = new RegExp(
  String.raw`\b(?:will|shall)\s+(?:\w+\s+)?(?:provide|implement|deliver|replace|deploy|supply)\b` +
    String.raw`[^.;]*?(?:\bfor (?:the |its |their )?[A-Z]|\bto the [A-Z]|\bwith [A-Z]|` +
    String.raw`\bas an? (?:[\w-]+ )?(?:hosted|cloud|saas|managed|subscription)\b)`,
);

/** A line of capitalised words with no verb: a name or a title, not work. */
function titleCased(text: string): boolean {
  const words = text
    .replace(/[—–,:;()"“”.-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const content = words.filter((w) => !/^(?:of|and|the|for|&|to|in|on|at|a|an)$/i.test(w));
  return content.length >= 3 && content.every((w) => /^[\p{Lu}\d]/u.test(w)) && !/\b(?:shall|will|must)\b/i.test(text);
}

/**
 * Custom work bought on the order form (a template, a dashboard, a build) that the SOW neither describes nor
 * accepts: licences, subscriptions and lines that point to the SOW are not deliverables of their own.
 */
export const orderFormDeliverables = memo(32, (key: string) => {
  const [form, scope] = key.split("\u0000");
  const out: Deliverable[] = [];
  const scopeTerms = termSet(scope);
  for (const b of documentOf(form).blocks) {
    if (b.heading || b.group) continue;
    const d = b.head;
    const t = d.text;
    if (!CUSTOM_WORK.test(t) || LICENCE_LINE.test(t) || DOCUMENT_TITLE.test(t) || !isWork(t)) continue;
    // (a total sums the lines above it: "Total fixed: 535.500,00 + configuration hours as used")
    if (/^(?:sub-?|grand )?totals?\b/i.test(t.trim())) continue;
    if (/\b(?:sow|pws|statement of work|scope of work|section|§)\b/i.test(b.text)) continue;
    // the fee for work the SOW sets out ("Setup fee", "build (P7–P8) — fixed fee", "Configuration (lump sum)",
    // "services, Attachment 1 B.1–B.5") prices that work: it is no new deliverable
    if (/\bfees?\b|\blump sum\b|\battachment\b/i.test(b.text)) continue;
    if (hasCondition(b.text) || boundedWork(b.text)) continue;
    const terms = [...termSet(t)].filter((x) => x.length > 2 && !/^\d/.test(x));
    if (!terms.length || terms.filter((x) => scopeTerms.has(x)).length / terms.length >= 0.5) continue;
    out.push({
      ...d,
      marker: b.rawId,
      item: { start: b.start, end: b.end, text: b.text },
      accepted: false,
      source: "order_form",
    });
  }
  return out;
});

/** The seller's duties ("Part B — Contractor obligations"): work, though its items are not each a deliverable. */
const SELLER_DUTIES =
  /\b(?:contractor|vendor|supplier|provider|consultant|seller)(?:['’]s)? (?:obligations|responsibilities|duties)\b/;

/** Sentences of the scope that describe work (not fees, schedule, background or contract machinery). */
export function workSentences(scope: string): Span[] {
  const out: Span[] = [];
  for (const b of documentOf(scope).blocks) {
    const work = WORK_SECTIONS.includes(b.section.kind) || SELLER_DUTIES.test(b.section.title);
    if (b.heading || b.group || !work || GOVERNANCE_LABEL.test(b.label)) continue;
    if (b.cells) {
      out.push(b.head);
      continue;
    }
    // a tracker's item: its title and description, not its fields, label chips or acceptance criteria
    if (b.ticket) {
      const own = b.ticket.own;
      let at = b.start;
      for (const line of b.text.split("\n")) {
        const [from, to] = [at, at + line.length];
        at = to + 1;
        const t = line.trim();
        if (!t || t.startsWith("#") || TICKET_FIELD.test(t) || (own && from >= own.start - 1 && to <= own.end + 1))
          continue;
        for (const s of sentences(scope, from, to)) if (!notWork(s.text)) out.push(s);
      }
      continue;
    }
    for (const s of sentences(scope, b.start, b.end)) if (!notWork(s.text)) out.push(s);
  }
  return out;
}
