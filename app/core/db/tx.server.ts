import { sql, type Kysely } from "kysely";
import { timestampValue, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import type { OpenDatabase } from "./db.server";
import type { Database } from "./schema";

export type Tx = Kysely<Database>;

/**
 * Runs fn inside one transaction on the single DuckDB connection. The Kysely driver's mutex is
 * held for the whole call, so raw connection work (the Appender) inside fn cannot interleave.
 * A commit makes cached pages stale (open.generation), unless the transaction only logs what no cached page
 * shows (`auditOnly`: sign-ins), so a morning of sign-ins does not recompute every dashboard.
 */
export async function inTransaction<T>(
  open: OpenDatabase,
  fn: (tx: Tx, conn: DuckDBConnection) => Promise<T>,
  opts: { auditOnly?: boolean } = {},
): Promise<T> {
  return open.db.connection().execute(async (k) => {
    await sql`BEGIN TRANSACTION`.execute(k);
    try {
      const result = await fn(k, open.conn);
      await sql`COMMIT`.execute(k);
      if (!opts.auditOnly) open.generation++;
      return result;
    } catch (e) {
      await sql`ROLLBACK`.execute(k).catch(() => undefined);
      throw e;
    }
  });
}

export type AppendType = "varchar" | "double" | "integer" | "boolean" | "timestamp";

/** Appends one row to an open Appender. */
export function appendRow(appender: DuckDBAppender, types: AppendType[], row: unknown[]): void {
  for (let i = 0; i < types.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) appender.appendNull();
    else if (types[i] === "varchar") appender.appendVarchar(String(v));
    else if (types[i] === "double") appender.appendDouble(Number(v));
    else if (types[i] === "integer") appender.appendInteger(Number(v));
    else if (types[i] === "boolean") appender.appendBoolean(Boolean(v));
    else appender.appendTimestamp(timestampValue(BigInt((v as Date).getTime()) * 1000n));
  }
  appender.endRow();
}

/** An appender to `table`, `schema.table` or `catalog.schema.table` (names of our own, unquoted). */
export function appenderFor(conn: DuckDBConnection, table: string) {
  const parts = table.split(".");
  const [name, schema, catalog] = [parts.pop()!, parts.pop(), parts.pop()];
  return conn.createAppender(name, schema, catalog);
}

/** Bulk-appends rows through DuckDB's Appender (much faster than INSERT for large imports). */
export async function appendRows(
  conn: DuckDBConnection,
  table: string,
  types: AppendType[],
  rows: Iterable<unknown[]>,
): Promise<number> {
  const appender = await appenderFor(conn, table);
  let n = 0;
  try {
    for (const row of rows) {
      appendRow(appender, types, row);
      n++;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return n;
}
