import type { OpenDatabase } from "../app/core/db/db.server";

/** What a command may touch; tests and the server replace these. */
export interface Effects {
  db(): Promise<OpenDatabase>;
  dbPath: string;
  out(line: string): void;
  err(line: string): void;
  progress(label: string): { update(done: number, total: number, unit?: string): void; done(): void };
  readStdin(): Promise<string>;
  now(): Date;
  env: NodeJS.ProcessEnv;
  /**
   * the DuckDB buffer pool an import may use while it runs, when the process does nothing else (the CLI:
   * PT_IMPORT_MEMORY, default 160MB); absent where imports share the pool with other work (the server)
   */
  importMemory?: string;
}

export interface CommandResult {
  /** the one-line human summary */
  summary: string;
  /** the JSON summary printed with --json */
  json: Record<string, unknown>;
  exitCode?: number;
}
