// The validation phase of an import: one narrow pass over the staged rows gives each row its key, content hash,
// parsed typed values, warnings and first failing check; then one verdict per bad row (its check, or a key used
// earlier in the file), the quarantined rows' cells, and views of the rows to store.
import type { DuckDBConnection } from "@duckdb/node-api";
import { COLUMNS, type ImportKind } from "./columns";
import { int, messageOf, piped, text } from "./duckdb-rows";
import { WARNINGS_SAMPLE, type QuarantinedRow, type WarningCounts } from "./import-summary";
import type { Cells, KindPlan } from "./kind-plans.server";
import type { Sniffed } from "./read-csv.server";
import { cellColumn, duckdbCanRead, literal, stageName, viewWithDuckDB, type Staged } from "./stage.server";
import { parseDistinct } from "./typed-cells.server";

export interface CheckContext {
  conn: DuckDBConnection;
  file: string;
  sniffed: Sniffed;
  plan: KindPlan;
  idx: Record<string, number>;
  kind: ImportKind;
  /** an error file's line and reason columns: neither mapped nor kept */
  ignored: Set<number>;
}

/** A staged file after its checks: the rows to store (a view), the quarantined ones, and how to clean up. */
export interface Checked {
  staged: Staged;
  rowsView: string;
  /** the rows to store, narrow: (line, row_key, content_hash) of versioned kinds, from the first pass */
  narrow: string;
  /** the cells of rows by line, as CSV in the file's delimiter (what the error files write back) */
  records(lines: number[]): Promise<Map<number, string>>;
  quarantine: QuarantinedRow[];
  /** warnings of the rows to store: a table (line, column_name, raw, reason) and their counts */
  warnings: {
    relation: string;
    total: number;
    summary: WarningCounts;
  };
  /** rows the checks saw (DuckDB's reader must see as many as the sniffer) */
  seen: number;
  drop(): Promise<void>;
}

/**
 * DuckDB's reader, when the file is regular: null (nothing left behind) when it is not, when strict mode refuses a
 * record, or when DuckDB splits the file into a different number of rows than the sniffer did.
 */
export async function checkWithDuckDB(ctx: CheckContext, refuse: boolean): Promise<Checked | null> {
  if (refuse || !duckdbCanRead(ctx.sniffed)) return null;
  const staged = await viewWithDuckDB(ctx.conn, stageName(`stage_${ctx.kind}`), ctx.file, ctx.sniffed);
  let checked: Checked | undefined;
  try {
    checked = await checkRows(ctx, staged);
    if (checked.seen === staged.rows) return checked;
  } catch (e) {
    // strict mode refused a record: the streaming reader will say which and why
    if (!/CSV|csv/.test(messageOf(e))) throw e;
  }
  await (checked ?? staged).drop();
  return null;
}

/**
 * The first pass over a staged file, narrow: each row's key, content hash, kept extra columns and first failing
 * check (typed cells come from a dictionary of parsed values); then one verdict per bad row and a view of the rows
 * to store.
 */
