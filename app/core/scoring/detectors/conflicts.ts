import type { Detector, Finding } from "../types";
import { factsOf, type Fact } from "../facts";
import { NUM, parseNumberWords, parseNumeral } from "../numbers";
import { stem } from "../lexicon";
import { amountConflicts } from "../amount";

const GENERIC_CONTEXT = new RegExp(
  [
    String.raw`^(?:month|year|week|day|term|contract|subscription|customer|client|data|system|from|with|`,
    String.raw`will|that|this|they|their|after|before|over|each|every|least|total)$`,
  ].join(""),
);

const LINE_LABEL = /^\s*([A-Za-z][\w &/-]{2,30}?)\s*:/;

const OFFSET_WORDS = /^(?:calendar|business|working|award|notice|proceed|within|after|from|following|later)$/;

/** Two clauses about the same thing: at least two informative terms in common, or the same line label. */
function sameContext(a: Fact, b: Fact, also?: RegExp): boolean {
  let shared = 0;
  for (const t of a.context)
    if (t.length > 3 && !GENERIC_CONTEXT.test(t) && !also?.test(t) && b.context.has(t)) shared++;
  if (shared >= 2) return true;
  // "Duration: 18 months" and "Duration: 24 months of use"
  const label = (f: Fact) => LINE_LABEL.exec(f.clause.text)?.[1].toLowerCase();
  return label(a) !== undefined && label(a) === label(b);
}

