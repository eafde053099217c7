import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { importCsv } from "../../app/core/ingest/import.server";
import { runScore } from "../../app/core/scoring/run.server";
import { ROLES } from "../../app/core/auth/roles";
import { commitSession, getSession } from "../../app/session.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { tempDb } from "../helpers/db";
import * as pilot from "../../app/routes/pilot";
import * as fields from "../../app/routes/fields._index";
import * as fieldFlags from "../../app/routes/fields.$source";
import * as templates from "../../app/routes/templates";
import * as queue from "../../app/routes/packets._index";
import * as packetRoute from "../../app/routes/packets.$dealId";
import * as note from "../../app/routes/packets.$dealId.note[.md]";
import * as rework from "../../app/routes/rework";
import * as uploads from "../../app/routes/uploads";
import * as runs from "../../app/routes/runs";
import * as audit from "../../app/routes/audit";
import * as settings from "../../app/routes/settings";
import * as exportsRoute from "../../app/routes/exports.$name";
import * as evidence from "../../app/routes/evidence";

const ORIGIN = "http://pt.test";
let db: Awaited<ReturnType<typeof tempDb>>;
let context: AppLoadContext;
const cookies: Record<string, string> = {};
let flagId = "";

async function status(fn: () => Promise<unknown>): Promise<number> {
  try {
    const r = await fn();
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}
const get = (url: string, role?: string) =>
  new Request(`${ORIGIN}${url}`, { headers: role ? { Cookie: cookies[role] } : {} });
const post = (url: string, role: string, form: Record<string, string>, origin: string | null = ORIGIN) =>
  new Request(`${ORIGIN}${url}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: {
      Cookie: cookies[role],
      "Content-Type": "application/x-www-form-urlencoded",
      ...(origin ? { Origin: origin } : {}),
    },
  });

beforeAll(async () => {
  db = await tempDb();
  context = { app: createAppContext(db, "test-secret", db.dir) } as AppLoadContext;
  writeFileSync(
    path.join(db.dir, "h.csv"),
    csvOf(HANDOFF_COLUMNS, [
      packet({
        deal_id: "OWN",
        account_owner: "Owen Owner",
        kickoff_note: "They have 140 employees today.\nI told them we'd cover the travel.",
      }),
      packet({ deal_id: "OTHER", account_owner: "Someone Else", kickoff_note: "They have 140 employees today." }),
    ]),
  );
  await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") });
  await runScore(db);
  for (const role of ROLES) {
    const u = await addUser(db, {
      email: `${role}@x.test`,
      role,
      name: role === "account_owner" ? "Owen Owner" : role,
      password: "password-123",
    });
    const session = await getSession(new Request(ORIGIN), context);
    session.set("userId", u.id);
    cookies[role] = (await commitSession(context, session)).split(";")[0];
  }
  flagId = (await db.db.selectFrom("flags").select("flag_id").where("deal_id", "=", "OWN").executeTakeFirstOrThrow())
    .flag_id;
});
afterAll(() => db.dispose());

const pages: [
  string,
  (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>,
  Record<string, string>,
][] = [
  ["/pilot", pilot.loader as never, {}],
  ["/fields", fields.loader as never, {}],
  ["/fields/kickoff_note", fieldFlags.loader as never, { source: "kickoff_note" }],
  ["/templates", templates.loader as never, {}],
  ["/packets", queue.loader as never, {}],
  ["/packets/OWN", packetRoute.loader as never, { dealId: "OWN" }],
  ["/packets/OWN/note.md", note.loader as never, { dealId: "OWN" }],
  ["/rework", rework.loader as never, {}],
  ["/uploads", uploads.loader as never, {}],
  ["/runs", runs.loader as never, {}],
  ["/audit", audit.loader as never, {}],
  ["/settings", settings.loader as never, {}],
  ["/exports/flags.csv", exportsRoute.loader as never, { name: "flags.csv" }],
  ["/evidence?kind=flags&period=pilot&status=accepted", evidence.loader as never, {}],
];

describe("every page", () => {
  it.each(pages)("%s redirects anonymous visitors to sign-in", async (url, loader, params) => {
    const s = await status(() => loader({ request: get(url), context, params }));
    expect(s).toBe(302);
  });
  it.each(pages)("%s is readable by every role", async (url, loader, params) => {
    for (const role of ROLES)
      expect(await status(() => loader({ request: get(url, role), context, params })), role).toBe(200);
  });
});

type Action = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;
const act = (
  fn: Action,
  url: string,
  role: string,
  form: Record<string, string>,
  params: Record<string, string> = {},
) => status(() => fn({ request: post(url, role, form), context, params }));

describe("who may do what", () => {
  it("reviews: implementation leads on any deal, account owners on their own deals only", async () => {
    const a = packetRoute.action as unknown as Action;
    const expected: Record<string, number> = {
      admin: 403,
      leadership: 403,
      revops: 403,
      implementation_lead: 200,
      account_owner: 200,
    };
    for (const role of ROLES)
      expect(await act(a, "/packets/OWN", role, { intent: "accept", flag_id: flagId }, { dealId: "OWN" }), role).toBe(
        expected[role],
      );
    const other = (
      await db.db.selectFrom("flags").select("flag_id").where("deal_id", "=", "OTHER").executeTakeFirstOrThrow()
    ).flag_id;
    expect(
      await act(a, "/packets/OTHER", "account_owner", { intent: "accept", flag_id: other }, { dealId: "OTHER" }),
    ).toBe(403);
    expect(
      await act(a, "/packets/OTHER", "implementation_lead", { intent: "reject", flag_id: other }, { dealId: "OTHER" }),
    ).toBe(400);
  });

  it("kickoff readiness: the implementation lead alone, refused to others in plain words", async () => {
    const a = packetRoute.action as unknown as Action;
    for (const role of ROLES) {
      const s = await act(
        a,
        "/packets/OWN",
        role,
        { intent: "readiness", decision: "not_ready", comment: "waiting for the SOW" },
        { dealId: "OWN" },
      );
      expect(s, role).toBe(role === "implementation_lead" ? 200 : 403);
    }
    const refused = await (packetRoute.action as unknown as Action)({
      request: post("/packets/OWN", "account_owner", { intent: "readiness", decision: "ready" }),
      context,
      params: { dealId: "OWN" },
    }).catch((e) => e as Response);
    expect(refused).toBeInstanceOf(Response);
    expect(await (refused as Response).text()).toBe("Only the implementation lead can decide kickoff readiness.");
  });

  it(
    "kickoff readiness has no default, and 'ready' with open high-severity flags " +
      "needs a confirmation and a comment",
    async () => {
      const a = packetRoute.action as unknown as Action;
      const openHigh = (
        await db.db
          .selectFrom("flags")
          .select("flag_id")
          .where("deal_id", "=", "OTHER")
          .where("severity", "=", "high")
          .execute()
      ).length;
      expect(openHigh).toBeGreaterThan(0); // OTHER's flags are left open by these tests
      const ready = (form: Record<string, string>) =>
        act(a, "/packets/OTHER", "implementation_lead", { intent: "readiness", ...form }, { dealId: "OTHER" });
      expect(await ready({})).toBe(400); // no decision chosen
      expect(await ready({ decision: "ready" })).toBe(400);
      expect(await ready({ decision: "ready", comment: "fine" })).toBe(400);
      expect(await ready({ decision: "ready", confirm_open_high: "1" })).toBe(400);
      expect(
        (await db.db.selectFrom("readiness_decisions").selectAll().where("deal_id", "=", "OTHER").execute()).length,
      ).toBe(0);
      expect(
        await ready({ decision: "ready", confirm_open_high: "1", comment: "Travel cost agreed with the customer" }),
      ).toBe(200);
      const logged = await db.db
        .selectFrom("audit_log")
        .select("detail")
        .where("action", "=", "readiness.ready")
        .where("entity_id", "=", "OTHER")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(logged.detail)).toMatchObject({ open_high_flags: openHigh, confirmed: true });
    },
  );

  it("uploads and runs: revops and admin", async () => {
    for (const role of ROLES) {
      const allowed = role === "revops" || role === "admin";
      expect(
        await act(uploads.action as unknown as Action, "/uploads", role, { token: "nope", kind: "handoffs" }),
        role,
      ).toBe(allowed ? 400 : 403);
    }
    for (const role of ROLES) {
      const allowed = role === "revops" || role === "admin";
      expect(await act(runs.action as unknown as Action, "/runs", role, {}), role).toBe(allowed ? 200 : 403);
    }
    await new Promise((r) => setTimeout(r, 300)); // let the started run finish
  });

  it("template fixes: revops; settings: pilot for revops and admin, sources and users for admin", async () => {
    for (const role of ROLES) {
      expect(
        await act(templates.action as unknown as Action, "/templates", role, { topic: "bad", done_on: "2026-01-01" }),
        role,
      ).toBe(role === "revops" ? 400 : 403);
      expect(
        await act(settings.action as unknown as Action, "/settings", role, { intent: "sources", sources: "csv" }),
        role,
      ).toBe(role === "admin" ? 200 : 403);
      expect(
        await act(settings.action as unknown as Action, "/settings", role, {
          intent: "user",
          email: "bad",
          role: "admin",
          password: "x",
        }),
        role,
      ).toBe(role === "admin" ? 400 : 403);
      expect(
        await act(settings.action as unknown as Action, "/settings", role, { intent: "pilot", window_days: "0" }),
        role,
      ).toBe(role === "revops" || role === "admin" ? 400 : 403);
    }
  });

  it("refuses a form posted from another origin, and logs refusals", async () => {
    const s = await status(() =>
      (packetRoute.action as unknown as Action)({
        request: post("/packets/OWN", "implementation_lead", { intent: "accept", flag_id: flagId }, "http://evil.test"),
        context,
        params: { dealId: "OWN" },
      }),
    );
    expect(s).toBe(403);
    const refused = await db.db.selectFrom("audit_log").selectAll().where("action", "=", "forbidden").execute();
    expect(refused.length).toBeGreaterThan(5);
  });

  it("hides pricing text from a configured role", async () => {
    await act(settings.action as unknown as Action, "/settings", "admin", {
      intent: "sources",
      sources: "csv",
      "hide.leadership": "1",
    });
    const data = (await (packetRoute.loader as unknown as Action)({
      request: get("/packets/OWN", "leadership"),
      context,
      params: { dealId: "OWN" },
    })) as { packet: { order_form: string | null } };
    expect(data.packet.order_form).toBeNull();
  });
});
