import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { metricsExport } from "../../../app/core/analytics/metrics.server";
import { getPilotSettings, setPilotSettings } from "../../../app/core/settings.server";
import { csvOf, HANDOFF_COLUMNS, packet, type PacketRow } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";
import { rng } from "../../../seeds/generate";
import { CATEGORIES, PACKET_PARTS, TEXT_SOURCES } from "../../../app/core/packet";

// The pilot metrics of ../shared/PRODUCT.md computed a second time, in plain TypeScript straight from the generated
// rows — no SQL, no shared code beyond the contract's names of categories, sources and parts — and compared with
// what sql/queries/pilot_metrics.sql and recurring_fields.sql give for random data sets: packets in every period
// (and none), blank and "None"/"N/A" parts, flags reviewed several times (ties broken by entry order), superseded
// flags, rework before, inside and after the 14-day window, free-text categories, and "today" before, inside and
// after the pilot, so packets are matured and maturing.

const DAY = 86400000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (d: string) => Date.parse(`${d}T00:00:00Z`);

interface Flag {
  flag_id: string;
  deal_id: string;
  category: string;
  source: string;
  state: string;
}
interface Review {
  flag_id: string;
  decision: string;
  decided_at: Date;
  seq: number;
}
interface Rework {
  rework_id: string;
  deal_id: string;
  logged_on: string;
  category: string;
  hours: number;
  kickoff_delay_days: number;
}

function generate(seed: number) {
  const r = rng(seed);
  const pilotStart = "2026-03-01";
  const windowDays = r.pick([30, 60, 90]);
  const start = at(pilotStart);
  const packets: PacketRow[] = [];
  for (let i = 0; i < 60; i++) {
    const where = r.next();
    const kickoff =
      where < 0.1
        ? ""
        : where < 0.45
          ? iso(start - r.int(1, 120) * DAY)
          : where < 0.9
            ? iso(start + r.int(0, windowDays - 1) * DAY)
            : iso(start + r.int(windowDays, windowDays + 40) * DAY);
    const part = (name: string) =>
      r.chance(0.12) ? "" : r.chance(0.08) ? r.pick(["None", "N/A", "n/a", " none "]) : `${name} text ${i}`;
    packets.push(
      packet({
        deal_id: `R${seed}-${i}`,
        kickoff_date: kickoff,
        signed_scope: part("scope"),
        order_form: part("order"),
        deal_desk_exception: part("exception"),
        kickoff_note: part("note"),
        cs_requirement: part("cs"),
        delivery_owner: r.chance(0.1) ? "" : "Dee Livery",
        customer_promise: part("promise"),
      }),
    );
  }
  const flags: Flag[] = [];
  const reviews: Review[] = [];
  let seq = 0;
  for (const p of packets) {
    for (let j = r.int(0, 4); j > 0; j--) {
      const f = {
        flag_id: `${p.deal_id}-F${j}`,
        deal_id: p.deal_id,
        category: r.pick(CATEGORIES),
        source: r.pick(TEXT_SOURCES),
        state: r.chance(0.1) ? "superseded" : "active",
      };
      flags.push(f);
      const base = (p.kickoff_date ? at(p.kickoff_date) : start) + r.int(-10, 6) * DAY;
      for (let k = r.int(0, 3); k > 0; k--) {
        // whole hours, sometimes the same instant twice: the later entry wins a tie
        reviews.push({
          flag_id: f.flag_id,
          decision: r.chance(0.65) ? "accepted" : "rejected",
          decided_at: new Date(base + r.int(0, 3) * 3600000),
          seq: seq++,
        });
      }
    }
  }
  const rework: Rework[] = [];
  let n = 0;
  for (const p of packets) {
    for (let j = r.int(0, 3); j > 0; j--) {
      const k = p.kickoff_date ? at(p.kickoff_date) : start;
      rework.push({
        rework_id: `W${seed}-${n++}`,
        deal_id: p.deal_id,
        logged_on: iso(k + r.int(-3, 18) * DAY),
        category: r.chance(0.15) ? "customer change request" : r.pick(CATEGORIES),
        hours: r.int(0, 8),
        kickoff_delay_days: r.int(0, 4),
      });
    }
  }
  const today = new Date(start + r.int(-20, windowDays + 40) * DAY + r.int(0, 23) * 3600000);
  // rework is logged up to today, and now and then a little after it (an export dated later than the clock)
  const horizon = at(iso(today.getTime())) + r.int(0, 3) * DAY;
  return {
    pilotStart,
    windowDays,
    reviewMinutes: r.int(10, 60),
    packets,
    flags,
    reviews,
    rework: rework.filter((w) => at(w.logged_on) <= horizon),
    today,
  };
}

