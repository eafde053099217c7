// Makes the cells of a CSV file queryable in DuckDB as one relation: row number, line, one VARCHAR per header
// column. A regular UTF-8 file is read in place by DuckDB's own CSV reader (a view over read_csv: parsing is
// cheap, so each statement re-reads the file rather than copying 100 MB into a table); anything irregular —
// Windows-1252, blank lines or a report footer, ragged rows, text after a closing quote — goes through the
// streaming reader, which quarantines each bad record with its line and writes the good ones to a normalized
// CSV that DuckDB's reader then reads the same way. Everything after staging is one code path over the relation.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm, rmdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { appenderFor } from "../db/tx.server";
import { readRows, type Sniffed } from "./read-csv.server";

export interface Staged {
  /**
   * the view or table holding (rn, line, c0, c1 …): rn numbers the rows in file order (1…n, or the line). Per-row
   * results
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
/** A SQL string literal (quotes doubled), for names of our own and the paths a view must embed. */
export const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A name for the staging objects of one import, in the instance's in-memory catalog rather than the database
 * file: they are dropped after the import, so they need no write-ahead log or checkpoint (DuckDB still spills
 * them to its temp directory past the buffer pool). Objects derived from a stage append a suffix to its name.
 */
export const stageName = (prefix: string) => `memory.main.${prefix}_${randomBytes(6).toString("hex")}`;

/**
 * Files wider than this go through the streaming reader: numbering DuckDB's rows takes a window over every column,
 * and a window holds a block per column (a 3-row file of 1,000 columns runs out of memory). The streaming
 * reader's rows are numbered by their line, with no window.
 */
export const WIDE_COLUMNS = 100;

/** Whether DuckDB's reader may try the file: valid UTF-8 with none of the irregularities the sniffer looks for. */
export const duckdbCanRead = (sniffed: Sniffed) =>
  sniffed.encoding === "utf-8" && sniffed.regular && sniffed.headers.length <= WIDE_COLUMNS;

const MB = 1 << 20;

/**
 * DuckDB's reader in strict mode over a file of our columns (all text but `line`). Its buffers are 8 MB rather
 * than 32 MB (memory); a record longer than the line limit (2 MB unless told) fails strict mode.
 */
const readCsv = (file: string, delimiter: string, columns: [name: string, type: string][], maxRecordBytes = 2 * MB) =>
  `read_csv(${literal(file)}, header = true, all_varchar = false, auto_detect = false, strict_mode = true,
            max_line_size = ${maxRecordBytes}, buffer_size = ${Math.max(8 * MB, 2 * maxRecordBytes)},
            delim = ${literal(delimiter)}, quote = '"', escape = '"',
            columns = {${columns.map(([n, t]) => `'${n}': '${t}'`).join(", ")}})`;

const cellColumns = (width: number): [string, string][] =>
  Array.from({ length: width }, (_, i) => [cellColumn(i), "VARCHAR"]);

/**
 * A view over DuckDB's reader in strict mode, each row numbered in file order, its line looked up from the
 * record starts the sniffing pass found. Nothing is read yet: the first statement over the view reads the file,
 * and fails if strict mode refuses a record; its row count must equal the sniffer's (the caller checks).
 */
export async function viewWithDuckDB(
  conn: DuckDBConnection,
  name: string,
  file: string,
  sniffed: Sniffed,
): Promise<Staged> {
  const lines = `${name}_lines`;
  await conn.run(`CREATE TABLE ${lines} (rn BIGINT, line INTEGER)`);
  const appender = await appenderFor(conn, lines);
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
  // (a view cannot bind parameters: the path and delimiter are quoted literals)
  await conn.run(
    `CREATE VIEW ${name} AS
     SELECT rn, (SELECT list(line ORDER BY rn) FROM ${lines})[rn] AS line, * EXCLUDE (rn)
     FROM (SELECT row_number() OVER () AS rn, * FROM
       ${readCsv(file, sniffed.delimiter, cellColumns(sniffed.headers.length))})`,
  );
  return {
    relation: name,
    rows: sniffed.recordLines.length,
    footer: 0,
    bad: [],
    reader: "duckdb",
    async drop() {
      await conn.run(`DROP VIEW IF EXISTS ${name}`);
      await conn.run(`DROP TABLE IF EXISTS ${lines}`);
    },
  };
}

/** A cell of the normalized file: empty (read as NULL, as DuckDB reads an empty cell anywhere) or quoted. */
const normalCell = (cell: string) => (cell === "" ? "" : `"${cell.replace(/"/g, '""')}"`);

/** A cell of an error file as written before a spreadsheet saw it: the `'` that neutralized `=…` taken off. */
export const unneutralized = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * The streaming reader (csv-parse) for irregular files. Each good record is written to a normalized CSV in `dir`
 * — UTF-8, commas, every cell quoted, its line number first — which DuckDB's reader then reads like a regular
 * file: the same kind of view, the same memory. Records it cannot split into the header's columns are `bad`.
 */
export async function streamToNormalFile(
  conn: DuckDBConnection,
  name: string,
  file: string,
  sniffed: Sniffed,
  dir: string,
  onProgress?: (bytes: number) => void,
  opts: { unneutralize?: boolean } = {},
): Promise<Staged> {
  const cell = opts.unneutralize ? (c: string) => normalCell(unneutralized(c)) : normalCell;
  await mkdir(dir, { recursive: true });
  await removeDeadStaging(dir);
  // named after this process: a file whose process is gone was left by a killed import
  const normal = path.join(dir, `${process.pid}-${name.split(".").pop()}.csv`);
  const out = createWriteStream(normal);
  const drop = async () => {
    await conn.run(`DROP VIEW IF EXISTS ${name}`);
    await rm(normal, { force: true });
    await rmdir(dir).catch(() => undefined); // still used by another import
  };
  const width = sniffed.headers.length;
  const bad: Staged["bad"] = [];
  let rows = 0;
  let footer = 0;
  let longest = 0; // in UTF-16 units: at most 3 bytes each in UTF-8
  try {
    let chunk = `line,${cellColumns(width)
      .map(([c]) => c)
      .join(",")}\n`;
    for await (const ev of readRows(file, sniffed, onProgress)) {
      if (ev.type === "footer") footer++;
      else if (ev.type === "bad") {
        rows++;
        bad.push({ line: ev.line, reason: ev.reason, raw: ev.raw });
      } else {
        rows++;
        const record = `${ev.line},${ev.fields.map(cell).join(",")}\n`;
        longest = Math.max(longest, record.length);
        chunk += record;
        if (chunk.length > 1 << 20) {
          if (!out.write(chunk)) await once(out, "drain");
          chunk = "";
        }
      }
    }
    out.end(chunk);
    await finished(out);
    // each record's line is unique and in file order: a wide file's rows are numbered by it, without a window (a
    // window holds a block per column); others by row_number(), which keeps DuckDB's reader to one ordered pass
    // (numbered by line, the import's peak RSS grows by ~100 MB on a 100 MB file)
    const rn = width > WIDE_COLUMNS ? "line::BIGINT" : "row_number() OVER ()";
    await conn.run(
      `CREATE VIEW ${name} AS SELECT ${rn} AS rn, * FROM ` +
        `${readCsv(normal, ",", [["line", "INTEGER"], ...cellColumns(width)], Math.max(2 * MB, 3 * longest + 1024))}`,
    );
  } catch (e) {
    out.destroy();
    await drop();
    throw e;
  }
  return { relation: name, rows, footer, bad, reader: "stream", drop };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Removes the normalized copies left by imports that were killed (kill -9, a crash, a power cut): each is named
 * after its process, and only a process that no longer runs leaves one behind (DuckDB lets one process hold the
 * database, so no other live process is importing into it). Older unnamed leftovers go too.
 */
export async function removeDeadStaging(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    const m = /^(\d+)-.*\.csv$/.exec(n);
    if (m ? Number(m[1]) !== process.pid && !alive(Number(m[1])) : /^stage_.*\.csv$/.test(n)) {
      await rm(path.join(dir, n), { force: true });
      removed.push(n);
    }
  }
  return removed;
}
