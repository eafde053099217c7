import { TEXT_SOURCES, type PacketText, type TextSource } from "../packet";
import { termSet } from "./lexicon";
import { units, type Unit } from "./structure";
import type { Context } from "./types";

export function buildContext(packet: PacketText): Context {
  const cache = new Map<TextSource, Unit[]>();
  const text = (s: TextSource) => packet[s] ?? "";
  let scope: Set<string> | undefined;
  return {
    packet,
    text,
    units(s) {
      if (!cache.has(s)) cache.set(s, units(text(s)));
      return cache.get(s)!;
    },
    get scopeTerms() {
      return (scope ??= termSet(`${text("signed_scope")}\n${text("order_form")}`));
    },
    prior: [],
  };
}

export { TEXT_SOURCES };
