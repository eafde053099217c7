import { hash } from "node:crypto";
import { TEXT_SOURCES, type FlagSource, type PacketText, type TextSource } from "../packet";
import { detectLanguage, languageName } from "./language";
import { buildContext } from "./context";
import { acceptanceDetector } from "./detectors/acceptance";
import { ambiguityDetector } from "./detectors/ambiguity";
import { conflictsDetector } from "./detectors/conflicts";
import { exceptionsDetector } from "./detectors/exceptions";
import { promisesDetector } from "./detectors/promises";
import { timelineDetector } from "./detectors/timeline";
import { unownedDetector } from "./detectors/unowned";
import type { Detector, Finding } from "./types";

/** Detectors in the order they run: later ones see earlier findings (promises skip conflicts and concessions). */
export const DETECTORS: Detector[] = [
  unownedDetector,
  conflictsDetector,
  exceptionsDetector,
  timelineDetector,
  acceptanceDetector,
  ambiguityDetector,
  promisesDetector,
];

/** "id@version" of every detector, joined: part of the key that decides whether a packet needs rescoring. */
export const DETECTOR_VERSIONS = DETECTORS.map((d) => `${d.id}@${d.version}`).join(",");

export interface ScoredFlag extends Finding {
  flag_id: string;
  deal_id: string;
  evidence: string;
  detector: string;
}

export interface CitationFailure {
  deal_id: string;
  detector: string;
  source: FlagSource;
  start: number | null;
  end: number | null;
  reason: string;
}

export function sourceText(packet: PacketText, source: FlagSource): string {
  return (source === "amount" ? packet.amount_text : packet[source]) ?? "";
}

/** Stable id: the same finding on the same text gets the same id on every run (offsets may shift). */
export function flagId(dealId: string, category: string, source: string, evidence: string, occurrence: number): string {
  // one-shot hash: the same digest as createHash().update().digest(), without a Hash object per flag
  return hash("sha256", [dealId, category, source, evidence, occurrence].join("\u001f"), "hex").slice(0, 20);
}

/**
 * The citation gate: a finding's evidence must be exactly source[start:end] (non-empty), or a packet-level
 * finding with no span. Returns the reason a finding fails, or null.
 */
export function citationProblem(
  packet: PacketText,
  f: Pick<Finding, "source" | "start" | "end">,
  evidence?: string,
): string | null {
  const text = sourceText(packet, f.source);
  if (f.start === null || f.end === null)
    return f.start === f.end ? (evidence ? "packet-level finding carries evidence" : null) : "only one offset given";
  if (!Number.isInteger(f.start) || !Number.isInteger(f.end) || f.start < 0 || f.end <= f.start || f.end > text.length)
    return `span ${f.start}..${f.end} is outside the ${f.source} field`;
  if (evidence !== undefined && text.slice(f.start, f.end) !== evidence) return "evidence is not the text at the span";
  if (!text.slice(f.start, f.end).trim()) return "span is blank";
  return null;
}

/** Runs every detector on one packet; findings that fail the citation gate are returned separately. */
/**
 * Detectors that read numbers, dates, amounts, owners, vague wording and acceptance, whatever the language of the
 * text (vague wording in the languages packets mix in: "según necesidad", "bei Bedarf", "etc."; the document model
 * reads "Livrables", "Recette", "Abnahme" and "items 1 à 3").
 */
const LANGUAGE_INDEPENDENT = new Set([
  "conflicting-terms",
  "unowned-requirement",
  "ambiguous-deliverable",
  "missing-acceptance",
]);
/** Dates are read in any language; the timeline check keeps to deadlines said as such there (timeline.ts). */
const DATES_ABROAD = "timeline-assumption";

/** Text fields not in English: the text checks skip them, the packet says so. */
export function otherLanguages(packet: PacketText): Partial<Record<TextSource, string>> {
  const out: Partial<Record<TextSource, string>> = {};
  for (const s of TEXT_SOURCES) {
    const lang = detectLanguage(packet[s] ?? "");
    if (lang && lang !== "en") out[s] = lang;
  }
  return out;
}

export function scorePacket(
  packet: PacketText,
  detectors: Detector[] = DETECTORS,
): { flags: ScoredFlag[]; dropped: CitationFailure[]; skipped: Partial<Record<TextSource, string>> } {
  const skipped = otherLanguages(packet);
  const ctx = buildContext(packet);
  // the text checks see only the English fields (a blank field yields no finding, so offsets stay exact)
  ctx.foreign = new Set(Object.keys(skipped) as TextSource[]);
  const english = Object.keys(skipped).length
    ? buildContext({ ...packet, ...Object.fromEntries(Object.keys(skipped).map((s) => [s, ""])) })
    : ctx;
  const note = Object.keys(skipped).length
    ? ` (Text checks did not run on ${Object.entries(skipped)
        .map(([s, l]) => `the ${s.replace(/_/g, " ")} (${languageName(l!)})`)
        .join(", ")}: only numbers, dates, amounts, owners, vague wording and acceptance were checked there.)`
    : "";
  const flags: ScoredFlag[] = [];
  const dropped: CitationFailure[] = [];
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  for (const d of detectors) {
    const view = LANGUAGE_INDEPENDENT.has(d.id) || d.id === DATES_ABROAD ? ctx : english;
    view.prior = ctx.prior;
    const found = d.detect(view).map((f) => (note ? { ...f, message: f.message + note } : f));
    for (const f of found) {
      const problem = citationProblem(packet, f);
      if (problem) {
        dropped.push({
          deal_id: packet.deal_id,
          detector: `${d.id}@${d.version}`,
          source: f.source,
          start: f.start,
          end: f.end,
          reason: problem,
        });
        continue;
      }
      const evidence = f.start === null || f.end === null ? "" : sourceText(packet, f.source).slice(f.start, f.end);
      const base = `${f.category}|${f.source}|${evidence}`;
      const spanKey = `${base}|${f.start}`;
      if (seen.has(spanKey)) continue;
      const occurrence = occurrences.get(base) ?? 0;
      occurrences.set(base, occurrence + 1);
      seen.add(spanKey);
      flags.push({
        ...f,
        deal_id: packet.deal_id,
        evidence,
        detector: `${d.id}@${d.version}`,
        flag_id: flagId(packet.deal_id, f.category, f.source, evidence, occurrence),
      });
    }
    ctx.prior.push(...found);
  }
  return { flags, dropped, skipped };
}
