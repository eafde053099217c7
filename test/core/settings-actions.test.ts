import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updatePilotSettings, updateSources } from "../../app/core/settings-actions.server";
import { getApprovedSources, getPilotSettings } from "../../app/core/settings.server";
import { UserError } from "../../app/core/auth/users.server";
import { tempDb } from "../helpers/db";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.dispose();
});

const pilotForm = (over: Record<string, string> = {}) => {
  const f = new FormData();
  const fields: Record<string, string> = {
    pilot_start: "2026-03-01",
    window_days: "14",
    review_minutes_per_handoff: "20",
    completeness_mean: "0.9",
    acceptance_rate: "0.6",
    disagreement_rate_max: "0.2",
    rework_reduction: "0.3",
    repeat_volume_minutes: "600",
    min_reviewed_packets: "20",
    field_share_fix: "0.25",
    topic_packets_fix: "3",
    topic_days_fix: "90",
    ...over,
  };
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

const auditActions = async () =>
  (await db.db.selectFrom("audit_log").select("action").orderBy("seq").execute()).map((r) => r.action);

describe("settings forms", () => {
  it("save the pilot settings and their audit entry together", async () => {
    await updatePilotSettings(db, "rev@ops.test", pilotForm());
    const s = await getPilotSettings(db.db);
    expect(s.pilot_start).toBe("2026-03-01");
    expect(s.window_days).toBe(14);
    expect(s.thresholds.topic_days_fix).toBe(90);
    expect(await auditActions()).toEqual(["settings.pilot"]);
  });
  it("refuse a bad field by its name and write nothing", async () => {
    const before = await getPilotSettings(db.db);
    await expect(updatePilotSettings(db, "rev@ops.test", pilotForm({ window_days: "3" }))).rejects.toThrow(UserError);
    await expect(updatePilotSettings(db, "rev@ops.test", pilotForm({ pilot_start: "soon" }))).rejects.toThrow(
      /not a date/,
    );
    expect(await getPilotSettings(db.db)).toEqual(before);
    expect(await auditActions()).toEqual([]);
  });
  it("save approved sources with the roles pricing is hidden from, and refuse odd names", async () => {
    const f = new FormData();
    f.set("sources", "salesforce, hubspot");
    f.set("hide.leadership", "1");
    await updateSources(db, "admin@ops.test", f);
    expect(await getApprovedSources(db.db)).toEqual(["salesforce", "hubspot"]);
    expect((await getPilotSettings(db.db)).hide_pricing_from).toEqual(["leadership"]);
    f.set("sources", "sales force; drop table");
    await expect(updateSources(db, "admin@ops.test", f)).rejects.toThrow(/letters, digits/);
    expect(await auditActions()).toEqual(["settings.sources"]);
  });
});
