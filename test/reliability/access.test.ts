// Issue 13 #8 (hidden pricing never reaches a role it is hidden from, through any view or download; quarantine
// downloads only for revops and admin), #13 (bad page numbers and download names are 4xx with a message, not 500s)
// and #17 (a refusal that cannot be logged fails loudly), through the real routes and a real database.
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
import * as packetRoute from "../../app/routes/packets.$dealId";
import * as noteRoute from "../../app/routes/packets.$dealId.note[.md]";
import * as fieldRoute from "../../app/routes/fields.$source";
import * as auditRoute from "../../app/routes/audit";
import * as queueRoute from "../../app/routes/packets._index";
import * as reworkRoute from "../../app/routes/rework";
import { runScore } from "../../app/core/scoring/run.server";
import { getPilotSettings, setPilotSettings } from "../../app/core/settings.server";
import { inTransaction } from "../../app/core/db/tx.server";
import { appendAudit } from "../../app/core/audit/audit.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
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
  writeFileSync(
    path.join(db.dir, "q.csv"),
    "deal_id,account_name,amount\nQ1,Acme,$1\n,Secret Pricing Co,$999999\nQ2,Warned Pricing Co,lots of money\n",
  );
  uploadId = (await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "q.csv") })).upload_id;
  // a packet whose pricing parts hold figures found nowhere else, with flags on them and conflicts that cite them
  writeFileSync(
    path.join(db.dir, "p.csv"),
    csvOf(HANDOFF_COLUMNS, [
      packet({
        deal_id: "P1",
        account_name: "Pricey Inc",
        account_owner: "account_owner",
        amount: "$987,654",
        ...PRICED,
      }),
    ]),
  );
  await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "p.csv") });
  await runScore(db, {});
  // an LLM quote dropped from the order form, as the audit log keeps it
  await inTransaction(db, (tx, conn) =>
    appendAudit(tx, conn, [
      {
        actor: "llm",
        action: "flag.dropped",
        entity: "packet",
        entityId: "P1",
        detail: {
          detector: "llm:test",
          reason: "over the limit",
          source: "order_form",
          quote: "Subscription: 150 seats at $77 per seat.",
        },
      },
    ]),
  );
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
  return load(exportsRoute.loader, `/exports/${name}`, role, { name });
}

/** Any loader, as the role's browser would call it: status and body (a page's data as JSON). */
async function load(
  loader: (args: never) => unknown,
  url: string,
  role: string,
  params: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  requests++;
  try {
    const r = await loader({
      request: new Request(`${ORIGIN}${url}`, { headers: { Cookie: cookies[role] } }),
      context,
      params,
    } as never);
    if (r instanceof Response) return { status: r.status, body: await r.text() };
    return { status: 200, body: JSON.stringify(r) };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: await e.text() };
    throw e;
  }
}

const PRICED = {
  signed_scope:
    "Deliverables:\nD1. Configure the reporting dashboards as appropriate.\nD2. " +
    "Train 12 users.\nServices fee: $40,000.",
  order_form:
    "Order form. Services fee: $98,765. Subscription: 150 seats at $77 per seat. " +
    "Custom build: partner portal integration.",
  deal_desk_exception: "Deal desk approved 31% discount, net 90 payment terms, not on the order form.",
};
/** words and figures only the pricing parts (and the amount) hold */
const SECRETS = [
  "98,765",
  "98765",
  "987,654",
  "987654",
  "$77",
  "150 seats",
  "150 users",
  "31%",
  "partner portal",
  "net 90",
];
const HIDDEN_FROM = ["leadership", "implementation_lead", "account_owner"];
const leaks = (body: string) => SECRETS.filter((s) => body.includes(s));

