import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  metricsExport,
  recurringFields,
  weeklySeries,
  reliability,
  templateTopics,
} from "../../../app/core/analytics/metrics.server";
import { getPilotSettings, setPilotSettings } from "../../../app/core/settings.server";
import { recommend, planStage } from "../../../app/core/analytics/recommendation";
import { DEFAULT_PILOT } from "../../../app/core/settings.server";
import { packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";
import { flagRow, importPackets, importRework, reviewRow, GOOD_PILOT_INPUTS } from "../../helpers/analytics";

// Golden fixture. Pilot = [2026-03-01, 2026-05-30).
//  P1 kickoff 03-10 pilot, 7/7 parts         P2 kickoff 04-01 pilot, no delivery owner → 6/7
//  P3 kickoff 02-01 baseline, cs "N/A" → 6/7 P4 kickoff 01-15 baseline, 7/7      P5 no kickoff: no period
// Flags: F1 P1 timeline/kickoff_note accepted 03-05 (before kickoff) · F2 P1 acceptance/signed_scope accepted 03-01
// then rejected 03-02 (latest wins: rejected) · F3 P2 exception/kickoff_note accepted 04-05 (after kickoff)
// · F4 P2 promise/customer_promise open · F5 P3 conflict/order_form accepted 01-20 · F6 P1 superseded, accepted
// (ignored)
// Rework: W1 P1 03-12 timeline 5h 3d (early, predicted) · W2 P1 03-24 acceptance 2h (day 14: early, dismissed)
// · W3 P1 03-25 (day 15: late) · W4 P2 04-02 promise 3h 2d (early, missed: F4 open) · W5 P2 03-30 (before kickoff)
// · W6 P3 02-03 conflict 6h 4d (baseline, predicted) · W7 P3 02-05 free text 1h · W8 P4 01-20 ambiguous 2h 3d
// · W10 P4 01-16 capacity 1h · W9 P5 03-01 (no kickoff)
// By hand: pilot flags 4, reviewed 3, accepted 2, rejected 1 → 2/3 and 1/3; caught 1 (F1), corrections 1 (F1).
// Early rework (pilot) 1 predicted / 1 dismissed / 1 missed. Rate: pilot 3 items / 2 packets = 1.5;
// baseline 4 / 2 = 2 → loops avoided (2 − 1.5) × 2 = 1. Delay per packet: pilot P1 3, P2 2 → 2.5;
// baseline P3 4, P4 3 → 3.5 → prevented (3.5 − 2.5) × 2 = 2 days. Completeness mean (1 + 6/7) / 2,
// complete share 1/2. Recurring fields over reviewed packets P1, P2, P3: kickoff_note 2/3 (F1, F3; hours 5
// from W1), order_form 1/3 (F5; 6h).

let db: Awaited<ReturnType<typeof tempDb>>;

beforeAll(async () => {
  db = await tempDb();
  const s = await getPilotSettings(db.db);
  await setPilotSettings(db.db, { ...s, pilot_start: "2026-03-01", window_days: 90, review_minutes_per_handoff: 30 });
  await importPackets(db, [
    packet({ deal_id: "P1", kickoff_date: "2026-03-10" }),
    packet({ deal_id: "P2", kickoff_date: "2026-04-01", delivery_owner: "" }),
    packet({ deal_id: "P3", kickoff_date: "2026-02-01", cs_requirement: "N/A" }),
    packet({ deal_id: "P4", kickoff_date: "2026-01-15" }),
    packet({ deal_id: "P5", kickoff_date: "" }),
  ]);
  await db.db
    .insertInto("flags")
    .values([
      flagRow("F1", "P1", "timeline_assumption", "kickoff_note"),
      flagRow("F2", "P1", "missing_acceptance_criteria", "signed_scope"),
      flagRow("F3", "P2", "scope_exception", "kickoff_note"),
      flagRow("F4", "P2", "promise_not_in_scope", "customer_promise"),
      flagRow("F5", "P3", "conflicting_terms", "order_form"),
      flagRow("F6", "P1", "ambiguous_deliverable", "signed_scope", "high", "superseded"),
    ])
    .execute();
  await db.db
    .insertInto("reviews")
    .values([
      reviewRow("F1", "accepted", "2026-03-05T10:00:00Z"),
      reviewRow("F2", "accepted", "2026-03-01T10:00:00Z"),
      reviewRow("F2", "rejected", "2026-03-02T10:00:00Z"),
      reviewRow("F3", "accepted", "2026-04-05T10:00:00Z"),
      reviewRow("F5", "accepted", "2026-01-20T10:00:00Z"),
      reviewRow("F6", "accepted", "2026-03-05T10:00:00Z"),
    ])
    .execute();
  await importRework(
    db,
    [
      ["W1", "P1", "2026-03-12", "timeline_assumption", 5, 3],
      ["W2", "P1", "2026-03-24", "missing_acceptance_criteria", 2, 0],
      ["W3", "P1", "2026-03-25", "timeline_assumption", 4, 0],
      ["W4", "P2", "2026-04-02", "promise_not_in_scope", 3, 2],
      ["W5", "P2", "2026-03-30", "scope_exception", 1, 0],
      ["W6", "P3", "2026-02-03", "conflicting_terms", 6, 4],
      ["W7", "P3", "2026-02-05", "customer change request", 1, 0],
      ["W8", "P4", "2026-01-20", "ambiguous_deliverable", 2, 3],
      ["W10", "P4", "2026-01-16", "capacity", 1, 0],
      ["W9", "P5", "2026-03-01", "timeline_assumption", 9, 9],
    ],
    () => "d",
  );
});
afterAll(() => db.dispose());

describe("pilot metrics (sql/queries/pilot_metrics.sql)", () => {
  it("match the hand computation", async () => {
    // on 05-01 every packet's 14-day window has closed (P2's on 04-15), so all of them count
    const m = await metricsExport(db, { today: new Date("2026-05-01T00:00:00Z") });
    expect(m.pilot).toMatchObject({ start: "2026-03-01", end: "2026-05-30", packets: 2, day: 62, stage: "pilot" });
    expect(m.matured_packets).toEqual({ data_date: "2026-05-01", pilot: 2, pilot_maturing: 0, baseline: 2 });
    expect(m.baseline.packets).toBe(2);
    expect(m.handoff_completeness.mean).toBeCloseTo((1 + 6 / 7) / 2, 10);
    expect(m.handoff_completeness.complete_share).toBe(0.5);
    expect(m.flags).toEqual({
      total: 4,
      reviewed: 3,
      accepted: 2,
      rejected: 1,
      acceptance_rate: 2 / 3,
      disagreement_rate: 1 / 3,
    });
    expect(m.missing_obligations_caught).toBe(1);
    expect(m.customer_expectation_corrections).toBe(1);
    expect(m.early_rework).toEqual({ predicted: 1, dismissed: 1, missed: 1 });
    expect(m.rework_rate).toEqual({ baseline: 2, pilot: 1.5 });
    expect(m.rework_loops_avoided).toBe(1);
    expect(m.kickoff_delay_prevented_days).toBe(2);
    expect(m.repeat_volume.handoffs_per_month).toBeCloseTo(2 / 3, 10);
    expect(m.repeat_volume.minutes_per_month).toBeCloseTo(20, 10);
  });

  it(
    "leave packets whose 14-day window is still open out of rework rates, loops " + "avoided and delay prevented",
    async () => {
      // today 03-20, but rework is logged up to 04-02 (W4): the data date is 04-02. P1 (kickoff 03-10, window closed
      // 03-24) has matured; P2 (kickoff 04-01, window open until 04-15) is still maturing and must not count as zero.
      const m = await metricsExport(db, { today: new Date("2026-03-20T00:00:00Z") });
      expect(m.pilot).toMatchObject({ packets: 2, day: 20, stage: "reviewer training" });
      expect(m.matured_packets).toEqual({ data_date: "2026-04-02", pilot: 1, pilot_maturing: 1, baseline: 2 });
      // pilot: P1's W1 and W2 over 1 matured packet = 2; baseline 4 / 2 = 2 → nothing avoided
      expect(m.rework_rate).toEqual({ baseline: 2, pilot: 2 });
      expect(m.rework_loops_avoided).toBe(0);
      // delay: pilot P1 3; baseline (4 + 3) / 2 = 3.5 → (3.5 − 3) × 1 matured pilot packet
      expect(m.kickoff_delay_prevented_days).toBe(0.5);
      // the split still covers every pilot packet's early rework logged so far (W4 on P2 included)
      expect(m.early_rework).toEqual({ predicted: 1, dismissed: 1, missed: 1 });
      // a packet matures the day after its window closes: kickoff + 14 < data date, strictly
      const onTheDay = await metricsExport(db, { today: new Date("2026-04-15T00:00:00Z") });
      expect(onTheDay.matured_packets).toMatchObject({ pilot: 1, pilot_maturing: 1 });
      const dayAfter = await metricsExport(db, { today: new Date("2026-04-16T00:00:00Z") });
      expect(dayAfter.matured_packets).toMatchObject({ pilot: 2, pilot_maturing: 0 });
    },
  );

  it("weekly rework per packet is left empty for weeks whose packets have not matured", async () => {
    const w = await weeklySeries(db, undefined, new Date("2026-03-20T00:00:00Z"));
    const p2week = w.find((r) => r.week === "2026-03-30")!; // P2 kicks off 04-01
    expect(p2week).toMatchObject({ packets: 1, matured_packets: 0, early_rework_per_packet: null });
    const p1week = w.find((r) => r.week === "2026-03-09")!;
    expect(p1week).toMatchObject({ packets: 1, matured_packets: 1, early_rework_per_packet: 2 });
  });

  it("move with --pilot-start: from 2026-01-01 the window ends before P2's kickoff on 04-01", async () => {
    const m = await metricsExport(db, { pilotStart: "2026-01-01" });
    expect(m.pilot).toMatchObject({ end: "2026-04-01", packets: 3 });
    expect(m.baseline.packets).toBe(0);
    expect(m.rework_rate.baseline).toBeNull();
    expect(m.rework_loops_avoided).toBeNull();
  });
});

describe("recurring fields (sql/queries/recurring_fields.sql)", () => {
  it("rank fields by share of reviewed packets with rework hours", async () => {
    const f = await recurringFields(db);
    expect(f.map((x) => ({ ...x, share: Number(x.share.toFixed(4)) }))).toEqual([
      { source: "kickoff_note", share: 0.6667, accepted_flags: 2, packets: 2, rework_hours: 5 },
      { source: "order_form", share: 0.3333, accepted_flags: 1, packets: 1, rework_hours: 6 },
    ]);
  });
});

describe("weekly series, reliability and topics", () => {
  it("weekly rows add up to the packets with a kickoff date", async () => {
    const w = await weeklySeries(db);
    expect(w.reduce((a, r) => a + r.packets, 0)).toBe(4);
    expect(w.filter((r) => r.period === "pilot").reduce((a, r) => a + r.flags_accepted, 0)).toBe(2);
  });
  it("reliability counts decisions per detector and per field", async () => {
    const r = await reliability(db);
    expect(r.find((x) => x.dimension === "detector" && x.name === "test")).toMatchObject({
      flags: 5,
      accepted: 3,
      rejected: 1,
      demoted: false,
    });
    expect(r.find((x) => x.dimension === "source" && x.name === "kickoff_note")).toMatchObject({
      accepted: 2,
      precision: 1,
    });
  });
  it("template topics group accepted flags and suggest a fix", async () => {
    const t = await templateTopics(db);
    expect(t[0]).toMatchObject({ topic: "go-live date", packets: 1 });
    expect(t.every((x) => x.fix.length > 20)).toBe(true);
  });
});

describe("completeness parts (sql/macros/00_packet_parts.sql)", () => {
  it("counts blank and None/N/A as missing, except None for the deal-desk exception", async () => {
    const { sql } = await import("kysely");
    const r = await sql<
      Record<string, number>
    >`SELECT part_present('   ', false) AS a, part_present(' None ', false) AS b, part_present('N/A', true) AS c,
      part_present(${"\n\t x"}, false) AS d, part_present(NULL, true) AS e, part_present('Nonesuch Ltd', false) AS
        f`.execute(db.db);
    expect(r.rows[0]).toEqual({ a: 0, b: 0, c: 1, d: 1, e: 0, f: 1 });
  });
});

describe("an empty database", () => {
  it("gives zeros and nulls, never NaN", async () => {
    const empty = await tempDb();
    const m = await metricsExport(empty);
    await empty.dispose();
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(m.flags).toEqual({
      total: 0,
      reviewed: 0,
      accepted: 0,
      rejected: 0,
      acceptance_rate: null,
      disagreement_rate: null,
    });
    expect(m.pilot.packets).toBe(0);
    expect(m.recurring_fields).toEqual([]);
    // no "pilot complete — continue the pilot" with zero packets: what to do next instead
    expect(m.recommendation.decision).toBe("not_enough_data");
    expect(m.recommendation.reasons.join(" ")).toMatch(/Upload the handoff export/);
    expect(m.matured_packets).toMatchObject({ pilot: 0, pilot_maturing: 0, baseline: 0 });
  });
});

describe("the recommendation", () => {
  const good = GOOD_PILOT_INPUTS;
  it("says fix templates first when a field keeps producing accepted flags", () => {
    const r = recommend(good, [{ source: "kickoff_note", share: 0.6 }], [], DEFAULT_PILOT);
    expect(r.decision).toBe("fix_templates");
    expect(r.reasons[0]).toMatch(/kickoff note .* 60%/);
  });
  it("expands only when every target is met", () => {
    expect(recommend(good, [{ source: "kickoff_note", share: 0.1 }], [], DEFAULT_PILOT).decision).toBe("expand_scope");
    expect(recommend({ ...good, acceptance_rate: 0.5 }, [], [], DEFAULT_PILOT)).toMatchObject({
      decision: "continue_pilot",
      reasons: [expect.stringMatching(/acceptance rate 50%/)],
    });
    // the evidence: every target, met or not
    const checks = recommend({ ...good, acceptance_rate: 0.5 }, [], [], DEFAULT_PILOT).checks!;
    expect(checks.map((c) => c.met)).toEqual([true, false, true, true, true, true]);
  });
  it("does not expand on a rework reduction that rests on too few matured packets, and says so", () => {
    const r = recommend({ ...good, pilot_matured_packets: 5 }, [], [], DEFAULT_PILOT);
    expect(r.decision).toBe("continue_pilot");
    expect(r.reasons.join(" ")).toMatch(/rework reduction vs baseline 50% on 5 matured pilot packets/);
    expect(r.caveat).toMatch(/Only 5 pilot packets have finished the 14-day rework window \(20 wanted\)/);
    const enough = recommend({ ...good, pilot_matured_packets: 30 }, [], [], DEFAULT_PILOT);
    expect(enough.decision).toBe("expand_scope");
    expect(enough.caveat).toBeUndefined();
  });
  it("shows its evidence: every threshold passed or failed, each with a drill-down, and what it rests on", () => {
    const r = recommend(
      { ...good, pilot_matured_packets: 12 },
      [
        { source: "kickoff_note", share: 0.6 },
        { source: "order_form", share: 0.1 },
      ],
      [{ topic: "SSO", category: "missing_acceptance_criteria", source: "signed_scope", packets: 9, done_on: null }],
      DEFAULT_PILOT,
    );
    expect(r.decision).toBe("fix_templates");
    expect(r.basis).toEqual({ pilot_packets: 40, matured_packets: 12, flags_reviewed: 100 });
    const fix = r.evidence!.filter((c) => c.group === "fix");
    expect(fix.map((c) => [c.met, c.link])).toEqual([
      [false, "/fields/kickoff_note"],
      [true, "/fields/order_form"],
      [true, "/evidence?kind=packets&period=pilot&completeness=incomplete"],
      [false, `/templates#${encodeURIComponent("missing_acceptance_criteria|signed_scope|SSO")}`],
    ]);
    // the expansion targets are shown too, though templates come first
    expect(r.evidence!.filter((c) => c.group === "expand")).toHaveLength(6);
    expect(r.reasonLinks).toEqual([
      "/fields/kickoff_note",
      `/templates#${encodeURIComponent("missing_acceptance_criteria|signed_scope|SSO")}`,
    ]);
    expect(r.caveat).toMatch(/Only 12 pilot packets/);
  });
  it("names the 90-day plan stage", () => {
    expect([0, 5, 20, 60, 85, 95].map((d) => planStage(d, 90))).toEqual([
      "before the pilot",
      "source cleanup",
      "reviewer training",
      "pilot",
      "scale decision",
      "pilot complete",
    ]);
  });
});
