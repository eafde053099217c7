// Hand mappings remembered per import kind, source system and header set: the next export from the same CRM, with
// the same headers, maps the same way without --map (CLI, nightly inbox and upload page alike).
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { z } from "zod";
import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { uploadMessage } from "../messages";
import { mapHeaders, MappingError, type HeaderMapping, type ImportKind } from "./columns";

const fold = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

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

export async function rememberedMapping(
  db: Kysely<Database>,
  kind: ImportKind,
  source: string,
  headers: string[],
): Promise<RememberedMapping | null> {
  const row = await db
    .selectFrom("import_mappings")
    .select(["mapping", "updated_by", "updated_at"])
    .where("kind", "=", kind)
    .where("source_system", "=", source)
    .where("header_key", "=", headerKey(headers))
    .executeTakeFirst();
  return row
    ? {
        mapping: JSON.parse(row.mapping) as Record<string, string>,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }
    : null;
}

/** Stores (or replaces) the hand mapping of a header set. */
export async function rememberMapping(
  db: Kysely<Database>,
  kind: ImportKind,
  source: string,
  headers: string[],
  mapping: Record<string, string>,
  by: string,
  at: Date,
): Promise<void> {
  const key = headerKey(headers);
  await forgetMapping(db, kind, source, key);
  await db
    .insertInto("import_mappings")
    .values({
      kind,
      source_system: source,
      header_key: key,
      headers: JSON.stringify(headers.map((h) => h.replace(/^\uFEFF/, ""))),
      mapping: JSON.stringify(mapping),
      updated_by: by,
      updated_at: at,
    })
    .execute();
}

/** Every remembered mapping, newest first (for Settings). */
export async function listMappings(db: Kysely<Database>) {
  const rows = await db.selectFrom("import_mappings").selectAll().orderBy("updated_at", "desc").execute();
  return rows.map((r) => ({
    ...r,
    headers: JSON.parse(r.headers) as string[],
    mapping: JSON.parse(r.mapping) as Record<string, string>,
  }));
}

export async function forgetMapping(db: Kysely<Database>, kind: string, source: string, key: string): Promise<void> {
  await db
    .deleteFrom("import_mappings")
    .where("kind", "=", kind)
    .where("source_system", "=", source)
    .where("header_key", "=", key)
    .execute();
}

const MappingForm = z.object({
  intent: z.enum(["mapping", "forget_mapping"]),
  kind: z.enum(["handoffs", "rework", "reviews"], { message: "Unknown import kind." }),
  source: z.string().regex(/^[a-z0-9_.-]{1,40}$/, "Unknown source system."),
  header_key: z.string().regex(/^[a-f0-9]{32}$/, "This mapping no longer exists: reload the page."),
  map: z.record(z.string().max(100), z.string().max(1000)).default({}),
});

/**
 * Settings: a remembered mapping changed (checked against its headers as an import would check it) or forgotten,
 * each audit-logged. Returns the message for the page and its status.
 */
export async function mappingAction(
  open: OpenDatabase,
  actor: string,
  fields: Record<string, unknown>,
  now = new Date(),
): Promise<{ status: number; ok: string | null; error: string | null }> {
  const parsed = MappingForm.safeParse(fields);
  if (!parsed.success)
    return { status: 400, ok: null, error: parsed.error.issues[0]?.message ?? "The form could not be read." };
  const f = parsed.data;
  const row = await open.db
    .selectFrom("import_mappings")
    .select(["headers"])
    .where("kind", "=", f.kind)
    .where("source_system", "=", f.source)
    .where("header_key", "=", f.header_key)
    .executeTakeFirst();
  if (!row) return { status: 404, ok: null, error: "This mapping no longer exists: reload the page." };
  const headers = JSON.parse(row.headers) as string[];
  const what = `the ${f.kind} mapping for ${f.source}`;
  if (f.intent === "forget_mapping") {
    await inTransaction(open, async (tx, conn) => {
      await forgetMapping(tx, f.kind, f.source, f.header_key);
      await appendAudit(
        tx,
        conn,
        [
          {
            actor,
            action: "settings.mapping_forgotten",
            entity: "import_mapping",
            entityId: `${f.kind}/${f.source}/${f.header_key}`,
            detail: { headers },
          },
        ],
        now,
      );
    });
    return { status: 200, ok: `Forgot ${what}.`, error: null };
  }
  const map = Object.fromEntries(Object.entries(f.map).filter(([, h]) => h));
  let mapped: HeaderMapping;
  try {
    mapped = mapHeaders(f.kind, headers, map);
  } catch (e) {
    if (!(e instanceof MappingError)) throw e;
    return { status: 400, ok: null, error: uploadMessage(e.message, { fileName: "the file" }) };
  }
  if (mapped.missingRequired.length)
    return {
      status: 400,
      ok: null,
      error: `Pick a header for each required column: ${mapped.missingRequired.join(", ")}.`,
    };
  await inTransaction(open, async (tx, conn) => {
    await rememberMapping(tx, f.kind, f.source, headers, map, actor, now);
    await appendAudit(
      tx,
      conn,
      [
        {
          actor,
          action: "settings.mapping",
          entity: "import_mapping",
          entityId: `${f.kind}/${f.source}/${f.header_key}`,
          detail: { mapping: map },
        },
      ],
      now,
    );
  });
  return { status: 200, ok: `Saved ${what}: the next file with these headers maps this way.`, error: null };
}