const CONTRACT = new Set(["signed_scope", "order_form"]);
/** A deal-desk record's id ("DD 7781", "DQ-0511", "DDR-4410"). */
const RECORD_ID = /\b(DDR?|DQ)[-\s#]?(\d{3,5})\b/g;
const recordIds = (t: string) => new Set([...t.matchAll(RECORD_ID)].map((m) => m[1] + m[2]));

/** Do two facts of the same key state compatible values? */
function agree(a: Fact, b: Fact, tolerance: number, contracted: Set<number>): boolean {
  if (a.value === b.value) return true;
  // (a span counted back from the contract's year may be off by one: "the last five years" of 2026 starts 2021 or 2022)
  if (a.key === "history:from") return Math.abs(a.value - b.value) <= 1;
  if (a.kind === "money") return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= 0.005;
  // "within 90 days of NTP" is met by a schedule's NTP + 75
  if (a.kind === "offset")
    return (a.bound === "max" && b.value <= a.value) || (b.bound === "max" && a.value <= b.value);
  if (a.kind === "date") {
    const month = (v: number) => Math.floor(v / 100);
    // a window is met by a day inside it, or by a deadline no earlier than its last day (a month-only one by its
    // month)
    const [w, o] = a.until ? [a, b] : [b, a];
    if (w.until) {
      const [from, to, v] =
        o.value % 100 ? [w.value, w.until, o.value] : [month(w.value), month(w.until), month(o.value)];
      return o.bound === "max" ? v >= to : v >= from && v <= to;
    }
    // dates with no year half a year apart straddle a year end: "by December 12" comes before "January 20"
    const wrap = Math.abs(month(a.value) - month(b.value)) > 6;
    const [av, bv] =
      wrap && a.value < b.value ? [a.value + 1200, b.value] : wrap ? [a.value, b.value + 1200] : [a.value, b.value];
    // a month-only deadline (a holiday, "by <month>") is met by any date in an earlier month
    if (av % 100 === 0 && a.bound === "max")
      return month(bv) < month(av) || (month(bv) === month(av) && b.bound !== "exact");
    if (bv % 100 === 0 && b.bound === "max")
      return month(av) < month(bv) || (month(av) === month(bv) && a.bound !== "exact");
    if (av % 100 === 0 || bv % 100 === 0) return month(av) === month(bv);
    // "mid-April" is within a week of the 15th
    const day = (v: number) => Math.floor(v / 100) * 31 + (v % 100);
    if ((a.bound === "approx" || b.bound === "approx") && Math.abs(day(av) - day(bv)) <= 7) return true;
    // "live by March 30" is met by a scheduled March 14
    if (a.bound === "max" && bv <= av) return true;
    if (b.bound === "max" && av <= bv) return true;
    return false;
  }
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  // inside a contracted cap: an estimate ("up to 3,500" vs "~2,800 at peak"), or a sales-side count of today's volume
  if (
    hi.bound === "max" &&
    (lo.bound === "approx" || (lo.bound === "exact" && CONTRACT.has(hi.source) && !CONTRACT.has(lo.source)))
  )
    return true;
  // a tier the order form buys "up to" covers the count the scope states ("up to 12 berths" for eleven)
  if (hi.bound === "max" && hi.source === "order_form" && lo.bound === "exact" && lo.source === "signed_scope")
    return true;
  // an estimate below what the order form buys leaves headroom; only needing more than was bought disagrees
  if (lo.bound === "approx" && hi.bound === "exact" && (hi.source === "order_form" || contracted.has(hi.value)))
    return true;
  if (a.bound === "min" || b.bound === "min") {
    const [min, other] = a.bound === "min" ? [a, b] : [b, a];
    return other.bound === "min" || min.value <= other.value;
  }
  if (a.bound === "approx" || b.bound === "approx")
    return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= tolerance;
  return false;
}

/** Facts about the same thing: the same key, or a dated piece of work and a milestone date naming that work. */
function sameKey(a: Fact, b: Fact): boolean {
  if (a.key === b.key) return true;
  // payment days spelled out in a clause meet a "net 60" only between contract documents
  if (/^payment:(?:net-)?days$/.test(a.key) && /^payment:(?:net-)?days$/.test(b.key))
    return CONTRACT.has(a.source) && CONTRACT.has(b.source);
  // in the contract, a length the clause calls a term meets a length of the same named service ("a 24-month
  // hosting term" and "Folio hosting, 36 months")
  const lengths = [a.key, b.key].sort().join(" ");
  if (lengths === "ctx:month term:month") return CONTRACT.has(a.source) && CONTRACT.has(b.source) && sameContext(a, b);
  return (
    a.kind === "date" && b.kind === "date" && (a.key === "date:item" || b.key === "date:item") && sameContext(a, b)
  );
}

/** An order line: a table row, or a quantity bought at a unit price ("4 @ $9,800.00", "45 × $38"). */
const LINE_ITEM = /\||\d\s*[@×]\s*[$€£₹]/;

const shares = (a: Fact, b: Fact) => [...a.names].some((n) => b.names.has(n));

const ALL_OF = new RegExp(
  String.raw`\b(?:all|total of|entire|whole)\s+(?:of\s+(?:the|their|our|its)\s+)?(${NUM})`,
  "gi",
);
/** "across all nine clinics", "a total of 40 users": a count the clause itself marks as the whole. */
const statedAsWhole = (f: Fact) =>
  f.kind === "count" &&
  [...f.clause.text.matchAll(ALL_OF)].some((m) => (parseNumeral(m[1]) ?? parseNumberWords(m[1])) === f.value);

// the word that says which users a count is of ("120 permit users", "Permit users: about 150")
const USER_QUALIFIER = /\b([A-Za-z][\w-]{2,})\s+(?:users?|seats?|licen[cs]es?|accounts?)\b/i;
const GENERIC_QUALIFIER = /^(?:named|active|total|additional|extra|more|concurrent|all|the|our|their|new|of|for|and)$/i;
function sameQualifier(a: Fact, b: Fact): boolean {
  if (a.key !== "count:user") return false;
  const q = (f: Fact) => USER_QUALIFIER.exec(f.clause.text)?.[1].toLowerCase();
  const [qa, qb] = [q(a), q(b)];
  if (qa !== undefined && qa === qb && !GENERIC_QUALIFIER.test(qa)) return true;
  // (or the one group of people a note counts is the group a line's qualifier names: "all 30 kennel techs get the
  // app" and "kennel user licences 25")
  const of = (x: Fact, y: Fact, qx: string | undefined) =>
    qx !== undefined &&
    !GENERIC_QUALIFIER.test(qx) &&
    !CONTRACT.has(y.source) &&
    y.context.has(stem(qx)) &&
    (y.clause.text.match(/\d[\d,.]*/g) ?? []).length === 1;
  return of(a, b, qa) || of(b, a, qb);
}

const NUMBERED = /\b([A-Z][a-z]{2,})\s+(\d{1,3}[A-Za-z]?)\b/g;
/** "District 5" and "District 2" are different ones: two clauses numbering the same kind of thing must agree. */
function sameNumbered(a: Fact, b: Fact): boolean {
  const of = (f: Fact) => new Map([...f.clause.text.matchAll(NUMBERED)].map((m) => [m[1].toLowerCase(), m[2]]));
  const [x, y] = [of(a), of(b)];
  return [...x].every(([word, n]) => !y.has(word) || y.get(word) === n);
}

// a length and the phase it measures: "a two-week cool-down", "Cool-down (3 weeks, …)", "Discovery: 3 weeks"
// (never the word that places it: "kennels open 3 weeks ahead of Easter" measures no phase "ahead")
const LENGTH_OF = new RegExp(
  String.raw`\b(${NUM})[- ](?:weeks?|wks?|months?|days?)[- ]` +
    String.raw`(?!(?:before|after|prior|ahead|from|into|later|earlier|notice|since|until|beyond|past|back|each|every)\b)` +
    String.raw`([A-Za-z][\w-]{3,})`,
  "gi",
);
const LENGTH_LABEL = new RegExp(
  String.raw`(?:^|[.;|•]\s*)([A-Za-z][\w-]{3,})\s*[(:—–-]\s*(${NUM})\s*(?:weeks?|wks?|months?|days?)\b`,
  "gi",
);
/** The phase a duration fact measures, by its own words, lower-cased without hyphens ("cooldown"), or null. */
function phaseOf(f: Fact): string | null {
  const of = (n: string, word: string) =>
    (parseNumeral(n) ?? parseNumberWords(n)) === f.value
      ? word.toLowerCase().replace(/-/g, "").replace(/s$/, "")
      : null;
  for (const m of f.clause.text.matchAll(LENGTH_OF)) {
    const p = of(m[1], m[2]);
    if (p) return p;
  }
  for (const m of f.clause.text.matchAll(LENGTH_LABEL)) {
    const p = of(m[2], m[1]);
    if (p) return p;
  }
  return null;
}

function samePhase(a: Fact, b: Fact): boolean {
  const phase = phaseOf(a);
  return phase !== null && phase === phaseOf(b);
}

/** Which instance of a key a fact is about: two clauses naming different sites or phases are not comparable. */
function comparable(a: Fact, b: Fact, facts: Fact[]): boolean {
  // (the length of one named phase is its length on both sides: "Discovery (2 weeks)", "Discovery sprint — 3 weeks")
  // (as is one phase's length named by the words that measure it: "a two-week cool-down", "Cool-down (3 weeks)")
  const onePhase =
    a.kind === "duration" && ((a.names.size === 1 && b.names.size === 1 && shares(a, b)) || samePhase(a, b));
  if ((a.key.startsWith("ctx:") || a.key === "date:item" || b.key === "date:item") && !sameContext(a, b) && !onePhase)
    return false;
  // (days counted from the start are compared only for the same work, named without the counting words)
  if (a.kind === "offset" && !(sameContext(a, b, OFFSET_WORDS) && sameNumbered(a, b))) return false;
  if (a.kind === "date" || a.kind === "count") {
    const shared = shares(a, b) || sameQualifier(a, b);
    // a side that states several values for the key needs a shared name to pick the one meant
    // (a count marked as the whole, "all nine clinics", is the one meant beside the parts named elsewhere)
    const several = (y: Fact) =>
      !COMMITMENT.test(y.clause.text) &&
      !statedAsWhole(y) &&
      new Set(facts.filter((f) => f.source === y.source && f.key === y.key).map((f) => f.value)).size > 1;
    // (a dated piece of work is already picked out by the work it names, as is one of several go-lives by the
    // words of its line: "the berth plan running by February 1" and "Berth planning live: 2026-03-02")
    const named = a.key === "date:item" || b.key === "date:item" || (a.kind === "date" && sameContext(a, b));
    if ((several(a) || several(b)) && !shared && !named) {
      // everything live by one date ("all six homes live from 1 October") against a phased plan: the whole is live
      // at the plan's last go-live, so only that one is compared
      if (a.kind === "date") {
        const [whole, phased] =
          several(b) && !several(a) && wholeRollout(a)
            ? [a, b]
            : several(a) && !several(b) && wholeRollout(b)
              ? [b, a]
              : [null, null];
        if (!whole || !phased || !CONTRACT.has(phased.source) || CONTRACT.has(whole.source)) return false;
        const days = facts.filter((f) => f.source === phased.source && f.key === phased.key).map((f) => f.value);
        // (a plan that runs over a year end: its January comes after its November)
        const late = (v: number) => (days.some((d) => d >= 900) && v < 600 ? v + 1200 : v);
        return late(phased.value) === Math.max(...days.map(late));
      }
      // a count split into parts in one line ("40 viewer + 5 creator licences") is compared as its total, and
      // disagrees only where more is needed than the parts buy
      if (a.kind !== "count" || (several(a) && several(b))) return false;
      const [parts, whole] = several(a) ? [a, b] : [b, a];
      const split = facts.filter((f) => f.source === parts.source && f.key === parts.key);
      const total = split.reduce((sum, f) => sum + f.value, 0);
      return split.every((f) => f.clause.start === parts.clause.start) && whole.value > total;
    }
  }
  return true;
}

/** A date for all of it: "all six homes", "every branch", "both DCs", "everyone live by …". */
const WHOLE_ROLLOUT = /\b(?:all|every|both|entire|whole|everyone|everybody|everything|company-wide|group-wide)\b/i;
/** A sales-side date for all of it, in its own words (not one that points at delivery's plan: "everyone live on the
 * planned date for waves A and B, 3 May"). */
const wholeRollout = (f: Fact) =>
  WHOLE_ROLLOUT.test(f.clause.text) &&
  !/\b(?:approved|confirmed|agreed|planned|scheduled|per the)\b/i.test(f.clause.text);

// a commitment made to the customer ("I promised the CFO …", "we quoted …") is a new term, even when the same note
// also repeats the contracted one
const CONCESSION_KEY = /^(?:concession:|discount%$)/;
const COMMITMENT = /\b(?:told|promised|assured|committed|quoted|guaranteed)\b|\bsaid (?:we|yes|it)\b/i;

/** Two sources giving different values for the same fact: a count, a price, a term, a milestone date. */
export const conflictsDetector: Detector = {
  id: "conflicting-terms",
  version: 232,
  category: "conflicting_terms",
  detect(ctx) {
    const facts = factsOf(ctx);
    // an approximate figure backed by a stated tolerance ("within 10%") is allowed that much slack
    const tol = /\bwithin\s*[±+]?\s*(\d+(?:\.\d+)?)\s?%|\btolerance\b/i.exec(ctx.text("signed_scope"));
    const tolerance = tol ? Math.max(0.03, tol[1] ? Number(tol[1]) / 100 : 0.1) : 0.03;
    // a year's price is compared only between two ramps, each pricing more than one year
    const ramp = (source: string) =>
      new Set(facts.filter((f) => f.source === source && f.key.startsWith("money:year-")).map((f) => f.key)).size > 1;
    const flagged = new Map<string, Finding>();
    const stated = new Set<string>();
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const a = facts[i];
        const b = facts[j];
        if (a.source === b.source || !sameKey(a, b) || !comparable(a, b, facts)) continue;
        if (a.key.startsWith("money:year-") && !(ramp(a.source) && ramp(b.source))) continue;
        const contracted = new Set(
          facts
            .filter((f) => f.key === a.key && (f.source === "order_form" || f.source === "signed_scope"))
            .map((f) => f.value),
        );
        // a source that also states the other value somewhere agrees with itself, unless it made a new commitment
        // (where x names what it is about, "OOH live 15 Mar", only a statement about the same named thing counts)
        const restates = (x: Fact, y: Fact) =>
          !COMMITMENT.test(x.clause.text) &&
          facts.some(
            (f) =>
              f.source === x.source &&
              f.key === x.key &&
              (f.key !== "date:item" || sameContext(f, y)) &&
              (f.kind !== "offset" || (sameContext(f, y, OFFSET_WORDS) && sameNumbered(f, y))) &&
              // (a date paired with the other by the work it names is restated only by a date about that work too)
              (f.kind !== "date" || (x.key !== "date:item" && y.key !== "date:item") || sameContext(f, y)) &&
              (f.kind !== "date" || !shares(x, y) || shares(f, y)) &&
              // (a line item's count of a thing the other side names is restated only by a line naming it too: the
              // order form's "RFID reader kit | 121 | bus" does not restate the scope's "GPS units on 121 buses")
              (f.kind !== "count" || !LINE_ITEM.test(x.clause.text) || !shares(x, y) || shares(f, y)) &&
              agree(f, y, tolerance, contracted),
          );
        if (restates(a, b) || restates(b, a)) continue;
        // a note that cites the approval record the order form carries restates it ("Quarterly billing is DD 7781")
        const cited = (x: Fact, y: Fact) =>
          !CONTRACT.has(x.source) && [...recordIds(x.clause.text)].some((r) => recordIds(ctx.text(y.source)).has(r));
        if (a.kind === "cadence" && (cited(a, b) || cited(b, a))) continue;
        // a note that repeats the contract's figure against another note is the contract's side, cited there
        const restatesContract = (x: Fact, y: Fact) =>
          !CONTRACT.has(x.source) &&
          !(x.source === "deal_desk_exception" && x.key.startsWith("concession:")) &&
          !CONTRACT.has(y.source) &&
          facts.some(
            (f) =>
              CONTRACT.has(f.source) && f.key === x.key && f.value === x.value && !agree(f, y, tolerance, contracted),
          );
        // a concession is the deal desk's to approve: the order form's line carrying the approved figure is the same
        // statement, cited at the deal desk ("20% off year-1 subscription" on both)
        const restatesApproval = (x: Fact) =>
          x.source === "order_form" &&
          CONCESSION_KEY.test(x.key) &&
          facts.some((f) => f.source === "deal_desk_exception" && f.key === x.key && f.value === x.value);
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          const k = `${x.source}:${x.clause.start}`;
          if (flagged.has(k)) continue;
          if (restatesContract(x, y)) continue;
          if (restatesApproval(x)) continue;
          // the same figure stated twice in one source is one statement: cite the first
          const again = `${x.source}:${x.key}:${x.value}`;
          if (stated.has(again)) continue;
          stated.add(again);
          flagged.set(k, {
            category: "conflicting_terms",
            severity: "high",
            source: x.source,
            start: x.clause.start,
            end: x.clause.end,
            message:
              `The ${x.source.replace(/_/g, " ")} says ${fmt(x)} but the ${y.source.replace(/_/g, " ")} ` +
              `says ${fmt(y)}: agree one figure before kickoff.`,
            ...(x.kind === "date" &&
            !/term|subscri|renew/.test(x.key) &&
            !CONTRACT.has(x.source) &&
            CONTRACT.has(y.source)
              ? { contradictedDate: true }
              : {}),
          });
        }
      }
    }
    return [...flagged.values(), ...amountConflicts(ctx)];
  },
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function fmt(f: Fact): string {
  const prefix =
    f.bound === "max"
      ? f.kind === "date"
        ? "by "
        : "up to "
      : f.bound === "approx"
        ? "about "
        : f.bound === "min"
          ? "at least "
          : "";
  if (f.kind === "date") {
    const m = MONTHS[Math.floor(f.value / 100) - 1] ?? "";
    return (
      `${f.key.replace("date:", "").replace("golive", "go-live")} ` +
      `${prefix}${f.value % 100 ? `${m} ${f.value % 100}` : m}`
    );
  }
  if (/^payment:(?:net-)?days$/.test(f.key)) return `payment within ${f.value} days`;
  if (f.kind === "offset")
    return `${f.bound === "max" ? "within " : ""}${f.value} days after ${f.key.slice(6).replace("ntp", "NTP")}`;
  if (f.key.startsWith("budget:day:"))
    return `${prefix}${f.value} days at ${Number(f.key.slice("budget:day:".length)).toLocaleString("en-US")} a day`;
  if (f.key.startsWith("rate:hour:"))
    return `${prefix}${f.value.toLocaleString("en-US")} per hour for a ${f.key.slice("rate:hour:".length)}`;
  if (f.kind === "money")
    return `${prefix}${f.value.toLocaleString("en-US")} (${f.key.replace(/^\w+:/, "").replace("hour", "per hour")})`;
  if (f.kind === "percent")
    return f.key === "payment:at-signature%" ? `${f.value}% due at signature` : `${f.value}% discount`;
  if (f.key === "history:from") return `history from ${f.value}`;
  if (f.key.startsWith("concession:")) {
    const length = f.value === 99 ? "through renewal" : `for ${f.value} year${f.value === 1 ? "" : "s"}`;
    return `${f.key.includes("hold") ? "price held" : "discount"} ${length}`;
  }
  if (f.key.startsWith("sla:")) return `${f.key.slice(4).replace(/-p(\d)/, " (P$1)")} in ${f.value} minutes`;
  if (f.kind === "cadence") return `${f.key.replace("cadence:", "")} ${f.value.toLocaleString("en-US")} times a year`;
  const unit = f.key.replace(/^\w+:/, "");
  return `${prefix}${f.value.toLocaleString("en-US")} ${unit}${f.value === 1 ? "" : "s"}`;
}
