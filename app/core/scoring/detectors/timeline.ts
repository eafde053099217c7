import type { Context, Detector, Finding } from "../types";
import type { TextSource } from "../../packet";
import { dateMentions, type DateMention } from "../numbers";
import { clauses, items } from "../structure";
import { termSet } from "../lexicon";

const EVENT = /\b(?:before|by|ahead of|in time for|prior to|for|until)\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,4}?(?:season|renewal|enrol?lment|deck|promo(?:tion)?|launch|inspection|audit|deadline|cutover|opening|survey|holidays?|christmas|black friday|board(?: meeting)?|school|back-to-school|year[- ]end|quarter[- ]end|fiscal year|go[- ]live|conference|summit|semester|exam|filing|busy season|peak|trade show|pilot|release)\b|\bby the time\b|\bbefore (?:they|we|the customer) (?:open|launch|start)\b/i;
const COMMIT = /\b(?:need|needs|needed|want|wants|wanted|expect|expects|expected|require|requires|must|promised?|told|commit(?:ted)?|agreed|guarantee[ds]?|live|go-live|golive|go live|ready|done|complete|completed|running|launch(?:ed)?|in production|using|deadline|non-negotiable|no slip|hard date|by|before|in time|starting|start|deliver(?:ed)?|finished|works)\b/i;
const NOT_A_PROMISE = /\bno promises?\b|\bnothing (?:was )?promised\b|\bnot promised\b|\bdidn'?t (?:promise|commit)\b|\bno (?:dates?|commitment)\b/i;
const PAST_FACT = /\b(?:approved|signed|closed|met|called|sent|received|started|was|were|had)\b/i;
const APPROVED_SCHEDULE = /\b(?:schedule|timeline|plan|dates?|milestones?)\b[^.]*?\b(?:approved|confirmed|agreed|signed off|validated)\b[^.]*?\b(?:by )?(?:delivery|implementation|project manager|pm|services|ps)\b|\b(?:delivery|implementation)[- ]approved\b|\bapproved by (?:\w+ )?delivery\b/i;
const TENTATIVE = /\b(?:indicative|tentative|to be (?:confirmed|agreed|determined)|tbc|tbd|estimated|subject to)\b/i;

interface Schedule {
  keys: Set<string>;
  months: Set<string>;
  terms: Set<string>;
}

/** The delivery-approved schedule in the signed scope, if any: its dates (MM-DD, months) and words. */
function approvedSchedule(ctx: Context): Schedule | null {
  const scope = ctx.text("signed_scope");
  const its = items(scope);
  const parts: string[] = [];
  for (let i = 0; i < its.length; i++) {
    if (APPROVED_SCHEDULE.test(its[i].text) && !TENTATIVE.test(its[i].text.replace(/approved|confirmed/gi, ""))) {
      parts.push(its[i].text);
      // the schedule's own lines follow its heading
      for (let j = i + 1; j < its.length && (its[j].section === its[i].section || /^[-•*]|\d/.test(its[j].marker ?? "")); j++) parts.push(its[j].text);
    }
  }
  // a note can also say delivery agreed a date ("prod date agreed with <delivery owner>")
  if (!parts.length) return null;
  const text = parts.join("\n");
  const keys = new Set<string>();
  const months = new Set<string>();
  for (const d of dateMentions(text)) {
    if (!d.key) continue;
    keys.add(d.key);
    months.add(d.key.slice(0, 2));
  }
  return { keys, months, terms: termSet(text) };
}

function covered(d: DateMention, clauseText: string, schedule: Schedule | null): boolean {
  if (!schedule) return false;
  if (d.key && schedule.keys.has(d.key)) return true;
  if (d.key && /^\d{2}$/.test(d.key) && schedule.months.has(d.key)) return true;
  if (d.key && /^\d{2}-\d{2}$/.test(d.key) && schedule.months.has(d.key.slice(0, 2)) && /\b(?:mid|early|late|end)\b/i.test(clauseText)) return true;
  // an event the schedule names ("before the September survey season")
  const t = termSet(clauseText);
  const shared = [...t].filter((w) => schedule.terms.has(w) && w.length > 3);
  return !d.key && shared.length >= 2;
}

const SALES_SIDE: TextSource[] = ["kickoff_note", "cs_requirement", "customer_promise", "deal_desk_exception"];

/** Dates, durations and deadlines promised on the sales side that no delivery-approved schedule covers. */
export const timelineDetector: Detector = {
  id: "timeline-assumption",
  version: 3,
  category: "timeline_assumption",
  detect(ctx) {
    const out: Finding[] = [];
    const schedule = approvedSchedule(ctx);
    const owner = (ctx.packet.delivery_owner ?? "").trim().split(/\s+/)[0];
    for (const source of SALES_SIDE) {
      const text = ctx.text(source);
      for (const u of ctx.units(source)) {
        if (NOT_A_PROMISE.test(u.text)) continue;
        for (const c of clauses(text, u.start, u.end, { commas: true })) {
          const mentions: DateMention[] = dateMentions(c.text).map((d) => ({ ...d, start: d.start + c.start, end: d.end + c.start }));
          const ev = EVENT.exec(c.text);
          if (ev && !mentions.some((d) => d.start - c.start <= ev.index + ev[0].length && d.end - c.start >= ev.index)) {
            mentions.push({ start: c.start + ev.index, end: c.start + ev.index + ev[0].length, text: ev[0], key: null });
          }
          if (!mentions.length) continue;
          const promiseField = source === "customer_promise";
          if (!promiseField && !COMMIT.test(c.text.replace(/\b(?:by|before)\b/gi, (m) => (mentions.length ? m : "")))) continue;
          if (!promiseField && PAST_FACT.test(c.text) && !/\b(?:need|want|must|promised?|told|live|ready|deadline)\b/i.test(c.text)) continue;
          if (mentions.every((d) => covered(d, c.text, schedule))) continue;
          if (owner && owner.length > 2 && new RegExp(`\\bagreed with ${owner}\\b`, "i").test(u.text)) continue;
          const short = c.text.split(/\s+/).length < 4;
          const s = short ? u : c;
          out.push({
            category: "timeline_assumption",
            severity: /\bno slip|non-negotiable|hard date|deadline|must\b/i.test(u.text) ? "high" : "medium",
            source,
            start: s.start,
            end: s.end,
            message: `A date or deadline ("${mentions[0].text.trim()}") was promised on the sales side that no delivery-approved schedule covers: confirm it with delivery before kickoff.`,
          });
          break;
        }
      }
    }
    // a go-live date written into the SOW itself without an approved schedule
    if (!schedule) {
      const scope = ctx.text("signed_scope");
      for (const u of ctx.units("signed_scope")) {
        if (!/\b(?:go[- ]live|live|launch|cut ?over|in production)\b/i.test(u.text)) continue;
        if (!/\b(?:by|no later than|on|before)\b/i.test(u.text)) continue;
        const ds = dateMentions(u.text).filter((d) => d.key && /\d{2}-\d{2}|^\d{2}$/.test(d.key));
        if (!ds.length || /\bperiod of performance\b/i.test(u.text)) continue;
        out.push({ category: "timeline_assumption", severity: "medium", source: "signed_scope", start: u.start, end: u.end, message: `The scope fixes a go-live date ("${ds[0].text}") that no delivery-approved schedule backs: confirm delivery can meet it.` });
        void scope;
      }
    }
    return out;
  },
};
