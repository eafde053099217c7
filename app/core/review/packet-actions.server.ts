// What the packet page's forms ask for, parsed with zod and carried out by the review functions. The route only
// turns the outcome into a response: refusals (403) and missing things (404) as pages, input problems beside the form.
import { z } from "zod";
import type { OpenDatabase } from "../db/db.server";
import {
  bulkAccept,
  decideFlag,
  decideReadiness,
  ForbiddenError,
  NotFoundError,
  refuse,
  ReviewInputError,
  undoLastDecision,
  type Actor,
} from "./review.server";
import { can } from "../auth/roles";
import { refusal } from "../messages";

const text = z.string().max(100_000).optional().default("");
const PacketForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["accept", "reject"]), flag_id: z.string().min(1), reason: text }),
  z.object({
    intent: z.literal("readiness"),
    decision: text,
    comment: text,
    confirm_open_high: z.literal("1").optional(),
  }),
  z.object({ intent: z.literal("undo") }),
  z.object({ intent: z.literal("bulk_accept"), detector: z.string().min(1), reason: text }),
]);

export interface PacketActionResult {
  ok: boolean;
  intent: string;
  /** the flag a per-flag message belongs to */
  flagId: string | null;
  error: string | null;
  /** what happened, for the status line (undo and bulk accept) */
  done: string | null;
}

export interface PacketActionOutcome {
  status: number;
  result: PacketActionResult;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Carries out one form post of the packet page for a signed-in user. */
export async function packetAction(
  open: OpenDatabase,
  user: Actor,
  dealId: string,
  form: FormData,
): Promise<PacketActionOutcome> {
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const parsed = PacketForm.safeParse(raw);
  const intent = typeof raw.intent === "string" ? raw.intent : "";
  const reply = (status: number, r: Partial<PacketActionResult>): PacketActionOutcome => ({
    status,
    result: { ok: status === 200, intent, flagId: null, error: null, done: null, ...r },
  });
  // a role that may neither review nor decide readiness is refused (and the refusal logged) whatever it posted
  if (!can(user.role, "review") && !can(user.role, "readiness")) {
    try {
      await refuse(open, user, "review", dealId, refusal("review"));
    } catch (e) {
      if (e instanceof ForbiddenError) return reply(403, { error: e.message });
      throw e; // the refusal could not be logged: never passed off as a quiet 403
    }
  }
  if (!parsed.success)
    return reply(400, { error: "That action is not available on this page. Reload the page and try again." });
  const f = parsed.data;
  try {
    switch (f.intent) {
      case "accept":
      case "reject":
        await decideFlag(open, user, {
          flagId: f.flag_id,
          decision: f.intent === "accept" ? "accepted" : "rejected",
          reason: f.reason,
        });
        return reply(200, { flagId: f.flag_id });
      case "readiness":
        await decideReadiness(open, user, {
          dealId,
          decision: f.decision,
          comment: f.comment,
          confirmOpenHigh: f.confirm_open_high === "1",
        });
        return reply(200, {});
      case "undo": {
        const last = await undoLastDecision(open, user, { dealId });
        return reply(200, {
          flagId: last.flag_ids[0],
          done:
            `Undone: ${plural(last.flag_ids.length, "flag")} ${last.flag_ids.length === 1 ? "is" : "are"} ` +
            `open again.`,
        });
      }
      case "bulk_accept": {
        const n = await bulkAccept(open, user, { dealId, detector: f.detector, reason: f.reason });
        return reply(200, { done: `Accepted ${plural(n, "flag")} of ${f.detector} with one reason.` });
      }
    }
  } catch (e) {
    if (e instanceof ForbiddenError) return reply(403, { error: e.message });
    if (e instanceof NotFoundError) return reply(404, { error: e.message });
    if (e instanceof ReviewInputError)
      return reply(400, { error: e.message, flagId: "flag_id" in f ? f.flag_id : null });
    throw e;
  }
}
