import { describe, expect, it } from "vitest";
import { scorePacket } from "../../../app/core/scoring/score";

// Everyday phrasings of each gap (written for this test, not taken from any labelled set), and look-alikes that
// are not gaps.
const base = {
  deal_id: "P",
  delivery_owner: "Dana Field",
  signed_scope:
    "1. Configure the 12 approval rules listed in Annex 2. Accepted when the " +
    "customer signs off the rule matrix.\n2. Train 5 admins in two 2-hour sessions; " +
    "complete on delivery.",
  order_form: "Widget Cloud — 50 users — 12-month term\nServices — $20,000 fixed",
  deal_desk_exception: "None",
  kickoff_note: "Main contact is Sam.",
  cs_requirement: "Quarterly review — owner: CSM Lou.",
  customer_promise: "Approval rules configured.",
};
type Probe = [category: string, name: string, over: Record<string, string>];
type Negative = [name: string, over: Record<string, string>];

/** Each probe raises at least one flag of its category on the base packet; each negative raises none. */
function phrasings(title: string, basePacket: typeof base, probes: Probe[], negatives: Negative[]) {
  describe(title, () => {
    it.each(probes)("%s: %s", (category, _name, over) => {
      expect(
        scorePacket({ ...basePacket, ...over } as never).flags.filter((x) => x.category === category).length,
      ).toBeGreaterThan(0);
    });
    it.each(negatives)("no flag for %s", (_name, over) => {
      expect(scorePacket({ ...basePacket, ...over } as never).flags).toEqual([]);
    });
  });
}

const probes: Probe[] = [
  ["timeline_assumption", "go live by June 1st", { kickoff_note: "Customer needs to go live by June 1st." }],
  ["timeline_assumption", "end of month", { kickoff_note: "I promised them everything done by end of month." }],
  ["timeline_assumption", "in 4 weeks", { customer_promise: "Fully live in 4 weeks from signature." }],
  ["scope_exception", "throw in free trainings", { kickoff_note: "We'll throw in two extra trainings for free." }],
  ["scope_exception", "complimentary", { kickoff_note: "Offered a complimentary health check after go-live." }],
  ["scope_exception", "30% discount", { kickoff_note: "Gave them 30% off year two." }],
  ["unowned_requirement", "Owner: TBA", { cs_requirement: "Data cleanup before cutover — Owner: TBA" }],
  ["unowned_requirement", "no owner yet", { cs_requirement: "Security questionnaire: no owner yet on our side" }],
  ["promise_not_in_scope", "they think SSO included", { kickoff_note: "They think SSO with Okta is included." }],
  [
    "promise_not_in_scope",
    "I promised API",
    { kickoff_note: "I promised a custom REST API for their warehouse system." },
  ],
  [
    "conflicting_terms",
    "sites 3 vs 4",
    {
      signed_scope: "1. Roll out to 3 sites. Accepted when each site signs off.",
      order_form: "Widget Cloud — 4 locations — 12-month term",
    },
  ],
  ["conflicting_terms", "users 50 vs 75", { kickoff_note: "They'll have 75 users at launch." }],
  ["conflicting_terms", "term 12 vs 24", { deal_desk_exception: "Approved: 24-month term." }],
  [
    "ambiguous_deliverable",
    "various reports",
    { signed_scope: "1. Various reports for management. Accepted when the CFO approves them." },
  ],
  ["ambiguous_deliverable", "if needed", { signed_scope: "1. Data migration if needed. Accepted when counts match." }],
  [
    "missing_acceptance_criteria",
    "bare deliverable",
    {
      signed_scope:
        "1. Configure the 12 approval rules listed in Annex 2. Accepted when signed " +
        "off.\n2. Salesforce connector for opportunity sync.",
    },
  ],
];
const negatives: Negative[] = [
  ["past date fact", { kickoff_note: "They signed on March 3 after a long cycle." }],
  [
    "discount on order form",
    {
      kickoff_note: "They got 10% off services.",
      order_form: "Widget Cloud — 50 users — 12-month term\nServices — $20,000 less 10% discount",
    },
  ],
  ["same count", { kickoff_note: "All 50 users start in week one." }],
  ["declined promise", { kickoff_note: "They asked for SSO; told them it's a separate order." }],
];

phrasings("common phrasings", base, probes, negatives);

