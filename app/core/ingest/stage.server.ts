// Makes the cells of a CSV file queryable in DuckDB as one relation: `line` plus one VARCHAR per header column.
// A regular UTF-8 file is read in place by DuckDB's own CSV reader (a view over read_csv: parsing is cheap, so
// each statement re-reads the file rather than copying 100 MB into a table); anything irregular — Windows-1252,
// blank lines or a report footer, ragged rows, stray quotes — goes through the streaming reader into a table,
// quarantining each bad record with its line. Everything after staging is one code path over the relation.
import { randomBytes } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { appendRow, type AppendType } from "../db/tx.server";
import { readRows, type Sniffed } from "./read-csv.server";

export interface Staged {
  /**
   * the view or table holding (rn, line, c0, c1 …): rn numbers the rows 1…n in file order. Per-row results
   * are looked up by rn in a list rather than joined: a join could make DuckDB hash the whole file.
   */
  relation: string;
  /** data rows read (staged or bad) */
  rows: number;
  footer: number;
  /** records the reader could not split into the header's columns */
  bad: { line: number; reason: string; raw: string }[];
  reader: "duckdb" | "stream";
  /** drops what staging created */
  drop(): Promise<void>;
}

export const cellColumn = (i: number) => `c${i}`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function stageFile(
  conn: DuckDBConnection,
  file: string,
  sniffed: Sniffed,
  opts: { prefix: string; onProgress?: (bytes: number) => void; forceStream?: boolean },
): Promise<Staged> {
  const name = `${opts.prefix}_${randomBytes(6).toString("hex")}`;
  if (!opts.forceStream && sniffed.encoding === "utf-8" && sniffed.regular) {
    const staged = await viewWithDuckDB(conn, name, file, sniffed);
    if (staged) return staged;
  }
  return streamIntoTable(conn, name, file, sniffed, opts.onProgress);
}

/**
 * A view over DuckDB's reader in strict mode, each row numbered in file order and joined to the line its
 * record starts on (found by the sniffing pass). Returns null — and leaves nothing behind — when DuckDB
 * refuses the file or splits it into a different number of records than the sniffer saw.
 */
async function viewWithDuckDB(conn: DuckDBConnection, name: string, file: string, sniffed: Sniffed): Promise<Staged | null> {
  const lines = `${name}_lines`;
  const drop = async () => {
    await conn.run(`DROP VIEW IF EXISTS ${name}`);
    await conn.run(`DROP TABLE IF EXISTS ${lines}`);
  };
  await conn.run(`CREATE TABLE ${lines} (rn BIGINT, line INTEGER)`);
  const appender = await conn.createAppender(lines);
  try {
    sniffed.recordLines.forEach((line, i) => {
      appender.appendBigInt(BigInt(i + 1));
      appender.appendInteger(line);
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const columns = sniffed.headers.map((_, i) => `'${cellColumn(i)}': 'VARCHAR'`).join(", ");
  // (a view cannot bind parameters: the path and delimiter are quoted literals)
  await conn.run(
    `CREATE VIEW ${name} AS
     SELECT rn, (SELECT list(line ORDER BY rn) FROM ${lines})[rn] AS line, * EXCLUDE (rn)
     FROM (SELECT row_number() OVER () AS rn, * FROM read_csv(${literal(file)}, header = true, all_varchar = true, auto_detect = false,
             strict_mode = true, delim = ${literal(sniffed.delimiter)}, quote = '"', escape = '"', columns = {${columns}}))`,
  );
  try {
    const all = sniffed.headers.map((_, i) => `coalesce(length(${cellColumn(i)}), 0)`).join(" + ");
    const r = (await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n, sum(${all})::BIGINT AS chars FROM ${name}`)).getRowObjectsJS()[0];
    if (Number(r.n) === sniffed.recordLines.length) return { relation: name, rows: Number(r.n), footer: 0, bad: [], reader: "duckdb", drop };
  } catch {
    // strict mode refused a record: the streaming reader will say which and why
  }
  await drop();
  return null;
}

async function streamIntoTable(conn: DuckDBConnection, name: string, file: string, sniffed: Sniffed, onProgress?: (bytes: number) => void): Promise<Staged> {
  const cells = sniffed.headers.map((_, i) => cellColumn(i));
  await conn.run(`CREATE TABLE ${name} (rn BIGINT, line INTEGER, ${cells.map((c) => `${c} VARCHAR`).join(", ")})`);
  const drop = async () => void (await conn.run(`DROP TABLE IF EXISTS ${name}`));
  const appender = await conn.createAppender(name);
  const types: AppendType[] = ["integer", "integer", ...cells.map(() => "varchar" as const)];
  const bad: Staged["bad"] = [];
  let rows = 0;
  let staged = 0;
  let footer = 0;
  try {
    for await (const ev of readRows(file, sniffed, onProgress)) {
      if (ev.type === "footer") footer++;
      else if (ev.type === "bad") rows++, bad.push({ line: ev.line, reason: ev.reason, raw: ev.raw });
      else {
        rows++;
        appendRow(appender, types, [++staged, ev.line, ...ev.fields]);
        // flushing now and then moves staged rows into DuckDB's bounded buffer pool (memory stays flat)
        if (rows % 20000 === 0) appender.flushSync();
      }
    }
    appender.flushSync();
  } catch (e) {
    appender.closeSync();
    await drop();
    throw e;
  }
  appender.closeSync();
  return { relation: name, rows, footer, bad, reader: "stream", drop };
}
