import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { TABLE_COLUMNS } from "../../../app/core/db/schema";
import { tempDb } from "../../helpers/db";

describe("schema", () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => (db = await tempDb()));
  afterAll(() => db.dispose());

  it("the migrated database has exactly the tables and columns schema.ts declares", async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, ordinal_position`.execute(
      db.db,
    );
    const actual: Record<string, string[]> = {};
    for (const r of rows.rows) (actual[r.table_name] ??= []).push(r.column_name);
    expect(actual).toEqual(TABLE_COLUMNS);
  });

  it("re-opening an existing database applies no migration twice", async () => {
    const { openDatabase } = await import("../../../app/core/db/db.server");
    await db.close();
    const again = await openDatabase(db.path);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(again.db);
    expect(applied.rows.map((r) => r.name)).toEqual([
      "0001_init",
      "0002_flag_topics",
      "0003_parts_present",
      "0004_run_llm_cost",
      "0005_version_data_on_supersede",
      "0007_sessions_audit_anchor",
      "0008_import_warnings",
      "0009_import_mappings",
      "0010_text_checks",
      "0011_error_files",
      "0012_template_proposals",
      "0013_amount_text",
    ]);
    Object.assign(db, again);
  });
});
