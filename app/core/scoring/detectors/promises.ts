import type { Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { clauses } from "../structure";
import { terms } from "../lexicon";
import { MONTH_RE } from "../numbers";

// The seller committing, or the customer believing something was committed.
const PROMISE_CUE =
  /\b(?:told (?:them|him|her|the \w+|their \w+|\w+)(?: that)?(?: we(?:'d| would| will|'ll)| it(?:'s|'d| is| would)| they(?:'d| would| will)| that)?|i said (?:yes|we(?:'d| would| can| could| will))|said we(?:'d| would| can| could| will)|(?:i |we )?promised|(?:i |we )?agreed (?:we(?:'d| would)|to)|we(?:'ll| will| can) (?:also |definitely )?(?:do|build|handle|add|host|provide|own|set|get|keep|include|connect|support|migrate|write|run|pair|deliver|make)|committed to|guaranteed|assumes?|believes?|expects?|(?:heard|took) (?:that|it) as (?:included|in scope|a yes)|needs us to|wants? (?:us to|\w+(?: \w+){0,6} (?:too|also|as well))|they(?:'ll| will) also want|is included|as part of this|on the table|i ok'?d)\b/i;
const DECLINED = /\bseparate (?:order|sow|contract|quote)\b|\bchange order\b(?!.*\bwithout\b)|\bout of scope\b|\bnot (?:in scope|included|promised|part of)\b|\bquote(?:d)? separately\b|\bnothing (?:was )?promised\b|\bno promises?\b|\bpointed (?:them|him|her) to\b|\bsaid no\b|\bdeclined\b|\bwon'?t\b|\bfuture phase\b/i;
const GENERIC = new Set(
  terms(
    `system systems data process help able use using work working set setup go live launch project implementation phase team call kickoff note
     deal sow scope order form week weeks month months year years day days quarter time date first new current today plan start ready done
     really super big small whole real main key good great fine sure happy yes all everything anything something full quick easy one
     also too well still eventually already around approximately about like`,
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
  version: 3,
  category: "promise_not_in_scope",
  detect(ctx) {
    const out: Finding[] = [];
    const taken = (source: TextSource, start: number, end: number) =>
      ctx.prior.some((f) => f.source === source && f.start !== null && f.end !== null && f.start < end && f.end > start && (f.category === "conflicting_terms" || f.category === "scope_exception"));
    for (const source of PROMISE_SOURCES) {
      const text = ctx.text(source);
      for (const u of ctx.units(source)) {
        if (DECLINED.test(u.text) && !/\bheard (?:that|it) as included\b/i.test(u.text)) continue;
        const isPromiseField = source === "customer_promise";
        if (!isPromiseField && !PROMISE_CUE.test(u.text)) continue;
        const parts = isPromiseField ? clauses(text, u.start, u.end, { commas: true }) : [u];
        for (const p of parts) {
          if (taken(source, p.start, p.end)) continue;
          const { missing, total } = uncovered(p.text, ctx.scopeTerms);
          if (total === 0) continue;
          const share = missing.length / total;
          if (missing.length < 2 || share < 0.5) continue;
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
