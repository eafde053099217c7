// What the scorer could and could not check on one packet, so a packet without flags is never mistaken for a clean
// one: each text part read, blank, too thin to check, or not in English (its text checks skipped).
import { z } from "zod";
import { SOURCE_LABELS, TEXT_SOURCES, type TextSource } from "../packet";

/** packets.text_checks: what the scorer skipped per part (a language it does not read), as stored (JSON). */
const TextChecks = z.record(z.string(), z.string());

export type PartState = "read" | "blank" | "thin" | "not_english" | "hidden";

export interface PartCoverage {
  source: TextSource;
  label: string;
  state: PartState;
  note: string;
}

export interface PacketCoverage {
  /** scored | failed | not_scored (source not approved, or not scored yet) */
  status: "scored" | "failed" | "not_scored";
  summary: string;
  parts: PartCoverage[];
}

/** Fewer words than this is too little text for the wording checks to mean anything. */
export const THIN_WORDS = 6;

const LANGUAGES: Record<string, string> = {
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  nl: "Dutch",
  pt: "Portuguese",
  sv: "Swedish",
  da: "Danish",
  no: "Norwegian",
  fi: "Finnish",
  pl: "Polish",
};

/** Pure: the coverage of one packet from its stored text, scoring status and text_checks (migration 0010). */
export function packetCoverage(
  p: Partial<Record<TextSource, string | null>> & {
    score_status: string | null;
    approved_source: boolean | null;
    text_checks: string | null;
  },
  hidden: ReadonlySet<string> = new Set(),
): PacketCoverage {
  let languages: Record<string, string> = {};
  try {
    languages = p.text_checks ? TextChecks.parse(JSON.parse(p.text_checks)) : {};
  } catch {
    languages = {};
  }
  const parts = TEXT_SOURCES.map((source): PartCoverage => {
    const label = SOURCE_LABELS[source];
    if (hidden.has(source)) return { source, label, state: "hidden", note: "hidden for your role" };
    const text = (p[source] ?? "").trim();
    const none = /^(none|n\/a|na)$/i.test(text);
    if (!text || (none && source !== "deal_desk_exception"))
      return { source, label, state: "blank", note: "blank: nothing to check" };
    if (languages[source])
      return {
        source,
        label,
        state: "not_english",
        note:
          `in ${LANGUAGES[languages[source]] ?? languages[source]}: wording checks ` +
          `skipped but for vague wording; numbers, dates, amounts and owners checked`,
      };
    const words = text.split(/\s+/).filter(Boolean).length;
    if (words < THIN_WORDS && !(none && source === "deal_desk_exception"))
      return { source, label, state: "thin", note: `only ${words} word${words === 1 ? "" : "s"}: too little to check` };
    return { source, label, state: "read", note: "read by every check" };
  });
  const status = p.score_status === "scored" ? "scored" : p.score_status === "failed" ? "failed" : "not_scored";
  const gaps = parts.filter((x) => x.state === "blank" || x.state === "thin" || x.state === "not_english").length;
  const summary =
    status === "failed"
      ? "Scoring failed on this packet: its flags may be missing. Run scoring again from Runs."
      : status === "not_scored"
        ? p.approved_source === false
          ? "Not scored: its source system is not approved (Settings), so no check ran."
          : "Not scored yet: no check has run on this packet."
        : gaps
          ? `Scored, but ${gaps} of ${parts.length} parts could not be fully checked: ` +
            `no flag there does not mean no gap.`
          : "Scored: every part was read by every check.";
  return { status, summary, parts };
}
