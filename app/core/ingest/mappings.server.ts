// Hand mappings remembered per import kind, source system and header set: the next export from the same CRM, with
// the same headers, maps the same way without --map (CLI, nightly inbox and upload page alike).
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { ImportKind } from "./columns";

const fold = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase();

/** The same set of headers whatever their order, case or surrounding spaces. */
export const headerKey = (headers: string[]) =>
  createHash("md5")
    .update([...new Set(headers.map(fold))].sort().join("\u001f"))
    .digest("hex");

export interface RememberedMapping {
  mapping: Record<string, string>;
  updated_by: string;
  updated_at: Date;
}

export async function rememberedMapping(db: Kysely<Database>, kind: ImportKind, source: string, headers: string[]): Promise<RememberedMapping | null> {
  const row = await db
    .selectFrom("import_mappings")
    .select(["mapping", "updated_by", "updated_at"])
    .where("kind", "=", kind)
    .where("source_system", "=", source)
    .where("header_key", "=", headerKey(headers))
    .executeTakeFirst();
  return row ? { mapping: JSON.parse(row.mapping) as Record<string, string>, updated_by: row.updated_by, updated_at: row.updated_at } : null;
}

/** Stores (or replaces) the hand mapping of a header set. */
export async function rememberMapping(
  db: Kysely<Database>, kind: ImportKind, source: string, headers: string[], mapping: Record<string, string>, by: string, at: Date,
): Promise<void> {
  const key = headerKey(headers);
  await db.deleteFrom("import_mappings").where("kind", "=", kind).where("source_system", "=", source).where("header_key", "=", key).execute();
  await db
    .insertInto("import_mappings")
    .values({ kind, source_system: source, header_key: key, headers: JSON.stringify(headers.map((h) => h.replace(/^\uFEFF/, ""))), mapping: JSON.stringify(mapping), updated_by: by, updated_at: at })
    .execute();
}

/** Every remembered mapping, newest first (for Settings). */
export async function listMappings(db: Kysely<Database>) {
  const rows = await db.selectFrom("import_mappings").selectAll().orderBy("updated_at", "desc").execute();
  return rows.map((r) => ({ ...r, headers: JSON.parse(r.headers) as string[], mapping: JSON.parse(r.mapping) as Record<string, string> }));
}

export async function forgetMapping(db: Kysely<Database>, kind: string, source: string, key: string): Promise<void> {
  await db.deleteFrom("import_mappings").where("kind", "=", kind).where("source_system", "=", source).where("header_key", "=", key).execute();
}
