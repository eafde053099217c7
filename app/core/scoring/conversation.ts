// The structure of notes, e-mails and call transcripts, and the vocabulary of declining, deferring and not
// promising — shared by every detector that reads the sales side.
import { MONTH_RE } from "./numbers";
import { trimSpan, type Span } from "./structure";

/** The text itself declines or defers it: excluded, sold separately, a later phase. */
export const DECLINED = new RegExp(
  [
    String.raw`\bseparate (?:order|sow|contract|quote|conversation|business case|project|engagement|purchase|` +
      String.raw`phase|buy|piece)\b`,
    // "told her no", "told them web portal only", "we're software only"
    String.raw`\btold (?:him|her|them|\w+) (?:\w+ly )?no\b(?![- ](?:problem|worries|issue|bother|doubt))|` +
      String.raw`\btold (?:him|her|them) (?:[\w-]+ ){1,4}only\b|` +
      String.raw`\b(?:we(?:'re|’re| are)) (?:software|product|platform)[- ]only\b`,
    String.raw`\bchange (?:order|request)\b(?!.{0,300}\bwithout\b)`,
    // "we'd talk another time", "we can talk about it later"
    String.raw`\bwe(?:'d|’d| would| can| could| will|'ll|’ll) (?:talk|discuss|look at)` +
      String.raw`(?: (?:about )?(?:it|that|this))? (?:another time|later|separately|at renewal)\b`,
    String.raw`\bout of scope\b|(?:\bis|\bare|\bwas|\bwere|'s|’s) out\b(?! of (?:the )?box)`,
    String.raw`\bnot (?:in scope|included|promised|part of|` +
      String.raw`in (?:this|the) (?:call-off|order|sow|scope|contract|quote|deal|package|phase|award|task order|` +
      String.raw`project|engagement))\b`,
    // "officers will report back": asked, and answered later
    String.raw`\b(?:will|to|would) (?:report|come) back\b`,
    // "I said we're not building an app"
    String.raw`\bwe(?:(?:'re|’re| are) not| aren't| aren’t) (?:building|doing|offering|providing|including|selling|` +
      String.raw`touching|changing|replacing|migrating|moving)\b`,
    // what the deal leaves as it is, or for later: "stays out of this round", "come later", "stay where they are"
    String.raw`\bstays? out of\b|\b(?:comes?|coming) later\b|\bstays? where (?:it|they) (?:is|are)\b`,
    // the work split the other way: "we only configure them", "voice stays with their radio vendor", "customer keeps
    // this in its own tool"
    String.raw`\bwe only\b|\bstays? with (?:their|its|the (?:customer|client|county|city|agency)['’]?s?)\b|` +
      String.raw`\b(?:customer|client) keeps\b`,
    String.raw`\b(?:isn'?t|aren'?t|is not|are not) (?:in|part of|included|something)\b`,
    String.raw`\bquote(?:d)? (?:it |that |them )?(?:separately|later|after)\b|\bcan quote\b|\bwill quote\b`,
    String.raw`\b(?:needs?|would need|requires?) (?:its own|a separate|a new|another)\b`,
    String.raw`\b(?:would|will) (?:be|need|require) (?:a )?new (?:order|sow|contract|quote|purchase)\b`,
    // ("I said not us, they're staying on their current system")
    String.raw`\bpointed (?:them|him|her) (?:to|at)\b|\bsaid no\b(?![- ](?:problem|worries|issue|bother|doubt))|` +
      String.raw`\b(?:i|we) (?:said|told (?:him|her|them)) not (?:us|ours|from us)\b|` +
      String.raw`\bdeclined\b|\bwon'?t\b|` +
      String.raw`\bwe don'?t (?:do|offer|support|give|sell)\b`,
    // a refusal or a scope line said to the customer: "not something we do", "it sits outside this deal"
    String.raw`\bnot something we (?:do|offer|support|sell|provide)\b|\b(?:they|she|he) dropped it\b`,
    String.raw`(?:\b(?:sits?|falls?|is|are)|'s|’s) outside (?:this|the|our) ` +
      String.raw`(?:deal|scope|contract|sow|order|engagement)\b`,
    // a thing not sold with this deal: "not sold", "a separate product", "sold as its own product"
    String.raw`\bnot sold\b|\ba separate (?:product|module|add-on|licen[cs]e|sku)\b|` +
      String.raw`\b(?:sold|priced|licen[cs]ed) as (?:its|their) own\b`,
    String.raw`\bpriced separately\b|\b(?:a )?later project\b|\b(?:is|are) (?:delivery'?s|delivery’s) call\b`,
    // left to delivery: "delivery will propose dates", "whether they are live by then depends on delivery's plan"
    String.raw`\bdelivery (?:will|to|would|must|should) (?:confirm|propose|set|decide|advise|come back)\b|` +
      String.raw`\bdepends? on (?:the )?delivery\b|\bup to delivery\b|` +
      // (or whoever runs delivery: "told her you'd set the calendar at Sprint 0", "Bart will set the dates")
      String.raw`\b\w+(?:['’]d|['’]ll| would| will) (?:set|confirm|propose|decide) (?:the )?` +
      String.raw`(?:calendar|dates?|schedule|timeline|turnaround|timing|timescales?)\b`,
    // "excluded in Article 6", "a different product", "priced on its own order"
    String.raw`\bexcluded\b|\ba different (?:product|procurement|tender|bid|solicitation)\b`,
    String.raw`\b(?:priced|quoted?|sold) (?:it |them )?on (?:its|their) own\b`,
    // "would follow in a second phase under its own order"
    String.raw`\b(?:under|on|with|via) (?:its|their) own (?:order|contract|sow|po|purchase order|order schedule)\b`,
    String.raw`\b(?:aren'?t|are not|not|won'?t be) bidding\b`,
    // a requirements matrix's answer: "Not offered in this phase", "Non-compliant", "Does not comply"
    String.raw`\bnot (?:offered|compliant)\b|\bnon-?compliant\b|\b(?:does not|doesn'?t|cannot|can'?t) comply\b`,
    String.raw`\bfuture phase\b|\bphase (?:2|two|ii)\b|\blater phase\b`,
    String.raw`\b(?:gets|will be|to be) (?:decided|agreed|scoped|confirmed)\b`,
    String.raw`\bstandard (?:msa |contract )?terms apply\b`,
    // agreeing only to look at it later is not agreeing to do it
    String.raw`\bwe(?:'d| would| will|'ll|’d|’ll) (?:take a )?` +
      String.raw`(?:look (?:at|into)|explore|consider|think about|revisit|evaluate)\b`,
    // "is not in" in its contracted form; a thing that is not our product, module or deliverable
    String.raw`(?:'s|’s) not (?:in|part of|included)\b|` +
      String.raw`\b(?:is|are|'s|’s) not (?:our|a) (?:product|deliverable|offering|module|service)\b`,
    // a deferral to a later period: "not this season", "a no-go this cycle", "stays manual for now"
    String.raw`\bnot (?:this|in this|for this) (?:season|cycle|year|phase|release|round|quarter|sprint|wave|time|` +
      String.raw`project|engagement)\b|` +
      String.raw`\bno[- ]go\b(?![- ]?live)|\b(?:stays?|remains?) (?:[\w-]+ ){1,3}for now\b`,
    // the answer is a contract change: "would be a CR", "other languages would be a modification"
    String.raw`\b(?:would|will) (?:be|need|require) (?:a |an )?(?:cr|modification|mod|variation|amendment)\b`,
    // "I said installable web app only", "told her English/Spanish only"
    String.raw`\b(?:I said|said|told (?:him|her|them|\w+)) (?:[\w/-]+ ){1,4}only\b`,
  ].join("|"),
  "i",
);

