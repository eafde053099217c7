// Issue 13 #8 (quarantine downloads only for revops and admin) and #13 (a huge quarantine id is a 404, not a 500),
// through the real route and a real database.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { ROLES } from "../../app/core/auth/roles";
import { importCsv } from "../../app/core/ingest/import.server";
import { commitSession, getSession } from "../../app/session.server";
import * as exportsRoute from "../../app/routes/exports.$name";
import { tempDb } from "../helpers/db";
import { addFigures } from "./figures";

const ORIGIN = "http://pt.test";
let db: Awaited<ReturnType<typeof tempDb>>;
let context: AppLoadContext;
let uploadId = 0;
let requests = 0;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  db = await tempDb();
  context = { app: createAppContext(db, "test-secret", db.dir) } as AppLoadContext;
  writeFileSync(path.join(db.dir, "q.csv"), "deal_id,account_name,amount\nQ1,Acme,$1\n,Secret Pricing Co,$999999\n");
  uploadId = (await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "q.csv") })).upload_id;
  for (const role of ROLES) {
    const u = await addUser(db, { email: `${role}@x.test`, role, name: role, password: "password-123" });
    const s = await getSession(new Request(ORIGIN), context);
    s.set("userId", u.id);
    cookies[role] = (await commitSession(context, s)).split(";")[0];
  }
});
afterAll(async () => {
  addFigures(__filename, { requests });
  await db.dispose();
});

async function download(name: string, role: string): Promise<{ status: number; body: string }> {
  requests++;
  try {
    const r = (await exportsRoute.loader({ request: new Request(`${ORIGIN}/exports/${name}`, { headers: { Cookie: cookies[role] } }), context, params: { name } } as never)) as Response;
    return { status: r.status, body: await r.text() };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: await e.text() };
    throw e;
  }
}

describe("quarantine downloads (#8)", () => {
  it.each(ROLES.map((r) => [r]))("%s", async (role) => {
    const r = await download(`quarantine-${uploadId}.csv`, role);
    const allowed = role === "revops" || role === "admin";
    expect(r.status).toBe(allowed ? 200 : 403);
    expect(r.body.includes("Secret Pricing Co")).toBe(allowed);
  });
  it("a refused download is audit-logged", async () => {
    const refused = await db.db.selectFrom("audit_log").select(["actor", "entity_id"]).where("action", "=", "forbidden").execute();
    expect(refused.some((r) => r.actor === "leadership@x.test" && r.entity_id === `/exports/quarantine-${uploadId}.csv`)).toBe(true);
  });
});

describe("bad download names (#13)", () => {
  it.each(["quarantine-99999999999999999999.csv", "quarantine-2147483648.csv", "nope.csv"])("%s is a 4xx with a message", async (name) => {
    const r = await download(name, "admin");
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});

describe("a refusal that cannot be logged (#17)", () => {
  it("is not swallowed: the request fails loudly (503) instead of a silent, unlogged 403", async () => {
    const broken = await tempDb();
    try {
      const ctx = { app: createAppContext(broken, "test-secret", broken.dir) } as AppLoadContext;
      const u = await addUser(broken, { email: "lead@y.test", role: "leadership", name: "L", password: "password-123" });
      const s = await getSession(new Request(ORIGIN), ctx);
      s.set("userId", u.id);
      const cookie = (await commitSession(ctx, s)).split(";")[0];
      const ask = async () => {
        requests++;
        try {
          return ((await exportsRoute.loader({ request: new Request(`${ORIGIN}/exports/quarantine-1.csv`, { headers: { Cookie: cookie } }), context: ctx, params: { name: "quarantine-1.csv" } } as never)) as Response).status;
        } catch (e) {
          if (e instanceof Response) return e.status;
          throw e;
        }
      };
      expect(await ask()).toBe(403);
      // the audit log cannot be written any more
      await broken.conn.run("DROP TABLE audit_anchor");
      expect(await ask()).toBe(503);
    } finally {
      await broken.dispose();
    }
  });
});
