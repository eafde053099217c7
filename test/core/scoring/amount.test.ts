// The deal amount in the CRM against the order form's total: both sides cited, the amount as written, hidden
// from roles that may not see pricing.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amountConflicts } from "../../../app/core/scoring/amount";
import { buildContext } from "../../../app/core/scoring/context";
import { scorePacket, sourceText } from "../../../app/core/scoring/score";
import type { PacketText } from "../../../app/core/packet";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { listFlags } from "../../../app/core/review/flags.server";
import { visibilityFor } from "../../../app/core/auth/visibility.server";
import { getPilotSettings, setPilotSettings } from "../../../app/core/settings.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";

const base: PacketText = {
  deal_id: "K1",
  delivery_owner: "Rhian Dube",
  signed_scope: "1. Set up the kennel booking diary. Accepted when 20 test bookings show on the day sheet.",
  order_form: "",
  deal_desk_exception: "None",
  kickoff_note: "",
  cs_requirement: "",
  customer_promise: "",
};
const cited = (amount: string, order: string) =>
  amountConflicts(buildContext({ ...base, amount_text: amount, order_form: order })).map((f) => {
    const p = { ...base, amount_text: amount, order_form: order };
    return `${f.source}: ${sourceText(p, f.source).slice(f.start!, f.end!)}`;
  });

describe("the deal amount against the order form's total", () => {
  const form = [
    "Kennel diary licence .... 12 × €480 p.a. .... €5.760",
    "Onboarding pack ......... 1 × €9.900 one-off .. €9.900",
    "Invoice total: €15.660",
  ].join("\n");

  it("cites the amount as written and the total line when two digits swap", () => {
    expect(cited(" €16.560 ", form)).toEqual(["amount: €16.560", "order_form: Invoice total: €15.660"]);
  });
  it("finds nothing when the amount is a figure the form states (the total, or one line of it)", () => {
    expect(cited("€15.660,00", form)).toEqual([]);
    expect(cited("EUR 15660", form)).toEqual([]);
    expect(cited("€9.900", form)).toEqual([]);
  });
  it("leaves a figure far from the total alone: a three-year value is another thing, not a typo", () => {
    expect(cited("€46.980", form)).toEqual([]);
  });
  it("compares no figures in two currencies, and reads no subtotal as the total", () => {
    expect(cited("£16,560", form)).toEqual([]);
    const sub = "Licences ... €5.760\nServices ... €9.900\nSubtotal: €15.660\nVAT 21%: €3.288,60";
    expect(cited("€16.560", sub)).toEqual([]);
  });
  it("scores the amount as part of the packet, with a citation the gate accepts", () => {
    const p = { ...base, amount_text: "$48,250.00", order_form: "Pack ... $42,850.00\nTOTAL DUE: $42,850.00" };
    const found = scorePacket(p).flags.filter((f) => f.category === "conflicting_terms");
    expect(found.map((f) => `${f.source}: ${f.evidence}`)).toEqual([
      "amount: $48,250.00",
      "order_form: TOTAL DUE: $42,850.00",
    ]);
  });
});

describe("an imported amount, scored and shown by role", () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    db = await tempDb();
    const order = "Diary licence — 20 seats — $12,000.00\nSet-up — $30,450.00\nOrder total: $42,450.00";
    writeFileSync(
      path.join(db.dir, "h.csv"),
      csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "AM1", amount: "$44,250.00", order_form: order })]),
    );
    await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") });
    await runScore(db);
  });
  afterAll(() => db.dispose());

  it("keeps the amount as written and flags it against the order total", async () => {
    const row = await db.db.selectFrom("packets").select(["amount", "amount_text"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ amount: 44250, amount_text: "$44,250.00" });
    const flags = (await listFlags(db, { dealId: "AM1" })).filter((f) => f.category === "conflicting_terms");
    expect(flags.map((f) => [f.source, f.evidence])).toEqual([
      ["amount", "$44,250.00"],
      ["order_form", "Order total: $42,450.00"],
    ]);
  });
  it("hides the amount's flag and text from a role that may not see pricing", async () => {
    await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), hide_pricing_from: ["account_owner"] });
    const vis = await visibilityFor(db.db, "account_owner");
    const flags = await listFlags(db, { dealId: "AM1" });
    expect(vis.flags(flags).some((f) => f.source === "amount" || f.source === "order_form")).toBe(false);
    const row = await db.db.selectFrom("packets").selectAll().executeTakeFirstOrThrow();
    expect(vis.packet(row)).toMatchObject({ amount: null, amount_text: null, order_form: null });
    expect((await visibilityFor(db.db, "implementation_lead")).flags(flags).some((f) => f.source === "amount")).toBe(
      true,
    );
  });
});