describe("hidden pricing (#8): every view and download of a role it is hidden from", () => {
  beforeAll(async () => {
    await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), hide_pricing_from: HIDDEN_FROM });
  });
  // [view, does it show pricing to a role allowed to see it (so the check could fail), how to load it]
  const views: [string, boolean, (role: string) => Promise<{ status: number; body: string }>][] = [
    [
      "the packet page (text, flags, QA note, audit entries)",
      true,
      (role) => load(packetRoute.loader, "/packets/P1", role, { dealId: "P1" }),
    ],
    ["note.md", true, (role) => load(noteRoute.loader, "/packets/P1/note.md", role, { dealId: "P1" })],
    ["flags.csv", true, (role) => download("flags.csv", role)],
    ["audit.csv", true, (role) => download("audit.csv", role)],
    ["/audit", true, (role) => load(auditRoute.loader, "/audit", role)],
    [
      "/fields/signed_scope",
      false,
      (role) => load(fieldRoute.loader, "/fields/signed_scope", role, { source: "signed_scope" }),
    ],
    ["packets.csv", false, (role) => download("packets.csv", role)],
  ];
  describe.each(ROLES.map((r) => [r]))("%s", (role) => {
    const hidden = HIDDEN_FROM.includes(role);
    it.each(views)(`${hidden ? "no pricing figure" : "pricing as usual"} through %s`, async (_, showsPricing, view) => {
      const r = await view(role);
      expect(r.status).toBe(200);
      if (hidden) expect(leaks(r.body)).toEqual([]);
      else if (showsPricing) expect(leaks(r.body).length).toBeGreaterThan(0);
    });
    it.each([["order_form"], ["deal_desk_exception"]])(
      `the /fields/%s drill-down is ${hidden ? "refused (403, logged)" : "shown"}`,
      async (source) => {
        const r = await load(fieldRoute.loader, `/fields/${source}`, role, { source });
        expect(r.status).toBe(hidden ? 403 : 200);
        if (hidden) expect(r.body).toMatch(/hidden from your role/);
        else expect(leaks(r.body).length).toBeGreaterThan(0);
      },
    );
  });
  it(
    "the packet page still says how many high flags are open in all (readiness " +
      "counts them) and marks pricing hidden",
    async () => {
      const shown = JSON.parse(
        (await load(packetRoute.loader, "/packets/P1", "implementation_lead", { dealId: "P1" })).body,
      );
      const full = JSON.parse((await load(packetRoute.loader, "/packets/P1", "admin", { dealId: "P1" })).body);
      expect(shown.hidePricing).toBe(true);
      expect(shown.openHigh).toBe(full.openHigh);
      expect(shown.flags.length).toBeLessThan(full.flags.length);
      expect(
        shown.coverage.parts
          .filter((p: { state: string }) => p.state === "hidden")
          .map((p: { source: string }) => p.source),
      ).toEqual(["order_form", "deal_desk_exception"]);
      expect(shown.note).toContain("hidden for your role");
    },
  );
  it(
    "an upload's error files (whole raw rows) are refused to an uploading role once " + "pricing is hidden from it",
    async () => {
      const s = await getPilotSettings(db.db);
      await setPilotSettings(db.db, { ...s, hide_pricing_from: [...HIDDEN_FROM, "revops"] });
      try {
        for (const kind of ["quarantine", "warnings"]) {
          const r = await download(`${kind}-${uploadId}.csv`, "revops");
          expect(r.status).toBe(403);
          expect(r.body).toMatch(/hidden from your role/);
          expect((await download(`${kind}-${uploadId}.csv`, "admin")).status).toBe(200);
        }
      } finally {
        await setPilotSettings(db.db, s);
      }
    },
  );
  afterAll(async () => {
    await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), hide_pricing_from: [] });
  });
});

describe("review posts from roles that cannot review (the contract's access check)", () => {
  it.each([["leadership"], ["revops"], ["admin"]])(
    "%s posting intent=accept without a flag is a logged 403, not a 400",
    async (role) => {
      requests++;
      const post = async () => {
        try {
          return (await packetRoute.action({
            request: new Request(`${ORIGIN}/packets/P1`, {
              method: "POST",
              body: new URLSearchParams({ intent: "accept" }),
              headers: { Cookie: cookies[role], Origin: ORIGIN },
            }),
            context,
            params: { dealId: "P1" },
          } as never)) as Response;
        } catch (e) {
          if (e instanceof Response) return e;
          throw e;
        }
      };
      const r = await post();
      expect(r.status).toBe(403);
      const logged = await db.db
        .selectFrom("audit_log")
        .select(["actor"])
        .where("action", "=", "forbidden")
        .where("entity_id", "=", "P1")
        .execute();
      expect(logged.some((l) => l.actor === `${role}@x.test`)).toBe(true);
    },
  );
  it("an implementation lead's malformed post is still a 400 with a message", async () => {
    const r = (await packetRoute.action({
      request: new Request(`${ORIGIN}/packets/P1`, {
        method: "POST",
        body: new URLSearchParams({ intent: "accept" }),
        headers: { Cookie: cookies.implementation_lead, Origin: ORIGIN },
      }),
      context,
      params: { dealId: "P1" },
    } as never)) as Response;
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatch(/Reload the page/);
  });
});

