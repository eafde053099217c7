// One packet's deterministic result, as the run stores it: what the worker threads send back, and what the main
// thread computes itself when scoring in-process.
import type { PacketText, TextSource } from "../packet";
import { scorePacket, type CitationFailure, type ScoredFlag } from "./score";

export type PacketResult =
  { flags: ScoredFlag[]; dropped: CitationFailure[]; skipped: Partial<Record<TextSource, string>> } | { error: string };

/** What a failed packet records: the error and where it was thrown (three lines of the stack). */
export function errorText(e: unknown): string {
  return String((e as Error)?.stack ?? e)
    .split("\n")
    .slice(0, 3)
    .join(" | ");
}

/** Scores one packet; a packet that throws is an error result, never a thrown run. */
export function scoreOrError(packet: PacketText): PacketResult {
  try {
    return scorePacket(packet);
  } catch (e) {
    return { error: errorText(e) };
  }
}
