// The deal amount's conflict, imported and on the pages: the amount is kept as written and flagged against the order
// total; the packet page's loader sends both to a role that sees pricing, neither to a role it is hidden from, and
// /fields/amount refuses that role.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { importCsv } from "../../app/core/ingest/import.server";
import { runScore } from "../../app/core/scoring/run.server";
import { listFlags } from "../../app/core/review/flags.server";
import { getPilotSettings, setPilotSettings } from "../../app/core/settings.server";
import { commitSession, getSession } from "../../app/session.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { tempDb } from "../helpers/db";
import * as packetRoute from "../../app/routes/packets.$dealId";
import * as fieldFlags from "../../app/routes/fields.$source";

const ORIGIN = "http://pt.test";
let db: Awaited<ReturnType<typeof tempDb>>;
let context: AppLoadContext;
const cookies: Record<string, string> = {};
const get = (url: string, role: string) => new Request(`${ORIGIN}${url}`, { headers: { Cookie: cookies[role] } });

beforeAll(async () => {
  db = await tempDb();
  context = { app: createAppContext(db, "test-secret", db.dir) } as AppLoadContext;
  const order = "Kennel diary licence — 20 seats — $12,000.00\nSet-up — $30,450.00\nOrder total: $42,450.00";
  writeFileSync(
    path.join(db.dir, "h.csv"),
    csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "AMT", amount: "$44,250.00", order_form: order })]),
  );
  await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") });
  await runScore(db);
  await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), hide_pricing_from: ["account_owner"] });
  for (const role of ["implementation_lead", "account_owner"]) {
    const u = await addUser(db, { email: `${role}@x.test`, role, name: role, password: "password-123" });
    const session = await getSession(new Request(ORIGIN), context);
    session.set("userId", u.id);
    cookies[role] = (await commitSession(context, session)).split(";")[0];
  }
});
afterAll(() => db.dispose());

const packetPage = async (role: string) =>
  (await packetRoute.loader({
    request: get("/packets/AMT", role),
    context,
    params: { dealId: "AMT" },
  } as never)) as unknown as {
    packet: { amount_text: string | null };
    flags: { source: string; evidence: string }[];
  };

describe("the amount's conflict on the pages", () => {
  it("keeps the amount as written and flags it against the order total", async () => {
    const row = await db.db.selectFrom("packets").select(["amount", "amount_text"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ amount: 44250, amount_text: "$44,250.00" });
    const flags = (await listFlags(db, { dealId: "AMT" })).filter((f) => f.category === "conflicting_terms");
    expect(flags.map((f) => [f.source, f.evidence])).toEqual([
      ["amount", "$44,250.00"],
      ["order_form", "Order total: $42,450.00"],
    ]);
  });
  it("shows the implementation lead the amount as written and the flag citing it", async () => {
    const d = await packetPage("implementation_lead");
    expect(d.packet.amount_text).toBe("$44,250.00");
    expect(d.flags.filter((f) => f.source === "amount").map((f) => f.evidence)).toEqual(["$44,250.00"]);
  });
  it("shows a role with pricing hidden neither the amount nor its flag, and refuses /fields/amount", async () => {
    const d = await packetPage("account_owner");
    expect(d.packet.amount_text).toBeNull();
    expect(d.flags.some((f) => f.source === "amount" || f.source === "order_form")).toBe(false);
    const refused = await fieldFlags
      .loader({ request: get("/fields/amount", "account_owner"), context, params: { source: "amount" } } as never)
      .then(
        () => 200,
        (e: unknown) => (e instanceof Response ? e.status : -1),
      );
    expect(refused).toBe(403);
  });
});
