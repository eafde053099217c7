// Rows for the analytics fixtures: handoffs and rework imported through the real CSV import, flags and reviews
// inserted as the scorer and the review queue would store them.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { importCsv } from "../../app/core/ingest/import.server";
import { COLUMNS } from "../../app/core/ingest/columns";
import { csvOf, HANDOFF_COLUMNS, type PacketRow } from "./factories";
import type { tempDb } from "./db";

type TestDb = Awaited<ReturnType<typeof tempDb>>;

/** Imports the packets as a handoff CSV (written into the database's temp folder). */
export async function importPackets(db: TestDb, packets: PacketRow[]) {
  writeFileSync(path.join(db.dir, "h.csv"), csvOf(HANDOFF_COLUMNS, packets));
  return importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") });
}

/** A flag row as the scorer stores it; only what an analytic reads varies. */
export const flagRow = (
  id: string,
  deal: string,
  category: string,
  source: string,
  severity = "high",
  state = "active",
) => ({
  flag_id: id,
  deal_id: deal,
  category,
  severity,
  source,
  span_start: 0,
  span_end: 4,
  evidence: "text",
  message: "m",
  detector: "test@1",
  state,
  packet_version: 1,
  created_at: new Date("2026-01-01"),
  retired_at: null,
  topic: "go-live date",
});

/** A review decision (a rejection carries a reason, as the review queue requires). */
export const reviewRow = (flag_id: string, decision: string, at: string) => ({
  flag_id,
  decision,
  reviewer: "lead@x",
  reason: decision === "rejected" ? "no" : null,
  decided_at: new Date(at),
  via: "ui",
});

export const REWORK_COLUMNS = COLUMNS.rework.map((c) => c.name);

/** Imports rework items given as [rework_id, deal_id, logged_on, category, hours, kickoff_delay_days]. */
export async function importRework(
  db: TestDb,
  items: (string | number)[][],
  description: (reworkId: string) => string,
) {
  const rows = items.map(([rework_id, deal_id, logged_on, category, hours, kickoff_delay_days]) => ({
    rework_id,
    deal_id,
    logged_on,
    category,
    description: description(String(rework_id)),
    hours,
    kickoff_delay_days,
  }));
  writeFileSync(path.join(db.dir, "r.csv"), csvOf(REWORK_COLUMNS, rows));
  return importCsv(db, { kind: "rework", file: path.join(db.dir, "r.csv") });
}

/** Pilot inputs that meet every expand target of the default settings. */
export const GOOD_PILOT_INPUTS = {
  pilot_packets: 40,
  flags_reviewed: 100,
  completeness_mean: 0.95,
  acceptance_rate: 0.8,
  disagreement_rate: 0.2,
  rework_rate_baseline: 1,
  rework_rate_pilot: 0.5,
  repeat_volume_minutes: 1000,
};
