import { describe, expect, it } from "vitest";
import { packetCoverage } from "../../../app/core/review/coverage";

const full = {
  signed_scope: "1. Configure the payroll codes listed in Appendix A, accepted when the customer signs off.",
  order_form: "Payroll for 100 employees at $9 per employee per month, 12-month term.",
  deal_desk_exception: "None",
  kickoff_note: "Contact is Pat, who wants a weekly status call during the rollout.",
  cs_requirement: "Quarterly business review with the customer success manager Cara.",
  customer_promise: "Payroll configured and running before the first pay date.",
  score_status: "scored",
  approved_source: true,
  text_checks: null,
};

describe("what was checked on a packet", () => {
  it("says every part was read when it was", () => {
    const c = packetCoverage(full);
    expect(c.status).toBe("scored");
    expect(c.summary).toBe("Scored: every part was read by every check.");
    expect(c.parts.every((p) => p.state === "read")).toBe(true);
  });
  it("names blank, thin and non-English parts, so no flag is not read as no gap", () => {
    const c = packetCoverage({
      ...full,
      signed_scope: "  ",
      order_form: "Payroll.",
      cs_requirement: "N/A",
      kickoff_note: "Der Kunde möchte wöchentliche Termine.",
      text_checks: JSON.stringify({ kickoff_note: "de" }),
    });
    expect(Object.fromEntries(c.parts.map((p) => [p.source, p.state]))).toEqual({
      signed_scope: "blank",
      order_form: "thin",
      deal_desk_exception: "read",
      kickoff_note: "not_english",
      cs_requirement: "blank",
      customer_promise: "read",
    });
    expect(c.summary).toMatch(/4 of 6 parts could not be fully checked: no flag there does not mean no gap/);
    expect(c.parts.find((p) => p.source === "kickoff_note")!.note).toMatch(/in German: wording checks skipped/);
  });
  it("says when nothing ran: unapproved source, failed or not yet scored; hidden parts stay hidden", () => {
    expect(packetCoverage({ ...full, score_status: "skipped_source", approved_source: false }).summary).toMatch(
      /source system is not approved/,
    );
    expect(packetCoverage({ ...full, score_status: "failed" }).summary).toMatch(/Scoring failed/);
    expect(packetCoverage({ ...full, score_status: null }).summary).toMatch(/Not scored yet/);
    expect(packetCoverage(full, new Set(["order_form"])).parts.find((p) => p.source === "order_form")!.state).toBe(
      "hidden",
    );
  });
});
