import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from "kysely";
import { DuckDBInstance, DuckDialect, runRaw, type DuckDBConnection } from "./duckdb-dialect";
import type { Database } from "./schema";
import { readEnv } from "../env.server";
import { errorMessage } from "../errors";

export type DB = Kysely<Database>;

/** The project root: the nearest folder above this module (source or built bundle) that holds sql/migrations. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(path.join(dir, "sql", "migrations"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}
export const PROJECT_ROOT = findRoot();
const root = PROJECT_ROOT;
export const SQL_DIR = path.join(root, "sql");

/** The embedded database file used when neither --db nor PT_DB names one. */
export const DEFAULT_DB_PATH = path.join(root, "data", "promise-trail.duckdb");

export function resolveDbPath(explicit?: string): string {
  return path.resolve(explicit || readEnv().PT_DB || DEFAULT_DB_PATH);
}

/** Reads sql/migrations/*.sql in order; each file is one Kysely migration. */
class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const dir = path.join(SQL_DIR, "migrations");
    const out: Record<string, Migration> = {};
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort()) {
      const text = readFileSync(path.join(dir, file), "utf8");
      out[file.replace(/\.sql$/, "")] = {
        async up(db) {
          for (const statement of splitStatements(text)) await sql.raw(statement).execute(db);
        },
      };
    }
    return out;
  }
}

/** Splits a migration file into statements on semicolons at line ends (no procedural SQL here). */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

/** The name the database file is attached under. */
const CATALOG = "pt";

export class DatabaseLockedError extends Error {
  constructor(
    readonly dbPath: string,
    cause: string,
  ) {
    super(`the database ${dbPath} is held by another process (${cause.split("\n")[0]})`);
  }
}

export interface OpenDatabase {
  db: DB;
  conn: DuckDBConnection;
  instance: DuckDBInstance;
  /** a further connection to the database, for work that should not hold the shared one (bulk staging) */
  connect(): Promise<DuckDBConnection>;
  path: string;
  /** the buffer pool limit the instance was opened with (PT_DUCKDB_MEMORY) */
  memoryLimit: string;
  /** bumped by every committed write; analytic results are cached per generation */
  generation: number;
  close(): Promise<void>;
}

/** Opens (creating if needed) the database file and applies pending migrations. */
export async function openDatabase(dbPath: string, opts: { migrate?: boolean } = {}): Promise<OpenDatabase> {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(path.dirname(dbPath), { recursive: true });
  // a bounded buffer pool (spilling to disk beyond it) keeps big imports and scoring runs within memory targets
  const memoryLimit = readEnv().PT_DUCKDB_MEMORY;
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: memoryLimit,
    preserve_insertion_order: "false",
    temp_directory: `${dbPath}.tmp`,
    allocator_background_threads: "true",
  });
  const connect = async () => {
    const c = await instance.connect();
    await c.run(`USE ${CATALOG}`);
    return c;
  };
  const conn = await instance.connect();
  try {
    // the file is attached rather than opened so that its row groups can be small: an import's uncommitted rows
    // are held in memory one row group at a time, and 16,384 wide packet rows is ~15 MB rather than ~120 MB
    await conn.run(`ATTACH '${dbPath.replace(/'/g, "''")}' AS ${CATALOG} (ROW_GROUP_SIZE 16384)`);
    await conn.run(`USE ${CATALOG}`);
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    const msg = errorMessage(e);
    if (/lock/i.test(msg)) throw new DatabaseLockedError(dbPath, msg);
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new DuckDialect(conn) });
  if (opts.migrate !== false) await migrate(db);
  await defineMacros(conn);
  await conn.run(`UPDATE packets SET parts_present = packet_parts(signed_scope, order_form, deal_desk_exception,
                    kickoff_note, cs_requirement, delivery_owner, customer_promise)
                  WHERE parts_present IS NULL`);
  return {
    db,
    conn,
    instance,
    connect,
    path: dbPath,
    memoryLimit,
    generation: 0,
    async close() {
      await db.destroy();
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A DuckDB size setting as written by a user ("160MB", "1GB"); anything else is refused before it reaches SQL. */
export function checkedSize(value: string, name: string): string {
  const v = value.trim();
  if (!/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i.test(v))
    throw new Error(`${name} "${value}" is not a size such as 160MB or 1GB`);
  return v;
}

/**
 * Runs fn with the instance's buffer pool bounded to `limit` (DuckDB spills beyond it), then restores the previous
 * limit. The limit is the whole instance's: only for a process doing nothing else meanwhile (a batch import).
 */
export async function withMemoryLimit<T>(
  open: OpenDatabase,
  limit: string | undefined,
  fn: () => Promise<T>,
  setting = "memory limit",
): Promise<T> {
  if (!limit) return fn();
  const size = checkedSize(limit, setting);
  await open.conn.run(`SET memory_limit = '${size}'`);
  try {
    return await fn();
  } finally {
    await open.conn.run(`SET memory_limit = '${open.memoryLimit}'`);
  }
}

/** (Re)defines the SQL macros of sql/macros — the shared building blocks of the metric queries. */
export async function defineMacros(conn: DuckDBConnection): Promise<void> {
  const dir = path.join(SQL_DIR, "macros");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of splitStatements(readFileSync(path.join(dir, file), "utf8"))) await conn.run(statement);
  }
}

export async function migrate(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${errorMessage(error)}`);
  }
}

const resultCache = new WeakMap<OpenDatabase, Map<string, { generation: number; rows: Promise<unknown> }>>();

/**
 * Runs one file of sql/queries with positional parameters ($1, $2 …). Results are cached until the next
 * committed write (open.generation), so busy dashboards do not recompute unchanged metrics.
 */
export async function runQueryFile<T>(open: OpenDatabase, name: string, params: unknown[] = []): Promise<T[]> {
  const text = queryText(name);
  return cached(open, `query:${name}|${JSON.stringify(params)}`, () =>
    open.db
      .connection()
      .execute(() => runRaw(open.conn, text, params))
      .then((r) => r.rows as T[]),
  );
}

/**
 * Memoizes a read until the next committed write (open.generation). Concurrent callers of the same key share
 * one computation.
 */
export async function cached<T>(open: OpenDatabase, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = resultCache.get(open);
  if (!cache) resultCache.set(open, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === open.generation) return (await hit.rows) as T;
  const generation = open.generation;
  const value = compute();
  if (cache.size > 500) cache.clear();
  cache.set(key, { generation, rows: value as Promise<never> });
  value.catch(() => cache!.delete(key));
  return value;
}

const queryCache = new Map<string, string>();
export function queryText(name: string): string {
  let text = queryCache.get(name);
  if (!text) {
    text = readFileSync(path.join(SQL_DIR, "queries", `${name}.sql`), "utf8");
    queryCache.set(name, text);
  }
  return text;
}