/** An explicit non-promise: nothing further was committed, no dates were given. */
export const NOT_A_PROMISE = new RegExp(
  [
    String.raw`\bno promises?\b|\bnothing (?:(?:was|has been) )?(?:else |more |extra |`,
    String.raw`further )?(?:promised|offered|committed)\b|\bnothing (?:else|more|beyond|extra|further)\b|`,
    String.raw`\bnot promised\b|\bnone (?:promised|committed|offered|given)\b|`,
    String.raw`\bnothing (?:is|was|has been|will be) (?:promised|committed|offered)\b|`,
    // "Nothing sold or promised."
    String.raw`\bnothing (?:sold|agreed|offered|committed)(?: or (?:promised|sold|agreed|offered|committed))?\b|`,
    String.raw`\b(?:haven'?t|have not|didn'?t|did not|never)\s+(?:\w+\s+)?(?:promised?|`,
    String.raw`offered|committed|commit|agreed)\b|\bno (?:other |extra |additional |further )?(?:promises|`,
    String.raw`commitments|side deals)\b|\bno (?:dates?|commitment) (?:is |are |was |`,
    String.raw`were )?(?:committed|promised|given|made)\b|\bno dates?\b|\bno commitment\b|`,
    // "On dates I committed to nothing", "nothing's promised there", "that's her M3, so nothing new", "I didn't give
    // her one"
    String.raw`\b(?:committed|promised|agreed) to nothing\b|\bnothing['’]s (?:promised|committed|offered|agreed)\b|`,
    String.raw`\bnothing new\b|\b(?:didn'?t|did not) give (?:her|him|them) (?:one|a date|any)\b|`,
    // "dates get agreed at kickoff, nothing firmer", "no firm date"
    String.raw`\bnothing firm(?:er)?\b|\bno firm\b|`,
    // the plan delivery confirmed is no new promise ("go-live stays as in the schedule I approved")
    String.raw`\b(?:plan|dates?|schedule|ones|what) (?:that )?I (?:confirmed|approved|signed off)\b|`,
    // (a pilot first, "as in the plan Delivery approved")
    String.raw`\bthe (?:plan|schedule|dates?|timeline) (?:that )?delivery (?:has )?(?:confirmed|approved|signed off)\b|`,
    // dates taken from delivery's plan: "dates come from delivery", "per Sandor's confirmed schedule"
    String.raw`\b(?:comes?|coming) from delivery\b|\b(?:per|exactly|as in|matching|match(?:es)?) [a-z]+(?:'s|’s) ` +
      String.raw`(?:confirmed |approved |delivery |project )?(?:plan|schedule|dates|timeline)\b|`,
    // "I haven't said anything beyond it"
    String.raw`\b(?:haven'?t|have not|didn'?t|did not)\s+(?:said|told them|offered)\s+anything\b|`,
    // "noted as a wish, not a commitment", "nothing in the order form covers that"
    String.raw`\bnot a (?:commitment|promise)\b|\b(?:cannot|can'?t|won'?t|don'?t|do not) guarantee\b|`,
    // "I wasn't promising any", "we're not promising a date"
    String.raw`\b(?:wasn'?t|was not|am not|i'?m not|we'?re not|we are not|aren'?t|weren'?t) (?:promising|committing)\b|`,
    // "Everything else is as quoted", "all else stays as signed"
    String.raw`^(?:everything|all) else (?:is|stays|remains) (?:as (?:quoted|agreed|signed|contracted|ordered|in the ` +
      String.raw`(?:order form|sow|contract|quote|proposal))|unchanged)\b|`,
    String.raw`\bnothing in (?:this|the|our|your) (?:order(?: form)?|contract|sow|scope|agreement) (?:covers|includes)\b`,
  ].join(""),
  "i",
);