// a second batch on a 36-month order form
const base36 = { ...base, order_form: "Widget Cloud — 50 users — 36-month term\nServices — $20,000 fixed" };
const moreProbes: Probe[] = [
  ["timeline_assumption", "targeting 9/15 launch", { kickoff_note: "They're targeting a 9/15 launch." }],
  ["timeline_assumption", "by Christmas", { customer_promise: "Approval rules live by Christmas." }],
  ["timeline_assumption", "by EOY", { kickoff_note: "CFO wants this done by EOY." }],
  ["scope_exception", "waive setup fee", { kickoff_note: "We agreed to waive the setup fee." }],
  ["scope_exception", "no charge workshop", { kickoff_note: "No charge for the second workshop, I told them." }],
  ["scope_exception", "extended support", { kickoff_note: "Extended support for 6 months at no extra cost." }],
  ["scope_exception", "price locked", { kickoff_note: "Price locked for 3 years at renewal." }],
  ["unowned_requirement", "Owner: ?", { cs_requirement: "Data cleanup — Owner: ?" }],
  ["unowned_requirement", "unassigned", { cs_requirement: "Escalation path (unassigned)" }],
  [
    "promise_not_in_scope",
    "SAML SCIM",
    { kickoff_note: "Told them we support SAML and SCIM provisioning out of the box." },
  ],
  ["promise_not_in_scope", "uptime", { kickoff_note: "I promised them 99.99% uptime with a dedicated instance." }],
  ["ambiguous_deliverable", "as required", { signed_scope: "1. Integrations as required. Accepted when tested." }],
  ["ambiguous_deliverable", "etc", { signed_scope: "1. Reports, dashboards, etc. Accepted when approved." }],
  ["ambiguous_deliverable", "best-effort", { signed_scope: "1. Best-effort data cleanup. Accepted when approved." }],
  [
    "ambiguous_deliverable",
    "full integration",
    { signed_scope: "1. Full integration with NetSuite. Accepted when tested." },
  ],
  [
    "conflicting_terms",
    "workshops 2 vs 3",
    {
      signed_scope: "1. Two (2) design workshops. Accepted when the design is signed off.",
      kickoff_note: "They expect 3 workshops.",
    },
  ],
];
const moreNegatives: Negative[] = [
  ["36-month vs 3-year", { deal_desk_exception: "Approved: 3-year term." }],
  ["renewal year fact", { kickoff_note: "Their current contract renews in 2027 anyway." }],
  ["named owner", { cs_requirement: "Data cleanup — Owner: Priya N. (Delivery)" }],
  [
    "capped as needed",
    {
      signed_scope: "1. Advisory hours as needed, capped at 20 hours. Complete when the hours are used.",
      customer_promise: "Advisory hours when needed.",
    },
  ],
];

phrasings("more phrasings", base36, moreProbes, moreNegatives);

describe("a realistic clean packet", () => {
  // approved schedule restated in the note, discount on the order form, an estimate below the licensed count,
  // a declined ask, CSM-owned routines, a promise the scope covers
  const clean = {
    deal_id: "C",
    delivery_owner: "Maya Chen",
    signed_scope:
      `Statement of Work — Helpdesk Cloud rollout for Birchwood Clinics
  1. Scope
  Provider will configure Helpdesk Cloud for Customer's 6 clinics.
  2. Deliverables
  2.1 Ticket categories and SLAs for the 4 queues listed in Appendix A.
  2.2 Email-to-ticket channel for the shared support mailbox.
  2.3 SSO with Microsoft Entra ID for up to 120 agents.
  2.4 Two 90-minute admin training sessions.
  3. Acceptance
  Each deliverable is accepted when Customer's IT lead signs the acceptance form after a test in the sandbox; ` +
      `training is complete on delivery.
  4. Schedule (approved by Delivery, M. Chen, 2/2): kickoff 2/10; UAT 3/2; go-live 3/16.
  5. Fees per the Order Form.`,
    order_form:
      "Helpdesk Cloud Pro — 120 agents — $45/agent/mo — 24-month term\nImplementation " +
      "— $18,000 fixed\nLess 5% multi-year discount",
    deal_desk_exception: "Approved 1/28 (DD-2201): 5% multi-year discount. Reflected on the order form.",
    kickoff_note:
      "- Champion is Ruth (IT lead); CFO signs.\n- They go live March 16 as agreed " +
      "with Maya.\n- About 110 agents today, growing to 120 by summer.\n- They asked " +
      "about a chatbot; told them that's a separate order.",
    cs_requirement:
      "- Monthly adoption review — owner: CSM Leo Park\n- Quarterly SLA report " +
      "(standard Helpdesk report) — owner: Leo Park",
    customer_promise: "Support tickets handled in Helpdesk Cloud by March 16, with SSO for all 120 agents.",
  };
  it("raises nothing", () => expect(scorePacket(clean).flags).toEqual([]));
});

