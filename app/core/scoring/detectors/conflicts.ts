import type { Context, Detector, Finding } from "../types";
import { TEXT_SOURCES, type TextSource } from "../../packet";
import { quantities, type Quantity } from "../numbers";
import { clauses } from "../structure";

interface Fact extends Quantity {
  source: TextSource;
  key: string;
  clause: { start: number; end: number; text: string };
}

const DURATION_TOPICS: [string, RegExp][] = [
  ["term", /\bterm\b|\bcontract\b|\bsubscription\b|\brenewal\b|\bcommitment\b/i],
  ["history", /\bhistor(?:y|ical)\b|\bbackfill\b|\bback[- ]data\b|\barchive\b|\bretention\b/i],
  ["project", /\bengagement\b|\btimeline\b|\bproject\b|\bimplementation\b|\brollout\b|\bdelivery\b/i],
  ["hypercare", /\bhypercare\b|\bpost[- ]go[- ]live support\b/i],
];
const TO_MONTHS: Record<string, number> = { month: 1, year: 12 };
// a count the note itself explains as coming later or living elsewhere is not a disagreement
const EXPLAINED = /\blater\b|\bseparate (?:order|contract|sow)\b|\bnext (?:year|phase)\b|\bphase (?:2|two)\b|\bfuture\b|\bstay(?:s|ing)? (?:in|on)\b|\bnot (?:included|in scope|licensed)\b|\bout of scope\b|\bexcluding\b|\bon top\b/i;
// counts inside an acceptance test are samples ("five test users sign in"), not contracted quantities
const ACCEPTANCE_SENTENCE = /^(?:acceptance|accepted|complete|done)\b|\baccepted (?:when|on|upon)\b/i;
const SAMPLE = /\b(?:test|sample|pilot|example|demo|trial)\b/i;

function factsOf(ctx: Context): Fact[] {
  const out: Fact[] = [];
  for (const source of TEXT_SOURCES) {
    const text = ctx.text(source);
    for (const u of ctx.units(source)) {
      if (EXPLAINED.test(u.text) || /^(?:acceptance|accepted|complete|done)\b/i.test(u.text)) continue;
      for (const c of clauses(text, u.start, u.end, { commas: true })) {
        if (ACCEPTANCE_SENTENCE.test(c.text)) continue;
        for (const q of quantities(c.text)) {
          const phrase = c.text.slice(q.start, q.end);
          if (SAMPLE.test(phrase) || /\bper\b/i.test(c.text.slice(q.end, q.end + 6))) continue;
          if (q.unit === "day" || q.unit === "hour") continue; // notice periods, SLAs, session lengths: too many unrelated uses
          let key = q.unit;
          let value = q.value;
          if (q.unit in TO_MONTHS || q.unit === "week") {
            const topic = DURATION_TOPICS.find(([, re]) => re.test(c.text));
            if (!topic) continue;
            key = `${topic[0]}:${q.unit === "week" ? "week" : "month"}`;
            value = q.unit === "week" ? q.value : q.value * TO_MONTHS[q.unit];
          }
          const clause = c.text.length > 160 ? { start: c.start + q.start, end: c.start + q.end, text: phrase } : c;
          out.push({ ...q, value, key, source, start: c.start + q.start, end: c.start + q.end, clause });
        }
      }
      // percentages of a discount or credit
      for (const m of u.text.matchAll(/(\d+(?:\.\d+)?)\s?%\s?(?:off|discount|credit)|(?:discount|credit) of (\d+(?:\.\d+)?)\s?%/gi)) {
        const value = Number(m[1] ?? m[2]);
        const start = u.start + m.index!;
        const cl = clauses(text, u.start, u.end).find((c) => c.start <= start && c.end >= start) ?? { start, end: start + m[0].length, text: m[0] };
        out.push({ value, unit: "percent", key: "discount%", bound: "exact", source, start, end: start + m[0].length, clause: cl });
      }
    }
  }
  return out;
}

function agree(a: Fact, b: Fact, tolerance = 0.03, contracted: Set<number> = new Set()): boolean {
  if (a.value === b.value) return true;
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  if (hi.bound === "max" && lo.bound === "approx") return true; // "up to 3,500" vs "~2,800 at peak"
  // an estimate below what the order form buys leaves headroom; only needing more than was bought disagrees
  if (lo.bound === "approx" && hi.bound === "exact" && (hi.source === "order_form" || contracted.has(hi.value))) return true;
  if (a.bound === "min" || b.bound === "min") {
    const [min, other] = a.bound === "min" ? [a, b] : [b, a];
    return other.bound === "min" || min.value <= other.value;
  }
  if (a.bound === "approx" || b.bound === "approx") return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= tolerance;
  if (hi.bound === "min") return false;
  return false;
}

/** Two sources giving different values for the same counted thing, term, history window or discount. */
export const conflictsDetector: Detector = {
  id: "conflicting-terms",
  version: 4,
  category: "conflicting_terms",
  detect(ctx) {
    const facts = factsOf(ctx);
    // an approximate figure backed by a stated tolerance ("within 10%") is allowed that much slack
    const tol = /\bwithin\s*[±+]?\s*(\d+(?:\.\d+)?)\s?%|\btolerance\b/i.exec(ctx.text("signed_scope"));
    const tolerance = tol ? Math.max(0.03, tol[1] ? Number(tol[1]) / 100 : 0.1) : 0.03;
    const flagged = new Map<string, Finding>();
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const a = facts[i];
        const b = facts[j];
        if (a.source === b.source || a.key !== b.key) continue;
        // a source that also states the other value somewhere agrees with itself
        // the values the contract itself states for this key
        const contracted = new Set(facts.filter((f) => f.key === a.key && (f.source === "order_form" || f.source === "signed_scope")).map((f) => f.value));
        if (facts.some((f) => f.source === a.source && f.key === a.key && agree(f, b, tolerance, contracted))) continue;
        if (facts.some((f) => f.source === b.source && f.key === b.key && agree(f, a, tolerance, contracted))) continue;
        if (agree(a, b, tolerance, contracted)) continue;
        for (const [x, y] of [[a, b], [b, a]] as const) {
          const k = `${x.source}:${x.clause.start}`;
          if (flagged.has(k)) continue;
          flagged.set(k, {
            category: "conflicting_terms",
            severity: "high",
            source: x.source,
            start: x.clause.start,
            end: x.clause.end,
            message: `The ${x.source.replace(/_/g, " ")} says ${fmt(x)} but the ${y.source.replace(/_/g, " ")} says ${fmt(y)}: agree one figure before kickoff.`,
          });
        }
      }
    }
    return [...flagged.values()];
  },
};

function fmt(f: Fact): string {
  const unit = f.key === "discount%" ? "% discount" : ` ${f.key.replace(/^\w+:/, "")}${f.value === 1 ? "" : "s"}`;
  const prefix = f.bound === "max" ? "up to " : f.bound === "approx" ? "about " : f.bound === "min" ? "at least " : "";
  return `${prefix}${f.value.toLocaleString("en-US")}${unit}`;
}