const HEADER = /^(?:from|to|cc|bcc|sent|date|subject|re|fw|fwd|attachments?)\s*:/i;
const GREETING = new RegExp(
  [
    String.raw`^(?:hi|hello|dear|hey|good (?:morning|afternoon))\b[^.!]{0,40}[,!]?\s*$|^(?:thanks|`,
    String.raw`thank you|many thanks|cheers|best|regards|kind regards|warm regards|best regards|`,
    String.raw`all the best|sincerely|yours|looking forward|we'?re (?:excited|delighted|pleased)|`,
    String.raw`great (?:to|speaking)|speak soon|talk soon|sent from my|congratulations|congrats|well done|` +
      // ("It was lovely to meet you and the team.", "Just reply to this email to confirm.")
      String.raw`it was (?:lovely|great|nice|good|a pleasure) to (?:meet|see|speak|talk)|` +
      String.raw`(?:just )?(?:reply|respond) to (?:this|my) (?:e-?mail|message|note))\b|` +
      // a letter's own layout: "Answers inline below", "My replies are below"
      String.raw`^(?:(?:my|our) )?(?:answers?|replies|responses?|notes?)\b[^.]{0,20}\b(?:in ?line|below)\b|` +
      // an offer to explain or to talk, a sign-off of its own: "Happy to walk your team through any of it."
      String.raw`^(?:(?:i'?m |we'?re |we are |i am )?(?:happy|glad|keen) to (?:walk|talk|take|go|run)\b[^.]{0,60}` +
      String.raw`\bthrough\b|(?:please )?(?:let (?:me|us) know|feel free|shout)\b)|` +
      // a reply's opening acknowledgement, nothing more: "confirming what we walked through Thursday", "understood on
      // the budget timing"
      String.raw`^(?:confirming (?:what|the points?|our (?:call|conversation|meeting))\b[^.;!]{0,60}|` +
      String.raw`(?:understood|noted)(?:\s+(?:on|about|re)\b[^.;!]{0,40})?)[.!]?\s*$`,
  ].join(""),
  "i",
);
const ADDRESSED = new RegExp(
  String.raw`^(?:(?:[Dd]ear|[Hh]i|[Hh]ello)\s+)?(?:(?:M[rs]|Mrs|Dr)\.?\s+)?\p{Lu}[\p{L}.'-]*` +
    String.raw`(?:\s+\p{Lu}[\p{L}.'-]*)?\s*(?:,|\s[—–-])\s+`,
  "u",
);
/**
 * Where the signing stands, not what was sold: "our counsel cleared it: order form ready", "board approved the
 * contract", "we're good to sign", "I'll send the signed order form back".
 */
