import { z } from "zod";
import type { Tx } from "./db/tx.server";
import type { DB } from "./db/db.server";
import { errorMessage } from "./errors";

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
    topic_days_fix: number; // …accepted within the last M days → a proposed template change
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
  thresholds: { field_share_fix: 0.4, topic_packets_fix: 3, topic_days_fix: 90 },
  hide_pricing_from: [],
};

export const DEFAULT_APPROVED_SOURCES = ["csv", "salesforce", "hubspot"];

type Reader = DB | Tx;

const fraction = z.number().min(0).max(1);
/** What may be stored under "pilot": any subset of the settings (the defaults fill the rest), each of its type. */
const StoredPilot = z
  .object({
    pilot_start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "pilot_start must be a YYYY-MM-DD date"),
    window_days: z.number().positive(),
    review_minutes_per_handoff: z.number().positive(),
    targets: z
      .object({
        completeness_mean: fraction,
        acceptance_rate: fraction,
        disagreement_rate_max: fraction,
        rework_reduction: fraction,
        repeat_volume_minutes: z.number().min(0),
        min_reviewed_packets: z.number().min(0),
      })
      .partial(),
    thresholds: z
      .object({ field_share_fix: fraction, topic_packets_fix: z.number().min(1), topic_days_fix: z.number().min(1) })
      .partial(),
    hide_pricing_from: z.array(z.string()),
  })
  .partial();
const StoredSources = z.array(z.string());

/**
 * A stored setting that cannot be read (not JSON, or not of its shape). It is never replaced by the defaults
 * silently: whatever needs it fails with this message (and the server log has it) until someone saves it again.
 */
export class SettingsCorrupt extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(
      `The stored "${key}" settings cannot be read (${problem}), so nothing that ` +
        `depends on them runs on guessed defaults. Saving them again replaces them ` +
        `(the batch tool's "pilot set" starts from the defaults and says so).`,
    );
  }
}

async function read<S extends z.ZodType>(
  db: Reader,
  key: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  if (!row) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch (e) {
    throw new SettingsCorrupt(key, `not valid JSON: ${errorMessage(e)}`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new SettingsCorrupt(key, `${i?.path.join(".") || "value"}: ${i?.message ?? "wrong shape"}`);
  }
  return r.data;
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
  const stored = await read(db, "pilot", StoredPilot, {});
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
  return read(db, "approved_sources", StoredSources, DEFAULT_APPROVED_SOURCES);
}

export async function setApprovedSources(db: Reader, sources: string[]): Promise<void> {
  await write(db, "approved_sources", [...new Set(sources.map((s) => s.trim().toLowerCase()).filter(Boolean))]);
}