/** PRODUCT.md, read literally. */
function reference(g: ReturnType<typeof generate>) {
  const start = at(g.pilotStart);
  const end = start + g.windowDays * DAY;
  const period = (p: PacketRow) => {
    if (!p.kickoff_date) return null;
    const k = at(p.kickoff_date);
    return k >= start && k < end ? "pilot" : k < start ? "baseline" : null;
  };
  const present = (name: string, v: string | undefined) => {
    const t = (v ?? "").trim();
    if (!t) return 0;
    if (name !== "deal_desk_exception" && ["none", "n/a", "na"].includes(t.toLowerCase())) return 0;
    return 1;
  };
  const completeness = (p: PacketRow) =>
    PACKET_PARTS.reduce((a, part) => a + present(part, (p as unknown as Record<string, string>)[part]), 0) / 7;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const pilot = g.packets.filter((p) => period(p) === "pilot");
  const baseline = g.packets.filter((p) => period(p) === "baseline");
  const byDeal = new Map(g.packets.map((p) => [p.deal_id, p]));

  // each active flag with its latest decision
  const latest = new Map<string, Review>();
  for (const rv of g.reviews) {
    const cur = latest.get(rv.flag_id);
    if (
      !cur ||
      rv.decided_at.getTime() > cur.decided_at.getTime() ||
      (rv.decided_at.getTime() === cur.decided_at.getTime() && rv.seq > cur.seq)
    )
      latest.set(rv.flag_id, rv);
  }
  const active = g.flags
    .filter((f) => f.state === "active")
    .map((f) => ({
      ...f,
      status: latest.get(f.flag_id)?.decision ?? "open",
      decided: latest.get(f.flag_id)?.decided_at ?? null,
    }));
  const pilotFlags = active.filter((f) => period(byDeal.get(f.deal_id)!) === "pilot");
  const reviewed = pilotFlags.filter((f) => f.status !== "open");
  const accepted = pilotFlags.filter((f) => f.status === "accepted");
  const caught = accepted.filter((f) => f.decided!.getTime() < at(byDeal.get(f.deal_id)!.kickoff_date!));

  // early rework and its outcome
  const early = g.rework.filter((w) => {
    const p = byDeal.get(w.deal_id)!;
    if (!p.kickoff_date) return false;
    const k = at(p.kickoff_date);
    const t = at(w.logged_on);
    return t >= k && t <= k + 14 * DAY;
  });
  const outcome = (w: Rework) => {
    const same = active.filter((f) => f.deal_id === w.deal_id && f.category === w.category);
    return same.some((f) => f.status === "accepted")
      ? "predicted"
      : same.some((f) => f.status === "rejected")
        ? "dismissed"
        : "missed";
  };
  const pilotEarly = early.filter((w) => period(byDeal.get(w.deal_id)!) === "pilot");

  // matured packets: kickoff + 14 days < the data date (the latest of today and the newest rework logged)
  const todayDay = at(g.today.toISOString().slice(0, 10));
  const dataDate = Math.max(todayDay, ...g.rework.map((w) => at(w.logged_on)));
  const matured = (p: PacketRow) => Boolean(p.kickoff_date) && at(p.kickoff_date!) + 14 * DAY < dataDate;
  const rate = (ps: PacketRow[]) =>
    mean(ps.filter(matured).map((p) => early.filter((w) => w.deal_id === p.deal_id).length));
  const delay = (ps: PacketRow[]) =>
    mean(
      ps
        .filter(matured)
        .map((p) => early.filter((w) => w.deal_id === p.deal_id).reduce((a, w) => a + w.kickoff_delay_days, 0)),
    );
  const maturedPilot = pilot.filter(matured).length;
  const [bRate, pRate, bDelay, pDelay] = [rate(baseline), rate(pilot), delay(baseline), delay(pilot)];

  // recurring fields over every reviewed packet, whatever its period
  const reviewedDeals = new Set(active.filter((f) => f.status !== "open").map((f) => f.deal_id));
  const acc = active.filter((f) => f.status === "accepted");
  const fields = [...new Set(acc.map((f) => f.source))].map((source) => {
    const mine = acc.filter((f) => f.source === source);
    const deals = new Set(mine.map((f) => f.deal_id));
    const hours = early
      .filter((w) => mine.some((f) => f.deal_id === w.deal_id && f.category === w.category))
      .reduce((a, w) => a + w.hours, 0);
    return {
      source,
      share: deals.size / reviewedDeals.size,
      accepted_flags: mine.length,
      packets: deals.size,
      rework_hours: hours,
    };
  });
  fields.sort((a, b) => b.share - a.share || b.accepted_flags - a.accepted_flags || a.source.localeCompare(b.source));

  return {
    pilot: { packets: pilot.length },
    baseline: { packets: baseline.length },
    handoff_completeness: {
      mean: mean(pilot.map(completeness)),
      complete_share: mean(pilot.map((p) => (completeness(p) === 1 ? 1 : 0))),
      baseline_mean: mean(baseline.map(completeness)),
    },
    flags: {
      total: pilotFlags.length,
      reviewed: reviewed.length,
      accepted: accepted.length,
      rejected: reviewed.length - accepted.length,
      acceptance_rate: reviewed.length ? accepted.length / reviewed.length : null,
      disagreement_rate: reviewed.length ? (reviewed.length - accepted.length) / reviewed.length : null,
    },
    missing_obligations_caught: caught.length,
    customer_expectation_corrections: caught.filter((f) =>
      ["promise_not_in_scope", "timeline_assumption", "conflicting_terms"].includes(f.category),
    ).length,
    early_rework: {
      predicted: pilotEarly.filter((w) => outcome(w) === "predicted").length,
      dismissed: pilotEarly.filter((w) => outcome(w) === "dismissed").length,
      missed: pilotEarly.filter((w) => outcome(w) === "missed").length,
    },
    matured_packets: {
      data_date: iso(dataDate),
      pilot: maturedPilot,
      pilot_maturing: pilot.length - maturedPilot,
      baseline: baseline.filter(matured).length,
    },
    rework_rate: { baseline: bRate, pilot: pRate },
    rework_loops_avoided: bRate === null || pRate === null ? null : Math.max(0, bRate - pRate) * maturedPilot,
    kickoff_delay_prevented_days:
      bDelay === null || pDelay === null ? null : Math.max(0, bDelay - pDelay) * maturedPilot,
    handoffs_per_month: pilot.length / (g.windowDays / 30),
    minutes_per_month: (pilot.length / (g.windowDays / 30)) * g.reviewMinutes,
    recurring_fields: fields,
  };
}