describe("a realistic packet with every kind of gap", () => {
  const dirty = {
    deal_id: "D",
    delivery_owner: "",
    signed_scope: `SOW — Field Service Pro for Lakeside Plumbing
  Deliverables:
  - Scheduling setup for up to 40 technicians. Accepted when 20 test jobs dispatch correctly.
  - QuickBooks integration.
  - Custom reports as needed.
  - Mobile app rollout, etc.
  Timeline is tentative and will be confirmed after discovery.`,
    order_form: "Field Service Pro — 35 technicians — $60/tech/mo — 12-month term\nImplementation — $9,000",
    deal_desk_exception: "Onboarding fee waived (verbal approval, not on the order form).",
    kickoff_note:
      "- They need to be live before spring rush in April, hard date.\n- I told them " +
      "we'd also migrate 5 years of job history from their old system at no cost.\n- " +
      "Owner (Bill) assumes GPS tracking is included.",
    cs_requirement: "- Technician training videos — owner: TBD\n- Monthly usage report — owner: CSM Amy",
    customer_promise:
      "All 40 techs scheduling in the app by April 1, with GPS tracking and invoices syncing to QuickBooks.",
  };
  const flags = scorePacket(dirty).flags;
  const has = (category: string, source: string, text?: string) =>
    flags.some(
      (f) => f.category === category && f.source === source && (text === undefined || f.evidence.includes(text)),
    );
  it.each([
    ["unowned_requirement", "delivery_owner", undefined],
    ["conflicting_terms", "order_form", "35 technicians"],
    ["conflicting_terms", "signed_scope", "40 technicians"],
    ["scope_exception", "deal_desk_exception", "waived"],
    ["scope_exception", "kickoff_note", "at no cost"],
    ["timeline_assumption", "kickoff_note", "spring rush"],
    ["timeline_assumption", "customer_promise", "April 1"],
    ["missing_acceptance_criteria", "signed_scope", "QuickBooks integration"],
    ["ambiguous_deliverable", "signed_scope", "as needed"],
    ["ambiguous_deliverable", "signed_scope", "etc."],
    ["promise_not_in_scope", "kickoff_note", "GPS tracking"],
  ])("finds %s in %s (%s)", (category, source, text) => expect(has(category, source, text)).toBe(true));
  it("does not treat the schedule caveat as a deliverable", () => {
    expect(flags.some((f) => f.evidence.startsWith("Timeline is tentative"))).toBe(false);
  });
});

describe("a packet written as prose, with inline (a)/(b)/(c) deliverables", () => {
  const prose = {
    deal_id: "N",
    delivery_owner: "Raj Patel",
    signed_scope:
      "Scope: implement Payroll for 2 entities (US and Canada). Deliverables: (a) " +
      "payroll configuration for both entities, accepted on sign-off of the " +
      "configuration workbook; (b) two parallel runs, accepted when variance is under " +
      "$1 per employee; (c) year-end reporting setup.",
    order_form: "Payroll — 300 employees — $10 PEPM — 24 months. Implementation $30,000.",
    deal_desk_exception: "N/A",
    kickoff_note:
      "Great call with Linda, their HR director. They are moving off Paychex because " +
      "of service issues. Linda was clear that first live payroll must be January 15 " +
      "so they start the year clean. I mentioned we could probably handle their Mexico " +
      "entity later in the year too, and she seemed happy with that. They currently " +
      "have 340 employees across the two countries.",
    cs_requirement: "Bilingual (French) payroll reports for the Canadian entity — owner: not yet assigned.",
    customer_promise: "Payroll for US and Canada live on January 15, with Mexico added later this year.",
  };
  const flags = scorePacket(prose).flags;
  const evidence = (category: string) => flags.filter((f) => f.category === category).map((f) => f.evidence);
  it("attaches inline acceptance clauses to their deliverables", () => {
    expect(evidence("missing_acceptance_criteria")).toEqual(["(c) year-end reporting setup."]);
  });
  it("finds the soft promise, the hard date, the head-count gap and the unassigned item", () => {
    expect(evidence("promise_not_in_scope").some((e) => e.includes("Mexico entity"))).toBe(true);
    expect(evidence("timeline_assumption").some((e) => e.includes("January 15"))).toBe(true);
    expect(evidence("conflicting_terms")).toEqual(expect.arrayContaining(["300 employees"]));
    expect(evidence("unowned_requirement")).toHaveLength(1);
  });
});
