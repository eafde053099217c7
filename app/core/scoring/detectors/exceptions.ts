import type { Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { clauses } from "../structure";
import { termSet } from "../lexicon";
import { GIVEN_AWAY_TERMS } from "../commercial";
import { MONTH_RE, NUMBER_WORD } from "../numbers";

/** "Discount" in the languages international packets mix in. */
const DISCOUNT_ABROAD = "rabatt|remise|descuento|sconto|korting|desconto|rabat";

/** Concession families: what kind of non-standard commercial term a phrase grants. */
const FAMILIES: { family: string; re: RegExp }[] = [
  {
    family: "free",
    re: new RegExp(
      [
        // ("it's on us", never a duty: "Task 1 puts it on us")
        String.raw`(?<!\b(?:puts?|putting|falls|lands|is squarely) (?:it |this |that )?)\bon us\b|`,
        String.raw`\bon the house\b|\bsweetener\b|\bgoodwill\b|\bwon'?t be (?:invoiced|billed|`,
        String.raw`charged)\b|\b(?:not|don'?t|won'?t) (?:be )?(?:invoic(?:e|ed|ing)|bill(?:ed|ing)?|charg(?:e|ed|`,
        String.raw`ing))\b|`,
        String.raw`\bsem (?:custo|encargo)\b|\bsin (?:costo|coste|cargo)\b|\bsenza (?:costi|costo|oneri)\b|`,
        String.raw`\bkostenfrei\b|\butan kostnad\b|\bbez op[łl]at\b|`,
        String.raw`\bsans frais\b|\bgratuit\w*\b|\bkostenlos\b|\bohne (?:aufpreis|kosten|berechnung)\b|`,
        String.raw`\bat no (?:extra |additional )?(?:cost|charge)\b|\bno (?:extra |additional )?(?:charge|`,
        String.raw`cost|fee)s?\b|\bfor free\b(?! or reduced)|`,
        // (never free meaning available, hands-free or a free-meals programme: "buses are free from June 8", "a free
        // slot", "free or reduced-price meals")
        String.raw`(?<!hands-)\bfree(?: of charge)?\b`,
        String.raw`(?!\s+(?:slots?|time|capacity|or reduced|from|between|until|up)\b)|`,
        String.raw`\bcomplimentary\b|\bgratis\b|`,
        String.raw`\bat our (?:own )?(?:cost|expense)\b|\bthrow(?:n)? in\b|\bcomp(?:'d|ed)\b|`,
        // the vendor named as the one who pays: "at its own expense", "at Kennelwise's cost"
        String.raw`\bat (?:its|their) own (?:cost|expense)\b|\bat [A-Z][\w&-]*['’]s (?:own )?(?:cost|expense)\b|`,
        String.raw`\bwithout (?:charging|billing|invoicing)\b|`,
        // the seller carries it: "on our dime", "without charge to them"
        String.raw`\bon (?:our|my|the company'?s) (?:own )?(?:dime|nickel|tab|budget)\b|\bour dime\b|\bfreebie\b|` +
          String.raw`\bno extra \$|`,
        String.raw`\bwithout (?:any )?(?:extra |additional )?(?:charge|cost|fee)s?\b|\bno (?:invoice|bill)\b|`,
        // a fee of a named kind not charged: "no extra licence fee", "at no extra services cost"
        String.raw`\b(?:at )?no (?:extra|additional|added) (?:[\w-]+ )?(?:charge|cost|fee)s?\b|`,
        // ("no card fees", "no travel or subsistence charges")
        String.raw`\bno [\w-]+ (?:or [\w-]+ )?(?:charges|fees)\b|`,
        // the seller pays for it: "kept off the invoices", "our travel covered", "pick up the trainers' travel"
        String.raw`\boff (?:the|their|our) (?:invoices?|bills?)\b|`,
        // free months by another name: "two months' grace on the subscription"
        String.raw`\b(?:months?|weeks?)['’]? grace\b|`,
        String.raw`\bgrace (?:months?|period) on (?:the )?(?:subscription|fees?|licen[cs]es?)\b|`,
        String.raw`\b(?:travel|expenses|postage|costs?)\s+(?:is |are |all )?(?:covered|paid|absorbed) by us\b|`,
        String.raw`\bour (?:travel|expenses|costs) covered\b|`,
        String.raw`\b(?:pick(?:ing)? up|cover(?:ing)?|absorb(?:ing)?) (?:the |our |their |all )?(?:[\w'’-]+ )?`,
        String.raw`(?:travel|expenses|postage|print-and-mail|printing and mailing|mailing costs)\b|`,
        // (French: "on a offert la formation", the training given away)
        String.raw`\boffert(?:e|s|es)?\b`,
      ].join(""),
      "i",
    ),
  },
  // (a liability waiver the customer's members sign is a form, not a concession)
  // (a liability waiver a guest signs is a document the product handles, not a fee waived: "the rental waiver at
  // checkout", "the waiver flow")
  {
    family: "waiver",
    re: /\bwaiv(?:e|ed|es|ing)\b|(?<!\b(?:sign|signs|signed|liability|their|a|any|each|every|rental|digital|online|guest|parent|minor)s? )\bwaiver\b(?!\s+(?:flow|forms?|pdfs?|signatures?|templates?|records?|module|screens?|step|page|lookup)\b)/i,
  },
  {
    family: "discount",
    // (and in the languages international packets mix in: Rabatt, remise, descuento, sconto, korting, desconto)
    re: new RegExp(
      // (never the discounts a system gives the buyer's own members: "Resident discounts applied at checkout",
      // "discount codes")
      String.raw`\bdiscount(?:ed|s)?\b(?!\s+(?:codes?|rules?|engine|logic|fields?|types?|(?:are |is )?(?:applied|calculated)\b))|` +
        String.raw`\d+\s?%\s?off\b|\bmarked down\b|\bhalf[- ]price\b|\bhalf off\b|` +
        String.raw`\b(?:${DISCOUNT_ABROAD})\b`,
      "i",
    ),
  },
  {
    family: "credit",
    re: new RegExp(
      [
        // (credit notes named beside invoices are a kind of document: "invoices and credit notes reach Sage")
        String.raw`(?<!\binvoices?\s*(?:and|&|or|,|\/)\s*)\bcredit(?!\s+notes?\s*(?:and|&|or|,|\/)\s*invoices?)(?:ed)?\b`,
        String.raw`.{0,300}\b(?:month|quarter|subscription|fee|invoice|bill)|\b(?:service|sla|`,
        String.raw`subscription) credits?\b|\bcredit (?:\d+|one|two|three|four|five|six) months?\b|`,
        String.raw`(?<!\binvoices?\s*(?:and|&|or|,|\/)\s*)\bcredit notes?\b(?!\s*(?:and|&|or|,|\/)\s*invoices?)|`,
        // "we'll credit that back", "a month's subscription credited", "2 months of licence are returned"
        String.raw`\bcredit(?:ed)? (?:it |that |this |them )?back\b|\b\d+(?:\.\d+)?\s?% credit\b|` +
          String.raw`\b(?:subscription|licen[cs]e|month)(?:'s|’s|s)? ` +
          String.raw`(?:subscription |licen[cs]e )?credited\b|\bmonths? of (?:licen[cs]e|subscription|fees?) ` +
          String.raw`(?:are |is |will be )?(?:returned|refunded|given back)\b`,
      ].join(""),
      "i",
    ),
  },
  {
    family: "absorb",
    re: new RegExp(
      [
        String.raw`\babsorb(?:ed|s|ing)?\b|\bswallow\w*\b|\bcover (?:the |their )?(?:flights?|hotels?|airfare|`,
        String.raw`mileage)\b|\beat (?:the )?\w+|\bcover (?:the |their )?(?:[\w'’-]+ ){0,3}(?:travel|`,
        String.raw`expenses?|costs?|fees?|t&e|(?:exam |certification )?vouchers|rentals?)\b|` +
          String.raw`\bwe(?:'d| would| will)? (?:pay|cover) for\b|`,
        // ("the rush shipping on the first batch, we'll cover it": a cost named in the same breath)
        String.raw`\b(?:shipping|freight|postage|courier|travel|expenses?|costs?|fees?|charges?)\b[^.;]{0,60}` +
          String.raw`\bwe(?:'ll|’ll| will|'d|’d| would) (?:cover|absorb|eat|pick up) (?:it|that|this|them)\b|`,
        // a cost the seller says it carries itself: "cover … ourselves"
        String.raw`\b(?:cover|pay for|fund)\b[^.;]{0,80}\bourselves\b|`,
        // someone else's bill taken on: "pick up the vendor's fees", "foot the bill"
        String.raw`\bpick(?:ed|ing|s)? up (?:the |their |its )?(?:[\w'’-]+ ){0,3}(?:fees?|costs?|bill|tab|`,
        String.raw`invoices?|expenses?|charges?)\b|\bfoot(?:ed|ing|s)? the bill\b|`,
        // "will bear the air tickets and per diem", "bear all travel costs"
        String.raw`\bbear(?:s|ing)? (?:the |all |their |any )?(?:[\w-]+ ){0,2}(?:costs?|expenses?|tickets?|airfares?|`,
        String.raw`per diems?|travel|fees?|charges?)\b`,
      ].join(""),
      "i",
    ),
  },
  {
    family: "price",
    re: new RegExp(
      [
        String.raw`\bprice (?:hold|lock(?:ed)?|freeze|frozen|protection|guarantee)\b|\bhold(?:s|ing)? (?:the |their |`,
        String.raw`our |today'?s |current |this )?(?:[\w'’-]+ ){0,5}(?:prices?|pricing|rates?|fees?)\b|`,
        // ("the 2027 per-entry fee of $1.85 is held for the 2028 season")
        String.raw`\b(?:prices?|pricing|rates?|fees?)\b(?:[^.;]|\.\d){0,30}\b(?:is|are|will be|stays?) (?:held|frozen|locked)\b|`,
        String.raw`\b(?:prices?|pricing|`,
        String.raw`rates?) (?:held|frozen|flat|unchanged)\b|\bkeep (?:the |their )?(?:[\w-]+ ){0,2}(?:price|`,
        String.raw`pricing|rates?) (?:flat|the same|unchanged|at)\b|\b(?:blended|special|reduced|`,
        String.raw`discounted) (?:hourly )?rate\b|\block(?:ed)? (?:in )?(?:the |their |current )?(?:price|`,
        String.raw`pricing|rates?)\b|\bsame (?:price|deal|rate|terms)\b|\brenewal (?:at|capped)\b|`,
        // a line held where it is: "hold support flat at $1,500/mo through both option years"
        String.raw`\bhold(?:s|ing)? (?:the |their |our )?(?:[\w'’&-]+ ){1,3}flat\b|`,
        // a term carried into the renewal, a share or uplift set to nothing
        String.raw`\b(?:holds?|applies|carries (?:over|forward)) (?:for|to|into) the renewal\b|`,
        `${GIVEN_AWAY_TERMS}|`,
        String.raw`\b(?:share|commission|uplift|increase|margin)\b[^.]{0,30}\b0\s?%|`,
        // an uplift skipped or capped: "skip the 5% uplift in year two", "cap the uplift at 2% at renewal"
        String.raw`\b(?:skip|waive|drop|forgo|cap)(?:s|ped|d)? (?:the |their |our |any )?(?:\d+(?:\.\d+)?\s?% )?` +
          String.raw`(?:annual |cpi |renewal |price |year[- ]\w+ )?(?:uplift|increase|escalat\w*)\b|`,
        // one tier's work at another's price: "Premier support for the price of Standard", "18 months at the
        // 12-month price"
        String.raw`\bfor the price of\b|\bat the (?:\d+[- ](?:month|year)|business[- ]hours|standard|old|previous|` +
          String.raw`existing|lower) (?:price|rate)\b|` +
          // an old rate honoured or guaranteed: "honor the 2025 per-user rate", "guaranteed 2026 rates for the renewal"
          String.raw`\bhonou?r(?:ed|ing|s)? (?:the |our |their |that )?(?:\d{4}|old|current|existing|same|original) ` +
          String.raw`(?:[\w-]+ ){0,3}(?:rates?|prices?|pricing)\b|\bguarantee(?:d|s)? (?:the |our )?` +
          String.raw`(?:\d{4}|current|today'?s|this year'?s) (?:rates?|prices?|pricing)\b|`,
        // "renewal locked at today's rates", "no uplift at renewal"
        String.raw`\block(?:ed)? (?:in )?at (?:today'?s|current|this year'?s|the same) `,
        String.raw`(?:price|pricing|rates?|fees?)\b|`,
        String.raw`\bno (?:price |cpi |rpi |annual |inflation )?(?:uplift|increase|escalation|indexation)s?\b|`,
        // "freeze the first-year subscription rate"
        // "would keep the $2.60 per-student rate for both renewal years"
        String.raw`\bkeep (?:the |their |our )?(?:[^.;]|\.(?=\d)){0,30}\b(?:rate|price|pricing)\b[^.;]{0,20}` +
          String.raw`\b(?:for|through|into)\b[^.;]{0,20}\brenewals?\b|`,
        String.raw`\bfr(?:eez(?:e|es|ing)|oze|ozen) (?:the |their |our |today'?s )?(?:[\w-]+ ){0,4}(?:price|pricing|`,
        String.raw`rates?|fees?)\b|`,
        // an exchange rate fixed for them: "bill the Kenya share in KES at a fixed 165 KES/GBP"
        String.raw`\bfixed (?:exchange |fx |conversion )?rate\b|\bat a fixed \d[\d.,]*\s*[A-Z]{3}\s*\/\s*[A-Z]{3}\b`,
      ].join(""),
      "i",
    ),
  },
  {
    family: "payment",
    re: new RegExp(
      [
        String.raw`\bnet[ -]?(?:45|60|75|90|120)\b|\bdeferred (?:payment|billing)\b|`,
        // billing put off: "hold off invoicing until January", "defer the first invoice", "delay billing"
        String.raw`\b(?:hold(?:ing)? off|defer(?:ring)?|delay(?:ing)?|postpon(?:e|ing)|push(?:ing)? back) `,
        String.raw`(?:on )?(?:the )?(?:first )?(?:invoic(?:e|es|ing)|billing|payments?|charging)\b|`,
        // ("we'll hold the first annual subscription invoice until their new fiscal year")
        String.raw`\bhold(?:ing)? (?:back )?(?:the |their |our )?(?:first )?(?:[\w-]+ ){0,3}(?:invoic(?:e|es|ing)|billing|`,
        String.raw`bills?)\b[^.;]{0,60}\b(?:until|till)\b|`,
        String.raw`\bpay(?:ment)? (?:in arrears|on go-live)\b|` +
          // a fee paid later than the order form says: "can pay the build fee after the summer term"
          String.raw`\b(?:can|may|will|to) pay (?:the |their |our )?(?:[\w-]+ ){0,2}(?:fees?|invoices?|balance)\b[^.;]{0,30}` +
          String.raw`\b(?:after|later|next|in ${MONTH_RE})\b|\b(?:invoiced|billed|payable|`,
        String.raw`paid) only (?:after|on|once|when)\b|\b(?:payment|invoice)s?\b[^.]{0,40}\bslide\b|`,
        // ("payment 75 days from invoice instead of 30", "the 75-day payment")
        String.raw`\b\d+ days (?:(?:from|after|of) (?:the )?(?:invoice|receipt)(?: date)? )?instead of \d+\b|` +
          String.raw`\b(?:45|60|75|90|120|forty-five|sixty|seventy-five|ninety)[- ]day (?:payment )?terms\b|` +
          // "asked for 90 days to pay"
          String.raw`\b(?:45|60|75|90|120|forty-five|sixty|seventy-five|ninety) days to pay\b|\bthe (?:45|60|75|90|120)[- ]day payment\b|\bin arrears\b|`,
        // billed on another cycle than the order form's: "pay quarterly rather than upfront"
        String.raw`\b(?:pay|paid|invoic\w*|bill\w*) (?:monthly|quarterly|annually|yearly|in instal\w*)\b[^.;]{0,40}`,
        String.raw`\b(?:rather than|instead of)\b|`,
        // a fee split into instalments the order form does not set
        String.raw`\bsplit (?:the |their |our )?(?:[\w-]+ ){0,3}(?:fees?|payments?|invoices?|price)\b[^.;]{0,40}\b`,
        // (or across the customer's years: "split the services invoice across their two fiscal years")
        String.raw`(?:payments?|instal(?:l)?ments?|tranches?|halves|(?:across|over|between) (?:their |the )?(?:\w+ )?` +
          String.raw`(?:fiscal|financial|budget) years?)\b|` +
          // billing started later than the contract's own start: "bill the licence from go-live, not from signature"
          String.raw`\b(?:bill|invoice|charge)(?:d|s|ing)? (?:the |their )?(?:[\w-]+ ){0,3}from (?:go[- ]live|launch|` +
          String.raw`cut-?over|acceptance)\b[^.;]{0,20}\bnot (?:from )?(?:signature|signing|the start)\b`,
      ].join(""),
      "i",
    ),
  },
  {
    family: "credit",
    // (refunds as data are no refund given: "refund history", "refund and site history", "REFUND is one of the tables")
    re: new RegExp(
      // (nor a refund the system gives its own users: "closures refund automatically", "a prorated refund")
      String.raw`\bcredited back\b|\bmoney back\b|(?<!\b(?:automatic|prorated|pro-rated|partial) )\brefund(?:ed)?\b` +
        String.raw`(?!\s+automatically\b)(?!\s+(?:and\s+[\w-]+\s+)?(?:history|data|records?|` +
        String.raw`tables?|reports?|reporting|processing|workflows?|module|requests?|rules?|logic|flows?|policy|` +
        String.raw`policies|queue|codes?|reasons?)\b|\s+(?:is|are) (?:one|among)\b)`,
      "i",
    ),
  },
  {
    // a balance carried into the new contract: "carry forward their unused 15 support hrs", "unused days roll over"
    family: "credit",
    re: new RegExp(
      String.raw`\b(?:carr(?:y|ied|ies|ying)|roll(?:ed|s|ing)?) (?:forward|over)\b[^.;]{0,60}\bunused\b|` +
        String.raw`\bunused\b[^.;]{0,60}\b(?:carr(?:y|ied|ies)|roll(?:ed|s)?) (?:forward|over)\b`,
      "i",
    ),
  },
  {
    family: "termination",
    re: new RegExp(
      [
        String.raw`\bterminat\w* for convenience\b|\bopt[- ]out\b|\bcancel(?:lation)? (?:right|at any time|`,
        String.raw`without)\b|\b(?:exit|break) clause\b|` +
          // a right to leave early agreed on the side: "can cancel the licence after 6 months if …"
          String.raw`\bcan (?:cancel|terminate|walk away from) (?:the |their |its )?(?:licen[cs]e|subscription|contract|` +
          String.raw`agreement|deal)\b|` +
          // leaving early at no cost: "can walk away after 90 days with no termination fee", "… and no penalty"
          String.raw`\b(?:walk away|cancel|terminate|exit|leave)\b[^.;]{0,60}\b(?:no|without)(?: any| an?)? ` +
          String.raw`(?:early[- ])?(?:termination |exit |cancellation )?(?:fees?|penalt(?:y|ies)|charges?)\b|` +
          String.raw`\bno (?:early[- ])?(?:termination|exit|cancellation) (?:fees?|penalt(?:y|ies)|charges?)\b`,
      ].join(""),
      "i",
    ),
  },
  {
    family: "extra_scope",
    re: new RegExp(
      [
        String.raw`\bwithout (?:a )?change order\b|\bno change order\b|\bextra (?:hours|days|sessions|`,
        String.raw`templates?|variants?)\b.{0,300}\b(?:no|free|on us)\b|`,
        // more of something than was sold, given outright: "a bonus 12 kennel-card hours beyond what we quoted"
        String.raw`\b(?:extra|additional|another|bonus)\s+(?:\d+\s+|${NUMBER_WORD}\s+)?(?:[\w-]+\s+){0,2}?(?:hours?|days?|`,
        String.raw`sessions?|weeks?|licen[cs]es?|seats?|users?|credits?)\b[^.;]{0,80}\b(?:on top of|beyond|over and above) `,
        String.raw`(?:the |our |their |what (?:we|they) )?(?:fixed )?(?:quote|quoted|order form|sow|contract|proposal|price|fee)\b|`,
        // our people's time promised outright: "I promised 20 hours of our designers' time"
        String.raw`\b(?:promised|offered|gave|give|threw in|throw in)\s+(?:them\s+)?(?:\d+|${NUMBER_WORD})\s+` +
          String.raw`(?:extra\s+)?(?:hours?|days?)\s+of\s+(?:our|my)\b`,
      ].join(""),
      "i",
    ),
  },
];

const EXPLICITLY_ON_FORM =
  /\b(?:reflected|shown|included|listed|captured) (?:on|in) the order form\b|\bon the order form\b/i;
const NOT_ON_FORM = new RegExp(
  [
    String.raw`\bnot (?:yet )?(?:on|in|reflected on|reflected in) the order form\b|\bside letter\b|`,
    String.raw`\bverbal(?:ly)?\b|\boff[- ]paper\b|\bdoesn'?t know\b|\bnot (?:yet )?approved\b|\bpending\b|`,
    String.raw`\bawaiting\b|\bsubmitted\b|\bnot (?:yet )?(?:signed|reviewed)\b|\brejected\b`,
  ].join(""),
  "i",
);
// the deal desk's own approval record (a ticket number, "approved", the approver): an approved exception is contracted
const APPROVED = /\bapproved\b|\bDD[- ]?\d+|\bticket\b|\bsigned off\b|\bdeal desk\s*(?:\(|:|ref)/i;
const THREAD_MESSAGE = /^[^\S\n]*\p{Lu}[^\n:]{0,60}\b\d{1,2}:\d\d\s*(?:[AP]M)?\s*:/gmu;
/** The answer to an ask, saying no: "The deal desk said no", "we declined", "Finance turned it down". */
const ANSWERED_NO =
  /^(?:(?:the |our )?(?:deal desk|desk|finance|we|i|legal)\s+)(?:said no|declined|refused|turned (?:it|that|this) down|rejected)\b/i;
const REFUSED = /\bnot approved\b|\b(?:rejected|declined|refused)\b/i;
const DECISION = /\bapproved\b|\b(?:rejected|declined|refused)\b/i;
const ON_RECORD = /\bDD[- ]?\d+|\b(?:on|in) the (?:OF|order form)\b/;
const DECLINED = new RegExp(
  [
    // (a request "not yet approved" is pending, not declined)
    String.raw`\b(?:no|not(?!\s+(?:yet\s+)?approved)|never|didn'?t|did not|won'?t|refused|declined|pointed (?:them|him|`,
    String.raw`her) to)\b[^.]{0,300}\b(?:discount|free|waive|credit)|`,
    // "The free month was NOT agreed — the deal desk declined it"
    String.raw`\b(?:discount|free|waive\w*|credit)\b[^.]{0,80}\b(?:not (?:agreed|approved|offered)|declined|`,
    String.raw`rejected|refused|turned down)\b|`,
    // a field that records none: "Discount: none", "Credits — n/a", "Extras offered — none"
    String.raw`\b(?:discounts?|credits?|concessions?|waivers?|freebies?|extras?)` +
      String.raw`(?:\s+(?:offered|given|promised|agreed|granted))?\s*[:=—–-]\s*`,
    String.raw`(?:none|nil|n\/a|no|nothing)\b|`,
    // (a freebie asked about: "could it be free? we will see — nothing promised")
    String.raw`\bnothing (?:was |has been )?promised\b|\bno promises?\b|\bnot promised\b`,
  ].join(""),
  "i",
);

const numbersIn = (s: string) => [...s.matchAll(/\d[\d,.]*/g)].map((m) => m[0].replace(/[,.]$/, "").replace(/,/g, ""));

function familiesOf(text: string): string[] {
  return FAMILIES.filter((f) => f.re.test(text)).map((f) => f.family);
}

// words every concession shares, which say nothing about what was conceded
const CONCESSION_WORDS = new RegExp(
  String.raw`^(?:free|charg\w*|cost|fee|fees|price|pric\w*|discount\w*|waiv\w*|credit\w*|approv\w*|includ\w*|` +
    String.raw`order|form|shown|deliver\w*|said|told|will|would|also|without|month|year|first|onli|only)$`,
);
const aboutTerms = (s: string) => [...termSet(s)].filter((t) => t.length > 3 && !CONCESSION_WORDS.test(t));

/** Is a concession (its families and numbers) written on the order form / deal desk record? */
function reflected(families: string[], text: string, record: string): "same" | "different" | "absent" {
  const recordFamilies = new Set(familiesOf(record));
  const shared = families.filter((f) => recordFamilies.has(f));
  if (!shared.length) return "absent";
  // a free month on the record does not cover free parallel running: the two must be about the same thing
  const about = aboutTerms(text);
  const recordAbout = new Set(aboutTerms(record));
  const nums = numbersIn(text).filter((n) => n.length <= 7);
  // (a figure the record also carries, "net 60", "20%", says it is the same concession)
  if (!nums.length && about.length >= 3 && !about.some((t) => recordAbout.has(t))) return "absent";
  if (!nums.length) return "same";
  const recNums = new Set(numbersIn(record));
  return nums.every((n) => recNums.has(n)) ? "same" : "different";
}

/**
 * Non-standard commercial commitments (discounts, waived fees, free work, credits, price holds,
 * payment and termination terms). A deal-desk exception is flagged when the order form does not carry it;
 * one in the seller's notes or the customer promise when neither the order form nor the deal desk does.
 */
// a concession ruled out in so many words ("No other discount or waiver.", "Nessun altro sconto o deroga.") grants
// nothing and records nothing
const RULED_OUT = new RegExp(
  String.raw`\b(?:no|nessun[oa]?|ning[uú]n[oa]?|nenhum[a]?|aucun[e]?|kein(?:e[nr]?)?|geen|hi[çc]bir)\s+` +
    String.raw`(?:other |further |additional |more |altr[oia] |otr[oa]s? |outr[oa]s? |autres? |weitere[nr]? |andere )?` +
    String.raw`(?:discount|${DISCOUNT_ABROAD}|indirim|concession|waiver|deroga)s?\b`,
  "gi",
);

export const exceptionsDetector: Detector = {
  id: "scope-exception",
  version: 168,
  category: "scope_exception",
  detect(ctx) {
    const out: Finding[] = [];
    const orderForm = ctx.text("order_form");
    const deskAll = ctx.text("deal_desk_exception").replace(RULED_OUT, (m) => " ".repeat(m.length));
    // a chat thread pasted from the deal desk's channel: each message stands for itself, and an ask is settled by the
    // desk's answer to it ("8% off for 36 months: approved, DD-2352", "Price hold at renewal: not approved")
    const thread = (deskAll.match(THREAD_MESSAGE) ?? []).length >= 2;
    // (unless the seller says the customer heard otherwise: "I think I already told the owner we would")
    const decisions =
      thread && !/\b(?:told|promised|assured)\b/i.test(deskAll)
        ? ctx
            .units("deal_desk_exception")
            .filter((u) => DECISION.test(u.text))
            .flatMap((u) => familiesOf(u.text))
        : [];
    const sources: TextSource[] = ["deal_desk_exception", "kickoff_note", "cs_requirement", "customer_promise"];
    // a deal-desk memo whose decision refuses the request ("Decision: REJECTED. The fee stands as quoted.")
    const memoRefused =
      !thread &&
      /^\s*(?:decision|outcome|result)\s*[:—–-]\s*(?:rejected|declined|refused|not approved)\b/im.test(deskAll);
    for (const source of sources) {
      const us = ctx.units(source);
      for (const [i, u] of us.entries()) {
        const cs = clauses(ctx.text(source), u.start, u.end);
        // (or the next sentence does: "She asked us to waive the fee. The deal desk said no, and …")
        const nextNo = ANSWERED_NO.test(us[i + 1]?.text ?? "");
        for (const [k, c] of cs.entries()) {
          const fam = familiesOf(c.text.replace(RULED_OUT, " "));
          // "asked for a discount — I said no": the answer in the next clause declines it
          const answeredNo =
            // (a bare "no", not "no card fees" going on with the same concession)
            /^(?:i |we )?(?:said no|declined|refused|no(?:\s*[,.;!—–-]|\s*$|\s+(?:to|way)\b))/i.test(
              cs[k + 1]?.text ?? "",
            ) ||
            ANSWERED_NO.test(cs[k + 1]?.text ?? "") ||
            (k === cs.length - 1 && nextNo && /\b(?:asked|requested|wanted)\b/i.test(u.text));
          // (a customer's question about a concession grants nothing: "you mentioned the first month is free?")
          const asked =
            /\?\s*$/.test(u.text) && !/\b(?:i|we)\b[^.?]{0,30}\b(?:said|told|promised|agreed)\b/i.test(u.text);
          if (!fam.length || DECLINED.test(c.text) || DECLINED.test(u.text) || answeredNo || asked) continue;
          if (source === "deal_desk_exception") {
            // (a request still pending, "PENDING, not approved", is not refused)
            if (!thread && (/\b(?:rejected|declined|refused|denied|turned down)\b/i.test(u.text) || memoRefused))
              continue;
            if (thread && (REFUSED.test(c.text) || (!DECISION.test(u.text) && fam.some((f) => decisions.includes(f)))))
              continue;
            const message =
              NOT_ON_FORM.test(u.text) || (!thread && NOT_ON_FORM.test(deskAll))
                ? "This deal-desk exception is not on the order form: get it onto the order form " +
                  "or confirm delivery knows it applies."
                : !EXPLICITLY_ON_FORM.test(u.text) &&
                    !APPROVED.test(u.text) &&
                    (thread || !APPROVED.test(deskAll)) &&
                    reflected(fam, c.text, orderForm) === "absent"
                  ? "This deal-desk exception does not appear on the order form: confirm it is " +
                    "contracted and that delivery knows it applies."
                  : null;
            if (message) out.push(finding(source, c.start, c.end, "medium", message));
            continue;
          }
          // a note that cites the approval record ("approved (DD-7415)", "approved and on the OF", "that's the
          // quote tool's approval, on the OF", "= AP-2201, on the OF") restates it
          if (
            ON_RECORD.test(u.text) &&
            /\bapprov(?:ed|al)\b|\b[A-Z]{2,5}-\d{3,}\b/.test(u.text) &&
            !NOT_ON_FORM.test(u.text)
          )
            continue;
          const onForm = reflected(fam, c.text, orderForm);
          // a deal-desk entry that is itself off the order form does not make a restatement official
          const onDesk = NOT_ON_FORM.test(deskAll) ? "absent" : reflected(fam, c.text, deskAll);
          // recorded (a different number is a conflict, not a new exception), unless the note adds one on top ("I
          // knocked another 5% off the services", "an extra month free")
          const onTop = /\b(?:another|an? (?:extra|additional|further)|on top of)\b/i.test(c.text);
          if ((onForm !== "absent" || onDesk !== "absent") && !onTop) continue;
          out.push(
            finding(
              source,
              u.start,
              u.end,
              "high",
              `A concession (${fam.join(", ").replace("_", " ")}) appears only in the ` +
                `${source.replace(/_/g, " ")}: approve it through the deal desk and put ` +
                `it on the order form, or walk it back before kickoff.`,
            ),
          );
          break;
        }
      }
    }
    return dedupe(out);
  },
};

function finding(
  source: TextSource,
  start: number,
  end: number,
  severity: "high" | "medium",
  message: string,
): Finding {
  return { category: "scope_exception", severity, source, start, end, message };
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.source}:${f.start}:${f.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
