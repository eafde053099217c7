import type { Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { findDeliverables, workSentences } from "../deliverables";
import { documentOf, inTitleBlock, splitCells } from "../document";
import { NUM } from "../numbers";
import { clauses, sentences, trimSpan, type Span } from "../structure";
import { noteNoise } from "../conversation";
import { UNCOUNTED_WORK, vagueHit, type VagueHit } from "../vagueness";

// Sentences about the contract's own machinery (the QASP, the Government's review) are not deliverables.
const MACHINERY =
  /\bqasp\b|\bcontracting officer\b|\bgovernment (?:will|may|shall)\b|\bby the government\b|\bwill inspect\b/i;
const CONTRACT_MACHINERY = { test: (s: string) => MACHINERY.test(s.replace(/\b(?:per|under) the qasp\b/gi, "")) };
const NUMBER = new RegExp(NUM, "i");
// a named system in parentheses or an elaboration after a colon or dash makes a short deliverable specific
const NAMED = /\([A-Z][\w/ &-]+\)|:\s+\S+(?:\s+\S+){3,}|—\s+\S+(?:\s+\S+){3,}/;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const LICENCE_LINE = new RegExp(
  [
    String.raw`\b(?:subscriptions?|licen[cs]es?|seats?|named users?|per (?:user|seat|month|year)|pepm|`,
    String.raw`annual(?:ly)?|edition|tier|platform fee)\b`,
  ].join(""),
  "i",
);

const CONCESSION = /\b(?:waiv(?:e|es|ed|ing)|discount\w*|(?:licen[cs]e|user|subscription|setup|set-up) fees?)\b/i;

// work with no natural end or no named counterpart: support, help, clean-up, integration with "their systems"
const OPEN_WORK = new RegExp(
  [
    String.raw`\b(?:support|assistance|help|hypercare|advisory|clean-?up|optimi[sz]ation|tuning|maintenance|training|`,
    String.raw`set-?up|handling|management|concept|campaigns|journeys|dashboards|reports|reporting|`,
    String.raw`knowledge transfer|programmes?)\b|`,
    String.raw`\b(?:integration|interface|export|feed|sync)\b[^.]*\b(?:systems?|platforms?|tools?|applications?|`,
    String.raw`portals)\b|`,
    // "Helpdesk integration.": an integration named by one system and nothing it does
    String.raw`^(?:[\w&-]+\s+){1,2}(?:integration|interface|connector|sync)\.?$`,
  ].join(""),
  "i",
);

const messageFor = (hit: VagueHit, what: string) =>
  hit.family === "escape"
    ? `"${hit.text.trim()}" lets this ${what} be decided later: state the count, ` +
      `the systems or the limit so delivery and the customer size it the same ` +
      `way.`
    : hit.family === "open"
      ? `"${hit.text.trim()}" leaves this ${what} open-ended: list every item, or say the list is complete.`
      : `"${hit.text.trim()}" is not measurable here: say exactly how many or how much, or name the specific item.`;

/** The span to cite for a vague phrase: the clause holding it when the sentence is long, else the sentence. */
function citeFor(text: string, s: Span, hit: VagueHit): Span {
  if (s.text.split(/\s+/).length <= 30) return s;
  const at = s.start + hit.index;
  return clauses(text, s.start, s.end, { commas: true }).find((c) => c.start <= at && c.end >= at) ?? s;
}

const NAMES_SYSTEM = new RegExp(
  [
    String.raw`\s(?:with|to|from|into|in|for) (?:the )?(?:[A-Z][\w.-]*\s?){1,3}(?:ERP|CRM|API|`,
    String.raw`Financials|Cloud|Online|Advanced|\d)`,
  ].join(""),
);

/** Work products named with no count: "build occupancy dashboards", never "build three occupancy dashboards". */
function uncounted(text: string): boolean {
  const m = UNCOUNTED_WORK.exec(text);
  return !!m && !NUMBER.test(m[0]);
}

/**
 * Deliverable or requirement wording two readers would size differently: escape clauses, open-ended lists,
 * vague quantifiers and qualities, work products with no count, and short deliverables with neither a count nor
 * an acceptance condition — in scope-bearing text only.
 */
export const ambiguityDetector: Detector = {
  id: "ambiguous-deliverable",
  version: 184,
  category: "ambiguous_deliverable",
  detect(ctx) {
    const out: Finding[] = [];
    const scope = ctx.text("signed_scope");
    const push = (source: TextSource, s: Span, severity: Finding["severity"], message: string) => {
      if (out.some((f) => f.source === source && f.start! < s.end && f.end! > s.start)) return;
      out.push({ category: "ambiguous_deliverable", severity, source, start: s.start, end: s.end, message });
    };
    for (const d of findDeliverables(scope)) {
      if (CONTRACT_MACHINERY.test(d.text)) continue;
      // a table row says what it is in one cell and how much in another: read every cell, cite the vague one
      if (/[|\t]/.test(d.item.text.trim())) {
        const cell = splitCells(scope, d.item.start, d.item.end)
          .filter((c) => c.text)
          .map((c) => ({ c, hit: vagueHit(c.text) }))
          .find((x) => x.hit);
        if (cell) {
          push("signed_scope", cell.c, d.accepted ? "medium" : "high", messageFor(cell.hit!, "deliverable"));
          continue;
        }
      }
      // an item led by a short title ("B.5 Election support. Provide robust support …") is judged by its text
      const titled =
        d.item.start <= d.start && d.item.end > d.end && /\.$/.test(d.text) && d.text.split(/\s+/).length <= 4;
      const body: Span = titled ? trimSpan(scope, d.end, d.item.end) : d;
      const own = vagueHit(d.text);
      const hit = own ?? (titled ? vagueHit(body.text) : null);
      const words = d.text
        .replace(/[^\p{L}\p{N}\s]/gu, " ")
        .split(/\s+/)
        .filter(Boolean).length;
      // a short deliverable with no count, no named system and no condition ("Board dashboards.", "Churn prediction.")
      const namesSystem = NAMES_SYSTEM.test(d.text) || /\s[A-Z][a-z]+[A-Z]\w*/.test(d.text);
      const underspecified =
        !d.accepted &&
        !NUMBER.test(d.text.replace(YEAR, "")) &&
        words <= 9 &&
        !NAMED.test(d.text) &&
        !namesSystem &&
        OPEN_WORK.test(d.text);
      if (hit)
        push(
          "signed_scope",
          citeFor(scope, own ? d : body, hit),
          d.accepted ? "medium" : "high",
          messageFor(hit, "deliverable"),
        );
      else if (underspecified)
        push(
          "signed_scope",
          d,
          "high",
          "This deliverable names no count, system or boundary: spell out exactly what is included.",
        );
      else if (uncounted(body.text))
        push(
          "signed_scope",
          body,
          "medium",
          "This deliverable names work products without saying how many: give the count or list them.",
        );
    }
    // vague wording anywhere else in the work the scope describes (list intros, service levels, task prose)
    for (const u of workSentences(scope)) {
      if (CONTRACT_MACHINERY.test(u.text)) continue;
      const hit = vagueHit(u.text);
      // (uncounted work products are judged on the deliverables themselves, not on the prose around them)
      if (hit) push("signed_scope", citeFor(scope, u, hit), "medium", messageFor(hit, "requirement"));
    }
    // service lines on the order form
    const form = ctx.text("order_form");
    for (const b of documentOf(form).blocks) {
      if (b.heading || b.section.kind === "title" || LICENCE_LINE.test(b.head.text)) continue;
      const hit = vagueHit(b.head.text, ["escape", "open", "quantifier"]);
      if (hit) push("order_form", b.head, "medium", messageFor(hit, "line"));
    }
    // requirements on the customer-success side and in the customer's promise
    for (const source of ["cs_requirement", "customer_promise"] as const) {
      const text = ctx.text(source);
      for (const b of documentOf(text).blocks) {
        if (b.heading || inTitleBlock(b, source === "cs_requirement")) continue;
        for (const s of b.cells ? [b.head] : sentences(text, b.head.start, b.end)) {
          if (noteNoise(s.text) || /:\s*$/.test(s.text)) continue;
          for (const c of clauses(text, s.start, s.end)) {
            // a promise's "when needed" is bounded by the scope it restates; its open lists and vague quantities are
            // not
            const hit = vagueHit(
              c.text,
              source === "cs_requirement"
                ? ["escape", "open", "quantifier", "quality"]
                : ["open", "quantifier", "quality"],
            );
            if (
              !hit ||
              // a concession on price ("waive the fee for the full term") is a commercial term, not work to size
              CONCESSION.test(c.text) ||
              // "Who configures the timers at our end - TBD, I shall confirm": an owner still to be named
              (hit.family === "escape" && /^(?:tbd|tbc|to be)/i.test(hit.text) && /\bowner|\bwho\b/i.test(s.text)) ||
              (hit.family === "quality" &&
                !/^(?:full|fully|complete|comprehensive|robust|seamless|seamlessly)$/i.test(hit.text))
            )
              continue;
            push(source, c, "medium", messageFor(hit, "requirement"));
          }
        }
      }
    }
    return out;
  },
};
