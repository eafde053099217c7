// The first phase of an import: which header feeds which column — a hand mapping (remembered for the source and
// header set), else the one remembered, else the automatic one — and a refusal naming what a file lacks.
import path from "node:path";
import type { OpenDatabase } from "../db/db.server";
import { COLUMNS, errorColumnsOf, mapHeaders, MappingError, type HeaderMapping, type ImportKind } from "./columns";
import type { ImportSummary } from "./import-summary";
import { rememberedMapping } from "./mappings.server";
import { ImportRefused, type Sniffed } from "./read-csv.server";

export interface ResolvedMapping {
  mapping: HeaderMapping;
  from: ImportSummary["mapping"];
  /** the hand mapping given (remembered once the import is stored) */
  hand: Record<string, string>;
  /** an error file's line and reason columns: neither mapped nor kept */
  ignored: Set<number>;
  /** the file's headers without those two: the header set a mapping is remembered for */
  ownHeaders: string[];
  /** column -> header as used (without a BOM) */
  headerMap: Record<string, string>;
}

/** The mapping an import of `file` uses; ImportRefused when no header maps to a required column. */
export async function resolveMapping(
  open: OpenDatabase,
  kind: ImportKind,
  source: string,
  sniffed: Sniffed,
  file: string,
  hand: Record<string, string> = {},
): Promise<ResolvedMapping> {
  // an error file of ours, fixed and uploaded again: its line and reason columns are ignored
  const ignored = errorColumnsOf(sniffed.headers);
  const headers = sniffed.headers.map((h, i) => (ignored.has(i) ? "" : h));
  const ownHeaders = sniffed.headers.filter((_, i) => !ignored.has(i));
  // a hand mapping is used (and remembered for this source and header set); without one, the remembered one
  let from: ImportSummary["mapping"] = Object.keys(hand).length ? "by hand" : "automatic";
  let mapping: HeaderMapping;
  const remembered = from === "automatic" ? await rememberedMapping(open.db, kind, source, ownHeaders) : null;
  if (remembered) {
    try {
      mapping = mapHeaders(kind, headers, remembered.mapping);
      from = "remembered";
    } catch (e) {
      // a remembered mapping the columns no longer accept is passed over, never an error
      if (!(e instanceof MappingError)) throw e;
      mapping = mapHeaders(kind, headers);
    }
  } else mapping = mapHeaders(kind, headers, hand);
  if (mapping.missingRequired.length) {
    throw new ImportRefused(
      `cannot import ${path.basename(file)} as ${kind}: no header maps ` +
        `to the required column(s) ${mapping.missingRequired.join(", ")}. ` +
        `Headers found: ${ownHeaders.join(", ")}. Columns expected: ` +
        `${COLUMNS[kind].map((c) => c.name + (c.required ? " (required)" : "")).join(", ")}. ` +
        `Map one by hand with --map ${mapping.missingRequired[0]}=HEADER.`,
    );
  }
  const headerMap = Object.fromEntries(
    Object.entries(mapping.columns).map(([c, i]) => [c, sniffed.headers[i].replace(/^\uFEFF/, "")]),
  );
  return { mapping, from, hand, ignored, ownHeaders, headerMap };
}
