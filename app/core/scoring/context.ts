import { TEXT_SOURCES, type PacketText, type TextSource } from "../packet";
import { termSet } from "./lexicon";
import { documentOf } from "./document";
import { memo } from "./memo";
import { sentences } from "./structure";
import { units, type Unit } from "./structure";
import type { Context } from "./types";

const EXCLUDING =
  /\bout[- ]of[- ]scope\b|\bnot (?:in scope|included|part of)\b|\bexclu(?:des?|ded|sions?)\b|\bexcept\b/i;

/**
 * What the scope sells, as terms, and what it explicitly leaves out, clause by clause: an exclusion's words are
 * not scope ("no kiosk app" does not sell a kiosk app).
 */
const soldTerms = memo(64, (scope: string): { sold: Set<string>; clauses: Set<string>[]; excluded: Set<string>[] } => {
  const sold: string[] = [];
  const excluded: Set<string>[] = [];
  for (const b of documentOf(scope).blocks) {
    const out = b.section.kind === "out_of_scope";
    for (const s of sentences(scope, b.start, b.end)) {
      if (out || EXCLUDING.test(s.text)) {
        for (const c of s.text.split(/[;,]|\band\b|\bor\b/)) if (termSet(c).size) excluded.push(termSet(c));
        // the thing a sentence keeps while excluding something else stays sold ("all sites except Leeds")
        if (!out && /\bexcept\b/i.test(s.text)) sold.push(s.text.split(/\bexcept\b/i)[0]);
      } else sold.push(s.text);
    }
  }
  // (a hyphenated word sells its parts too: "a dry-run close" is what "proven in a dry run" asks for)
  const joined = sold.join("\n");
  return {
    sold: termSet(`${joined}\n${joined.includes("-") ? joined.replace(/(?<=\p{L})-(?=\p{L})/gu, " ") : ""}`),
    clauses: sold.map((s) => termSet(s)),
    excluded,
  };
});

/** What the signed scope and the order form sell, each read as a document of its own. */
function soldBoth(scope: string, order: string) {
  const [a, b] = [soldTerms(scope), soldTerms(order)];
  return {
    sold: new Set([...a.sold, ...b.sold]),
    clauses: [...a.clauses, ...b.clauses],
    excluded: [...a.excluded, ...b.excluded],
  };
}

export function buildContext(packet: PacketText): Context {
  const cache = new Map<TextSource, Unit[]>();
  const text = (s: TextSource) => packet[s] ?? "";
  let sold: ReturnType<typeof soldBoth> | undefined;
  const scopeOf = () => (sold ??= soldBoth(text("signed_scope"), text("order_form")));
  let dayFirst: boolean | undefined;
  return {
    packet,
    text,
    units(s) {
      if (!cache.has(s)) cache.set(s, units(text(s)));
      return cache.get(s)!;
    },
    get scopeTerms() {
      return scopeOf().sold;
    },
    get dayFirst() {
      // a packet that writes 27/03/2026 writes every slashed date day first (round-the-clock "24/7" is no date)
      return (dayFirst ??= TEXT_SOURCES.some((s) =>
        /(?<![\d/.])(?!24\/7(?!\d))(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])(?![\d])/.test(text(s)),
      ));
    },
    get excludedTerms() {
      return scopeOf().excluded;
    },
    get soldClauses() {
      return scopeOf().clauses;
    },
    prior: [],
  };
}

export { TEXT_SOURCES };
