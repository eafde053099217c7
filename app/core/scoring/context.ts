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

export function buildContext(packet: PacketText): Context {
  const cache = new Map<TextSource, Unit[]>();
  const text = (s: TextSource) => packet[s] ?? "";
  let scope: Set<string> | undefined;
  let dayFirst: boolean | undefined;
  return {
    packet,
    text,
    units(s) {
      if (!cache.has(s)) cache.set(s, units(text(s)));
      return cache.get(s)!;
    },
    get scopeTerms() {
      return (scope ??= soldTerms(`${text("signed_scope")}\n${text("order_form")}`).sold);
    },
    get dayFirst() {
      // a packet that writes 27/03/2026 writes every slashed date day first (round-the-clock "24/7" is no date)
      return (dayFirst ??= TEXT_SOURCES.some((s) =>
        /(?<![\d/.])(?!24\/7(?!\d))(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])(?![\d])/.test(text(s)),
      ));
    },
    get excludedTerms() {
      return soldTerms(`${text("signed_scope")}\n${text("order_form")}`).excluded;
    },
    get soldClauses() {
      return soldTerms(`${text("signed_scope")}\n${text("order_form")}`).clauses;
    },
    prior: [],
  };
}

export { TEXT_SOURCES };
