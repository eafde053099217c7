// The deal amount in the CRM against the order form's total: both sides cited, the amount as written (the stored
// amount and its pages by role are in test/routes/amount-view.test.ts).
import { describe, expect, it } from "vitest";
import { amountConflicts } from "../../../app/core/scoring/amount";
import { buildContext } from "../../../app/core/scoring/context";
import { scorePacket, sourceText } from "../../../app/core/scoring/score";
import type { PacketText } from "../../../app/core/packet";

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
