import type { Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { clauses } from "../structure";
import { terms } from "../lexicon";
import { dateMentions, MONTH_RE } from "../numbers";

const EVENT_DEADLINE = /\b(?:before|in time for|ahead of|by the time|by the end of|prior to)\b/i;

// The seller committing, or the customer believing something was committed.
const PROMISE_CUE =
  /\b(?:told (?:them|him|her|the \w+|their \w+|\w+)(?: that)?(?: we(?:'d| would| will|'ll)| it(?:'s|'d| is| would)| they(?:'d| would| will)| that)?|i said (?:yes|we(?:'d| would| can| could| will))|said we(?:'d| would| can| could| will)|(?:i |we )?promised|(?:i |we )?agreed (?:we(?:'d| would)|to)|we(?:'ll| will| can) (?:also |definitely )?(?:do|build|handle|add|host|provide|own|set|get|keep|include|connect|support|migrate|write|run|deliver|make)|committed to|guaranteed|needs us to|wants? (?:us to|\w+(?: \w+){0,6} (?:too|also|as well))|they(?:'ll| will) also want|is included|as part of this|on the table)\b/i;
// the customer believing something was promised: a subject and a belief verb ("the buyer assumes we …")
const BELIEF = /\b(?:[Tt]hey|[Hh]e|[Ss]he|[Cc]ustomer|[Cc]lient|[A-Z][a-z]+)(?:'s \w+)?\s+(?:assumes?|believes?|expects?|is expecting|thinks?)\b/;
const CUSTOMER_WANT = /\b(?:they|customer|client|she|he|[A-Z][a-z]+) (?:want|wants|asked for|asked about|need|needs|expects?|is expecting)\b/;
const SOMEDAY = /\beventually\b|\bsomeday\b|\bdown the road\b|\bat some point\b|\bnext year\b|\bin the future\b/i;
const CS_EXTRA_WORK = /\b(?:help|support|coverage|hypercare|on-call|24x7|24\/7|versions?|translat\w*|export|migrat\w*|plan|build|custom\w*)\b/i;
const FIRST_PERSON_COMMIT = /\b(?:i|we)\b[^.;]{0,40}?\b(?:told|said|promised|agreed|assured|committed|offered|confirmed|guaranteed|ok'?d)\b|\b(?:i|we) (?:mentioned|suggested|hinted) (?:that )?we (?:could|would|can|will|'d)\b|\bsaid (?:ok|okay|yes|sure|it'?s)\b|\b(?:told|promised|assured) (?:them|him|her|the \w+|their \w+)\b/i;
// Recurring customer-success motions (reviews, check-ins, standard reports) are CS's own work, not delivery scope.
const CS_MOTION = /\b(?:quarterly|monthly|weekly|annual(?:ly)?|yearly|each (?:year|month|quarter)|periodic)\b[^.]{0,300}\b(?:review|check-?ins?|report|simulations?|sync|meeting|refresh|call)s?\b|\b(?:check-?in|health review|success plan)\b|\bstandard\b[^.]{0,300}\breport\b|\bbuilt-in\b|\bkpi\b/i;
const OWNER_TAIL = /\s*(?:[—–-]\s*|\(|;\s*)?(?:(?:training |delivery )?owner|csm)\s*:?[^.;)]{0,300}\)?|\s*[—–-]\s*\w+ to (?:confirm|address|check)[^.]{0,300}/gi;
const DECLINED = /\bseparate (?:order|sow|contract|quote)\b|\bchange order\b(?!.{0,300}\bwithout\b)|\bout of scope\b|\bnot (?:in scope|included|promised|part of)\b|\bquote(?:d)? separately\b|\bnothing (?:was )?promised\b|\bno promises?\b|\bpointed (?:them|him|her) to\b|\bsaid no\b|\bdeclined\b|\bwon'?t\b|\bfuture phase\b|\b(?:gets|will be|to be) (?:decided|agreed|scoped|confirmed)\b/i;
const GENERIC = new Set(
  terms(
    `system systems data process help able use using work working set setup go live launch project implementation phase team call kickoff note
     deal sow scope order form week weeks month months year years day days quarter time date first new current today plan start ready done
     really super big small whole real main key good great fine sure happy yes all everything anything something full quick easy one
     also too well still eventually already around approximately about like assume assumes believe believes expect expects
     say says said tell told promise promised agree agreed ask asked yes okay ok line sure thing stuff actually make liked works`,
  ).concat(["am", "pm"]),
);
const DATE_WORD = new RegExp(`^(?:${MONTH_RE}|q[1-4]|eo[qmy]|\\d.*)$`, "i");

/** Content terms of a clause that signed_scope and order_form do not contain. */
function uncovered(text: string, scope: Set<string>): { missing: string[]; total: number } {
  const ts = [...new Set(terms(text))].filter((t) => !GENERIC.has(t) && !DATE_WORD.test(t) && t.length > 2);
  return { missing: ts.filter((t) => !scope.has(t)), total: ts.length };
}

const PROMISE_SOURCES: TextSource[] = ["kickoff_note", "cs_requirement", "customer_promise"];

/** Something the customer was promised (or believes was) that signed_scope and order_form do not contain. */
export const promisesDetector: Detector = {
  id: "promise-not-in-scope",
  version: 4,
  category: "promise_not_in_scope",
  detect(ctx) {
    const out: Finding[] = [];
    const taken = (source: TextSource, start: number, end: number) =>
      ctx.prior.some((f) => f.source === source && f.start !== null && f.end !== null && f.start < end && f.end > start && (f.category === "conflicting_terms" || f.category === "scope_exception" || f.category === "unowned_requirement" || f.category === "timeline_assumption"));
    for (const source of PROMISE_SOURCES) {
      const text = ctx.text(source);
      for (const u of ctx.units(source)) {
        const plain = u.text.replace(/[’‘]/g, "'");
        if (DECLINED.test(plain)) continue;
        const isPromiseField = source === "customer_promise";
        const strong = PROMISE_CUE.test(plain) || FIRST_PERSON_COMMIT.test(plain) || BELIEF.test(plain);
        const weak = !strong && CUSTOMER_WANT.test(plain) && !SOMEDAY.test(plain) && !dateMentions(plain).length;
        if (source === "kickoff_note" && !strong && !weak) continue;
        if (source === "cs_requirement" && !strong && (CS_MOTION.test(plain) || !CS_EXTRA_WORK.test(plain.replace(OWNER_TAIL, "")))) continue;
        const parts = isPromiseField ? clauses(text, u.start, u.end, { commas: true, conjunctions: true }) : [u];
        for (const p of parts) {
          if (taken(source, p.start, p.end)) continue;
          // a clause that is only a date or deadline belongs to the timeline detector
          if (isPromiseField && (dateMentions(p.text).length || EVENT_DEADLINE.test(p.text))) continue;
          const { missing, total } = uncovered(source === "cs_requirement" ? p.text.replace(OWNER_TAIL, "") : p.text, ctx.scopeTerms);
          if (total === 0) continue;
          const share = missing.length / total;
          if (missing.length < 2 || share < (strong && !isPromiseField ? 0.34 : isPromiseField ? 0.6 : 0.5)) continue;
          out.push({
            category: "promise_not_in_scope",
            severity: isPromiseField ? "high" : "medium",
            source,
            start: p.start,
            end: p.end,
            message: `Promised but not in the signed scope or order form (${missing.slice(0, 4).join(", ")}): add it by change order, or reset the customer's expectation before kickoff.`,
          });
        }
      }
    }
    return out;
  },
};
