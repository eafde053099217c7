// What the Settings page's forms change: pilot targets and thresholds, approved sources and hidden pricing. Each
// change and its audit entry are written in one transaction, so a saved setting always has its audit record.
import { appendAudit } from "./audit/audit.server";
import { UserError } from "./auth/users.server";
import { ROLES } from "./auth/roles";
import { inTransaction } from "./db/tx.server";
import type { OpenDatabase } from "./db/db.server";
import { parseDate } from "./ingest/values";
import { getPilotSettings, setApprovedSources, setPilotSettings, type PilotSettings } from "./settings.server";

/** The names the form's fields have on the page, for messages. */
export const FIELD_NAMES: Record<string, string> = {
  window_days: "The pilot window (days)",
  review_minutes_per_handoff: "Manual review minutes per handoff",
  completeness_mean: "Target completeness",
  acceptance_rate: "Target acceptance rate",
  disagreement_rate_max: "Max disagreement rate",
  rework_reduction: "Target rework reduction",
  repeat_volume_minutes: "Target repeat volume",
  min_reviewed_packets: "Min reviewed pilot packets",
  field_share_fix: "The field share threshold",
  topic_packets_fix: "The recurring gap threshold",
  topic_days_fix: "The recurring gap period",
};

type Form = Pick<FormData, "get">;

function numberField(form: Form, name: string, min: number, max: number): number {
  const v = Number(form.get(name));
  if (!Number.isFinite(v) || v < min || v > max) {
    throw new UserError(`${FIELD_NAMES[name] ?? name.replace(/_/g, " ")} must be a number between ${min} and ${max}.`);
  }
  return v;
}

/** Reads the pilot form over the current settings; a bad field is a UserError naming it. */
export function pilotFromForm(form: Form, current: PilotSettings): PilotSettings {
  let start: string | null;
  try {
    start = parseDate(String(form.get("pilot_start") ?? ""));
  } catch {
    throw new UserError("The pilot start is not a date: pick one, or type it as YYYY-MM-DD.");
  }
  return {
    ...current,
    pilot_start: start ?? current.pilot_start,
    window_days: numberField(form, "window_days", 7, 366),
    review_minutes_per_handoff: numberField(form, "review_minutes_per_handoff", 1, 600),
    targets: {
      completeness_mean: numberField(form, "completeness_mean", 0, 1),
      acceptance_rate: numberField(form, "acceptance_rate", 0, 1),
      disagreement_rate_max: numberField(form, "disagreement_rate_max", 0, 1),
      rework_reduction: numberField(form, "rework_reduction", 0, 1),
      repeat_volume_minutes: numberField(form, "repeat_volume_minutes", 0, 1e7),
      min_reviewed_packets: numberField(form, "min_reviewed_packets", 0, 1e6),
    },
    thresholds: {
      field_share_fix: numberField(form, "field_share_fix", 0, 1),
      topic_packets_fix: numberField(form, "topic_packets_fix", 1, 1e6),
      topic_days_fix: numberField(form, "topic_days_fix", 1, 3650),
    },
  };
}

/** Saves the pilot settings from the form and logs them, in one transaction. */
export async function updatePilotSettings(open: OpenDatabase, actor: string, form: Form): Promise<void> {
  const next = pilotFromForm(form, await getPilotSettings(open.db));
  await inTransaction(open, async (tx, conn) => {
    await setPilotSettings(tx, next);
    await appendAudit(tx, conn, [
      { actor, action: "settings.pilot", entity: "settings", entityId: "pilot", detail: { ...next } },
    ]);
  });
}

/** Saves the approved source systems and the roles pricing is hidden from, and logs them, in one transaction. */
export async function updateSources(open: OpenDatabase, actor: string, form: Form): Promise<void> {
  const list = String(form.get("sources") ?? "")
    .split(/[,\s]+/)
    .filter(Boolean);
  if (list.some((s) => !/^[a-z0-9_.-]{1,40}$/i.test(s))) {
    throw new UserError("Source system names use letters, digits, dots, dashes or underscores only.");
  }
  const hide = ROLES.filter((r) => form.get(`hide.${r}`) === "1");
  await inTransaction(open, async (tx, conn) => {
    await setApprovedSources(tx, list);
    await setPilotSettings(tx, { ...(await getPilotSettings(tx)), hide_pricing_from: hide });
    await appendAudit(tx, conn, [
      {
        actor,
        action: "settings.sources",
        entity: "settings",
        entityId: "approved_sources",
        detail: { sources: list, hide_pricing_from: hide },
      },
    ]);
  });
}
