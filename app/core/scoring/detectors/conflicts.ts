import type { Detector, Finding } from "../types";
import { factsOf, type Fact } from "../facts";

const GENERIC_CONTEXT = /^(?:month|year|week|day|term|contract|subscription|customer|client|data|system|from|with|will|that|this|they|their|after|before|over|each|every|least|total)$/;

/** Two clauses about the same thing: at least two informative terms in common. */
function sameContext(a: Fact, b: Fact): boolean {
  let shared = 0;
  for (const t of a.context) if (t.length > 3 && !GENERIC_CONTEXT.test(t) && b.context.has(t)) shared++;
  return shared >= 2;
}

/** Do two facts of the same key state compatible values? */
function agree(a: Fact, b: Fact, tolerance: number, contracted: Set<number>): boolean {
  if (a.value === b.value) return true;
  if (a.kind === "money") return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= 0.005;
  if (a.kind === "date") {
    const month = (v: number) => Math.floor(v / 100);
    // a month-only deadline (a holiday, "by <month>") is met by any date in an earlier month
    if (a.value % 100 === 0 && a.bound === "max") return month(b.value) < month(a.value) || (month(b.value) === month(a.value) && b.bound !== "exact");
    if (b.value % 100 === 0 && b.bound === "max") return month(a.value) < month(b.value) || (month(a.value) === month(b.value) && a.bound !== "exact");
    if (a.value % 100 === 0 || b.value % 100 === 0) return month(a.value) === month(b.value);
    // "live by March 30" is met by a scheduled March 14
    if (a.bound === "max" && b.value <= a.value) return true;
    if (b.bound === "max" && a.value <= b.value) return true;
    return false;
  }
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  if (hi.bound === "max" && lo.bound === "approx") return true; // "up to 3,500" vs "~2,800 at peak"
  // an estimate below what the order form buys leaves headroom; only needing more than was bought disagrees
  if (lo.bound === "approx" && hi.bound === "exact" && (hi.source === "order_form" || contracted.has(hi.value))) return true;
  if (a.bound === "min" || b.bound === "min") {
    const [min, other] = a.bound === "min" ? [a, b] : [b, a];
    return other.bound === "min" || min.value <= other.value;
  }
  if (a.bound === "approx" || b.bound === "approx") return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= tolerance;
  return false;
}

/** Which instance of a key a fact is about: two clauses naming different sites or phases are not comparable. */
function comparable(a: Fact, b: Fact, facts: Fact[]): boolean {
  if (a.key.startsWith("ctx:") && !sameContext(a, b)) return false;
  if (a.kind === "date" || a.kind === "count") {
    const shared = [...a.names].some((n) => b.names.has(n));
    if (a.names.size && b.names.size && !shared && a.kind === "date") return false;
    // a side that states several values for the key needs a shared name to pick the one meant
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const values = new Set(facts.filter((f) => f.source === y.source && f.key === y.key).map((f) => f.value));
      if (values.size > 1 && !shared) return false;
      void x;
    }
  }
  return true;
}

/** Two sources giving different values for the same fact: a count, a price, a term, a milestone date. */
export const conflictsDetector: Detector = {
  id: "conflicting-terms",
  version: 5,
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
        if (a.source === b.source || a.key !== b.key || !comparable(a, b, facts)) continue;
        const contracted = new Set(facts.filter((f) => f.key === a.key && (f.source === "order_form" || f.source === "signed_scope")).map((f) => f.value));
        // a source that also states the other value somewhere agrees with itself
        if (facts.some((f) => f.source === a.source && f.key === a.key && agree(f, b, tolerance, contracted))) continue;
        if (facts.some((f) => f.source === b.source && f.key === b.key && agree(f, a, tolerance, contracted))) continue;
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

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function fmt(f: Fact): string {
  const prefix = f.bound === "max" ? (f.kind === "date" ? "by " : "up to ") : f.bound === "approx" ? "about " : f.bound === "min" ? "at least " : "";
  if (f.kind === "date") {
    const m = MONTHS[Math.floor(f.value / 100) - 1] ?? "";
    return `${f.key.replace("date:", "").replace("golive", "go-live")} ${prefix}${f.value % 100 ? `${m} ${f.value % 100}` : m}`;
  }
  if (f.kind === "money") return `${prefix}${f.value.toLocaleString("en-US")} (${f.key.replace(/^\w+:/, "").replace("hour", "per hour")})`;
  if (f.kind === "percent") return `${f.value}% discount`;
  const unit = f.key.replace(/^\w+:/, "");
  return `${prefix}${f.value.toLocaleString("en-US")} ${unit}${f.value === 1 ? "" : "s"}`;
}
