// The server-wide application context: the one open database and in-process jobs.
import type { OpenDatabase } from "../db/db.server";

export interface JobState {
  id: string;
  kind: string;
  startedBy: string;
  startedAt: Date;
  done: number;
  total: number;
  finished: boolean;
  summary: string | null;
  error: string | null;
}

export interface AppContext {
  open: OpenDatabase;
  sessionSecret: string;
  /** where uploads wait between preview and import */
  uploadDir: string;
  jobs: Map<string, JobState>;
  /** serializes database-heavy jobs (scoring, imports) inside this process */
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createAppContext(open: OpenDatabase, sessionSecret: string, uploadDir: string): AppContext {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    open,
    sessionSecret,
    uploadDir,
    jobs: new Map(),
    runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      const next = chain.then(fn, fn);
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