const PAPERWORK = new RegExp(
  String.raw`^(?:good news\s*[—–:-]\s*)?(?:our |the |my )?(?:\w+ )?(?:board|legal|administration|procurement|` +
    String.raw`signatory|management|committee)\b[^.;]{0,30}\b(?:approved|cleared|signed|has|is)\b[^.;]{0,30}` +
    String.raw`\b(?:contract|order(?: form)?|agreement|proposal|paperwork|quote|po)\b[^.;]{0,30}[.!]?["”]?$|` +
    String.raw`^(?:the |our )?(?:contract|order(?: form)?|agreement|paperwork|po)\b[^.;]{0,30}\b(?:is with|` +
    String.raw`has been (?:signed|approved|countersigned)|went to|goes to)\b[^.;]{0,40}[.!]?["”]?$|` +
    String.raw`^we(?:['’]re| are) (?:good|ready|clear) to sign\b[^.;]{0,40}[.!]?["”]?$|` +
    String.raw`^i['’]ll (?:send|return|get) (?:you )?the signed (?:contract|order(?: form)?|agreement)\b[^.;]{0,60}` +
    String.raw`[.!]?["”]?$|` +
    // the deal's own next steps: "next steps are a PO and a call", "sending this to our solicitor today", "send us the
    // signed contract and we'll countersign", "we'll take the proposal to our board", "any problems, ring me"
    String.raw`^(?:the )?next steps? (?:is|are)\b[^.;]{0,60}[.!]?["”]?$|` +
    String.raw`^any (?:questions|problems)\b[^.;]{0,40}[.!]?["”]?$|` +
    String.raw`^(?:i['’]m |we['’]re |i am |we are )?send(?:ing)? (?:it|this|them|the \w+) (?:over )?to ` +
    String.raw`(?:our|my|the) ` +
    String.raw`(?:lawyers?|legal|counsel|solicitors?|procurement|board|finance)\b[^.;]{0,30}[.!]?["”]?$|` +
    String.raw`^send (?:me|us) the (?:final |signed )?(?:paperwork|contract|order form|docs|documents)\b[^.;]{0,60}` +
    String.raw`[.!]?["”]?$|^we(?: will|['’]ll) (?:present|take) (?:it|this|the (?:project|proposal|deal)) ` +
    String.raw`to (?:the|our) ` +
    String.raw`board\b[^.;]{0,40}[.!]?["”]?$`,
  "i",
);
/** A signature's name and office: "Ana Ruiz MP, Minister for Animal Welfare", "D. Okafor, Chief Executive". */
const SIGNED_TITLE = new RegExp(
  String.raw`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:\s+(?:MP|MLA|MLC|QC|KC|PhD|OBE|MBE|AM|AO))?,\s+` +
    String.raw`(?:Minister|Director|Chief|Head|Secretary|Commissioner|Mayor|President|Chair(?:person)?|Manager|` +
    String.raw`General Manager|Deputy|Vice|Executive|Dean|Provost|Registrar|CEO|CFO|CIO|COO|CTO)\b[^.!?;:]{0,80}$`,
  "u",
);
/** A quote's credit: "— Dana Obi, head of operations (product owner), Kennelwise". */
// a quotation's source by name and channel: "— Dario, email 10 Mar", "– Priya K., call notes"
const CHANNEL_CREDIT =
  /^(?:[—–―~-]{1,2}\s*)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2},\s+(?:e-?mail|call|note|notes|message|letter|slack|text|voicemail|memo|dm)\b[^.!?]{0,30}$/u;
