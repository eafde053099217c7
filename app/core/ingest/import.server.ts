import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { OpenDatabase } from "../db/db.server";
import { appendRows, inTransaction } from "../db/tx.server";
import { appendAudit, type AuditEntry } from "../audit/audit.server";
import { getApprovedSources } from "../settings.server";
import { COLUMNS, errorColumnsOf, mapHeaders, MappingError, type HeaderMapping, type ImportKind } from "./columns";
import { rememberedMapping, rememberMapping } from "./mappings.server";
import { ImportRefused, sniffFile, DEFAULT_MAX_BYTES, type Sniffed } from "./read-csv.server";
import {
  cellColumn,
  duckdbCanRead,
  literal,
  stageName,
  streamToNormalFile,
  viewWithDuckDB,
  WIDE_COLUMNS,
  type Staged,
} from "./stage.server";
import { dayOrderOf, parseAmount, parseDate, parseNumber, parseTimestamp, ValueError, type DayOrder } from "./values";

export { ImportRefused };

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  /** the name shown in provenance (an upload keeps the user's file name, not the temp path) */
  fileName?: string;
  source?: string;
  uploader?: string;
  map?: Record<string, string>;
  maxBytes?: number;
  onProgress?: (bytes: number, total: number) => void;
  now?: Date;
  /** "stream" forces the streaming reader (tests compare it with DuckDB's) */
  reader?: "stream";
  /** a dry run: every check and count of a real import, in a transaction rolled back — nothing is written */
  dryRun?: boolean;
}

export interface ImportSummary {
  upload_id: number;
  kind: ImportKind;
  file: string;
  sha256: string;
  source: string;
  approved_source: boolean;
  encoding: string;
  delimiter: string;
  /** which reader split the file: DuckDB's for regular UTF-8, the streaming one for anything irregular */
  reader: "duckdb" | "stream";
  rows: number;
  imported: number;
  unchanged: number;
  quarantined: number;
  footer_lines: number;
  quarantine: { line: number; reason: string }[];
  /** optional cells that could not be parsed: their rows are stored with the field empty and the text kept */
  warnings: number;
  warnings_by_column: Record<string, number>;
  /** the first warnings in line order (all are in import_warnings and the upload's warnings download) */
  warnings_sample: Warning[];
  unmapped_headers: string[];
  /** column -> header as used; where the mapping came from; the CRM profile whose display names it used */
  header_map: Record<string, string>;
  mapping: "automatic" | "by hand" | "remembered";
  profile: string | null;
  /** a dry run's summary: what the import would do (its upload id is 0: nothing was written) */
  dry_run?: boolean;
}

/** Thrown inside a dry run's transaction to roll it back, carrying what the import would have done. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

export interface Warning {
  line: number;
  column: string;
  value: string;
  reason: string;
}

const WARNINGS_SAMPLE = 20;

interface MergeContext {
  /** a view of the rows to store: valid, first of their key in the file, with their named values */
  rows: string;
  /** the same rows, narrow: line, row_key, content_hash (versioned kinds), without reading the file again */
  narrow: string;
  uploadId: number;
  now: Date;
  approved: boolean;
  source: string;
  actor: string;
}

interface MergeResult {
  imported: number;
  unchanged: number;
  quarantine: { line: number; reason: string; raw: string }[];
  audit?: AuditEntry[];
}

type Parser = "date" | "amount" | "number" | "timestamp";

/** A typed column: how it is parsed, and whether an unreadable cell sinks its row (required) or warns (optional). */
interface Typed {
  parser: Parser;
  required?: boolean;
}

/** SQL expressions over one staged row, by column name. */
interface Cells {
  /** the cell as written (NULL when the column is not in the file) */
  raw(column: string): string;
  /** the cell with JavaScript's trim, NULL when not in the file */
  trimmed(column: string): string;
  blank(column: string): string;
  /** a typed column's parsed value (date text, number, timestamp) and its currency (amounts) */
  parsed(column: string): string;
  currency(column: string): string;
  /** a typed column's parse error, prefixed with the column */
  error(column: string): string;
}

/**
 * One kind's validation and storage, in SQL over the staged cells. Every check and value is written once
 * here; typed cells are parsed by values.ts (each distinct cell once), so SQL and JavaScript agree.
 */
