import type { Category, FlagSource, PacketText, TextSource } from "../packet";
import type { Unit } from "./structure";

export type Severity = "high" | "medium" | "low";

/** What a detector found: a category and the exact span of the source text that shows it. */
export interface Finding {
  category: Category;
  severity: Severity;
  source: FlagSource;
  /** offsets into the source field, or null for a packet-level finding (e.g. a blank delivery owner) */
  start: number | null;
  end: number | null;
  message: string;
  /** a sales-side date the signed scope or order form contradicts (the conflicts detector's, for the timeline's) */
  contradictedDate?: boolean;
}

/** Pre-computed views of one packet that several detectors share. */
export interface Context {
  packet: PacketText;
  text(source: TextSource): string;
  units(source: TextSource): Unit[];
  /** content terms of what signed_scope and order_form sell (exclusions left out) */
  scopeTerms: Set<string>;
  /** the clauses the scope explicitly excludes, as term sets */
  excludedTerms: Set<string>[];
  /** the sentences the scope sells, as term sets */
  soldClauses: Set<string>[];
  /** does the packet write slashed and dotted dates day first (27/03/2026 somewhere in it)? */
  dayFirst: boolean;
  /** findings of detectors that ran earlier (later detectors avoid double-counting a span) */
  prior: Finding[];
  /** the text fields not written in English (the checks that read only dates read them too, more strictly) */
  foreign?: ReadonlySet<TextSource>;
}

export interface Detector {
  id: string;
  version: number;
  category: Category;
  detect(ctx: Context): Finding[];
}
