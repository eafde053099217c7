import { describe, expect, it } from "vitest";
import { scorePacket } from "../../../app/core/scoring/score";
import type { PacketText } from "../../../app/core/packet";
import { buildContext } from "../../../app/core/scoring/context";
import { factsOf } from "../../../app/core/scoring/facts";
import { DECLINED, NOT_A_PROMISE, speakerPrefix } from "../../../app/core/scoring/conversation";
import { vagueHit } from "../../../app/core/scoring/vagueness";
import { logicalLines } from "../../../app/core/scoring/structure";
import { documentOf, sectionKind } from "../../../app/core/scoring/document";
import { languageName } from "../../../app/core/scoring/language";
import { dateMentions, parseNumberWords } from "../../../app/core/scoring/numbers";

// One test per failure family of the scorer issue, on packets written for this file in wording of its own
// (a veterinary-clinic group, a freight broker, a museum, a school district, a brewery, a law firm). Each failed on
// the scorer before the document model, the typed facts and the conversation reader.
const base: PacketText = {
  deal_id: "F-1",
  delivery_owner: "Morgan Ibe",
  signed_scope: "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
  order_form: "Kennelwise Pro — 3 clinics — 12-month term",
  deal_desk_exception: "None",
  kickoff_note: "Good call with the practice manager.",
  cs_requirement: "Quarterly usage review — owner: CSM Dara",
  customer_promise: "Kennel bookings confirmed by SMS.",
};
const flags = (over: Partial<PacketText>, category: string) =>
  scorePacket({ ...base, ...over }).flags.filter((f) => f.category === category);
const evidence = (over: Partial<PacketText>, category: string) => flags(over, category).map((f) => f.evidence);
/** A packet's facts as "source:key=value" lines. */
const facts = (over: Partial<PacketText>) =>
  factsOf(buildContext({ ...base, ...over })).map((f) => `${f.source}:${f.key}=${f.value}`);

describe("missing acceptance criteria: deliverables, not the document around them", () => {
  const sow = [
    "STATEMENT OF WORK",
    "Harbourline Museum Trust — Collections Portal",
    "Agreement HMT-2026-04",
    "",
    "1.0 BACKGROUND",
    "1.1 The Trust holds about 40,000 catalogued objects in a desktop database.",
    "2.0 DELIVERABLES",
    "D1 Object record migration",
    "D2 Public search pages",
    "D3 Image rights register",
    "3.0 ACCEPTANCE",
    "3.1 D1 is accepted when a 200-record sample matches the source database field for field.",
    "3.2 D2 is accepted on the Registrar's written approval of the search page checklist.",
    "4.0 TRUST RESPONSIBILITIES",
    "Provide a database export and a named Registrar.",
  ].join("\n");
  it("takes headings, titles, agreement numbers and customer duties for what they are, and links D1/D2 by id", () => {
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual(["Image rights register"]);
  });
  it("links an acceptance section that names deliverables by range ('Items 1–3') and by name", () => {
    const scope =
      "1. Load routing rules.\n2. Carrier portal.\n3. Rate-card import.\n4. Claims " +
      "workflow.\n\nAcceptance. Items 1–3 are accepted when 30 test loads route " +
      "correctly.";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Claims workflow."]);
  });
  it("lets a packet-wide sign-off procedure cover every work package", () => {
    const scope =
      "Work package 1 — Roster import for 14 schools.\nWork package 2 — Parent " +
      "messaging set-up.\nAcceptance: each work package is signed off by the district " +
      "IT lead within 5 school days of the completion notice.";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a story's acceptance line as the story's own", () => {
    const scope =
      "Epic 1: Taproom tabs\n  T-1 As a bartender I want to open a tab with a card " +
      "swipe.\n    AC: Given a swiped card, When the tab closes, Then the card is " +
      "charged the tab total.\n  T-2 As a manager I want end-of-night tab reports.";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "As a manager I want end-of-night tab reports.",
    ]);
  });
  it("does not take a story about approvals, or another story's acceptance line, for this story's acceptance", () => {
    const scope = [
      "Epic 1: Purchasing",
      "  P-1 As a buyer I want approval routing by cost centre.",
      "  P-2 As a buyer I want open tabs settled nightly.",
      "    AC: Given open tabs at close, When the night batch runs, Then every tab is settled to the card on file.",
      "  P-3 As a bookkeeper I want settled tabs exported with their open dates.",
      "  P-4 Migrate the approved supplier list into the purchasing module.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "As a buyer I want approval routing by cost centre.",
      "As a bookkeeper I want settled tabs exported with their open dates.",
      "Migrate the approved supplier list into the purchasing module.",
    ]);
  });
  it(
    "reads a numbered 'Tasks' group as scope, lettered deliverables in a run as " +
      "items, and 'Deliverables 2 and 4' as two ids",
    () => {
      const scope = [
        "Section 1. Definitions",
        '"Cut-over" means the night the old system stops taking bookings.',
        "Section 2. Tasks",
        "2.1 Booking import: load future bookings from the old system.",
        "2.2 Reminder set-up: configure e-mail reminders for each clinic.",
        "Section 3. Deliverables",
        "D1 Booking import report",
        "D2 Reminder templates",
        "D3 Cut-over runbook",
        "D4 Clinic dashboard",
        "Section 4. Acceptance",
        "Deliverables 2 and 4 are accepted when the practice manager signs the test checklist.",
      ].join("\n");
      expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
        "Booking import report",
        "Cut-over runbook",
      ]);
    },
  );
  it(
    "does not take settings, definitions or a counted parallel run for deliverables, " +
      "and reads 'tested on a sample' as a condition",
    () => {
      const scope = [
        "1. Users: the system is configured for thirty (30) named users.",
        "2. Data retention configured for six (6) years.",
        "3. Payroll bridge: one parallel payroll cycle against the old system before go-live.",
        "4. Vaccine reminder letters, tested on 40 sample owners before go-live.",
        '5. "Clinic sites" are those premises listed in Schedule 1.',
        "6. Boarding calendar.",
      ].join("\n");
      expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Boarding calendar."]);
    },
  );
  it("flags custom work bought on the order form that the SOW never mentions", () => {
    const f = flags(
      {
        order_form:
          "Kennelwise Pro — 3 clinics — 12-month term\nCustom vaccine reminder templates build, up to 8 templates",
      },
      "missing_acceptance_criteria",
    );
    expect(f.map((x) => [x.source, x.evidence])).toEqual([
      ["order_form", "Custom vaccine reminder templates build, up to 8 templates"],
    ]);
  });
});

describe("missing acceptance criteria: items named by word and number or letter", () => {
  it("links 'Work item 2', 'LINE 003' and 'Item C' in an acceptance line to the items they name", () => {
    const scopes = [
      [
        "Work item 1 — Booking page for the three clinics.",
        "Work item 2 — Reminder texts the day before each visit.",
        "Acceptance: work item 1 is accepted when 15 trial bookings land in the diary; work item 2 when a reminder " +
          "reaches each of 5 staff phones.",
      ],
      [
        "• LINE 002: Kennel camera feeds, QTY 12",
        "• LINE 003: Owner viewing app, 1 EA",
        "• ACCEPT: LINE 002 — every feed streams for 48 h without a drop; LINE 003 — 10 owners log in and watch",
      ],
      [
        "- ITEM B: Vaccination record import",
        "- ITEM C: Pharmacy stock alerts",
        "- ACCEPTANCE (ITEM B, ITEM C): the practice manager signs off a 50-record check and 3 test alerts",
      ],
    ];
    for (const lines of scopes) {
      const uncovered = evidence({ signed_scope: lines.join("\n") }, "missing_acceptance_criteria");
      expect(uncovered).toEqual([]);
    }
    const open = evidence({ signed_scope: scopes[0].slice(0, 2).join("\n") }, "missing_acceptance_criteria");
    expect(open).toHaveLength(2);
  });
});

describe("document model: plans of work and lettered runs", () => {
  it("reads an undated numbered line under a plan heading as work, and 'Done =' as its condition", () => {
    const scope = [
      "Rollout plan (short form)",
      "1) Online booking for both clinics. Done = 12 test bookings reach the diary.",
      "2) Some reminder texts for owners.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Some reminder texts for owners.",
    ]);
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("reads 'A.', 'B.' at line starts as ids when the letters run", () => {
    const scope = [
      "Statement of Work — Kennelwise",
      "A. Booking module for the three clinics.",
      "B. Kennel cameras, streams, alerts etc.",
      "Acceptance: deliverable A is accepted when 12 test bookings reach the diary.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toHaveLength(1);
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Kennel cameras, streams, alerts etc.",
    ]);
  });
});

describe("missing acceptance criteria: attachments, padded ranges, parenthesised ids and bare sign-offs", () => {
  const missing = (lines: string[]) => evidence({ signed_scope: lines.join("\n") }, "missing_acceptance_criteria");
  it("links 'A.1'-style ids and a zero-padded range, and reads a numbered schedule's title for its kind", () => {
    expect(
      missing([
        "Schedule 1 (Works)",
        "A.1 Booking page for both clinics.",
        "A.2 Reminder texts to owners.",
        "Schedule 2 — Acceptance: A.1 and A.2 accepted when 12 test bookings each trigger a reminder.",
      ]),
    ).toEqual([]);
    expect(
      missing([
        "R-01 Booking page for both clinics.",
        "R-02 Reminder texts to owners.",
        "R-03 Kennel camera feeds.",
        "Acceptance: R-01 to R-03 accepted when the practice manager signs the test log.",
      ]),
    ).toEqual([]);
  });
  it("links '(1) and (2)' but not a count written twice ('Five (5) templates')", () => {
    expect(
      missing([
        "(1) Booking page for both clinics.",
        "(2) Reminder texts to owners.",
        "(3) Kennel camera feeds for the night shift.",
        "Acceptance: (1) and (2) are accepted when 12 test bookings each trigger a reminder.",
      ]),
    ).toEqual(["Kennel camera feeds for the night shift."]);
    expect(
      missing([
        "1. Five (5) invoice layouts; accepted when the owner approves the proofs.",
        "5. Loyalty points for repeat visits.",
      ]),
    ).toEqual(["Loyalty points for repeat visits."]);
  });
  it("links '(a) accepted when …; (c) …' to those list items and leaves the others open", () => {
    expect(
      missing([
        "(a) Booking page for both clinics.",
        "(b) Reminder texts to owners.",
        "(c) Kennel camera feeds.",
        "ACCEPTANCE — (a) accepted after 12 test bookings; (c) accepted when 6 feeds stream for a day.",
      ]),
    ).toEqual(["Reminder texts to owners."]);
  });
  it("takes 'accepted per customer sign-off' for no condition, and 'certified by … when' for one", () => {
    const lines = ["D1 Booking page for both clinics.", "D2 Reminder texts to owners."];
    expect(missing([...lines, "Completion: D1 and D2 accepted per customer sign-off."])).toHaveLength(2);
    expect(
      missing([...lines, "Completion: D1 and D2 certified by the practice manager when 12 test bookings land."]),
    ).toEqual([]);
  });
});

describe("plain-English scopes and short deliverables", () => {
  it("reads question-style headings and 'each item above is finished when …' as a regime", () => {
    const scope = [
      "What we'll set up for you",
      "• Booking page for both clinics.",
      "• Reminder texts to owners the day before.",
      "How you'll know it's finished",
      "Each item above is finished when your practice manager confirms it by e-mail.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual([]);
  });
  it("calls a short deliverable vague only when its work has no natural end or counterpart", () => {
    const scope = (item: string) =>
      ["1. Booking page for both clinics; accepted when 12 test bookings land.", `2. ${item}`].join("\n");
    expect(evidence({ signed_scope: scope("Kennel occupancy dashboard.") }, "ambiguous_deliverable")).toEqual([]);
    expect(evidence({ signed_scope: scope("Go-live support.") }, "ambiguous_deliverable")).toHaveLength(1);
    expect(evidence({ signed_scope: scope("Pharmacy integration.") }, "ambiguous_deliverable")).toHaveLength(1);
    expect(evidence({ signed_scope: scope("Front-desk training.") }, "ambiguous_deliverable")).toHaveLength(1);
    expect(
      evidence({ signed_scope: scope("Front-desk training: two 1-hour sessions.") }, "ambiguous_deliverable"),
    ).toEqual([]);
  });
});

describe("house formats: wiki tables, redlines, key results", () => {
  it(
    "reads a wiki table's doubled-bar header and its 'h3.' headings, and cites the " +
      "summary, not the acceptance cell",
    () => {
      const scope =
        "h2. Work\n||Key||Summary||Acceptance||\n|VK-1|Kennel map import|All 120 runs " +
        "load with their sizes|\n|VK-2|Owner portal|\nh3. Notes\n* The cattery is not in " +
        "scope.";
      expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Owner portal"]);
    },
  );
  it("ignores what a redline struck out, in the scope and in the numbers", () => {
    const scope =
      "2.1 The Supplier shall configure the kennel module [deleted: for two clinics] " +
      "[inserted: for three clinics]. Accepted when 20 test bookings confirm.\n2.2 " +
      "~~The Supplier shall provide weekly reports.~~";
    expect(scorePacket({ ...base, signed_scope: scope }).flags.filter((f) => f.source === "signed_scope")).toEqual([]);
  });
  it("takes a change order's removed rows out of scope", () => {
    const scope =
      "| Change | Item | Acceptance |\n|---|---|---|\n| ADDED | Vaccine stock alerts | " +
      "Accepted when 30 test alerts arrive within 2 minutes |\n| REMOVED | Grooming " +
      "calendar | — |\n| ADDED | Owner app check-in | |";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Owner app check-in"]);
  });
  it("reads a dated activity log's first line as an entry, not a header, and 'we'd look at it' as no promise", () => {
    const kickoff_note =
      "2026-03-02 10:14 | Call | Owner asked for a grooming calendar; I said we'd look " +
      "at it after go-live.\n2026-03-04 16:40 | Email | Sent the order form.";
    expect(evidence({ kickoff_note }, "promise_not_in_scope")).toEqual([]);
    expect(
      evidence(
        { kickoff_note: kickoff_note.replace("I said we'd look at it after go-live", "I said we'd build it") },
        "promise_not_in_scope",
      ),
    ).toHaveLength(1);
  });
  it("takes a key result with a target percentage as its own measure", () => {
    const scope =
      "Objective 1: Faster bookings\n  KR1.1 Online share of bookings above 60% by the " +
      "end of Q3\n  KR1.2 Reminder set-up";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Reminder set-up"]);
  });
});

describe("conflicting terms: the same fact stated differently", () => {
  it("sees a fee that differs between the SOW and the order form", () => {
    const f = flags(
      {
        signed_scope: base.signed_scope + "\nFees: fixed fee of $48,500.",
        order_form: "Implementation services (fixed fee) | 1 | $45,800.00",
      },
      "conflicting_terms",
    );
    expect(f.map((x) => x.source).sort()).toEqual(["order_form", "signed_scope"]);
  });
  it("sees counts of any counted thing: seven branches against nine branch licences", () => {
    const f = flags(
      {
        signed_scope: "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
        kickoff_note: "They run seven branches across the county.",
        order_form: "Kennelwise Pro — 12-month term\nBranch licences: 9",
      },
      "conflicting_terms",
    );
    expect(f.map((x) => x.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("sees a go-live date promised on the sales side against the schedule's, in day-first dates too", () => {
    const scope = base.signed_scope + "\nSchedule (confirmed by our delivery lead, 02/03/2026): go-live 14/09/2026.";
    const f = flags({ signed_scope: scope, cs_requirement: "Go-live target: 01/08/2026" }, "conflicting_terms");
    expect(f.map((x) => x.source).sort()).toEqual(["cs_requirement", "signed_scope"]);
  });
  it("counts one thing under its other names: texts and msgs, haul trucks and tractors, depots and sites", () => {
    const cases: [string, string][] = [
      ["Text bundle: 20,000 messages/mo", "I quoted them 35k msgs/mo for the reminders"],
      ["Telematics licence — 90 power units", "their yard runs 120 tractors since the merger"],
      ["Depot licences: 8", "rollout covers all 11 depots"],
    ];
    for (const [order_form, kickoff_note] of cases) {
      expect(
        flags(
          {
            signed_scope: "1. Configure the booking module. Accepted when 20 test bookings confirm.",
            order_form,
            kickoff_note,
          },
          "conflicting_terms",
        )
          .map((x) => x.source)
          .sort(),
      ).toEqual(["kickoff_note", "order_form"]);
    }
  });
  it("reads the column names under a pipe-separated title line", () => {
    const order_form = [
      "Order 77-B | Term: 12 months | Prices in USD",
      "",
      "| Line | Item | Qty | Price |",
      "|---|---|---|---|",
      "| 1 | Vet login, per vet per month | 14 | $60.00 |",
    ].join("\n");
    const f = flags({ order_form, kickoff_note: "Licensing covers all 17 of their vets." }, "conflicting_terms");
    expect(f.map((x) => x.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("compares the date a seller gave for a named piece of work with that work's row in the schedule", () => {
    const signed_scope =
      base.signed_scope +
      ("\n| ID | Deliverable | Due |\n|---|---|---|\n| M1 | Kennel booking module | 4 " +
        "May 2026 |\n| M2 | Pharmacy stock sync | 22 June 2026 |");
    const f = flags(
      { signed_scope, kickoff_note: "I told the owner we'd have the pharmacy stock sync working by 1 June." },
      "conflicting_terms",
    );
    expect(f.map((x) => x.evidence)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Pharmacy stock sync"),
        expect.stringContaining("pharmacy stock sync working"),
      ]),
    );
    // the same note naming work the schedule dates later is not compared with another row's earlier date
    expect(
      flags(
        { signed_scope, kickoff_note: "I told the owner we'd have the pharmacy stock sync working by 30 June." },
        "conflicting_terms",
      ),
    ).toEqual([]);
  });
  it("keeps a new commitment even when the same note repeats the contracted date", () => {
    const signed_scope = base.signed_scope + "\nSchedule approved by delivery: go-live 9 March 2026.";
    const kickoff_note =
      "Plan says go-live 9 March. But I told the practice manager we'd go live 23 February for their open day.";
    expect(
      flags({ signed_scope, kickoff_note }, "conflicting_terms")
        .map((x) => x.source)
        .sort(),
    ).toEqual(["kickoff_note", "signed_scope"]);
  });
  it(
    "separates a cap from a count: a SOW cap against a smaller order is a conflict, " +
      "today's volume under the cap is not",
    () => {
      expect(
        flags(
          {
            signed_scope: base.signed_scope + "\nMigrate up to 900 client records from the clinic group.",
            order_form: "Record migration: 700 client records",
          },
          "conflicting_terms",
        ),
      ).toHaveLength(2);
      expect(
        flags(
          {
            order_form: "Kennelwise Pro — up to 5,000 client records",
            kickoff_note: "They hold 4,100 client records today.",
          },
          "conflicting_terms",
        ),
      ).toEqual([]);
    },
  );
  it("counts the people in '12 front-desk office users', and nothing in a date range or a product's version", () => {
    const order_form = "Kennelwise Pro — 12 office users — 12-month term";
    const signed_scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
    for (const kickoff_note of [
      "They run 2 offices in the valley.",
      "Launch at their open days, May 3-6 so staff can try it.",
      "They found us through the Vetstar 9 user forum.",
    ]) {
      expect(flags({ signed_scope, order_form, kickoff_note }, "conflicting_terms")).toEqual([]);
    }
  });
  it("does not flag the same value written two ways, an addition, or a part of the whole", () => {
    for (const note of [
      "All twelve (12) vets get a login.",
      "They asked for two extra clinics next spring.",
      "2 of the clinics still use paper charts.",
    ]) {
      expect(
        evidence(
          { kickoff_note: note, order_form: "Kennelwise Pro — 3 clinics — 12 vet logins — 12-month term" },
          "conflicting_terms",
        ),
      ).toEqual([]);
    }
  });
});

describe("conflicting terms: lengths, cadences, labelled estimates and places by other names", () => {
  const sources = (over: Partial<PacketText>) =>
    flags(over, "conflicting_terms")
      .map((x) => x.source)
      .sort();
  it("compares how long the delivery work runs, however it is named", () => {
    const over = {
      signed_scope: base.signed_scope + "\nOur team runs a 9-week engagement from kickoff.",
      kickoff_note: "Practice manager was told an 11-week timeline.",
    };
    expect(sources(over)).toEqual(["kickoff_note", "signed_scope"]);
    expect(sources({ ...over, kickoff_note: "Practice manager was told a 9-week timeline." })).toEqual([]);
  });
  it("compares how often a recurring activity happens: twice a month against every other month", () => {
    const over = {
      signed_scope: base.signed_scope + "\nClinic huddles 2x/month during the first year.",
      cs_requirement: "Clinic huddles every other month from month 3 — owner: CSM Dara",
    };
    expect(sources(over)).toEqual(["cs_requirement", "signed_scope"]);
    expect(sources({ ...over, cs_requirement: "Clinic huddles twice a month — owner: CSM Dara" })).toEqual([]);
  });
  it("reads a labelled estimate ('Records to move: approx. 900') against the contracted count", () => {
    const over = {
      signed_scope: base.signed_scope + "\nMigration of 600 patient histories from the old system.",
      cs_requirement: "Histories to move: approx. 900, some of them archived.",
    };
    expect(sources(over)).toEqual(["cs_requirement", "signed_scope"]);
  });
  it("takes a line's label as the topic of its figures: a retention rule against a longer one", () => {
    const over = {
      signed_scope: base.signed_scope + "\nRetention rules: surgical consent forms 6 years after the last visit.",
      cs_requirement: "Surgical consent forms retained for 8 years after the last visit — owner: CSM Dara",
    };
    expect(sources(over)).toEqual(["cs_requirement", "signed_scope"]);
  });
  it("reads a term written as its first and last day", () => {
    const over = {
      signed_scope: base.signed_scope + "\nPeriod of performance: March 2, 2026 through March 1, 2027.",
      order_form: "Kennelwise Pro — 3 clinics — Term: 24 months",
    };
    expect(sources(over)).toEqual(["order_form", "signed_scope"]);
    expect(sources({ ...over, order_form: "Kennelwise Pro — 3 clinics — Term: 12 months" })).toEqual([]);
  });
  it("counts properties and premises as the places they are", () => {
    const over = {
      signed_scope: "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
      order_form: "Kennelwise Pro — boarding module — 4 properties — 12-month term",
      kickoff_note: "Owner keeps mentioning 6 boarding hotels on the rollout list.",
    };
    expect(sources(over)).toEqual(["kickoff_note", "order_form"]);
  });
});

describe("conflicting terms: record exports, labelled figures and accounts", () => {
  const sources = (over: Partial<PacketText>) =>
    flags(over, "conflicting_terms")
      .map((x) => x.source)
      .sort();
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  it("reads a one-line CRM record with bars as fields, not as a table header", () => {
    const note = "Stage: Won | Next step: handoff | Notes: owner is opening 7 clinics this year";
    expect(sources({ signed_scope: scope, order_form: "Clinic licences: 5", kickoff_note: note })).toEqual([
      "kickoff_note",
      "order_form",
    ]);
  });
  it("counts what the figure names ('Pen licences: 30 pens'), and no reference number ('Rate 2.01')", () => {
    const over = {
      signed_scope: scope,
      order_form: "Pen licences: 30 pens @ £4/month\nRate 2.01 Site licence: £40 per site per month (3 sites)",
      cs_requirement: "Pens: 34 pens need sensors this season.",
    };
    expect(sources(over)).toEqual(["cs_requirement", "order_form"]);
  });
  it("counts nothing in a version ('VETLIMS 8'), an id digit ('REQ-R4') or today's estate ('the existing 9')", () => {
    const order_form = "Kennelwise Pro — 3 clinics — 12-month term";
    for (const cs_requirement of [
      "Link to their VETLIMS 8 install serving both clinics.",
      "REQ-R4  Three booking reports for the owner",
      "Config as per the existing 9 clinics of the group.",
    ])
      expect(sources({ signed_scope: scope, order_form, cs_requirement })).toEqual([]);
  });
  it("counts nothing in what happened before or in a test set", () => {
    const order_form = "Kennelwise Pro — 3 clinics — 12-month term";
    for (const kickoff_note of [
      "Their last audit flagged missed vaccinations at two clinics.",
      "The inspector found 7 overdue kennels last year.",
    ])
      expect(sources({ signed_scope: scope, order_form, kickoff_note })).toEqual([]);
    const signed_scope = scope + "\nAccepted when a sample batch of forty (40) bookings matches the diary.";
    expect(sources({ signed_scope, order_form: "Kennelwise Pro — up to 900 bookings a month" })).toEqual([]);
  });
  it("compares figures under the same line label, and accounts set up for people with users", () => {
    expect(
      sources({
        signed_scope: scope,
        order_form: "Duration: 12 months",
        customer_promise: "Duration: 18 months of use.",
      }),
    ).toEqual(["customer_promise", "order_form"]);
    expect(
      sources({
        signed_scope: scope,
        order_form: "Kennelwise Pro — Qty: 20 users — 12-month term",
        kickoff_note: "Noted — we will set up 26 accounts for the vets.",
      }),
    ).toEqual(["kickoff_note", "order_form"]);
  });
});

describe("scope exceptions: concessions by any name, approved ones left alone", () => {
  it("finds 'we do not charge' in any word order, and reads '— I said no' as declining the ask before it", () => {
    expect(
      evidence(
        { kickoff_note: "Mileage for the two site visits we do not charge, I told the owner." },
        "scope_exception",
      ),
    ).toHaveLength(1);
    expect(
      evidence(
        { kickoff_note: "The owner asked for a discount on the camera add-on — I said no, list price applies." },
        "scope_exception",
      ),
    ).toEqual([]);
  });
  it("finds price holds, slid payments, unbilled months and absorbed costs in a seller's note", () => {
    const notes = [
      "I said we'd keep their kennel licence price flat through the first renewal.",
      "Told the owner the set-up fee gets invoiced only after the spring open day.",
      "The first two months of boarding fees won't be invoiced while they migrate.",
      "We'll swallow the overtime if the cut-over runs past midnight.",
      "Agreed their second invoice can slide to 75 days.",
    ];
    for (const kickoff_note of notes)
      expect(flags({ kickoff_note }, "scope_exception").map((f) => f.evidence)).toEqual([kickoff_note]);
  });
  it("does not flag an exception the deal desk approved, and does flag one still pending", () => {
    expect(
      flags(
        { deal_desk_exception: "DD-5120 approved 4 March (R. Vance): 7% discount on the kennel module for year 1." },
        "scope_exception",
      ),
    ).toEqual([]);
    expect(
      flags(
        {
          deal_desk_exception:
            "DD-5121 submitted 6 March: 7% discount on the kennel module for year 1. Pending review.",
        },
        "scope_exception",
      ),
    ).toHaveLength(1);
  });
});

describe("promises: paraphrased asks found, explicit non-promises respected", () => {
  it("flags a commitment the scope does not contain, quoting the reader's words", () => {
    const f = flags(
      { kickoff_note: "Told the owner we'd hook their X-ray archive into the booking screen." },
      "promise_not_in_scope",
    );
    expect(f).toHaveLength(1);
    // the message quotes words as written ("archive", "X-ray"), never stems ("archiv")
    expect(f[0].message).toMatch(/X-ray/);
    expect(f[0].message).toMatch(/\barchive\b/);
    expect(f[0].message).not.toMatch(/\barchiv\b/);
  });
  it("reads a named person's sign-off as the customer's duty, and a citation's 'Vol.' as no sentence end", () => {
    const cs = "Quarterly usage review — owner: CSM Dara\nNia Okafor (head nurse) signs off the kennel camera tests.";
    expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
    const quoted = 'From our tender reply (Vol. 2, p. 9), quoted by the owner: "Bookings confirmed by SMS."';
    expect(evidence({ customer_promise: quoted }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a yes that names what it agrees to as a promise of the ask before it, and a bare yes as nothing", () => {
    const note = (reply: string) => `The owner asked whether the cameras also stream to the owners' phones. ${reply}`;
    expect(evidence({ kickoff_note: note("Told him yes, from day one.") }, "promise_not_in_scope")).toEqual([
      "Told him yes, from day one.",
    ]);
    expect(evidence({ kickoff_note: note("Yes.") }, "promise_not_in_scope")).toEqual([]);
    expect(evidence({ kickoff_note: note("Yes, finance signed that off.") }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a memo's numbered points after its header block, and 'I indicated it would be' as a commitment", () => {
    const note = [
      "MEMO",
      "TO: Delivery",
      "RE: Kennelwise handover",
      "1. The practice manager asked about grooming bookings; I indicated that it would be included from launch.",
    ].join("\n");
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toHaveLength(1);
  });
  it("does not read an acceptance condition, an optional COULD item or a named contact as a promise", () => {
    for (const cs of [
      "Kennel camera set-up is done when 6 feeds stream and the head nurse signs the check sheet.",
      "COULD — Pharmacy stock alerts to the head nurse's phone.",
      "Pharmacy vendor contact for the stock feed named (J. Ortiz) — owner: CSM Dara",
    ])
      expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads invoices as data a promise moves, not as billing, unless someone is invoiced", () => {
    const note = (t: string) => evidence({ kickoff_note: t }, "promise_not_in_scope");
    expect(note("Told the owner we'd also load three years of pharmacy invoices from the old scanner.")).toHaveLength(
      1,
    );
    expect(note("Told the owner the camera add-on gets invoiced after the spring open day.")).toEqual([]);
  });
  it("flags a promise in a note even where the same sentence also says nobody owns it", () => {
    const note =
      "they want the pharmacy stock synced to the kennel app — I said yes. no idea who owns that on our side";
    const f = scorePacket({ ...base, kickoff_note: note }).flags.map((x) => x.category);
    expect(f).toEqual(expect.arrayContaining(["promise_not_in_scope", "unowned_requirement"]));
  });
  it("reads a short CS list's sentences as requirements, and a cited contract section as covered", () => {
    const cs = (line: string) =>
      evidence({ cs_requirement: `Head nurse signs off each clinic.\n${line}` }, "promise_not_in_scope");
    expect(cs("Owners expect a live feed of their pets' weights on their phones.")).toHaveLength(1);
    expect(cs("Kennel camera retention per Section 4.2 of the contract, owner: CSM Dara.")).toEqual([]);
  });
  it("flags a promise of what the scope explicitly excludes, and reads 'that's out' as a decline", () => {
    const signed_scope = base.signed_scope + "\nOut of scope: grooming salon scheduling; pet insurance claims.";
    expect(
      evidence(
        { signed_scope, kickoff_note: "I told the owner we'd set up grooming salon scheduling at go-live." },
        "promise_not_in_scope",
      ),
    ).toHaveLength(1);
    expect(
      evidence(
        { signed_scope, kickoff_note: "I told the owner grooming salon scheduling is out, it's a later phase." },
        "promise_not_in_scope",
      ),
    ).toEqual([]);
  });
  it("does not flag explicit non-promises, declines or e-mail furniture", () => {
    const note =
      "I haven't offered anything beyond the SOW. They asked about a loyalty app; I said it would need its own order.";
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const mail =
      "From: Jo Park\nTo: Sam Lee\nSubject: Recap\nHi Sam,\nKennel bookings confirmed " +
      "by SMS.\nBest regards\nJo Park\nAccount Executive";
    expect(evidence({ customer_promise: mail }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("timeline: dates inside an approved schedule, and dates that only date a letter", () => {
  it("does not flag a restatement of the approved schedule or the date of a letter", () => {
    const scope = base.signed_scope + "\nProject plan approved by our delivery manager on 3 March: go-live 12 May.";
    expect(
      evidence(
        { signed_scope: scope, kickoff_note: "Go-live (12 May) is on the signed plan, they're happy." },
        "timeline_assumption",
      ),
    ).toEqual([]);
    expect(
      evidence(
        { customer_promise: 'From our proposal letter to Dr. Hale, 19 January 2026:\n"Bookings confirmed by SMS."' },
        "timeline_assumption",
      ),
    ).toEqual([]);
  });
  it("reads an approved timetable as a schedule, and flags a go-live the SOW fixes only with the customer", () => {
    const timetable =
      base.signed_scope + "\nDelivery timetable (approved by our delivery lead, 02/02/2026): go-live 9 March.";
    expect(evidence({ signed_scope: timetable }, "timeline_assumption")).toEqual([]);
    const fixed = base.signed_scope + "\nGo-live is 9 March 2026, as settled with the practice owner at signature.";
    const f = flags({ signed_scope: fixed }, "timeline_assumption");
    expect(f.map((x) => x.source)).toEqual(["signed_scope"]);
    expect(f[0].message).toContain("9 March");
  });
  it("reads checklist lines, confirmed and kickoff dates and an answer as dates given; a question gives none", () => {
    for (const note of [
      "[x] Contract signed\n[x] Clinic 2 date agreed with the owner: 14/04/2027 (not checked with delivery)",
      "Item 3: Their rep confirmed bookings open 1 March 2027.",
      "kickoff Feb 9, invite already sent",
      "Q: Could launch move up to June? A: Yes, we can accommodate June.",
    ])
      expect(evidence({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    expect(evidence({ kickoff_note: "Q: Could launch move up to May 2027?" }, "timeline_assumption")).toEqual([]);
  });
  it("leaves alone a date per a confirmed plan in any language, a plan the reader confirmed, a revision date", () => {
    for (const [field, text] of [
      ["customer_promise", "Both clinics live on 01.03.2027 per the confirmed Projektplan."],
      ["kickoff_note", "We went through your plan on 12/01 (go-live 01/03) and you confirmed it in writing."],
      ["customer_promise", "From our tender answer, as clarified on 14 January 2027: bookings confirmed by SMS."],
    ])
      expect(evidence({ [field]: text }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'end of next month' and 'is expecting <month>' as dates, and a pointer to the SOW's dates as none", () => {
    for (const note of [
      "The owner wants both clinics live by end of next month.",
      "Go-live: the owner is expecting June so the nurses are trained before the busy season.",
    ])
      expect(evidence({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    expect(evidence({ kickoff_note: "Told them the October dates are in the SOW." }, "timeline_assumption")).toEqual(
      [],
    );
  });
  it("does not read a recurring chore ('every January') as a delivery date", () => {
    const note = "I told the owner we'd refresh the fee schedule for them every January.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
  it("flags a deadline tied to the customer's own calendar", () => {
    expect(
      evidence({ kickoff_note: "Told them we'd be fully live before Diwali." }, "timeline_assumption"),
    ).toHaveLength(1);
  });
  it("leaves the date of a past demo or a quoted release alone", () => {
    expect(
      evidence(
        { customer_promise: "Dr. Hale's recap after the 9/3 demo: bookings confirmed by SMS." },
        "timeline_assumption",
      ),
    ).toEqual([]);
    expect(
      evidence(
        { customer_promise: 'From the clinic newsletter (June 2026), quoting Dr. Hale: "Bookings confirmed by SMS."' },
        "timeline_assumption",
      ),
    ).toEqual([]);
  });
  it("cites the seller's own commitment when a wish and a promise share a line", () => {
    const kickoff_note =
      "their ops lead wants kennels live for the 14 Oct open day, and I told her we'd have it all running by 14 Oct";
    expect(evidence({ kickoff_note }, "timeline_assumption")).toEqual([
      expect.stringMatching(/^(?:and )?I told her we'd have it all running by 14 Oct$/),
    ]);
  });
  it("reads 'by then', a requirement's own deadline and a season as dates", () => {
    expect(
      evidence(
        {
          kickoff_note: "Their boarding season opens 1 June, so they want every clinic live by then, and I said fine.",
        },
        "timeline_assumption",
      ),
    ).toHaveLength(1);
    expect(
      evidence({ cs_requirement: "Vaccine reminders visible in the owner app by 20 April." }, "timeline_assumption"),
    ).toHaveLength(1);
    expect(evidence({ kickoff_note: "they expect we'll be done by spring 2027." }, "timeline_assumption")).toHaveLength(
      1,
    );
    expect(
      evidence(
        { cs_requirement: "Clinic supplies its vet roster by 20 April (customer action)." },
        "timeline_assumption",
      ),
    ).toEqual([]);
  });
});

describe("ambiguity: vague quantifiers and qualifiers, bounded wording left alone", () => {
  it("flags various, most, where applicable and a handful", () => {
    for (const line of [
      "Set up various reminder journeys.",
      "Migrate most historical invoices.",
      "Connect the lab analysers where applicable.",
      "A handful of board reports.",
    ]) {
      expect(
        evidence({ signed_scope: `1. ${line} Accepted when the practice manager signs off.` }, "ambiguous_deliverable"),
      ).toHaveLength(1);
    }
  });
  it("reads 'a full shift' and 'fully live' in a promise as plain outcomes", () => {
    expect(
      evidence(
        { customer_promise: "Vets can work offline for a full shift and sync when back in signal." },
        "ambiguous_deliverable",
      ),
    ).toEqual([]);
    expect(
      evidence(
        { customer_promise: "You'll be fully live on Kennelwise before the spring rush." },
        "ambiguous_deliverable",
      ),
    ).toEqual([]);
  });
  it("leaves a capped 'as needed' and a named standard report alone", () => {
    expect(
      evidence(
        {
          signed_scope:
            "1. Advisory calls as needed, capped at 10 hours. Complete when the hours are " +
            "used.\n2. The standard Kennel Occupancy report, scheduled weekly. Accepted on " +
            "receipt.",
        },
        "ambiguous_deliverable",
      ),
    ).toEqual([]);
  });
});

describe("unowned requirements: nobody on our side", () => {
  it("reads questions answered with nobody and a RACI row with no one responsible", () => {
    expect(
      evidence(
        { kickoff_note: "Who handles the pharmacy integration on our side? Nobody yet." },
        "unowned_requirement",
      ),
    ).toHaveLength(1);
    const raci =
      "| Activity | Vendor | Clinic |\n|---|---|---|\n| Data export | R/A | C |\n| Pharmacy feed | TBD | C |";
    expect(evidence({ signed_scope: base.signed_scope + "\n\n" + raci }, "unowned_requirement")).toEqual([
      "Pharmacy feed | TBD",
    ]);
  });
  it("reads 'owner on our side: not yet identified' and 'owner for X — TBD'", () => {
    for (const cs of ["Owner on our side: not yet identified.", "Implementation owner for the pharmacy feed — TBD"])
      expect(evidence({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(1);
  });
});

describe("chat exports, month names in other languages, ramps and additions", () => {
  it("reads a chat stamp with the speaker's role as a prefix, not as a promised date", () => {
    const note = "[03/02/2027, 08:40] Priya (Sales): Told the owner the loyalty card works at both clinics";
    const dates = flags({ kickoff_note: note }, "timeline_assumption").map((f) => f.message);
    expect(dates.join(" ")).not.toContain("03/02/2027");
  });
  it("dates a go-live written with a Dutch, French or German month name", () => {
    for (const note of [
      "Told them: live 3 maart.",
      "Told them: live le 3 février.",
      "Told them: live am 3. Oktober.",
    ]) {
      expect(evidence({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    }
  });
  it("cites the seller's own 'I said <date>' after the customer's wish", () => {
    const note =
      "The owner expects the new kennel wing to be bookable well before then; I said early June at the latest.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toEqual(["I said early June at the latest."]);
  });
  it("does not read a ramp to the contracted figure, or clinics being added, as a different total", () => {
    const order_form = "Kennelwise Pro — 40 vet seats — 12-month term";
    expect(
      evidence({ order_form, kickoff_note: "Ramp: 25 seats in March, all 40 by May." }, "conflicting_terms"),
    ).toEqual([]);
    const signed_scope = "1. Booking page for 3 clinics. Accepted when 20 test bookings confirm by SMS.";
    const kickoff_note = "Heads up: they're adding 2 clinics from a merger next spring.";
    expect(evidence({ signed_scope, kickoff_note }, "conflicting_terms")).toEqual([]);
  });
});

describe("text in other languages", () => {
  const german =
    "Der Kunde erwartet, dass wir die Schnittstelle zum Lager bis Ende März liefern " +
    "und die Schulung für alle Mitarbeiter übernehmen, auch wenn das nicht im " +
    "Angebot steht.";
  it("runs no text check on a German note, says so in every flag, and still compares the numbers", () => {
    const r = scorePacket({ ...base, kickoff_note: `${german} Sie haben 7 clinics.` });
    expect(r.skipped).toEqual({ kickoff_note: "de" });
    expect(r.flags.filter((f) => f.source === "kickoff_note" && f.category !== "conflicting_terms")).toEqual([]);
    // (vague wording is still read: "nach Bedarf" leaves a German scope item open)
    const scope =
      "1. Wir konfigurieren das Buchungsmodul für die drei Praxen und die Erinnerungen per SMS. Abnahme: 20 " +
      "Testbuchungen werden bestätigt. 2. Schulungen für die Praxisteams nach Bedarf.";
    const vague = scorePacket({ ...base, signed_scope: scope });
    expect(vague.skipped).toEqual({ signed_scope: "de" });
    expect(vague.flags.filter((f) => f.category === "ambiguous_deliverable")).toHaveLength(1);
    const conflict = r.flags.filter((f) => f.category === "conflicting_terms");
    expect(conflict.map((f) => f.source).sort()).toEqual(["kickoff_note", "order_form", "signed_scope"]);
    for (const f of r.flags) expect(f.message).toMatch(/Text checks did not run on the kickoff note \(German\)/);
  });
  it("reads an English packet as English", () => {
    expect(scorePacket(base).skipped).toEqual({});
  });
});

describe("session 18 families", () => {
  it("takes a deliverables list of only licences and support as the whole delivery: the rest are requirements", () => {
    const scope = [
      "2. Requirements",
      "The tool must meet the following requirements:",
      "1. Archive every chat transcript for seven years in an EU region.",
      "2. Export transcripts on request, for example:",
      "   1. A nightly CSV drop to the records server.",
      "3. Deliverables",
      "- Up to 60 licences on an annual basis;",
      "- 24/7 support by phone and e-mail.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads 'most' before an adjective or adverb as a superlative, not a vague count", () => {
    const scope =
      "1. Rank the most critical pump alarms first on the control screen, tuned most efficiently for night " +
      "shifts. Accepted when 40 replayed alarms sort as the alarm matrix says.";
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual([]);
    const vague = "1. Migrate most archived pump logs. Accepted when the control room signs off.";
    expect(evidence({ signed_scope: vague }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("does not read 'and/or' between two actions as an open list", () => {
    const scope = "1. Review and/or re-weight the reorder thresholds for 12 depots. Accepted when the buyer signs off.";
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual([]);
  });
  it("compares people who need access with licences bought in parts, by their total", () => {
    const packet = {
      order_form: "Atlas Insight — 30 analyst licences + 4 admin licences, 12 months",
      kickoff_note: "Their ops director says 52 people will be logging in to the dashboards from day one.",
    };
    expect(
      flags(packet, "conflicting_terms")
        .map((f) => f.source)
        .sort(),
    ).toEqual(["kickoff_note", "order_form"]);
    const covered = {
      ...packet,
      kickoff_note: "Their ops director says 31 people will be logging in to the dashboards.",
    };
    expect(flags(covered, "conflicting_terms")).toEqual([]);
  });
});

describe("session 18 families, second batch", () => {
  it("reads a question about who does a piece of work, answered by nobody, as unowned, up to the answer", () => {
    const note = [
      "Priya Nair  9:02 AM",
      "who writes the cutover runbook for the warehouse team?",
      "",
      "Tomasz Lee  9:15 AM",
      "no idea, not delivery",
    ].join("\n");
    const found = flags({ kickoff_note: note }, "unowned_requirement");
    expect(found).toHaveLength(1);
    expect(found[0].evidence).toMatch(/^who writes the cutover runbook[\s\S]*no idea/);
    const answered = note.replace("no idea, not delivery", "Tomasz: mine, I'll have it by Friday");
    expect(flags({ kickoff_note: answered }, "unowned_requirement")).toEqual([]);
    expect(evidence({ delivery_owner: "To be confirmed" }, "unowned_requirement")).toEqual(["To be confirmed"]);
  });
  it("counts offices in 'field office licences' and reads '90 days after the last office' as time", () => {
    const packet = {
      signed_scope:
        "1. Configure the queue screens for 9 regional offices. Hypercare for 60 calendar days after the last " +
        "office goes live. Accepted when each office signs the go-live checklist.",
      order_form: "Queue subscription: 11 regional office licences, 12-month term",
    };
    expect(
      flags(packet, "conflicting_terms")
        .map((f) => f.source)
        .sort(),
    ).toEqual(["order_form", "signed_scope"]);
    expect(flags(packet, "conflicting_terms").every((f) => !/60/.test(f.message))).toBe(true);
  });
  it("compares a period of performance start, and 'X live <date>' lines of a plan by the thing they name", () => {
    const start = {
      signed_scope: "G.2 The period of performance of the base year begins 02/01/2027.",
      kickoff_note: "PoP starts 15 March 2027, staff the team from then.",
    };
    expect(flags(start, "conflicting_terms")).toHaveLength(2);
    const plan = {
      order_form: "Flight plan: radio live 3 May 2027; CTV live 24 May 2027.",
      kickoff_note: "Promised the brand lead that CTV goes live on 3 May alongside radio.",
    };
    expect(evidence(plan, "conflicting_terms").sort()).toEqual([
      "CTV live 24 May 2027.",
      "Promised the brand lead that CTV goes live on 3 May alongside radio.",
    ]);
  });
  it("reads a cadence's activity as its noun phrase's head, and a cadence in brackets as what it follows", () => {
    const packet = {
      signed_scope: "RIBA Stage 5 — site inspections (monthly, up to 10 visits) during construction.",
      cs_requirement: "Board wants fortnightly site inspections while the frame goes up.",
    };
    expect(flags(packet, "conflicting_terms")).toHaveLength(2);
    const vague = { ...packet, cs_requirement: "Board wants bi-monthly site inspections." };
    expect(flags(vague, "conflicting_terms")).toEqual([]);
  });
});

describe("session 18 families, acceptance in new house styles", () => {
  it("lets 'each stage … signs it off' and 'every asset … approval' regimes cover every stage or asset", () => {
    const stages = [
      "Stage 2 Outline design — two layout options and one client workshop.",
      "Stage 3 Detailed design — coordinated drawings for planning.",
      "Stage gate: at the close of each stage the designer issues a stage pack; the client's sponsor signs it off.",
    ].join("\n");
    expect(evidence({ signed_scope: stages }, "missing_acceptance_criteria")).toEqual([]);
    const assets = [
      "OUTPUTS:",
      "• 6 short product videos",
      "• 20 banner ads in 4 sizes",
      "SIGN-OFF: every asset gets one round of changes; final approval is given in writing by the marketing lead.",
    ].join("\n");
    expect(evidence({ signed_scope: assets }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("does not take capitals clauses, the supplier's prohibitions or excluded lines for deliverables", () => {
    const scope = [
      "1. Configure claim intake for 4 regions. Accepted when 50 test claims route correctly.",
      "2. TERM. Nine (9) months from the start notice.",
      "3. The Supplier shall not start any work before the purchase order is issued.",
      "Phases 0 and 4: excluded.",
      "GOVERNING LAW: Scotland.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a spreadsheet paste as a table, with one-word rows and 'customer to approve' as no condition", () => {
    const scope = [
      "Ref\tDeliverable\tQty\tAcceptance",
      "W1\tPick-face configuration for two sites\t2\tPick test of 300 lines at 99.5% accuracy",
      "W2\tDashboards\t4\tcustomer to approve",
      "W3\tTemplates\tsome\t",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria").length).toBe(2);
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria").join(" ")).not.toMatch(/Pick-face/);
  });
  it("reads 'Client intake forms' as work, and only the client doing something as the client's part", () => {
    const scope = "1. Client onboarding forms set-up.\n2. Client will supply the current form library.";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Client onboarding forms set-up.",
    ]);
  });
});

describe("session 18 families, vague references to today's practice", () => {
  it("flags a set named only by habit: 'the usual', 'whatever … need', 'the X they use today'", () => {
    for (const line of [
      "Month-end packs for each branch — the usual charts.",
      "Audit exports: the ones we agreed, plus whatever the regulator needs.",
      "The letters the branch teams send today, rebuilt as templates.",
    ])
      expect(evidence({ cs_requirement: line }, "ambiguous_deliverable")).toHaveLength(1);
    expect(
      evidence({ cs_requirement: "The 4 letters listed in Annex B, rebuilt as templates." }, "ambiguous_deliverable"),
    ).toEqual([]);
  });
  it("reads open-ended programmes, knowledge transfer and integrations with unnamed portals as unsized", () => {
    for (const item of ["Knowledge transfer to the finance team.", "Integration with supplier ordering portals."])
      expect(evidence({ signed_scope: `1. ${item}` }, "ambiguous_deliverable")).toEqual([item]);
  });
  it("reads a vague cell of a spreadsheet row", () => {
    const scope = "Ref\tDeliverable\tQty\tAcceptance\nW1\tLabel templates\tseveral\tPrint test on each printer model";
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual(["several"]);
  });
});

describe("session 18 families, concessions", () => {
  it("reads holding a fee, carrying a discount into the renewal, a 0% share and unbilled work as concessions", () => {
    for (const note of [
      "I said we'd hold the design fee even if the build budget grows.",
      "Their buyer was told the 12% holds for the renewal too.",
      "Promised the referral commission would be 0% for the first year.",
      "I told the head teacher we'd run both timetables in parallel without charging for it.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it("grants nothing in a customer's question or in a concession the text says was declined", () => {
    for (const note of [
      "> Also you said the setup fee might be waived if we sign this month?",
      "The free second month was NOT agreed — the deal desk declined it on 3 May.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception")).toEqual([]);
  });
});

describe("session 18 families, counts and terms read right", () => {
  it("counts what a labelled figure's own noun names, and reads 'two more' in words as an addition", () => {
    const packet = {
      signed_scope: "Site lead training: three recorded sessions of 45 minutes. Accepted on attendance records.",
      order_form: "Sites: 14",
      kickoff_note: "They just bought two more sites, so call it 16 sites at go-live.",
    };
    const found = flags(packet, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "order_form"]);
    expect(found.every((f) => /16 locations/.test(f.message) && !/\b[23] locations\b/.test(f.message))).toBe(true);
  });
  it("reads the length of a term named beside a free add-on", () => {
    const packet = {
      order_form: "Initial Term: 36 months from 1 March 2027",
      customer_promise: "We'll add two reviewer seats at no cost for the whole of your 24-month initial term.",
    };
    expect(
      flags(packet, "conflicting_terms")
        .map((f) => f.source)
        .sort(),
    ).toEqual(["customer_promise", "order_form"]);
  });
});

describe("session 18 families, comments and concessions on the record", () => {
  it("reads a document comment's header as who spoke and when, not as a promised date", () => {
    const note =
      "Comment — Priya Shah, 09:40 AM Oct 14: I told the principal we'd keep both rosters running in parallel.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
  it("does not take free training on the record for a different free service promised in a note", () => {
    const packet = {
      deal_desk_exception: "Approved DD-77: onboarding training delivered at no charge.",
      kickoff_note: "I told the bursar we'd host the archive database for the auditors without charging for it.",
    };
    expect(flags(packet, "scope_exception").map((f) => f.source)).toEqual(["kickoff_note"]);
    expect(flags(packet, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 18 families, licences a customer issues", () => {
  it("does not count business licences issued beside permits as seats", () => {
    const packet = {
      signed_scope:
        "Background. The Borough handles some 3,100 planning and street permits a year and 2,600 trade licences.",
      order_form: "Licensing suite, staff users, annual — 40 users",
    };
    expect(flags(packet, "conflicting_terms")).toEqual([]);
  });
});

describe("session 18 families, combined sections and placeholders", () => {
  it("reads a 'Deliverables and acceptance' list as deliverables, and 'acceptance to follow' as no condition", () => {
    const scope = [
      "Deliverables and acceptance",
      "1. Rota templates for 4 wards — accepted when each ward runs one week of rotas with no manual fix.",
      "2. Bank-staff booking screens — acceptance to follow.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Bank-staff booking screens — acceptance to follow.",
    ]);
  });
  it("reads 'ad hoc' work as unsized and 'the complete and binding list' as a closed one", () => {
    const adHoc = "1. Finance dashboards for the 3 regions, plus ad hoc analysis. Accepted on the CFO's sign-off.";
    expect(evidence({ signed_scope: adHoc }, "ambiguous_deliverable")).toHaveLength(1);
    const closed =
      "1. Cost centres mapped as listed in Annex C (Annex C is the complete and binding list). Accepted when the " +
      "trial balance ties out.";
    expect(evidence({ signed_scope: closed }, "ambiguous_deliverable")).toEqual([]);
  });
});

describe("session 18 families, a bare sign-off under an acceptance label", () => {
  it("reads 'Acceptance of W2 and W3: per customer sign-off' as naming W2 and W3 without covering them", () => {
    const scope = [
      "W1 Network survey of each depot; accepted when the ops manager signs the survey pack.",
      "W2 Access point installation per the approved survey.",
      "W3 Guest portal with the client's branding.",
      "W4 Acceptance of W2 and W3: per customer sign-off.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Access point installation per the approved survey.",
      "Guest portal with the client's branding.",
    ]);
  });
});

describe("session 19 families", () => {
  it("reads a short note line where the seller commits as a statement, not as the note's title", () => {
    const note = (line: string) =>
      ["Vet group, 3 sites, signed Tuesday.", "Practice manager is keen.", line].join("\n");
    expect(
      evidence({ kickoff_note: note("promised them a loyalty-points scheme for pet owners") }, "promise_not_in_scope"),
    ).toEqual(["promised them a loyalty-points scheme for pet owners"]);
    expect(
      evidence({ kickoff_note: note("Said we'd wire the lab analyser results in too") }, "promise_not_in_scope"),
    ).toEqual(["Said we'd wire the lab analyser results in too"]);
    // who owns something is no commitment of ours, however it is told
    expect(
      evidence(
        { kickoff_note: note("I told Priya that the clinic's own IT owns the firewall") },
        "promise_not_in_scope",
      ),
    ).toEqual([]);
  });
  it("reads a chat line that ends in an emoji code as a statement, not as a lead-in ending in a colon", () => {
    const note = [
      "#vet-handoff",
      "Jo Park  9:02 AM",
      "1) their groomers want the booking reminders sent by WhatsApp — told them we'd set it up :ok_hand:",
      "2) kickoff on the 4th :spiral_calendar_pad:",
    ].join("\n");
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toHaveLength(1);
  });
  it("reads acceptance named in another language as acceptance, linked to the items it names", () => {
    const items = [
      "K1 Kennel booking module for the three clinics, with the reminders and the deposits",
      "K2 Lab results import from the two analysers that the clinics use",
      "K3 Client app branding",
    ];
    const german = [...items, "Abnahme K1–K2: Protokoll, unterschrieben von der Praxisleitung nach 20 Testbuchungen."];
    expect(evidence({ signed_scope: german.join("\n") }, "missing_acceptance_criteria")).toEqual([
      "Client app branding",
    ]);
    const spanish = [...items, "Aceptación K1, K3: acta firmada por la gerente tras 20 reservas de prueba."];
    expect(evidence({ signed_scope: spanish.join("\n") }, "missing_acceptance_criteria")).toEqual([
      "Lab results import from the two analysers that the clinics use",
    ]);
    // a word that also means receiving something is acceptance only as a label
    const receipt = [...items, "Réception des résultats de laboratoire chaque nuit depuis le fournisseur."];
    expect(evidence({ signed_scope: receipt.join("\n") }, "missing_acceptance_criteria").slice(0, 3)).toEqual(
      items.map((i) => i.slice(3)),
    );
  });
  it("reads an unpunctuated numbered line after unpunctuated items as an item, though it names a section word", () => {
    const scope = [
      "SOW KX-12",
      "1) Kennel booking module for the clinics",
      "2) Reminder texts to pet owners",
      "3) Card payment terminal link",
      "4) Hypercare 4 weeks",
      "Acceptance: 1) and 2) accepted when the practice manager signs the test log (20 bookings).",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Card payment terminal link"]);
  });
  it("reads 'Stream B — Name (fixed fee)' as a group heading and an id-less acceptance line as covering the items above it", () => {
    const scope = [
      "SOW KX-30 — kennel group roll-out",
      "Streams A and B are fixed fee.",
      "Stream A — Bookings (fixed fee)",
      "A.1 Kennel booking rules for the three clinics.",
      "Acceptance for A.1: 30 test bookings confirm without a double booking.",
      "Stream B — Records (fixed fee)",
      "B.1 Move about 9,000 pet records and two years of visit history.",
      "Acceptance: pet and visit counts per clinic within 0.5% of the old system's export.",
      "B.2 Vaccination reminder letters.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Vaccination reminder letters."]);
  });
  it("reads the lines under an exhibit's opening heading as the document's title block, not as deliverables", () => {
    const scope = [
      "EXHIBIT B — SCOPE OF SERVICES",
      "Harrow County Animal Services — Kennel Licensing System",
      "Agreement No. HC-KL-2026-07",
      "Part 1. Services",
      "1.1 Licence renewals online, with card payment.",
      "1.2 Import of 12,000 existing licences from the county spreadsheet.",
      "Part 2. Acceptance",
      "2.1 1.1 is accepted when 25 test renewals complete end to end.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Import of 12,000 existing licences from the county spreadsheet.",
    ]);
  });
  it("reads training counted in another language, marker ranges and item words abroad", () => {
    const lines = (acceptance: string) =>
      [
        "SOW KX-40",
        "1) Kennel booking module for the clinic group and its three sites",
        "2) Lab results import from the two analysers",
        "3) Client app with the group's branding",
        "4) Schulung: 2 × halber Tag, vor Ort",
        "5) Formación: 3 sesiones × 2h",
        "6) Hypercare 3 Wochen",
        acceptance,
      ].join("\n");
    expect(
      evidence(
        { signed_scope: lines("Acceptance: 1)–2) accepted when the practice lead signs the test log.") },
        "missing_acceptance_criteria",
      ),
    ).toEqual(["Client app with the group's branding"]);
    expect(
      evidence(
        { signed_scope: lines("Odbiór: pozycje 2–3 via protokół odbioru, signed after 20 test bookings.") },
        "missing_acceptance_criteria",
      ),
    ).toEqual(["Kennel booking module for the clinic group and its three sites"]);
  });
  it("compares a count the note marks as the whole ('all nine clinics') although the note names a part elsewhere", () => {
    const note =
      "Signed for every site: kennel booking across all nine clinics.\nRisk: two clinics share one phone line.";
    const f = flags(
      {
        signed_scope: "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
        order_form: "| Kennelwise Pro, per clinic per month | 8 | $120.00 |",
        kickoff_note: note,
      },
      "conflicting_terms",
    );
    expect(f.map((x) => x.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("compares a row priced per person with the seats a note counts by another name for the same people", () => {
    const f = flags(
      {
        signed_scope: "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
        order_form: "| Description | Qty | Price |\n| Vetcloud records, per prescriber per month | 12 | $40.00 |",
        kickoff_note: "They are buying seats for 15 surgeons and nurses.",
      },
      "conflicting_terms",
    );
    expect(f.map((x) => x.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("counts handhelds and scanners as the devices a licence counts, and cites a figure one source repeats once", () => {
    const f = flags(
      {
        signed_scope:
          "1. Set up kennel check-in on twenty (20) handheld scanners. Accepted when 20 test check-ins post.",
        order_form: [
          "| # | Description | Qty | Price |",
          "| 1 | Rugged scanner, purchase | 16 | $700.00 |",
          "| 2 | Scanner app licence, annual | 16 | $90.00 |",
        ].join("\n"),
      },
      "conflicting_terms",
    );
    expect(f.map((x) => x.evidence)).toEqual([
      "Set up kennel check-in on twenty (20) handheld scanners.",
      "1 | Rugged scanner, purchase | 16 | $700.00",
    ]);
  });
  it("reads a customer asking about something as a question, not as something promised", () => {
    const note =
      "Good call with the practice manager. They asked about a pet-owner mobile app with vaccination reminders.";
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const told = "They asked about a pet-owner mobile app; I said we'd build one with vaccination reminders.";
    expect(evidence({ kickoff_note: told }, "promise_not_in_scope")).toHaveLength(1);
  });
  it("reads a date before a quotation's opening as the quotation's date, and a day delivery approved in a note as scheduled", () => {
    const promise =
      'Practice newsletter to pet owners (Spring 2027): "Booking online opens at all three clinics, with reminders."';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
    const dated = 'Newsletter (Spring 2027): "From 14 June 2027 you can book online."';
    expect(evidence({ customer_promise: dated }, "timeline_assumption")).toHaveLength(1);
    const approved = "Kickoff done. Go-live 14 June 2027 is on the schedule delivery approved.";
    expect(evidence({ customer_promise: dated, kickoff_note: approved }, "timeline_assumption")).toEqual([]);
  });
  it("leaves a concession on price to the exception check: 'waive the fee for the full term' is not vague work", () => {
    const cs = "Waive the groomer licence fees for the full contract term, as agreed with the owner.";
    expect(evidence({ cs_requirement: cs }, "ambiguous_deliverable")).toEqual([]);
    expect(evidence({ cs_requirement: "Full reporting for the owner." }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("reads covering a cost ourselves and splitting a fee into instalments as concessions", () => {
    const cover = "Owner wants a second training day on site; told her we'd pay for that extra day ourselves.";
    expect(evidence({ kickoff_note: cover }, "scope_exception")).toHaveLength(1);
    const split = "I agreed the clinic could split the set-up fee into three monthly payments from March.";
    expect(evidence({ kickoff_note: split }, "scope_exception")).toHaveLength(1);
  });
  it("reads 'that would be a new order' as declined and 'none promised' as no promise", () => {
    const declined = "The owner asked for a fourth clinic in Leeds; I told her that would be a new order.";
    expect(evidence({ kickoff_note: declined }, "promise_not_in_scope")).toEqual([]);
    const none = "Dates: none promised; the owner knows our delivery lead sets the grooming-module dates.";
    expect(evidence({ kickoff_note: none }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a deadline set by a named occasion in any language as a promised date, but not a step of a process", () => {
    const note = "The owner wants the new booking pages before Hogmanay and I agreed.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toEqual([note]);
    const spanish =
      "The practice manager needs the booking pages operativas antes de Semana Santa and I agreed with her.";
    expect(evidence({ kickoff_note: spanish }, "timeline_assumption")).toEqual([spanish]);
    const step = "Each vaccine batch is checked before VAX-2 is filed with the registry.";
    expect(evidence({ customer_promise: step }, "timeline_assumption")).toEqual([]);
  });
  it("reads users named in another language and thousands grouped with a point", () => {
    const users = flags(
      { order_form: "Licencias: 12 usuarios @ EUR 30/mes", kickoff_note: "Users: 15 across the three clinics." },
      "conflicting_terms",
    );
    expect(users.map((x) => x.source).sort()).toEqual(["kickoff_note", "order_form"]);
    const owners = flags(
      {
        signed_scope: "1. Reminder texts for approx. 600 pet owners. Accepted when 20 test texts arrive.",
        cs_requirement: "Reminders to around 1.100 pet owners each month.",
      },
      "conflicting_terms",
    );
    expect(owners.map((x) => x.source).sort()).toEqual(["cs_requirement", "signed_scope"]);
  });
  it("reads an owner 'not fixed', 'who on our team? not decided' and a 'nobody named' cell as unowned", () => {
    const cs = [
      "Vaccination reminder texts — owner on our side not fixed.",
      "Groomer rota import — who on our team? not decided.",
    ].join("\n");
    expect(evidence({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(2);
    const raci = [
      "| Task | Vendor | Clinic |",
      "| --- | --- | --- |",
      "| Booking rules | R/A | C |",
      "| Kennel price list | nobody named | I |",
    ].join("\n");
    expect(evidence({ signed_scope: raci }, "unowned_requirement")).toHaveLength(1);
  });
  it("leaves a concession alone when the note cites its approval record", () => {
    const approved = "Owner gets 45-day payment terms on services, approved (DD-2231).";
    expect(evidence({ kickoff_note: approved }, "scope_exception")).toEqual([]);
    const onForm = "Discount: 8 % in year 1, approved and on the OF.";
    expect(evidence({ kickoff_note: onForm }, "scope_exception")).toEqual([]);
    expect(evidence({ kickoff_note: "Discount: 8 % in year 1, I said fine." }, "scope_exception")).toHaveLength(1);
  });
  it("reads a date in a lead-in line that ends with a colon as the date of the quotation on the next line", () => {
    const promise =
      'Our proposal to the practice owner (3 March 2027) says:\n"Online booking at every clinic, with reminders."';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("reads a schedule the delivery owner approved in another language as approved", () => {
    const note = "Plan von Morgan Ibe, freigegeben 02.03.: go-live 14.06.2027 for all three clinics.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
    const sales = "Plan von Jo (sales): go-live 14.06.2027 for all three clinics.";
    expect(evidence({ kickoff_note: sales }, "timeline_assumption")).toHaveLength(1);
  });
  it("reads a subset picked by importance ('key suppliers') and work 'when requested' as unsized, a counted one not", () => {
    const key = "1. Catalogue sync for key feed suppliers. Accepted when 20 test items match.";
    expect(evidence({ signed_scope: key }, "ambiguous_deliverable")).toHaveLength(1);
    const counted = "1. Catalogue sync for 12 key feed suppliers. Accepted when 20 test items match.";
    expect(evidence({ signed_scope: counted }, "ambiguous_deliverable")).toEqual([]);
    const role = "1. Training for the key users at each clinic, two sessions of 2 hours.";
    expect(evidence({ signed_scope: role }, "ambiguous_deliverable")).toEqual([]);
    const asked = "1. Booking set-up, plus coaching for the front desk when requested. Accepted on 20 test bookings.";
    expect(evidence({ signed_scope: asked }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("reads a 'Statement of Services' heading as the document title and the name line under it as its title block", () => {
    const scope = [
      "STATEMENT OF SERVICES",
      "Harrow County Animal Services — Kennel Licensing System",
      "Contract HC-KL-2026-09",
      "SECTION 1 — SERVICES",
      "1.1 Licence renewals online, with card payment.",
      "1.2 Import of 12,000 existing licences from the county spreadsheet.",
      "SECTION 2 — ACCEPTANCE",
      "2.1 1.1 is accepted when 25 test renewals complete end to end.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Import of 12,000 existing licences from the county spreadsheet.",
    ]);
  });
  it("reads the account team's renewal reminder as its own motion, not a promise of work", () => {
    const cs = "Renewal reminder to the practice owner 60 days before the anniversary — owner: CSM Dara";
    expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 20 families", () => {
  it("compares the year migrated history starts from, however each source writes it", () => {
    const scope = "1. Migrate kennel records from calendar year 2019 forward. Accepted when 40 sampled records match.";
    const cs = "Kennel history back to 2012 migrated so vets see every past stay — owner: CSM Dara";
    expect(evidence({ signed_scope: scope, cs_requirement: cs }, "conflicting_terms")).toHaveLength(2);
    const same = "Kennel history 2019–present searchable after go-live — owner: CSM Dara";
    expect(evidence({ signed_scope: scope, cs_requirement: same }, "conflicting_terms")).toEqual([]);
    // a year a change takes effect from is not history
    const ahead = "From 2027 bookings onward, the clinics bill through the new module — owner: CSM Dara";
    expect(evidence({ signed_scope: scope, cs_requirement: ahead }, "conflicting_terms")).toEqual([]);
  });
  it("compares the first day of the subscription term, apart from when the work starts", () => {
    const scope = base.signed_scope + "\nSubscription term: twelve (12) months beginning 1 May 2027.";
    const form = "Kennelwise Pro — 3 clinics — 12-month term commencing 3 February 2027";
    expect(evidence({ signed_scope: scope, order_form: form }, "conflicting_terms")).toHaveLength(2);
    const agreed = "Kennelwise Pro — 3 clinics — 12-month term commencing 1 May 2027";
    expect(evidence({ signed_scope: scope, order_form: agreed }, "conflicting_terms")).toEqual([]);
    const work = "Configuration starts on 3 February 2027 with the Leeds clinic.";
    expect(evidence({ signed_scope: scope, kickoff_note: work }, "conflicting_terms")).toEqual([]);
  });
  it("reads what an order row counts from its unit column and a singular licence as a seat", () => {
    const form = [
      "Ln | Description | Qty | Unit | Price",
      "1 | Kennelwise route service, annual | 40 | van | $90.00",
      "2 | Kennelwise desk licence, annual | 12 | $400.00",
      "3 | Onboarding workshop | 3 | session | $900.00",
    ].join("\n");
    const note =
      "The practice runs 46 vans now and every one of them needs the route app; 15 groomers are licensed today.";
    const found = evidence({ order_form: form, kickoff_note: note }, "conflicting_terms");
    expect(found).toHaveLength(4);
    const agreed =
      "The practice runs 40 vans and every one of them needs the route app; 12 groomers are licensed today.";
    expect(evidence({ order_form: form, kickoff_note: agreed }, "conflicting_terms")).toEqual([]);
  });
  it("reads rough and open-ended counts ('thirty-odd', '40-ish', 'north of 300') and teen number words", () => {
    const form = "Kennelwise Events — up to 25 adoption events per year";
    for (const note of [
      "They hold thirty-odd adoption events a year.",
      "They hold north of 30 adoption events a year.",
    ])
      expect(evidence({ order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const within = "They hold 20-ish adoption events a year.";
    expect(evidence({ order_form: form, kickoff_note: within }, "conflicting_terms")).toEqual([]);
    const teens = "Clinic count is sixteen clinics since last year's merger.";
    // the scope, the order form (both 3 clinics) and the note
    expect(evidence({ kickoff_note: teens }, "conflicting_terms")).toHaveLength(3);
  });
  it("reads a note's promise from its cue on: the reason before it is no promise, unless the cue points back", () => {
    const reason =
      "The adoption fair calendar runs early this spring, so I told her the grooming rota would be ready by 30 May.";
    expect(evidence({ kickoff_note: reason }, "promise_not_in_scope")).toEqual([]);
    const back = "The adoption desk keeps its own waiting list of fosterers — I said we'd include it.";
    expect(evidence({ kickoff_note: back }, "promise_not_in_scope")).toHaveLength(1);
  });
  it("reads 'CLAUSE 4 - CHARGES' headings as typed sections: only the deliverables clause needs acceptance", () => {
    const scope = [
      "CLAUSE 1 - DEFINITIONS",
      '1.1 "Clinics": the three practices named in the order form.',
      "CLAUSE 2 - OUTLINE",
      "2.1 Kennelwise will set up online kennel booking and reminders for the Clinics.",
      "CLAUSE 3 - DELIVERABLES",
      "3.1 Booking module configured for the Clinics.",
      "3.2 Import of 4,000 pet records from the old diary.",
      "CLAUSE 4 - OUTSIDE THIS SOW",
      "4.1 Grooming appointments and retail stock.",
      "CLAUSE 5 - ACCEPTANCE",
      "5.1 3.1 is accepted when 20 test bookings confirm by SMS.",
      "CLAUSE 6 - CHARGES",
      "6.1 Set-up is a fixed charge of £9,000, invoiced on acceptance of 3.1.",
      "CLAUSE 7 - CHANGE",
      "7.1 Changes to dates go through the practice owner.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Import of 4,000 pet records from the old diary.",
    ]);
  });
});

describe("session 21 families", () => {
  it("reads costs the seller carries ('on our dime', 'pick up their fees', 'without charge', a frozen rate)", () => {
    for (const note of [
      "I promised the practice manager a trainer in every clinic for launch week, on our dime.",
      "I said we'd pick up the SMS gateway's set-up fees, whatever they turn out to be.",
      "We will add an evening session for the night nurses without charge to the group.",
      "I agreed to freeze the first-year booking module rate for both renewal years.",
      "Told the owner we'd set up the reception tablets (profiles for all twelve of them) ourselves, no invoice.",
      "Told the owner we'd credit the first quarter of the SMS add-on while their old contract runs out.",
    ]) {
      expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
      // free work framed commercially is a concession only, not also a promise
      expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    }
  });
  it("grants nothing in a field that records none", () => {
    expect(flags({ kickoff_note: "Discount: none. Term: 12 months as quoted." }, "scope_exception")).toEqual([]);
  });
});

describe("session 21 families, schedules", () => {
  it("reads an approved schedule's rows written above the approval line", () => {
    const scope = [
      "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "2. MILESTONES",
      "Item | Milestone | Target",
      "A | Booking module configured | 14 August 2026",
      "B | All clinics taking bookings | 2 October 2026",
      "These targets are the delivery plan, approved by the Kennelwise delivery lead on 3 March 2026.",
    ].join("\n");
    const note = "I told the practice manager the reminder templates would be ready by the end of June.";
    expect(evidence({ signed_scope: scope, kickoff_note: note }, "timeline_assumption")).toEqual([note]);
    const onPlan = "I told the practice manager the booking module would be configured by 14 August.";
    expect(evidence({ signed_scope: scope, kickoff_note: onPlan }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 21 families, open scope in a work item", () => {
  it("reads 'any other letters the practice requires' as open-ended, in an item named like a clause", () => {
    const scope = [
      "1. SERVICES",
      "1.1 Booking. The vendor will configure the booking module for 3 clinics.",
      "1.2 Notices. The vendor will configure the vaccination reminder and any other letters the practice requires.",
      "2. ACCEPTANCE",
      "Each item is accepted when 20 test bookings confirm by SMS.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual([
      "The vendor will configure the vaccination reminder and any other letters the practice requires.",
    ]);
  });
});

describe("session 21 families, go-live in other words", () => {
  const scope =
    "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.\n" +
    "2. Go-live 1 June 2026.";
  const form = "Kennelwise Pro — 3 clinics — 12-month term";
  it("reads the day a customer is told they work in the product as its go-live", () => {
    for (const note of [
      "Their practice manager reckons they'll be booking off Kennelwise from mid-May — I said fine.",
      "I told the owner the receptionists would be taking bookings on the new platform by 4 May.",
    ]) {
      const found = flags({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms");
      expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "signed_scope"]);
    }
  });
  it("leaves a pilot, a history and the same day alone", () => {
    for (const note of [
      "I said the pilot clinic would be booking on Kennelwise from 1 May.",
      "They want their bookings on Kennelwise from January 2020 onwards, all of it.",
      "I told the owner the receptionists would be taking bookings on the new platform from 1 June.",
    ])
      expect(evidence({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, tables that are not work", () => {
  it("reads a RACI matrix as duties and a milestone table as a schedule, inside any section", () => {
    const scope = [
      "1  Deliverables",
      "| # | Deliverable | Accepted when |",
      "|---|---|---|",
      "| 1 | Booking module for 3 clinics | 20 test bookings confirm by SMS |",
      "| 2 | Import of pet records | counts match the old diary |",
      "2  Who does what",
      "| Activity | Kennelwise | Practice IT | Front desk |",
      "|---|---|---|---|",
      "| Diary export from the old system | C | R/A | I |",
      "| Reminder wording sign-off | I | C | R/A |",
      "Clause 3. Plan. One clinic first, then the other two.",
      "| Milestone | Date |",
      "|---|---|",
      "| First clinic booking online | 4 May 2026 |",
      "| All clinics booking online | 1 June 2026 |",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 21 families, bracketed ids and a document's particulars", () => {
  it("links '[K-2]' items to acceptance by id and reads 'Engagement:' and 'Our reference:' lines as particulars", () => {
    const scope = [
      "SOW KW-7 | Kennelwise rollout | Three Oaks Veterinary Group × Kennelwise Ltd",
      "SERVICES",
      "Engagement: Kennelwise booking for the Three Oaks clinics",
      "Kennelwise reference: TOV-26-B",
      "[K-1] Booking module configured for the 3 clinics.",
      "[K-2] Reminder texts for vaccinations.",
      "[K-3] Import of 4,000 pet records from the old diary.",
      "ACCEPTANCE",
      "K-1, K-3: 20 test bookings confirm by SMS and record counts match the diary.",
      "K-2: a test reminder reaches 5 staff phones.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 21 families, figures read right", () => {
  const scope = "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.";
  it("counts 'six 90-minute sessions' as six and 'three one-day workshops' as three", () => {
    const table = "Kennelwise Pro — 3 clinics — 12-month term\n\n| Item | Qty | Price |\n|---|---|---|\n";
    const form = `${table}| Front desk training session, 90 minutes | 6 | £300 |`;
    expect(
      evidence(
        { order_form: form, kickoff_note: "Front desk training in six 90-minute sessions." },
        "conflicting_terms",
      ),
    ).toEqual([]);
    const workshops = `${table}| Rota workshop, one day | 4 | £900 |`;
    expect(
      flags({ order_form: workshops, kickoff_note: "We agreed three one-day rota workshops." }, "conflicting_terms"),
    ).toHaveLength(2);
  });
  it("reads a price quoted beside a budget, and an amount 'and that' as no unit", () => {
    const form = "Kennelwise Pro — 3 clinics — 12-month term\n| 1 | KW-IMP | Implementation, fixed fee | £18,000.00 |";
    const note = "Pricing: I quoted the owner implementation at £15,000 and that's the number in her budget.";
    expect(flags({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
  it("reads 'four sessions for the nurses, plus 2 more for the vets' as parts, not a total", () => {
    const s = `${scope}\n2. Training: 4 sessions of two hours for the nurses, plus 2 more for the vets.`;
    const cs = "Vets trained (two 2-hour sessions) — owner: CSM Dara";
    expect(evidence({ signed_scope: s, cs_requirement: cs }, "conflicting_terms")).toEqual([]);
  });
  it("ends a table at a blank line: a barred title line above it is no header", () => {
    const form =
      "Order Form KW-9 | Three Oaks Vets | Subscription term: 24 months\n\n| Line | Item | Qty |\n|---|---|---|\n" +
      "| 1 | Kennelwise Pro, per clinic | 3 |";
    const note = "The practice owner signed for a 36-month term.";
    expect(flags({ order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
  it("counts '5 clinic managers' as people in a role, not as clinics", () => {
    const note = "I said we'd run a bootcamp for the 5 clinic managers in July.";
    expect(evidence({ kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, acceptance placeholders and lettered rows", () => {
  const scope = [
    "Kennelwise for Three Oaks Veterinary Group",
    "Clause 1. Locations and people. Three clinics in Leeds; about 60 staff, most of them part-time.",
    "Work package 1 — Set-up",
    "| Item | Description | Done when |",
    "|---|---|---|",
    "| 1a | Booking module for the three clinics | 20 test bookings confirm by SMS |",
    "| 1b | Import of pet records from the old diary | |",
    "| 1c | Custom reports for the practice owner | To be defined with the practice owner |",
    "| 1d | Reminder texts for vaccinations | Mutually agreed |",
    "Go-live: all three clinics together on 1 June 2026.",
  ].join("\n");
  it("reads '1a' as a row id, and an empty, 'mutually agreed' or 'to be defined' cell as no criterion", () => {
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria").sort()).toEqual([
      "Custom reports for the practice owner",
      "Import of pet records from the old diary",
      "Reminder texts for vaccinations",
    ]);
  });
});

describe("session 21 families, a story's own criteria", () => {
  it("reads 'AC: …' and 'Scenario — …' under a story as its acceptance, and 'AC: TBD' as none", () => {
    const scope = [
      "Epic K1 · Bookings",
      "  K1.1 As a receptionist I want to book a kennel from the diary view.",
      "       AC: a booking made in the diary shows on the kennel board; double bookings are refused.",
      "  K1.2 As an owner I get a text the day before drop-off.",
      "       Scenario — a stay starts tomorrow; the owner's phone gets one reminder by 6 pm.",
      "  K1.3 As a practice manager I see occupancy by clinic.",
      "       AC: TBD",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "As a practice manager I see occupancy by clinic.",
    ]);
  });
});

describe("session 21 families, add-on prices, labelled discounts and people who need logins", () => {
  it("compares '$4 per seat per month on top' with the order form's '$6/seat/mo'", () => {
    const form = "Kennelwise Pro — 3 clinics — 12-month term\nSMS add-on — 12 seats × $6/seat/mo ..... $864";
    const promise = "The SMS add-on comes in at $4 per seat per month on top — I've kept that low for you.";
    expect(flags({ order_form: form, customer_promise: promise }, "conflicting_terms")).toHaveLength(2);
  });
  it("reads 'Introductory discount — 15%' as a 15% discount", () => {
    const form = "Kennelwise Pro — 3 clinics — 12-month term\nIntroductory discount — 15% on subscription, year 1";
    const desk = "Approved: 10% discount on subscription fees for year 1.";
    expect(flags({ order_form: form, deal_desk_exception: desk }, "conflicting_terms")).toHaveLength(2);
  });
  it("ends a counted phrase at its verb: '12 kennel techs get the app' counts techs, not apps", () => {
    const app = "Kennelwise Pro — 3 clinics — 12-month term — owner app for 2 applications";
    const note = "1) all 12 kennel techs get the app on day one";
    expect(evidence({ order_form: app, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, satisfaction by name and renewals locked", () => {
  it("reads 'accepted to Three Oaks' reasonable satisfaction' as no criterion", () => {
    const scope = [
      "Deliverables",
      "  K1  Booking module for the three clinics.",
      "  K2  Import of pet records from the old diary.",
      "Acceptance: each deliverable is accepted to Three Oaks' reasonable satisfaction.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toHaveLength(2);
  });
  it("reads a renewal 'locked at today's rates, no uplift' as a price concession", () => {
    const note = "their owner wanted price certainty so I told her the renewal is locked at today's rates, no uplift";
    expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
});

describe("session 21 families, the subscription's first day by other names", () => {
  it("compares 'Subscription start: 1 June' with 'Service start: 2026-05-01', not an academic 'term starts'", () => {
    const form = "Kennelwise Pro — 3 clinics\nService start: 2026-05-01 · Term: 12 months";
    expect(
      flags({ order_form: form, cs_requirement: "Subscription start: 1 June 2026" }, "conflicting_terms"),
    ).toHaveLength(2);
    const note = "the puppy-school term starts 1 September, so they want bookings open by July";
    expect(evidence({ order_form: form, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, day-first schedules", () => {
  it("reads an approved schedule written day first ('all clinics live 11/05/2026') as 11 May", () => {
    const scope = [
      "1. Booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "Delivery schedule — agreed by delivery (M. Ibe, 02/03/2026): kickoff 23/03/2026, all clinics live 11/05/2026.",
    ].join("\n");
    expect(
      evidence({ signed_scope: scope, kickoff_note: "I told them everyone is live 11 May." }, "timeline_assumption"),
    ).toEqual([]);
  });
  it("does not read round-the-clock '24/7' as a day-first date", () => {
    const packet = { ...base, signed_scope: "2. Go-live: 3/1/2027.", customer_promise: "A vet on call 24/7." };
    const golive = factsOf(buildContext(packet)).find((f) => f.key === "date:golive");
    expect(golive?.value).toBe(301);
  });
});

describe("session 21 families, words of other languages in English packets", () => {
  it("reads 'Owner …: à définir' and 'nessuno ancora' as nobody", () => {
    for (const cs of [
      "Owner for the SMS gateway on our side: à définir.",
      "Owner booking-export mapping: nessuno ancora.",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads 'sin cargo' as free work and '10 % rabatt' as a discount", () => {
    for (const note of [
      "Extra training in the Seville clinic for 12 nurses, sin cargo — I agreed it with the manager.",
      "And I agreed to extend the 10 % rabatt into year 2 if they give us a reference.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it("reads 'según necesidad' as an escape clause", () => {
    const scope =
      "1. Booking module for 3 clinics, accepted when 20 test bookings confirm by SMS.\n" +
      "2. Formación: 2 sesiones online, más material de apoyo según necesidad.";
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("reads a scope that opens with its contract reference ('SOW KW-12 (signed …): …') as work", () => {
    const scope =
      "SOW KW-12 (signed 30/01/2026): Kennelwise Pro for 3 clinics; various clinic-specific kennel rules. " +
      "Acceptance: bookings accepted after one month of parallel running with 0 discrepancies.";
    expect(flags({ signed_scope: scope }, "ambiguous_deliverable")).toHaveLength(1);
  });
});

describe("session 21 families, space-grouped thousands and people who each use the product", () => {
  it("reads '1 850 users' as 1,850, and '2 300 nurses … every one of them has to clock in' as users", () => {
    const form = "Kennelwise Pro — 3 clinics — 12-month term\nKW-CLOCK 1 850 users @ R 16,00 pupm";
    const note = "They've got 2 300 nurses on the payroll and every one of them has to clock in.";
    expect(flags({ order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const same = "They've got 1 850 nurses on the payroll and every one of them has to clock in.";
    expect(flags({ order_form: form, kickoff_note: same }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, dot-leader order lines", () => {
  it("counts '45 × $38/user/mo' after a dot leader as 45 users", () => {
    const form =
      "Kennelwise Pro — 3 clinics — 12-month term\nfront-desk user licences ........ 45 × $38/user/mo ...... $20,520/yr";
    const note = "The group signed for 60 named users across the three clinics.";
    expect(flags({ order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 21 families, declines and deferrals by other names", () => {
  it("respects 'not something we do', 'sits outside this deal', 'priced separately', 'delivery's call'", () => {
    for (const note of [
      "Grooming bookings came up again — told them that's not something we do, they dropped it.",
      "They asked whether owners can pay invoices through the portal — told them payments sit outside this deal.",
      "Writing stays back to the old diary would be a later project, priced separately.",
      "I told her the go-live date is delivery's call once the plan has been reviewed.",
      "I told the manager that's veterinary advice we don't give; she's taking it to their own vet.",
      "I haven't said anything beyond the SOW dates.",
      "The SMS add-on comes in at $4 per seat per month on top.",
    ])
      expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 21 families, requirements the customer or the CSM owns", () => {
  it("reads items owned by a customer department or by the CSM as no promise of delivery work", () => {
    for (const cs of [
      "Diary export API access + sandbox — owner: Three Oaks IT (Pat Quinn)",
      "Owner launch kit (flyers, email copy) — owner: Three Oaks Marketing",
      "Vaccination reminder wording review — owner: Dara Okoye (CSM)",
    ])
      expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 21 families, lettered rows accepted by letter", () => {
  it("links 'B — when …' acceptance lines to the rows lettered A, B, C of a deliverable table", () => {
    const scope = [
      "3. DELIVERABLES",
      "No. | Deliverable | Target",
      "A | Booking module configured | 4 May 2026",
      "B | Pet records imported | 18 May 2026",
      "C | Reminder texts live | 1 June 2026",
      "4. ACCEPTANCE",
      "4.1 The practice owner approves each deliverable in writing:",
      "A — when 20 test bookings confirm by SMS.",
      "C — when a test reminder reaches five staff phones and none bounce.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["Pet records imported"]);
  });
});

describe("session 21 families, a public contract's base period and an app for its users", () => {
  it("reads 'Base period thirty-six (36) months' as the term", () => {
    const scope = `${base.signed_scope}\nSECTION F — PERIOD OF PERFORMANCE\nBase period thirty-six (36) months from award.`;
    const form = "Kennelwise Pro — 3 clinics\nTerm: 24 months from award";
    expect(flags({ signed_scope: scope, order_form: form }, "conflicting_terms")).toHaveLength(2);
  });
  it("counts the people an app is configured for as its users", () => {
    const scope = `${base.signed_scope}\n2.4 Mobile app. Configure the Kennelwise mobile app for fourteen kennel assistants.`;
    const form =
      "Kennelwise Pro — 3 clinics — 12-month term\n| Line | Item | Qty | Unit |\n|---|---|---|---|\n" +
      "| 2 | Kennelwise mobile licence, annual | 10 | user |";
    expect(flags({ signed_scope: scope, order_form: form }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 21 families, a start year against a span of years", () => {
  const scope = `${base.signed_scope}\n2.4 Data conversion: convert booking history for the last seven (7) years.`;
  const form = "Kennelwise Pro — 3 clinics — 12-month term from 1 March 2026";
  it("sets 'history since 2009' against 'the last seven years' counted back from the contract's year", () => {
    const note = "The owner told her partners they'd have their full booking history since 2009 in the new diary.";
    expect(flags({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const same = "The owner told her partners they'd have their booking history since 2019 in the new diary.";
    expect(flags({ signed_scope: scope, order_form: form, kickoff_note: same }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 21 families, a Definition of Done that names its epics", () => {
  it("covers the stories under the epics it names and leaves the others without criteria", () => {
    const scope = [
      "Epic K-1: Bookings",
      "  - As a receptionist I want to book a kennel from the diary view.",
      "Epic K-2: Reminders",
      "  - As an owner I want a text the day before drop-off.",
      "Epic K-3: Reporting",
      "  - As the practice manager I want an occupancy report by clinic.",
      "Definition of Done — Epics K-1 to K-2: each story is demoed on the live diary with three test bookings and " +
        "approved by the practice manager.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "As the practice manager I want an occupancy report by clinic.",
    ]);
  });
});

describe("session 22 families, a go-live among other schedule dates", () => {
  const form = "Kennelwise Pro — 3 clinics — 12-month term";
  it("reads the go-live of a sprint line and of a dated weekday against a sales-side go-live", () => {
    const scope =
      `${base.signed_scope}\nPlan (approved by delivery): Sprint A: 2–13 Mar · Sprint B: 16–27 Mar · ` +
      "UAT: 30 Mar–3 Apr · Go-live: 14 Apr 2026";
    const note = "The clinic owner was told go-live would be 30 March and I agreed.";
    expect(flags({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const weekday = `${base.signed_scope}\nGo-live: Wednesday, 6 May 2026`;
    expect(
      flags({ signed_scope: weekday, order_form: form, kickoff_note: note }, "conflicting_terms").map((f) => f.source),
    ).toEqual(["signed_scope", "kickoff_note"]);
  });
  it("reads 'the first week of June' as a deadline about the tenth", () => {
    const scope = `${base.signed_scope}\nGo-live: 19 June 2026 (delivery-approved plan).`;
    const promise = "Every clinic will be live in the first week of June.";
    expect(
      flags({ signed_scope: scope, order_form: form, customer_promise: promise }, "conflicting_terms"),
    ).toHaveLength(2);
    const early = `${base.signed_scope}\nGo-live: 5 June 2026 (delivery-approved plan).`;
    expect(flags({ signed_scope: early, order_form: form, customer_promise: promise }, "conflicting_terms")).toEqual(
      [],
    );
  });
  it("reads a go-live written under the acceptance tests", () => {
    const scope = [
      "1. Configure the kennel booking module for 3 clinics.",
      "Acceptance",
      "A1: twenty test bookings confirm by SMS.",
      "Timetable (signed off by delivery): parallel bookings weeks of 2/3 and 9/3; go-live 23 March 2026.",
    ].join("\n");
    const note = "Owner expects go-live on 9 March, I said fine.";
    expect(flags({ signed_scope: scope, order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 22 families, the length of a term in other languages and in points of time", () => {
  it("reads 'Vigencia: 2 años', 'Laufzeit 36 Monate' and 'durée 24 mois' as terms", () => {
    for (const [form, other] of [
      ["Kennelwise Pro — 3 clínicas\nVigencia: 2 años", "Signed for three years."],
      ["Kennelwise Pro — 3 Kliniken\nLaufzeit 36 Monate", "Term agreed: 24 months."],
      ["Kennelwise Pro — 3 cliniques\nDurée du contrat : 24 mois", "They signed a 12-month term."],
    ])
      expect(flags({ order_form: form, kickoff_note: other }, "conflicting_terms")).toHaveLength(2);
    expect(
      flags({ order_form: "Kennelwise Pro\nVigencia: 2 años", kickoff_note: "Term: 24 months." }, "conflicting_terms"),
    ).toEqual([]);
  });
  it("does not read 'in three years' time' as a term", () => {
    const note = "Term is 24 months; the owner wants no renewal talks in three years' time.";
    const form = "Kennelwise Pro — 3 clinics — 12-month term";
    expect(flags({ order_form: form, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const facts = factsOf(buildContext({ ...base, kickoff_note: note })).filter(
      (f) => f.key === "term:month" && f.source === "kickoff_note",
    );
    expect(facts.map((f) => f.value)).toEqual([24]);
  });
});

describe("session 22 families, what a count is of", () => {
  const form = "Kennelwise Pro — 12-month term\n| Line | Item | Qty | Unit |\n|---|---|---|---|\n";
  it("takes the counted thing from a plural line label when the figure's own noun says less", () => {
    const scope = `${base.signed_scope}\nCrates: 64 steel units with door sensors`;
    const order = `${form}| 2 | Crate sensor subscription, per crate | 58 | crate |`;
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toHaveLength(2);
    const split = `${base.signed_scope}\nCrates: 58 steel units plus 6 spares`;
    expect(flags({ signed_scope: split, order_form: order }, "conflicting_terms")).toEqual([]);
  });
  it("counts dental and veterinary practices as the customer's locations", () => {
    const order = "Kennelwise Pro — 5 clinics × $140/clinic/mo — 12-month term";
    const cs = "Install the sync agent at all seven practices — owner: clinic IT";
    const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
    expect(flags({ signed_scope: scope, order_form: order, cs_requirement: cs }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 22 families, who was told and what was promised", () => {
  it("does not count the people a note names as promised things", () => {
    const note = "Kickoff went well. I told Priyanka we'd book kennels from the diary too.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const ms = "Ms. Okonkwo wants kennel bookings confirmed by SMS.";
    expect(flags({ kickoff_note: ms }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a seller's 'that's doable, we can make it happen' as no new capability", () => {
    const note = "Owner hopes to book kennels online by spring; I said that's doable, reckon we can make it happen.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a periodic report the product sends as a requirement, and a CS or scope-sourced one as none", () => {
    const cs = "Monthly vaccination-compliance report emailed to each clinic owner.";
    expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([cs]);
    for (const done of [
      "Monthly vaccination-compliance report emailed to each clinic owner (from item 1).",
      "Monthly vaccination-compliance report emailed to each clinic owner — owner: Dara Obi (CS).",
    ])
      expect(flags({ cs_requirement: done }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 22 families, the people who use the product and their price", () => {
  const form = "Kennelwise Pro — 40 users × $30/user/mo — 12-month term";
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  const conflicts = (over: Partial<PacketText>) =>
    flags({ signed_scope: scope, order_form: form, ...over }, "conflicting_terms");
  it("reads people the product is needed for, live for or opened to as its users", () => {
    expect(conflicts({ cs_requirement: "Booking diary needed for all 52 kennel assistants." })).toHaveLength(2);
    expect(conflicts({ kickoff_note: "They want it live for all 52 groomers by spring." })).toHaveLength(2);
    expect(conflicts({ cs_requirement: "Accès pour 52 techniciens de clinique." })).toHaveLength(2);
    expect(conflicts({ cs_requirement: "Booking diary needed for all 40 kennel assistants." })).toEqual([]);
  });
  it("reads a breakdown in brackets as parts of the count before it", () => {
    const note = "The team is 52 groomers (40 staff + 12 contractors) and all of them go on the app from day one.";
    expect(conflicts({ kickoff_note: note }).map((f) => f.source)).toEqual(["order_form", "kickoff_note"]);
  });
  it("compares a price per technician or per seat with the price per user", () => {
    expect(conflicts({ kickoff_note: "The owner has $26 per technician per month in her budget memo." })).toHaveLength(
      2,
    );
    expect(conflicts({ kickoff_note: "The owner has $30 per seat per month in her budget memo." })).toEqual([]);
  });
});

describe("session 22 families, a scope and its acceptance in running text", () => {
  it("links 'items 1–2' to items numbered inside one line and leaves the others without criteria", () => {
    const scope =
      "Scope: 1) Kennel booking diary for 3 clinics. 2) Owner reminder texts. 3) Occupancy dashboards. " +
      "Acceptance: items 1–2 on the practice manager's written sign-off after 30 test bookings with no errors.";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual(["3) Occupancy dashboards."]);
  });
  it("links an acceptance sentence that names deliverables to sentences led by those names", () => {
    const scope =
      "Kennel diary for the three clinics. Stock-control integration with the pharmacy system. Reminder texts — " +
      "owner and vet templates. Insight: 3 occupancy dashboards. Acceptance: the diary, the reminder texts and the " +
      "3 dashboards accepted on a test certificate signed by the practice manager (25 cases, no errors).";
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Stock-control integration with the pharmacy system.",
    ]);
  });
});

describe("session 22 families, concessions by other names", () => {
  const form = "Kennelwise Pro — 3 clinics — 12-month term, invoiced annually in advance, payment net 30";
  const exceptions = (note: string) => flags({ order_form: form, kickoff_note: note }, "scope_exception");
  it("reads named fees not charged, credit notes, break clauses and other payment cycles as concessions", () => {
    for (const note of [
      "They have two satellite surgeries too; I said we'd load those as well, no extra licence fee.",
      "The new clinic joins in spring and will be onboarded at no extra services cost.",
      "The owner gets a credit note on the first year's licences if we slip the go-live.",
      "Agreed a break clause after month three if the booking import doesn't reconcile.",
      "Their finance lead pushed for 45-day payment terms and I said fine.",
      "I let them pay quarterly rather than upfront, cash is tight this year.",
      "Good call with the owner. On a offert la formation (4 sessions) to get it signed before May.",
    ])
      expect(exceptions(note), note).toHaveLength(1);
  });
  it("leaves the order form's own cycle and fee alone", () => {
    expect(exceptions("Invoiced annually in advance as usual; the licence fee is per the order form.")).toEqual([]);
  });
});

describe("session 22 families, hours, caps and prices written short", () => {
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  const conflicts = (over: Partial<PacketText>) => flags({ signed_scope: scope, ...over }, "conflicting_terms");
  it("compares a bank of support hours in the scope with the order form's line", () => {
    const s = `${scope}\n2. Support: the vendor provides sixty (60) hours of remote post-launch support.`;
    const form = "| 2 | Post-launch remote support, 40 hours | 40 | $180.00 | $7,200.00 |";
    expect(conflicts({ signed_scope: s, order_form: form })).toHaveLength(2);
  });
  it("compares not-to-exceed ceilings, and reads '$32.5k' as 32,500", () => {
    const s = `${scope}\nPart B — Time & materials (not to exceed USD 30,000).`;
    const form = "Line 2 T&M block, not to exceed USD 35,000";
    expect(conflicts({ signed_scope: s, order_form: form })).toHaveLength(2);
    const same = `${scope}\nPart B — Time & materials (not to exceed USD 32,500).`;
    expect(conflicts({ signed_scope: same, kickoff_note: "T&M NTE $32.5k, agreed." })).toEqual([]);
  });
  it("reads a price per 'u/m' as a price per user", () => {
    const form = "KW-PRO 40 users @ NZD 6.20/u/m";
    expect(conflicts({ order_form: form, kickoff_note: "I quoted her $5.80 per user per month." })).toHaveLength(2);
  });
});

describe("session 22 families, an ask answered no", () => {
  it("does not flag an ask that the next sentence declines", () => {
    const note =
      "Good call. Priya asked for a pet-insurance claims feed. I told her that's out of scope and would be quoted separately.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const granted = "Good call. Priya asked for a pet-insurance claims feed. I told her we'd add it next month.";
    expect(evidence({ kickoff_note: granted }, "promise_not_in_scope")).toEqual([
      "Priya asked for a pet-insurance claims feed. I told her we'd add it next month.",
    ]);
  });
  it("reads 'excluded', 'a different product' and 'priced on its own order' as declines", () => {
    for (const note of [
      "I told them grooming bookings are excluded in clause 7 and could be priced on its own order later.",
      "They raised a grooming module; told her that's a different product.",
    ])
      expect(flags({ kickoff_note: note }, "promise_not_in_scope"), note).toEqual([]);
  });
});

describe("session 22 families, a heading that names the work and its acceptance", () => {
  it("reads the items under 'Workstreams and acceptance' as work", () => {
    const scope = [
      "Workstreams and acceptance",
      "WS1 — Booking diary for the three clinics.",
      "  Acceptance: 20 test bookings confirm by SMS.",
      "WS2 — Occupancy dashboards, with other views where useful.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "ambiguous_deliverable")).toEqual([
      "Occupancy dashboards, with other views where useful.",
    ]);
  });
});

describe("session 22 families, prices per year, mid-month dates and thresholds", () => {
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  const conflicts = (over: Partial<PacketText>) => flags({ signed_scope: scope, ...over }, "conflicting_terms");
  it("compares a price per unit per year with the same price per month", () => {
    const form = "Kennelwise Pro: 40 kennels, $2.50 per kennel per month, 12-month term";
    expect(conflicts({ order_form: form, kickoff_note: "Pricing as quoted: $30.00 per kennel per year." })).toEqual([]);
    expect(
      conflicts({ order_form: form, kickoff_note: "Pricing as quoted: $36.00 per kennel per year." }),
    ).toHaveLength(2);
  });
  it("reads 'by mid-June' as about the fifteenth", () => {
    const s = `${scope}\nPlan approved by delivery: go-live 12 June 2026.`;
    expect(conflicts({ signed_scope: s, kickoff_note: "The owner wants go-live by mid-June 2026." })).toEqual([]);
    const late = `${scope}\nPlan approved by delivery: go-live 29 June 2026.`;
    expect(conflicts({ signed_scope: late, kickoff_note: "The owner wants go-live by mid-June 2026." })).toHaveLength(
      2,
    );
  });
  it("does not count a threshold in a condition", () => {
    const form = "Kennelwise Pro — 40 kennels — 12-month term";
    const desk = "DD-77: price hold for 12 months if the practice grows beyond 55 kennels. Approved.";
    expect(conflicts({ order_form: form, deal_desk_exception: desk })).toEqual([]);
  });
});

describe("session 22 families, deliverables that point at their tasks", () => {
  const scope = (line: string) =>
    [
      "B. SERVICES",
      "B-5 Reporting. Configure occupancy reports for the clinics.",
      "Task 6. Migration: migrate kennel records and ten (10) years of visit history.",
      "C. DELIVERABLES",
      "C-4 Occupancy reports (B-5)",
      "C-5 Migrated records (Task 6)",
      "D. ACCEPTANCE",
      "D-5 C-5: accepted when 50 sampled records match the old system field for field.",
      line,
    ].join("\n");
  it("does not cover 'C-4 … (B-5)' through another line numbered 5", () => {
    expect(evidence({ signed_scope: scope("") }, "missing_acceptance_criteria")).toEqual(["Occupancy reports (B-5)"]);
  });
  it("reads 'accepted as agreed by the parties' on an item's own line as no criterion", () => {
    const s = scope("D-4 C-4: accepted as agreed by the parties.").replace(
      "D-5 C-5: accepted when 50 sampled records match the old system field for field.",
      "D-5 C-5: accepted as agreed by the parties.",
    );
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([
      "Occupancy reports (B-5)",
      "Migrated records (Task 6)",
    ]);
  });
});

describe("session 22 families, a date wished for and the seller's answer", () => {
  it("cites the seller's answer, not the wish it answers", () => {
    const note =
      "Good call. Priya wants the booking page shown at the vets' conference on 14 May. " +
      "I said we'd have it running for the conference.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toEqual([
      "I said we'd have it running for the conference.",
    ]);
  });
  it("leaves a wish alone when nobody answered it", () => {
    const note = "Good call. Priya wants the booking page shown at the vets' conference on 14 May.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
  });
});

describe("session 22 families, an ask and the seller's yes", () => {
  it("cites the customer's ask and the seller's yes as one promise", () => {
    const note =
      "Good call. Priya wants grooming appointments tracked in the diary as well. " +
      "I told her grooming comes with the booking module.";
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([
      "Priya wants grooming appointments tracked in the diary as well. I told her grooming comes with the booking module.",
    ]);
  });
  it("drops the ask when the yes is free work, a scope exception only", () => {
    const note =
      "Good call. Priya asked for help scanning the old paper vaccination cards. " +
      "I said we'd send two of our people to scan them at no charge.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
});

describe("session 22 families, public-sector schedules", () => {
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  const conflicts = (over: Partial<PacketText>) => flags({ signed_scope: scope, ...over }, "conflicting_terms");
  it("does not read an outline number ('II.5 Workshops') as a count", () => {
    const s = `${scope}\nII.5 Workshops. Two (2) half-day workshops for clinic staff.`;
    expect(
      conflicts({ signed_scope: s, cs_requirement: "Three workshops for clinic staff, one per clinic." }),
    ).toHaveLength(2);
    expect(conflicts({ signed_scope: s, cs_requirement: "Two workshops for clinic staff." })).toEqual([]);
  });
  it("reads 'Go-live with online payments: 6 October' and a final acceptance date", () => {
    const s = `${scope}\nApproved schedule: UAT: 8 September 2025 - Go-live with online payments: 6 October 2025`;
    const note = "I committed that we'd be live with payments switched on by September 15.";
    expect(conflicts({ signed_scope: s, kickoff_note: note })).toHaveLength(2);
    const fa = `${scope}\nKey dates: final system acceptance December 12, 2025.`;
    const desk =
      "DD-9: retainage release approved. Sales told the practice final system acceptance by August 29, 2025.";
    expect(conflicts({ signed_scope: fa, deal_desk_exception: desk })).toHaveLength(2);
  });
  it("compares a sales-side month with the due date of the named work", () => {
    const s =
      `${scope}\nDeliverables\nNo. | Deliverable | PWS ref | Due\n` +
      "DL-3 | Converted kennel records | 3.3 | August 22, 2025\nDL-4 | Vaccination reminder workflow | 3.4 | November 17, 2025";
    const late = "I told her the vaccination reminder workflow would be ready for the July 2025 clinic season.";
    expect(conflicts({ signed_scope: s, kickoff_note: late }).map((f) => f.message)).toEqual([
      expect.stringMatching(/item November 17 but the kickoff note says item by July 31/),
      expect.stringMatching(/item by July 31 but the signed scope says item November 17/),
    ]);
    const fine = "I told her the vaccination reminder workflow would be ready in November 2025.";
    expect(conflicts({ signed_scope: s, kickoff_note: fine })).toEqual([]);
  });
});

describe("session 22 families, roman-numbered items and an acceptance list by id", () => {
  it("links 'II.1 | criterion' lines to items II.1–II.3, reads 'II.3 | TBD' as none and cites the titled item whole", () => {
    const scope = [
      "II. SERVICES",
      "II.1 Booking diary. Configure the booking diary for the three clinics.",
      "II.2 Reminders. Configure owner reminder texts for vaccinations.",
      "II.3 Owner portal. Publish a portal where owners see their pets' records.",
      "IV. ACCEPTANCE",
      "Item | Acceptance criterion",
      "II.1 | Twenty test bookings confirm by SMS with no double booking",
      "II.2 | Reminder texts reach five staff phones in test within one minute",
      "II.3 | TBD",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Owner portal. Publish a portal where owners see their pets' records.",
    ]);
  });
});

describe("session 22 families, items led by a one-word title", () => {
  it("reads '2.6 Runbook. Write an operations runbook …' as work, but not 'Purpose. …' or 'Users. …'", () => {
    const scope = [
      "ARTICLE 2. TASKS",
      "2.1 Purpose. The clinics want one diary instead of three spreadsheets.",
      "2.2 Diary. Configure the kennel booking diary for the three clinics.",
      "2.3 Runbook. Write an operations runbook for the clinics' front-desk leads.",
      "ARTICLE 5. ACCEPTANCE",
      "5.1 Task 2.2: accepted when twenty test bookings confirm by SMS.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Runbook. Write an operations runbook for the clinics' front-desk leads.",
    ]);
  });
});

describe("session 22 families, work the customer will name later", () => {
  it("flags 'other interfaces the owner may identify' and 'other channels the group may later designate'", () => {
    for (const line of [
      "2.1 Interfaces. Build the lab interface, along with other interfaces the practice owner may identify.",
      "2.1 Channels. Configure online booking, plus other booking channels the group may later designate.",
    ])
      expect(
        flags({ signed_scope: `${line}\nAccepted when 20 test bookings confirm by SMS.` }, "ambiguous_deliverable"),
        line,
      ).toHaveLength(1);
    const bounded = "2.1 Interfaces. Build the lab interface and the pharmacy interface (this list is complete).";
    expect(
      flags({ signed_scope: `${bounded}\nAccepted when 20 test bookings confirm by SMS.` }, "ambiguous_deliverable"),
    ).toEqual([]);
  });
});

describe("session 22 families, requirements a system must meet", () => {
  it("reads data residency, retention, validation, routing and scheduling asks as requirements", () => {
    for (const cs of [
      "Data residency: every kennel record must stay in Ireland.",
      "Retention of visit notes for 12 years.",
      "Sponsor needs a computer-system validation pack for the audit file.",
      "Night-shift routing of emergency calls to the on-call vet's phone.",
    ])
      expect(flags({ cs_requirement: cs }, "promise_not_in_scope"), cs).toHaveLength(1);
  });
});

describe("session 22 families, an outcome the customer measures", () => {
  it("reads 'Objective: no-shows down 30% by Q4' as a target, not a promised date", () => {
    expect(
      flags({ cs_requirement: "Objective (customer-tracked): no-shows down 30% by Q4" }, "timeline_assumption"),
    ).toEqual([]);
    expect(
      flags({ cs_requirement: "Objective:\n60% of bookings made online by end of Q3" }, "timeline_assumption"),
    ).toEqual([]);
    expect(
      flags({ cs_requirement: "Online booking live for all clinics by end of Q3" }, "timeline_assumption"),
    ).toHaveLength(1);
  });
});

describe("session 22 families, how the work is run", () => {
  it("reads a working model and a rollout plan as no deliverables, and 'two 60-minute trainings' as bounded", () => {
    const scope = [
      "Working model: two-week sprints; the sprint calendar is agreed with delivery in kickoff week.",
      "Epic K-1 — Bookings",
      "K-1.1 As a receptionist I want to book a kennel from the diary. AC: 20 test bookings confirm by SMS.",
      "Rollout plan (from the proposal): wave 1 (2 clinics) live June 1; wave 2 live July 15.",
      "Training: two 60-minute admin trainings (remote, recorded).",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 22 families, acceptance for each service", () => {
  it("reads 'Each service in §2 passes acceptance when …' as covering every service", () => {
    const scope = [
      "§2 SERVICES",
      "2.1 Booking portal. Online booking with an owner check against the practice records.",
      "2.2 Reminders. Vaccination reminder texts to owners.",
      "§4 ACCEPTANCE",
      "Each service in §2 passes acceptance when the practice manager signs its test checklist (Attachment D).",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 22 families, public contracts' terms, tiers, discounts and classes", () => {
  const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
  const conflicts = (over: Partial<PacketText>) => flags({ signed_scope: scope, ...over }, "conflicting_terms");
  it("reads a length under the contract's term heading as the term", () => {
    const s = `${scope}\nSECTION 4. CONTRACT TERM\nMarch 2, 2026 through March 1, 2028 (twenty-four months), covering all services.`;
    expect(conflicts({ signed_scope: s, order_form: "Subscription term: 36 months from contract start" })).toHaveLength(
      2,
    );
  });
  it("compares 'Discount 8% on line 4' with a 10% discount on record", () => {
    const form = "0005 | Discount 8% on line 0004 (DD-12) | 1 | ($1,840.00)";
    const desk = "DD-12 — approved: 10% discount on implementation (line 0004). One-time.";
    expect(conflicts({ order_form: form, deal_desk_exception: desk })).toHaveLength(2);
  });
  it("reads a tier bought 'up to' as covering the count the scope states", () => {
    const s = `${scope}\nThe group runs eleven (11) clinics across two counties.`;
    expect(
      conflicts({ signed_scope: s, order_form: "Kennelwise platform, up to 12 clinics, annual | 1 | $42,000.00" }),
    ).toEqual([]);
  });
});

describe("session 22 families, durations promised and record headers", () => {
  it("reads 'the migration would take six weeks' as a promised duration, not a promise of scope", () => {
    const note = "Migration timing: I told her the migration would take six weeks once we have the export.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a CRM header's close and kickoff dates as a record", () => {
    const note = "Clinic group handoff — Priya R. (closed 3/21, kickoff 4/14)\nGood call with the practice manager.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 22 families, owners left open", () => {
  it("reads 'owner: open', 'owner: to be named' and 'no … resource identified' as unowned", () => {
    for (const cs of [
      "Pharmacy stock feed set up with the supplier — owner: to be named",
      "Lab results reach the chart as a nightly file — owner: open — no integration resource identified",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement"), cs).toHaveLength(1);
  });
});

describe("session 22 families, what the customer must do", () => {
  it("reads 'Priya needs to load the spring vaccination list early' as the customer's own task", () => {
    expect(
      flags(
        { kickoff_note: "Good call. Priya needs to load the spring vaccination list early." },
        "promise_not_in_scope",
      ),
    ).toEqual([]);
    expect(
      flags({ kickoff_note: "Good call. Priya needs a grooming calendar in the diary." }, "promise_not_in_scope"),
    ).toHaveLength(1);
  });
});

describe("session 22 families, dates across a year end", () => {
  it("reads 'live by December 12' as earlier than a scheduled go-live of January 20", () => {
    const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
    const s = `${scope}\nApproved schedule: go-live 2026-01-20.`;
    const note = "I promised her we would be fully live by December 12.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const early = "I promised her we would be fully live by February 12.";
    expect(flags({ signed_scope: s, kickoff_note: early }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 22 families, 'up and running' as a go-live", () => {
  it("reads 'would be up and running by 14 March' against the approved go-live", () => {
    const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
    const s = `${scope}\nApproved schedule: go-live 6 April 2026.`;
    const note = "I told the owner the diary would be up and running by 14 March.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 23 families, order lines and what they count", () => {
  const scope =
    "1. Fit CAN-bus telematics boxes to 26 refuse trucks and show them on the depot map. Accepted when each truck " +
    "reports its position for 24 hours.\n2. Supply RFID bin-lift sensors for all 26 trucks. Accepted when lifts " +
    "are counted.";
  it("reads '22 @ $1,150' on a line priced per vehicle as 22 vehicles", () => {
    const order = "Line 1 — Telematics box, fitted, per collection vehicle — 22 @ $1,150.00 — $25,300.00";
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toHaveLength(2);
    const same = "Line 1 — Telematics box, fitted, per collection vehicle — 26 @ $1,150.00 — $29,900.00";
    expect(flags({ signed_scope: scope, order_form: same }, "conflicting_terms")).toEqual([]);
  });
  it("does not let another line's equal count restate the line that names the scope's item", () => {
    const order = [
      "Item | Qty | Unit | Price | Total",
      "CAN-bus telematics box, fitted | 22 | truck | $1,150.00 | $25,300.00",
      "RFID bin-lift sensor kit | 26 | truck | $400.00 | $10,400.00",
    ].join("\n");
    const found = evidence({ signed_scope: scope, order_form: order }, "conflicting_terms");
    expect(found.some((e) => e.includes("| 22 |"))).toBe(true);
  });
  it("reads a row for 'Hospital feed' bought 30 times as thirty hospitals", () => {
    const s = "1. Connect the results portal to thirty-four (34) hospitals. Accepted when each sends one test order.";
    const order = "Line | Item | Qty | Price\n1 | Hospital feed, annual | 30 | $1,000.00";
    expect(flags({ signed_scope: s, order_form: order }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 23 families, one go-live of several", () => {
  it("compares a promised date with the scheduled go-live of the work it names ('Kennel planning live: …')", () => {
    const s = [
      "1. Configure kennel booking. Accepted when 20 test bookings confirm by SMS.",
      "Milestones approved by delivery:",
      "- Kennel planning live: 2026-05-04",
      "- Grooming diary live: 2026-05-18",
    ].join("\n");
    const note = "I told her the kennel plan would be running by April 6.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const later = "I told her the kennel plan would be running by May 8.";
    expect(flags({ signed_scope: s, kickoff_note: later }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 23 families, a summary of figures before the work", () => {
  it("reads 'Scope at a glance' lines as a summary, and the work table after it as scope", () => {
    const s = [
      "Deal summary at a glance",
      "- Kennels: 48 runs across two barns",
      "- Groomers: 6 on the rota",
      "| WP | Work | Exit criterion |",
      "|---|---|---|",
      "| WP1 | Booking diary | 20 test bookings confirmed by SMS |",
      "| WP2 | Vaccination reminders | |",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found.some((e) => /Kennels|Groomers/.test(e))).toBe(false);
    expect(found.some((e) => e.includes("Vaccination reminders"))).toBe(true);
  });
});

describe("session 23 families, the seller's duties", () => {
  it("reads vague wording under 'Vendor obligations' as vague work", () => {
    const s = [
      "SECTION 2 — VENDOR OBLIGATIONS",
      "2.1 Kennel diary. The Vendor shall configure the booking diary for both barns.",
      "2.2 Show support. The Vendor shall provide seamless cover to kennel staff on each show weekend.",
      "SECTION 3 — DELIVERABLES",
      "K-1 | Configured booking diary | 2.1 | accepted when 20 test bookings confirm by SMS",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "ambiguous_deliverable");
    expect(found.some((e) => e.includes("seamless"))).toBe(true);
  });
});

describe("session 23 families, uncounted work under a short title", () => {
  it("reads '2.4 Insight. The Vendor shall build occupancy dashboards for the owner.' as work with no count", () => {
    const s = [
      "2 SERVICES",
      "2.1 Diary. The Vendor shall configure the booking diary for both barns.",
      "2.4 Insight. The Vendor shall build occupancy dashboards for the owner.",
      "3 ACCEPTANCE",
      "Each service is accepted on the owner's written sign-off within five business days of delivery.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "ambiguous_deliverable");
    expect(found.some((e) => e.includes("occupancy dashboards"))).toBe(true);
    const counted = s.replace("build occupancy dashboards", "build three occupancy dashboards");
    expect(evidence({ signed_scope: counted }, "ambiguous_deliverable")).toEqual([]);
  });
});

describe("session 23 families, a SOW date delivery has not approved", () => {
  const work = "1. Configure kennel booking. Accepted when 20 test bookings confirm by SMS.";
  it("reads 'not yet validated by delivery' as no approval", () => {
    const s = `${work}\nSchedule: build in March; go-live 4 May 2026 (the owner's date, not yet validated by delivery).`;
    expect(flags({ signed_scope: s }, "timeline_assumption")).toHaveLength(1);
    const ok = `${work}\nSchedule (validated by our delivery lead): build in March; go-live 4 May 2026.`;
    expect(flags({ signed_scope: ok }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'Go-live: 4 May 2026.' fixed by the customer and not reviewed by delivery", () => {
    const s = `${work}\nSCHEDULE\nGo-live: 4 May 2026. The owner set this date; our delivery team has not reviewed it.`;
    expect(flags({ signed_scope: s }, "timeline_assumption")).toHaveLength(1);
  });
});

describe("session 23 families, a date counted from an event", () => {
  it("reads 'I've told her 9 weeks from kickoff, latest' as a promised date", () => {
    const s = "1. Configure kennel booking. Accepted when 20 test bookings confirm by SMS.";
    const note = "I've told the owner 9 weeks from kickoff, latest.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    const inScope = `${s}\nGo-live is 9 weeks from kickoff, per the plan approved by our delivery lead.`;
    expect(flags({ signed_scope: inScope, kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 23 families, billing put off", () => {
  it("reads 'I agreed we'd hold off invoicing until March' as a concession, not a date", () => {
    const note = "Their budget resets in spring, so I agreed we'd hold off invoicing the first year until March.";
    expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
    const notice = "Owners are told by text when their delayed bill is released.";
    expect(flags({ cs_requirement: notice }, "scope_exception")).toEqual([]);
  });
});

describe("session 23 families, 'free' that grants nothing", () => {
  it("reads free as available, hands-free, a free slot or a free-meals programme as no concession", () => {
    for (const note of [
      "Install window: the vans are free from June 8 to August 7.",
      "Groomers work hands-free by voice in the wash bay.",
      "Each booking goes to the nearest groomer with a free slot.",
      "Families apply for free or reduced-price boarding online.",
      "Task 3 puts it on us, but nobody has taken it yet.",
      "Members sign their waiver on a tablet at the desk.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception"), note).toEqual([]);
    expect(flags({ kickoff_note: "I told her the first grooming course is on us." }, "scope_exception")).toHaveLength(
      1,
    );
    expect(flags({ kickoff_note: "We waived the set-up fee to close." }, "scope_exception")).toHaveLength(1);
  });
});

describe("session 23 families, the seller paying for it", () => {
  it("reads costs kept off the invoice, covered or picked up by the seller as concessions", () => {
    for (const note of [
      "The owner balked at the sandbox fee, so I said we'd leave the sandbox hosting off the invoices.",
      "I promised two weeks of on-site cover at go-live with our travel covered.",
      "To close, I said we would pick up the groomers' travel for both courses.",
      "I offered that we'd cover print-and-mail for the first year's reminder letters.",
      "A vet nurse on site for the first month, with no added charge to the practice.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception"), note).toHaveLength(1);
    expect(flags({ kickoff_note: "The module covers travel bookings for the groomers." }, "scope_exception")).toEqual(
      [],
    );
  });
});

describe("session 23 families, an owner still open", () => {
  it("reads 'who builds this on our side is still open' and 'owner: unclear' as unowned", () => {
    for (const cs of [
      "Vaccination import from the old kennel system; who builds this on our side is still open.",
      "Grooming price list load — owner: unclear",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement"), cs).toHaveLength(1);
    expect(
      flags({ cs_requirement: "Who builds this on our side is settled: Sam, from week 2." }, "unowned_requirement"),
    ).toEqual([]);
  });
});

describe("session 23 families, figures that count nothing contracted", () => {
  const s = "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.";
  it("reads a waived fee as no price", () => {
    const order = "Implementation — kennel package, 40 hrs ... $7,200\nSetup fee waived (list $1,500) ... $0";
    const desk = "APPROVED: one-time setup fee ($1,500) waived for the three-clinic commitment.";
    expect(flags({ signed_scope: s, order_form: order, deal_desk_exception: desk }, "conflicting_terms")).toEqual([]);
  });
  it("reads 'tested with 5 clinics' as a sample and '0003 Regional workshops' as a line number", () => {
    const tested = `${s}\nThe rota view is tested with 5 clinics.`;
    expect(flags({ signed_scope: tested }, "conflicting_terms")).toEqual([]);
    const order = "Item | Qty | Unit price\n0003 Regional workshops | 4 EA | $950.00";
    const scope = `${s}\nTraining: four (4) regional workshops for clinic staff.`;
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toEqual([]);
  });
  it("reads '60 clinic receptionists' as people, not clinics", () => {
    expect(flags({ signed_scope: s, kickoff_note: "Licences: 60 clinic receptionists." }, "conflicting_terms")).toEqual(
      [],
    );
  });
  it("reads a row whose description counts its own records as no count of records", () => {
    const scope = `${s}\nLoad the kennel roster (about 2,300 records) from the old system.`;
    const order =
      "Item | Description | Qty | Unit price\n1 | Subscription, annual, up to 3,000 dog records | 2 | $8,500.00";
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 23 families, the date a record was made", () => {
  it("reads 'APPROVED 6 Aug 2026 (deal desk): … when every clinic is live' as no due date", () => {
    const s = [
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "| Milestone | Date |",
      "| Every clinic live | 12 Dec 2026 |",
    ].join("\n");
    const desk =
      "DD-41 — APPROVED 6 Aug 2026 (R. Lamb): set-up fee invoiced in two halves, the second when every clinic is live.";
    expect(flags({ signed_scope: s, deal_desk_exception: desk }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 23 families, when rather than what", () => {
  it("reads 'live straight after the spring show at the latest' as a date, not a promised thing", () => {
    const when = "Priya was told we'd be live straight after the spring show at the latest.";
    expect(flags({ kickoff_note: when }, "promise_not_in_scope")).toEqual([]);
    const what = "Priya was told we'd add a grooming diary with reminders too.";
    expect(flags({ kickoff_note: what }, "promise_not_in_scope")).toHaveLength(1);
  });
});

describe("session 23 families, said no in other words", () => {
  it("reads 'a different procurement, we aren't bidding it' and 'Nothing sold or promised' as no promise", () => {
    for (const note of [
      "Boarding for cats came up. I said that's a different procurement and we aren't bidding it.",
      "They asked about a cattery portal. Nothing sold or promised.",
    ])
      expect(flags({ kickoff_note: note }, "promise_not_in_scope"), note).toEqual([]);
    expect(flags({ kickoff_note: "I told them we'd add a cattery portal too." }, "promise_not_in_scope")).toHaveLength(
      1,
    );
  });
});

describe("the decline and non-promise patterns", () => {
  it("match nothing in a plain sentence (an empty alternative would match everything)", () => {
    for (const re of [DECLINED, NOT_A_PROMISE])
      expect(re.test("We configure the kennel diary for three clinics.")).toBe(false);
  });
});

describe("session 23 families, what the customer hands over, and when work runs", () => {
  it("reads access, credentials, a sandbox or an export the customer supplies as no promise", () => {
    for (const cs of [
      "Kennelbase API access + sandbox — owner: Sam Ortiz",
      "Vetlink test credentials — owner: Sam Ortiz",
      "Microchip registry gateways: model list unknown, clinic to send the list.",
      "PetPlan 7.2; clinic IT contact Ruth Obi.",
    ])
      expect(flags({ cs_requirement: cs }, "promise_not_in_scope"), cs).toEqual([]);
    expect(
      flags({ cs_requirement: "Grooming diary synced to the owners' phone calendars." }, "promise_not_in_scope"),
    ).toHaveLength(1);
  });
  it("reads a time zone, a weekday or a cut-off as when the work runs, not a new thing", () => {
    const s =
      "1. Configure kennel booking for the 3 clinics with a nightly export to the accounts system. Accepted when 20 " +
      "test bookings confirm by SMS.";
    const cs = "Accounts export done by 06:00 CET every Thursday, cut-off 12:00.";
    expect(flags({ signed_scope: s, cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 23 families, what the customer will also get", () => {
  it("reads 'clinics will also get …' in a customer's promise as an addition to judge on its own", () => {
    const s =
      "1. Configure kennel booking and grooming reminders for the 3 clinics. Accepted when 20 test bookings confirm " +
      "by SMS.";
    const promise = "Clinics will also get a boarding waitlist for booking.";
    expect(flags({ signed_scope: s, customer_promise: promise }, "promise_not_in_scope")).toHaveLength(1);
    const sold = "Clinics will also get grooming reminders for every booking.";
    expect(flags({ signed_scope: s, customer_promise: sold }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 23 families, grace months, a go-live approved on its line, and the client's tasks", () => {
  it("reads 'two months' grace on the subscription' as a concession", () => {
    const note = "To close it I promised two months' grace on the subscription while they run both diaries.";
    expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it("reads 'Go-live: 2 November 2026 (date approved by our delivery lead …)' as approved", () => {
    const s =
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.\n" +
      "Go-live: 2 November 2026 (date approved by Kennelwise delivery, S. Ortiz, 30 Sep 2026).";
    expect(flags({ signed_scope: s }, "timeline_assumption")).toEqual([]);
  });
  it("reads a 'Client tasks' section as the customer's duties, not deliverables", () => {
    const s = [
      "Section 2 — Work",
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "Section 3 — Client tasks",
      "Clean the pet and owner lists by 24 April; one receptionist per clinic released two days a week.",
    ].join("\n");
    expect(flags({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 23 families, a row priced per a two-word unit", () => {
  it("reads 'per power unit, annual | 22' as 22 vehicles, not 22 users", () => {
    const s = "1. Load the equipment master for 26 tractors. Accepted when every tractor shows on the yard map.";
    const order = "# | Item | Qty | Price\n1 | Yard TMS, per power unit, annual | 22 | $300.00";
    const found = evidence({ signed_scope: s, order_form: order }, "conflicting_terms");
    expect(found.some((e) => e.includes("per power unit"))).toBe(true);
  });
});

describe("session 23 families, payment splits and 'less N%'", () => {
  it("compares the share of a fee due at signature across sources", () => {
    const s =
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.\n" +
      "Fees: fixed price, invoiced 30% at signature, 30% at pilot sign-off and 40% at go-live.";
    const order = "Kennelwise Pro — 3 clinics — 12-month term\nServices billed 50% on signature and 50% at go-live.";
    const found = flags({ signed_scope: s, order_form: order }, "conflicting_terms");
    expect(found).toHaveLength(2);
    expect(found[0].message).toMatch(/30% due at signature/);
    const same = order.replace(
      "50% on signature and 50% at go-live",
      "30% on signature, 30% at pilot and 40% at go-live",
    );
    expect(flags({ signed_scope: s, order_form: same }, "conflicting_terms")).toEqual([]);
  });
  it("reads 'less 10%' as a discount to compare with the deal desk's", () => {
    const order = "Kennelwise Pro — 3 clinics — 12-month term\nServices, fixed price, less 10% (DD-7) — $5,400";
    const desk = "DD-7 APPROVED: 15% off the services fee.";
    expect(flags({ order_form: order, deal_desk_exception: desk }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 23 families, nobody against it", () => {
  it("reads 'who takes …? No name against it on either side.' and an 'owner to be named' RACI cell as unowned", () => {
    const note = "Open question: who takes the microchip register clean-up? No name against it on either side.";
    expect(flags({ kickoff_note: note }, "unowned_requirement")).toHaveLength(1);
    const s = [
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "| Task | Kennelwise | Clinic |",
      "|---|---|---|",
      "| Vaccination record import | owner to be named | I |",
    ].join("\n");
    expect(flags({ signed_scope: s }, "unowned_requirement")).toHaveLength(1);
  });
});

describe("session 23 families, a switch-over is a go-live", () => {
  it("compares 'live by Labor Day' with a scheduled 'switch-over 19 Oct'", () => {
    const s =
      "1. Configure kennel booking for the 3 clinics. Accepted when 20 test bookings confirm by SMS.\n" +
      "Dates confirmed by our delivery lead: build complete 25 Sep 2026; booking switch-over 19 Oct 2026.";
    const promise = "Your new booking pages will be live at all three clinics by Labor Day.";
    expect(flags({ signed_scope: s, customer_promise: promise }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 23 families, a record word before a deadline", () => {
  it("reads 'receipts issued by 31 January' as a deadline and 'issued 3 May' as a record's date", () => {
    const due = "Must — vaccination certificates issued by 31 January 2027. Owner: Sam Ortiz";
    expect(flags({ cs_requirement: due }, "timeline_assumption")).toHaveLength(1);
    const record = "Vaccination policy issued 3 May 2026 applies to all boarders. Owner: Sam Ortiz";
    expect(flags({ cs_requirement: record }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 23 families, lists that stay open in other words", () => {
  it("reads 'and other back-office systems', 'and related workflows', 'and anything else', 'typically', 'where available'", () => {
    for (const item of [
      "Integration with the clinic's PMS and other back-office systems.",
      "Boarding intake and related enforcement workflows.",
      "Reporting for clinic managers, and anything else finance asks for.",
      "Checklists for the breeds the clinics typically board.",
      "Interface to the kennel cameras, where available.",
    ]) {
      const s = `1. ${item} Accepted when 20 test bookings confirm by SMS.`;
      expect(flags({ signed_scope: s }, "ambiguous_deliverable"), item).toHaveLength(1);
    }
    const named = "1. Conflict checks across owners, vets and related entities. Accepted when 20 checks pass.";
    expect(flags({ signed_scope: named }, "ambiguous_deliverable")).toEqual([]);
  });
});

describe("session 23 families, the length on a licence line", () => {
  it("reads '… named users — £38.00 per user per month — 36 months' as the term", () => {
    const order = "Kennelwise Pro — 3 clinics — 24 named users — £38.00 per user per month — 36 months";
    const note = "The practice owner understood this as a five-year agreement.";
    expect(flags({ order_form: order, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const volume = "Kennelwise Pro — 3 clinics — subscription, up to 6,000 bookings per year — 1 yr";
    expect(flags({ order_form: volume, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 23 families, requirements for a web page or payouts", () => {
  it("reads a requirement for a public web page or for payouts as work to judge against the scope", () => {
    for (const cs of [
      "Owners look up vaccination dates through a public web page — owner: Sam Ortiz",
      "Same-day payouts to visiting groomers for completed jobs — owner: Sam Ortiz",
    ])
      expect(flags({ cs_requirement: cs }, "promise_not_in_scope"), cs).toHaveLength(1);
    const s =
      "1. Configure kennel booking for the 3 clinics, with a public web page where owners look up vaccination " +
      "dates. Accepted when 20 test bookings confirm by SMS.";
    const sold = "Owners look up vaccination dates through the public web page — owner: Sam Ortiz";
    expect(flags({ signed_scope: s, cs_requirement: sold }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 23 families, an ask the seller says yes to", () => {
  it("judges 'Dana wants … My answer was that we'd include it' with the seller's bar", () => {
    const s =
      "1. Configure kennel booking and routing for the grooming vans of the 3 clinics. Accepted when 20 test " +
      "bookings confirm by SMS.";
    const note = "Dana wants GPS routing for the grooming vans on show days. My answer was that we'd include it.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "promise_not_in_scope")).toHaveLength(1);
    const no = "Dana wants GPS routing for the grooming vans on show days. My answer was no.";
    expect(flags({ signed_scope: s, kickoff_note: no }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 23 families, seats named for the people who hold them", () => {
  it("reads 'groomer licence | 12' as twelve groomers against 'all 14 groomers'", () => {
    const order = "Item | Qty | Price\nKennelwise — groomer licence, annual | 12 | $400.00";
    const note = "Sizing: they'll have all 14 groomers out with tablets this season.";
    expect(flags({ order_form: order, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
    const explained = "Sizing: twelve groomer licences = 10 groomers plus 2 managers who sign off the rota.";
    expect(flags({ order_form: order, kickoff_note: explained }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 23 families, people counted, then given accounts", () => {
  it("reads 'All 24 groomers, nurses and receptionists have accounts on day one' as 24 users", () => {
    const order = "Kennelwise Pro — 3 clinics — 20 named users — 12-month term";
    const cs = "All 24 groomers, nurses and receptionists have accounts on day one — owner: Sam Ortiz";
    expect(flags({ order_form: order, cs_requirement: cs }, "conflicting_terms")).toHaveLength(2);
    const before = "Accounts for the owners, who review the rota; 24 groomers work the rota — owner: Sam Ortiz";
    expect(flags({ order_form: order, cs_requirement: before }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 24 families, owners", () => {
  it("reads 'Unassigned (waiting on a hire)' in the delivery owner field as no owner", () => {
    const found = flags({ delivery_owner: "Unassigned (waiting on a hire)" }, "unowned_requirement");
    expect(found.map((f) => [f.source, f.evidence])).toEqual([["delivery_owner", "Unassigned"]]);
    expect(flags({ delivery_owner: "Priya Raman (interim)" }, "unowned_requirement")).toEqual([]);
  });
  it("asks no owner of a requirement row that was declined or left to a separate quote", () => {
    const cs = [
      "| Ref | Requirement | Owner |",
      "|---|---|---|",
      "| K1 | Boarding invoices emailed nightly | Dara Quinn |",
      "| K2 | Pet-taxi dispatch — turned down, we declined it in the sale | — |",
      "| K3 | Loyalty stamps — quote separately if they want it | n/a |",
      "| K4 | Vaccination certificates scanned at check-in | TBD |",
    ].join("\n");
    const found = evidence({ cs_requirement: cs }, "unowned_requirement");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("Vaccination certificates");
  });
  it("reads 'not sold', 'a separate product' and 'sold as its own product' as a decline", () => {
    for (const s of [
      "Grooming app — not sold, it is a separate product.",
      "I told her the grooming app is sold as its own product.",
      "They asked about grooming; I said it's outside this deal.",
    ])
      expect(DECLINED.test(s)).toBe(true);
  });
});

describe("session 24 families, cut-over dates", () => {
  it("reads a hyphenated 'Cut-over on <date>' the SOW fixes, unreviewed by delivery, as a timeline assumption", () => {
    const s = [
      "1. Configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.",
      "2. Dates",
      "Cut-over on 4 May 2027 (the practice's date; our delivery team has not reviewed it).",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "timeline_assumption")).toEqual([
      "Cut-over on 4 May 2027 (the practice's date; our delivery team has not reviewed it).",
    ]);
  });
  it("does not read the start of a range that ends at the cut-over as the cut-over date", () => {
    const s =
      "1. Convert boarding records from March 2011 to the cutover date. Accepted when 50 sampled records match.";
    const dated = factsOf(buildContext({ ...base, signed_scope: s })).filter((f) => f.key.startsWith("date:"));
    expect(dated).toEqual([]);
  });
});

describe("session 24 families, a title line above a table", () => {
  it("takes the row of column names under a barred title line as the table's header", () => {
    const scope = "1. Run grooming workshops: four (4) workshops for the front desk. Accepted when each is held.";
    const order = [
      "ORDER 77-KW | Kennelwise Ltd | Term 12 months",
      "Code | Description | Qty | Rate | Amount",
      "KW-GRM | Grooming workshop, 2 hours | 3 | $400.00 | $1,200.00",
    ].join("\n");
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toHaveLength(2);
  });
});

describe("session 24 families, a record line above a ruled table", () => {
  it("reads 'Term … | Payment: net 30' above a ruled table as the order form's terms, not the table's header", () => {
    const order = [
      "ORDER KW-88 — Kennelwise Ltd",
      "Term: 12 months | Currency: USD | Payment: net 30 from invoice",
      "| SKU | Description | Qty |",
      "|---|---|---|",
      "| KW-DIARY | Booking diary licence | 3 |",
    ].join("\n");
    const note = "Heads-up: I agreed net 60 on all invoices, deal desk has not seen it.";
    const found = evidence({ order_form: order, kickoff_note: note }, "conflicting_terms");
    expect(found.some((e) => e.includes("net 30"))).toBe(true);
  });
});

describe("session 24 families, what an acceptance column counts", () => {
  it("does not read a row's exit test ('12 groomers book one day in UAT') as the scope's count", () => {
    const s = [
      "Booking diary for 40 groomers across the three clinics.",
      "| Item | Deliverable | Exit criterion |",
      "|---|---|---|",
      "| G1 | Groomer diary on desktop and phone | 12 groomers book one full day in UAT with no blocking defect |",
    ].join("\n");
    const order = "| SKU | Description | Qty |\n|---|---|---|\n| KW-GR | Groomer licence, annual | 45 |";
    const found = evidence({ signed_scope: s, order_form: order }, "conflicting_terms");
    expect(found.some((e) => e.includes("40 groomers"))).toBe(true);
    expect(found.some((e) => e.includes("12 groomers"))).toBe(false);
  });
});

describe("session 24 families, prose around a judged work table", () => {
  it("reads the lines above a work table with its own acceptance column as background, not deliverables", () => {
    const s = [
      "SOW KW-9 — Kennelwise for Harbourside Vets",
      "Vans supported: 6 mobile surgery vans for two practices. Practices in scope: Harbourside and Quayside.",
      "",
      "| WP | Work package | Acceptance |",
      "|---|---|---|",
      "| WP-1 | Booking diary | 20 test bookings confirm by SMS |",
      "| WP-2 | Vaccination reminders | 10 reminders sent on their due date in UAT |",
      "| WP-3 | Boarding invoices | |",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found.some((e) => /Vans supported|Practices in scope/.test(e))).toBe(false);
    expect(found.some((e) => e.includes("Boarding invoices"))).toBe(true);
  });
});

describe("session 24 families, nothing given and nothing owned", () => {
  it("reads an owner cell '(none yet)' as no owner", () => {
    const cs = "| Ref | Requirement | Owner |\n|---|---|---|\n| K1 | Boarding invoices emailed nightly | (none yet) |";
    expect(evidence({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads 'Extras given — none' as no concession", () => {
    const note = "Extras given — none; the loyalty price hold went through deal desk (DD-88).";
    expect(flags({ kickoff_note: note }, "scope_exception")).toEqual([]);
  });
  it("reads dates left to delivery as no promise ('delivery will propose them', 'depends on delivery')", () => {
    for (const s of [
      "On the go-live date I only said delivery will propose one.",
      "I said whether they're live by show season depends on delivery's plan.",
    ])
      expect(DECLINED.test(s)).toBe(true);
  });
});

describe("session 24 families, a discount column", () => {
  it("compares an order line's Discount cell with the deal desk's approved discount", () => {
    const order = [
      "| # | Item | Qty | List | Discount | Net |",
      "|---|---|---|---|---|---|",
      "| 1 | Kennelwise diary seat | 12 | $600.00 | 5% | $6,840.00 |",
    ].join("\n");
    const desk = "DD-41 approved by Lee Park: 8% discount on diary seats for the first term.";
    const found = flags({ order_form: order, deal_desk_exception: desk }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["deal_desk_exception", "order_form"]);
  });
});

describe("session 24 families, sentences inside a table cell", () => {
  it("judges each sentence of a notes cell on its own (one recorded concession, one not)", () => {
    const note = [
      "| Topic | Notes |",
      "|---|---|",
      "| Money | Net 45 approved (DD-12). I also said we would cover hotels and flights for the go-live crew. |",
    ].join("\n");
    const desk = "DD-12 approved: payment terms net 45 instead of net 30.";
    const found = evidence({ kickoff_note: note, deal_desk_exception: desk }, "scope_exception");
    expect(found).toEqual(["I also said we would cover hotels and flights for the go-live crew."]);
  });
});

describe("session 24 families, sections named by who does the work", () => {
  it("reads 'What <vendor> will build' as the scope and 'The <customer> provides' as the customer's part", () => {
    const s = [
      "Kennelwise Ltd — Statement of Work KW-31",
      'Client: Harbourside Veterinary Group ("the Group")',
      "",
      "Section 1 — What Kennelwise will build",
      "| # | Work package | Done when |",
      "|---|---|---|",
      "| W1 | Booking diary for both clinics | 20 test bookings confirm by SMS |",
      "| W2 | Vaccination reminder texts | |",
      "",
      "Section 2 — The Group provides",
      "Pet records export and a named practice lead.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found.some((e) => e.includes("Vaccination reminder texts"))).toBe(true);
    expect(found.some((e) => e.includes("Pet records export"))).toBe(false);
  });
});

describe("session 24 families, people who need logins", () => {
  const order = "Kennelwise diary — up to 20 users — 12-month term";
  it("counts 'logins for all 32 kennel and front-desk staff' as 32 users", () => {
    const cs = "1. Logins for all 32 kennel and front-desk staff — owner: Dara Quinn";
    expect(flags({ order_form: order, cs_requirement: cs }, "conflicting_terms")).toHaveLength(2);
  });
  it("counts 'all 26 analysts and porters licensed on day one' as users (analysts are people)", () => {
    const note = "Must have: all 26 analysts and porters licensed on day one.";
    expect(flags({ order_form: order, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
  it("does not count the seller's own staff as the customer's users", () => {
    const scope =
      "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.\n" +
      "2. The clinic provides VPN accounts for up to four (4) Contractor staff.";
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms")).toEqual([]);
  });
  it("ends a counted phrase at a subordinate clause ('three barns once agency staff are counted')", () => {
    const note = "Roughly 20 groomers will need logins across the three barns once agency staff are counted.";
    const counts = factsOf(buildContext({ ...base, kickoff_note: note })).filter((f) => f.key === "count:employee");
    expect(counts).toEqual([]);
  });
  it("reads a rollout wave's count as a part ('Wave 1 (4 clinics) live May 2')", () => {
    const scope =
      "1. Configure kennel booking for all 9 clinics. Accepted when 20 test bookings confirm by SMS.\n" +
      "Rollout: Wave 1 (4 clinics) live May 2; Wave 2 (remaining clinics) live June 6.";
    const note = "Group has 9 clinics, all on Kennelwise by summer.";
    const order = "Kennelwise Pro — 9 clinics — 12-month term";
    expect(flags({ signed_scope: scope, kickoff_note: note, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 24 families, a labelled line over indented sub-lines", () => {
  it("reads the dates indented under 'Timeline — agreed with our delivery lead' as that plan, not work", () => {
    const s = [
      "Feature 1 · Booking diary",
      "  K1.1  As a receptionist, I want each room's diary to block double bookings. AC: no double bookings.",
      "Timeline — agreed with our delivery lead (R. Amos), 2 May 2026",
      "  Harbourside set-up ........ 11 May – 22 May",
      "  Quayside set-up ........... 25 May – 5 Jun",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found).toEqual([]);
  });
});

describe("session 24 families, how the work is run and what it leaves out", () => {
  it("reads 'Working style: …' and 'How we'll work: …' as governance and 'not part of this SOW' as no work", () => {
    const s = [
      "Kennelwise for Harbourside Vets",
      "Working style: weekly sprints; our delivery team fixes sprint dates once staffed.",
      "How we'll work: fortnightly demos with the practice manager.",
      "1. Booking diary. AC: 20 test bookings confirm by SMS.",
      "Migration of, or integration with, the old grooming app is not part of this SOW.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, Gherkin scenarios", () => {
  it("reads a scenario's When and Then steps as part of its Given, not as deliverables", () => {
    const s = [
      "Feature: Booking diary",
      "  Scenario: owner books a grooming slot",
      "    Given an owner with a registered pet",
      "    When they pick a free slot on the phone app",
      "    Then the slot is held and a confirmation text arrives within a minute",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, an arrow after AC", () => {
  it("reads 'AC → …' under a story as its acceptance criterion", () => {
    const s = [
      "Epic 1 — Bookings",
      "  1.1 As a receptionist, I want each room's diary to block double bookings.",
      "      AC → the receptionist sees a warning and the second booking is refused.",
      "  1.2 As an owner, I want reminder texts before each visit.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found.some((e) => e.includes("block double bookings"))).toBe(false);
    expect(found.some((e) => e.includes("reminder texts"))).toBe(true);
  });
});

describe("session 24 families, a go-live after dot leaders and 'up by'", () => {
  it("reads 'Booking portal live ........ 21 Sep 2026' and 'the portal is up by Sep 8' as go-lives that disagree", () => {
    const s = [
      "1. Booking portal for owners. AC: 20 test bookings confirm by SMS.",
      "Plan — confirmed by our delivery lead (R. Amos), 2 Aug 2026",
      "  Booking portal live ........... 21 Sep 2026",
    ].join("\n");
    const note = "I told the practice manager the booking portal is up by Sep 8 so she can announce it.";
    const found = flags({ signed_scope: s, kickoff_note: note }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "signed_scope"]);
  });
});

describe("session 24 families, the engagement stated whole", () => {
  it("reads 'The vendor will implement Kennelwise for the Group' before its tasks as a summary", () => {
    const s = [
      "1. SCOPE",
      "1.1 The Vendor will implement Kennelwise for the Harbourside Group and its three clinics.",
      "2. TASKS",
      "2.1 Booking diary. Configure the diary for each clinic. Accepted when 20 test bookings confirm by SMS.",
      "2.2 Reminders. Set up vaccination reminder texts. Accepted when 10 reminders go out on their due date.",
      "2.3 Boarding invoices. Produce nightly boarding invoices.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found.some((e) => e.includes("implement Kennelwise"))).toBe(false);
    expect(found.some((e) => e.includes("Boarding invoices"))).toBe(true);
  });
});

describe("session 24 families, a milestone counted from another", () => {
  it("does not read 'Support ends (4 weeks after cut-over) | 26 Apr' as the cut-over date", () => {
    const s = "| Milestone | Date |\n|---|---|\n| Support ends (4 weeks after cut-over) | 26 Apr 2027 |";
    const dated = factsOf(buildContext({ ...base, signed_scope: s })).filter((f) => f.key === "date:golive");
    expect(dated).toEqual([]);
  });
});

describe("session 24 families, a discount row", () => {
  it("reads an order form's 'DISCOUNT | 5% on diary seats' row against the deal desk's approved discount", () => {
    const order = "Item | Qty | Price\nDiary seat | 12 | $600.00\nDISCOUNT | 5% on diary seats (DD-41) | −$360.00";
    const desk = "DD-41 approved: 8% discount on diary seats for the first year.";
    const found = flags({ order_form: order, deal_desk_exception: desk }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["deal_desk_exception", "order_form"]);
  });
});

describe("session 24 families, how often the customer pays", () => {
  const order = "Kennelwise Pro — 3 clinics — 12-month term, paid annually in advance";
  it("compares 'paid annually in advance' with a note letting them pay quarterly", () => {
    const note = "To help their cash flow I let them pay quarterly rather than up front.";
    const found = flags({ order_form: order, kickoff_note: note }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("does not read 'monthly pay runs' as billing, nor a note citing the record the order form carries", () => {
    const cs = "Groomers submit monthly pay claims through the app — owner: Dara Quinn";
    expect(flags({ order_form: order, cs_requirement: cs }, "conflicting_terms")).toEqual([]);
    const form = "Kennelwise Pro — 3 clinics — 12-month term, billed yearly; set-up fee invoiced quarterly (DD 4410)";
    const note = "Quarterly billing is DD 4410, already on the order.";
    expect(flags({ order_form: form, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 24 families, a regime naming its clause", () => {
  it("reads 'Each Deliverable in Clause 3.1 … accepts it in writing within 10 Business Days' as covering the list", () => {
    const s = [
      "3. DELIVERABLES",
      "3.1 Kennelwise shall deliver:",
      "(a) the configured booking diary for both clinics;",
      "(b) vaccination reminder texts; and",
      "(c) nightly boarding invoices.",
      "6. ACCEPTANCE",
      "6.1 Each Deliverable in Clause 3.1 shall be submitted to the Practice Manager, who shall within ten (10) " +
        "Business Days accept it in writing or reject it with reasons.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, legal escape clauses", () => {
  it("reads 'such further … as the Practice may request', 'as may be required', 'best-efforts', 'industry practice'", () => {
    for (const t of [
      "occupancy dashboards for the Practice, together with such further views as the Practice may request",
      "interfaces with such other practice systems as may be required",
      "clinical reporting in line with prevailing industry practice",
      "help with regulator filings on a best-efforts basis",
      "a client portal offering complete self-service for owners",
      "kennel forecasts, together with related analytics",
    ])
      expect(vagueHit(t)).not.toBeNull();
    expect(vagueHit("Complete the migration of 4,000 pet records by 3 May.")).toBeNull();
  });
});

describe("session 24 families, a defined term's count", () => {
  it("compares '\"Named Users\" means … up to a maximum of thirty (30)' with the order form's seats", () => {
    const s = [
      "1. DEFINITIONS",
      '(a) "Named Users" means staff of the Practice authorised to log in to the Platform, up to a maximum of ' +
        "thirty (30) at any time;",
      "2. SERVICES",
      "2.1 Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
    ].join("\n");
    const order = "Kennelwise Pro (3 clinics, 24 Named Users) — 12-month term";
    const found = flags({ signed_scope: s, order_form: order }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["order_form", "signed_scope"]);
  });
});

describe("session 24 families, no indexation", () => {
  it("reads 'no CPI increase for the whole term' as a price concession, not a promise of work", () => {
    const note = "To close it I told the practice owner there would be no CPI increase for the whole term.";
    expect(flags({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 24 families, lettered references and everyday 'accept'", () => {
  it("links 'Clause 3(a), (b) and (d)' to the lettered deliverables, leaving (c) without criteria", () => {
    const s = [
      "3. DELIVERABLES",
      "Kennelwise will deliver:",
      "(a) the configured booking diary;",
      "(b) vaccination reminder texts;",
      "(c) an owner app for iOS and Android; and",
      "(d) nightly boarding invoices.",
      "6. ACCEPTANCE",
      "6.1 The acceptance criteria for the Deliverables in Clause 3(a), (b) and (d) are 20 test cases passing in UAT.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found).toEqual(["an owner app for iOS and Android; and"]);
  });
  it("does not read 'accept card payments' or 'accept the practice's code of conduct' as a sign-off", () => {
    const s = "1. An owner app that lets clients book slots and accept card payments at the desk.";
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toHaveLength(1);
  });
});

describe("session 24 families, terse owners and optional plurals", () => {
  it("reads 'owner TBC' and 'Not picked up by anyone yet' as no owner", () => {
    for (const cs of [
      "Boarding price mapping (per clinic): owner TBC.",
      "Vaccine register: who on our side loads the intervals? Not picked up by anyone yet.",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads 'workshop(s)' and 'as far as technically possible' as vague", () => {
    expect(vagueHit("Rota improvement workshop(s) with the head nurse")).not.toBeNull();
    expect(vagueHit("Pet history from the old system, migrated as far as technically possible")).not.toBeNull();
  });
});

describe("session 24 families, ranges in terse acceptance lines", () => {
  it("links 'Acceptance: A–C …' and 'Acceptance: 1–3 …' to their items, and reads 'D2 …' in prose as item D2", () => {
    const lettered = [
      "A. Booking diary for both clinics.",
      "B. Reminder texts for vaccinations.",
      "C. Boarding invoices, nightly.",
      "D. Owner app for iOS.",
      "Acceptance: A–C signed off in writing by the practice lead within 5 days of UAT (30 test scripts).",
    ].join("\n");
    expect(evidence({ signed_scope: lettered }, "missing_acceptance_criteria")).toEqual(["Owner app for iOS."]);
    const numbered = lettered.replace(/^([A-D])\./gm, (_, l: string) => `${"ABCD".indexOf(l) + 1}.`);
    const found = evidence({ signed_scope: numbered.replace("A–C", "1–3") }, "missing_acceptance_criteria");
    expect(found).toEqual(["Owner app for iOS."]);
    const prose =
      "Deliverables: D1 Booking diary for both clinics. D2 Reminder texts for vaccinations. D3 Owner app for iOS. " +
      "Acceptance: D1–D2 signed by the practice lead once UAT passes.";
    expect(evidence({ signed_scope: prose }, "missing_acceptance_criteria")).toEqual(["D3 Owner app for iOS."]);
  });
  it("reads 'Training 3 x half-day' as bounded training", () => {
    const s = "1. Booking diary. Accepted when 20 test bookings confirm by SMS.\n2. Training 3 x half-day";
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, which users a count is of", () => {
  it("compares 'Groomer users: approx. 30' with the order form's '24 groomer users' beside its other user line", () => {
    const order = "KW-CORE 12 users @ EUR 11,40 p/u/pm\nKW-GRM 24 groomer users @ EUR 6,90 p/u/pm";
    const note = "Groomer users: approx. 30 incl. the weekend temps.";
    const found = flags({ order_form: order, kickoff_note: note }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "order_form"]);
  });
});

describe("session 24 families, terms abbreviated abroad", () => {
  it("reads 'Looptijd 24 mnd' and 'Term 36 mths' as terms", () => {
    for (const [order, months] of [
      ["KW-CORE 12 users; Looptijd 24 mnd", 24],
      ["KW-CORE 12 users; Term 36 mths", 36],
    ] as const) {
      const terms = factsOf(buildContext({ ...base, order_form: order })).filter((f) => f.key === "term:month");
      expect(terms.map((f) => f.value)).toEqual([months]);
    }
  });
});

describe("session 24 families, named occasions and the signed plan restated", () => {
  it("reads 'live by Founders Day' as a date hung on an occasion, not a promise of work", () => {
    const note = "Told the owner we'd be live by Founders Day.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    expect(flags({ kickoff_note: "The summary will be signed by Dara Quinn." }, "timeline_assumption")).toEqual([]);
  });
  it("does not flag the delivery-signed plan restated in the CS notes", () => {
    const cs =
      "Plan signed off by delivery (R. Amos) 5/8/2026: KO 17/8, UAT w/c 19/10, go-live 16/11, hypercare to 11/12.";
    expect(flags({ cs_requirement: cs }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 24 families, when rather than what, and courtesies", () => {
  it("does not read a date hung on the customer's calendar as a promise of work (a guard)", () => {
    for (const note of [
      "Ramesh is expecting all 9 clinics converted by Founders Day, and I told him that was doable.",
      "I told Dara they'd be scanning pets in at the desk before the spring show season starts.",
      "I promised them the new booking portal is open for the September intake.",
    ])
      expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("does not read 'Happy to walk your practice manager through any of it' as a promise", () => {
    const letter = "Your diary goes live in May. Happy to walk your practice manager through any of it.";
    expect(flags({ customer_promise: letter }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 24 families, more places a customer runs", () => {
  it("counts gyms, studios, libraries, outlets, pubs and labs as locations", () => {
    for (const noun of ["gyms", "studios", "libraries", "outlets", "pubs", "labs"]) {
      const note = `They run seven ${noun} and want all of them on Kennelwise.`;
      const order = "Kennelwise Pro — 5 locations @ $449/location/mo — 12-month term";
      const scope = "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.";
      const found = flags({ signed_scope: scope, order_form: order, kickoff_note: note }, "conflicting_terms");
      expect(found.map((f) => f.source).sort()).toEqual(["kickoff_note", "order_form"]);
    }
  });
});

describe("session 24 families, the subscription and the contract's own name", () => {
  it("does not read the subscription provision, a contract number or a TIME clause as deliverables", () => {
    const s = [
      "SCOPE OF WORK",
      "Kennel Booking System — Contract HV-KEN-26-04",
      "2. SCOPE",
      "2.1 Contractor shall furnish the System on a subscription basis for twelve (12) named users.",
      "2.2 Contractor shall provide its hosted booking system for fifteen (15) clinic users.",
      "2.3 Contractor shall configure vaccination reminder texts.",
      "3. ACCEPTANCE. Item 2.3 is accepted when 10 reminders go out on their due date in UAT.",
      "4. TIME. Contractor shall complete all services by 30 June 2026.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, law-bounded wording, pending requests and unclaimed owners", () => {
  it("does not read 'as required by State law' or 'the standard reports listed in Attachment C' as vague", () => {
    expect(vagueHit("configure vaccine reminder intervals as required by State law")).toBeNull();
    expect(vagueHit("provide the three standard reports listed in Attachment C")).toBeNull();
    expect(vagueHit("configure reminder intervals as required")).not.toBeNull();
  });
  it("reads a free month requested and 'NOT yet approved' on the deal desk as an exception", () => {
    const desk = "Requested 01/20/2026 by the AE, NOT yet approved: first 30 days of the diary free of charge.";
    expect(flags({ deal_desk_exception: desk }, "scope_exception")).toHaveLength(1);
  });
  it("reads 'owner: unclaimed on our side so far' as no owner", () => {
    const cs = "Reminder texts before the spring vaccination clinic — owner: unclaimed on our side so far";
    expect(flags({ cs_requirement: cs }, "unowned_requirement")).toHaveLength(1);
  });
});

describe("session 24 families, a list price", () => {
  it("does not compare the list price before a discount with the net fee the SOW states", () => {
    const s =
      "1. Booking diary. Accepted when 20 test bookings confirm by SMS.\n9.1 The implementation fee is $25,500, " +
      "after the approved discount.";
    const order = "Implementation: list $30,000, less 15% (DD-51) = $25,500\nKennelwise Pro, 12-month term";
    expect(flags({ signed_scope: s, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 24 families, the customer introduced and the document's name", () => {
  it("reads 'The Department registers …' and a title-cased name line at the top as no deliverables", () => {
    const s = [
      "SCOPE OF WORK",
      "Harbour County Department of Parks, Bookings Division",
      "1. The Department registers about nine thousand (9,000) kennel licences a year.",
      "2. The PBD (Parks Bookings Division) runs four dog parks.",
      "3. Contractor shall configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.",
      "4. Contractor shall set up licence renewal reminders.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([
      "Contractor shall set up licence renewal reminders.",
    ]);
  });
});

describe("session 24 families, a numbered acceptance heading and a bare sign-off by id", () => {
  it("reads 'A5. Acceptance' after items as a section, and 'A3 — accepted to the Practice's satisfaction' as none", () => {
    const s = [
      "A1. Diary. Configure the booking diary for both clinics.",
      "A2. Reminders. Set up vaccination reminder texts.",
      "A3. Grooming. Set up the grooming diary for the mobile van.",
      "A4. Approved milestones (approved by our delivery lead, 2 April 2026)",
      "Diary live: 9 June 2026",
      "A5. Acceptance",
      "A1 — accepted when 20 test bookings confirm by SMS.",
      "A2 — accepted when 10 reminders go out on their due date in UAT.",
      "A3 — accepted to the Practice's satisfaction.",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found).toEqual(["Grooming. Set up the grooming diary for the mobile van."]);
  });
});

describe("session 24 families, a line that bounds the scope", () => {
  it("does not read 'Clinics in scope: Harbourside and Quayside' as a deliverable", () => {
    const s = [
      "1.1 Configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.",
      "1.2 Clinics in scope: Harbourside and Quayside.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 24 families, a bare count of seats", () => {
  it("does not read 'Users. Forty (40) receptionist and vet accounts.' as a deliverable", () => {
    const s = [
      "1. Users. Forty (40) receptionist and vet accounts.",
      "2. Diary. Configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 25 families, a performance-based statement's standards as its acceptance", () => {
  const work = [
    "SECTION 2 — SERVICES",
    "2.1 Reporting. The Contractor shall send a monthly report on kennel occupancy.",
    "2.2 Booking diary. The Contractor shall configure the booking diary for both clinics.",
    "2.3 Reminders. The Contractor shall set up vaccination reminder texts.",
    "2.4 Grooming. The Contractor shall set up the grooming diary for the mobile van.",
  ];
  it("reads a Performance Requirements Summary as acceptance, its rows naming the services they accept", () => {
    const s = [
      ...work,
      "SECTION 3 — PERFORMANCE REQUIREMENTS SUMMARY",
      "Ref | Objective | Standard | AQL | Method",
      "S1 | Reporting (2.1) | Report in by the 3rd working day | One late report a year | Periodic inspection",
      "S2 | Diary (2.2) | 20 test bookings confirm by SMS | 100% | Demonstration",
      "S3 | Reminders (2.3) | Reminder texts go out on their due date | Zero misses in UAT | Sampling",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([
      "Grooming. The Contractor shall set up the grooming diary for the mobile van.",
    ]);
  });
  it("reads 'the services in PWS 2.1 through 2.4' as the items numbered 2.1 to 2.4", () => {
    const s = [
      ...work,
      "SECTION 3 — ACCEPTANCE",
      "The standards below govern acceptance of the services in PWS 2.1 through 2.4; each is accepted when " +
        "the clinic manager confirms in writing that it meets its standard.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads bare numbers under a 'Deliverable' column as the deliverables they name", () => {
    const s = [
      "2. DELIVERABLES",
      "Deliverable 1. Configure the booking diary for both clinics.",
      "Deliverable 2. Set up vaccination reminder texts.",
      "Deliverable 3. Write a front-desk handbook.",
      "3. PERFORMANCE STANDARDS",
      "Deliverable | Standard | AQL | Method",
      "1 | 20 test bookings confirm by SMS | 100% | Demonstration",
      "2 | Reminder texts go out on their due date | Zero misses in UAT | Sampling",
    ].join("\n");
    const found = evidence({ signed_scope: s }, "missing_acceptance_criteria");
    expect(found).toEqual(["Write a front-desk handbook."]);
  });
});

describe("session 25 families, quantities on a price schedule and a bank of hours", () => {
  it("counts a row of tags by the thing each is fitted to, and reads 'EA' as no thing of its own", () => {
    const s = "1. Tag all 9,000 kennel doors with an RFID label. Accepted when 50 sampled doors read at the desk.";
    const order = [
      "CLIN | Description | Qty | Unit | Unit Price | Extended",
      "0001 | RFID door tag, supplied and fitted | 7,500 | EA | $2.10 | $15,750.00",
      "0002 | Desk reader, installed | 4 | EA | $900.00 | $3,600.00",
    ].join("\n");
    expect(evidence({ signed_scope: s, order_form: order }, "conflicting_terms")).toEqual([
      expect.stringContaining("9,000"),
      expect.stringContaining("7,500"),
    ]);
    const keys = factsOf(buildContext({ ...base, order_form: order })).map((f) => f.key);
    expect(keys.filter((k) => /^count:ea/.test(k))).toEqual([]);
  });
  it("reads an incident-response retainer as a bank of hours, not a response time", () => {
    const s =
      "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.\n" +
      "2. Support. The Contractor shall hold an incident response retainer of thirty (30) hours per contract year.";
    const cs = "Retainer: 45 hours a year for the clinic's incidents — owner: CSM Dara";
    expect(evidence({ signed_scope: s, cs_requirement: cs }, "conflicting_terms")).toEqual([
      expect.stringContaining("thirty (30) hours"),
      expect.stringContaining("45 hours"),
    ]);
  });
  it("reads a schedule line 'Go-live — 2026-06-15' as the go-live's date", () => {
    const s = [
      "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.",
      "2. Schedule (approved by our delivery lead)",
      "Diary configured — 2026-05-01",
      "Go-live — 15 June 2026",
    ].join("\n");
    const dated = factsOf(buildContext({ ...base, signed_scope: s })).filter((f) => f.key === "date:golive");
    expect(dated.map((f) => f.value)).toEqual([615]);
  });
});

describe("session 25 families, a restated baseline, an occasion's date and a forecast", () => {
  const s =
    "1. Configure the kennel booking module. Accepted when 20 test bookings confirm by SMS.\n" +
    "SCHEDULE\nBaseline concurred by our delivery lead on 2 March 2026: diary go-live 2026-06-01.";
  it("reads 'Go-live June 1 per the concurred baseline' in the notes as the approved date, not a new one", () => {
    const note = "Dates. Go-live June 1 per the concurred baseline; the practice has it in the rota.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'live before the open day starts on June 13' as a deadline the approved June 1 meets", () => {
    const note = "Open day. I told Priya we'd be live before the open day starts on June 13.";
    expect(flags({ signed_scope: s, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
  it("does not read a customer's forecast of a volume as a promise", () => {
    const note = [
      "Growth: Priya expects roughly 12 new kennel blocks in the spring — inside the 40-block cap.",
      "Kennel count: the manager thinks the real number is a little higher than the 300 in the order.",
    ].join("\n");
    expect(flags({ signed_scope: s, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 25 families, a consulting grid of workstreams, outputs and who signs", () => {
  const grid = [
    "HARBOURSIDE VETERINARY GROUP",
    "Statement of Work HVG-07 — Clinic Operations Review",
    "",
    "| Workstream | Activities | Outputs | Sign-off by |",
    "|---|---|---|---|",
    "| W1 Baseline | Interview the 6 clinic managers; collect a year of diary data | Baseline pack of " +
      "clinic utilisation | Operations Director — figures reconcile to the 2025 diary export |",
    "| W2 Options | Compare three rota models | Rota options paper | Operations Director |",
    "| W3 Pricing | Review the treatment price list | Revised price list | Finance Lead — at her discretion |",
    "",
    "Phase | Weeks | Exit gate   (approved by our delivery lead, 3 March 2026)",
    "Discover | 1–4 | Baseline pack accepted",
    "Design | 5–9 | Rota model chosen by the board",
    "",
    "Team",
    "| Role | Name |",
    "|---|---|",
    "| Engagement lead | Tomasz Wierzbicki |",
  ].join("\n");
  it("takes the Outputs column as what each row delivers, and a bare name under 'Sign-off by' as no condition", () => {
    // (cited with the activities that make them, since session 37)
    expect(evidence({ signed_scope: grid }, "missing_acceptance_criteria")).toEqual([
      "Compare three rota models | Rota options paper",
      "Review the treatment price list | Revised price list",
    ]);
  });
});

describe("session 25 families, a pasted chat and the people who log in", () => {
  it("counts 'all 12 of her reception and nursing people will get log-ins', '9 groomers can use it' as users", () => {
    for (const note of [
      "Tomasz told Priya all 12 of her reception and nursing people will get Kennelwise log-ins.",
      "and on seats, said 9 groomers can use it",
    ]) {
      const users = factsOf(buildContext({ ...base, kickoff_note: note })).filter((f) => f.key === "count:user");
      expect(users.map((f) => f.value)).toHaveLength(1);
    }
  });
  it("reads '18 months of booking records' as history, and a chat line's time stamp as no count", () => {
    const s = "1. Analyse 18 months of booking records from the old diary.";
    const keys = factsOf(buildContext({ ...base, signed_scope: s })).map((f) => `${f.key} ${f.value}`);
    expect(keys).toContain("history:month 18");
    const note = "Dana Obi 16:12  commercials: list rates, nothing else";
    const noted = factsOf(buildContext({ ...base, kickoff_note: note })).filter((f) => f.source === "kickoff_note");
    expect(noted).toEqual([]);
  });
  it("reads a pasted chat's 'Name Surname  message' line without taking the name as promised words", () => {
    const note = [
      "Teams chat, clinic handover",
      "Dana Obi  Priya asked for grooming reminders by WhatsApp and I said we'd do it",
      "Sam Reyes  noted",
    ].join("\n");
    const found = flags({ kickoff_note: note }, "promise_not_in_scope");
    expect(found).toHaveLength(1);
    expect(found[0].message).not.toMatch(/Dana|Obi/);
  });
});

describe("session 25 families, open lists and prioritised requirements", () => {
  it("reads 'other breeds to be selected' and 'and all other services' as open lists", () => {
    expect(vagueHit("Cats, dogs; other breeds to be selected")?.family).toBe("open");
    expect(vagueHit("Reminders for vaccinations and all other services")?.family).toBe("open");
  });
  it("reads 'Should: …' under a title line as a requirement, not part of the title", () => {
    const cs = [
      "CS handover — Harbourside Vets",
      "Must: reminder texts measured the same way every month",
      "Should: waiting-room dashboards, robust and self-serve",
    ].join("\n");
    expect(evidence({ cs_requirement: cs }, "ambiguous_deliverable")).toEqual([
      "Should: waiting-room dashboards, robust and self-serve",
    ]);
  });
});

describe("session 25 families, what a promise paraphrases and what it only replaces", () => {
  const s =
    "1. Configure the kennel booking diary with a dry-run week before go-live. Accepted when 20 test bookings " +
    "confirm by SMS.";
  it("covers 'proven in a dry run' by a scope's 'dry-run week', and 'instead of paper cards' by nothing", () => {
    const promise = "Your diary, proven in a dry run, with bookings confirmed by SMS instead of paper cards.";
    expect(flags({ signed_scope: s, customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("leaves a discount said to be agreed to the exception detector, and reads 'Ana Ruiz-Soto:' as a speaker", () => {
    const note = [
      "Ana Ruiz-Soto: the 12% on years 2–3 is with deal desk, but I told Priya it's agreed",
      "Ana Ruiz-Soto: they wanted grooming reminders by WhatsApp and I said we'd do it",
    ].join("\n");
    const found = flags({ signed_scope: s, kickoff_note: note }, "promise_not_in_scope");
    expect(found.map((f) => f.evidence)).toEqual([expect.stringContaining("WhatsApp")]);
    expect(found[0].message).not.toMatch(/Ruiz|Soto/);
  });
});

describe("session 25 families, what the customer furnishes and when deliverables are due", () => {
  it("reads 'Government-Furnished Information' items as the customer's, 'Deliverable Schedule' as dates", () => {
    const s = [
      "Task 1 — Booking Diary. The Contractor shall configure the kennel booking diary for both clinics.",
      "Task 2 — Quality Control. The Contractor shall set up the 12 booking checks in Attachment B.",
      "Tasks 1 through 2 are firm fixed price at $48,000.",
      "Deliverable Schedule. Our delivery lead concurred in these dates on 2 March 2026: diary live 1 June 2026.",
      "Clinic-Furnished Information.",
      "(a) An export of the old diary.",
      "(b) The list of vets and their rotas.",
      "Acceptance.",
      "Task 1 is accepted when 20 test bookings confirm by SMS.",
      "QC is accepted when every Attachment B check flags its test case.",
    ].join("\n");
    expect(evidence({ signed_scope: s }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 25 families, notes typed on a phone", () => {
  const s =
    "1. Configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.\n" +
    "SCHEDULE\nThe practice and the delivery lead on our side settled these dates on 2 March 2026: diary live " +
    "1 June 2026.";
  it("reads a month that asks or is known as a person, and 'the agreed sched.' as the approved plan", () => {
    const note = [
      "- june asked if we could import the old grooming photos. told her no, not this order",
      "- ping me as needed, i know june well",
      "- jun 1 go-live is on the agreed sched.",
    ].join("\n");
    expect(flags({ signed_scope: s, kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'settled … with the delivery lead' as an approved schedule, and 'for no extra $' as commercial", () => {
    expect(flags({ signed_scope: s }, "timeline_assumption")).toEqual([]);
    const note = "- priya pushed for onsite training. i said we'd add 2 onsite days at the clinics for no extra $";
    expect(flags({ signed_scope: s, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 25 families, counts at the start of a line and a period of performance", () => {
  const countsOf = (note: string) =>
    factsOf(buildContext({ ...base, kickoff_note: note }))
      .filter((f) => f.source === "kickoff_note" && f.key.startsWith("count:"))
      .map((f) => `${f.key} ${f.value}`);
  it("reads '- 30 kennels in the pilot' as a count, not an item numbered 30", () => {
    expect(countsOf("- 30 kennels in the new wing, priya picked them herself")).toContain("count:kennel 30");
  });
  it("counts '6 front-desk folks' as no place, and several groups of people as no single user count", () => {
    const found = countsOf("12 vets, 6 office folks. the owner wants everyone on the app before spring");
    expect(found.filter((k) => /^count:(?:location|user) /.test(k))).toEqual([]);
  });
  it("reads a run-in 'Period of Performance.' title as the term of what follows", () => {
    const s = [
      "1. Configure the kennel booking diary. Accepted when 20 test bookings confirm by SMS.",
      "2. Period of Performance. Thirty (30) months after notice to proceed.",
    ].join("\n");
    const terms = factsOf(buildContext({ ...base, signed_scope: s })).filter(
      (f) => f.source === "signed_scope" && f.key === "term:month",
    );
    expect(terms.map((f) => f.value)).toEqual([30]);
    const range = "1. Configure the diary.\n2. Period of Performance. January 5, 2026 through June 30, 2027.";
    const ranged = factsOf(buildContext({ ...base, signed_scope: range })).filter(
      (f) => f.source === "signed_scope" && f.key === "term:month",
    );
    expect(ranged.map((f) => f.value)).toEqual([18]);
  });
});

describe("session 25 families, a backlog export of initiatives, features and keyed stories", () => {
  const backlog = [
    "Kennelwise · SOW / backlog export · project KWV",
    "",
    "Initiative KWV-1: Invoice reminders",
    "  Feature KWV-1.1: Booking diary",
    "    Story KWV-101 · 5 pts · Reception books a kennel for a named pet from the diary.",
    "      Acceptance:",
    "      • Given a free kennel, when reception books it, then it is held and an SMS confirms within a minute.",
    "    Story KWV-102 · 3 pts · Reception sees each kennel's cleaning status.",
    "",
    "Effort: story points are relative estimates; configuration is capped at 30 hours.",
    "Definition of Ready ▸ kennel list; vet rota; a named product owner.",
    "Go-live target: both clinics live three weeks after kickoff (to be confirmed by delivery).",
  ].join("\n");
  it("reads keyed stories under an initiative, each with the acceptance bullets under it", () => {
    expect(evidence({ signed_scope: backlog }, "missing_acceptance_criteria")).toEqual([
      expect.stringContaining("Reception sees each kennel's cleaning status."),
    ]);
  });
});

describe("session 25 families, a tracker's comment thread", () => {
  it("prices '$45 per kennel each month' per kennel; 'their 30 groomers gets their own login' counts users", () => {
    const promise = "As discussed, the diary comes to $45 per kennel each month.";
    const priced = factsOf(buildContext({ ...base, customer_promise: promise })).filter(
      (f) => f.source === "customer_promise",
    );
    expect(priced.map((f) => f.key)).toEqual(["price:kennel"]);
    const note = "@dana.o: every one of their 30 groomers gets their own login";
    const users = factsOf(buildContext({ ...base, kickoff_note: note })).filter((f) => f.key === "count:user");
    expect(users.map((f) => f.value)).toEqual([30]);
  });
  it("reads '@handle:' as a speaker, 'a separate phase we'd quote on its own' as declined, rental as commercial", () => {
    const note = [
      "@dana.o: also said we'd cover the card-reader rental for the first month, ~$300",
      "@sam.r: @dana.o the plan I confirmed has go-live on Jun 1 and billing terms aren't mine to change",
    ].join("\n");
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const promise = "Kennel bookings confirmed by SMS. Grooming vans are a separate phase we'd quote on its own.";
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("the conversation vocabularies", () => {
  it("match nothing in a plain sentence (no empty alternative slipped into a joined pattern)", () => {
    expect(DECLINED.test("Priya wants grooming reminders by SMS.")).toBe(false);
    expect(NOT_A_PROMISE.test("Priya wants grooming reminders by SMS.")).toBe(false);
  });
});

describe("session 25 families, declines and confirmations in a thread", () => {
  it("reads 'told her no', 'told them web booking only', 'we're software only' as declines, not 'no problem'", () => {
    for (const t of [
      "priya asked if we could import x-rays. told her no, maybe a separate buy down the road",
      "They asked for a native app. Told them web booking only — they accepted that.",
      "They asked for on-site audits. I said we're software only.",
    ])
      expect(DECLINED.test(t)).toBe(true);
    expect(DECLINED.test("Priya wants grooming texts too, I told her no problem")).toBe(false);
  });
  it("reads 'the plan I confirmed' and a volume the customer only thinks it has as no promise", () => {
    expect(NOT_A_PROMISE.test("portal date in the plan I confirmed is the 21st, not the 8th")).toBe(true);
    const note = "- Pet records: roughly 40k after dedupe, they think.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 25 families, who owns a requirement is not what it asks for", () => {
  it("does not count 'owned by Maya R.' or a trailing '— P. Okonjo' as requirement words", () => {
    const s = "1. Configure kennel booking and vaccination reminders by SMS. Accepted when 20 test bookings confirm.";
    const cs = [
      "- Vaccination reminders by SMS — owned by Tomasz W.",
      "- Kennel booking confirmations — P. Okonjo",
    ].join("\n");
    expect(flags({ signed_scope: s, cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 25 families, a headcount that each needs a login", () => {
  it("counts '~40 DVMs, RVTs and receptionists and every one of them needs a login' as users", () => {
    const note =
      "headcount: they have ~40 DVMs, RVTs and receptionists and every one of them needs a login from day one";
    const users = factsOf(buildContext({ ...base, kickoff_note: note })).filter((f) => f.key === "count:user");
    expect(users.map((f) => f.value)).toEqual([40]);
  });
});

describe("session 25 families, what a quantity counts on a lettered price schedule", () => {
  const counts = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.key.startsWith("count:"))
      .map((f) => `${f.key} ${f.value}`);
  it("reads the description, not the row letter under 'Item', and a 'licence renewal' as no licence", () => {
    const order = [
      "Item | Description | Qty | Each | Extended",
      "A | Kennelwise subscription, named user, 12 months | 25 | $1,200.00 | $30,000.00",
      "B | Online licensing module, up to 6,000 licence transactions/yr | 1 | $9,000.00 | $9,000.00",
    ].join("\n");
    expect(counts({ order_form: order }, "order_form")).toEqual(["count:user 25"]);
    const s = "1. Design three (3) licence renewal notice templates. Accepted when the practice manager signs each.";
    expect(counts({ signed_scope: s }, "signed_scope")).toEqual(["count:template 3"]);
    const cs = "- Volume: about 5,200 licence renewals a year — owner: CSM Dara";
    expect(counts({ cs_requirement: cs }, "cs_requirement")).toEqual(["count:renewal 5200"]);
  });
  it("counts coaches as vehicles of a fleet", () => {
    const note = "They run 40 coaches on school and charter work.";
    expect(counts({ kickoff_note: note }, "kickoff_note")).toEqual(["count:vehicle 40"]);
  });
  it("counts vote centers and polling places as locations", () => {
    const cs = "- 118 vote centers and polling places set up before assignment opens — owner: CSM Dara";
    expect(counts({ cs_requirement: cs }, "cs_requirement")).toEqual(["count:location 118"]);
  });
});

describe("session 25 families, a French-written amount", () => {
  it("reads 'Mise en place (forfait) : 32 000 €' as a services fee of 32,000", () => {
    const order = "Kennelwise Pro — 3 cliniques — 12 mois\nMise en place (forfait) : 32 000 €";
    const money = factsOf(buildContext({ ...base, order_form: order })).filter((f) => f.key === "money:services");
    expect(money.map((f) => f.value)).toEqual([32000]);
  });
  it("reads a run of priced lines at the top of an order form as order lines, not its title", () => {
    const lines = ["KW-PRO 3 cliniques × 90 €/mois", "KW-SMS 3 × 20 €/mois", "Implementation 32 000 €"];
    const order = lines.join("\n");
    const money = factsOf(buildContext({ ...base, order_form: order })).filter((f) => f.key === "money:services");
    expect(money.map((f) => f.value)).toEqual([32000]);
  });
});

describe("session 26 families, what a licence for an app counts", () => {
  const counts = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.key.startsWith("count:"))
      .map((f) => `${f.key} ${f.value}`);
  it("counts '30 app licences' and an 'Kennel app licence | 30' row as users, not apps", () => {
    expect(counts({ kickoff_note: "They want 30 app licences for the kennel hands." }, "kickoff_note")).toEqual([
      "count:user 30",
    ]);
    const order = "|Item|Qty|Price|\n|Kennel app licence|30|$19/mo|";
    expect(counts({ order_form: order }, "order_form")).toEqual(["count:user 30"]);
  });
});

describe("session 26 families, dates written day-month-year with hyphens", () => {
  it("reads 29-06-2026 and 'the 11th of December' as days of their month", () => {
    const keys = (s: string) => dateMentions(s).map((d) => d.key);
    expect(keys("Plan approved by delivery: kick-off 04-05-2026, go-live 29-06-2026.")).toEqual(["05-04", "06-29"]);
    expect(keys("I've said the 11th of December at the latest")).toEqual(["12-11"]);
  });
  it("takes a promised day inside a hyphen-dated approved plan as no assumption", () => {
    const scope = `${base.signed_scope}\nDelivery plan (approved by delivery, 02-03-2026): go-live 29-06-2026.`;
    const promise = "Kennel bookings confirmed by SMS, live on 29 June 2026.";
    expect(evidence({ signed_scope: scope, customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 26 families, an e-mail chain of requirements", () => {
  it("reads an owner still to be named at the vendor's end as an ownership gap, not vague scope", () => {
    const lines = [
      "Who configures the kennel alerts at our end - TBD, I shall confirm.",
      "SMS gateway owner at Kennelwise - not decided yet, will revert.",
      "Boarding invoices: owner from the Kennelwise side not yet fixed.",
      "Xero mapping for the second clinic - owner at our end ??",
    ];
    for (const cs of lines) {
      expect(flags({ cs_requirement: cs }, "unowned_requirement").length, cs).toBe(1);
      expect(evidence({ cs_requirement: cs }, "ambiguous_deliverable"), cs).toEqual([]);
    }
  });
  it("reads 'As discussed, …' as a lead-in to what follows, and 'Training as discussed' as still vague", () => {
    const lead = "Dear Dara, As discussed, the SMS reminder goes out the evening before each boarding. Regards, Sam";
    expect(evidence({ cs_requirement: lead }, "ambiguous_deliverable")).toEqual([]);
    expect(
      evidence({ cs_requirement: "Confirming as discussed - bookings confirm by SMS." }, "ambiguous_deliverable"),
    ).toEqual([]);
    expect(evidence({ cs_requirement: "Training as discussed." }, "ambiguous_deliverable")).toHaveLength(1);
  });
  it("takes 'discussed telephonically' for how it was said, not what was promised", () => {
    const cs = "As discussed telephonically, kennel bookings must trigger an SMS.";
    expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a date for what the customer hands over ('nominated by you by 2nd Feb') as no delivery date", () => {
    const cs = "Thanks for the call. Clinic champions to be nominated by you by 2nd Feb. Regards, Sam";
    expect(evidence({ cs_requirement: cs }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 26 families, concessions in a partner's words", () => {
  it("reads borne travel, carried-forward unused hours and a fixed exchange rate as concessions", () => {
    const notes = [
      "Spoke to the owner. We will bear the air tickets and per diem for the trainer's Mombasa visit.",
      "Agreed to carry forward their unused 12 support hrs from last year's pack into this order.",
      "They pay in KES - agreed we will bill the Kenya clinics at a fixed 160 KES/GBP for the whole term.",
    ];
    for (const note of notes) expect(flags({ kickoff_note: note }, "scope_exception").length, note).toBe(1);
    for (const note of notes) expect(evidence({ kickoff_note: note }, "promise_not_in_scope"), note).toEqual([]);
  });
  it("reads 'also said we'll link …' as the seller's word", () => {
    const note = "Met the practice manager. Also said we'll link boarding invoices to their Xero stock ledger.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toHaveLength(1);
  });
});

describe("session 26 families, a services schedule of numbered clauses", () => {
  const schedule = (deliverables: string[], acceptanceTitle = "2.6 Acceptance Testing Procedure.") =>
    [
      "SCHEDULE 2 — SERVICES DESCRIPTION",
      'to the Master Services Agreement between Kennelwise Limited (the "Supplier") and Harrow Vets (the "Group")',
      "2.1 Defined Terms. Title Case words not defined here carry their Agreement meaning.",
      '"Clinics" means the three veterinary clinics listed in Annex A;',
      '"Go-Live Date": the first day bookings at a Clinic are taken in the Solution.',
      "2.2 Extent. The Services cover the Clinics and up to forty (40) Licensed Users.",
      ...deliverables,
      "2.4 Hosting. The Solution is hosted in UK data centres under Schedule 4.",
      "2.5 Clinical Safety. Each party keeps its own safety case current.",
      acceptanceTitle,
      "(a) This procedure applies to each Deliverable in clause 2.3.",
      "(b) The Group tests a Deliverable within ten (10) Business Days of being told it is ready.",
      "(c) If the Group serves no Rejection Notice in that window, the Deliverable is deemed accepted.",
      "2.7 Implementation Plan. The Supplier proposes a plan within fifteen Business Days of mobilisation.",
      "2.8 Charges and Indexation. The Charges are in the Commercial Schedule and rise by CPI each April.",
    ].join("\n");
  const items = [
    "D1 the configured booking module for the Clinics;",
    "D2 migration of client records active in the last five (5) years;",
    "D3 a kennel occupancy report for the clinic managers.",
  ];
  it("takes the items of a 'Deliverables.' clause as the deliverables, under the clause's own acceptance procedure", () => {
    for (const lead of ["2.3 Deliverables. The Supplier shall provide:", "2.3 Deliverables."]) {
      const scope = schedule([lead, ...items]);
      expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria"), lead).toEqual([]);
    }
  });
  it("still flags a deliverable the procedure leaves out", () => {
    const scope = schedule(["2.3 Deliverables. The Supplier shall provide:", ...items]).replace(
      "applies to each Deliverable in clause 2.3",
      "applies to D1 and D2 only",
    );
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([items[2].slice(3)]);
  });
});

describe("session 26 families, a hospital-style contract's terms", () => {
  const keyed = (over: Partial<PacketText>, key: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.key === key)
      .map((f) => `${f.source} ${f.value}`);
  it("reads a discount cited by its approval record ('Subscription discount (DD-118): 10%')", () => {
    const order = "Kennelwise Pro — 3 clinics — £30,000\nSubscription discount (DD-118): 10% — (£3,000.00)";
    expect(keyed({ order_form: order }, "discount%")).toEqual(["order_form 10"]);
  });
  it("compares payment days written out in the SOW and on the order form", () => {
    const scope = `${base.signed_scope}\nInvoices shall be paid within thirty (30) days of receipt of a valid invoice.`;
    const order = `${base.order_form}\nPayment terms: 45 days from invoice date.`;
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms").map((f) => f.source)).toEqual([
      "signed_scope",
      "order_form",
    ]);
    // (a note's "net 60" against them is the concession's to flag, not a second contract term)
    const note = "Their FD asked for net 60 and I agreed.";
    expect(flags({ order_form: order, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
  it("reads years of records brought across, or those of the last N years migrated, as history", () => {
    const scope = `${base.signed_scope}\n2. Migration of the boarding records entered during the last six (6) years.`;
    const note = "The practice wants ten years of boarding records brought across from the old system.";
    expect(keyed({ signed_scope: scope, kickoff_note: note }, "history:month")).toEqual([
      "signed_scope 72",
      "kickoff_note 120",
    ]);
  });
  it("reads 'owner not yet allocated', 'no Kennelwise owner yet' as ownership gaps, a belief about who as none", () => {
    const note = [
      "6.3 Kennel extract mapping — owner not yet allocated; the Group believes it sits with Kennelwise.",
      "6.4 SMS gateway credentials — no Kennelwise owner yet.",
    ].join("\n");
    expect(flags({ kickoff_note: note }, "unowned_requirement")).toHaveLength(2);
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 26 families, a product requirements document", () => {
  const prd = (acceptance: string) =>
    [
      "PRD · Kennelwise Boarding for Harrow Vets",
      "Customer: Harrow Vets · Ref PRD-HV-3 · v1.1 (signed) · author D. Amadi, EM",
      "1. Problem statement",
      "Boarding is booked on paper at the front desk and double bookings happen most weekends.",
      "2. Requirements",
      "P0 · MUST",
      "2.1 Owners request a boarding stay online.",
      "2.2 Staff confirm or decline each request from one queue.",
      "P1 · SHOULD",
      "2.3 Owners get a reminder text the day before drop-off.",
      "P2 · MAY",
      "2.4 Owners see a photo feed of their pet during the stay.",
      "2.5 [P2] A loyalty stamp card (stretch goal; not committed in this PRD).",
      "2.6 Enablement: a single 30-minute walkthrough plus two live Q&A sessions.",
      "3. Acceptance",
      acceptance,
      "4. Milestones",
      "- MS1 Online requests + queue — M",
      "- MS2 Reminder texts — S",
    ].join("\n");
  it("accepts the P0 and P1 requirements a priority rule names, and no P2 one", () => {
    const scope = prd("Each P0 and P1 requirement is accepted when the practice manager signs the UAT checklist.");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Owners see a photo feed of their pet during the stay.",
    ]);
  });
  it("accepts every requirement under a rule for 'each requirement'", () => {
    const scope = prd("Each requirement is accepted when the practice manager signs the UAT checklist.");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 26 families, a PRD's plan, open questions and a Notion checklist", () => {
  const dates = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.key === "date:golive")
      .map((f) => f.value);
  it("reads the date of a sized plan line and of a 'First live <thing>:' line as the go-live", () => {
    expect(dates({ signed_scope: "- M3 All 3 clinics live · S · Feb 2, 2026" }, "signed_scope")).toEqual([202]);
    expect(dates({ signed_scope: "First live boarding run: Sep 21, 2026" }, "signed_scope")).toEqual([921]);
  });
  it("flags an open question in the scope that nobody owns", () => {
    const question = "- OQ-1 Who maps the kennel codes, the practice or us? — unassigned";
    const scope = `${base.signed_scope}\nOpen questions\n${question}`;
    expect(flags({ signed_scope: scope }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads a ticked checklist item as done, and 'we'd talk another time' as a decline", () => {
    const cs =
      "▾ Onboarding\n- [x] Welcome pack posted to the owner with the loyalty card mock-ups\n- [ ] Usage review";
    expect(flags({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
    const note =
      "[04:10] They asked about grooming bookings. I told her that's not in Boarding and we'd talk another time.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads 'Nobody's on it' and 'I don't know if that's us or them' as no owner", () => {
    for (const note of [
      "[05:00] SMS gateway setup: their manager thought we were doing it, I figured they were. Nobody's on it.",
      "[04:30] Open item — someone maps the kennel codes. I honestly don't know if that's us or them.",
    ])
      expect(flags({ kickoff_note: note }, "unowned_requirement"), note).toHaveLength(1);
  });
});

describe("session 26 families, what a seller corrects or adds in passing", () => {
  it("takes 'the order says 30 kennels but really it's 36' as the note's count of 36", () => {
    const note = "[03:20] Also — the order says 30 kennels but really it's 36 now, they built a new wing.";
    const counts = factsOf(buildContext({ ...base, kickoff_note: note }))
      .filter((f) => f.source === "kickoff_note" && f.key.startsWith("count:"))
      .map((f) => f.value);
    expect(counts).toEqual([36]);
  });
  it("flags one more named system the seller said would be connected too", () => {
    const scope = `${base.signed_scope}\n2. Connect the booking module to Xero for invoices.`;
    const note = "[06:30] I said Sage would be connected too, same as Xero.";
    expect(flags({ signed_scope: scope, kickoff_note: note }, "promise_not_in_scope")).toHaveLength(1);
  });
});

describe("session 26 families, a partner's terse SOW and SKU order form", () => {
  it("reads '(i) to (iii)' and 'Parts 1–3' as ranges of the items they accept", () => {
    const roman = [
      "SOW No. KW/HV/07",
      "(i) Kennel register for up to 400 runs.",
      "(ii) Booking workflow with a 2-level approval.",
      "(iii) Vaccination reminder scheduler.",
      "(iv) Management reports, as required.",
      "Acceptance: (i) to (iii) signed off by the practice manager after UAT of 20 scripted bookings.",
    ].join("\n");
    expect(evidence({ signed_scope: roman }, "missing_acceptance_criteria")).toEqual([
      "Management reports, as required.",
    ]);
    const parts = roman
      .replace(/^\((i{1,3}|iv)\) /gm, (_, r: string) => `Part ${["i", "ii", "iii", "iv"].indexOf(r) + 1}: `)
      .replace("(i) to (iii)", "Parts 1–3 are");
    expect(evidence({ signed_scope: parts }, "missing_acceptance_criteria")).toEqual([
      "Management reports, as required.",
    ]);
  });
  it("counts 'KW-GRM qty 40 @ KES 1,150/groomer/mth' as 40 groomers, and a yearly fee as no count", () => {
    const order = "KW-BASE qty 1 @ KES 90,000/yr\nKW-GRM qty 40 @ KES 1,150/groomer/mth";
    const counts = factsOf(buildContext({ ...base, order_form: order }))
      .filter((f) => f.source === "order_form" && f.key.startsWith("count:"))
      .map((f) => `${f.key} ${f.value}`);
    expect(counts).toEqual(["count:groomer 40"]);
  });
});

describe("session 26 families, a scope matrix of ticks and crosses", () => {
  const matrix = [
    "STATEMENT OF WORK — Kennelwise rollout",
    "Scope Matrix",
    "| Module | In scope | Out of scope | Client owns | Acceptance evidence |",
    "|---|---|---|---|---|",
    "| Booking diary | ✓ | | | 20 test bookings confirmed by SMS |",
    "| Vaccination reminders | ✓ | | | |",
    "| Boarding invoices | ✓ | | Invoice template | Practice manager signs the first invoice run |",
    "| Grooming | | ✗ | | |",
    "| Management reporting | ✓ | | | Reports as needed |",
  ].join("\n");
  it("reads each ticked module as a deliverable named by its module, judged by its evidence column", () => {
    expect(evidence({ signed_scope: matrix }, "missing_acceptance_criteria")).toEqual(["Vaccination reminders"]);
    expect(evidence({ signed_scope: matrix }, "ambiguous_deliverable")).toEqual(["Reports as needed"]);
  });
});

describe("session 26 families, a user band on a bundle", () => {
  const order = "Kennelwise Core bundle — 51–100 users — £9,000 per year";
  it("reads '51–100 users' as a cap of 100 users: 120 users break it, 80 do not", () => {
    const over = "They have 120 users who all need the diary from day one.";
    const under = "They have 80 users who all need the diary from day one.";
    expect(flags({ order_form: order, kickoff_note: over }, "conflicting_terms").map((f) => f.source)).toEqual([
      "order_form",
      "kickoff_note",
    ]);
    expect(flags({ order_form: order, kickoff_note: under }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 26 families, a RAID log as the kickoff note", () => {
  const note = [
    "| # | Type | Description | Owner |",
    "|---|---|---|---|",
    "| 1 | Assumption | I told Dara we would also build a grooming calendar for the two larger clinics | |",
    "| 2 | Issue | They now run 5 clinics, not 3, since the Ashby purchase | D. Cole |",
  ].join("\n");
  it("reads 'the two larger clinics' as some of them, so the row's promise and the new count are flagged", () => {
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([
      "I told Dara we would also build a grooming calendar for the two larger clinics",
    ]);
    expect(flags({ kickoff_note: note }, "conflicting_terms").map((f) => f.evidence)).toContain(
      "| 2 | Issue | They now run 5 clinics, not 3, since the Ashby purchase | D. Cole |",
    );
  });
});

describe("session 26 families, a letter's courtesy and a customer's reply", () => {
  it("reads 'We are delighted to have been selected' as no promise", () => {
    const promise = "Dear Dr Cole, We are delighted to have been selected by the Harrow group. Kennel bookings by SMS.";
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads 'We will share the SMS gateway credentials with your team' as the customer's hand-over", () => {
    const cs = "Noted. We will send the Textlocal SMS gateway API credentials to your integration team. Regards, Dara";
    expect(flags({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 26 families, a district price sheet", () => {
  const sheet = [
    "COST PROPOSAL — Price Form",
    "Item | Unit basis | Quantity | Unit cost | Cost",
    "Kennel platform, annual | per enrolled patient | 4,000 | $3.60 | $14,400.00",
    "In-van tablet licence, year 1 | per animal van | 12 | $640.00 | $7,680.00",
    "Clinic site licence | per clinic / year | 9 | $450.00 | $4,050.00",
  ].join("\n");
  const keyed = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && /^(?:count|price):/.test(f.key))
      .map((f) => `${f.key} ${f.value}`);
  it("counts each row by its 'per …' basis and prices it per that thing, per month", () => {
    const got = keyed({ order_form: sheet }, "order_form");
    expect(got).toEqual(
      expect.arrayContaining(["count:patient 4000", "price:patient 0.3", "count:vehicle 12", "count:location 9"]),
    );
    expect(got.some((x) => x.startsWith("count:year"))).toBe(false);
  });
  it("reads 'at the two high schools' as some of the schools, not their number", () => {
    const note = "The registrar is nervous about the two high schools.";
    expect(keyed({ kickoff_note: note }, "kickoff_note")).toEqual([]);
  });
});

describe("session 26 families, an RFP response matrix and a help-desk export", () => {
  it("reads a requirement answered 'Exception' as not offered, and the response legend as no deliverable", () => {
    const scope = [
      "EXHIBIT A — SCOPE OF SERVICES (with the Vendor's response to each requirement)",
      'How to read the responses: "Comply" = met within the proposed price.',
      '"Exception" = not met, or met only as the response describes.',
      "District profile: nine (9) clinics; about 400 staff.",
      "R-1 Online kennel booking for pet owners. COMPLY.",
      "R-2 Live staffed call centre for owners. — Exception: not offered; app only.",
      "R-3 (Exception) Grooming calendar.",
      "Acceptance: R-1 is accepted when 20 test bookings confirm by SMS.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a resolved ticket as done, not promised", () => {
    const cs = [
      "Ticket | Title | Status | Assigned engineer",
      "HD-101 | Access-log retention report for the practice auditors | Resolved | Dana Obi",
    ].join("\n");
    expect(flags({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 26 families, a term in school years", () => {
  const terms = (text: string) =>
    factsOf(buildContext({ ...base, signed_scope: text }))
      .filter((f) => f.key === "term:month" && f.source === "signed_scope")
      .map((f) => f.value);
  it("reads 'two (2) school years' as a 24-month term, and '2022–23 school year' as no length", () => {
    expect(terms("Initial term: two (2) school years, beginning with the autumn intake.")).toEqual([24]);
    expect(terms("Initial term: records from the 2031–32 school year forward.")).toEqual([]);
  });
});

describe("session 26 families, a decisions-and-actions log", () => {
  it("needs no owner for a decision, and flags an action nobody owns", () => {
    const note = [
      "| ID | Decision/Action | Owner | Due |",
      "|---|---|---|---|",
      "| A1 | Confirm the SMS sender ID | TBD | 20 Feb |",
      "| D1 | Reminders go out in English only | — | — |",
    ].join("\n");
    expect(evidence({ kickoff_note: note }, "unowned_requirement")).toEqual(["Confirm the SMS sender ID | TBD"]);
  });
});

describe("session 26 families, board minutes and a ticket export", () => {
  it("reads the vendor's answer in the minutes ('said owners would have … from August 13') as a date", () => {
    const note =
      "Ms. Ibe of Kennelwise said owners would have SMS confirmations from the first day of term, August 13.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
  });
  it("reads 'Assign: nobody yet' and '?? — not yet routed' as tickets nobody owns", () => {
    for (const cs of [
      "TKT-101 · New · Boarding invoice e-mails · Assign: nobody yet",
      "HD-7 | New | ?? — not yet routed",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement"), cs).toHaveLength(1);
  });
  it("reads 'at its own expense' and keeping a rate for the renewal years as concessions", () => {
    for (const note of [
      "Ms. Ibe offered that Kennelwise would print the first reminder letters at its own expense.",
      "Ms. Ibe stated that Kennelwise would keep the $3.10 per-pet rate for both renewal years.",
    ])
      expect(flags({ kickoff_note: note }, "scope_exception"), note).toHaveLength(1);
  });
});

describe("session 26 families, hours capped in the scope and bought by the hour", () => {
  it("compares 'up to forty (40) hours of template build-out' with a price sheet row of 60 hours", () => {
    const scope = `${base.signed_scope}\n2. Up to forty (40) hours of reminder template build-out by Kennelwise staff.`;
    const order =
      "Item | Unit basis | Qty | Unit cost | Total\nTemplate configuration | per hour | 60 | $135.00 | $8,100.00";
    expect(flags({ signed_scope: scope, order_form: order }, "conflicting_terms").map((f) => f.source)).toEqual([
      "signed_scope",
      "order_form",
    ]);
  });
});

describe("session 26 families, a date and the occasion it is for", () => {
  it("leaves 'October 3rd specifically, it's their board meeting' to the timeline, not the promises", () => {
    const note =
      "[01:10] I told them the first run would be October — October 3rd specifically, it's their board meeting.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 27 families, counts beside a place and counts besides the total", () => {
  const counts = (text: string) =>
    factsOf(buildContext({ ...base, signed_scope: text }))
      .filter((f) => f.source === "signed_scope" && (f.key === "count:vehicle" || f.key === "count:location"))
      .map((f) => `${f.key} ${f.value}`);
  it("counts the fleet a depot runs 'out of', and no part 'out of the nine'", () => {
    expect(counts("The council runs fifty-one (51) refuse trucks out of the Quarry Lane depot.")).toEqual([
      "count:vehicle 51",
    ]);
    expect(counts("Three out of the nine depots still file paper run sheets.")).toEqual([]);
  });
  it("takes 'also keeps two satellite depots' for more besides the total, not the total", () => {
    expect(counts("The council also keeps two satellite depots on the same network.")).toEqual([]);
  });
});

describe("session 27 families, a ticket numbered with '#'", () => {
  it("reads '#SUP-3310' and '#4471 | open |' as ticket numbers, not Markdown headings", () => {
    const cs = [
      "#SUP-3310 [Open] Logins for all 45 kennel assistants",
      "#4471 | open | Reminders at all 12 clinics",
    ].join("\n");
    const counts = factsOf(buildContext({ ...base, cs_requirement: cs }))
      .filter((f) => f.source === "cs_requirement" && f.kind === "count")
      .map((f) => f.value);
    expect([...new Set(counts)]).toEqual([45, 12]);
  });
});

describe("session 27 families, a chat export with names in any alphabet", () => {
  it("reads '03/11/26, 10:42 - Íñigo Peña:' as the speaker, whatever the accents", () => {
    for (const line of ["03/11/26, 10:42 - Íñigo Peña: vale", "3.11.2026, 9:05 - Øystein Lægreid: ok"])
      expect(line.slice(speakerPrefix(line)), line).toMatch(/^(?:vale|ok)$/);
  });
});

describe("session 27 families, an order form in Spanish", () => {
  const facts = (order: string) =>
    factsOf(buildContext({ ...base, order_form: order }))
      .filter((f) => f.source === "order_form")
      .map((f) => `${f.key} ${f.value}`);
  it("reads 'Plazo: 18 meses' as the term, and not 'Plazo de entrega: 3 meses'", () => {
    expect(facts("Plazo: 18 meses, renovable")).toContain("term:month 18");
    expect(facts("Plazo de entrega: 3 meses")).not.toContain("term:month 3");
  });
  it("reads a 'Cant.' column as the quantity of the row's thing", () => {
    const order = "Concepto | Cant. | Precio\nLicencia de usuario | 35 | EUR 12/mes";
    expect(facts(order)).toContain("count:user 35");
  });
});

describe("session 27 families, a scope written half in Spanish", () => {
  it("links 'Aceptación de a) y b)' to its items and takes training days and support months as bounded", () => {
    const scope = [
      "a) Appointment booking for the 3 clinics.",
      "b) SMS reminders to pet owners before each visit.",
      "c) Capacitación: 2 jornadas.",
      "d) Acompañamiento after go-live: 1 mes.",
      "Aceptación de a) y b): acta signed by the practice manager after 10 days without incidents.",
    ].join("\n");
    expect(flags({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 27 families, nobody named in an English written by a Spanish speaker", () => {
  it("reads 'Por asignar' as a blank delivery owner", () => {
    expect(flags({ delivery_owner: "Por asignar" }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads 'on our side: pending to define', 'our side: ¿?' and 'who checks …? not defined' as nobody", () => {
    for (const cs of [
      "1. Owner of the lab interface on our side: pending to define.",
      "2. Vaccine stock feed — owner client side: Sr. Gil; our side: ¿?",
      "3. Who checks the overnight queue? not defined.",
    ])
      expect(flags({ cs_requirement: cs }, "unowned_requirement"), cs).toHaveLength(1);
  });
});

describe("session 27 families, dates written day first in a chat", () => {
  const chat = (line: string) => `12/03/27, 09:10 - Inés Vidal: signed today\n12/03/27, 09:12 - Inés Vidal: ${line}`;
  it("reads 'go-live 28/05' as the 28th of May when the packet writes its dates day first", () => {
    const found = flags(
      { kickoff_note: chat("I promised go-live 28/05 to the practice manager") },
      "timeline_assumption",
    );
    expect(found.map((f) => f.evidence)).toEqual(["I promised go-live 28/05 to the practice manager"]);
  });
  it("takes the delivery owner's own plan marked '(approved)' as the approved schedule", () => {
    const note = "Plan from Morgan dd 02/03 (approved): reminders live 28/05/2027, second clinic 15/06/2027.";
    const promise = "SMS reminders live at the first clinic on 28/05/2027.";
    expect(flags({ kickoff_note: note, customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("leaves a date the customer owes ('klant responsibility') to the customer", () => {
    const cs = "Pet owner list (xlsx) from the practice by 20/05/2027 - klant responsibility.";
    expect(flags({ cs_requirement: cs, kickoff_note: chat("ok") }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 27 families, calendar weeks", () => {
  it("reads 'semana 38', 'KW 45' and 'week 40' as months, not a plan's 'Week 3:' or 'weeks 20-22'", () => {
    const keys = (t: string) => dateMentions(t).map((d) => d.key);
    expect(keys("Alarms live in semana 38")).toEqual(["09"]);
    expect(keys("Rollout ab KW 45")).toEqual(["11"]);
    expect(keys("I promised the reminders working since week 40")).toEqual(["10"]);
    expect(keys("Week 3: configuration workshops")).toEqual([]);
    expect(keys("Build in week 20-22 of the project")).toEqual([]);
  });
  it("flags a date promised as a calendar week that no approved plan covers", () => {
    const note = "I told the practice manager the SMS reminders are working from semana 38.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
  });
});

describe("session 27 families, a concession asked for and left open", () => {
  it("takes 'for the same price … nothing promised' as no concession", () => {
    const note =
      "They also want the boarding module at the third clinic for the same price; said we'd see, nothing promised.";
    expect(flags({ kickoff_note: note }, "scope_exception")).toEqual([]);
  });
});

describe("session 27 families, a story map with checklists", () => {
  it("takes the '- [ ]' lines indented under a story as its acceptance, and flags the story with none", () => {
    const scope = [
      "Kennelwise release plan",
      "Stories",
      "  KEN-1.1 Owners book a kennel stay online for any of the 3 clinics.",
      "    - [ ] A stay booked online shows on the clinic's day sheet within 5 minutes",
      "    - [ ] Double bookings of a run are refused",
      "  KEN-1.2 Kennel occupancy dashboard for clinic managers.",
    ].join("\n");
    const found = evidence({ signed_scope: scope }, "missing_acceptance_criteria");
    expect(found).toEqual(["Kennel occupancy dashboard for clinic managers."]);
  });
});

describe("session 27 families, a release plan's story map", () => {
  const scope = [
    "Kennelwise release plan",
    "",
    "Story map",
    "Activity: Book visits",
    "  Task: Online booking",
    "    KEN-1.1 Owners book a kennel stay online for any of the 3 clinics.",
    "      - [ ] A stay booked online shows on the clinic's day sheet within 5 minutes",
    "Activity: Keep owners posted",
    "  Task: Updates",
    "    KEN-2.1 Daily photo update to owners during a stay.",
    "      - [ ] Looks right to the practice manager",
  ].join("\n");
  it("reads 'Activity:' and 'Task:' lines as the backbone, and a checklist of taste as no criterion", () => {
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Daily photo update to owners during a stay.",
    ]);
  });
});

describe("session 27 families, nobody owns it in a release plan and its chat", () => {
  it("flags a scope dependency whose owner is TBD", () => {
    const scope = `${base.signed_scope}\nDependency: SMS sender number registered with the carrier — owner TBD`;
    expect(evidence({ signed_scope: scope }, "unowned_requirement")).toEqual([
      "Dependency: SMS sender number registered with the carrier — owner TBD",
    ]);
  });
  it("reads 'who is doing …? I don't have anyone' and 'who maps …? I'd assumed theirs' as nobody", () => {
    for (const note of [
      "[10:02] Ana: Who is doing the SMS sender registration on our side? I don't have anyone lined up",
      "[10:04] Ana: Who maps the clinic codes to the booking types? Their manager says it's ours, I'd assumed theirs",
    ])
      expect(flags({ kickoff_note: note }, "unowned_requirement"), note).toHaveLength(1);
  });
});

describe("session 27 families, counts inside a story's checklist", () => {
  it("takes '- [ ] 30 owners each receive a reminder' as a test sample, not the number of owners sold", () => {
    const scope = [
      "Stories",
      "  KEN-1.1 SMS reminders to owners of the 3 clinics.",
      "    - [ ] 30 owners each receive their own reminder two days before the visit",
    ].join("\n");
    const counts = factsOf(buildContext({ ...base, signed_scope: scope }))
      .filter((f) => f.source === "signed_scope" && f.kind === "count")
      .map((f) => `${f.key} ${f.value}`);
    expect(counts).toEqual(["count:location 3"]);
  });
});

describe("session 27 families, a dated ask and the seller's yes in the next sentence", () => {
  it("flags the date the customer asked for when the seller said yes to it", () => {
    for (const note of [
      "[09:15] Ana: The practice asked if booking could open for the spring clinics on March 9. I said yes",
      "[09:20] Ana: their new clinic opens June 2 and they're counting on online booking there. I said that works",
    ])
      expect(flags({ kickoff_note: note }, "timeline_assumption"), note).toHaveLength(1);
  });
});

describe("session 27 families, a success plan's outcomes", () => {
  it("leaves the customer's own target under 'Outcomes' to the customer, not the timeline", () => {
    const cs = [
      "Success plan — Kennelwise",
      "Outcomes",
      "  ▸ 90% of stays booked online by the end of the summer season",
      "Outcome: 2,000 online bookings in the first six months after launch",
    ].join("\n");
    expect(flags({ cs_requirement: cs }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 27 families, seats by who holds them and people per session", () => {
  const counts = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.kind === "count")
      .map((f) => `${f.key} ${f.value}`);
  it("reads 'Groomer seats: 14' as 14 groomers as well as 14 users", () => {
    expect(counts({ order_form: "Groomer seats: 14 .......... included" }, "order_form")).toEqual([
      "count:user 14",
      "count:groomer 14",
    ]);
  });
  it("reads 'two sessions for up to twelve (12) groomers each' as people per session, not the groomers sold", () => {
    const scope = "Training: two (2) sessions for up to twelve (12) groomers each.";
    expect(counts({ signed_scope: scope }, "signed_scope")).toEqual(["count:session 2"]);
  });
});

describe("session 27 families, when the contract starts", () => {
  it("compares 'Contract start 2026-08-01' in a success plan with 'Subscription start 2026-09-01' on the order", () => {
    const found = flags(
      {
        order_form: "Kennelwise Pro — 3 clinics · Subscription start 2026-09-01 · 12-month term",
        cs_requirement: "Success plan — Contract start 2026-08-01 · 12 months",
      },
      "conflicting_terms",
    );
    expect(found.map((f) => f.source).sort()).toEqual(["cs_requirement", "order_form"]);
  });
});

describe("session 27 families, articles numbered in Roman", () => {
  it("reads 'ARTICLE III — ACCEPTANCE' as a heading and 'Deliverables II.2.1 and II.2.3' as references", () => {
    const scope = [
      "ARTICLE II — SERVICES",
      "II.2 Deliverables:",
      "II.2.1 Kennel booking module configured for the 3 clinics.",
      "II.2.2 Occupancy dashboard for the clinic managers.",
      "II.2.3 SMS reminder templates for owners.",
      "ARTICLE III — ACCEPTANCE",
      "III.1 Deliverables II.2.1 and II.2.3 are accepted when 20 test bookings each produce a reminder.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Occupancy dashboard for the clinic managers.",
    ]);
  });
});

describe("session 27 families, the line that says where a quoted text comes from", () => {
  it("takes 'Kennelwise — letter to Dr Osei, 28 January 2026 (extract)' as the source, not a promise", () => {
    const promise = [
      "Kennelwise Ltd — letter to Dr Osei, Practice Owner, 28 January 2026 (extract)",
      "Minutes of the practice's supplier clarification meeting, 22 October 2025 — answers as agreed",
      "Kennel bookings confirmed by SMS.",
    ].join("\n");
    expect(flags({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
    expect(evidence({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 27 families, a number after an item's own number", () => {
  it("reads 'Annex 2 lists one hundred and twelve (112) kennels' as 112, not 12", () => {
    const scope = "A kennel is a run listed in Annex 2. Annex 2 lists one hundred and twelve (112) kennels.";
    const counts = factsOf(buildContext({ ...base, signed_scope: scope }))
      .filter((f) => f.source === "signed_scope" && f.kind === "count")
      .map((f) => f.value);
    expect(counts).toEqual([112]);
  });
});

describe("session 29 families, a contract-details schedule", () => {
  const scope = [
    "SCHEDULE A — PARTICULARS",
    "Item 5 — Deliverables:",
    "K1 Kennel booking module configured for the 3 clinics.",
    "K2 Occupancy dashboard for the clinic managers.",
    "K3 SMS reminder templates for owners.",
    "Item 6 — Acceptance Tests:",
    "K1 — twenty test bookings each confirmed by SMS;",
    "K3 — owners at two clinics receive a reminder 24 hours before each of 10 test bookings.",
    "Item 7 — Acceptance Period: for each Deliverable with an Acceptance Test in Item 6, five Business Days from the",
    "notice of readiness; if the Practice sends no rejection notice, the Deliverable is deemed accepted.",
    "Item 8 — Liquidated Damages: none.",
    "Item 9 — Insurance: professional indemnity of two million dollars.",
    "Item 10 — Charges (excluding VAT): subscription 14,400 a year; set-up fixed price 9,000.",
    "Item 11 — Data residency: records held in the United Kingdom.",
    "Item 12 — Variations: in writing, signed by both Practice Leads.",
    "Item 13 — Practice Supplied Items: a spreadsheet of kennel runs; the SMS sender name.",
  ].join("\n");
  it("takes a term of the agreement ('Insurance:', 'Charges:') for a particular, not a deliverable", () => {
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Occupancy dashboard for the clinic managers.",
    ]);
  });
  it("reads deemed acceptance 'for each Deliverable with an Acceptance Test' as covering the tested ones only", () => {
    // (the same regime without the restriction covers every deliverable)
    const every = scope.replace(" with an Acceptance Test in Item 6", "");
    expect(evidence({ signed_scope: every }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("links 'IV.2 K2 Occupancy dashboard' to 'K2 — …' in an acceptance article", () => {
    const articles = [
      "ARTICLE IV — DELIVERABLES",
      "IV.1 K1 Kennel booking module configured for the 3 clinics.",
      "IV.2 K2 Occupancy dashboard for the clinic managers.",
      "ARTICLE V — ACCEPTANCE",
      "V.1 Accepted as follows: K1 — approval by the Practice Lead; K2 — occupancy for one week matching the",
      "kennel sheet within 2%.",
    ].join("\n");
    expect(evidence({ signed_scope: articles }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 29 families, tasks over numbered deliverables", () => {
  const sow = (acceptance: string[]) =>
    [
      "II. TASKS AND DELIVERABLES",
      "Task 1 — Project Management",
      "Deliverable 1.1 Project plan and master schedule.",
      "Task 2 — Kennel Booking",
      "Deliverable 2.1 Kennel booking module for the 3 clinics.",
      "Deliverable 2.2 Owner reminder texts.",
      "Task 3 — Reporting",
      "Deliverable 3.1 Monthly occupancy report for the practice owners.",
      "",
      "III. DELIVERABLE REVIEW AND ACCEPTANCE",
      ...acceptance,
    ].join("\n");
  it("reads 'Task 1 — Project Management' as a task over deliverables, under a review procedure", () => {
    const scope = sow([
      "A. This procedure applies to each Deliverable in Tasks 1 through 2. The Practice returns a signed form or a",
      "written list of deficiencies within ten (10) business days of submission.",
    ]);
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Monthly occupancy report for the practice owners.",
    ]);
  });
  it("covers every deliverable numbered between 'Deliverables 1.1 through 2.2', across tasks", () => {
    const scope = sow([
      "The Practice reviews Deliverables 1.1 through 2.2 on a signed acceptance form within ten (10) business days",
      "of submission, accepting each or listing its deficiencies.",
    ]);
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Monthly occupancy report for the practice owners.",
    ]);
  });
  it("reads a two-column table without outer bars, and 'TBD' in it as no criterion", () => {
    const scope = sow([
      "Deliverable | Acceptance criterion",
      "1.1 | The Practice Lead approves the plan in writing",
      "2.1 | Twenty test bookings at each clinic appear on the day sheet",
      "2.2 | Ten owners receive a text 24 hours before a test booking",
      "3.1 | TBD",
    ]);
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Monthly occupancy report for the practice owners.",
    ]);
  });
  it("keeps 'R-4 Kennel reports, etc. | Comply' an answered requirement, not a table row", () => {
    const scope = [
      "Requirements and response",
      "R-1 Kennel bookings from the website | Comply",
      "R-2 Kennel reports, various formats, etc. | Comply",
    ].join("\n");
    expect(flags({ signed_scope: scope }, "ambiguous_deliverable").length).toBeGreaterThan(0);
  });
});

describe("session 30 families, a tracker's issues exported as headings", () => {
  const board = (rule: string[], last: string[]) =>
    [
      "# Fernhill Vets — kennel and reminders rollout",
      "Tracker export · board **FV Launch** · signed 2026-03-02",
      "",
      "Fernhill runs four clinics and boards about 60 dogs a night. Reminders move off the old text gateway.",
      "",
      ...rule,
      "## KEN-14 Kennel booking module",
      "`team:kennel` `pts:5` · Est: 4d",
      "Set up online kennel booking for the four clinics with deposits taken at booking.",
      "### Acceptance",
      "- [ ] Twenty test bookings across the four clinics each show a paid deposit on the day sheet",
      "",
      "## KEN-19 Vaccination reminder texts",
      "`team:comms` `pts:3` · Est: 2d · blocked by KEN-14",
      "Owners get a text 14 days before a booster falls due; the clinic manager approves each template first.",
      ...last,
      "",
      "## Out of scope",
      "- Grooming appointments",
    ].join("\n");
  it("names the issue by its heading and description, and leaves one without acceptance flagged", () => {
    const found = evidence({ signed_scope: board([], []) }, "missing_acceptance_criteria");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^KEN-19 Vaccination reminder texts\n[^]*\nOwners get a text/);
  });
  it("does not take 'blocked by' another issue, or a placeholder acceptance, for acceptance", () => {
    const found = evidence(
      { signed_scope: board([], ["### Acceptance", "As agreed with the practice."]) },
      "missing_acceptance_criteria",
    );
    expect(found.map((e) => e.split("\n")[0])).toEqual(["KEN-19 Vaccination reminder texts"]);
  });
  it("reads the page's title and preamble as no work", () => {
    const found = evidence({ signed_scope: board([], []) }, "missing_acceptance_criteria");
    expect(found.some((e) => /Fernhill runs|Tracker export/.test(e))).toBe(false);
  });
  it("applies a sign-off section for 'every issue on this board' to all of them", () => {
    const rule = [
      "### Sign-off rule (covers every issue on this board)",
      "The practice manager accepts each issue, or lists its defects in writing, within 5 business days.",
      "",
    ];
    expect(flags({ signed_scope: board(rule, []) }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 30 families, an invoice preview's quantity under its product line", () => {
  const order = [
    "Invoice preview · Quote KW-Q-88",
    "Kennelwise Bookings · per employee · monthly",
    "  Apr 1, 2026 – Mar 31, 2027",
    "  Qty 35 × CA$6.00 × 12 mo ................ CA$2,520.00",
    "Onsite workshop · one-time",
    "  Qty 2 × CA$900.00 ........................ CA$1,800.00",
  ].join("\n");
  it("counts the quantity as what the line above prices it per", () => {
    const found = evidence(
      { order_form: order, customer_promise: "Bookings and rotas for all 48 employees across the clinics." },
      "conflicting_terms",
    );
    expect(found.some((e) => e.includes("Qty 35"))).toBe(true);
  });
  it("does not count a workshop's attendees as the headcount", () => {
    const scope =
      "1. Configure kennel bookings. Accepted when 20 test bookings confirm by SMS.\n" +
      "2. Two half-day workshops at the main clinic for up to 6 reception staff.";
    const promise = "Bookings and rotas for all 35 employees.";
    expect(flags({ signed_scope: scope, customer_promise: promise }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 30 families, a tracker's work items with indented fields", () => {
  const items = (story2: string[]) =>
    [
      "Boards export · query 'FV kennel scope' · 2 Mar 2026",
      "",
      "Epic 501: Kennel and reminders rollout",
      "    State: Committed",
      "    Iteration Path: Release 1",
      "",
      "Feature 502: Kennel bookings",
      "    State: Committed",
      "    Story Points: 8",
      "    Acceptance Criteria:",
      "      [ ] Twenty test bookings across the four clinics each show a paid deposit on the day sheet",
      "",
      "User Story 503: As a receptionist I want to move a booking to another kennel block",
      "    State: Committed",
      "    Acceptance Criteria: see parent",
      "",
      "User Story 504: As an owner I want a reminder text before a booster falls due",
      "    State: Committed",
      ...story2,
      "",
      "Out of scope",
      "Grooming appointments.",
    ].join("\n");
  it("reads each item with its fields, and flags only the one whose acceptance field is empty", () => {
    const found = evidence({ signed_scope: items(["    Acceptance Criteria:"]) }, "missing_acceptance_criteria");
    expect(found).toEqual(["User Story 504: As an owner I want a reminder text before a booster falls due"]);
  });
  it("covers an item whose acceptance field has a criterion", () => {
    const story2 = [
      "    Acceptance Criteria:",
      "      [ ] Ten test owners receive the text 14 days before the due date",
    ];
    expect(flags({ signed_scope: items(story2) }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("keeps an epic's stories its own items when they are no fields", () => {
    const scope = [
      "Epic 1: Kennel bookings",
      "  KB-1 As a receptionist I want online kennel bookings with deposits.",
      "    Acceptance: twenty test bookings each show a paid deposit on the day sheet.",
      "  KB-2 As an owner I want a reminder text before a booster falls due.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "As an owner I want a reminder text before a booster falls due.",
    ]);
  });
});

describe("session 30 families, where the signing stands and asks linked to scope items", () => {
  it("reads thanks and the state of the contract in a quoted e-mail as no promise", () => {
    const promise = [
      "“Thanks for the walkthrough on Tuesday.",
      "Dear Ana, our board has approved the contract.",
      "The order form is with our signatory now.",
      "Kennel bookings confirmed by SMS.”",
    ].join(" ");
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("takes a requirement linked to a scope work item as that item's", () => {
    const scope = [
      "User Story 503: As an owner I want boarding deposits refunded when a booking is cancelled a week out",
      "    State: Committed",
      "    Acceptance Criteria:",
      "      [ ] A cancellation eight days out refunds the deposit to the card within one business day",
      "User Story 504: As a receptionist I want a day sheet of kennel check-ins",
      "    State: Committed",
      "    Acceptance Criteria:",
      "      [ ] The day sheet lists every check-in for the clinic, sorted by time",
    ].join("\n");
    const cs = [
      "Insights board — Fernhill Vets (export 2 Mar 2026)",
      "Request — Insight from · Importance · Owner",
      "",
      "• Weekly pet summary by email — Insight from Ana (Practice Manager) · Critical · Owner: Dara",
      "    Linked: User Story 503",
      "• Monthly grooming report to owners — Insight from Ana (Practice Manager) · Important · Owner: Dara",
    ].join("\n");
    const found = evidence({ signed_scope: scope, cs_requirement: cs }, "promise_not_in_scope");
    expect(found.some((e) => e.includes("grooming"))).toBe(true);
    expect(found.some((e) => e.includes("pet summary"))).toBe(false);
  });
});

describe("session 30 families, French and bilingual scopes with articles", () => {
  it("reads deliverables in French and the acceptance that covers 'items 1 à 2'", () => {
    const scope = [
      "Périmètre – devis CHV-2026",
      "1) Module de réservation des pensions pour les 4 cliniques.",
      "2) Rappels de vaccins par SMS aux propriétaires.",
      "3) Rapports de gestion au besoin.",
      "Recette : items 1 à 2 validés par PV signé par la directrice, après 20 réservations de test sans anomalie.",
    ].join("\n");
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([
      "Rapports de gestion au besoin.",
    ]);
  });
  it("opens the section an article names even when a note follows its title", () => {
    const scope = [
      "Art. 2 Deliverables / Livrables",
      "2.1 Kennel booking module for the 4 clinics / Module de réservation",
      "2.2 Vaccination reminder texts / Rappels de vaccins",
      "Art. 3 Schedule / Calendrier — approved by delivery (D. Ibe, 2026-02-01)",
      "3.1 Kickoff: 2026-02-16",
      "3.2 Go-live / Mise en service: 2026-05-04",
      "Art. 4 Acceptance / Recette",
      "4.1 Deliverables 2.1 and 2.2 are accepted when 20 test bookings each confirm by SMS.",
    ].join("\n");
    expect(flags({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 30 families, a date told, a refusal, a later answer and a board's procedure", () => {
  it("leaves a date the seller told the customer to the timeline, with the reason after it", () => {
    const note =
      "I told Mona the booking site would be taking bookings from the first of March, and the old kennel " +
      "software licence runs to the thirtieth so there's a handover month.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads 'we're not building an app, that's not in this award' as a refusal", () => {
    const note = "They asked about a grooming app, and I said we're not building an app, that's not in this award.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a question answered later and a motion's procedure as no promise", () => {
    const promise = [
      '"Cllr Oduya asked about grooming bookings at the Eastfield clinic; officers will report back.',
      'Cllr Brandt moved, seconded by Cllr Oduya, to authorise a contract with Kennelwise Ltd for kennel software."',
    ].join(" ");
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 30 families, a date's reason and a release's dateline", () => {
  it("cites the date promised, not the reason given for it", () => {
    const scope =
      "1. Vaccination reminder texts. Accepted when 10 test owners receive one.\n" +
      "Schedule approved by delivery (Dara Moss, 2 Feb 2026): reminders live by 31 May 2026.";
    const note = "I told Mona reminders would be live by 31 May, because their vaccine drive is in June.";
    const found = evidence({ signed_scope: scope, kickoff_note: note }, "timeline_assumption");
    expect(found.some((e) => e.startsWith("because"))).toBe(false);
  });
  it("reads a news release's dateline before its quoted headline as no promised date", () => {
    const promise = 'Fernhill Vets news release, 9 March 2026 — "Book a kennel from your phone"';
    expect(flags({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 30 families, a services total and counts split between groups", () => {
  it("reads 'Total implementation price' as the services price the order form must match", () => {
    const scope =
      "1. Kennel booking module. Accepted when 20 test bookings confirm by SMS.\n" +
      "Schedule of values\nMilestone 1 | $30,000\nMilestone 2 | $22,000\nTotal implementation price: $52,000.";
    const order = "1 | Implementation services per schedule of values | 1 | LOT | $48,000.00 | $48,000.00";
    const found = evidence({ signed_scope: scope, order_form: order }, "conflicting_terms");
    expect(found.some((e) => e.includes("$52,000"))).toBe(true);
  });
  it("reads 'four (4) sessions for X and two (2) for Y' as six sessions, not four", () => {
    const scope =
      "1. Kennel booking module. Accepted when 20 test bookings confirm by SMS.\n" +
      "2. Four (4) sessions for reception staff and two (2) for the vets.";
    const cs = "Train reception and vets (six sessions in all) — owner: Dara";
    expect(flags({ signed_scope: scope, cs_requirement: cs }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 30 families, 'compromised' for committed and terms of payment as concessions", () => {
  it("reads 'I compromised with them that 1 March is fine' as the seller committing a date", () => {
    const note = "Call with the clinic owners. I compromised with them that 1 March is fine for the kennel module.";
    expect(flags({ kickoff_note: note }, "timeline_assumption").length).toBe(1);
  });
  it("reads '10% less if they pay all in May' as a commercial concession, not promised scope", () => {
    const note = "I offered 10% less in the set-up if they pay all in May, and Mona accepted.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 30 families, items a review procedure leaves out", () => {
  const sow = (rule: string) =>
    [
      "II. TASKS AND DELIVERABLES",
      "Task 1 — Kennels",
      "Deliverable 1.1 Kennel booking module for the 3 clinics.",
      "Deliverable 1.2 Deposit pricing override.",
      "Task 2 — Reminders",
      "Deliverable 2.1 Vaccination reminder texts.",
      "",
      "III. DELIVERABLE REVIEW AND ACCEPTANCE",
      "(a) Except for Deliverable 1.2, each Deliverable is submitted with an acceptance form; the Practice accepts or",
      "rejects it in writing within ten (10) business days.",
      rule,
    ].join("\n");
  it("leaves out the item the rule excepts, when its criteria are only to be developed", () => {
    const found = evidence(
      { signed_scope: sow("(b) Acceptance criteria for Deliverable 1.2 will be developed after opening.") },
      "missing_acceptance_criteria",
    );
    expect(found).toEqual(["Deposit pricing override."]);
  });
  it("reads 'accepted on a basis to be agreed after the pilot' as no criterion", () => {
    const found = evidence(
      { signed_scope: sow("(b) Deliverable 1.2 will be accepted on a basis to be agreed after the pilot.") },
      "missing_acceptance_criteria",
    );
    expect(found).toEqual(["Deposit pricing override."]);
  });
});

describe("session 30 families, a defined term in bold and a quantity cell beside its unit price", () => {
  it("compares 'three hundred (300) **Kennel Runs**' with a purchase order's '240 | AUD 9.00 per run'", () => {
    const scope =
      "D1 The booking module configured for three hundred (300) **Kennel Runs** across both sites. Accepted when " +
      "20 test bookings confirm by SMS.";
    const order = [
      "Line 10 | Kennelwise platform subscription, year 1 | AUD 24,000.00",
      "Line 20 | Kennel run licence | 240 | AUD 9.00 per run p.a. | AUD 2,160.00",
    ].join("\n");
    const found = evidence({ signed_scope: scope, order_form: order }, "conflicting_terms");
    expect(found.some((e) => e.includes("**Kennel Runs**"))).toBe(true);
    expect(found.some((e) => e.includes("Kennel run licence | 240"))).toBe(true);
  });
});

describe("session 30 families, a signatory's office and a date for being on the app", () => {
  it("reads a minister's name and office in a media release's header as no promise", () => {
    const promise = [
      "MEDIA RELEASE — The Hon. Ana Ruiz MP, Minister for Animal Welfare and Rural Affairs",
      "14 May 2026",
      "Kennel bookings confirmed by SMS at every clinic.",
    ].join("\n");
    const found = evidence({ customer_promise: promise }, "promise_not_in_scope");
    expect(found.some((e) => e.includes("Minister"))).toBe(false);
  });
  it("leaves 'the groomers will be on the app by the start of the show season in October' to the timeline", () => {
    const scope =
      "1. Grooming bookings app for 3 showgrounds. Accepted when 20 test bookings confirm by SMS.\n" +
      "Schedule approved by delivery (Dara Moss, 2 Feb 2026): go-live 1 October 2026.";
    const note =
      "I told the sponsor the groomers will be on the app by the start of the dog show season in October, at " +
      "every showground.";
    expect(flags({ signed_scope: scope, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 30 families, an owner column in French with its placeholders", () => {
  it("reads 'Responsable' as the owner column and '??', 'à confirmer' as nobody", () => {
    const cs = [
      "Registre des exigences — Fernhill (v1)",
      "ID | Requirement | Responsable",
      "EX-01 | Kennel register of the 4 clinics | Mona Hale",
      "EX-02 | Deposit refunds on early cancellation | ??",
      "EX-03 | Booster reminder wording in French | à confirmer",
    ].join("\n");
    const found = evidence({ cs_requirement: cs }, "unowned_requirement");
    expect(found).toEqual([
      "Deposit refunds on early cancellation | ??",
      "Booster reminder wording in French | à confirmer",
    ]);
  });
});

describe("session 30 families, terms of the contract and a dated signature", () => {
  it("reads a notice period, a term and an estimate well inside the cap as no promised scope", () => {
    const note = [
      "I agreed verbally they can terminate on 60 days' notice if the vet group is sold.",
      "They expect maybe 300 bookings a month in year one, well inside the 500.",
    ].join(" ");
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    const promise = "Kennel bookings confirmed by SMS. The subscription is a two-year commitment.";
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("reads a dated signature block as no promise", () => {
    const promise =
      "Kennel bookings confirmed by SMS.\nMay 2026 (signed for Kennelwise by Ana Ruiz, Account Executive)";
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 30 families, ready 'by then'", () => {
  it("leaves 'would be live at all three clinics by then' to the timeline", () => {
    const note =
      "The owners have the council inspection on 14 March. I told them that the booking module would be live " +
      "at all three clinics by then, which I admit is tight.";
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 30 families, vague wording in a tracker item's description, not its fields", () => {
  const items = [
    "User Story 601: As a receptionist I want a kennel occupancy export",
    "    State: Committed",
    "    Story Points: 3",
    "    Acceptance Criteria: TBD",
    "",
    "User Story 602: As an owner I want reminders by text",
    "    State: Committed",
    "    Description: Reminders for boosters and other treatments as needed.",
    "    Acceptance Criteria:",
    "      [ ] Ten test owners receive a text 14 days before the due date",
  ].join("\n");
  it("reads the description's 'as needed', and not a 'TBD' field, as vague", () => {
    const found = evidence({ signed_scope: items }, "ambiguous_deliverable");
    expect(found.some((e) => e.includes("State:"))).toBe(false);
    expect(found.some((e) => e.includes("TBD"))).toBe(false);
    expect(found.some((e) => e.includes("as needed"))).toBe(true);
  });
});

describe("session 30 families, Spanish and French escape clauses", () => {
  it("reads 'que se soliciten' and 'le cas échéant' as open-ended", () => {
    const scope = [
      "1. Módulo de reservas de la residencia canina. Aceptado con 20 reservas de prueba confirmadas por SMS.",
      "2. Informes adicionales que se soliciten durante el proyecto.",
      "3. Rappels de vaccins aux propriétaires, le cas échéant.",
    ].join("\n");
    const found = evidence({ signed_scope: scope }, "ambiguous_deliverable");
    expect(found.some((e) => e.includes("que se soliciten"))).toBe(true);
    expect(found.some((e) => e.includes("le cas échéant"))).toBe(true);
  });
});

describe("session 31 families, a register's first row is a record, not column names", () => {
  const register = [
    "ONBOARDING LOG — Kennelwise (CSM: R. Doyle)",
    "KW-1 | All 55 kennel staff licensed and rostering from day one | Owner: Petra Lind",
    "KW-2 | Vaccination reminders sent by SMS | Owner: Petra Lind",
  ].join("\n");
  it("counts the first row's figure and compares it with the order form", () => {
    const order = "Item | Qty | Price\nKennelwise user licence | 40 | $12 / user / month";
    const packet = { ...base, cs_requirement: register, order_form: order };
    const counts = factsOf(buildContext(packet)).filter((f) => f.source === "cs_requirement" && f.kind === "count");
    expect(counts.map((f) => f.value)).toContain(55);
    expect(evidence(packet, "conflicting_terms").some((e) => e.includes("55 kennel staff"))).toBe(true);
  });
});

describe("session 31 families, a meeting about a milestone is not its date", () => {
  it("reads 'Agree go-live approach … 5 Dec' and 'cutover rehearsal: 3 Nov' as no go-live date", () => {
    const note = [
      "A1 | Agree go-live approach with the head vet | RD | 5 Dec 2025",
      "A2 | Book the cutover rehearsal | PL | 3 Nov 2025",
    ].join("\n");
    const packet = { ...base, kickoff_note: note, signed_scope: "Go-live for the three clinics: 2 March 2026." };
    const dates = factsOf(buildContext(packet)).filter((f) => f.source === "kickoff_note" && f.kind === "date");
    expect(dates).toEqual([]);
    expect(flags(packet, "conflicting_terms")).toEqual([]);
  });
});

describe("session 31 families, a note that repeats the contract is the contract's side", () => {
  it("cites the contract and the disagreeing note, not a second note that agrees with the contract", () => {
    const packet = {
      ...base,
      signed_scope: "Booking module for the group's three (3) clinics.",
      cs_requirement: "Bookings open at the three clinics before the spring vaccination rush.",
      customer_promise: "Online booking at all four of your clinics, including the new one in Ashby.",
    };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toContain("signed_scope");
    expect(cited).toContain("customer_promise");
    expect(cited).not.toContain("cs_requirement");
  });
});

describe("session 31 families, commercial terms given away in a note", () => {
  const lines = [
    "I told the owner we'd hold this year's per-kennel prices for three years.",
    "She can pay the onboarding fee in three monthly instalments; I agreed on the call.",
    "Also told her the 15% would carry over to the grooming add-on at renewal.",
  ];
  it.each(lines)("reads %j as a scope exception, not a promise of scope", (line) => {
    expect(flags({ kickoff_note: line }, "scope_exception").length).toBe(1);
    expect(flags({ kickoff_note: line }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 31 families, a pitch pack in six-week cycles", () => {
  const pack = [
    "KENNELWISE — PITCH PACK KP-7 (signed)",
    "How delivery works: we build in six-week cycles with a two-week cooldown after each.",
    "",
    "PITCH 1 — Where is my dog?",
    "Problem: owners ring the front desk all day to ask how their dog is doing.",
    "Appetite: six weeks, two programmers.",
    "Scopes",
    "  1a. Photo updates: kennel hands post a photo of each boarder twice a day to the owner's app.",
    "      Done means: for 30 test boarders, every owner gets both daily photos within 15 minutes.",
    "  1b. Feeding log: each meal is ticked off on the kennel tablet.",
    "  1c. Vet notes: the duty vet's remarks attached to the boarder.",
    "      Done means: as agreed with the practice manager.",
    "Rabbit holes: dogs that share a run — one photo covers both, no face matching.",
    "No-gos: live video of the runs.",
  ].join("\n");
  it("asks acceptance of the scopes only, and reads 'Done means: as agreed' as none", () => {
    const found = evidence({ signed_scope: pack }, "missing_acceptance_criteria");
    expect(found.some((e) => e.startsWith("Feeding log"))).toBe(true);
    expect(found.some((e) => e.startsWith("Vet notes"))).toBe(true);
    expect(found.some((e) => e.startsWith("Photo updates"))).toBe(false);
    for (const word of ["Where is my dog", "Rabbit holes", "No-gos", "Appetite", "How delivery works"])
      expect(found.some((e) => e.includes(word))).toBe(false);
  });
  it("reads a chat message's header as who wrote it and when, not a date promised", () => {
    const promise = [
      "Ana Ruiz (Paws & Co) ↔ Sam Lee (Kennelwise) · Mar 30, 2026",
      "Ana Ruiz (Paws & Co) · Mar 30, 1:12 PM",
      "Can owners see the photos in the app?",
      "Sam Lee (Kennelwise) · Mar 30, 1:20 PM",
      "Yes, that's the photo updates scope.",
    ].join("\n");
    expect(flags({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 31 families, numbers that count nothing", () => {
  const counts = (over: Partial<PacketText>) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.kind === "count")
      .map((f) => `${f.key}=${f.value}`);
  it("reads an issue's number and a year after a possessive as no count", () => {
    const board = "Todo\n  #412 Kennel import template for the 3 clinics · labels: data · assignee: @ana";
    expect(counts({ cs_requirement: board })).not.toContain("count:template=412");
    const scope = "1. History import: Paws & Co's 2025 bookings loaded from a CSV export.";
    expect(counts({ signed_scope: scope }).some((c) => c.endsWith("=2025"))).toBe(false);
  });
  it("reads 'two clinic training sessions' as sessions, not clinics", () => {
    const note = "Action: book the two clinic training sessions.";
    expect(counts({ kickoff_note: note })).toContain("count:session=2");
    expect(flags({ kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
  it("reads 'your 12 seasonal drivers' as a group apart from the usual ones", () => {
    const packet = {
      order_form: "Item | Qty | Price\nKennelwise pet-taxi app — per driver / month | 40 | $9.00",
      customer_promise: "we'll waive the app fee for your 12 seasonal drivers over the summer.",
    };
    expect(evidence(packet, "conflicting_terms")).toEqual([]);
  });
});

describe("session 31 families, reps who need logins", () => {
  it("counts 'all 40 of their booking reps need logins' as users against the seats bought", () => {
    const packet = {
      order_form: "Item | Qty | Price\nKennelwise desk — per seat / month | 25 | $60.00",
      kickoff_note: "All 40 of their booking reps need Kennelwise logins from day one.",
    };
    expect(evidence(packet, "conflicting_terms").some((e) => e.includes("40 of their booking reps"))).toBe(true);
  });
});

describe("session 31 families, a deal-desk thread pasted from chat", () => {
  const thread = (last: string) =>
    [
      "#deal-desk · thread: Paws & Co",
      "Ana Ruiz 9:12 AM: Paws & Co will sign for 36 months if we give 8% off the subscription.",
      "They also asked about a price hold at renewal.",
      "Ben Cho (Deal Desk) 9:40 AM: 8% off for 36 months: approved, DD-1234, coupon on the invoice.",
      "Price hold at renewal: not approved.",
      last,
    ].join("\n");
  const order = "Kennelwise Pro — 3 clinics — 36-month term\nCoupon DD-1234 — 8% off subscription";
  it("reads each message for itself: the approved coupon and the refused price hold are no open exception", () => {
    expect(
      flags({ deal_desk_exception: thread("Ana Ruiz 9:41 AM: Understood."), order_form: order }, "scope_exception"),
    ).toEqual([]);
  });
  it("keeps an ask the seller says the customer was told about anyway", () => {
    const desk = [
      "Ana Ruiz 4:02 PM: Paws & Co want us to waive the $900 kennel-camera install fee.",
      "Ben Cho (Deal Desk) 4:30 PM: Not approved, it needs Finance.",
      "Ana Ruiz 4:33 PM: ok, I may have already told them it's handled",
    ].join("\n");
    expect(evidence({ deal_desk_exception: desk, order_form: order }, "scope_exception").length).toBe(1);
  });
  it("reads a chat header led by its channel as who wrote and when", () => {
    const promise =
      "Intercom — Ana Ruiz (Paws & Co Boarding Kennels) ↔ Ben Cho-Whitfield (Kennelwise) · May 5, 2026\n" +
      "Ana: do the owners get photos?\nBen: yes, twice a day.";
    expect(flags({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 31 families, the deal's own next steps", () => {
  it.each([
    "Next steps are a PO from the practice manager and a call on Friday.",
    "I'm sending this to our solicitor today.",
    "Send us the signed contract and we'll countersign the same day.",
    "We'll take the proposal to our board on that basis.",
  ])("reads %j as no promise of scope", (line) => {
    expect(flags({ customer_promise: `Kennel bookings confirmed by SMS. ${line}` }, "promise_not_in_scope")).toEqual(
      [],
    );
  });
});

describe("session 32 families, a service named before its price", () => {
  it.each(["setup is £4,500 flat, she signed off on that", "onboarding was $9k, agreed on the call"])(
    "reads %j as the services price and compares it with the order form",
    (line) => {
      const packet = {
        ...base,
        order_form: "Kennelwise annual subscription | $14,400\nOnboarding — fixed fee | $6,200",
        kickoff_note: line,
      };
      const prices = factsOf(buildContext(packet)).filter((f) => f.key === "money:services");
      expect(prices.map((f) => f.source)).toContain("kickoff_note");
      expect(flags(packet, "conflicting_terms").map((f) => f.source)).toContain("kickoff_note");
    },
  );
  it("leaves a sub-item that mentions onboarding in passing to the line's own words", () => {
    const order = "Card-reader merchant onboarding (part of B2) | 1 | $3,100";
    const packet = { ...base, order_form: order };
    expect(factsOf(buildContext(packet)).filter((f) => f.key === "money:services")).toEqual([]);
  });
});

describe("session 32 families, how fast a priority is answered", () => {
  it.each([
    ["P1 call-out response 20 minutes", "I told the head vet P1 response would be 10 minutes"],
    ["Severity 2 faults resolved within 8 business hours", "said sev 2 resolution would be 4 hours"],
    ["- P1 response: 1 hour", "we promised a 30-minute response on priority 1 calls"],
  ])("reads %j against %j as a conflict", (contract, note) => {
    const packet = { ...base, signed_scope: contract, kickoff_note: note };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toEqual(expect.arrayContaining(["signed_scope", "kickoff_note"]));
  });
  it("compares a response with a response of the same priority only", () => {
    const packet = {
      ...base,
      signed_scope: "P1 response 15 minutes; P3 response 8 hours.",
      kickoff_note: "Told them P1 response is 15 minutes, and P3 resolution within 2 days.",
    };
    expect(flags(packet, "conflicting_terms")).toEqual([]);
  });
});

describe("session 32 families, a plan's exit-gate column dates its milestone", () => {
  it("reads the go-live date in an exit-gate cell and compares it with a note", () => {
    const plan = [
      "Plan",
      "| Stage | Weeks | Exit gate |",
      "|---|---|---|",
      "| Build | 3–8 | Kennel booking module live in production, 14 September 2026 |",
    ].join("\n");
    const packet = { ...base, signed_scope: plan, kickoff_note: "Told the owner bookings would be live by 1 August." };
    const dates = factsOf(buildContext(packet)).filter((f) => f.source === "signed_scope" && f.key === "date:golive");
    expect(dates.map((f) => f.value)).toContain(914);
    expect(flags(packet, "conflicting_terms").map((f) => f.source)).toContain("signed_scope");
  });
});

describe("session 32 families, a system 'up for' a dated occasion", () => {
  it("reads 'would be up for the 3 May open day' as a go-live date against the contract's", () => {
    const packet = {
      ...base,
      signed_scope: "Kennel booking portal in production — 2026-06-22.",
      kickoff_note: "I told the owner the booking portal would be up for the 3 May open day.",
    };
    const dates = factsOf(buildContext(packet)).filter((f) => f.source === "kickoff_note" && f.key === "date:golive");
    expect(dates.map((f) => f.value)).toEqual([503]);
    expect(flags(packet, "conflicting_terms").map((f) => f.source)).toContain("kickoff_note");
  });
});

describe("session 32 families, how long a concession lasts", () => {
  it.each([
    ["12% off the year-one kennel subscription", "I told her the 12% carries through all three years"],
    ["Grooming add-on discount 10% for year 1 only", "the owner was told the 10% holds for the renewal too"],
    ["Per-kennel prices fixed for years 1–2", "we said prices stay held flat for all four years"],
  ])("reads %j against %j as a conflict", (approval, note) => {
    const packet = { ...base, deal_desk_exception: approval, kickoff_note: note };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toEqual(expect.arrayContaining(["deal_desk_exception", "kickoff_note"]));
  });
  it("never compares a discount's years with a price hold's, nor an option year or a rate named by its year", () => {
    const packet = {
      ...base,
      deal_desk_exception: "15% discount on year 1 subscription. Prices held flat for all three years.",
      order_form:
        "Option years 1–2 at base-year prices plus 3%.\nRenewal price hold: year-1 rates for the full 36 months",
      kickoff_note: "Told them list price for the renewal.",
    };
    expect(flags(packet, "conflicting_terms")).toEqual([]);
  });
  it("cites the deal desk, not the order form line that carries the approved figure", () => {
    const packet = {
      ...base,
      deal_desk_exception: "Approved: 20% off year-1 kennel subscription.",
      order_form: "Kennel subscription | $9,600\nDiscount: 20% off year-1 subscription | −$1,920",
      kickoff_note: "I told the owner the 20% runs for all three years.",
    };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toEqual(expect.arrayContaining(["deal_desk_exception", "kickoff_note"]));
    expect(cited).not.toContain("order_form");
  });
});

describe("session 32 families, a schedule line's window of dates", () => {
  const plan = [
    "Transition (plan confirmed by delivery)",
    "| Step | Dates |",
    "|---|---|",
    "| Kennel records migration weekend | 2027-05-08 – 2027-05-09 |",
    "| Old booking server switched off | 2027-05-24 |",
  ].join("\n");
  it("reads a note's earlier date for the same work as a conflict with the window", () => {
    const packet = {
      ...base,
      signed_scope: plan,
      kickoff_note: "- told her the kennel records migrated over the weekend of 10.4.2027",
    };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toEqual(expect.arrayContaining(["signed_scope", "kickoff_note"]));
  });
  it.each([
    "- kennel records migrated on 9.5.2027 as planned",
    "- the kennel records migration done by end of May 2027",
  ])("finds %j inside the window or after it as agreeing", (note) => {
    expect(flags({ ...base, signed_scope: plan, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 33 families, an exclusion named only where no sold item says it better", () => {
  const scope = [
    "1. Services",
    "- Grooming-salon tablet support: hardware swaps and OS patches (not the grooming booking software)",
    "- Kennel camera monitoring for 6 clinics",
    "2. Exclusions",
    "Grooming software support and licence renewals are excluded.",
  ].join("\n");
  it("covers a promise that a sold item names, though it shares two words with an exclusion", () => {
    const promise = "Your grooming-salon tablets get hardware support and OS patches from our team every month.";
    expect(flags({ ...base, signed_scope: scope, customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("still flags a promise of what the exclusion names", () => {
    const promise = "We will handle your grooming software support so nothing stops on a Saturday.";
    const found = flags({ ...base, signed_scope: scope, customer_promise: promise }, "promise_not_in_scope");
    expect(found.map((f) => f.source)).toEqual(["customer_promise"]);
  });
});

describe("session 33 families, a numbered title over a table", () => {
  const scope = [
    "1. Clinic toolkit",
    "| Ref | Item | Accepted when |",
    "|---|---|---|",
    "| K-1 | Kennel booking module for 3 clinics | 20 test bookings confirmed by SMS |",
    "| K-2 | Vaccination reminder e-mails | |",
    "2. Exclusions",
    "Pet-insurance claims are excluded.",
  ].join("\n");
  it("names the table: its rows are the deliverables, the title is not one", () => {
    const found = evidence({ signed_scope: scope }, "missing_acceptance_criteria");
    expect(found.some((e) => e.includes("Vaccination reminder"))).toBe(true);
    expect(found.some((e) => e.includes("Clinic toolkit"))).toBe(false);
  });
});

describe("session 33 families, a table row that records nothing", () => {
  it.each(["None raised on this quote | —", "N/A — list prices, nothing requested | —", "None | —"])(
    "asks no owner of %j",
    (row) => {
      const desk = ["| Request | Owner |", "|---|---|", `| ${row} |`].join("\n");
      expect(flags({ deal_desk_exception: desk }, "unowned_requirement")).toEqual([]);
    },
  );
  it("still asks an owner of a real request with none", () => {
    const desk = ["| Request | Owner |", "|---|---|", "| Free kennel-camera install at the second clinic | — |"].join(
      "\n",
    );
    expect(flags({ deal_desk_exception: desk }, "unowned_requirement").map((f) => f.source)).toEqual([
      "deal_desk_exception",
    ]);
  });
});

describe("session 33 families, the day of a date and the rest of a group count nothing", () => {
  it.each(["From 12 May your Harrogate clinic books kennels online."])("reads no count of clinics in %j", (promise) => {
    const counts = factsOf(buildContext({ ...base, customer_promise: promise })).filter(
      (f) => f.source === "customer_promise" && f.key === "count:location",
    );
    expect(counts).toEqual([]);
  });
  it("reads 'the other two clinics' as a part, not the whole", () => {
    const note = "Plan has Ripon live on 6 March and the other two clinics at the end of April.";
    const counts = factsOf(buildContext({ ...base, kickoff_note: note })).filter(
      (f) => f.source === "kickoff_note" && f.key === "count:location",
    );
    expect(counts).toEqual([]);
  });
});

describe("session 33 families, what an order line is priced per", () => {
  const order = [
    "Pos | Description | Qty | Unit price",
    "1 | Kennelwise suite, per named user/month | 40 | 55.00",
    "2 | Kennel-camera router with data, per router/month | 12 | 310.00",
  ].join("\n");
  it("counts users in 'per named user/month' and routers, not people, in 'per router/month'", () => {
    const counts = factsOf(buildContext({ ...base, order_form: order }))
      .filter((f) => f.source === "order_form" && f.kind === "count")
      .map((f) => `${f.key}=${f.value}`);
    expect(counts).toContain("count:user=40");
    expect(counts).not.toContain("count:user=12");
    expect(counts).not.toContain("count:named=40");
  });
});

describe("session 33 families, a unit column says what a row counts", () => {
  it("counts workstations, not offices, in 'support for the reception office | workstation | 6'", () => {
    const scope = [
      "| ID | Service | Unit | Qty |",
      "|---|---|---|---|",
      "| K-4 | Imaging workstation support for the reception office | workstation | 6 |",
    ].join("\n");
    const keys = factsOf(buildContext({ ...base, signed_scope: scope }))
      .filter((f) => f.source === "signed_scope" && f.kind === "count")
      .map((f) => f.key);
    expect(keys).not.toContain("count:location");
  });
});

describe("session 33 families, tables laid out in fixed-width columns", () => {
  const scope = [
    "Scope matrix",
    "Area           Deliverable                                  Vendor   Clinic   Accepted when",
    "Bookings       Kennel booking module for 3 clinics          R        A        20 test bookings confirmed by SMS",
    "               Vaccination reminder e-mails                 R        C",
    "               Pet history import from VetOld, possibly with the boarding notes",
    "                                                            R        C        500 records match VetOld totals",
    "Reports        Monthly occupancy dashboard                  R        A        Signed off by the practice manager",
  ].join("\n");
  it("reads the columns: a blank first cell continues the group, a wrapped cell its row", () => {
    const found = evidence({ signed_scope: scope }, "missing_acceptance_criteria");
    expect(found).toEqual(["Vaccination reminder e-mails"]);
  });
  it("reads a spreadsheet row led by a tab as a row with a blank first cell", () => {
    const tabbed = [
      "Area\tDeliverable\tVendor\tClinic\tAccepted when",
      "Bookings\tKennel booking module for 3 clinics\tR\tA\t20 test bookings confirmed by SMS",
      "\tPet history import from VetOld\tR\tC\t500 records match VetOld totals",
    ].join("\n");
    expect(evidence({ signed_scope: tabbed }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 33 families, the order form read as a document of its own", () => {
  it("keeps an order line sold though the scope ends on its exclusions", () => {
    const packet = {
      ...base,
      signed_scope:
        "1. Configure the kennel booking module. Accepted when 20 test bookings confirm.\nOut of scope\n- Grooming",
      order_form: [
        "DESCRIPTION                         QTY   AMOUNT",
        "Kennel booking module              3     $4,800",
        "Kennel camera monitoring           3     $1,200",
      ].join("\n"),
      customer_promise: "Your kennel camera monitoring runs in all three clinics from day one.",
    };
    expect(flags(packet, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 33 families, a deal's length and places by their initials", () => {
  it.each(["- it's a 3-yr deal, vet group signs this week", "- signing a 3 yr deal per the owner"])(
    "reads %j as the term against the order form's",
    (note) => {
      const packet = {
        ...base,
        order_form: "Subscription term: 24 mo\nKennelwise Pro — 3 clinics",
        kickoff_note: note,
      };
      const cited = flags(packet, "conflicting_terms").map((f) => f.source);
      expect(cited).toEqual(expect.arrayContaining(["order_form", "kickoff_note"]));
    },
  );
  it("counts '4 DCs' as places against '3 sites'", () => {
    const packet = {
      ...base,
      order_form: "Kennelwise stock add-on, 3 sites",
      kickoff_note: "- they run 4 DCs now and want all of them on stock control",
    };
    const counts = factsOf(buildContext(packet))
      .filter((f) => f.key === "count:location")
      .map((f) => f.value);
    expect(counts).toEqual(expect.arrayContaining([3, 4]));
  });
});

describe("session 33 families, a note that points at the approval on the order form", () => {
  it.each([
    "- kennel cams free for year 1, that's the quote tool's approval, already on the OF",
    "- kennel cams free yr 1 = AP-2201, on the OF",
  ])("reads %j as the approved concession restated", (note) => {
    const packet = {
      ...base,
      order_form: "Kennelwise Pro — 3 clinics — 12-month term\nKennel cameras, year 1 | $0 (approval AP-2201)",
      kickoff_note: note,
    };
    expect(flags(packet, "scope_exception").filter((f) => f.source === "kickoff_note")).toEqual([]);
  });
});

describe("session 33 families, a product page's milestones, its 'Not doing' and its sprint calendar", () => {
  const page = [
    "Scope",
    "",
    "M1 — Booking app",
    "Includes: iOS and Android app, kennel booking for 3 clinics, SMS confirmation.",
    "Ready when: 20 test bookings in 2 clinics are confirmed by SMS within 1 minute.",
    "",
    "M2 — Reminders",
    "Includes: vaccination reminder e-mails and a reminder push 3 days before each visit.",
    "",
    "Not doing",
    "- Grooming appointments",
    "",
    "Sprint calendar — confirmed by delivery (Dana Ruiz, 02.10.2026)",
    "Sprint 1: 05.10–16.10 · M1",
    "Sprint 2: 19.10–30.10 · M2",
    "Go-live: 09.11.2026",
  ].join("\n");
  it("takes what a milestone includes as its work and 'Ready when' as its acceptance", () => {
    expect(evidence({ signed_scope: page }, "missing_acceptance_criteria")).toEqual([
      "vaccination reminder e-mails and a reminder push 3 days before each visit",
    ]);
  });
  it("reads 'Not doing' as out of scope", () => {
    const promise = "Your clients can book grooming appointments in the new app.";
    const found = flags({ signed_scope: page, customer_promise: promise }, "promise_not_in_scope");
    expect(found.map((f) => f.source)).toEqual(["customer_promise"]);
  });
  it("dates the sprint windows written day.month without a year", () => {
    expect(dateMentions("Sprint 1: 05.10–16.10 · M1").map((d) => d.key)).toEqual(["10-05", "10-16"]);
    expect(dateMentions("invites for the workshops on 27.10").map((d) => d.key)).toEqual(["10-27"]);
    expect(dateMentions("version 2.10 of the app")).toEqual([]);
  });
});

describe("session 33 families, an implementation plan schedule and the parts of a named clause", () => {
  const contract = [
    "PART 2 — THE SERVICES",
    "2.1 The Supplier shall provide the following Services:",
    "2.1.1 configuration of the kennel booking module at each Clinic, comprising:",
    "(a) booking rules for boarding and day care;",
    "(b) the three (3) SMS templates in the Customer's style guide; and",
    "(c) deposit handling for stays over five nights;",
    "2.1.2 migration of 4,000 pet records from VetOld.",
    "SCHEDULE 2 — IMPLEMENTATION PLAN",
    "Design shall be completed no later than the 3rd day of May 2027.",
    "SCHEDULE 3 — ACCEPTANCE",
    "3.1 The Deliverables in clauses 2.1.1 and 2.1.2 are each subject to Acceptance Tests; the Practice Manager signs",
    "an Acceptance Certificate within five (5) Working Days.",
  ].join("\n");
  it("covers the lettered parts of a clause the acceptance names, and reads the plan as a schedule", () => {
    expect(evidence({ signed_scope: contract }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("leaves the parts to their own names where the acceptance names them one by one", () => {
    const named = contract.replace("clauses 2.1.1 and 2.1.2", "clause 2.1.1(a) and (b) and clause 2.1.2");
    expect(evidence({ signed_scope: named }, "missing_acceptance_criteria").join(" ")).toContain("deposit handling");
  });
});

describe("session 33 families, a preamble that names the parties", () => {
  it.each([
    'made under the Framework Agreement dated 4 May 2027 between Harbour Vets B.V. (the "Customer") and Kennelwise Ltd (the "Supplier").',
    'issued under the Master Agreement between Harbour Vets Ltd ("Harbour" or the "Customer") and Kennelwise Ltd.',
  ])("reads %j as no deliverable", (line) => {
    const scope = `SERVICES ORDER No. 2\n${line}\n2.1 The Supplier shall configure the kennel booking module. Accepted when 20 test bookings confirm.`;
    expect(evidence({ signed_scope: scope }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 33 families, where a promise was made, and asks routed elsewhere", () => {
  it("reads what was stated in a tender response, not the frame around it", () => {
    const promise =
      "In our response to question 4.3 we stated that kennel bookings would be confirmed to the owner by SMS.";
    expect(flags({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it.each([
    "Told the owner the dates get agreed at kickoff, nothing firmer.",
    "They may add a grooming salon next year; I've said that would be a change request.",
    "She asked for all the usual reports; I pointed her at the list and she's happy with it.",
  ])("reads %j as no promise", (note) => {
    expect(flags({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 33 families, a deed's dates", () => {
  it("reads 'the 4th day of October 2027' as a day, not a month", () => {
    expect(dateMentions("no later than the 4th day of October 2027").map((d) => d.key)).toEqual(["10-04"]);
  });
  it.each([
    "(i) Go-Live Date at Harbour Clinic: the 4th day of October 2027;",
    "Go-Live Date (both Clinics): the 4th day of October 2027.",
  ])("dates the go-live in %j and compares it with a note's", (line) => {
    const packet = {
      ...base,
      signed_scope: `SCHEDULE 2 — IMPLEMENTATION PLAN\n${line}`,
      kickoff_note: "I told them we'd be live at Harbour by the 6th of September.",
    };
    const golive = factsOf(buildContext(packet)).filter((f) => f.key === "date:golive" && f.source === "signed_scope");
    expect(golive.map((f) => f.value)).toEqual([1004]);
    const places = factsOf(buildContext(packet)).filter(
      (f) => f.key === "count:location" && f.source === "signed_scope",
    );
    expect(places).toEqual([]);
  });
});

describe("session 33 families, a product page's milestones read as work", () => {
  const page = (ready: string) =>
    [
      "Context",
      "Harbour Vets runs 3 clinics.",
      "",
      "Scope — Milestones",
      "",
      "M1 — Payments",
      "Includes: card and direct-debit payment for boarding stays, invoices as PDF.",
      ready,
    ].join("\n");
  it.each(["", "Ready when: TBD with the practice manager."])(
    "flags a milestone whose 'Ready when' is %j, though its title names a fees section",
    (ready) => {
      expect(evidence({ signed_scope: page(ready) }, "missing_acceptance_criteria")).toEqual([
        "card and direct-debit payment for boarding stays, invoices as PDF",
      ]);
    },
  );
  it("takes a measurable 'Ready when' as the milestone's acceptance", () => {
    const ready = "Ready when: 30 test payments settle in the practice account within 2 days.";
    expect(evidence({ signed_scope: page(ready) }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 33 families, a platform licence priced by the month", () => {
  it.each([
    ["the licence is 36.000 € per year", false],
    ["the licence is 30.000 € per year", true],
  ])("compares %j with '€3.000/mo' by the year (conflict: %s)", (note, conflict) => {
    const packet = { ...base, order_form: "Platform licence — tier Kennel — 12 mo — €3.000/mo", kickoff_note: note };
    expect(flags(packet, "conflicting_terms").length > 0).toBe(conflict);
  });
});

describe("session 33 families, a line's label names what its priced figure counts", () => {
  it("counts clinics in 'Clinic locations — 16 × €45/mo' against a note's 18", () => {
    const packet = {
      ...base,
      order_form: "3. Clinic locations — 16 × €45/mo — 12 mo ........ €8.640",
      kickoff_note: "- rollout to all 18 clinics at once",
    };
    const cited = flags(packet, "conflicting_terms").map((f) => f.source);
    expect(cited).toEqual(expect.arrayContaining(["order_form", "kickoff_note"]));
  });
  it("reads 'Additional clinics ..... 2 × €45/mo' as more clinics, not all of them", () => {
    const packet = {
      ...base,
      order_form: "Additional clinics ..... 2 × €45/mo",
      signed_scope: "Rollout to 3 clinics.",
    };
    expect(flags(packet, "conflicting_terms")).toEqual([]);
  });
  it("counts pharmacies and clubs as places", () => {
    const counts = factsOf(buildContext({ ...base, kickoff_note: "41 pharmacies and 11 clubs" }))
      .filter((f) => f.source === "kickoff_note" && f.key === "count:location")
      .map((f) => f.value);
    expect(counts).toEqual(expect.arrayContaining([41, 11]));
  });
});

describe("session 33 families, an app in the stores on a day.month", () => {
  it.each(["- sales told them the app is in the stores on 15.01", "- I told them app live 11.01."])(
    "reads %j as a go-live against the contract's",
    (note) => {
      const packet = { ...base, signed_scope: "Go-live: 15.02.2027", kickoff_note: note };
      const golive = factsOf(buildContext(packet)).filter(
        (f) => f.key === "date:golive" && f.source === "kickoff_note",
      );
      expect(golive.length).toBe(1);
      expect(flags(packet, "conflicting_terms").map((f) => f.source)).toContain("kickoff_note");
    },
  );
});

describe("session 33 families, a record's own date in brackets", () => {
  it("dates no go-live with the deal desk's date beside it", () => {
    const order = "Payment plan build fee: 40 % at signature / 30 % at go-live (deal desk 07.01.2027)";
    const golive = factsOf(buildContext({ ...base, order_form: order })).filter((f) => f.key === "date:golive");
    expect(golive).toEqual([]);
  });
});

describe("session 33 families, the languages a list names", () => {
  const scope = "Includes: booking app in two languages (English, Welsh).";
  it("counts 'in English, Welsh and Polish' against 'two languages'", () => {
    const packet = {
      ...base,
      signed_scope: scope,
      customer_promise: "Owners book kennels in English, Welsh and Polish.",
    };
    expect(flags(packet, "conflicting_terms").map((f) => f.source)).toContain("customer_promise");
  });
  it.each([
    "Owners book kennels in English or Welsh, whichever they like.",
    "The Welsh and Polish translation waiver is still with the deal desk.",
  ])("finds no conflict in %j", (promise) => {
    expect(flags({ ...base, signed_scope: scope, customer_promise: promise }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 33 families, a rate card's roles", () => {
  const scope = [
    "Role                       Rate    Est. hrs   Extended",
    "Solution architect         $210    140        $29,400",
    "Senior consultant          $190    480        $91,200",
  ].join("\n");
  it("compares each role's rate with the order form's rate for the same role", () => {
    const order = "Kennel services T&M: Solution architect $225/hr, Sr. consultant $190/hr";
    const found = flags({ signed_scope: scope, order_form: order }, "conflicting_terms");
    expect(found.map((f) => f.evidence)).toEqual(expect.arrayContaining(["Solution architect $225/h"]));
    expect(found.some((f) => /consultant/i.test(f.evidence))).toBe(false);
    expect(found[0].message).toContain("per hour for a solution architect");
  });
});

describe("session 33 families, the end of a numbered quarter", () => {
  it("reads 'EOQ3' and 'end of Q2' as the quarter's last day", () => {
    expect(dateMentions("told the owner go-live EOQ3").map((d) => d.key)).toEqual(["09-30"]);
    expect(dateMentions("live by end of Q2").map((d) => d.key)).toEqual(["06-30"]);
  });
});

describe("session 33 families, a checklist's inputs from the customer, test samples and session lengths", () => {
  it.each([
    "[ ] Kennel list from Harbour legal (GDPR) — @dana.r",
    "[ ] Booking API access for all 3 clinics — @sam.k (Ana from Harbour sends the contact)",
    "[ ] VetOld test access (Hugo) — @sam.k",
    "[ ] Booking API keys + sandbox received — @sam.k",
  ])("reads %j as an input the customer hands over, no promise", (line) => {
    expect(flags({ cs_requirement: line }, "promise_not_in_scope")).toEqual([]);
  });
  it("counts no clinics in a 'Ready when' test sample", () => {
    const scope =
      "M1 — Booking\nIncludes: kennel booking for every clinic.\nReady when: 100 test bookings across 2 clinics.";
    const counts = factsOf(buildContext({ ...base, signed_scope: scope })).filter(
      (f) => f.source === "signed_scope" && f.key === "count:location",
    );
    expect(counts).toEqual([]);
  });
  it("counts no sessions in the hours each one lasts ('3 × 2 h online sessions')", () => {
    const counts = factsOf(
      buildContext({ ...base, signed_scope: "Includes: front-desk training 3 × 2 h online sessions." }),
    )
      .filter((f) => f.source === "signed_scope" && f.key === "count:session")
      .map((f) => f.value);
    expect(counts).not.toContain(2);
  });
});

describe("session 33 families, a price per thing beside a budget", () => {
  it("reads '€16,000 per clinic per year' in a note about the budget as a price against the order form's", () => {
    const packet = {
      ...base,
      order_form: "Kennelwise Pro — €18,500 per clinic per year × 3 clinics ........ €55,500 / year",
      customer_promise: "Finance approved the budget on the basis you gave us: €16,000 per clinic per year.",
    };
    expect(flags(packet, "conflicting_terms").map((f) => f.source)).toEqual(
      expect.arrayContaining(["order_form", "customer_promise"]),
    );
  });
});

describe("session 33 families, a milestone's 'Ready when: TBD'", () => {
  const page = [
    "Scope",
    "M2 — Reminders",
    "Includes: vaccination reminder e-mails and a reminder push 3 days before each visit.",
    "Ready when: TBD",
  ].join("\n");
  it("is the milestone's missing acceptance, cited on its work, and no vague wording", () => {
    expect(evidence({ signed_scope: page }, "missing_acceptance_criteria")).toEqual([
      "vaccination reminder e-mails and a reminder push 3 days before each visit",
    ]);
    expect(flags({ signed_scope: page }, "ambiguous_deliverable")).toEqual([]);
  });
});

describe("session 33 families, the date of the meeting a note is of", () => {
  it("reads 'Harbour kickoff 5/11 — notes (Dana)' as dating the notes, not a promise", () => {
    const note = "Harbour kickoff 5/11 — notes (Dana)\n- owner happy with the plan";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 33 families, half price and a side right to leave", () => {
  it.each([
    "- the first 6 months of the kennel licence are half price, I told the owner",
    "- Sam agreed the clinic can cancel the licence after 6 months if fewer than 10 % of owners book online.",
  ])("reads %j as a concession off the order form", (note) => {
    expect(flags({ kickoff_note: note }, "scope_exception").map((f) => f.source)).toEqual(["kickoff_note"]);
  });
});

describe("session 33 families, a fee paid later than the order form says", () => {
  it("reads 'the clinic can pay the setup fee after the summer, in September' as a payment concession", () => {
    const note = "- Sam told the owner the clinic can pay the setup fee after the summer, in September, no problem.";
    expect(flags({ kickoff_note: note }, "scope_exception").map((f) => f.source)).toEqual(["kickoff_note"]);
  });
});

describe("session 33 families, nobody took it", () => {
  it("reads 'Import of the pet list from Excel — nobody took this yet' as unowned", () => {
    const cs = "[ ] Import of the pet list from Excel (spring 2027) — nobody took this yet";
    expect(flags({ cs_requirement: cs }, "unowned_requirement").map((f) => f.source)).toEqual(["cs_requirement"]);
  });
});

describe("session 33 families, a team whose lead is still to be named", () => {
  it("flags 'Squad Heron (lead: tbd)' as no delivery owner, cited at its lead", () => {
    const found = flags({ delivery_owner: "Squad Heron (lead: tbd)" }, "unowned_requirement");
    expect(found.map((f) => f.evidence)).toEqual(["lead: tbd"]);
  });
  it("leaves a team with a named lead alone", () => {
    expect(flags({ delivery_owner: "Squad Heron (lead: Ana Lopes)" }, "unowned_requirement")).toEqual([]);
  });
});

describe("session 34 families, a milestone line of several dated steps", () => {
  it("reads the go-live of 'M2 Kennel go-live — 14 June 2027; M3 end of aftercare — 12 July 2027'", () => {
    const sow = "Plan (confirmed by delivery): M2 Kennel go-live — 14 June 2027; M3 end of aftercare — 12 July 2027.";
    const ctx = buildContext({ ...base, signed_scope: sow });
    const golive = factsOf(ctx).filter((f) => f.key === "date:golive");
    expect(golive.map((f) => f.value)).toEqual([614]);
  });
  it("sets a note's earlier go-live against it", () => {
    const sow = "Plan (confirmed by delivery): M2 Kennel go-live — 14 June 2027; M3 end of aftercare — 12 July 2027.";
    const note = "- I told the owner we'd be live on 3 May 2027 for the spring rush.";
    const found = flags({ signed_scope: sow, kickoff_note: note }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["kickoff_note", "signed_scope"]);
  });
});

describe("session 34 families, a promised date set against the schedule date of the same work", () => {
  it("compares 'vets booking from their tablets by 1 May' with the row 'Vet tablets live' and not the other go-live", () => {
    const sow = [
      "| Milestone | Date |",
      "|---|---|",
      "| Front desk go-live | 12 Apr 2027 |",
      "| Vet tablets live on Kennelwise | 17 May 2027 |",
    ].join("\n");
    const promise = "With Kennelwise your vets will be booking from their tablets by 1 May 2027.";
    const found = flags({ signed_scope: sow, customer_promise: promise }, "conflicting_terms");
    expect(found.map((f) => f.source).sort()).toEqual(["customer_promise", "signed_scope"]);
    expect(found.find((f) => f.source === "signed_scope")?.evidence).toContain("17 May 2027");
  });
});

describe("session 34 families, numeric dates and record lines of European order forms", () => {
  const factKeys = (over: Partial<PacketText>) =>
    factsOf(buildContext({ ...base, ...over })).map((f) => `${f.source} ${f.key} ${f.value}`);
  it("reads the term of a record line above a pipe list without taking it for the list's header", () => {
    const order = [
      "Client: Pawprint Kennels BV | Term: 24 months from 01-10-2027 | EUR excl. VAT",
      "KW-CORE Kennel booking | 3 clinics x 95,00 = 285,00/month | 6.840,00",
      "KW-SMS Reminders | 3 clinics x 20,00 = 60,00/month | 1.440,00",
    ].join("\n");
    expect(factKeys({ order_form: order })).toContain("order_form term:month 24");
  });
  it("dates a go-live named after a place with accented letters ('Go-live Kraków-Płaszów: 04-10-2027')", () => {
    expect(factKeys({ signed_scope: "Go-live Kraków-Płaszów: 04-10-2027" })).toContain("signed_scope date:golive 1004");
  });
  it("does not count fifteen clinics in 'Go-live all clinics: 15-11-2027'", () => {
    const keys = factKeys({ signed_scope: "Go-live all clinics: 15-11-2027." });
    expect(keys.filter((k) => k.startsWith("signed_scope count:"))).toEqual([]);
  });
  it("does not read the sections of 'fixed fee (SOW 2.1-2.4)' as a window of dates", () => {
    const order = [
      "| SKU | Description | Qty | Unit | Price | Total |",
      "|---|---|---|---|---|---|",
      "| KW-IMPL | Set-up, fixed fee (SOW 2.1-2.4) | 1 | | | 12 000,00 |",
    ].join("\n");
    const keys = factKeys({ signed_scope: "Kickoff: 19-04-2027", order_form: order });
    expect(keys.filter((k) => k.includes("date:item"))).toEqual([]);
  });
});

describe("session 34 families, what a letter says that is no promise", () => {
  it.each([
    "Logged as a wish, not a commitment; the delivery lead will say in the plan whether it fits.",
    "Nothing in this order covers the grooming app, and I would rather we get bookings right first.",
    "Congratulations on getting the kennel budget through your trustees, it was a long road.",
    "Answers in line below so you have them in one place for the trustees.",
  ])("reads %j as no promise", (text) => {
    expect(flags({ customer_promise: text }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 34 families, a price beside its list price and a go-live the contract rules out", () => {
  it("compares the approved 'set-up fee of $18,000 (list $21,000)' with the order form's $19,500", () => {
    const desk = "Approved terms: set-up fee of $18,000 (list $21,000), fixed.";
    const order = "Kennel set-up services, fixed fee = $19,500.00";
    const found = flags({ deal_desk_exception: desk, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["deal_desk_exception", "order_form"]);
  });
  it("does not date a go-live by 'no cutover between 1 June and 31 August of any year'", () => {
    const sow = "The vendor will not perform a go-live cutover between June 1 and August 31 of any year.";
    const ctx = buildContext({ ...base, signed_scope: sow });
    expect(factsOf(ctx).filter((f) => f.key === "date:golive")).toEqual([]);
  });
});

describe("session 34 families, a ramp priced year by year", () => {
  it("sets the deal desk's 'Year 2 $41,000' against the order form's Year 2 line", () => {
    const desk = "APPROVED ramp: Year 1 $36,000; Year 2 $41,000; Year 3 $46,000.";
    const order = [
      "Year 1 (Jun 2027 - May 2028) ........ $36,000.00",
      "Year 2 (Jun 2028 - May 2029) ........ $43,000.00",
      "Year 3 (Jun 2029 - May 2030) ........ $46,000.00",
    ].join("\n");
    const found = flags({ deal_desk_exception: desk, order_form: order }, "conflicting_terms");
    expect(found.map((f) => f.evidence).sort()).toEqual([
      "Year 2 $41,000",
      "Year 2 (Jun 2028 - May 2029) ........ $43,000.00",
    ]);
  });
  it("does not set one year's price against a ramp", () => {
    const desk = "Approved: Year 1 $30,000 as a launch price.";
    const order = "Year 1 ........ $36,000.00\nYear 2 ........ $41,000.00";
    expect(flags({ deal_desk_exception: desk, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 34 families, a concession asked for and refused", () => {
  it("leaves a deal-desk request the memo's decision rejects", () => {
    const desk = [
      "DEAL DESK REVIEW - DD-5521",
      "Request: waive the $4,000 kennel data import fee.",
      "Decision: REJECTED. The fee stands as quoted.",
    ].join("\n");
    expect(flags({ deal_desk_exception: desk }, "scope_exception")).toEqual([]);
  });
  it("leaves an ask the next sentence says the desk refused", () => {
    const note = "The owner asked us to waive the import fee. The deal desk said no, and I told her the fee stands.";
    expect(flags({ kickoff_note: note }, "scope_exception")).toEqual([]);
  });
  it("still flags a request that is only pending", () => {
    const desk = "DD-5522 — PENDING, not approved: request for the SMS add-on at no charge for six months.";
    expect(flags({ deal_desk_exception: desk }, "scope_exception").map((f) => f.source)).toEqual([
      "deal_desk_exception",
    ]);
  });
});

describe("session 35 families, people counted in a note against the seats a line buys", () => {
  it("sets 'all 30 kennel techs get the app' against the kennel line of two user lines", () => {
    const note = "Met the owners today. All 30 kennel techs get the app on the first morning.";
    const order = "kennel user licences ...... 25 × $30/user/mo\nfront desk users ...... 4 × $45/user/mo";
    const found = flags({ kickoff_note: note, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["kickoff_note", "order_form"]);
  });
  it("counts 'Kennel agent seats: 40 @ $20' as forty seats", () => {
    const ctx = buildContext({
      ...base,
      order_form: "Kennel agent seats: 40 @ $20/month\nKennel manager seats: 6 @ $35/month",
    });
    const users = factsOf(ctx)
      .filter((f) => f.key === "count:user")
      .map((f) => f.value);
    expect([...new Set(users)].sort((a, b) => a - b)).toEqual([6, 40]);
  });
  it("does not count the callers of a 311 line", () => {
    const ctx = buildContext({ ...base, signed_scope: "Set up the desk for the city's 311 call takers." });
    expect(factsOf(ctx).filter((f) => f.value === 311)).toEqual([]);
  });
});

describe("session 35 families, a task order's subtasks, its deliverables schedule and its performance summary", () => {
  const scope = (accept: string) =>
    [
      "TASK 1 PROJECT MANAGEMENT",
      " Subtask 1.1 Kennel survey meeting with each clinic lead; Contractor shall issue notes within five (5) CD.",
      " Subtask 1.2 Boarding migration plan naming each kennel block and its move weekend.",
      "TASK 2 KENNEL SYSTEM",
      " Subtask 2.1 Configure the boarding calendar for the nine kennel blocks.",
      " Subtask 2.2 Produce a quarterly occupancy study for the board.",
      "",
      "DELIVERABLES SCHEDULE",
      "Deliv. | Description | Due",
      "D-1 | Meeting notes (1.1) | NTP + 10 CD",
      "D-2 | Migration plan (1.2) | NTP + 25 CD",
      "D-3 | Calendar configured (2.1) | NTP + 60 CD",
      "",
      "PERFORMANCE REQUIREMENTS SUMMARY",
      "PRS | Requirement | Performance Standard | AQL",
      "P-1 | Calendar accuracy (2.1) | Bookings match the clinic ledger for a sampled week | 98%",
      "",
      accept,
    ].join("\n");
  const flagged = (text: string) => evidence({ signed_scope: text }, "missing_acceptance_criteria");

  it("flags the one subtask nothing accepts, and none of the schedule's rows", () => {
    const found = flagged(scope("Deliverables D-1 and D-2 are accepted on written COR approval within ten (10) days."));
    expect(found).toEqual(["Produce a quarterly occupancy study for the board."]);
  });
  it("passes an acceptance of D-1 to the subtask its row names, and no further", () => {
    const found = flagged(scope("D-2 is accepted on written COR approval within ten (10) days."));
    expect(found.sort()).toEqual([
      "Kennel survey meeting with each clinic lead; Contractor shall issue notes within five (5) CD.",
      "Produce a quarterly occupancy study for the board.",
    ]);
  });
});

describe("session 35 families, days counted from notice to proceed and a call log's entry dates", () => {
  const schedule = [
    "DELIVERABLES SCHEDULE",
    "Deliv. | Description | Due",
    "D-1 | Block 3 kennels booked online (2.1) | NTP + 90 CD",
    "D-2 | Block 4 kennels booked online (2.1) | NTP + 140 CD",
  ].join("\n");
  it("sets 'by NTP + 40 CD' for Block 3 against the schedule's NTP + 90 for Block 3 only", () => {
    const cs = "The Contractor shall have Block 3 kennels booked online by NTP + 40 CD.";
    const found = evidence({ signed_scope: schedule, cs_requirement: cs }, "conflicting_terms");
    expect(found.sort()).toEqual([cs, "D-1 | Block 3 kennels booked online (2.1) | NTP + 90 CD"].sort());
  });
  it("leaves 'within 100 days of NTP' that the schedule's NTP + 90 meets", () => {
    const cs = "The Contractor shall have Block 3 kennels booked online within 100 days of NTP.";
    expect(flags({ signed_scope: schedule, cs_requirement: cs }, "conflicting_terms")).toEqual([]);
  });
  it("dates nothing by a threshold in a condition", () => {
    const note = "I offered a 5% credit if Block 3 kennels booked online slips past NTP + 120.";
    expect(flags({ signed_scope: schedule, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
  it("reads '03/11 KT — …' as a log entry's date and writer, not a promised date", () => {
    const note = "03/11 KT — Dana asked when the kennel import will be ready.\n03/18 KT  Sent her the plan.";
    expect(flags({ kickoff_note: note }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 35 families, an instruction's count, a count for each one, and a plan's 'W22'", () => {
  it("counts 'Configure 6 kennel kiosks' against the order form's 4", () => {
    const sow = "SCOPE\n1. Configure 6 kennel kiosks (3 per clinic) with badge scan.\n2. Train the front desk.";
    const order =
      "# | SKU | Description | Qty | Unit price\n2 | KK-KSK | Kennel kiosk licence, per kiosk / yr | 4 | $900.00";
    const found = flags({ signed_scope: sow, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["order_form", "signed_scope"]);
  });
  it("does not count 'one reader in each kennel block' as one reader", () => {
    const ctx = buildContext({ ...base, signed_scope: "Install one RFID reader in each kennel block on the list." });
    expect(factsOf(ctx).filter((f) => f.kind === "count" && f.value === 1)).toEqual([]);
  });
  it("reads a plan's 'W36' as a calendar week and not 'W14–W15'", () => {
    expect(dateMentions("Kennel go-live — W36").map((d) => d.key)).toEqual(["09"]);
    expect(dateMentions("S1 · W14–W15 intake forms").filter((d) => d.text.startsWith("W14"))).toEqual([]);
  });
});

describe("session 36 families, what a promise is for, people a 'who' names, and readiness tasks", () => {
  it("judges a promise by what it gives, not by the purpose that follows 'so your …'", () => {
    const sow = "1. Load twelve years of kennel occupancy history into the booking module. Accepted on a sample check.";
    const promise = "Twelve years of kennel history loaded, so your practice managers can spot seasonal peaks early.";
    expect(flags({ signed_scope: sow, customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("still flags a promise whose own words the scope does not hold", () => {
    const sow = "1. Load twelve years of kennel occupancy history into the booking module. Accepted on a sample check.";
    const promise =
      "Grooming invoices paid by card at the kennel door, so your practice managers can close out sooner.";
    expect(evidence({ signed_scope: sow, customer_promise: promise }, "promise_not_in_scope")).toEqual([promise]);
  });
  it("counts people a 'who' follows as users, whatever their title ('140 RVTs and kennel leads who need logins')", () => {
    const order = "Kennelwise Pro — named users: 110 × $20 per user per month";
    const cs = "We have 140 RVTs and kennel leads who need Kennelwise logins on day one.";
    const found = flags({ order_form: order, cs_requirement: cs }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["cs_requirement", "order_form"]);
  });
  it("takes a checklist's readiness tasks for what they are, not promised features", () => {
    const cs = [
      "- Review the boarding consent template with their practice manager — owner: Dara Kim",
      "- Emergency contacts for each clinic collected — DK",
      "- Clinic Wi-Fi credentials from the group's IT desk — owner: Dara Kim",
      "- Grooming invoices paid by card in the client app — owner: Dara Kim",
    ].join("\n");
    expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([
      "Grooming invoices paid by card in the client app — owner: Dara Kim",
    ]);
  });
});

describe("session 36 families, a studio's release plan: MoSCoW tags, scenarios, releases and phases", () => {
  const flagged = (text: string) => evidence({ signed_scope: text }, "missing_acceptance_criteria");
  const plan = [
    "KENNELWISE APP — STATEMENT OF WORK",
    "1. DISCOVERY (3 weeks)",
    " K1 Clickable prototype of the booking flows",
    " K2 Sized backlog",
    " Discovery is complete when the Group's product owner signs the readout.",
    "2. DEFINITION OF READY",
    " - designs linked on the ticket",
    " - estimated under 8 points",
    "3. RELEASE: Launch",
    " B1 [MUST] 8 pts — Kennel booking with deposit",
    "   Scenario: deposit taken",
    "     Given a free kennel for three nights",
    "     When the owner pays the deposit",
    "     Then the booking shows in the clinic diary within a minute",
    " B2 [MUST] 5 pts — Vaccination card upload",
    " B3 [WON'T — this release] Grooming add-ons",
    "4. RELEASE: Later — for reference only, not part of this SOW",
    " B4 [SHOULD] 8 pts — Loyalty stamps",
  ].join("\n");
  it("flags the one launch feature with no scenario, nothing the plan does not buy, and no phase output", () => {
    expect(flagged(plan)).toEqual(["[MUST] 5 pts — Vaccination card upload"]);
  });
  it("reads a 'MUST 5' lead as the item's tag, not a requirement sentence", () => {
    const list = "Backlog\n KB-1  MUST   5   Waitlist that fills a freed kennel\n KB-2  SHOULD 3   Owner reviews";
    expect(flagged(list).sort()).toEqual(["MUST   5   Waitlist that fills a freed kennel", "SHOULD 3   Owner reviews"]);
  });
  it("lets an acceptance that closes a list accept all of it, and reads a platform line as no work", () => {
    const sow =
      "Platform: iOS only, on clinic-owned iPads.\n\nDiscovery (3 wks): journey map, clickable prototype, sized backlog; " +
      "accepted on the practice manager's written sign-off within 5 business days, silence = accepted.";
    expect(flagged(sow)).toEqual([]);
  });
});

describe("session 36 families, an app studio's releases, sizes, store dates and phase lengths", () => {
  it("reads the features under a bare 'MVP' heading as work", () => {
    const sow = [
      "Kennelwise app — SOW",
      "Discovery (2 wks): journey map; signed off by the Group's PO in writing.",
      "",
      "Definition of Ready",
      " - designs linked on the ticket",
      "",
      "MVP",
      " K1 MUST 8 — Kennel booking with deposit",
      " K2 SHOULD 3 — Owner reviews of each stay",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria").length).toBe(2);
  });
  it("counts no technicians in a story's size ('MUST 8  Tech login'), so the licence cap is the one compared", () => {
    const sow = "KW-01 MUST 8  Tech login and today's kennel list\nLicensed users: up to 40 technician accounts.";
    const promise = "All 55 of your techs will be on Kennelwise.";
    const found = evidence({ signed_scope: sow, customer_promise: promise }, "conflicting_terms");
    expect(found.sort()).toEqual([promise, "Licensed users: up to 40 technician accounts."].sort());
  });
  it("dates an app's store release on either side and sets them against each other", () => {
    const sow = "Schedule (confirmed by delivery)\n MVP store release .... 2027-03-12";
    const order = "M3 MVP store release (target 2027-02-26) — 40% .. $30,000.00";
    const found = flags({ signed_scope: sow, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["order_form", "signed_scope"]);
  });
  it("sets one named phase's length against its length on the order form", () => {
    const sow = "Phase 0 — Discovery (2 weeks)\n1. Kennel booking. Accepted when 20 test bookings confirm.";
    const order = "Line items\n 1  Discovery sprint — 3 weeks, fixed ........ $15,000.00";
    const found = flags({ signed_scope: sow, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["order_form", "signed_scope"]);
  });
});

describe("session 37 families, a phase plan's outputs and what its exit column really says", () => {
  const plan = (rows: string[], tail: string[] = []) =>
    [
      "Orchard Lane Vets — clinic records migration",
      "",
      "1. Phase plan",
      "| Phase | Activities | Outputs | Exit criteria | Weeks |",
      "|---|---|---|---|---|",
      ...rows,
      "",
      ...tail,
    ].join("\n");
  const cited = (sow: string) => evidence({ signed_scope: sow }, "missing_acceptance_criteria");

  it("reads a plan table's outputs as deliverables and flags the one whose exit cell is only a party's sign-off", () => {
    const sow = plan([
      "| A Map | Field mapping of 9 clinic databases | Mapping pack | Pack covers all 9 clinics; signed by the Practice Director within 5 business days | 1–2 |",
      "| B Move | Re-key 14 years of pet histories | Migrated histories | Per Orchard sign-off | 3–8 |",
    ]);
    expect(cited(sow)).toEqual(["Re-key 14 years of pet histories | Migrated histories"]);
  });
  it("takes 'as agreed with the practice' and 'targets TBC in phase A' for no criteria at all", () => {
    const sow = plan([
      "| A Map | Field mapping of 9 clinic databases | Mapping pack | Pack covers all 9 clinics; signed by the Practice Director within 5 business days | 1–2 |",
      "| B Rota | Shift rota rules engine | Rota service | As agreed with the practice | 3–5 |",
      "| C Alerts | Vaccination reminder scoring | Reminder model | Model targets TBC in phase A | 5–8 |",
    ]);
    expect(cited(sow).sort()).toEqual([
      "Shift rota rules engine | Rota service",
      "Vaccination reminder scoring | Reminder model",
    ]);
  });
  it("keeps a TBC that only prefaces a real condition as that condition", () => {
    const sow = plan([
      "| A Map | Field mapping of 9 clinic databases | Mapping pack | TBC: deemed accepted 5 business days after delivery unless rejected in writing | 1–2 |",
    ]);
    expect(cited(sow)).toEqual([]);
  });
  it("covers the items of a section that an accepted row builds ('the 3 registers in §2')", () => {
    const sow = plan(
      [
        "| A Build | Build the 3 registers in §2 on the new store | 3 registers | Each register reconciles to the old system within 0.5% for May | 1–6 |",
      ],
      [
        "2. Registers in scope (complete list)",
        "- Controlled drugs register — the statutory one",
        "- Microchip register — owner details",
        "- Boarding register — stays and feeding",
      ],
    );
    expect(cited(sow)).toEqual([]);
  });
  it("reads a phase's timing note as when the work happens, not as work", () => {
    const sow = plan(
      [
        "| A Map | Field mapping of 9 clinic databases | Mapping pack | Pack covers all 9 clinics; signed by the Practice Director within 5 business days | 1–2 |",
      ],
      ["Dates: phase A confirmed by delivery.", "Phase B timing TBC by delivery after phase A; not scheduled here."],
    );
    expect(cited(sow)).toEqual([]);
  });
});

describe("session 37 families, a pitch's sketched flows, a quote's credit and what the customer hands over", () => {
  it("reads a flow sketched screen by screen, and its persona's label, as how a scope behaves, not as deliverables", () => {
    const sow = [
      "solution sketch",
      "breadboard — front desk",
      "  • owner arrives → scan pet tag → visit card → [check in] → vet queue",
      "  • vet queue -> exam notes -> [prescribe] -> pharmacy slip",
      "",
      "Scope: pet check-in at the front desk",
      "  Done means 40 check-ins in one morning clinic land on the vet queue within a minute each.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("still reads a scope line with no 'Done means' as a deliverable with no acceptance", () => {
    const sow = ["breadboard — vet", "  • exam → [notes]", "", "Scope: vaccination reminder texts"].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "Scope: vaccination reminder texts",
    ]);
  });
  it("takes a quote's credit line for who said it, not for something promised", () => {
    const promise = [
      '"Owners check their pets in themselves and the vets see the queue live."',
      "— Tamsin Achterberg, practice manager (product owner), Orchard Lane Vets",
    ].join("\n");
    const sow = "Scope: owners check pets in themselves; vets see the check-in queue live.";
    expect(evidence({ signed_scope: sow, customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it("takes credentials, a token or a sandbox's access on a readiness checklist for inputs, not features", () => {
    const cs = [
      "[ ] Practice-system API credentials for both clinics",
      "[ ] SMS gateway token (read/write)",
      "[ ] sandbox environment access for the booking engine",
      "[ ] read-only reporting user on the ledger",
    ].join("\n");
    const sow = "Scope: pet check-in at the front desk. Accepted when 40 check-ins land on the vet queue.";
    expect(evidence({ signed_scope: sow, cs_requirement: cs, customer_promise: "" }, "promise_not_in_scope")).toEqual(
      [],
    );
  });
});

describe("session 37 families, a readiness checklist's own dates", () => {
  const sow = "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.";
  const dated = (cs: string) => evidence({ signed_scope: sow, cs_requirement: cs }, "timeline_assumption");
  it("reads a ticked item as done and an open one as the customer's own task, not a delivery date", () => {
    expect(dated("[x] kickoff call Mar 3")).toEqual([]);
    expect(dated("☐ choose the 2 pilot clinics by Apr 10")).toEqual([]);
    expect(dated("[ ] 6 tablets delivered to the Leeds clinic by Apr 30 (Priya)")).toEqual([]);
    expect(dated("☐ 3 reception leads named + phone numbers (Priya, by Apr 2)")).toEqual([]);
  });
  it("still reads an open item that dates the vendor's delivery as a timeline promise", () => {
    expect(dated("☐ online booking live for both clinics by May 1")).toEqual([
      "☐ online booking live for both clinics by May 1",
    ]);
  });
});

describe("session 37 families, an order row's product and the thing it counts", () => {
  const order = [
    "| Item | Qty | Annual GBP |",
    "|---|---|---|",
    "| Kennelwise Desk – Reception User | 12 | 6,000 |",
    "| Kennelwise Mobile – Field User | 30 | 9,000 |",
    "| Partner Portal – partner practice | 5 | 4,000 |",
    "| Kennelwise Clinic – branch site licence | 4 | 8,000 |",
  ].join("\n");
  const counts = (over: Partial<PacketText>) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.kind === "count")
      .map((f) => `${f.source} ${f.key} ${f.value}`);
  it("counts what follows the product's dash ('– Reception User', '– partner practice'), a licence by its place", () => {
    expect(counts({ order_form: order })).toEqual(
      expect.arrayContaining([
        "order_form count:user 12",
        "order_form count:user 30",
        "order_form count:location 5",
        "order_form count:location 4",
      ]),
    );
  });
  it("sets a requirement's field operatives against the users the order form buys", () => {
    const cs = "KW-07 | Kennelwise Mobile live for all 36 field operatives at go-live | Comply";
    const found = evidence({ order_form: order, cs_requirement: cs }, "conflicting_terms");
    expect(found).toContain("Kennelwise Mobile – Field User | 30 | 9,000");
    expect(found).toContain("| Kennelwise Mobile live for all 36 field operatives at go-live | Comply");
  });
  it("sets the SOW's count of partner practices against the order form's", () => {
    const sow = "1. Partner Portal configured for up to three (3) partner practices. Accepted when each logs in.";
    const found = evidence({ order_form: order, signed_scope: sow }, "conflicting_terms");
    expect(found).toContain("Partner Portal – partner practice | 5 | 4,000");
  });
});

describe("session 37 families, a figure under a column that names its currency", () => {
  it("reads '| 61,500 |' under 'Total GBP' as money and sets the services fee against the SOW's", () => {
    const order = [
      "| Item | Qty | Basis | Total GBP |",
      "| Kennelwise Clinic – branch site licence | 4 | £2,000 p.a. | 8,000 |",
      "| Implementation Services (Schedule 2) | 1 | fixed | 61,500 |",
    ].join("\n");
    const sow =
      "1. Configure the kennel booking module. Accepted when 20 test bookings confirm.\nFixed implementation charge £56,100";
    const found = evidence({ order_form: order, signed_scope: sow }, "conflicting_terms");
    expect(found.sort()).toEqual([
      "Fixed implementation charge £56,100",
      "| Implementation Services (Schedule 2) | 1 | fixed | 61,500 |",
    ]);
  });
  it("leaves a row with a unit price and a different extension as it was, and reads a row of one's price once", () => {
    const money = (row: string) =>
      factsOf(buildContext({ ...base, order_form: ["| Item | Qty | Unit GBP | Total GBP |", row].join("\n") }))
        .filter((f) => f.kind === "money")
        .map((f) => f.value);
    expect(money("| Kennel tags | 4 | 1,500 | 6,000 |")).toEqual([]);
    // (since session 38: one item at 61,500 is 61,500, however many columns say so)
    expect([...new Set(money("| Implementation Services | 1 | 61,500 | 61,500 |"))]).toEqual([61500]);
  });
});

describe("session 37 families, a requirements matrix's own answer", () => {
  it("takes 'Not offered in this phase', 'Non-compliant' or 'Does not comply' in the row as a decline", () => {
    const cs = [
      "Req ID | Requirement | Compliance",
      "KW-21 | Live webcam feed of every kennel run | Not offered in this phase",
      "KW-22 | Pet insurance claims filed from the visit | Non-compliant",
      "KW-23 | Microchip registry lookups | Does not comply – registry closed to vendors",
    ].join("\n");
    const sow = "2.1 Configure the kennel booking diary. Accepted when 20 test bookings show on the day sheet.";
    expect(evidence({ signed_scope: sow, cs_requirement: cs, customer_promise: "" }, "promise_not_in_scope")).toEqual(
      [],
    );
  });
  it("still flags a requirement the row answers 'Comply' that the scope never sells", () => {
    const cs = ["Req ID | Requirement | Compliance", "KW-21 | Live webcam feed of every kennel run | Comply"].join(
      "\n",
    );
    const sow = "2.1 Configure the kennel booking diary. Accepted when 20 test bookings show on the day sheet.";
    expect(evidence({ signed_scope: sow, cs_requirement: cs, customer_promise: "" }, "promise_not_in_scope")).toEqual([
      "Live webcam feed of every kennel run",
    ]);
  });
});

describe("session 37 families, kinds of document and the length of one named phase", () => {
  it("counts '5 doc types' and 'seven document types' as the intake's scope and sets them against each other", () => {
    const sow = "Scope: inbox intake and splitting for 5 doc types — vaccination record, referral letter, lab result";
    const note = "[10:04] Priya: they're adding insurance forms and consent slips, so call it seven document types.";
    const found = evidence({ signed_scope: sow, kickoff_note: note }, "conflicting_terms");
    expect(found.length).toBe(2);
    expect(found.some((e) => e.includes("5 doc types"))).toBe(true);
  });
  it("compares one phase's length by the words that measure it ('a three-week wind-down', 'Wind-down (4 weeks…)')", () => {
    const sow = "one eight-week build, then a three-week wind-down. dates for the build confirmed by delivery.";
    const order = "Wind-down (4 weeks, Mar 2 – Mar 27) ......... 10 days @ $1,200/day = $12,000";
    const found = flags({ signed_scope: sow, order_form: order }, "conflicting_terms").map((f) => f.source);
    expect(found.sort()).toEqual(["order_form", "signed_scope"]);
  });
  it("leaves two lengths of different phases alone ('a three-week wind-down', 'Build (8 weeks)')", () => {
    const sow = "one eight-week build, then a three-week wind-down.";
    const order = "Build (8 weeks) ......... fixed fee $60,000";
    expect(flags({ signed_scope: sow, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 37 families, a count of one before a count in words", () => {
  it("reads 'one six-week cycle' as six weeks, and still adds 'twenty one' and 'three hundred forty-two'", () => {
    expect(parseNumberWords("one six")).toBe(6);
    expect(parseNumberWords("twenty one")).toBe(21);
    expect(parseNumberWords("three hundred forty-two")).toBe(342);
    expect(parseNumberWords("one hundred ten")).toBe(110);
  });
});

describe("session 37 families, a lettered section's procedure under a long Title Case heading", () => {
  const sow = [
    "Annex B – Statement of Work",
    "B.1 Background",
    "The Clinic runs 4 kennel blocks.",
    "B.4 Deliverables",
    "ID | Deliverable | Due | Acceptance",
    "D1 | Kennel map (B.3.1) | 2026-01-16 |",
    "D2 | Booking release (B.3.2) | 2026-03-20 | 20 test bookings confirm by SMS",
    "",
    "Basis of Payment",
    "Senior Developer (Level 3): $1,100.00/day × 40 days = $44,000.00",
    "",
    "Inspection and Acceptance by the Practice Director (PD)",
    "Each deliverable in B.4 is accepted on the PD's written sign-off within ten (10) working days of receipt; " +
      "one neither accepted nor rejected in that time is deemed accepted.",
  ].join("\n");
  it("reads the long Title Case line as the acceptance section's heading, not as a fee line", () => {
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 37 families, days bought at one daily rate", () => {
  it("sets a rate's days in the SOW ('$980.00 per diem × 45 days') against its row under 'Per diem | Days'", () => {
    const sow = [
      "1. Configure the kennel booking module. Accepted when 20 test bookings confirm.",
      "Basis of Payment",
      "Senior Vet-Systems Analyst (Level 3): $980.00 per diem × 45 days = $44,100.00",
      "Junior Tester (Level 1): $520.00 per diem, 30 days, $15,600.00",
    ].join("\n");
    const order = [
      "Resource category | Level | Per diem | Days | Total",
      "Senior Vet-Systems Analyst | 3 | $980.00 | 50 | $49,000.00",
      "Junior Tester | 1 | $520.00 | 30 | $15,600.00",
    ].join("\n");
    const found = flags({ signed_scope: sow, order_form: order }, "conflicting_terms");
    expect(found.map((f) => f.evidence).sort()).toEqual([
      "Senior Vet-Systems Analyst (Level 3): $980.00 per diem × 45 days = $44,100.00",
      "Senior Vet-Systems Analyst | 3 | $980.00 | 50 | $49,000.00",
    ]);
    expect(found[0].message).toMatch(/\b(?:45|50) days at 980 a day\b/);
  });
});

describe("session 37 families, services bought on the order form and the fee for the SOW's own work", () => {
  const sow = "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.";
  const cited = (order: string) => evidence({ signed_scope: sow, order_form: order }, "missing_acceptance_criteria");
  it("reads an import, a set-up or an audit bought on the order form that the SOW never names as a deliverable", () => {
    expect(cited("Legacy grooming-record import (2019–2026) ........ $4,800.00")).toEqual([
      "Legacy grooming-record import (2019–2026) ........ $4,800.00",
    ]);
    expect(cited("Post-launch pharmacy stock audit")).toEqual(["Post-launch pharmacy stock audit"]);
  });
  it("reads a fee line as the price of the SOW's work ('Setup fee', 'build (P2–P3) — fixed fee', 'lump sum')", () => {
    expect(cited("Setup fee: $12,000")).toEqual([]);
    expect(cited("Clinic set-up and configuration, Attachment 1 items 1–3 — $18,400.00")).toEqual([]);
    expect(cited("Configuration (lump sum): €11,900.00")).toEqual([]);
  });
});

describe("session 37 families, a later phase under its own order", () => {
  it("takes 'the boarding wing would follow in a second phase under its own order' as deferred, not promised", () => {
    const promise = "They were also told the boarding wing would follow in a second phase under its own order.";
    expect(evidence({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 37 families, a pitch's title and its byline", () => {
  it("keeps 'by <author> — signed <date>' on a line of its own, not as the title's wrapped tail", () => {
    const text = [
      "pitch: kennel check-in kiosk — owners stop queueing at the front desk for the morning drop-off",
      "by wren — signed jul 11, 2025",
      "owners queue at the front desk every morning and the kennel staff re-key every booking by hand.",
    ].join("\n");
    expect(logicalLines(text).map((l) => l.text)).toEqual(text.split("\n"));
  });
});

describe("session 38 families, a lower-case clause reference in an acceptance procedure", () => {
  it("scores a procedure for 'each deliverable listed in a.2' instead of failing the packet", () => {
    const sow = [
      "A. Kennel services",
      "a.2 Deliverables",
      "(a) Booking module configured for the 3 clinics.",
      "(b) Owner reminder templates.",
      "B. Acceptance",
      "this procedure applies to each deliverable listed in a.2: accepted when the clinic manager signs the test log.",
    ].join("\n");
    expect(() => scorePacket({ ...base, signed_scope: sow })).not.toThrow();
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 38 families, a count written as the whole and what a count's noun is", () => {
  const counts = (over: Partial<PacketText>) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.kind === "count")
      .map((f) => `${f.source} ${f.key} ${f.value}`);
  it("compares pages, teams or records when a side writes the whole ('all forty (40) pages', 'nine (9) Teams')", () => {
    const found = evidence(
      {
        signed_scope: "1. Rebuild twenty-five (25) booking-site pages to WCAG 2.1 AA. Accepted when the audit passes.",
        customer_promise: "The audit will cover all forty (40) pages of the booking site.",
      },
      "conflicting_terms",
    );
    expect(found).toHaveLength(2);
    expect(found.join(" ")).toMatch(/twenty-five \(25\)/);
    expect(found.join(" ")).toMatch(/forty \(40\)/);
    // (a bare figure before such a noun still measures something else: "3 rounds of review" counts no whole)
    expect(counts({ kickoff_note: "They get 3 rounds of review." })).not.toContain("kickoff_note count:round 3");
  });
  it("counts no people in 'all three loyalty tiers' and no place in 'On-site training, 4h | 6 | session'", () => {
    const said = counts({
      cs_requirement: "Reminder workflow live for all three loyalty tiers.",
      order_form: ["| Code | Item | Qty | Unit |", "| K-TRN | On-site training, 4h | 6 | session |"].join("\n"),
    });
    expect(said.filter((c) => c.startsWith("cs_requirement count:user"))).toEqual([]);
    expect(said.filter((c) => c.startsWith("order_form count:location"))).toEqual([]);
  });
  it("counts the people who 'will have the mobile app' as its users", () => {
    expect(counts({ customer_promise: "All 30 of your groomers will have the mobile app on their phones." })).toContain(
      "customer_promise count:user 30",
    );
  });
});

describe("session 38 families, a recording's header and a deemed-acceptance procedure for any deliverable", () => {
  it("reads the date in 'Loom — Priya → Sam (6 Nov), 02:05–02:40' as the clip's, not a delivery date", () => {
    const promise = 'Loom — Priya → Sam (6 Nov), 02:05–02:40\n"Owners book kennels online and get an SMS reminder."';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
    // (a date the clip itself promises is still judged)
    const dated = 'Loom — Priya → Sam (6 Nov), 02:05–02:40\n"Online kennel booking is live for you by 1 December."';
    expect(evidence({ customer_promise: dated }, "timeline_assumption")).not.toEqual([]);
  });
  it("takes 'Any Deliverable not so rejected is deemed accepted' as the regime of every deliverable", () => {
    const sow = [
      "2. DELIVERABLES",
      "2.1 a booking module configured for the three (3) clinics;",
      "2.2 owner reminder templates for SMS and e-mail;",
      "2.3 one (1) import of the existing kennel bookings.",
      "4. ACCEPTANCE",
      "4.1 Customer shall, within five (5) Business Days of notice, accept or reject a Deliverable in writing.",
      "4.2 Any Deliverable not so rejected is deemed accepted.",
      "4.3 The import under Section 2.3 conforms when every booking reconciles to the legacy diary.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
    // (a section that first says which items its procedure applies to keeps the others uncovered)
    const limited = sow.replace(
      "4. ACCEPTANCE\n",
      "4. ACCEPTANCE\nThis Section applies to Deliverables 2.1 and 2.3.\n",
    );
    expect(evidence({ signed_scope: limited }, "missing_acceptance_criteria")).toEqual([
      "owner reminder templates for SMS and e-mail;",
    ]);
  });
});

describe("session 38 families, a payroll's rhythm is not a billing cadence", () => {
  it("compares how often money is paid, not how often staff are paid", () => {
    const order_form = "Kennelwise Pro — 3 clinics — 12-month term, invoiced annually in advance";
    expect(
      flags(
        { order_form, signed_scope: "1. Configure two (2) pay groups (weekly kennel hands; biweekly vets)." },
        "conflicting_terms",
      ),
    ).toEqual([]);
    expect(
      flags({ order_form, customer_promise: "All three clinics paid weekly through Kennelwise." }, "conflicting_terms"),
    ).toEqual([]);
    // (a payment term is still one: "pay quarterly rather than upfront" against "invoiced annually in advance")
    expect(
      evidence({ order_form, kickoff_note: "I let them pay quarterly rather than upfront." }, "conflicting_terms"),
    ).toHaveLength(2);
  });
});

describe("session 38 families, prices a form writes without their sign and a clause's own kind of fee", () => {
  const sow = "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.";
  it("reads a bare '42,000.00' under a price column of a form priced in one currency as money", () => {
    const order_form = [
      "All prices in AUD, ex GST",
      "| Line | Description | Qty | Unit price | Net |",
      "| 1 | Kennel booking implementation (fixed price) | 1 | 42,000.00 | 42,000.00 |",
    ].join("\n");
    const found = evidence(
      { order_form, signed_scope: `${sow}\nImplementation fixed price: AUD 40,000.` },
      "conflicting_terms",
    );
    expect(found.join(" | ")).toMatch(/42,000\.00/);
    expect(found.join(" | ")).toMatch(/AUD 40,000/);
    // (the same figure on both sides is no conflict)
    expect(
      flags({ order_form, signed_scope: `${sow}\nImplementation fixed price: AUD 42,000.` }, "conflicting_terms"),
    ).toEqual([]);
  });
  it("prices 'subscription AUD 12,000 per annum, implementation fixed price AUD 40,000' fee by fee", () => {
    const signed_scope = `${sow}\nCharges: platform subscription AUD 12,000 per annum, implementation fixed price AUD 40,000.`;
    const order_form = "Kennelwise Pro subscription, annual — AUD 12,000\nImplementation (fixed price) — AUD 44,000";
    const found = evidence({ signed_scope, order_form }, "conflicting_terms");
    expect(found.join(" | ")).toMatch(/implementation fixed price AUD 40,000/);
    expect(found.join(" | ")).toMatch(/AUD 44,000/);
    expect(found.join(" | ")).not.toMatch(/12,000/);
  });
});

describe("session 38 families, a PWS's option periods and its award date", () => {
  it("keeps an option period's length apart from the base period's ('Option Periods … 12 months each')", () => {
    const signed_scope =
      "1. Configure kennel booking for 3 clinics. Accepted when 20 test bookings confirm.\nBase period of twenty-four (24) months from award.";
    const order_form = "Option Periods (subscription, 12 months each): CLIN 1001 $52,000.00, CLIN 2001 $54,000.00";
    expect(flags({ signed_scope, order_form }, "conflicting_terms")).toEqual([]);
  });
  it("reads 'Award 3/5.' in a capture debrief as the day the contract was won, not a promised date", () => {
    const kickoff_note = "Award 3/5. 4 offerors; won on the kennel-booking demo (live bookings on their own data).";
    expect(flags({ kickoff_note }, "timeline_assumption")).toEqual([]);
    const dated = factsOf(buildContext({ ...base, kickoff_note })).filter(
      (f) => f.source === "kickoff_note" && f.kind === "date",
    );
    expect(dated).toEqual([]);
  });
});

describe("session 38 families, a sales-side date the contract's schedule contradicts", () => {
  const signed_scope = [
    "1. Configure the kennel booking portal for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
    "Schedule (confirmed by delivery, 2 Jun 2026):",
    "Clinic configuration ......... 8 Sep – 18 Sep",
    "Kennel portal live ........... 21 Sep 2026",
  ].join("\n");
  it("labels the seller's date a timeline assumption as well as a conflict with the schedule", () => {
    const kickoff_note = [
      "Ana Ruiz, 30 Jul, 10:22",
      "I told their practice manager the kennel portal is up by Sep 8 so they can announce it at their open day",
      "Morgan Ibe, 30 Jul, 10:41",
      "portal date in the plan I confirmed is the 21st, not the 8th. let's talk",
    ].join("\n");
    expect(evidence({ signed_scope, kickoff_note }, "timeline_assumption")).toEqual([
      expect.stringContaining("kennel portal is up by Sep 8"),
    ]);
    expect(
      flags({ signed_scope, kickoff_note }, "conflicting_terms")
        .map((f) => f.source)
        .sort(),
    ).toEqual(["kickoff_note", "signed_scope"]);
  });
  it("leaves a note that only cites the confirmed schedule's date alone", () => {
    const kickoff_note = "Walked them through the confirmed schedule: the kennel portal goes live 21 Sep.";
    expect(flags({ signed_scope, kickoff_note }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 38 families, counts that are a part, a price or a length of time", () => {
  const places = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.key === "count:location")
      .map((f) => f.value);
  it("reads 'their top 8 clinics', 'Tranche 1 is 2 clinics' and 'the two clinics you're opening' as a part", () => {
    expect(
      places({ kickoff_note: "I promised a utilisation review for their top 8 clinics." }, "kickoff_note"),
    ).toEqual([]);
    expect(places({ kickoff_note: "Tranche 1 is 2 clinics live by 1 March." }, "kickoff_note")).toEqual([]);
    const promise = "We'll waive the set-up charge for the two clinics you're opening this autumn.";
    expect(places({ customer_promise: promise }, "customer_promise")).toEqual([]);
  });
  it("reads 'four thousand three hundred fifty a clinic' as a price, not 4,350 clinics", () => {
    expect(
      places({ kickoff_note: "Kennel lite is four thousand three hundred fifty a clinic per year." }, "kickoff_note"),
    ).toEqual([]);
  });
  it("counts months, not the thing described, in '| Back office, SaaS, year 1 | 12 | MO |'", () => {
    const order_form = [
      "| Line | Description | Qty | Unit | Price |",
      "| 3 | Kennel back office, SaaS, year 1 | 12 | MO | $2,450.00 |",
    ].join("\n");
    expect(places({ order_form }, "order_form")).toEqual([]);
  });
});

describe("session 38 families, a section's number, a length inside a definition and a count the deal left out", () => {
  const counts = (over: Partial<PacketText>, source: string) =>
    factsOf(buildContext({ ...base, ...over }))
      .filter((f) => f.source === source && f.kind === "count")
      .map((f) => `${f.key} ${f.value}`);
  it("reads 'Section 5311 clinics' as a section's clinics, not 5,311 of them", () => {
    const said = counts(
      { signed_scope: "Configure bookings for the twelve (12) Section 5311 clinics." },
      "signed_scope",
    );
    expect(said.some((c) => c.endsWith(" 5311"))).toBe(false);
    expect(said).toContain("count:location 12");
  });
  it("counts no staff in '\"Seasonal Staff\" means employees whose contracts cover ten (10) months'", () => {
    const sow = '"Seasonal Staff" means kennel employees whose contracts cover ten (10) months of service.';
    expect(counts({ signed_scope: sow }, "signed_scope")).toEqual([]);
  });
  it("takes 'the Leeds clinic (60 staff) wasn't in the deal' as explained", () => {
    const kickoff_note = "The Leeds clinic (60 staff) wasn't in the deal.";
    expect(counts({ kickoff_note }, "kickoff_note")).toEqual([]);
  });
});

describe("session 39 families, an answer that declines, defers or points at delivery's plan", () => {
  const sow =
    "2.1 Configure the kennel booking diary for the 3 clinics. Accepted when 20 test bookings show on the day sheet.";
  const pns = (note: string) => evidence({ signed_scope: sow, kickoff_note: note }, "promise_not_in_scope");
  it.each([
    "Marta asked for a grooming add-on; I said that's not in this one.",
    "They wanted pet insurance quotes in the app; told them it is not our product.",
    "Dog-walker tracking came up. I told him it's a no-go this cycle and he was fine.",
    "She asked about a loyalty card scheme, I said not this year.",
    "Omar asked for online grooming invoices; I told him invoices stay on paper for now.",
    "Vet-to-vet referrals in the portal would be a CR; told Omar so.",
    "Omar asked for a grooming planner too; I said kennel diary only, and he was happy with that.",
    "Told Marta the owner app goes live on 4 May, per Kofi's confirmed schedule.",
    "Told Omar the go-live dates come from delivery after the discovery week.",
  ])("does not flag %j as a new promise", (note) => {
    expect(pns(note)).toEqual([]);
  });
  it("still flags a new capability the seller agreed to", () => {
    expect(pns("I told Marta we'd add live webcam feeds of every kennel run.").length).toBe(1);
  });
});

describe("session 39 families, a task that names what it delivers, and a review-and-approval section", () => {
  const sow = [
    "SCOPE OF SERVICES",
    "TASK 1 — KENNEL DIARY",
    "1.1 Configure the kennel diary for the three clinics.",
    "1.2 Load 240 runs from the clinics' spreadsheets.",
    "Deliverable K1: Kennel Diary Configuration Workbook.",
    "TASK 2 — OWNER MESSAGES",
    "2.1 Set up vaccination reminder texts.",
    "2.2 Set up pickup-ready texts.",
    "Deliverables: 2.1 Reminder Template Pack; 2.2 Pickup Message Pack.",
    "TASK 3 — CUTOVER",
    "3.1 Move bookings to the new diary over one weekend.",
    "Deliverable K3: Cutover Log.",
    "REVIEW AND APPROVAL",
    "- K1: approved when 20 test bookings across the three clinics show on the day sheet.",
    "- 2.1: approved when each template sends to a test phone at every clinic.",
    "- 2.2: per Group sign-off.",
  ].join("\n");
  const missing = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
  it("judges the task's named deliverable, not the steps that make it", () => {
    expect(missing).not.toContain("Configure the kennel diary for the three clinics.");
    expect(missing).not.toContain("Move bookings to the new diary over one weekend.");
    expect(missing).toContain("Cutover Log.");
  });
  it("judges each id-led part of a 'Deliverables:' line by its own id, and a bare sign-off covers nothing", () => {
    expect(missing).not.toContain("2.1 Reminder Template Pack");
    expect(missing).toContain("2.2 Pickup Message Pack");
  });
  it("reads a 'Review and Approval' section as the acceptance procedure", () => {
    expect(sectionKind("REVIEW AND APPROVAL")).toBe("acceptance");
    expect(sectionKind("Approval of Deliverables")).toBe("acceptance");
    expect(missing).not.toContain("Kennel Diary Configuration Workbook.");
  });
  it("reads the number after 'Task' on a price row as the task's id, not a count", () => {
    const order = [
      "Item | Description | Unit | Qty | Unit Price | Extended",
      "3 | Task 3 Vehicle integration | Vehicle | 48 | $900.00 | $43,200.00",
    ].join("\n");
    const scope =
      "The Group runs 48 pet-taxi vans.\n3.1 Link the diary to the trackers in all 48 vans. Accepted when each reports.";
    expect(evidence({ signed_scope: scope, order_form: order }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 39 families, a diary's entry dates and where a history starts", () => {
  it("does not take a note's entry date or a migration's start year for a delivery date", () => {
    const note = [
      "6/10: they think they will need two more clinics on the diary eventually.",
      "6/12: told them the reminder texts come in the standard package.",
    ].join("\n");
    const cs = "Req | Detail\nR1 | Bookings since 1/1/2019 migrated";
    const found = evidence({ kickoff_note: note, cs_requirement: cs }, "timeline_assumption");
    expect(found).toEqual([]);
  });
  it("still flags a date the seller gave on a dated line", () => {
    const note = "6/12: told them the diary goes live at all three clinics on 7/15.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption").length).toBe(1);
  });
});

describe("session 39 families, a schedule's clause-wide procedure, milestones accepted by clause, and staffing", () => {
  const works = [
    "3. SERVICES",
    "3.1 The Supplier shall:",
    "3.1.1 configure the kennel diary for the three clinics;",
    "3.1.2 load the grooming price list; and",
    "3.1.3 set up the owner reminder texts.",
  ];
  it("takes 'Every Deliverable in clause 3.1 is subject to this clause 4' as covering 3.1.1, 3.1.2 …", () => {
    const sow = [
      ...works,
      "4. ACCEPTANCE",
      "4.1 Every Deliverable in clause 3.1 is subject to this clause 4.",
      "4.2 Within five (5) Working Days of a notice of readiness the Group shall sign an Acceptance Certificate or " +
        "list each failed test; if it does neither, the Deliverable is deemed accepted.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads '(a) Milestone 1 (Diary): clauses 3.1.1 to 3.1.2, achieved when …' as acceptance of those clauses", () => {
    const sow = [
      ...works,
      "4. ACCEPTANCE",
      "4.1 The Deliverables shall be accepted by Milestone as follows:",
      "(a) Milestone 1 (Diary): clause 3.1.1, achieved when every clinic has booked through the diary for 48 hours;",
      "(b) Milestone 2 (Prices and Texts): clauses 3.1.2 to 3.1.3, achieved on completion of the tests in Annex D.",
      "4.2 On achievement of a Milestone the Supplier shall issue a notice of readiness.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
    const kinds = documentOf(sow)
      .blocks.filter((b) => /Milestone|accepted by/.test(b.text))
      .map((b) => b.section.kind);
    expect(kinds).toEqual(["acceptance", "acceptance", "acceptance", "acceptance"]);
  });
  it("does not take a requirement its own next sentence excludes, or a note on staffing, for a promise", () => {
    const cs = [
      "1. RQ-1 Kennel diary for all three clinics. Owner: D. Amsel.",
      "2. RQ-2 Pet insurance claims. Raised by the Group; deferred to a later phase under its own order; not promised.",
      "3. RQ-3 Microchip registry lookups. Excluded; to be quoted separately.",
    ].join("\n");
    const note = "Nobody from delivery is named on this yet, I'm told resourcing is still looking.";
    expect(evidence({ cs_requirement: cs, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 39 families, hours a noun qualifies, a plan's horizon and a programme's own money", () => {
  it("counts no workshops in '40 workshop hours' and no clinics in '10 clinic days'", () => {
    const sow = "Hold two (2) half-day scenario workshops with the practice managers.";
    const note = "the 40 workshop hours at no charge went through deal desk; 10 clinic days of shadowing too.";
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "conflicting_terms")).toEqual([]);
  });
  it("takes 'three ten-year capital plan scenarios' for a plan's horizon, not the subscription's term", () => {
    const order = "Kennelwise subscription (12 months) | 1 | $9,000.00";
    const promise = "We will model three ten-year capital plan scenarios for the new kennels.";
    expect(evidence({ order_form: order, customer_promise: promise }, "conflicting_terms")).toEqual([]);
    const lengths = factsOf(buildContext({ ...base, customer_promise: promise }))
      .filter((f) => f.source === "customer_promise" && f.key.endsWith(":month"))
      .map((f) => f.value);
    expect(lengths).not.toContain(120);
  });
  it("reads '$4 million' as four million and a sum the customer is constrained to as no price", () => {
    const order = "Kennelwise subscription, per year | 1 | $62,000.00";
    const sow = "Scenarios are constrained at $4 million of capital a year.";
    expect(evidence({ order_form: order, signed_scope: sow }, "conflicting_terms")).toEqual([]);
    const money = factsOf(
      buildContext({ ...base, kickoff_note: "They signed the $1.2 million subscription per year." }),
    )
      .filter((f) => f.source === "kickoff_note" && f.key.startsWith("money:"))
      .map((f) => f.value);
    expect(money).toContain(1_200_000);
  });
});

describe("session 39 families, a day written as an ordinal word and a conversion's finish date", () => {
  it("reads 'the seventeenth of November' and 'the twenty-first of June' as days", () => {
    expect(dateMentions("live by the seventeenth of November").map((d) => d.key)).toEqual(["11-17"]);
    expect(dateMentions("on the twenty-first of June, 2026").map((d) => d.key)).toEqual(["06-21"]);
    expect(dateMentions("the first of March").map((d) => d.key)).toEqual(["03-01"]);
  });
  it("sets a note's 'the conversion will be done by April 30' against the schedule's conversion date", () => {
    const sow = [
      "SCHEDULE",
      "Confirmed by the delivery lead on 1/28/2026:",
      "- Kickoff: February 23, 2026",
      "- Kennel records conversion complete: June 12, 2026",
    ].join("\n");
    const note = "Told the practice manager the conversion will be done by April 30, 2026.";
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "conflicting_terms").length).toBe(2);
  });
});

describe("session 39 families, what a promise leaves out, splits the other way, or credits", () => {
  const sow =
    "2.1 Configure the kennel booking diary for the 3 clinics. Accepted when 20 test bookings show on the day sheet.";
  it.each([
    "Everything else, grooming and the shop, stays out of this phase.",
    "We aren't touching your website or the card machines.",
    "Loyalty stamps come later, on a separate order.",
    "Invoices stay where they are today.",
    "— Marta, email 4 Feb",
  ])("does not take %j in the customer promise for a new promise", (promise) => {
    expect(evidence({ signed_scope: sow, customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
  });
  it.each([
    "Card terminals: customer keeps its own contract with the bank, we only configure them.",
    "Told Omar the phone system stays with their telecoms vendor; we only handle bookings.",
  ])("does not take a work split the other way, %j, for a promise", (note) => {
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 40 families, counts that are dates, rates, seats to sit in or storage", () => {
  it("counts nothing in a label followed by a date or a length ('Depot set-up: 14 Mar', 'Depot tags: 5-day checks')", () => {
    const got = facts({ signed_scope: "Depot set-up: 14 Mar 2027\nDepot tags: 5-day checks and handover" });
    expect(got.filter((f) => f.startsWith("signed_scope:count"))).toEqual([]);
  });
  it("reads no date in 'covered by 4.2' (a clause), but still reads 'live by 4.2'", () => {
    expect(dateMentions("Single sign-on for vets — covered by 4.2").filter((d) => d.key)).toEqual([]);
    expect(dateMentions("Booking diary live by 4.2.").filter((d) => d.key)).toHaveLength(1);
  });
  it("counts a list line's quantity given last ('— qty 18') as what the line sells", () => {
    const got = facts({
      order_form: "Line 1. Kennelwise Desk Seat (front office) — qty 18\nLine 2. Clinic site licence, qty 4",
    });
    expect(got).toContain("order_form:count:user=18");
    expect(got).toContain("order_form:count:location=4");
  });
  it("reads '450 TB' and 'three hundred (300) terabytes' as storage, and 'Mar 2027 TB' as no storage", () => {
    expect(facts({ order_form: "Archive tier — 450 TB" })).toContain("order_form:count:terabyte=450");
    expect(facts({ signed_scope: "Archive of three hundred (300) terabytes." })).toContain(
      "signed_scope:count:terabyte=300",
    );
    expect(facts({ signed_scope: "Mar 2027 TB ties to the old ledger." }).join()).not.toMatch(/terabyte/);
  });
  it("counts no total in a rate for each place ('thirty nurse logins per ward')", () => {
    expect(facts({ cs_requirement: "thirty nurse logins per ward (see 3.2)" }).join()).not.toMatch(/count:user/);
  });
  it("counts no users in the seats of a coach or a room ('a coach of 52 seats', '120 seats in the lecture room')", () => {
    const got = facts({
      kickoff_note: "Each trip is a coach of 52 seats. The venue has 120 seats in the lecture room.",
    });
    expect(got.join()).not.toMatch(/count:user/);
  });
  it("counts nothing in an addition ('an extra 20 users at no charge', 'Extra 15 TB')", () => {
    const got = facts({ cs_requirement: "Extra 15 TB of archive at no charge; an extra 20 users at no charge" });
    expect(got.join()).not.toMatch(/terabyte|count:user/);
  });
  it("counts no people in lists ('the two old member lists (about 2,100 accounts)')", () => {
    expect(
      facts({ signed_scope: "Merge the two old member lists (about 2,100 accounts between them)." }).join(),
    ).not.toMatch(/count:user/);
  });
  it("reads a kickoff meeting's date as the kickoff ('project kickoff meeting 2027-03-08')", () => {
    const sow = "Schedule confirmed by the delivery lead: project kickoff meeting 2027-03-08; go-live 2027-05-10.";
    expect(facts({ signed_scope: sow })).toContain("signed_scope:date:kickoff=308");
  });
});

describe("session 40 families, concessions in other words and documents that are no concession", () => {
  it.each([
    "I said they can walk away after 60 days with no exit fee if the vets hate it.",
    "We'll hold the first licence invoice until their budget year opens in April.",
  ])("flags %j as a scope exception", (note) => {
    expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it.each([
    ["cs_requirement", "Invoices and credit notes post to the clinic ledger overnight."],
    ["customer_promise", "Refund history and visit history move across with the bookings."],
  ] as const)("does not take %s %j for a concession", (field, text) => {
    expect(evidence({ [field]: text }, "scope_exception")).toEqual([]);
  });
  it("does not date a concession's window ('to be used within 60 days of go-live')", () => {
    const desk = "Approved by the desk: 5 training hours at no charge, to be used within 60 days of go-live.";
    expect(evidence({ deal_desk_exception: desk }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 40 families, a letter's opening, its dated header, and the prose around a scope", () => {
  it.each(["Priya, confirming what we covered on Monday.", "Everything else stays as quoted."])(
    "does not take %j in the customer promise for a promise",
    (promise) => {
      expect(evidence({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
    },
  );
  it("does not take an e-mail's dated header ('email 2026-04-02, subject …') for a deadline", () => {
    const promise = 'Lena Ortiz to the practice board, email 2026-04-02, subject "Launch":\nBookings confirmed by SMS.';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("takes no deliverable from untitled prose above a titled list of requirements", () => {
    const sow = [
      "CLINIC GROUP – SOW",
      "Kennelwise Starter is our fixed-price package for single-site practices with up to 4 desk users.",
      "About the practice",
      "Harbour Vets is a two-partner practice doing small-animal work around the estuary.",
      "Requirements",
      "R1 Booking diary for the main surgery. Done when 20 test bookings show on the day sheet.",
      "R2 SMS reminders for vaccinations. Done when a test reminder reaches three staff phones.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a two-column table without outer bars whose rows are lettered ('A. Diary (2.1) | …')", () => {
    const sow = [
      "2. Requirements",
      "2.1 Booking diary for both surgeries.",
      "2.2 Vaccination reminders by SMS.",
      "3. Deliverables and acceptance",
      "Deliverable | Accepted when",
      "A. Booking diary (2.1) | twenty test bookings show on each surgery's day sheet",
      "B. Vaccination reminders (2.2) | a test reminder reaches three staff phones",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 40 families, which figure a line means", () => {
  it("counts what a labelled figure's own noun names, not the label ('Clinic staff training: two recorded webinars')", () => {
    expect(facts({ signed_scope: "Clinic staff training: two recorded webinars." }).join()).not.toMatch(/location=2/);
  });
  it("reads the price now in 'reduced to $41,500 (from $46,000)'", () => {
    const got = facts({ deal_desk_exception: "Desk note: implementation reduced to $41,500 (from $46,000)." });
    expect(got).toContain("deal_desk_exception:money:services=41500");
    expect(got.join()).not.toMatch(/=46000/);
  });
  it("counts users, not places, on a licence line for a place-named product ('Clinic app, vet licence | 14')", () => {
    const order =
      "| SKU | Description | Qty | Price |\n|---|---|---|---|\n| KW-APP | Clinic app, vet licence | 14 | $2,100.00 |";
    expect(facts({ order_form: order })).toContain("order_form:count:user=14");
  });
  it("sets 'all five clinics live from 15 September' against the last go-live of a phased plan", () => {
    const sow = [
      "Schedule (approved by the delivery lead):",
      "- Wave 1 (Harbour, Quay) go-live 2027-09-01",
      "- Wave 2 (Mill, Ridge, Ford) go-live 2027-10-20",
    ].join("\n");
    const order_form = "Kennelwise Pro — 5 clinics — 12-month term";
    const promise = "All five clinics live on Kennelwise from 15 September 2027.";
    expect(evidence({ signed_scope: sow, order_form, customer_promise: promise }, "conflicting_terms")).toHaveLength(2);
    const kept = "All five clinics live on Kennelwise by 20 October 2027.";
    expect(evidence({ signed_scope: sow, order_form, customer_promise: kept }, "conflicting_terms")).toEqual([]);
  });
});

describe("session 40 families, holidays by their day, revenue thresholds, customer roles and stories under epics", () => {
  it("lets a go-live on 24 November meet 'live before Thanksgiving' (the fourth Thursday falls as late as the 28th)", () => {
    const sow = "Schedule approved by the delivery lead: go-live 11/24.";
    const note = "Told the practice manager we'd be live before Thanksgiving.";
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "conflicting_terms")).toEqual([]);
    const late = "Schedule approved by the delivery lead: go-live 12/2.";
    expect(evidence({ signed_scope: late, kickoff_note: note }, "conflicting_terms")).toHaveLength(2);
  });
  it("reads no price in a revenue threshold ('for a clinic account under $15k ARR')", () => {
    const desk = "DD-31 approved: waive the $1,800 setup fee for a clinic account under $15k ARR.";
    const got = factsOf(buildContext({ ...base, deal_desk_exception: desk })).map((f) => `${f.key}=${f.value}`);
    expect(got.join()).not.toMatch(/=15000/);
  });
  it.each(["Customer-side admin: Orla Brennan.", "Client invoice approver: TBD (the group names one)"])(
    "takes %j in the CS requirements for a role, not a promise or a vague deliverable",
    (cs) => {
      expect(evidence({ cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
      expect(evidence({ cs_requirement: cs }, "ambiguous_deliverable")).toEqual([]);
    },
  );
  it("reads 'E1-2' as a story's id under epic E1, its Given/When/Then as its acceptance", () => {
    const sow = [
      "E1 Bookings",
      "E1-1  As a receptionist, I want to book a kennel run by phone. Given a free run, When I save, Then it shows on the day sheet.",
      "E1-2  Kennel card printed for each stay.",
    ].join("\n");
    const missing = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
    expect(missing.join()).not.toMatch(/book a kennel run/);
    expect(missing.join()).toMatch(/Kennel card printed/);
    expect(documentOf(sow).blocks.find((b) => b.text.startsWith("E1-2"))?.ids).toEqual(["E1.2"]);
  });
});

describe("session 40 families, a window's opening day, a discount on top, a refused term, an ask, a non-promise", () => {
  it("sets a note's 'the booking window opens March 2' against the plan's 'Booking window opens — 2027-03-16'", () => {
    const sow = "Plan approved by the delivery lead:\n- Booking window opens — 2027-03-16\n- Go-live 2027-04-01";
    const cs = "Told the group the booking window opens March 2.";
    expect(evidence({ signed_scope: sow, cs_requirement: cs }, "conflicting_terms")).toHaveLength(2);
  });
  it("takes 'I knocked another 5% off' for a new concession, not the order form's 10% restated", () => {
    const over = {
      order_form: "Kennelwise Pro — 3 clinics — 12-month term\nSubscription discount 10%",
      deal_desk_exception: "10% subscription discount approved.",
      kickoff_note:
        "The 10% is on the form; separately I knocked another 5% off the setup when their owner pushed back.",
    };
    expect(evidence(over, "scope_exception")).toHaveLength(1);
    expect(evidence(over, "conflicting_terms")).toEqual([]);
  });
  it("reads no payment term in one the desk refused ('the desk said no to net-75')", () => {
    const note = "On payment: the desk said no to net-75, so it stays as quoted.";
    const got = factsOf(buildContext({ ...base, kickoff_note: note })).map((f) => f.key);
    expect(got).not.toContain("payment:net-days");
  });
  it("does not take a reported question ('asked whether we could be live by Easter') for a promised date", () => {
    expect(
      evidence({ kickoff_note: "The owner asked whether we could be live by Easter." }, "timeline_assumption"),
    ).toEqual([]);
    expect(
      evidence(
        { kickoff_note: "She asked if we could be live by Easter and I said yes, easily." },
        "timeline_assumption",
      ),
    ).toHaveLength(1);
  });
  it("does not take 'I wasn't promising any' for a promise", () => {
    const note = "I told her delivery sets the dates and I wasn't promising any, which she accepted.";
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("takes no deliverable from a 'Working agreements:' line", () => {
    const sow = [
      "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "Working agreements: sprint review every other Tuesday; the practice manager ranks the backlog.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 40 families, the contract's machinery and bounded on-site help are no deliverables to accept", () => {
  it.each([
    "The order is governed by the master terms as amended by Annex 2, which prevail in any conflict.",
    'In this schedule, "Kennelwise" means the booking platform licensed under the order form.',
    "On-site launch week: one consultant at the main surgery for five business days, travel at cost.",
  ])("takes no missing acceptance from %j", (line) => {
    const sow = `1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.\n${line}`;
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 40 families, what is left of a statement another check took", () => {
  it("takes no promise from the reason after a dated promise ('…, so their vets can take leave')", () => {
    const note = "I said hypercare wraps up by Easter, so their vets can take leave over the spring holidays.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 40 families, 'full' as a whole period or a state, not a vague scope", () => {
  it.each([
    "Run the new diary beside the paper book for one full booking cycle before go-live.",
    "Reception sees how full each kennel block is before confirming a stay.",
  ])("takes no vague deliverable from %j", (line) => {
    expect(vagueHit(line)).toBeNull();
  });
  it("still takes 'full integration with the practice system' for vague", () => {
    expect(vagueHit("Full integration with the practice management system.")?.text.toLowerCase()).toBe("full");
  });
});

describe("session 41 families, an acceptance regime told over two sentences, and what a story's own line says", () => {
  const stories = [
    "Backlog",
    "E1 Boarding",
    "  1.1 Owners book a kennel run online and see the nightly rate.",
    "  1.2 Reception prints a kennel card for each stay.",
    "E2 Billing",
    "  2.1 Stays are invoiced from the diary at checkout.",
  ].join("\n");
  it("covers every story when the unit is quantified in one sentence and deemed accepted in the next", () => {
    const sow = [
      stories,
      "Acceptance",
      "Kennelwise hands each epic over on the staging site with a release note. The practice manager answers in " +
        "writing within 5 business days; an epic with no answer by then is deemed accepted. In addition, 2.1 is " +
        "accepted only when one week of invoices matches the till.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
    // (after criteria that name their items, the same procedure is how those criteria are applied)
    const named = [
      stories,
      "Acceptance",
      "1.1 is accepted when 10 test bookings show the right nightly rate.",
      "The practice accepts or rejects each epic in writing within 5 business days. An epic not rejected by then is " +
        "deemed accepted.",
    ].join("\n");
    const got = evidence({ signed_scope: named }, "missing_acceptance_criteria");
    expect(got.some((e) => e.includes("kennel card"))).toBe(true);
    expect(got.some((e) => e.includes("nightly rate"))).toBe(false);
  });
  it("reads 'every feature above' as the whole backlog", () => {
    const sow = [
      "Feature list",
      "F1 Kennel diary with drag-and-drop stays.",
      "F2 Vaccination reminders by text.",
      "How work is accepted",
      "Every feature above is demonstrated on the practice's own data at the end of its sprint. A feature with no " +
        "defects listed within 3 business days is deemed accepted. F2 also needs 20 reminders sent in a test run.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("flags a story whose own line is only 'AC: per customer sign-off'", () => {
    const sow = [
      "Backlog",
      " K1. As a receptionist, I want kennel cards in the practice's colours.",
      "     AC: Per customer sign-off.",
      " K2. As a vet, I want vaccination due dates on the stay screen.",
      "     AC: Given a dog due a booster, when its stay opens, then the due date shows in red.",
    ].join("\n");
    const got = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("kennel cards");
  });
  it("takes no regime from a Definition of Done the team keeps for itself", () => {
    const sow = [
      "Backlog",
      " K1. As a receptionist, I want kennel cards printed at check-in.",
      " K2. As a vet, I want due dates on the stay screen.",
      "     Acceptance: Given a dog due a booster, when its stay opens, then the due date shows in red.",
      "Definition of Done (Kennelwise internal): peer-reviewed config, demo at sprint review. It is our own " +
        "checklist, not the practice's acceptance.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria").join()).toContain("kennel cards");
  });
});

describe("session 41 families, the prose, plans and working rules around a scope are no deliverables", () => {
  it("takes no deliverable from the preamble under a document's title, above grouped items", () => {
    const sow = [
      "Statement of Work KW-77 (signed 2026-02-02)",
      "Harbour Vets boards dogs, cats and rabbits for owners across the estuary, and runs a grooming room for regulars.",
      "About 900 pets; each one carries vaccination and worming records.",
      "Phase 1 — Boarding",
      "  K-101 Kennel diary for the boarding block. Acceptance: 20 test stays show on the day sheet.",
      "  K-102 Kennel cards printed at check-in. Acceptance: a card prints within 10 seconds of check-in.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a release plan approved with a name and a date as a schedule, and its lines as no work", () => {
    const sow = [
      "Backlog",
      "  1. Kennel diary. Accepted when 20 test stays show on the day sheet.",
      "Release plan — approved by Ola Brandt (Kennelwise Delivery), 2026-03-02",
      "  R1 Harbour   Sprints 1–2   2026-03-09 → 2026-04-03   go-live HBR 2026-04-06",
      "  R2 Quayside  Sprints 3–4   2026-04-06 → 2026-05-01   go-live QSD 2026-05-04",
      "  Phase 2 dates will be set by the delivery owner once R2 is live.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
    expect(facts({ signed_scope: sow })).toContain("signed_scope:date:golive=406");
  });
  it("takes no deliverable from a 'What … delivers' preamble, 'Working arrangements' or a timetable's rows", () => {
    const sow = [
      "Harbour Vets kept its boarding records on paper cards from 1990 to 2020.",
      "What Kennelwise delivers",
      "W1. Imaging of all 4,000 cards. Accepted when a 100-card sample has no unreadable image.",
      "W2. A one-off import file. Accepted when the test import reports no rejected rows.",
      "Working arrangements: the cards stay in the practice office, where Kennelwise sets up one scanning desk.",
      "2.3 Timetable (confirmed by Kennelwise Delivery, 4 March 2026)",
      "| Stage | From | To |",
      "|---|---|---|",
      "| Set-up in the practice office | 2026-04-06 | 2026-04-08 |",
      "| Scanning, cards A–M | 2026-04-09 | 2026-05-29 |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes support bounded by 'the first month after go-live' as bounded", () => {
    const sow =
      "1. Kennel diary. Accepted when 20 test stays show on the day sheet.\n" +
      "Also included: onboarding support for the night staff during the first month after go-live.";
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 41 families, lengths, order lines, free work and refusals in other words", () => {
  it("compares the contract's hosting term with the order line's hosting length", () => {
    const got = flags(
      {
        signed_scope: "1. Host the kennel photos in Kennelwise Cloud for a 24-month hosting term. Accepted on upload.",
        order_form: "KW-HST | Kennelwise Cloud hosting, 2 TB, 36 months | 36 | £40.00",
      },
      "conflicting_terms",
    );
    expect(got.map((f) => f.source).sort()).toEqual(["order_form", "signed_scope"]);
  });
  it("counts no views in an order line that sells a count of photos with two views each", () => {
    const got = facts({
      order_form: [
        "| Line | SKU | Description | Qty | Unit price | Total |",
        "|---|---|---|---|---|---|",
        "| N2 | KW-IMG2 | Pet photography, 2 views | 4,800 | £2.50 | £12,000.00 |",
      ].join("\n"),
    });
    expect(got).not.toContain("order_form:count:view=4800");
  });
  it.each([
    "I said we'd cover the council's licence inspection fee.",
    "To get it signed I gave them an extra 30 hours of diary set-up on top of the quote.",
    "I told him he can pay the set-up in three monthly chunks, May to July.",
  ])("flags %j as a scope exception, not a promise", (note) => {
    expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it.each([
    "They asked about grooming rotas — told them firmly no, that's the groomer's own job.",
    "She asked about a cattery diary, told her not in this project, maybe next year.",
    "Fewer missed boosters is the practice's goal; we support it with reminders, we don't guarantee it.",
    "He wanted dates for the second surgery; I told him you'd set the calendar at Sprint 0.",
  ])("reads %j as a refusal or a non-promise", (line) => {
    expect(DECLINED.test(line) || NOT_A_PROMISE.test(line)).toBe(true);
  });
  it("reads a sign-off by first name after a dash as no part of a requirement", () => {
    const cs = "Kennel diary shows the duty vet's extension, never a mobile number — Tobias Ferreira";
    const got = evidence(
      { cs_requirement: cs, signed_scope: base.signed_scope + " Shows the duty vet's extension." },
      "promise_not_in_scope",
    );
    expect(got).toEqual([]);
  });
  it("takes no promise or deadline from a message's header line ('Email, Jo → Sam and Al, 1/23/2026')", () => {
    const promise =
      'Email, Jo Hart → Sam Lee and Al Moss, 1/23/2026 16:05\n"Thanks both. Kennel bookings confirmed by SMS."';
    expect(evidence({ customer_promise: promise }, "promise_not_in_scope")).toEqual([]);
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
});

describe("session 41 families, nobody named in other words, rates that carry over and dates that date a paper", () => {
  it.each([
    ["cs_requirement", "Vaccine import: who on the Kennelwise side runs it with the vets? Not decided."],
    ["kickoff_note", "Someone has to agree kennel access with the landlord - nobody's got that yet, ours or theirs."],
  ] as const)("flags %s %j as unowned", (field, text) => {
    expect(evidence({ [field]: text }, "unowned_requirement")).toHaveLength(1);
  });
  it("flags a table row whose owner cell says 'nobody named yet on either side'", () => {
    const sow = [
      "1. Configure the kennel booking module for 3 clinics. Accepted when 20 test bookings confirm by SMS.",
      "| Task | Due | Owner |",
      "|---|---|---|",
      "| Fire check of the kennel block before staff enter | - | nobody named yet on either side |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "unowned_requirement")).toHaveLength(1);
  });
  it("flags 'the 15% multi-year rate applies' on a one-year order as a concession", () => {
    const note = "Dana has been told the 15% multi-year rate applies even though this is a one-year order.";
    expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it.each([
    "I said the delivery lead would set the turnaround at the pilot, not me.",
    "I was clear that delivery sets the dates after the site visit and nothing is promised for the open day.",
  ])("reads %j as no promise of a date", (line) => {
    expect(DECLINED.test(line) || NOT_A_PROMISE.test(line)).toBe(true);
  });
  it("takes no deadline from the month that dates a paper quoted under a section title", () => {
    const promise =
      'Ruth Pike\'s paper to the practice board (December 2026), section "What we are buying":\n"Kennel bookings confirmed by SMS."';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("leaves payments spread over quarters to the commercial checks, not the promise check", () => {
    expect(evidence({ customer_promise: "Payments are spread across four quarters." }, "promise_not_in_scope")).toEqual(
      [],
    );
  });
});

describe("session 41 families, section titles in Scandinavian, placeholder rows and summaries", () => {
  it("reads 'Leveranser', 'Godkjenning', 'Fremdrift' and 'Forutsetninger' as the sections they name", () => {
    const sow = [
      "SOW KW-12 — Fjellvik Dyreklinikk AS — Kennelwise",
      "Fjellvik runs two clinics and a boarding kennel outside Tromsø. It has about 30 staff.",
      "Leveranser",
      "1) Kennel diary for both clinics.",
      "2) Import of the old booking book.",
      "Godkjenning",
      "Deliverable 1: 20 test stays show on the day sheet.",
      "Deliverable 2: every booking of 2026 is in the diary.",
      "Fremdrift",
      "Oppstart 15/02/2027 · diary live 12/04/2027",
      "Forutsetninger",
      "The clinic exports the booking book as a spreadsheet.",
    ].join("\n");
    expect(sectionKind("Leveranser")).toBe("deliverables");
    expect(sectionKind("Godkjenning")).toBe("acceptance");
    expect(sectionKind("Fremdrift")).toBe("schedule");
    expect(sectionKind("Forutsetninger")).toBe("assumptions");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("leaves an item whose row in the acceptance table is only 'TBD' or 'As agreed' without acceptance", () => {
    const sow = [
      "2. Deliverables",
      "2.1 Kennel diary for both clinics.",
      "2.2 Import of the old booking book.",
      "3. Acceptance",
      "| Deliverable | Criterion |",
      "|---|---|",
      "| 2.1 | 20 test stays show on the day sheet |",
      "| 2.2 | TBD |",
    ].join("\n");
    const got = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("booking book");
  });
  it("takes no deliverable from a scope summary's prose above its list, nor from an 'In scope' label", () => {
    const sow = [
      "Scope summary",
      "Harbour Vets runs three surgeries on the estuary. Kennelwise replaces the paper booking book at all three.",
      "In scope",
      "1. Kennel diary for the three surgeries. Accepted when 20 test stays show on the day sheet.",
      "2. Reminder texts. Accepted when 10 test reminders arrive.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes no deliverable from an order form's total or a subscription priced per annum", () => {
    const form = [
      "KW-DIARY | Kennelwise diary set-up pack p.a. — 1 × 4,800 = 4,800",
      "Total fixed: 12.500,00 + configuration hours as used",
    ].join("\n");
    expect(evidence({ order_form: form }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 41 families, figures in other languages and other columns", () => {
  it.each([
    [
      {
        signed_scope: base.signed_scope + "\nUser set-up: Kennelwise creates 35 user accounts.",
        order_form: "KW-USR | Named users | 25 | incl.",
      },
      "users",
    ],
    [
      {
        signed_scope: base.signed_scope + "\nCapacitación: 3 sesiones de 4 horas.",
        cs_requirement: "5 training sessions for the clinic teams.",
      },
      "sessions",
    ],
    [
      {
        signed_scope: base.signed_scope + "\nBooking data is kept and queryable for 5 years.",
        customer_promise: "All booking data stored and searchable for 10 years.",
      },
      "months",
    ],
    [
      {
        order_form: "OF KW-0091 | Plazo: 24 meses | CLP",
        customer_promise: "Propuesta (extracto): «Contrato por 36 meses»",
      },
      "months",
    ],
  ] as const)("sets the two figures against each other (%#)", (over, unit) => {
    const got = flags(over, "conflicting_terms");
    expect(got).toHaveLength(2);
    expect(got[0].message).toContain(unit);
  });
  it.each([
    ["kickoff_note", "Import de vacunas: ¿quién la lleva de nuestro lado? TBD."],
    ["cs_requirement", "Kennelwise owner: ikke udpeget endnu."],
  ] as const)("flags %s %j as unowned", (field, text) => {
    expect(evidence({ [field]: text }, "unowned_requirement")).toHaveLength(1);
  });
  it("flags a scope line whose owner is 'to be named', a dotted system name between", () => {
    const sow = base.signed_scope + "\nOwner for the Visma.net integration on our side: to be named.";
    expect(evidence({ signed_scope: sow }, "unowned_requirement")).toHaveLength(1);
  });
});

describe("session 41 families, bylines, courtesies and past stories in a quoted promise", () => {
  it.each([
    "Call transcript, 11 June 2026 - Ana Ruiz (Harbour Vets), Ben Ode (Kennelwise)",
    "Ana Ruiz and Ben Ode, 18 September 2026",
    "Practice website (answers drafted by Kennelwise, March 2027)",
  ])("takes the byline %j for no deadline", (line) => {
    const promise = `${line}\n"Kennel bookings confirmed by SMS."`;
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it.each([
    "It was lovely to meet you and the team.",
    "Just reply to this email to confirm and we'll sort it.",
    "Last year the owners queued at the desk while reception rang round the kennels.",
    "That's a separate piece and I'd want to scope it properly.",
  ])("takes no promise from %j", (line) => {
    expect(evidence({ customer_promise: line }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 41 families, names, defined terms and counts in full are not vague", () => {
  it("takes no vague word from a proper name, a term its initials define or a count in full, but still from the rest", () => {
    const named = [
      "Fully automatic check-in (FAC) with printed kennel cards",
      "The standard stay summary report (report KW-SS1) after each stay",
      "Stay results by class, including the Working Dog Full Kit class",
      "We'll order the full 2,000 kennel tags so you're never short",
    ];
    expect(named.map((line) => vagueHit(line))).toEqual([null, null, null, null]);
    expect(vagueHit("Full integration with the practice system (PMS)")?.text).toBe("Full");
  });
});

describe("session 41 families, distances, offsets from an event and what each one has", () => {
  it("reads '1,500 m' as metres, not a billion and a half", () => {
    expect(facts({ signed_scope: "Timing mats at the 500 m, 1,000 m and 1,500 m marks." }).join()).not.toMatch(
      /=1500000/,
    );
  });
  it("does not set 'two weeks before the show' against 'seven weeks before the show' for other work", () => {
    const got = flags(
      {
        cs_requirement: "Class lists set by the show secretary and loaded two weeks before the Show",
        deal_desk_exception: "Approved: entries close seven weeks before the Show.",
      },
      "conflicting_terms",
    );
    expect(got).toEqual([]);
  });
  it("counts no total in what each one has ('pace for each of their three legs')", () => {
    expect(facts({ customer_promise: "Owners see pace for each of their three walks." }).join()).not.toMatch(
      /count:walk/,
    );
  });
});

describe("session 41 families, a drafter's open lists, capital titles with an article, holds and costs we carry", () => {
  it.each([
    "2.3 Kennel-card printing at such additional desks as the Practice may designate from time to time.",
    "2.4 Integration with such booking platforms as the Practice uses.",
  ])("takes %j for vague", (line) => {
    expect(vagueHit(line)?.text.toLowerCase()).toMatch(/^such /);
  });
  it("reads '2. THE SERVICES' as the heading of the services", () => {
    const sow = [
      "1. INTERPRETATION",
      '1.1 "Stay" means a night in a kennel run.',
      "1.2 Words in the singular include the plural.",
      "2. THE SERVICES",
      "2.1 Kennel diary for the three surgeries.",
      "2.2 Reminder texts for vaccinations.",
    ].join("\n");
    expect(documentOf(sow).blocks.find((b) => b.text.startsWith("2.1"))?.section.kind).toBe("scope");
  });
  it.each([
    "We'll hold the 2027 per-night and kennel-card rates for the 2028 season too.",
    "The Practice's 2027 per-stay fee of $1.85 is held for the 2028 season.",
    "Don't worry about the rush shipping on the first tags, we'll cover it.",
  ])("flags %j as a scope exception", (line) => {
    expect(evidence({ customer_promise: line }, "scope_exception")).toHaveLength(1);
  });
  it("takes no concession from discounts the system applies to the customer's own buyers", () => {
    const promise = "Online booking opens for members, with loyalty discounts applied automatically at checkout.";
    expect(evidence({ customer_promise: promise }, "scope_exception")).toEqual([]);
  });
  it("flags 'Who's configuring the kennel scanners? No one on our side has it yet.' as unowned", () => {
    const note = "Who's configuring the kennel scanners for the night desk? No one on our side has it yet.";
    expect(evidence({ kickoff_note: note }, "unowned_requirement")).toHaveLength(1);
  });
  it("sets 'live in both stores by March 1' against 'published to the Apple and Google app stores: 29 March'", () => {
    const got = flags(
      {
        signed_scope: base.signed_scope + "\nKennel app published to the Apple and Google app stores: 29 March 2027",
        kickoff_note: "I told Deb we'd have the app live in both stores by March 1.",
      },
      "conflicting_terms",
    );
    expect(got.map((f) => f.source).sort()).toEqual(["kickoff_note", "signed_scope"]);
  });
});

describe("session 41 families, renewals, amounts before labels, part-timers and acceptance on silence", () => {
  it("reads a renewal's additional term as no base term, and the cents of an amount as no length", () => {
    const got = facts({
      signed_scope:
        "This Agreement has a base term of thirty-six (36) months, renewable for one additional twenty-four (24) month term.",
      order_form: "Year 1: $87,660.00    Year 2 (subscriptions): $28,620.00",
    });
    expect(got).toContain("signed_scope:term:month=36");
    expect(got).not.toContain("signed_scope:term:month=24");
    expect(got.join()).not.toMatch(/order_form:\w+:month=/);
  });
  it("counts no total in 'Two vets are part-time and share a tablet'", () => {
    expect(
      facts({ cs_requirement: "Two vets are part-time and share a tablet on alternate weeks." }).join(),
    ).not.toMatch(/count:vet/);
  });
  it("covers the items of a group when each item in it is accepted on silence", () => {
    const sow = [
      "B3. Work.",
      "B3.1 Kennel diary configured for the three surgeries.",
      "B3.2 Conversion of the booking book into the diary.",
      "B4. Acceptance. Kennelwise submits each item in B3 with a completion notice. The practice manager has ten (10) " +
        "business days to accept it in writing or to list defects; an item with no written response in that time is accepted.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 41 families, the kickoff meeting and a chat's sign-off", () => {
  it("takes no deliverable from the kickoff meeting a contractor holds", () => {
    const sow = base.signed_scope + "\nContractor shall hold a kickoff meeting within ten (10) business days of NTP.";
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes no promise from 'Talk soon — Priya'", () => {
    expect(evidence({ customer_promise: "Talk soon — Priya" }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 41 families, silence in other words and a row's own bare sign-off", () => {
  it("covers the list when 'every feature above' is signed off or, after silence, 'treated as accepted'", () => {
    const sow = [
      "Feature list",
      "F1 Kennel diary with drag-and-drop stays.",
      "F2 Vaccination reminders by text.",
      "How work is accepted. Every feature above is demonstrated on the practice's own data at the end of its sprint. " +
        "The practice manager signs the feature off within 3 business days or lists defects; after 3 business days with " +
        "neither, the feature is treated as accepted. F2 also needs 20 reminders sent in a test run.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("leaves a row whose own acceptance cell is a bare sign-off flagged, whatever its neighbours' criteria say", () => {
    const sow = [
      "| ID | Deliverable | Acceptance |",
      "|---|---|---|",
      "| K1 | Kennel photo gallery on the practice website | 50 photos load in the website gallery in under 2 s |",
      "| K2 | Kennel photo gallery styled in the practice's colours | to the Practice's satisfaction |",
    ].join("\n");
    const got = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("colours");
  });
});

describe("session 41 families, an acceptance table keyed by bare numbers, lists of places and work put off", () => {
  it("covers items 1 and 2 by an acceptance table whose 'Deliverable' column holds bare numbers", () => {
    const sow = [
      "B. Deliverables",
      "1. Kennel diary for both surgeries, with every run as a bookable room.",
      "2. Reminder texts for boosters.",
      "C. Acceptance",
      "| Deliverable | Accepted when |",
      "|---|---|",
      "| 1 | All 40 runs bookable; the practice manager confirms in writing |",
      "| 2 | 20 test reminders arrive on the right day |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes no deliverables from an annex that lists the customer's properties, nor from a 'Deferred:' line", () => {
    const sow = [
      "1. Kennel diary for the three surgeries. Accepted when 20 test stays show on the day sheet.",
      "Deferred: grooming diary - phase 2, on a separate order if the practice proceeds.",
      "Annex A - Properties",
      "1. Harbour Vets Quayside",
      "2. Harbour Vets Old Town",
      "3. Harbour Vets Marina",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads a 'Step | Window' table as a schedule", () => {
    const sow = [
      "1. Kennel diary for the three surgeries. Accepted when 20 test stays show on the day sheet.",
      "| Step | Window |",
      "|---|---|",
      "| Quayside diary live | 2026-06-15 |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 41 families, packs of a hundred and a venue's seats", () => {
  it("counts a row sold 'per 100' in hundreds", () => {
    const got = facts({
      order_form: [
        "| SKU | Description | Qty | Unit | Total |",
        "|---|---|---|---|---|",
        "| TAG-K | Kennel collar tag (per 100) | 26 | $145 | $3,770 |",
      ].join("\n"),
    });
    expect(got.some((f) => /=2600$/.test(f))).toBe(true);
  });
  it("counts no users in a venue's seats beside its suites", () => {
    expect(facts({ signed_scope: "The show runs at Harbour Field (18,000 seats, 40 suites)." }).join()).not.toMatch(
      /count:user/,
    );
  });
});

describe("session 41 families, 'did not commit', paying only once the money comes, and what counts as a deliverable", () => {
  it("reads 'We did not commit to a date for the reminder feed' as no promise", () => {
    expect(
      NOT_A_PROMISE.test("We did not commit to a date for the reminder feed - it depends on the lab's queue."),
    ).toBe(true);
  });
  it("flags 'she doesn't pay our invoice until the grant arrives' as a concession, not a promise", () => {
    const note =
      "The shelter has no cash until the grant pays out, so I told Lydia she doesn't pay our invoice until the first grant payment.";
    expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
  it("takes no deliverable from 'Each item under C-2 is a deliverable.'", () => {
    const sow = base.signed_scope + "\nEach item under C-2 is a deliverable.";
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 42 families, section titles in the language of the customer", () => {
  it("reads a title glossed in English ('Teslimatlar (deliverables)') by its gloss", () => {
    const sow = [
      "SOW ARI-12 — Petekli Yazılım / Bal Kooperatifi",
      "",
      "1. Özet (summary)",
      "The co-operative extracts honey from 400 hives in two valleys and sells it to three packers.",
      "",
      "2. Teslimatlar (deliverables)",
      "A1 Hive register — every hive with its apiary and queen year.",
      "A2 Harvest log — each extraction weighed and labelled by batch.",
      "",
      "3. Kabul (acceptance)",
      "A1: 50 hives checked against the paper book, one error at most.",
      "",
      "4. Zaman planı (approved — D. Arslan, 03/02/2026)",
      "Kickoff 09/02/2026 · go-live 30/03/2026",
    ].join("\n");
    const got = evidence({ signed_scope: sow }, "missing_acceptance_criteria");
    expect(got).toEqual(["Harvest log — each extraction weighed and labelled by batch."]);
  });
  it("knows Portuguese titles for context, scope, acceptance, schedule and exclusions", () => {
    const sow = [
      "Contexto. The co-operative extracts honey from 400 hives in two valleys.",
      "Âmbito",
      "(a) Hive register: every hive with its apiary and queen year.",
      "(b) Harvest log: each extraction weighed and labelled by batch.",
      "Aceitação",
      "(a) and (b) are each accepted when 30 records agree with the paper book.",
      "Calendário",
      "Kickoff 09/02/2026 · go-live 30/03/2026",
      "Fora do âmbito",
      "Pollination contracts with growers; any link to the packers' systems.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("reads 'Collaudo — applies to every deliverable in section 3' as the acceptance section's title", () => {
    const sow = [
      "1. Situazione",
      "The co-operative extracts honey from 400 hives in two valleys.",
      "2. Deliverables",
      "2.1 Hive register with every hive's apiary and queen year.",
      "2.2 Harvest log for each extraction, weighed and labelled by batch.",
      "3. Collaudo — applies to every deliverable in section 2",
      "For each deliverable the vendor runs its agreed test with the co-op. The co-op signs or lists defects within 5 " +
        "working days; if it does neither, the deliverable is accepted.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 42 families, what stands around a list of work", () => {
  it("flags an item whose own acceptance line is only a bare satisfaction", () => {
    const sow = [
      "Work items",
      "H1. Hive register — every hive with its apiary and queen year, for 12 apiaries.",
      "    Acceptance: 30 hives checked against the paper book, one error at most.",
      "H2. Swarm alerts — scale readings from 40 hives, alerting on a sudden weight drop.",
      "    Acceptance: to the Co-op's satisfaction.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "Swarm alerts — scale readings from 40 hives, alerting on a sudden weight drop.",
    ]);
  });
  it("reads 'In scope' as a title, the prose above it as preamble, and who signs which items as acceptance", () => {
    const sow = [
      "SOW HV-9 · Petekli → Valley Honey Co-op",
      "Signed 02/03/2026",
      "",
      "The co-op extracts honey from 400 hives and sells to three packers, who audit it each spring.",
      "",
      "In scope",
      "H1. Hive register — every hive with its apiary and queen year.",
      "    Acceptance: 30 hives checked against the paper book, one error at most.",
      "H2. Harvest log — each extraction weighed and labelled by batch.",
      "    Acceptance: one week of extractions match the scale tickets.",
      "For H1 and H2 the co-op's secretary signs within 5 working days; a form not returned by then counts as signed.",
      "The co-op signs each item within 5 working days of its test.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes no deliverable from 'About <customer>:' or from an item that is 'none in this SOW'", () => {
    const sow = [
      "About Valley Honey: a co-op of 60 beekeepers with 400 hives in two valleys.",
      "1. Hive register — 400 hives migrated from the paper book. Accepted when 30 hives checked show one error at most.",
      "2. Scale feed — none in this SOW; the co-op buys the scales next year on a separate order.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 42 families, terms, owners and dates written the international way", () => {
  it("reads 'payment 75 days from invoice instead of 30' and 'the 75-day payment' as payment concessions", () => {
    expect(
      evidence(
        { deal_desk_exception: "Raised by Jo Park 02/03: payment 75 days from invoice instead of 30." },
        "scope_exception",
      ),
    ).toHaveLength(1);
    expect(
      evidence(
        { kickoff_note: "The 75-day payment sits with their treasurer; I told Ayesha it is sorted." },
        "scope_exception",
      ),
    ).toHaveLength(1);
  });
  it("reads an owner of 'koi nahi abhi', 'responsable : ?' or a hand-off to '(none)' as nobody", () => {
    for (const line of [
      "Hive scale feed — owner: koi nahi abhi",
      "Portail apiculteur — responsable : ?",
      "Swarm alerts: Deniz Kaya → (none) — not mine",
    ])
      expect(evidence({ cs_requirement: line }, "unowned_requirement")).toHaveLength(1);
  });
  it("reads a Turkish month ('14 Kasım') as a date promised", () => {
    const note = "I told Burak 14 Kasım works for the hive register, he can plan the autumn count around it.";
    expect(evidence({ kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
  });
  it("reads 'No other discount' on the deal desk as no record of the discount a note grants", () => {
    const desk = "DD-12 approved 03/03 (CFO): payment at 60 days instead of 30. Nessun altro sconto o deroga.";
    const form = "Order HV-1 · Hive register | 1 | € 4.000,00/anno\nPagamento: 60 giorni (DD-12)";
    const note = "Next step: I promised them 10% off the first year to close this month.";
    const flags = scorePacket({
      ...base,
      deal_desk_exception: desk,
      order_form: form,
      kickoff_note: note,
    }).flags.filter((f) => f.category === "scope_exception");
    expect(flags.map((f) => f.source)).toEqual(["kickoff_note"]);
  });
});

describe("session 42 families, deliverable tables that point at their criteria", () => {
  const rows = [
    "2. Deliverables",
    "| ID | Deliverable | Content | Acceptance ref |",
    "|---|---|---|---|",
    "| D1 | Hive register | Every hive with its apiary and queen year | K1 |",
    "| D2 | Scale feed | Weight readings from 40 hive scales, hourly | K2 |",
    "| D3 | Cut-over | Runbook and one full rehearsal a week before the switch | — |",
    "",
    "3. Acceptance",
    "| Ref | Criterion |",
    "|---|---|",
    "| K1 | 30 hives checked against the paper book; one error at most |",
    "| K2 | 7 days of readings with no gap longer than 2 hours |",
  ].join("\n");
  it("covers a row whose acceptance cell names a criterion by its ref, and cites a one-word row with its content", () => {
    expect(evidence({ signed_scope: rows }, "missing_acceptance_criteria")).toEqual([
      "Cut-over | Runbook and one full rehearsal a week before the switch",
    ]);
  });
  it("reads an 'Evidence of completion' column as the row's acceptance", () => {
    const sow = [
      "Work",
      "| # | Item | Detail | Evidence of completion |",
      "|---|---|---|---|",
      "| W1 | Register scanning | Every page of the 40 apiary books at 400 dpi | QC log; the secretary spot-checks 50 pages |",
      "| W2 | Apiary summaries | A summary for each valley's beekeepers | |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "Apiary summaries | A summary for each valley's beekeepers",
    ]);
  });
});

describe("session 42 families, stories with a body of their own", () => {
  it("reads a story's indented lines as its body and 'GIVEN … THEN …' as its criterion", () => {
    const sow = [
      "Honeycomb — SOW HC-12 (stories sized by us, not priced)",
      "",
      "HC-1  Hive register (5 pts)",
      "  Every hive with its apiary, queen year and last inspection.",
      "  GIVEN a hive card WHEN the keeper saves an inspection THEN the register shows it within a minute.",
      "HC-2  Scale alerts (3 pts)",
      "  Hourly weights from 40 hive scales; a text when a hive drops 2 kg in an hour.",
      "  GIVEN a test drop of 2 kg THEN the keeper's phone gets a text within 5 minutes.",
      "HC-3  Extraction log (3 pts)",
      "  Set up assorted log templates for the honey house.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "Extraction log (3 pts)\n  Set up assorted log templates for the honey house.",
    ]);
  });
  it("reads 'KW-B2' as an item's id and 'Not in this SOW:' as no work", () => {
    const sow = [
      "Epic KW-B: In the apiary",
      "KW-B1 Hive map with all 40 hives tappable.",
      "  Done means: each of the 40 hives opens its card.",
      "KW-B2 Swarm banner the lead keeper can post.",
      "  Done means: a posted banner shows in the app within 60 seconds.",
      "Not in this SOW: push notifications, honey sales inside the app.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 42 families, what a product does for its own users is no concession", () => {
  it("reads a liability waiver the guest signs, and refunds the system issues, as features", () => {
    for (const note of [
      "Dana wants the rental waiver at checkout live by opening day; I said the waiver flow is mostly configuration.",
      "Keepers can look up any waiver on a phone at the gate.",
      "A course cancelled for rain gets a prorated refund automatically, and the class list updates.",
    ])
      expect(evidence({ kickoff_note: note }, "scope_exception")).toEqual([]);
  });
  it("reads 'split the services invoice across their two fiscal years' as a payment concession", () => {
    const note = "Their treasurer asked me to split the services invoice across their two fiscal years and I said yes.";
    expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it("reads 'I said not us' as a refusal", () => {
    const note = "They asked about honey-house scales, I said not us, they keep their current supplier.";
    expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    expect(DECLINED.test(note)).toBe(true);
  });
});

describe("session 42 families, owners left open in more words, and prose above groups of work", () => {
  it("reads 'Owner: (none)', 'Owner: TBC', 'none named yet' and 'no one identified' as nobody", () => {
    for (const line of [
      "Queen-rearing log export at each season's end · High · Owner: (none)",
      "Swarm-call rota for the valley — Owner: TBC",
      "Apiary lead: none named yet",
      "Scale calibration (K3) | to be confirmed — no one identified",
    ])
      expect(evidence({ cs_requirement: line }, "unowned_requirement")).toHaveLength(1);
  });
  it("takes no deliverable from the prose above two groups of work", () => {
    const sow = [
      "Valley Honey — Scope of Work HV-66",
      "",
      "The co-op runs 400 hives in two valleys. Extraction peaks in late August.",
      "",
      "Feature: Hive register",
      "  Scenario: Add a hive",
      "    Given a new hive at the river apiary",
      "    When the keeper saves it",
      "    Then it shows on the apiary map",
      "Feature: Harvest log",
      "  Scenario: Weigh a batch",
      "    Given a 20 kg batch on the honey-house scale",
      "    When the keeper records it",
      "    Then the log shows 20 kg against that hive group",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
});

describe("session 42 families, concessions in the words sellers use", () => {
  it("flags uplifts skipped or capped, one tier's work at another's price, and old rates honoured", () => {
    for (const note of [
      "I told the co-op we'd skip the 4% uplift in year three.",
      "Agreed to cap the uplift at 1.5% when they renew.",
      "Told Ines the apiary pack stays on for 24 months at the 12-month price.",
      "Their second site gets our Gold support for the price of Silver.",
      "I said we'd honor the 2024 per-hive rate through the next renewal.",
      "I guaranteed this year's rates for their renewal.",
    ])
      expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
  it("flags credits given back, free work on our dime, and leaving without a penalty", () => {
    for (const note of [
      "If the hive alerts miss a swarm, we'll credit that back on the next invoice.",
      "You get a month's subscription credited for the delay.",
      "If the scales fail in spring, two months of licence are returned.",
      "We'll send someone for extraction week, our dime.",
      "Added two onsite days at the valley apiaries for no extra $.",
      "The label template is a freebie.",
      "If it doesn't work for them after a season, they can walk away without a penalty.",
    ])
      expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
});

describe("session 42 families, an approved plan that runs into the next year", () => {
  it("does not read a November deadline as met by a plan that ends in April of the next year", () => {
    const sow = [
      "1. Hive register with every hive's apiary. Accepted when 30 hives match the paper book.",
      "Schedule (confirmed by delivery, 2 June 2026)",
      "M1 | 14 August 2026",
      "M2 | 30 October 2026",
      "M3 | 26 February 2027",
      "M4 | 30 April 2027",
    ].join("\n");
    const note = "I told Alba the scales would be on every hive by the end of November, before their winter count.";
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "timeline_assumption")).toHaveLength(1);
  });
});

describe("session 42 families, concessions a promise check used to take", () => {
  it("reads a percentage credit, a payment in halves, billing from go-live, our people's hours and vouchers covered as concessions", () => {
    for (const note of [
      "To close it I offered a 5% credit on the hive-scale line if the pilot slips.",
      "Cash is tight for the co-op, so I said we'd split the setup payment into two halves, a month apart.",
      "Their treasurer wants the cost in next year; agreed to bill the licence from go-live not from signature.",
      "They worried about writing the guides, so I promised 12 hours of our trainers' time to help.",
      "I said we'd cover the beekeeping certification exam vouchers for two of their keepers.",
    ]) {
      expect(evidence({ kickoff_note: note }, "scope_exception")).toHaveLength(1);
      expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
    }
  });
});

describe("session 42 families, a sentence that only points at a promise", () => {
  it("takes no promise from 'see below', 'it's what the chair was told' or 'I committed to that'", () => {
    for (const note of [
      "FYI, see below - this is what I told the co-op chair.",
      "I know the apiary team had a view on it, but it's what the chair was told by me.",
      "I committed to that in the final meeting with their treasurer.",
      "Short version: I said yes to everything the chair asked for.",
    ])
      expect(evidence({ kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 43 families, promises written in more languages", () => {
  // each a customer's own words in its language, promising a second warehouse and a phone app
  const promises: [string, string][] = [
    [
      "it",
      "Avremo anche il secondo magazzino nel sistema, e tutti i nostri autisti useranno la app sul telefono ogni giorno.",
    ],
    [
      "tr",
      "İkinci depo da sisteme girecek ve bütün şoförlerimiz her gün telefonda uygulamayı kullanacak, bu çok önemli.",
    ],
    [
      "no",
      "Vi skal også ha det andre lageret med, og alle sjåførene våre vil bruke appen på telefonen hver dag etter oppstart.",
    ],
    [
      "sv",
      "Vi ska också ha det andra lagret med, och alla våra förare kommer att använda appen i telefonen varje dag efter start.",
    ],
    [
      "pl",
      "Drugi magazyn też będzie w systemie, a wszyscy nasi kierowcy są gotowi, jak tylko aplikacja przez telefon będzie działać.",
    ],
  ];
  const names: Record<string, string> = { it: "Italian", tr: "Turkish", no: "Norwegian", sv: "Swedish", pl: "Polish" };
  it.each(promises)("runs no promise check on a customer promise in %s, and says which language", (code, text) => {
    const r = scorePacket({ ...base, customer_promise: text });
    expect(r.skipped).toEqual({ customer_promise: code });
    expect(languageName(code)).toBe(names[code]);
    expect(r.flags.filter((f) => f.source === "customer_promise" && f.category === "promise_not_in_scope")).toEqual([]);
  });
  it("still reads an English order form that prices 'per' seat as English", () => {
    const form = "Platform — 40 seats at $30 per seat per month, 24 months\nSetup per site: $900 per site, one-off";
    expect(scorePacket({ ...base, order_form: form }).skipped).toEqual({});
  });
});

describe("session 43 families, acceptance that names who signs", () => {
  it("reads '4.0 INSPECTION' after '3.5' as a numbered section whose 4.1, 4.2 … accept the deliverables by name", () => {
    const sow = [
      "2.0 REQUIREMENTS",
      "2.1 The vendor fits scales under 40 hives and streams their weight hourly.",
      "3.0 DELIVERABLES",
      "3.1 Apiary survey report",
      "3.2 Scale installation, all 40 hives",
      "3.3 Beekeeper handbook",
      "4.0 INSPECTION AND ACCEPTANCE",
      "4.1 The co-op chair approves the survey report in writing or lists what must change.",
      "4.2 The scale installation is accepted when every hive reports a weight for three days running.",
      "5.0 SCHEDULE",
      "Approved by delivery, 02/02/2026: survey in March, scales in April.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual(["Beekeeper handbook"]);
  });
  it("takes 'the chair signs each deliverable in Section 2 within ten days' as the rule for all of them", () => {
    const sow = [
      "1. CONTEXT",
      "The co-op runs 40 hives on two hillsides and keeps its records in a paper book.",
      "2. REQUIREMENTS",
      "2.1 Fit scales under the 40 hives and stream their weight hourly.",
      "2.2 Move five seasons of the paper book into the register.",
      "2.3 Swarm alerts by text to the two beekeepers on duty.",
      "3. INSPECTION AND ACCEPTANCE",
      "The co-op chair signs each deliverable in Section 2 within ten working days of our completion notice, or " +
        "sends it back with the faults in writing.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("takes 'a deliverable neither signed nor sent back in that time is accepted' as acceptance on silence", () => {
    const sow = [
      "Scope",
      "1. Fit scales under the 40 hives and stream their weight hourly.",
      "2. Move five seasons of the paper book into the register.",
      "Terms",
      "A deliverable neither signed nor sent back within five working days of our completion notice is accepted.",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([]);
  });
  it("keeps 'the lead approves each batch before release' inside one story as that story's criterion only", () => {
    const sow = [
      "Story 1: As a beekeeper I want hive weights on my phone",
      "  Acceptance Criteria:",
      "  [ ] Each hive's weight shows within an hour of the reading",
      "Story 2: As the co-op I want batch labels printed",
      "  Acceptance Criteria:",
      "  [ ] The quality lead approves each batch label before release",
      "Story 3: As the chair I want a season report",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "As the chair I want a season report",
    ]);
  });
});

describe("session 43 families, an acceptance table that numbers and names its rows in one cell", () => {
  it("links '| 2 Harvest log | … |' under an acceptance title to item 2 of the scope", () => {
    const sow = [
      "Scope",
      "1 Hives — register of 400 hives with apiary and queen year.",
      "2 Harvest — extraction log per batch, weighed and labelled.",
      "3 Labels — a jar label per batch with its QR code.",
      "Acceptance",
      "| Item | Test | Sign-off |",
      "| 1 Hives | 50 hives agree with the paper book | Chair, 5 working days |",
      "| 2 Harvest | one week of batches reconciles with the scale | as item 1 |",
      "| 3 Labels | TBD | TBD |",
    ].join("\n");
    expect(evidence({ signed_scope: sow }, "missing_acceptance_criteria")).toEqual([
      "Labels — a jar label per batch with its QR code.",
    ]);
  });
});

describe("session 43 families, a customer's few words", () => {
  it("reads no promise into a sentence of under seven words in the customer's promise, and still reads a long one", () => {
    const promise = [
      "Lovely to finally have this signed.",
      "The jars arrive in late March.",
      "Beekeepers will also get a swarm forecast on their phones every morning, with a map of the likely trees.",
    ].join(" ");
    const got = evidence({ customer_promise: promise }, "promise_not_in_scope");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^Beekeepers will also get a swarm forecast/);
  });
});

describe("session 43 families, the date of the meeting where something was said", () => {
  it("reads 'board minutes, 4 March 2026, item 6 (demo): …' as the record's date, not a deadline", () => {
    const promise =
      "Co-op board minutes, 4 March 2026, item 6 (vendor demo): the vendor showed a beekeeper weighing a hive from " +
      "the phone and the chair printing a batch label.";
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'Members' meeting, 9 April 2026 — slide 4: …' the same way", () => {
    const promise = 'Members\' meeting, 9 April 2026 — our slide 4 ("What you get"): weights, swarm alerts, labels.';
    expect(evidence({ customer_promise: promise }, "timeline_assumption")).toEqual([]);
  });
  it("reads 'agreed with Rosa on the 12 March call' as when it was agreed", () => {
    const cs = "Freight on re-sent jars is ours — agreed with Rosa on the 12 March call.";
    expect(evidence({ cs_requirement: cs }, "timeline_assumption")).toEqual([]);
  });
  it("still flags a date promised before a meeting that is still to come", () => {
    const cs = "Swarm report ready for the members' meeting on 3 February 2026.";
    expect(evidence({ cs_requirement: cs }, "timeline_assumption")).toHaveLength(1);
  });
});

describe("session 43 families, a day written out beside an occasion", () => {
  it("flags 'Christmas jars: labels live by 06/12' when the approved plan ends in November and leaves labels out", () => {
    const sow = [
      "Deliverables",
      "1. Hive register. 2. Harvest log. 3. Jar labels with QR codes.",
      "Acceptance: each deliverable is accepted when the chair signs it off.",
      "Plan — approved by delivery (R. Vidal, 02/09/2026)",
      "Kickoff 07/09; register and log live 19/10/2026; labels after the harvest, date to be agreed.",
    ].join("\n");
    const cs = "- Christmas jars: labels live by 06/12 — the gift run is printed that week.";
    const got = evidence({ signed_scope: sow, cs_requirement: cs }, "timeline_assumption");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/06\/12/);
  });
});

describe("session 43 families, a deadline said in another language", () => {
  it("flags a French promise of a date said as a deadline, and not the date of the letter that carries it", () => {
    const promise =
      "Proposition envoyée au président le 10/12/2026 (extrait) : « Les apiculteurs saisiront leurs pesées sur " +
      "téléphone et la coopérative aura le registre des ruches en service au plus tard le 15/03/2027, avant la " +
      "première miellée. »";
    const r = scorePacket({ ...base, customer_promise: promise });
    expect(r.skipped).toEqual({ customer_promise: "fr" });
    const got = r.flags.filter((f) => f.category === "timeline_assumption");
    expect(got).toHaveLength(1);
    expect(got[0].message).toMatch(/\("15\/03\/2027"\)/);
  });
  it("reads a Spanish 'a más tardar el …' and not a date said without a deadline's words", () => {
    const promise =
      "Nuestra carta a la presidenta: «La cooperativa tendrá el registro de las colmenas con todas las pesadas " +
      "del año pasado operativo a más tardar el 30/03/2027, y la asamblea del 12/04/2027 verá los datos.»";
    const r = scorePacket({ ...base, customer_promise: promise });
    expect(r.skipped).toEqual({ customer_promise: "es" });
    const got = r.flags.filter((f) => f.category === "timeline_assumption");
    expect(got).toHaveLength(1);
    expect(got[0].message).toMatch(/\("30\/03\/2027"\)/);
  });
});

describe("session 43 families, a person named by initial and surname", () => {
  it("does not count 'R. Okonjo' among the words of a requirement the scope lacks", () => {
    const sow = "Deliverables: hive register; harvest log with batch weights; swarm alerts to beekeepers.";
    const cs = "- Swarm alerts to the beekeepers on duty — confirm with R. Okonjo which phones get them.";
    expect(evidence({ signed_scope: sow, cs_requirement: cs }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 43 families, saying that nothing was promised", () => {
  it.each([
    "About go-live I committed to nothing and left it with Priya.",
    "The label printer would be nice for them, but nothing's promised on that.",
    "I told the chair the jar labels come after the harvest — that is Noor's milestone 3, so nothing new.",
    "She pushed for a launch date; I didn't give her one.",
    "Register first, then the harvest log; that's the plan delivery approved and the co-op knows it.",
  ])("reads %j as no promise", (line) => {
    expect(NOT_A_PROMISE.test(line)).toBe(true);
  });
});

describe("session 43 families, telling the customer how long it takes", () => {
  it("reads 'I told the chair the setup takes two weeks end to end' as a length of time, not a promise", () => {
    // (the scope states the two weeks itself, so the timeline check lets the length pass)
    const sow = "Deliverables: hive register; harvest log with batch weights. Hypercare: two weeks after go-live.";
    const note = "I told the chair the swarm-alert setup on every beekeeper phone takes two weeks end to end.";
    expect(evidence({ signed_scope: sow, kickoff_note: note }, "promise_not_in_scope")).toEqual([]);
  });
});

describe("session 43 families, concessions in more word forms", () => {
  const form = "Hive register subscription, 12 months: $12,000. Payment terms: net 30.";
  it.each([
    "The co-op gets forty-five-day payment terms; I said fine.",
    "The chair asked for 60 days to pay each invoice and I agreed.",
    "I told Ines we're absorbing the courier cost on the scales.",
    "I threw in 12 extra set-up hours on top of the fixed fee.",
    "Holding their subscription price at this year's list for two renewals.",
    "We'd hold hosting flat at $400/mo for the whole term.",
  ])("flags %j as a concession", (note) => {
    expect(evidence({ order_form: form, kickoff_note: note }, "scope_exception")).toHaveLength(1);
  });
});

describe("session 43 families, 'no' that goes on with the concession", () => {
  const form = "Hive register subscription, 12 months: $12,000. Payment terms: net 30.";
  it("flags 'the first 200 jar labels are on us — no label fees' and 'no travel or lodging charges'", () => {
    for (const promise of [
      "The first 200 jar labels are on us — no label fees for those batches.",
      "Your training days at the apiaries carry no travel or lodging charges.",
    ])
      expect(evidence({ order_form: form, customer_promise: promise }, "scope_exception")).toHaveLength(1);
  });
  it("still reads 'she asked for the fee to be waived — no, it stands' as declined", () => {
    const note = "She asked for the set-up fee to be waived — no, it stands as quoted.";
    expect(evidence({ order_form: form, kickoff_note: note }, "scope_exception")).toEqual([]);
  });
});

describe("session 43 families, a cap written in another language", () => {
  it.each(["fino a 60 silos", "hasta 60 silos", "até 60 silos", "bis zu 60 silos"])(
    "reads the order form's %j as a cap the scope's 48 sit inside",
    (cap) => {
      const sow = "The tank map covers the co-op's 48 silos in the honey store.";
      const form = `Tank map (${cap}) | 1 | 3.200,00 /anno`;
      const got = evidence({ signed_scope: sow, order_form: form }, "conflicting_terms");
      expect(got).toEqual([]);
    },
  );
});