const QUOTE_CREDIT = new RegExp(
  String.raw`^(?:[—–―~-]{1,2}\s*)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3},\s+` +
    // (a role after the name, and no verb: "Dana Obi, please add SMS" asks for something)
    String.raw`(?=[^.!?;:]*\b(?:manager|director|lead|head|owner|officer|vp|chief|president|founder|coordinator|` +
    String.raw`supervisor|administrator|analyst|engineer|partner)\b)` +
    String.raw`(?![^.!?;:]*\b(?:will|would|wants?|needs?|asked|said|can|must|should|please)\b)[^.!?;:]{2,120}$`,
  "u",
);
/** A dated signature block: "May 2026 (signed for the vendor by A. Ruiz, Account Executive)". */
const SIGNED_BY = /^[^.()]{0,30}\((?:signed|sent|submitted|issued)\b[^)]{0,100}\)\.?$/i;
/** A board's procedure ("X moved, seconded by Y, to authorize …", "Motion carried"); its recitals may promise. */
const RECITAL = /\bmoved,? seconded by\b|\bmotion (?:carried|passed)\b/i;
const SMALL_WORDS = new Set([
  "of",
  "and",
  "the",
  "for",
  "at",
  "in",
  "to",
  "&",
  "→",
  "->",
  "-",
  "—",
  "–",
  "|",
  "/",
  "on",
  "behalf",
  "via",
]);