interface KindPlan {
  typed: Record<string, Typed>;
  /** keep unmapped columns (as JSON) and hash the row's content */
  versioned: boolean;
  /** the columns the checks and the key read (besides the typed ones): the first pass keeps their cells */
  reads: string[];
  values(c: Cells): [name: string, sql: string][];
  /** checks in order: the first that holds is the row's quarantine reason */
  checks(c: Cells): [when: string, reason: string][];
  /** the value that must be unique within a file, and what to call it */
  key: { sql: (c: Cells) => string; label: string };
  merge(ctx: MergeContext): Promise<MergeResult>;
}

/** Imports one CSV file: nothing is lost — every data row is imported, unchanged or quarantined. */
export async function importCsv(open: OpenDatabase, opts: ImportOptions): Promise<ImportSummary> {
  const now = opts.now ?? new Date();
  const source = (opts.source ?? "csv").trim().toLowerCase();
  if (!/^[a-z0-9_.-]{1,40}$/.test(source))
    throw new ImportRefused(`--source "${opts.source}" is not a valid source system name`);
  // the sniffing pass reads every byte (hash, encoding, record starts): it is the first half of the progress bar
  const progress = (half: 0 | 1) =>
    opts.onProgress ? (b: number) => opts.onProgress!(Math.round((half * sizeOf + b) / 2), sizeOf) : undefined;
  let sizeOf = 0;
  const sniffed = await sniffFile(opts.file, opts.maxBytes ?? DEFAULT_MAX_BYTES, (b) => progress(0)?.(b));
  sizeOf = sniffed.sizeBytes;
  // an error file of ours, fixed and uploaded again: its line and reason columns are ignored
  const ignored = errorColumnsOf(sniffed.headers);
  const headers = sniffed.headers.map((h, i) => (ignored.has(i) ? "" : h));
  const ownHeaders = sniffed.headers.filter((_, i) => !ignored.has(i));
  // a hand mapping is used (and remembered for this source and header set); without one, the remembered one
  const hand = opts.map ?? {};
  let mappingFrom: ImportSummary["mapping"] = Object.keys(hand).length ? "by hand" : "automatic";
  let mapping: HeaderMapping;
  const remembered =
    mappingFrom === "automatic" ? await rememberedMapping(open.db, opts.kind, source, ownHeaders) : null;
  if (remembered) {
    try {
      mapping = mapHeaders(opts.kind, headers, remembered.mapping);
      mappingFrom = "remembered";
    } catch (e) {
      // a remembered mapping the columns no longer accept is passed over, never an error
      if (!(e instanceof MappingError)) throw e;
      mapping = mapHeaders(opts.kind, headers);
    }
  } else mapping = mapHeaders(opts.kind, headers, hand);
  if (mapping.missingRequired.length) {
    throw new ImportRefused(
      `cannot import ${path.basename(opts.file)} as ${opts.kind}: no header maps ` +
        `to the required column(s) ${mapping.missingRequired.join(", ")}. ` +
        `Headers found: ${ownHeaders.join(", ")}. Columns expected: ` +
        `${COLUMNS[opts.kind].map((c) => c.name + (c.required ? " (required)" : "")).join(", ")}. ` +
        `Map one by hand with --map ${mapping.missingRequired[0]}=HEADER.`,
    );
  }
  const approvedSources = await getApprovedSources(open.db);
  const approved = approvedSources.includes(source);
  const plan = PLANS[opts.kind](open);
  const idx = mapping.columns;
  const headerMap = Object.fromEntries(
    Object.entries(idx).map(([c, i]) => [c, sniffed.headers[i].replace(/^\uFEFF/, "")]),
  );

  // rows are staged through their own connection, so a long import does not hold the shared one
  const stageConn = await open.connect();
  // For the import only (these settings are the instance's; restored after):
  // - numbering the reader's rows follows file order only while insertion order is preserved (off by default: it
  //   costs memory in bulk inserts);
  // - DuckDB estimates a CSV file at a few dozen rows and would build its hash joins on the file (every text
  //   column, ~140 MB here) rather than on the small lookup tables: the joins keep the side they are written with;
  // - freed memory goes back to the system after each task rather than staying cached (each statement touches the
  //   whole file); queries run ~10 % faster with the default.
  // - a wide file (HubSpot exports up to 1,000 columns) runs on one thread: each thread's chunk of rows holds 32 KB
  //   per column, so 1,000 columns on two threads outgrow a 160 MB pool even for three rows
  const wide = sniffed.headers.length > WIDE_COLUMNS;
  await stageConn.run(
    `SET preserve_insertion_order = true; SET disabled_optimizers = 'build_side_probe_side'; ` +
      `SET allocator_flush_threshold = '4MB'; SET allocator_bulk_deallocation_flush_threshold ` +
      `= '4MB'${wide ? "; SET threads = 1" : ""}`,
  );
  let checked: Checked | undefined;
  try {
    const ctx: CheckContext = { conn: stageConn, file: opts.file, sniffed, plan, idx, kind: opts.kind, ignored };
    // an error file's cells were neutralized for spreadsheets ('=…): the streaming reader undoes it
    checked = (await checkWithDuckDB(ctx, opts.reader === "stream" || ignored.size > 0)) ?? undefined;
    checked ??= await check(
      ctx,
      await streamToNormalFile(
        stageConn,
        stageName(`stage_${opts.kind}`),
        opts.file,
        sniffed,
        `${open.path}.staging`,
        progress(1),
        { unneutralize: ignored.size > 0 },
      ),
    );
    opts.onProgress?.(sizeOf, sizeOf);
    const { quarantine, rowsView, narrow, warnings, records } = checked;
    const { footer, rows: rowsRead, reader } = checked.staged;

    const stored = inTransaction(open, async (tx, conn) => {
      const upload = await tx
        .insertInto("uploads")
        .values({
          kind: opts.kind,
          file_name: opts.fileName ?? path.basename(opts.file),
          sha256: sniffed.sha256,
          size_bytes: sniffed.sizeBytes,
          source_system: source,
          uploader: opts.uploader ?? "cli",
          uploaded_at: now,
          encoding: sniffed.encoding,
          delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
          header_map: JSON.stringify(headerMap),
          headers: JSON.stringify(sniffed.headers.map((h) => h.replace(/^\uFEFF/, ""))),
          status: "complete",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const merged = await plan.merge({
        rows: rowsView,
        narrow,
        uploadId: upload.id,
        now,
        approved,
        source,
        actor: opts.uploader ?? "cli",
      });
      // rows the merge refused (a review of an unknown flag) keep their cells for the error file too
      const cellsOf = await records(merged.quarantine.map((q) => q.line));
      quarantine.push(...merged.quarantine.map((q) => ({ ...q, raw: cellsOf.get(q.line) ?? q.raw })));
      quarantine.sort((a, b) => a.line - b.line);
      if (quarantine.length) {
        await appendRows(
          conn,
          "quarantine",
          ["integer", "integer", "varchar", "varchar"],
          quarantine.map((r) => [upload.id, r.line, r.reason, r.raw]),
        );
      }
      if (warnings.total)
        await conn.run(
          `INSERT INTO import_warnings (upload_id, line, column_name, raw, reason, ` +
            `record) SELECT ${upload.id}, line, column_name, raw, reason, record FROM ` +
            `${warnings.relation}`,
        );
      const rows = rowsRead;
      await tx
        .updateTable("uploads")
        .set({
          rows_read: rows,
          imported: merged.imported,
          unchanged: merged.unchanged,
          quarantined: quarantine.length,
          footer_lines: footer,
          warnings: warnings.total,
        })
        .where("id", "=", upload.id)
        .execute();
      await appendAudit(
        tx,
        conn,
        [
          {
            actor: opts.uploader ?? "cli",
            action: "upload.imported",
            entity: "upload",
            entityId: String(upload.id),
            detail: {
              kind: opts.kind,
              file: opts.fileName ?? path.basename(opts.file),
              sha256: sniffed.sha256,
              source,
              rows,
              imported: merged.imported,
              unchanged: merged.unchanged,
              quarantined: quarantine.length,
              warnings: warnings.total,
            },
          },
          ...(merged.audit ?? []),
        ],
        now,
      );
      if (mappingFrom === "by hand")
        await rememberMapping(tx, opts.kind, source, ownHeaders, hand, opts.uploader ?? "cli", now);
      const result: ImportSummary = {
        ...summary(
          upload.id,
          opts,
          sniffed,
          source,
          approved,
          rows,
          merged.imported,
          merged.unchanged,
          footer,
          quarantine,
          mapping.unmapped,
          reader,
        ),
        ...warnings.summary,
        header_map: headerMap,
        mapping: mappingFrom,
        profile: mapping.profile,
      };
      if (opts.dryRun) throw new DryRunDone({ ...result, upload_id: 0, dry_run: true });
      return result;
    });
    return await stored.catch((e) => {
      if (e instanceof DryRunDone) return e.summary;
      throw e;
    });
  } catch (e) {
    // a wide file's chunks outgrew the import's memory: say so, rather than DuckDB's advice on its settings
    if (wide && /Out of Memory/i.test(String((e as Error)?.message))) {
      throw new ImportRefused(
        `${path.basename(opts.file)} has ${sniffed.headers.length.toLocaleString("en-US")} ` +
          `columns and ${sniffed.recordLines.length.toLocaleString("en-US")} rows: ` +
          `too wide to import in the memory an import has (PT_IMPORT_MEMORY raises ` +
          `it); export fewer columns or split the rows into smaller files`,
      );
    }
    throw e;
  } finally {
    await checked?.drop().catch(() => undefined);
    await stageConn
      .run(
        `SET preserve_insertion_order = false; RESET disabled_optimizers; RESET ` +
          `allocator_flush_threshold; RESET ` +
          `allocator_bulk_deallocation_flush_threshold${wide ? "; RESET threads" : ""}`,
      )
      .catch(() => undefined);
    stageConn.closeSync();
  }
}

interface CheckContext {
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
interface Checked {
  staged: Staged;
  rowsView: string;
  /** the rows to store, narrow: (line, row_key, content_hash) of versioned kinds, from the first pass */
  narrow: string;
  /** the cells of rows by line, as CSV in the file's delimiter (what the error files write back) */
  records(lines: number[]): Promise<Map<number, string>>;
  quarantine: { line: number; reason: string; raw: string }[];
  /** warnings of the rows to store: a table (line, column_name, raw, reason) and their counts */
  warnings: {
    relation: string;
    total: number;
    summary: Pick<ImportSummary, "warnings" | "warnings_by_column" | "warnings_sample">;
  };
  /** rows the checks saw (DuckDB's reader must see as many as the sniffer) */
  seen: number;
  drop(): Promise<void>;
}

/**
 * DuckDB's reader, when the file is regular: null (nothing left behind) when it is not, when strict mode refuses a
 * record, or when DuckDB splits the file into a different number of rows than the sniffer did.
 */
async function checkWithDuckDB(ctx: CheckContext, refuse: boolean): Promise<Checked | null> {
  if (refuse || !duckdbCanRead(ctx.sniffed)) return null;
  const staged = await viewWithDuckDB(ctx.conn, stageName(`stage_${ctx.kind}`), ctx.file, ctx.sniffed);
  let checked: Checked | undefined;
  try {
    checked = await check(ctx, staged);
    if (checked.seen === staged.rows) return checked;
  } catch (e) {
    // strict mode refused a record: the streaming reader will say which and why
    if (!/CSV|csv/.test(String((e as Error)?.message))) throw e;
  }
  await (checked ?? staged).drop();
  return null;
}

/**
 * The first pass over a staged file, narrow: each row's key, content hash, kept extra columns and first failing
 * check (typed cells come from a dictionary of parsed values); then one verdict per bad row and a view of the rows
 * to store.
 */
async function check(ctx: CheckContext, staged: Staged): Promise<Checked> {
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
    const warnings = optional.length
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
         ${warnings} AS warnings,
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
    // the rows to store, beside the first pass's hash and extras: joined by row number with the narrow first-pass
    // table as the build side (written last, and join sides stay as written during an import), so the hash
    // table holds a few dozen bytes a row — and spills, like everything else, past the buffer pool
    // the warnings of the rows to store, one per cell, each with its row's cells (filtered, not joined: a join
    // could hash the whole file)
    const record = `concat_ws($1, ${sniffed.headers.map((_, i) => `csv_cell(s.${cellColumn(i)}, $1)`).join(", ")})`;
    await conn.run(
      `CREATE TABLE ${warn} AS
       SELECT line, w.column_name, w.raw, w.reason, NULL::VARCHAR AS record FROM (SELECT line, unnest(warnings) AS w
         FROM ${keys} WHERE warnings IS NOT NULL)
       WHERE line NOT IN (SELECT line FROM ${verdict})`,
    );
    if (Number((await conn.runAndReadAll(`SELECT count(*) FROM ${warn}`)).getRows()[0][0])) {
      await conn.run(
        `UPDATE ${warn} w SET record = r.record FROM (SELECT line, ${record} AS ` +
          `record FROM ${stage} s WHERE line IN (SELECT line FROM ${warn})) r WHERE ` +
          `r.line = w.line`,
        [sniffed.delimiter],
      );
    }
    // each cell comes back behind a '|': DuckDB's client drops a leading U+FEFF, and the text must come back as written
    const records = async (lines: number[]) =>
      new Map(
        lines.length
          ? (
              (
                await conn.runAndReadAll(
                  `SELECT line, '|' || ${record} FROM ${stage} s ` +
                    `WHERE line IN (SELECT unnest([${lines.map((l) => Math.trunc(l)).join(", ")}]))`,
                  [sniffed.delimiter],
                )
              ).getRows() as [number, string][]
            ).map(([line, raw]) => [line, raw.slice(1)] as [number, string])
          : [],
      );
    const byColumn = Object.fromEntries(
      (
        await conn.runAndReadAll(`SELECT column_name, count(*)::INTEGER FROM ${warn} GROUP BY ALL ORDER BY 1`)
      ).getRows() as [string, number][],
    );
    const total = Object.values(byColumn).reduce((a, b) => a + b, 0);
    // each cell comes back behind a '|': DuckDB's client drops a leading U+FEFF, and the text must come back as written
    const sample = total
      ? ((
          await conn.runAndReadAll(
            `SELECT line, column_name, '|' || raw, reason FROM ${warn} ORDER BY line, ` +
              `column_name LIMIT ${WARNINGS_SAMPLE}`,
          )
        ).getRows() as [number, string, string, string][])
      : [];
    const warningsOut: Checked["warnings"] = {
      relation: warn,
      total,
      summary: {
        warnings: total,
        warnings_by_column: byColumn,
        warnings_sample: sample.map(([line, column, value, reason]) => ({
          line,
          column,
          value: value.slice(1),
          reason,
        })),
      },
    };
    // the rows to store: the file's cells joined by row number with the narrow first-pass results as the build
    // side (a LEFT JOIN, whose sides the optimizer never swaps: an inner join may hash the whole file), so the hash
    // table holds a few dozen
    // bytes a row — and spills, like everything else, past the buffer pool. Typed values come parsed from it.
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
    const seen = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${keys}`)).getRows()[0][0]);
    // each bad row's cells written back as CSV
    const reasons = new Map(
      (await conn.runAndReadAll(`SELECT line, reason FROM ${verdict}`)).getRows() as [number, string][],
    );
    const raws = reasons.size
      ? (
          (
            await conn.runAndReadAll(
              `SELECT line, '|' || ${record} AS raw FROM ${stage} s WHERE line IN (SELECT line FROM ${verdict})`,
              [sniffed.delimiter],
            )
          ).getRows() as [number, string][]
        ).map(([line, raw]) => [line, raw.slice(1)] as [number, string])
      : [];
    const quarantine = [...staged.bad, ...raws.map(([line, raw]) => ({ line, reason: reasons.get(line)!, raw }))];
    return { staged, rowsView, narrow, records, quarantine, warnings: warningsOut, seen, drop };
  } catch (e) {
    await drop().catch(() => undefined);
    throw e;
  }
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

/**
 * Parses each distinct typed cell once with values.ts into a lookup table (value, currency, error). Numeric dates
 * whose day and month could swap are read as the file's own values show: a column with a day over 12 in first place
 * (and no month over 12 there) is read day first; a date column whose values do not tell follows the file's other
 * date columns, else month first.
 */
async function parseDistinct(
  conn: DuckDBConnection,
  stage: string,
  dict: string,
  typed: Record<string, Typed>,
  idx: Record<string, number>,
): Promise<void> {
  await conn.run(`CREATE TABLE ${dict} (col VARCHAR, raw VARCHAR, value VARCHAR, currency VARCHAR, error VARCHAR)`);
  const present = Object.keys(typed).filter((c) => idx[c] !== undefined);
  if (!present.length) return;
  // one pass over the file for every typed column. Each cell comes back behind a '|': DuckDB's client decodes
  // text without keeping a leading U+FEFF, and a cell must reach the lookup exactly as written
  const distinct = await conn.runAndReadAll(
    `SELECT DISTINCT col, '|' || raw FROM (SELECT unnest([${present.map((c) => literal(c)).join(", ")}]) AS col,
       unnest([${present.map((c) => cellColumn(idx[c])).join(", ")}]) AS raw FROM ${stage})
     WHERE raw IS NOT NULL`,
  );
  const cells = (distinct.getRows() as [string, string][]).map(([column, cell]) => [column, cell.slice(1)] as const);
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

function summary(
  uploadId: number,
  opts: ImportOptions,
  sniffed: Sniffed,
  source: string,
  approved: boolean,
  rows: number,
  imported: number,
  unchanged: number,
  footer: number,
  quarantine: { line: number; reason: string }[],
  unmapped: string[],
  reader: Staged["reader"],
): ImportSummary {
  return {
    upload_id: uploadId,
    kind: opts.kind,
    file: opts.fileName ?? path.basename(opts.file),
    sha256: sniffed.sha256,
    source,
    approved_source: approved,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
    reader,
    rows,
    imported,
    unchanged,
    quarantined: quarantine.length,
    footer_lines: footer,
    quarantine: quarantine.map((r) => ({ line: r.line, reason: r.reason })),
    warnings: 0,
    warnings_by_column: {},
    warnings_sample: [],
    unmapped_headers: unmapped,
    header_map: {},
    mapping: "automatic",
    profile: null,
  };
}

/** Rows new to the table, rows whose content changed, and rows whose content hash is already stored. */
async function countChanges(
  conn: OpenDatabase["conn"],
  narrow: string,
  table: "packets" | "rework",
  key: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FILTER (WHERE t.${key} IS NULL)::INTEGER AS added,
            count(*) FILTER (WHERE t.content_hash <> s.content_hash)::INTEGER AS changed,
            count(*) FILTER (WHERE t.content_hash = s.content_hash)::INTEGER AS unchanged
     FROM ${narrow} s LEFT JOIN ${table} t ON t.${key} = s.row_key`,
  );
  return r.getRowObjectsJS()[0] as { added: number; changed: number; unchanged: number };
}

const HANDOFF_TEXT = [
  "account_name",
  "opportunity_name",
  "account_owner",
  "delivery_owner",
  "implementation_lead",
  "signed_scope",
  "order_form",
  "deal_desk_exception",
  "kickoff_note",
  "cs_requirement",
  "customer_promise",
] as const;
/** A stored packet as JSON: what a superseded version keeps in packet_versions.data. */
const packetJson = (p: string) =>
  `json_object('deal_id', ${p}.deal_id, ${HANDOFF_TEXT.map((c) => `'${c}', ${p}.${c}`).join(", ")},
               'close_date', ${p}.close_date, 'kickoff_date', ${p}.kickoff_date,
               'amount', ${p}.amount, 'currency', ${p}.currency,
               'extra', json(${p}.extra), 'unparsed', json(${p}.unparsed))::VARCHAR`;

const PLANS: Record<ImportKind, (open: OpenDatabase) => KindPlan> = {
  handoffs: (open) => ({
    typed: { close_date: { parser: "date" }, kickoff_date: { parser: "date" }, amount: { parser: "amount" } },
    versioned: true,
    reads: ["deal_id", "account_name"],
    values: (c) => [
      ["deal_id", c.trimmed("deal_id")],
      ...HANDOFF_TEXT.map((x) => [x, `nullif(${c.raw(x)}, '')`] as [string, string]),
      ["close_date", `CAST(${c.parsed("close_date")} AS DATE)`],
      ["kickoff_date", `CAST(${c.parsed("kickoff_date")} AS DATE)`],
      ["amount", `CAST(${c.parsed("amount")} AS DOUBLE)`],
      ["currency", c.currency("amount")],
    ],
    checks: (c) => [
      [c.blank("deal_id"), `'missing deal_id'`],
      [
        `length(${c.trimmed("deal_id")}) > 100`,
        `'deal_id is ' || length(${c.trimmed("deal_id")}) || ' characters long (at most 100)'`,
      ],
      [c.blank("account_name"), `'missing account_name for deal ' || ${c.trimmed("deal_id")}`],
    ],
    key: { sql: (c) => c.trimmed("deal_id"), label: "deal_id" },
    async merge({ rows, narrow, uploadId, now, approved, source }) {
      const c = open.conn;
      const ts = `'${now.toISOString()}'::TIMESTAMP`;
      const counts = await countChanges(c, narrow, "packets", "deal_id");
      if (counts.added + counts.changed === 0) return { imported: 0, unchanged: counts.unchanged, quarantine: [] };
      // the version being superseded keeps its content; the new current version's content is the packets row
      if (counts.changed)
        await c.run(
          `UPDATE packet_versions v SET data = ${packetJson("p")}
         FROM packets p, ${narrow} s
         WHERE v.deal_id = p.deal_id AND v.version = p.version AND v.data IS NULL AND s.row_key = p.deal_id AND
           p.content_hash <> s.content_hash`,
        );
      await c.run(
        `INSERT INTO packet_versions (deal_id, version, content_hash, upload_id, line, data, created_at)
         SELECT s.row_key, coalesce(p.version, 0) + 1, s.content_hash, ${uploadId}, s.line, NULL, ${ts}
         FROM ${narrow} s LEFT JOIN packets p ON p.deal_id = s.row_key
         WHERE p.deal_id IS NULL OR p.content_hash <> s.content_hash`,
      );
      const cols = [
        "content_hash",
        ...HANDOFF_TEXT,
        "close_date",
        "kickoff_date",
        "amount",
        "currency",
        "extra",
        "unparsed",
      ];
      // new packets take a plain INSERT; only changed ones pay for ON CONFLICT
      for (const changed of [false, true]) {
        if (!(changed ? counts.changed : counts.added)) continue;
        await c.run(
          `INSERT INTO packets (deal_id, version, ${cols.join(", ")},
             source_system, approved_source, upload_id, line, updated_at, parts_present)
           SELECT s.deal_id, coalesce(p.version, 0) + 1, ${cols.map((x) => "s." + x).join(", ")},
                  $1, ${approved ? "true" : "false"}, ${uploadId}, s.line, ${ts},
                  packet_parts(s.signed_scope, s.order_form, s.deal_desk_exception, s.kickoff_note, s.cs_requirement,
                    s.delivery_owner, s.customer_promise)
           FROM ${rows} s LEFT JOIN packets p USING (deal_id)
           WHERE ${changed ? "p.content_hash <> s.content_hash" : "p.deal_id IS NULL"}
           ${
             changed
               ? `ON CONFLICT (deal_id) DO UPDATE SET version = excluded.version,
             ${cols.map((x) => `${x} = excluded.${x}`).join(", ")},
             source_system = excluded.source_system, approved_source = excluded.approved_source,
             upload_id = excluded.upload_id, line = excluded.line,
             updated_at = excluded.updated_at, parts_present = excluded.parts_present`
               : ""
           }`,
          [source],
        );
      }
      return { imported: counts.added + counts.changed, unchanged: counts.unchanged, quarantine: [] };
    },
  }),

  rework: (open) => ({
    typed: {
      logged_on: { parser: "date", required: true },
      hours: { parser: "number" },
      kickoff_delay_days: { parser: "number" },
    },
    versioned: true,
    reads: ["rework_id", "deal_id", "description"],
    values: (c) => [
      ["rework_id", c.trimmed("rework_id")],
      ["deal_id", c.trimmed("deal_id")],
      ["logged_on", `CAST(${c.parsed("logged_on")} AS DATE)`],
      ["category", `nullif(${c.trimmed("category")}, '')`],
      ["description", `coalesce(${c.raw("description")}, '')`],
      ["hours", `CAST(${c.parsed("hours")} AS DOUBLE)`],
      ["kickoff_delay_days", `CAST(${c.parsed("kickoff_delay_days")} AS DOUBLE)`],
    ],
    checks: (c) => [
      [c.blank("rework_id"), `'missing rework_id'`],
      [c.blank("deal_id"), `'missing deal_id for rework ' || ${c.trimmed("rework_id")}`],
      [`${c.error("logged_on")} IS NOT NULL`, c.error("logged_on")],
      [`${c.parsed("logged_on")} IS NULL`, `'missing logged_on for rework ' || ${c.trimmed("rework_id")}`],
      [c.blank("description"), `'missing description for rework ' || ${c.trimmed("rework_id")}`],
    ],
    key: { sql: (c) => c.trimmed("rework_id"), label: "rework_id" },
    async merge({ rows, narrow, uploadId }) {
      const c = open.conn;
      const counts = await countChanges(c, narrow, "rework", "rework_id");
      if (counts.added + counts.changed)
        await c.run(
          `INSERT INTO rework (rework_id, deal_id, logged_on, category, description, hours, kickoff_delay_days,
           content_hash, upload_id, line, unparsed)
         SELECT s.rework_id, s.deal_id, s.logged_on, s.category, s.description, s.hours, s.kickoff_delay_days,
           s.content_hash, ${uploadId}, s.line, s.unparsed
         FROM ${rows} s LEFT JOIN rework r USING (rework_id)
         WHERE r.rework_id IS NULL OR r.content_hash <> s.content_hash
         ON CONFLICT (rework_id) DO UPDATE SET deal_id = excluded.deal_id, logged_on = excluded.logged_on, category =
           excluded.category,
           description = excluded.description, hours = excluded.hours, kickoff_delay_days = excluded.kickoff_delay_days,
           content_hash = excluded.content_hash, upload_id = excluded.upload_id, line = excluded.line, unparsed =
             excluded.unparsed`,
        );
      return { imported: counts.added + counts.changed, unchanged: counts.unchanged, quarantine: [] };
    },
  }),

  reviews: (open) => {
    const decision = (c: Cells) =>
      `CASE lower(${c.trimmed("decision")}) WHEN 'accept' THEN 'accepted' WHEN ` +
      `'reject' THEN 'rejected' ELSE lower(${c.trimmed("decision")}) END`;
    return {
      typed: { decided_at: { parser: "timestamp", required: true } },
      versioned: false,
      reads: ["flag_id", "decision", "reviewer", "reason"],
      values: (c) => [
        ["flag_id", c.trimmed("flag_id")],
        ["decision", decision(c)],
        ["reviewer", c.trimmed("reviewer")],
        ["reason", `nullif(${c.trimmed("reason")}, '')`],
        ["decided_at", `CAST(${c.parsed("decided_at")} AS TIMESTAMP)`],
      ],
      checks: (c) => [
        [c.blank("flag_id"), `'missing flag_id'`],
        [
          `${decision(c)} NOT IN ('accepted', 'rejected')`,
          `'decision "' || coalesce(${c.raw("decision")}, '') || '" must be accepted or rejected'`,
        ],
        [c.blank("reviewer"), `'missing reviewer'`],
        [
          `${decision(c)} = 'rejected' AND ${c.blank("reason")}`,
          `'a rejection needs a reason (flag ' || ${c.trimmed("flag_id")} || ')'`,
        ],
        [`${c.error("decided_at")} IS NOT NULL`, c.error("decided_at")],
        [`${c.parsed("decided_at")} IS NULL`, `'missing decided_at'`],
      ],
      key: { sql: (c) => `${c.trimmed("flag_id")} || '@' || ${c.parsed("decided_at")}`, label: "flag_id" },
      async merge({ rows, actor }) {
        const c = open.conn;
        const unknown = (
          await c.runAndReadAll(
            `SELECT s.line, s.flag_id FROM ${rows} s LEFT JOIN flags f USING (flag_id) ` +
              `WHERE f.flag_id IS NULL ORDER BY s.line`,
          )
        ).getRowObjectsJS() as { line: number; flag_id: string }[];
        const known = `(SELECT s.* FROM ${rows} s SEMI JOIN flags f USING (flag_id))`;
        const sameReview =
          `r.flag_id = s.flag_id AND r.decided_at = s.decided_at AND r.decision = ` +
          `s.decision AND r.reviewer = s.reviewer`;
        const counts = (
          await c.runAndReadAll(
            `SELECT count(*) FILTER (WHERE r.id IS NULL)::INTEGER AS imported,
               count(*) FILTER (WHERE r.id IS NOT NULL)::INTEGER AS unchanged
             FROM ${known} s LEFT JOIN reviews r ON ${sameReview}`,
          )
        ).getRowObjectsJS()[0] as { imported: number; unchanged: number };
        const added = (
          await c.runAndReadAll(
            `INSERT INTO reviews (flag_id, decision, reviewer, reason, decided_at, via)
             SELECT s.flag_id, s.decision, s.reviewer, s.reason, s.decided_at, 'import'
             FROM ${known} s LEFT JOIN reviews r ON ${sameReview}
             WHERE r.id IS NULL ORDER BY s.line RETURNING flag_id, decision, reviewer, reason`,
          )
        ).getRowObjectsJS() as { flag_id: string; decision: string; reviewer: string; reason: string | null }[];
        return {
          ...counts,
          audit: added.map((r) => ({
            actor,
            action: `review.${r.decision}`,
            entity: "flag",
            entityId: r.flag_id,
            detail: { reviewer: r.reviewer, reason: r.reason, via: "import" },
          })),
          quarantine: unknown.map((u) => ({
            line: u.line,
            reason: `no flag with id ${u.flag_id} (score the packets before importing their reviews)`,
            raw: "",
          })),
        };
      },
    };
  },
};
