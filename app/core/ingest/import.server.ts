// Imports one CSV file, phase by phase: sniff the file (hash, encoding, record starts), resolve the header mapping
// (import-mapping), stage the rows for DuckDB (stage), check them (row-checks, with typed cells parsed by
// typed-cells and each kind's rules in kind-plans), then store everything in one transaction (import-store, with
// each kind's write in upsert). Nothing is lost: every data row is imported, unchanged or quarantined.
import path from "node:path";
import type { OpenDatabase } from "../db/db.server";
import { getApprovedSources } from "../settings.server";
import type { ImportKind } from "./columns";
import { messageOf } from "./duckdb-rows";
import { resolveMapping } from "./import-mapping.server";
import { storeImport } from "./import-store.server";
import type { ImportSummary } from "./import-summary";
import { PLANS } from "./kind-plans.server";
import { ImportRefused, sniffFile, DEFAULT_MAX_BYTES } from "./read-csv.server";
import { checkRows, checkWithDuckDB, type CheckContext, type Checked } from "./row-checks.server";
import { stageName, streamToNormalFile, WIDE_COLUMNS } from "./stage.server";

export { ImportRefused };
export type { ImportSummary, Warning } from "./import-summary";

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
  const resolved = await resolveMapping(open, opts.kind, source, sniffed, opts.file, opts.map);
  const { ignored } = resolved;
  const approved = (await getApprovedSources(open.db)).includes(source);
  const plan = PLANS[opts.kind](open);

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
    const ctx: CheckContext = {
      conn: stageConn,
      file: opts.file,
      sniffed,
      plan,
      idx: resolved.mapping.columns,
      kind: opts.kind,
      ignored,
    };
    // an error file's cells were neutralized for spreadsheets ('=…): the streaming reader undoes it
    checked = (await checkWithDuckDB(ctx, opts.reader === "stream" || ignored.size > 0)) ?? undefined;
    checked ??= await checkRows(
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
    return await storeImport(open, {
      kind: opts.kind,
      fileName: opts.fileName ?? path.basename(opts.file),
      source,
      approved,
      uploader: opts.uploader ?? "cli",
      now,
      dryRun: opts.dryRun ?? false,
      sniffed,
      resolved,
      plan,
      checked,
    });
  } catch (e) {
    // a wide file's chunks outgrew the import's memory: say so, rather than DuckDB's advice on its settings
    if (wide && /Out of Memory/i.test(messageOf(e))) {
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
