import { DuckDBConnection, DuckDBInstance, listValue, timestampValue, type DuckDBValue } from "@duckdb/node-api";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
  type SchemaMetadata,
  type TableMetadata,
  type ColumnMetadata,
  type DatabaseMetadata,
  sql,
} from "kysely";

/** Converts a JS parameter to a value DuckDB can bind (Dates, arrays, bigints). */
export function toDuckValue(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return timestampValue(BigInt(value.getTime()) * 1000n);
  if (Array.isArray(value)) return listValue(value.map(toDuckValue));
  if (typeof value === "object" && /^DuckDB/.test((value as object).constructor?.name ?? ""))
    return value as DuckDBValue;
  if (
    typeof value === "boolean" ||
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "bigint"
  ) {
    return value;
  }
  return JSON.stringify(value);
}

/** Converts a value read from DuckDB to plain JSON-friendly JS (safe bigints become numbers). */
export function fromDuckValue(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map(fromDuckValue);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromDuckValue(v);
    return out;
  }
  return value;
}

export async function runRaw(
  conn: DuckDBConnection,
  sql: string,
  params: readonly unknown[] = [],
): Promise<{
  rows: Record<string, unknown>[];
  rowsChanged: number;
}> {
  const reader = await conn.runAndReadAll(sql, params.length ? params.map(toDuckValue) : undefined);
  const rows = reader.getRowObjectsJS().map((r) => fromDuckValue(r) as Record<string, unknown>);
  return { rows, rowsChanged: Number(reader.rowsChanged ?? 0) };
}

class DuckConnection implements DatabaseConnection {
  constructor(readonly conn: DuckDBConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, rowsChanged } = await runRaw(this.conn, query.sql, query.parameters);
    const kind = query.query?.kind;
    const isWrite = kind === "InsertQueryNode" || kind === "UpdateQueryNode" || kind === "DeleteQueryNode";
    const returning = isWrite && (query.query as { returning?: unknown }).returning;
    return {
      rows: (isWrite && !returning ? [] : rows) as R[],
      numAffectedRows: isWrite ? BigInt(rowsChanged) : undefined,
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

/** A one-connection driver: DuckDB is embedded, so queries queue behind a mutex. */
class DuckDriver implements Driver {
  #connection: DuckConnection;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  constructor(conn: DuckDBConnection) {
    this.#connection = new DuckConnection(conn);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#connection;
  }
  async beginTransaction(c: DatabaseConnection, _s: TransactionSettings): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("BEGIN TRANSACTION"));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("COMMIT"));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("ROLLBACK"));
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
  async destroy(): Promise<void> {}
}

class DuckAdapter extends PostgresAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

/** Lists tables from information_schema (Postgres' catalog functions are not all in DuckDB). */
class DuckIntrospector implements DatabaseIntrospector {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(readonly db: Kysely<any>) {}
  async getSchemas(): Promise<SchemaMetadata[]> {
    const rows = await sql<{
      schema_name: string;
    }>`select distinct schema_name from information_schema.schemata`.execute(this.db);
    return rows.rows.map((r) => ({ name: r.schema_name }));
  }
  async getTables(): Promise<TableMetadata[]> {
    const rows = await sql<{
      table_name: string;
      table_schema: string;
      table_type: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>`
      select t.table_name, t.table_schema, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default
      from information_schema.tables t join information_schema.columns c
        on c.table_name = t.table_name and c.table_schema = t.table_schema
      where t.table_schema = 'main' order by t.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows.rows) {
      let t = tables.get(r.table_name);
      if (!t) {
        t = { name: r.table_name, schema: r.table_schema, isView: r.table_type === "VIEW", columns: [] };
        tables.set(r.table_name, t);
      }
      (t.columns as ColumnMetadata[]).push({
        name: r.column_name,
        dataType: r.data_type,
        isNullable: r.is_nullable === "YES",
        hasDefaultValue: r.column_default !== null,
        isAutoIncrementing: /nextval/.test(r.column_default ?? ""),
      });
    }
    return [...tables.values()];
  }
  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** Kysely dialect over one @duckdb/node-api connection. */
export class DuckDialect implements Dialect {
  constructor(readonly conn: DuckDBConnection) {}
  createDriver(): Driver {
    return new DuckDriver(this.conn);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new DuckAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new DuckIntrospector(db);
  }
}

export { DuckDBInstance, DuckDBConnection };
