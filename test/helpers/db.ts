import { mkdtempSync, rmSync } from "node:fs";
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