describe("bad page numbers (#13): a 400 with a message, never a 500", () => {
  const pages = ["1e309", "99999999999999999999", "12345678901234567890", "-1", "0", "abc", "1.5", "Infinity"];
  const lists: [string, (role: string, page: string) => Promise<{ status: number; body: string }>][] = [
    ["/packets", (role, page) => load(queueRoute.loader, `/packets?view=all&page=${encodeURIComponent(page)}`, role)],
    ["/audit", (role, page) => load(auditRoute.loader, `/audit?page=${encodeURIComponent(page)}`, role)],
    ["/rework", (role, page) => load(reworkRoute.loader, `/rework?page=${encodeURIComponent(page)}`, role)],
    [
      "/fields/signed_scope",
      (role, page) =>
        load(fieldRoute.loader, `/fields/signed_scope?page=${encodeURIComponent(page)}`, role, {
          source: "signed_scope",
        }),
    ],
  ];
  describe.each(lists)("%s", (_, list) => {
    it.each(pages.map((p) => [p]))("page=%s", async (page) => {
      const r = await list("admin", page);
      expect(r.status).toBe(400);
      expect(r.body).toMatch(/page number must be a whole number from 1 to 100,000/);
    });
    it("page=2 and no page still work", async () => {
      expect((await list("admin", "2")).status).toBe(200);
    });
  });
});

describe("quarantine downloads (#8)", () => {
  it.each(ROLES.map((r) => [r]))("%s", async (role) => {
    const r = await download(`quarantine-${uploadId}.csv`, role);
    const allowed = role === "revops" || role === "admin";
    expect(r.status).toBe(allowed ? 200 : 403);
    expect(r.body.includes("Secret Pricing Co")).toBe(allowed);
  });
  it.each(ROLES.map((r) => [r]))("the warnings file, as %s", async (role) => {
    const r = await download(`warnings-${uploadId}.csv`, role);
    const allowed = role === "revops" || role === "admin";
    expect(r.status).toBe(allowed ? 200 : 403);
    expect(/Warned Pricing Co,lots of money,4,"?amount:/.test(r.body)).toBe(allowed);
  });
  it("a refused download is audit-logged", async () => {
    const refused = await db.db
      .selectFrom("audit_log")
      .select(["actor", "entity_id"])
      .where("action", "=", "forbidden")
      .execute();
    expect(
      refused.some((r) => r.actor === "leadership@x.test" && r.entity_id === `/exports/quarantine-${uploadId}.csv`),
    ).toBe(true);
  });
});

describe("bad download names (#13)", () => {
  it.each(["quarantine-99999999999999999999.csv", "quarantine-2147483648.csv", "nope.csv"])(
    "%s is a 4xx with a message",
    async (name) => {
      const r = await download(name, "admin");
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    },
  );
});

describe("a refusal that cannot be logged (#17)", () => {
  it("is not swallowed: the request fails loudly (503) instead of a silent, unlogged 403", async () => {
    const broken = await tempDb();
    try {
      const ctx = { app: createAppContext(broken, "test-secret", broken.dir) } as AppLoadContext;
      const u = await addUser(broken, {
        email: "lead@y.test",
        role: "leadership",
        name: "L",
        password: "password-123",
      });
      const s = await getSession(new Request(ORIGIN), ctx);
      s.set("userId", u.id);
      const cookie = (await commitSession(ctx, s)).split(";")[0];
      const ask = async () => {
        requests++;
        try {
          return (
            (await exportsRoute.loader({
              request: new Request(`${ORIGIN}/exports/quarantine-1.csv`, { headers: { Cookie: cookie } }),
              context: ctx,
              params: { name: "quarantine-1.csv" },
            } as never)) as Response
          ).status;
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
