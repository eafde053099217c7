// Issue 13, security: audit tamper cases (#7), server-side sessions (#10), the open redirect after sign-in (#11)
// and the origin check (#12, #13's foreign and null Origin). Real routes, a real DuckDB file, no mocks.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { AppLoadContext } from "@remix-run/node";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { appendAudit, verifyAudit } from "../../app/core/audit/audit.server";
import { inTransaction } from "../../app/core/db/tx.server";
import { assertSameOrigin, currentUser, safeNext } from "../../app/session.server";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import { tempDb } from "../helpers/db";
import { addFigures } from "./figures";

const ORIGIN = "http://pt.test";
let db: Awaited<ReturnType<typeof tempDb>>;
let context: AppLoadContext;
let requests = 0;
let tamper = 0;

beforeAll(async () => {
  db = await tempDb();
  context = { app: createAppContext(db, "test-secret", db.dir) } as AppLoadContext;
  await addUser(db, { email: "lead@x.test", role: "implementation_lead", name: "Lee", password: "password-123" });
});
afterAll(async () => {
  addFigures(__filename, { requests, tamper_cases: tamper });
  await db.dispose();
});

async function run(fn: () => Promise<unknown>): Promise<Response> {
  requests++;
  try {
    const r = await fn();
    return r instanceof Response ? r : new Response(null, { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const signIn = (cookie?: string, next = "/packets") =>
  run(() =>
    login.action({
      request: new Request(`${ORIGIN}/login?next=${encodeURIComponent(next)}`, {
        method: "POST",
        body: new URLSearchParams({ email: "lead@x.test", password: "password-123" }),
        headers: {
          Origin: ORIGIN,
          "Content-Type": "application/x-www-form-urlencoded",
          ...(cookie ? { Cookie: cookie } : {}),
        },
      }),
      context,
      params: {},
    } as never),
  );
const cookieOf = (r: Response) => r.headers.get("Set-Cookie")!.split(";")[0];
const who = async (cookie: string) =>
  (await currentUser(new Request(`${ORIGIN}/`, { headers: { Cookie: cookie } }), context))?.email ?? null;

describe("server-side sessions (#10)", () => {
  it(
    "a new session id on every sign-in, the old one dead; sign-out deletes it; the " + "row holds only a hash",
    async () => {
      const first = await signIn();
      expect(first.status).toBe(302);
      const a = cookieOf(first);
      expect(await who(a)).toBe("lead@x.test");
      const second = await signIn(a);
      const b = cookieOf(second);
      expect(b).not.toBe(a);
      expect(await who(a)).toBeNull(); // rotated: the cookie brought to sign-in no longer works
      expect(await who(b)).toBe("lead@x.test");
      const rows = await db.db.selectFrom("sessions").selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(
        decodeURIComponent(b.split("=")[1]).split(".")[0].replace(/^"|"$/g, ""),
      );
      const out = await run(() =>
        logout.action({
          request: new Request(`${ORIGIN}/logout`, { method: "POST", headers: { Origin: ORIGIN, Cookie: b } }),
          context,
          params: {},
        } as never),
      );
      expect(out.status).toBe(302);
      expect(await who(b)).toBeNull(); // a copy of the cookie kept from before sign-out is useless
      expect(await db.db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
    },
  );

  it("expires: a session past its expiry signs no one in and is removed", async () => {
    const c = cookieOf(await signIn());
    await sql`UPDATE sessions SET expires_at = now()::TIMESTAMP - INTERVAL 1 MINUTE`.execute(db.db);
    expect(await who(c)).toBeNull();
    expect(await db.db.selectFrom("sessions").selectAll().execute()).toHaveLength(0);
  });

  it("the cookie is HttpOnly, SameSite=Lax, and Secure over HTTPS", async () => {
    const plain = (await signIn()).headers.get("Set-Cookie")!;
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);
    const https = await run(() =>
      login.action({
        request: new Request("https://pt.test/login", {
          method: "POST",
          body: new URLSearchParams({ email: "lead@x.test", password: "password-123" }),
          headers: { Origin: "https://pt.test", "Content-Type": "application/x-www-form-urlencoded" },
        }),
        context,
        params: {},
      } as never),
    );
    expect(https.headers.get("Set-Cookie")).toMatch(/Secure/i);
  });
});

describe("the redirect after sign-in (#11)", () => {
  const hostile = [
    "//evil.example/x",
    "/%5Cevil.example/x",
    "/\\evil.example/x",
    "/\t/evil.example",
    "/%09/evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example/",
    "/\n/evil.example",
    "javascript:alert(1)",
    "/%0d%0aSet-Cookie:x=1",
  ];
  it.each(hostile)("%j goes to the dashboard", async (next) => {
    expect(safeNext(next)).toBe("/");
    const r = await signIn(undefined, next);
    expect(r.headers.get("Location")).toBe("/");
  });
  it("keeps a same-origin path with its query", async () => {
    expect((await signIn(undefined, "/packets?page=2&q=a%20b")).headers.get("Location")).toBe(
      "/packets?page=2&q=a%20b",
    );
  });
});

describe("the origin check (#12, #13)", () => {
  const check = (url: string, headers: Record<string, string>) => {
    requests++;
    try {
      assertSameOrigin(new Request(url, { method: "POST", headers }));
      return 200;
    } catch (e) {
      if (e instanceof Response) return e.status;
      throw e;
    }
  };
  it("accepts the same scheme, host and port", () => {
    expect(check("http://pt.test/x", { Origin: "http://pt.test", Host: "pt.test" })).toBe(200);
    expect(check("http://pt.test/x", { Referer: "http://pt.test/packets", Host: "pt.test" })).toBe(200);
  });
  it.each([
    ["a foreign origin", { Origin: "http://evil.example" }],
    ["the null origin", { Origin: "null" }],
    ["an unparseable origin", { Origin: "::::" }],
    ["no origin or referer", {}],
    ["an unparseable referer", { Referer: "::::" }],
    ["another scheme, same host", { Origin: "https://pt.test" }],
    ["another port", { Origin: "http://pt.test:8080" }],
    [
      "a forged X-Forwarded-Host (no trusted proxy)",
      { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
    ],
  ])("refuses %s with 403", (_what, headers) => {
    expect(check("http://pt.test/x", { Host: "pt.test", ...headers })).toBe(403);
  });
  it("honours X-Forwarded-Host/-Proto only behind a configured proxy", () => {
    const headers = {
      Host: "internal:3000",
      Origin: "https://pt.example",
      "X-Forwarded-Host": "pt.example",
      "X-Forwarded-Proto": "https",
    };
    expect(check("http://internal:3000/x", headers)).toBe(403);
    process.env.PT_TRUST_PROXY = "1";
    try {
      expect(check("http://internal:3000/x", headers)).toBe(200);
    } finally {
      delete process.env.PT_TRUST_PROXY;
    }
  });
});

describe("audit tamper cases (#7)", () => {
  const GENESIS = "0".repeat(64);
  // the public formula anyone can read in the source
  const entryHash = (
    prev: string,
    seq: number,
    at: string,
    e: { actor: string; action: string; entity: string; entity_id: string; detail: string },
  ) =>
    createHash("sha256")
      .update([prev, seq, at, e.actor, e.action, e.entity, e.entity_id, e.detail].join("\u001f"))
      .digest("hex");
  let fresh: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    fresh = await tempDb();
    await inTransaction(fresh, (tx, conn) =>
      appendAudit(
        tx,
        conn,
        Array.from({ length: 60 }, (_, i) => ({
          actor: "a@x",
          action: "review.accepted",
          entity: "flag",
          entityId: `f${i}`,
          detail: { i },
        })),
      ),
    );
  });
  afterAll(() => fresh.dispose());
  const snapshot = async () => ({
    log: await fresh.db.selectFrom("audit_log").selectAll().orderBy("seq").execute(),
    anchor: await fresh.db.selectFrom("audit_anchor").selectAll().execute(),
  });
  async function tampered(edit: () => Promise<void>, undo?: () => Promise<void>): Promise<string | undefined> {
    tamper++;
    const saved = await snapshot();
    await edit();
    const r = await verifyAudit(fresh.db);
    await undo?.();
    // restore
    await sql`DELETE FROM audit_log`.execute(fresh.db);
    await sql`DELETE FROM audit_anchor`.execute(fresh.db);
    for (const row of saved.log) await fresh.db.insertInto("audit_log").values(row).execute();
    for (const row of saved.anchor) await fresh.db.insertInto("audit_anchor").values(row).execute();
    expect((await verifyAudit(fresh.db)).ok).toBe(true);
    return r.ok ? undefined : r.problem;
  }

  it("an untouched log verifies", async () => {
    expect(await verifyAudit(fresh.db)).toEqual({ ok: true, entries: 60 });
  });
  it.each([1, 50, 60])("deleting the last %i entries fails", async (n) => {
    expect(
      await tampered(async () => void (await sql`DELETE FROM audit_log WHERE seq > ${60 - n}`.execute(fresh.db))),
    ).toMatch(/deleted/);
  });
  it("editing an entry and re-chaining with the public formula fails", async () => {
    expect(
      await tampered(async () => {
        await sql`UPDATE audit_log SET actor = 'mallory' WHERE seq = 7`.execute(fresh.db);
        await (async () => {
          const rows = await fresh.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
          let prev = GENESIS;
          for (const r of rows) {
            const h = entryHash(prev, r.seq, new Date(r.logged_at).toISOString(), r);
            await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${h} WHERE seq = ${r.seq}`.execute(fresh.db);
            prev = h;
          }
        })();
      }),
    ).toMatch(/rewritten/);
  });
  it("truncating and re-pointing the anchor without the secret fails", async () => {
    expect(
      await tampered(async () => {
        await sql`DELETE FROM audit_log WHERE seq > 40`.execute(fresh.db);
        const last = await fresh.db
          .selectFrom("audit_log")
          .select(["seq", "hash"])
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirstOrThrow();
        await sql`UPDATE audit_anchor SET seq = ${last.seq}, head_hash = ${last.hash}`.execute(fresh.db);
      }),
    ).toMatch(/HMAC/);
  });
  it("deleting the anchor too fails", async () => {
    expect(await tampered(async () => void (await sql`DELETE FROM audit_anchor`.execute(fresh.db)))).toMatch(
      /no anchor/,
    );
  });
  it("appending an entry with the public formula but no anchor update fails", async () => {
    expect(
      await tampered(async () => {
        const last = await fresh.db
          .selectFrom("audit_log")
          .selectAll()
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirstOrThrow();
        const at = new Date(last.logged_at);
        const rec = { actor: "mallory", action: "review.accepted", entity: "flag", entity_id: "x", detail: "{}" };
        await fresh.db
          .insertInto("audit_log")
          .values({
            seq: last.seq + 1,
            logged_at: at,
            ...rec,
            prev_hash: last.hash,
            hash: entryHash(last.hash, last.seq + 1, at.toISOString(), rec),
          })
          .execute();
      }),
    ).toMatch(/added outside/);
  });
  it("a review or readiness decision written around the application (no audit entry) fails", async () => {
    expect(
      await tampered(
        async () => {
          await fresh.db
            .insertInto("reviews")
            .values({
              flag_id: "unlogged-flag",
              decision: "accepted",
              reviewer: "m@x",
              reason: null,
              decided_at: new Date(),
              via: "ui",
            } as never)
            .execute();
        },
        async () => void (await sql`DELETE FROM reviews`.execute(fresh.db)),
      ),
    ).toMatch(/review of unlogged-flag/);
    expect(
      await tampered(
        async () => {
          await fresh.db
            .insertInto("readiness_decisions")
            .values({
              deal_id: "D-9",
              decision: "ready",
              comment: "",
              decided_by: "m@x",
              decided_at: new Date(),
            } as never)
            .execute();
        },
        async () => void (await sql`DELETE FROM readiness_decisions`.execute(fresh.db)),
      ),
    ).toMatch(/readiness decision of D-9/);
  });
  it("the main test database's own log (sign-ins, sign-outs) verifies", async () => {
    expect((await verifyAudit(db.db)).ok).toBe(true);
  });
});
