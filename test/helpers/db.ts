import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type OpenDatabase } from "../../app/core/db/db.server";

/** A fresh, real DuckDB file in its own temp folder; close() removes it. */
export async function tempDb(): Promise<OpenDatabase & { dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "pt-test-"));
  const open = await openDatabase(path.join(dir, "test.duckdb"));
  return Object.assign(open, {
    dir,
    async dispose() {
      await open.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "pt-files-"));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export type TestDb = Awaited<ReturnType<typeof tempDb>>;
export type TempDir = ReturnType<typeof tempDir>;

/**
 * A fresh database and temp folder for each test (`"each"`) or one pair for the whole file or describe block
 * (`"all"`), handed to `use` when created; both are removed afterwards.
 */
export function withTempDb(use: (db: TestDb, files: TempDir) => void, scope: "each" | "all" = "each"): void {
  let db: TestDb;
  let files: TempDir;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    db = await tempDb();
    files = tempDir();
    use(db, files);
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await db.dispose();
    files.dispose();
  });
}

/** Writes a file into the folder `dir()` names (read when called, so a per-test folder works) and returns its path. */
export const fileWriter =
  (dir: () => string) =>
  (name: string, content: string | Buffer): string => {
    const f = path.join(dir(), name);
    writeFileSync(f, content);
    return f;
  };
