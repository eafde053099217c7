// Typed cells (dates, amounts, numbers, timestamps) are parsed by values.ts, each distinct cell once, into a
// lookup table the SQL checks join: SQL and JavaScript read a cell the same way.
import type { DuckDBConnection } from "@duckdb/node-api";
import { appendRows } from "../db/tx.server";
import { piped, text } from "./duckdb-rows";
import { cellColumn, literal } from "./stage.server";
import { dayOrderOf, parseAmount, parseDate, parseNumber, parseTimestamp, ValueError, type DayOrder } from "./values";

export type Parser = "date" | "amount" | "number" | "timestamp";

/** A typed column: how it is parsed, and whether an unreadable cell sinks its row (required) or warns (optional). */
export interface Typed {
  parser: Parser;
  required?: boolean;
}

/**
 * Parses each distinct typed cell once with values.ts into a lookup table (value, currency, error). Numeric dates
 * whose day and month could swap are read as the file's own values show: a column with a day over 12 in first place
 * (and no month over 12 there) is read day first; a date column whose values do not tell follows the file's other
 * date columns, else month first.
 */
export async function parseDistinct(
  conn: DuckDBConnection,
  stage: string,
  dict: string,
  typed: Record<string, Typed>,
  idx: Record<string, number>,
): Promise<void> {
  await conn.run(`CREATE TABLE ${dict} (col VARCHAR, raw VARCHAR, value VARCHAR, currency VARCHAR, error VARCHAR)`);
  const present = Object.keys(typed).filter((c) => idx[c] !== undefined);
  if (!present.length) return;
  // one pass over the file for every typed column, each cell read behind a '|' (see piped)
  const distinct = await conn.runAndReadAll(
    `SELECT DISTINCT col, '|' || raw FROM (SELECT unnest([${present.map((c) => literal(c)).join(", ")}]) AS col,
       unnest([${present.map((c) => cellColumn(idx[c])).join(", ")}]) AS raw FROM ${stage})
     WHERE raw IS NOT NULL`,
  );
  const cells = distinct.getRows().map(([column, cell]) => [text(column), piped(cell)] as const);
  const isDate = (c: string) => typed[c].parser === "date" || typed[c].parser === "timestamp";
  const order = new Map<string, DayOrder | null>();
  for (const c of present.filter(isDate))
    order.set(c, dayOrderOf(cells.filter(([col]) => col === c).map(([, raw]) => raw)));
  const fileOrder = dayOrderOf(cells.filter(([col]) => order.has(col)).map(([, raw]) => raw)) ?? undefined;
  const parsed = cells.map(([column, raw]) => [
    column,
    raw,
    ...parseCell(typed[column].parser, column, raw, order.get(column) ?? fileOrder),
  ]);
  await appendRows(conn, dict, ["varchar", "varchar", "varchar", "varchar", "varchar"], parsed);
}

/** One typed cell through values.ts: [value as text, currency, error message]. */
function parseCell(
  parser: Parser,
  column: string,
  raw: string,
  order?: DayOrder,
): [string | null, string | null, string | null] {
  try {
    if (parser === "date") return [parseDate(raw, { order }), null, null];
    if (parser === "timestamp") return [parseTimestamp(raw, { order })?.toISOString() ?? null, null, null];
    if (parser === "number") return [parseNumber(raw, column)?.toString() ?? null, null, null];
    const a = parseAmount(raw);
    return [a ? String(a.value) : null, a?.currency ?? null, null];
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    // parseNumber names its column itself
    return [null, null, parser === "number" ? e.message : `${column}: ${e.message}`];
  }
}