/** A line that is only a name, a job title or an address ("Dr. Jane Roe", "VP Sales (Acme)", "Jo → Sam Lee"). */
export function nameLine(text: string): boolean {
  const words = text
    .replace(/[()[\],]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length || words.length > 7) return false;
  return words.every(
    (w) =>
      SMALL_WORDS.has(w.toLowerCase()) ||
      /^[\p{Lu}\d][\p{L}\p{N}.'’&-]*$/u.test(w) ||
      /^<[^>]+>$/.test(w) ||
      /@/.test(w),
  );
}

// the line that says where a quoted text comes from: "Acme — letter to Dr Kaur, 28 January 2026 (extract)",
// "Minutes of the panel's clarification meeting, 22 October 2025", "Extract from the tender submission, Section 4"
const PROVENANCE = new RegExp(
  String.raw`\b(?:letter|response|presentation|minutes|submission|proposal|clarification|acknowledge?ment|slide|` +
    String.raw`memo(?:randum)?|e-?mail|extract|excerpt|tender|bid|answers?|(?:press|news|media) release|` +
    String.raw`newsletter|announcement|bulletin)\b`,
  "i",
);
const PROVENANCE_DATE = new RegExp(
  String.raw`\b\d{1,2}\s+${MONTH_RE}\s+\d{4}\b|\b${MONTH_RE}\s+\d{1,2},\s*\d{4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b`,
  "i",
);
const provenance = (t: string) =>
  t.length <= 220 &&
  PROVENANCE.test(t) &&
  // (the date closes the line, or leads into a dash: "…, 2 March 2026", "…, 9 May 2026 — pricing slide")
  [...t.matchAll(new RegExp(PROVENANCE_DATE.source, "gi"))].some(
    (m) =>
      (t.length - (m.index! + m[0].length) <= 45 && !/[:"“]/.test(t.slice(m.index! + m[0].length))) ||
      /^\s*[—–(-]/.test(t.slice(m.index! + m[0].length)) ||
      // (or leads into the e-mail's subject: "…, email 2026-06-10, subject "Final numbers":")
      /^\s*,?\s*(?:subject|re)\b/i.test(t.slice(m.index! + m[0].length)),
  ) &&
  !/\b(?:will|shall|can|would|we['’]ll|you['’]ll|going to|guarantee\w*)\b/i.test(t);

// a chat message's header: who wrote it and when ("Ana Ruiz (Kennelwise) · Mar 30, 1:12 PM",
// "Jo ↔ Sam · 2026-03-04")
const STAMP = new RegExp(
  String.raw`[\s·|—–,-]*(?:${MONTH_RE}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|` +
    String.raw`\d{1,2}\s+${MONTH_RE}\.?(?:\s+\d{4})?)?(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\s*$`,
  "i",
);
const chatHeader = (t: string) => {
  const stamp = STAMP.exec(t);
  if (!stamp || !/\d/.test(stamp[0])) return false;
  // (a bare stamp carries its time of day; a name is set off from it: not "Training on 12 May")
  if (stamp.index === 0) return /\d:\d\d/.test(stamp[0]);
  // (or by a comma, in a line that says who sent it to whom: "Email, Jo → Sam Lee, 2026-01-17 16:05", "Jo → Sam and
  // Al, 1/23/2026")
  const sent = /[↔→⇄]|<->|->|^(?:e-?mail|slack|teams|text|sms|whatsapp|message|dm)\b/i.test(t.slice(0, stamp.index));
  if (!/^[\s,]*[·|—–]/.test(stamp[0]) && !(sent && /^\s*,/.test(stamp[0]) && /\d:\d\d|\d\/\d/.test(stamp[0])))
    return false;
  // (the channel it came through may lead it: "Intercom — Ana Ruiz (Paws) ↔ Sam Lee (Kennelwise) · 4 May 2026")
  const names = t
    .slice(0, stamp.index)
    .replace(/[↔→⇄&·|—–,]|<->|->|\s-\s|\band\b/g, " ")
    .trim()
    .split(/\s+/);
  return (
    names.length <= 12 &&
    nameLine(names.slice(0, 6).join(" ")) &&
    (names.length <= 6 || nameLine(names.slice(6).join(" ")))
  );
};

const ROLE_LINE =
  /^(?:the )?(?:customer|client)(?:[- ]side|['’]s)?\s+(?:[\w-]+\s+){0,2}(?:admin(?:istrator)?|approver|contact|sponsor|champion|project manager|pm|po|product owner|lead|owner)s?\s*[:=—–-]\s*(?=\S)/i;

// a line that only says who or what, then when: "Call transcript, 11 June 2026", "Ana Ruiz and Ben Ode, 18 May 2026",
// "Relay website (answers drafted by us, March 2027)"
const DATED_BYLINE = new RegExp(
  String.raw`^[^.!?:;]{2,80}?(?:,\s*|\(\s*[^()]{0,60},\s*)(?:\d{1,2}\s+${MONTH_RE}\s+\d{4}|${MONTH_RE}\s+\d{1,2},\s*\d{4}|` +
    String.raw`${MONTH_RE}\s+\d{4}|\d{4}-\d{2}-\d{2})\s*\)?\s*(?:\([^()]{0,80}\))?\s*(?:[-—–]\s*[^.!?]{0,120})?[:.]?\s*$`,
  "i",
);
const datedByline = (t: string) =>
  DATED_BYLINE.test(t) &&
  !/\b(?:will|shall|live|ready|by|before|until|launch\w*|opens?|go|going|deliver\w*|due|start\w*|complete\w*|phase|wave|release|sprint|milestone|stage|cut-?over|pilot|training|uat|kick-?off)\b/i.test(
    t.replace(/\([^()]*\)/g, " ").replace(/\s[-—–]\s[^—–]*$/, " "),
  );

/** E-mail headers, greetings, sign-offs, signatures and bare section references carry no promise. */
export function noteNoise(text: string): boolean {
  const t = text.trim().replace(/^[>\s"“”‘’]+/, "");
  // (a line addressed to someone, "Dear Ana, …", "Ana — thanks for …", is read after the address)
  const said = t.replace(ADDRESSED, "");
  if (HEADER.test(t) || GREETING.test(said) || nameLine(t) || provenance(t) || PAPERWORK.test(said)) return true;
  if (RECITAL.test(t) || SIGNED_TITLE.test(t) || SIGNED_BY.test(t) || QUOTE_CREDIT.test(t) || CHANNEL_CREDIT.test(t))
    return true;
  if (chatHeader(t) || datedByline(t)) return true;
  // who plays a role on the customer's side ("Customer-side admin: Lupe Marin.", "Client approver: TBD (they name
  // one)"): a name or a gap, not a promise or a deliverable
  const role = ROLE_LINE.exec(t);
  if (role && t.slice(role[0].length).split(/\s+/).length <= 8) return true;
  if (/^(?:section|§|page|vol\.?|attachment|appendix|exhibit)\s*[\dA-Z]/i.test(t) && t.split(/\s+/).length <= 6)
    return true;
  return false;
}

/** A statement without the message header line above its first words ("Email, Jo → Sam, 2026-01-17 16:05"). */
export function afterHeader(text: string, u: Span): Span {
  const nl = u.text.indexOf("\n");
  return nl > 0 && noteNoise(u.text.slice(0, nl)) ? trimSpan(text, u.start + nl + 1, u.end) : u;
}

const SPEAKER_LABEL = new RegExp(
  [
    String.raw`^(?:@[\w.-]{2,30}|[A-Z][A-Z'.-]{1,20}|` +
      String.raw`[A-Z][a-z'-]{1,20}(?: [A-Z][a-z'-]{1,20}(?:-[A-Z][a-z']{1,20})?)?` +
      String.raw`(?: \([^)]{1,30}\))?|`,
    // a chat export's stamp ("[09:14]", "[18/11/2026, 09:21]", "18/11/2026, 09:21 -") before the name and role
    String.raw`(?:\[[^\]\n]{0,20}\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]|`,
    String.raw`\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\s*[-–])\s*`,
    // (a name in any alphabet: "Lucía Ferrándiz", "Øystein Berg")
    String.raw`\p{Lu}[\p{L}\p{M}\d_' .-]{0,30}?(?: \([^)]{1,30}\))?|`,
    String.raw`[A-Z][\w' .-]{0,30}?\s*\[[^\]\n]{0,20}\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\]|`,
    // a document comment's header ("Comment — Dev Rao, 10:14 AM Nov 20")
    String.raw`[A-Z][\w' .—–-]{0,40}?,\s*\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?)`,
    String.raw`\s*:\s+(?=\S)`,
  ].join(""),
  "u",
);

// a pasted chat's line with no colon: the name, its time stamp or a wide gap, then the message ("Dana Obi 10:05  …",
// "Dana Obi  …")
const CHAT_PASTE_SPEAKER = new RegExp(
  String.raw`^\p{Lu}[\p{L}'’.-]+(?:(?:[ -]\p{Lu}[\p{L}'’.-]+){0,3}\s+\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\s+|` +
    String.raw`(?:[ -]\p{Lu}[\p{L}'’.-]+){1,3} {2,})(?=\S)`,
  "u",
);

const FIELD_LABEL = new RegExp(
  [
    String.raw`^(?:owner|note|notes|scope|status|action|next steps?|risk|issue|ask|asks|update|summary|`,
    String.raw`context|re|fyi|ps|tl;dr|nb)\s*:`,
  ].join(""),
  "i",
);

// a call log's entry: the day it was written and the writer's initials ("03/11 KT — …", "2026-03-11 KT  …")
const LOG_ENTRY =
  /^\s*(?:\d\d?[/.]\d\d?(?:[/.](?:\d\d){1,2})?|\d\d\d\d-\d\d-\d\d)\s+[A-Z]{2,4}\b(?:\s*[—–:-]\s*|\s{2,})(?=\S)/;

/** The length of a speaker label that opens a transcript line ("JEROME: ", "GP: ", "Rep (Ana): "), or 0. */
export function speakerPrefix(text: string): number {
  const m = SPEAKER_LABEL.exec(text) ?? CHAT_PASTE_SPEAKER.exec(text) ?? LOG_ENTRY.exec(text);
  if (!m) return 0;
  // a field label ("Owner:", "Note:", "Scope:") is not a speaker
  if (FIELD_LABEL.test(m[0])) return 0;
  return m[0].length;
}
