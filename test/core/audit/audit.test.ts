import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { appendAudit, verifyAudit } from "../../../app/core/audit/audit.server";
import { inTransaction } from "../../../app/core/db/tx.server";
import { tempDb } from "../../helpers/db";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
  await inTransaction(db, (tx, conn) =>
    appendAudit(
      tx,
      conn,
      [1, 2, 3, 4].map((i) => ({
        actor: "a@x",
        action: "review.accepted",
        entity: "flag",
        entityId: `f${i}`,
        detail: { i },
      })),
    ),
  );
});
afterEach(() => db.dispose());

describe("the audit log's hash chain", () => {
  it("verifies an untouched log", async () => {
    expect(await verifyAudit(db.db)).toEqual({ ok: true, entries: 4 });
  });
  it("detects an edited entry", async () => {
    await sql`UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`.execute(db.db);
    expect(await verifyAudit(db.db)).toMatchObject({ ok: false, problem: expect.stringMatching(/entry 2 was edited/) });
  });
  it("detects a deleted entry", async () => {
    await sql`DELETE FROM audit_log WHERE seq = 3`.execute(db.db);
    expect(await verifyAudit(db.db)).toMatchObject({ ok: false, problem: expect.stringMatching(/entry 3 is missing/) });
  });
  it("detects a deleted tail entry replaced by a forged one", async () => {
    await sql`UPDATE audit_log SET prev_hash = ${"0".repeat(64)} WHERE seq = 4`.execute(db.db);
    expect((await verifyAudit(db.db)).ok).toBe(false);
  });
});

describe("audit verify while entries are appended", () => {
  it("walks the chain and its anchor in one hold of the connection, so a concurrent append never reads as broken", async () => {
    const { auditCommand } = await import("../../../batch/commands/admin");
    const fx = { db: async () => db } as unknown as Parameters<typeof auditCommand>[1];
    const append = (i: number) =>
      inTransaction(db, (tx, conn) =>
        appendAudit(tx, conn, [
          { actor: "a@x", action: "review.accepted", entity: "flag", entityId: `g${i}`, detail: { i } },
        ]),
      );
    // a steady stream of appends (one transaction each, as review posts are) while verify runs again and again
    let done = false;
    const stream = (async () => {
      for (let i = 0; i < 60; i++) await append(i);
      done = true;
    })();
    let verified = 0;
    while (!done) {
      const r = await auditCommand({ positional: ["audit", "verify"], flags: {} } as never, fx);
      expect(r.exitCode ?? 0, r.summary).toBe(0);
      verified++;
    }
    await stream;
    expect(verified).toBeGreaterThan(1);
  });
});
