import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { inTransaction } from "../../../app/core/db/tx.server";
import { fromDuckValue, toDuckValue } from "../../../app/core/db/duckdb-dialect";
import { tempDb } from "../../helpers/db";

describe("the Kysely dialect over @duckdb/node-api", () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => (db = await tempDb()));
  afterAll(() => db.dispose());

  it("inserts with RETURNING, binds Date parameters and reads them back as Dates", async () => {
    const at = new Date("2026-03-04T05:06:07.123Z");
    const r = await db.db
      .insertInto("users")
      .values({ email: "a@x.test", name: "A", role: "admin", password_hash: "h", created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(r.id).toBeTypeOf("number");
    const back = await db.db.selectFrom("users").selectAll().where("created_at", "=", at).executeTakeFirstOrThrow();
    expect(back.created_at.toISOString()).toBe(at.toISOString());
  });

  it("reports affected rows for updates and deletes", async () => {
    await db.db
      .insertInto("settings")
      .values([
        { key: "a", value: "1" },
        { key: "b", value: "2" },
      ])
      .execute();
    const u = await db.db.updateTable("settings").set({ value: "x" }).where("key", "in", ["a", "b"]).executeTakeFirst();
    expect(Number(u.numUpdatedRows)).toBe(2);
    const d = await db.db.deleteFrom("settings").where("key", "=", "a").executeTakeFirst();
    expect(Number(d.numDeletedRows)).toBe(1);
  });

  it("turns safe BIGINT results into numbers and keeps unsafe ones as bigint", async () => {
    const r = await sql<{
      small: number;
      big: bigint;
    }>`SELECT 42::BIGINT AS small, 9007199254740993::BIGINT AS big`.execute(db.db);
    expect(r.rows[0].small).toBe(42);
    expect(r.rows[0].big).toBe(9007199254740993n);
    expect(fromDuckValue(5n)).toBe(5);
    expect(toDuckValue(undefined)).toBeNull();
  });

  it("binds arrays as lists", async () => {
    const r = await sql<{ n: number }>`SELECT len(${["a", "b", "c"]}) AS n`.execute(db.db);
    expect(r.rows[0].n).toBe(3);
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      inTransaction(db, async (tx) => {
        await tx.insertInto("settings").values({ key: "t1", value: "1" }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.db.selectFrom("settings").selectAll().where("key", "=", "t1").executeTakeFirst()).toBeUndefined();
  });

  it("makes cached reads stale on commit, but not for audit-only transactions (sign-ins)", async () => {
    const g = db.generation;
    await inTransaction(db, (tx) => tx.insertInto("settings").values({ key: "t2", value: "1" }).execute());
    expect(db.generation).toBe(g + 1);
    await inTransaction(db, async () => undefined, { auditOnly: true });
    expect(db.generation).toBe(g + 1);
    await expect(inTransaction(db, async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(db.generation).toBe(g + 1);
  });

  it("serializes concurrent queries on the one connection", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql<{ v: number }>`SELECT ${i}::INTEGER AS v`.execute(db.db)),
    );
    expect(results.map((r) => r.rows[0].v)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
