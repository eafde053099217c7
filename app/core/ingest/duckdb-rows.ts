// The importer's edge with DuckDB's client: each value read back is checked once against the type its statement
// promises (INTEGER → number, BIGINT → bigint, VARCHAR → string), so no cast stands in for a check.
import type { DuckDBValue } from "@duckdb/node-api";

const wrongType = (v: DuckDBValue, want: string) =>
  new TypeError(`expected ${want} from DuckDB, got ${typeof v === "object" ? String(v) : typeof v}`);

/** An INTEGER or BIGINT value as a number. */
export function int(v: DuckDBValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  throw wrongType(v, "an integer");
}

/** A VARCHAR value. */
export function text(v: DuckDBValue): string {
  if (typeof v === "string") return v;
  throw wrongType(v, "text");
}

/** A VARCHAR value that may be NULL. */
export const textOrNull = (v: DuckDBValue): string | null => (v === null ? null : text(v));

/**
 * A VARCHAR read behind a `'|'` prefix: DuckDB's client decodes text without keeping a leading U+FEFF, and a cell
 * must come back exactly as written.
 */
export const piped = (v: DuckDBValue): string => text(v).slice(1);

/** The message of anything thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