export async function checkRows(ctx: CheckContext, staged: Staged): Promise<Checked> {
  const { conn, plan, idx, sniffed } = ctx;
  const stage = staged.relation;
  const [first, dict, keys, verdict, rowsView, warn, narrow] = [
    `${stage}_first`,
    `${stage}_dict`,
    `${stage}_keys`,
    `${stage}_verdict`,
    `${stage}_rows`,
    `${stage}_warn`,
    `${stage}_narrow`,
  ];
  const drop = async () => {
    await conn.run(`DROP VIEW IF EXISTS ${rowsView}`);
    await conn.run(`DROP VIEW IF EXISTS ${narrow}`);
    for (const t of [warn, verdict, keys, dict, first]) await conn.run(`DROP TABLE IF EXISTS ${t}`);
    await staged.drop();
  };
  try {
    // The first pass reads the file once, with no join: row number and line, the version columns (extra columns as
    // JSON, the content hash) and the few cells the checks, the key and the typed values read. Every later step
    // works on this narrow table (a join carrying the file's text would cost CPU, and each operator between the
    // reader and a table holds a chunk of 32 KB per column: a 1,000-column file would outgrow the pool).
    const version = plan.versioned
      ? versionColumns(ctx.kind, sniffed.headers, idx, ctx.ignored)
      : { sql: [], params: [] };
    const reads = [
      ...new Set([...plan.reads, ...Object.keys(plan.typed)].filter((c) => idx[c] !== undefined).map((c) => idx[c])),
    ];
    await conn.run(
      `CREATE TABLE ${first} AS SELECT ` +
        `${["s.rn", "s.line", ...version.sql, ...reads.map((i) => `s.${cellColumn(i)}`)].join(", ")} FROM ${stage} s`,
      version.params,
    );
    await parseDistinct(conn, first, dict, plan.typed, idx);
    const alias = (column: string) => `d_${column}`;
    const cells: Cells = {
      raw: (c) => (idx[c] === undefined ? "NULL" : `s.${cellColumn(idx[c])}`),
      trimmed: (c) => `js_trim(${cells.raw(c)})`,
      blank: (c) => `is_blank(${cells.raw(c)})`,
      // a typed column the file does not have is NULL, with no join (a join on NULL would carry every column of the
      // file through a nested loop: a wide file runs out of memory)
      parsed: (c) => (idx[c] === undefined ? "NULL" : `${alias(c)}.value`),
      currency: (c) => (idx[c] === undefined ? "NULL" : `${alias(c)}.currency`),
      error: (c) => (idx[c] === undefined ? "NULL" : `${alias(c)}.error`),
    };
    const joins = Object.keys(plan.typed)
      .filter((c) => idx[c] !== undefined)
      .map(
        (c) => `LEFT JOIN ${dict} ${alias(c)} ON ${alias(c)}.col = ${literal(c)} AND ${alias(c)}.raw = ${cells.raw(c)}`,
      )
      .join("\n");
    // an optional typed cell that does not parse warns (its row is stored with the field empty, the text kept)
    const optional = Object.keys(plan.typed).filter((c) => !plan.typed[c].required && idx[c] !== undefined);
    const warningList = optional.length
      ? `CASE WHEN ${optional.map((c) => `${cells.error(c)} IS NOT NULL`).join(" OR ")}
         THEN list_filter([${optional
           .map(
             (c) => `{'column_name': ${literal(c)}, 'raw': ${cells.raw(c)},
           'reason': ${cells.error(c)}}`,
           )
           .join(", ")}], w -> w.reason IS NOT NULL) END`
      : `NULL::STRUCT(column_name VARCHAR, raw VARCHAR, reason VARCHAR)[]`;
    // each row's key, first failing check, warnings and parsed typed values (v_<column>, cur_<column>)
    const typedPresent = Object.keys(plan.typed).filter((c) => idx[c] !== undefined);
    await conn.run(
      `CREATE TABLE ${keys} AS
       SELECT s.rn, s.line, ${plan.versioned ? "s.extra, s.content_hash," : ""} ${plan.key.sql(cells)} AS row_key,
         ${warningList} AS warnings,
              ${typedPresent.map((c) => `${cells.parsed(c)} AS v_${c}, ${cells.currency(c)} AS cur_${c},`).join(" ")}
              CASE ${plan
                .checks(cells)
                .map(([when, why]) => `WHEN ${when} THEN ${why}`)
                .join(" ")} END AS reason
       FROM ${first} s ${joins}`,
    );
    // (its columns live on in the keys table: freed before the store reads the file again)
    await conn.run(`DROP TABLE ${first}`);
    // one verdict per bad row: its first failing check, or a key already used earlier in the file
    await conn.run(
      `CREATE TABLE ${verdict} AS
       SELECT line, reason FROM ${keys} WHERE reason IS NOT NULL
       UNION ALL
       SELECT line, 'duplicate ${plan.key.label} ' || row_key || ' within the file (first on line ' || first || ')'
       FROM (SELECT line, row_key, min(line) OVER (PARTITION BY row_key) AS first FROM ${keys} WHERE reason IS NULL)
       WHERE line <> first`,
    );
    // a staged row's cells written back as CSV in the file's delimiter (bound as $1): what the error files hold
    const record = `concat_ws($1, ${sniffed.headers.map((_, i) => `csv_cell(s.${cellColumn(i)}, $1)`).join(", ")})`;
    // the cells of rows by line, each read behind a '|' (see piped)
    const records = async (lines: number[]) =>
      new Map(
        lines.length
          ? (
              await conn.runAndReadAll(
                `SELECT line, '|' || ${record} FROM ${stage} s ` +
                  `WHERE line IN (SELECT unnest([${lines.map((l) => Math.trunc(l)).join(", ")}]))`,
                [sniffed.delimiter],
              )
            )
              .getRows()
              .map(([line, raw]) => [int(line), piped(raw)] as const)
          : [],
      );
    const warnings = await collectWarnings(conn, { stage, keys, verdict, warn, record, delimiter: sniffed.delimiter });
    // the rows to store: the file's cells joined by row number with the narrow first-pass results as the build
    // side (a LEFT JOIN, whose sides the optimizer never swaps: an inner join may hash the whole file), so the hash
    // table holds a few dozen bytes a row — and spills, like everything else, past the buffer pool. Typed values
    // come parsed from it.
    // unparsed: the text of the row's optional cells that did not parse, as JSON (column -> text), else NULL
    const stored: Cells = {
      ...cells,
      parsed: (c) => (idx[c] === undefined ? "NULL" : `k.v_${c}`),
      currency: (c) => (idx[c] === undefined ? "NULL" : `k.cur_${c}`),
    };
    await conn.run(
      `CREATE VIEW ${rowsView} AS
       SELECT s.line, ${plan.versioned ? "k.content_hash, k.extra, k.unparsed," : ""}
              ${plan
                .values(stored)
                .map(([n, x]) => `${x} AS ${n}`)
                .join(", ")}
       FROM ${stage} s LEFT JOIN (
         SELECT rn, line, ${plan.versioned ? "content_hash, extra," : ""}
                ${typedPresent.map((c) => `v_${c}, cur_${c},`).join(" ")}
                CASE WHEN warnings IS NOT NULL THEN to_json(map_from_entries(list_transform(warnings, w -> {'k':
                  w.column_name, 'v': w.raw})))::VARCHAR END AS unparsed
         FROM ${keys}) k ON k.rn = s.rn
       WHERE s.line NOT IN (SELECT line FROM ${verdict})`,
    );
    // the same rows, narrow (no second read of the file): what counting changes and versioning need
    await conn.run(
      plan.versioned
        ? `CREATE VIEW ${narrow} AS SELECT line, row_key, content_hash FROM ${keys} ` +
            `WHERE line NOT IN (SELECT line FROM ${verdict})`
        : `CREATE VIEW ${narrow} AS SELECT line FROM ${keys} WHERE line NOT IN (SELECT line FROM ${verdict})`,
    );
    const seen = int((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${keys}`)).getRows()[0][0]);
    // each bad row's cells written back as CSV
    const quarantine = [...staged.bad, ...(await quarantinedRows(conn, verdict, stage, record, sniffed.delimiter))];
    return { staged, rowsView, narrow, records, quarantine, warnings, seen, drop };
  } catch (e) {
    await drop().catch(() => undefined);
    throw e;
  }
}

interface WarningTables {
  stage: string;
  keys: string;
  verdict: string;
  /** the table to create: one row per warning (line, column_name, raw, reason, record) */
  warn: string;
  /** SQL writing a staged row's cells back as CSV, the delimiter bound as $1 */
  record: string;
  delimiter: string;
}

/**
 * The warnings of the rows to store, one per cell, each with its row's cells (filtered by line, not joined: a join
 * could hash the whole file), counted per column, the first few read back for the summary.
 */
async function collectWarnings(conn: DuckDBConnection, t: WarningTables): Promise<Checked["warnings"]> {
  await conn.run(
    `CREATE TABLE ${t.warn} AS
     SELECT line, w.column_name, w.raw, w.reason, NULL::VARCHAR AS record FROM (SELECT line, unnest(warnings) AS w
       FROM ${t.keys} WHERE warnings IS NOT NULL)
     WHERE line NOT IN (SELECT line FROM ${t.verdict})`,
  );
  if (int((await conn.runAndReadAll(`SELECT count(*) FROM ${t.warn}`)).getRows()[0][0])) {
    await conn.run(
      `UPDATE ${t.warn} w SET record = r.record FROM (SELECT line, ${t.record} AS ` +
        `record FROM ${t.stage} s WHERE line IN (SELECT line FROM ${t.warn})) r WHERE ` +
        `r.line = w.line`,
      [t.delimiter],
    );
  }
  const byColumn = Object.fromEntries(
    (await conn.runAndReadAll(`SELECT column_name, count(*)::INTEGER FROM ${t.warn} GROUP BY ALL ORDER BY 1`))
      .getRows()
      .map(([column, n]): [string, number] => [text(column), int(n)]),
  );
  const total = Object.values(byColumn).reduce((a, b) => a + b, 0);
  // each cell read behind a '|' (see piped)
  const sample = total
    ? (
        await conn.runAndReadAll(
          `SELECT line, column_name, '|' || raw, reason FROM ${t.warn} ORDER BY line, ` +
            `column_name LIMIT ${WARNINGS_SAMPLE}`,
        )
      )
        .getRows()
        .map(([line, column, value, reason]) => ({
          line: int(line),
          column: text(column),
          value: piped(value),
          reason: text(reason),
        }))
    : [];
  return {
    relation: t.warn,
    total,
    summary: { warnings: total, warnings_by_column: byColumn, warnings_sample: sample },
  };
}

/** The rows with a verdict: line, reason and cells written back as CSV (read behind a '|': see piped). */
async function quarantinedRows(
  conn: DuckDBConnection,
  verdict: string,
  stage: string,
  record: string,
  delimiter: string,
): Promise<QuarantinedRow[]> {
  const reasons = new Map(
    (await conn.runAndReadAll(`SELECT line, reason FROM ${verdict}`))
      .getRows()
      .map(([line, reason]): [number, string] => [int(line), text(reason)]),
  );
  if (!reasons.size) return [];
  return (
    await conn.runAndReadAll(
      `SELECT line, '|' || ${record} AS raw FROM ${stage} s WHERE line IN (SELECT line FROM ${verdict})`,
      [delimiter],
    )
  )
    .getRows()
    .map(([line, raw]) => ({ line: int(line), reason: reasons.get(int(line)) ?? "", raw: piped(raw) }));
}

/**
 * What a versioned row keeps besides its mapped columns — the unmapped columns as JSON (non-blank cells, in
 * header order) — and its content hash over both. Header names are bound parameters, never SQL text.
 */
function versionColumns(
  kind: ImportKind,
  headers: string[],
  idx: Record<string, number>,
  ignored: Set<number>,
): { sql: string[]; params: string[] } {
  const mapped = new Set([...Object.values(idx), ...ignored]);
  // a header named twice keeps its last column, as a JSON object would
  const extras = [...new Map(headers.map((h, i) => [h, i] as const).filter(([, i]) => !mapped.has(i))).entries()].sort(
    (a, b) => a[1] - b[1],
  );
  const extra = extras.length
    ? `to_json(map_from_entries(list_filter([` +
      `${extras.map(([, i], n) => `{'k': $${n + 1}, 'v': s.${cellColumn(i)}}`).join(", ")}], ` +
      `x -> x.v IS NOT NULL AND x.v <> '')))::VARCHAR`
    : `'{}'`;
  const content = COLUMNS[kind].map((c) =>
    idx[c.name] === undefined ? "''" : `coalesce(s.${cellColumn(idx[c.name])}, '')`,
  );
  return {
    sql: [`${extra} AS extra`, `md5(concat_ws(chr(31), ${content.join(", ")}, ${extra})) AS content_hash`],
    params: extras.map(([h]) => h),
  };
}
