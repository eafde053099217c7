import type { Tx } from "./db/tx.server";
import type { DB } from "./db/db.server";

/** Pilot configuration and thresholds; stored as JSON in the settings table, defaults below. */
export interface PilotSettings {
  pilot_start: string; // YYYY-MM-DD
  window_days: number;
  review_minutes_per_handoff: number;
  targets: {
    completeness_mean: number;
    acceptance_rate: number;
    disagreement_rate_max: number;
    rework_reduction: number; // fraction of baseline rate
    repeat_volume_minutes: number;
    min_reviewed_packets: number;
  };
  thresholds: {
    field_share_fix: number; // a field whose recurring share is above this → fix templates
    topic_packets_fix: number; // the same missing requirement in at least N packets → fix templates
  };
  hide_pricing_from: string[]; // roles that do not see order_form / deal_desk_exception text
}

export const DEFAULT_PILOT: PilotSettings = {
  pilot_start: "2026-09-01",
  window_days: 90,
  review_minutes_per_handoff: 45,
  targets: {
    completeness_mean: 0.9,
    acceptance_rate: 0.7,
    disagreement_rate_max: 0.3,
    rework_reduction: 0.25,
    repeat_volume_minutes: 600,
    min_reviewed_packets: 20,
  },
  thresholds: { field_share_fix: 0.4, topic_packets_fix: 3 },
  hide_pricing_from: [],
};

export const DEFAULT_APPROVED_SOURCES = ["csv", "salesforce", "hubspot"];

type Reader = DB | Tx;

async function read<T>(db: Reader, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

// Settings reach the metric queries only as parameters (part of their cache key), so no invalidation here.
async function write(db: Reader, key: string, value: unknown): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

export async function getPilotSettings(db: Reader): Promise<PilotSettings> {
  const stored = await read<Partial<PilotSettings>>(db, "pilot", {});
  return {
    ...DEFAULT_PILOT,
    ...stored,
    targets: { ...DEFAULT_PILOT.targets, ...(stored.targets ?? {}) },
    thresholds: { ...DEFAULT_PILOT.thresholds, ...(stored.thresholds ?? {}) },
  };
}

export async function setPilotSettings(db: Reader, value: PilotSettings): Promise<void> {
  await write(db, "pilot", value);
}

export async function getApprovedSources(db: Reader): Promise<string[]> {
  return read(db, "approved_sources", DEFAULT_APPROVED_SOURCES);
}

export async function setApprovedSources(db: Reader, sources: string[]): Promise<void> {
  await write(db, "approved_sources", [...new Set(sources.map((s) => s.trim().toLowerCase()).filter(Boolean))]);
}