/** Replaces numbers by 9-digit strings so float noise does not fail a comparison, nulls kept. */
const round = (x: unknown): unknown =>
  typeof x === "number"
    ? Number(x.toPrecision(9))
    : Array.isArray(x)
      ? x.map(round)
      : x && typeof x === "object"
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]))
        : x;

describe("pilot metrics agree with an independent computation of PRODUCT.md", () => {
  for (const seed of [11, 23, 37, 58]) {
    it(`on random data set ${seed}`, async () => {
      const g = generate(seed);
      const db = await tempDb();
      try {
        await setPilotSettings(db.db, {
          ...(await getPilotSettings(db.db)),
          pilot_start: g.pilotStart,
          window_days: g.windowDays,
          review_minutes_per_handoff: g.reviewMinutes,
        });
        writeFileSync(path.join(db.dir, "h.csv"), csvOf(HANDOFF_COLUMNS, g.packets));
        expect((await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") })).imported).toBe(
          g.packets.length,
        );
        writeFileSync(
          path.join(db.dir, "r.csv"),
          csvOf(
            ["rework_id", "deal_id", "logged_on", "category", "description", "hours", "kickoff_delay_days"],
            g.rework.map((w) => ({ ...w, description: "d" })),
          ),
        );
        expect((await importCsv(db, { kind: "rework", file: path.join(db.dir, "r.csv") })).imported).toBe(
          g.rework.length,
        );
        if (g.flags.length) {
          await db.db
            .insertInto("flags")
            .values(
              g.flags.map((f) => ({
                ...f,
                severity: "high",
                span_start: 0,
                span_end: 4,
                evidence: "text",
                message: "m",
                detector: "test@1",
                packet_version: 1,
                created_at: new Date("2026-01-01"),
                retired_at: null,
                topic: "t",
              })),
            )
            .execute();
        }
        // in entry order: equal decided_at ties go to the later entry
        if (g.reviews.length)
          await db.db
            .insertInto("reviews")
            .values(
              g.reviews.map((rv) => ({
                flag_id: rv.flag_id,
                decision: rv.decision,
                reviewer: "lead@x",
                reason: rv.decision === "rejected" ? "no" : null,
                decided_at: rv.decided_at,
                via: "ui",
              })),
            )
            .execute();

        const m = await metricsExport(db, { today: g.today });
        const want = reference(g);
        const got = {
          pilot: { packets: m.pilot.packets },
          baseline: m.baseline,
          handoff_completeness: m.handoff_completeness,
          flags: m.flags,
          missing_obligations_caught: m.missing_obligations_caught,
          customer_expectation_corrections: m.customer_expectation_corrections,
          early_rework: m.early_rework,
          matured_packets: m.matured_packets,
          rework_rate: m.rework_rate,
          rework_loops_avoided: m.rework_loops_avoided,
          kickoff_delay_prevented_days: m.kickoff_delay_prevented_days,
          handoffs_per_month: m.repeat_volume.handoffs_per_month,
          minutes_per_month: m.repeat_volume.minutes_per_month,
          recurring_fields: m.recurring_fields,
        };
        expect(round(got)).toEqual(round(want));
        // the data sets are varied enough to mean something: both periods, matured and maturing packets, rework
        expect(want.pilot.packets).toBeGreaterThan(5);
        expect(want.baseline.packets).toBeGreaterThan(5);
      } finally {
        await db.dispose();
      }
    });
  }

  it("covers both matured and maturing pilot packets across the data sets", () => {
    const m = [11, 23, 37, 58].map((s) => reference(generate(s)).matured_packets);
    expect(m.some((x) => x.pilot_maturing > 0 && x.pilot > 0)).toBe(true);
    expect(m.some((x) => x.pilot_maturing === 0)).toBe(true);
    const all = [11, 23, 37, 58].map((s) => reference(generate(s)));
    expect(
      all.some((x) => x.early_rework.predicted > 0 && x.early_rework.dismissed > 0 && x.early_rework.missed > 0),
    ).toBe(true);
    expect(all.some((x) => x.rework_loops_avoided !== null && x.rework_loops_avoided > 0)).toBe(true);
    // in some set a rework item is logged after "today", so the data date is the rework's, not the clock's
    expect(
      [11, 23, 37, 58].some(
        (s) => reference(generate(s)).matured_packets.data_date > generate(s).today.toISOString().slice(0, 10),
      ),
    ).toBe(true);
  });
});
