import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/roles";
import { listFlags } from "./flags.server";

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: string;
}

export class ForbiddenError extends Error {
  readonly status = 403;
}
export class ReviewInputError extends Error {
  readonly status = 400;
}
export class NotFoundError extends Error {
  readonly status = 404;
}

const sameName = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/** Logs a refused action to the audit log (and throws the 403). */
export async function refuse(open: OpenDatabase, actor: Actor | null, action: string, entityId: string, why: string): Promise<never> {
  await inTransaction(open, (tx, conn) =>
    appendAudit(tx, conn, [{ actor: actor?.email ?? "anonymous", action: "forbidden", entity: action, entityId, detail: { role: actor?.role ?? null, why } }]),
  );
  throw new ForbiddenError(why);
}

/** Accept or reject one flag. Implementation leads review any flag; account owners only their own deals. */
export async function decideFlag(
  open: OpenDatabase,
  actor: Actor,
  input: { flagId: string; decision: string; reason?: string | null; now?: Date },
): Promise<void> {
  const flag = await open.db
    .selectFrom("flags")
    .innerJoin("packets", "packets.deal_id", "flags.deal_id")
    .select(["flags.flag_id", "flags.deal_id", "flags.state", "packets.account_owner"])
    .where("flags.flag_id", "=", input.flagId)
    .executeTakeFirst();
  if (!can(actor.role, "review")) await refuse(open, actor, "review", input.flagId, "Only implementation leads and account owners can accept or reject flags.");
  if (!flag) throw new NotFoundError("This flag no longer exists. Reload the packet to see its current flags.");
  if (actor.role === "account_owner" && !sameName(flag.account_owner, actor.name)) {
    await refuse(open, actor, "review", input.flagId, "Account owners can review flags on their own deals only.");
  }
  if (flag.state !== "active") throw new ReviewInputError("This flag was retired when the packet changed. Review the current flags instead.");
  if (input.decision !== "accepted" && input.decision !== "rejected") throw new ReviewInputError("Choose accept or reject.");
  const reason = input.reason?.trim() || null;
  if (input.decision === "rejected" && !reason) throw new ReviewInputError("A rejection needs a reason: say why the flag does not apply.");
  if (reason && reason.length > 2000) throw new ReviewInputError("The reason is too long (2,000 characters at most).");
  const now = input.now ?? new Date();
  await inTransaction(open, async (tx, conn) => {
    await tx.insertInto("reviews").values({ flag_id: flag.flag_id, decision: input.decision, reviewer: actor.email, reason, decided_at: now, via: "ui" }).execute();
    await appendAudit(tx, conn, [{ actor: actor.email, action: `review.${input.decision}`, entity: "flag", entityId: flag.flag_id, detail: { deal_id: flag.deal_id, reason } }], now);
  });
}

/** Open flags of high severity on a packet, as the packet page shows them (a demoted detector's flags count as low). */
export async function openHighFlags(open: OpenDatabase, dealId: string): Promise<number> {
  return (await listFlags(open, { dealId })).filter((f) => f.status === "open" && f.severity === "high").length;
}

/**
 * Kickoff readiness: the implementation lead alone decides it, with no default. "Not ready" needs a comment;
 * "ready" while high-severity flags are still open needs an explicit confirmation and a comment.
 */
export async function decideReadiness(
  open: OpenDatabase,
  actor: Actor,
  input: { dealId: string; decision: string; comment?: string | null; confirmOpenHigh?: boolean; now?: Date },
): Promise<void> {
  if (!can(actor.role, "readiness")) await refuse(open, actor, "readiness", input.dealId, "Only the implementation lead can decide kickoff readiness.");
  const packet = await open.db.selectFrom("packets").select("deal_id").where("deal_id", "=", input.dealId).executeTakeFirst();
  if (!packet) throw new NotFoundError("There is no packet with this deal id.");
  if (input.decision !== "ready" && input.decision !== "not_ready") throw new ReviewInputError("Choose “Ready for kickoff” or “Not ready” before recording the decision.");
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 2000) throw new ReviewInputError("The comment is too long (2,000 characters at most).");
  if (input.decision === "not_ready" && !comment) throw new ReviewInputError("Say what blocks kickoff in the comment.");
  const openHigh = input.decision === "ready" ? await openHighFlags(open, input.dealId) : 0;
  if (openHigh > 0 && (!input.confirmOpenHigh || !comment)) {
    throw new ReviewInputError(
      `${openHigh} high-severity flag${openHigh === 1 ? " is" : "s are"} still open. To mark the packet ready anyway, tick the confirmation and say in the comment why kickoff can go ahead.`,
    );
  }
  const now = input.now ?? new Date();
  await inTransaction(open, async (tx, conn) => {
    await tx.insertInto("readiness_decisions").values({ deal_id: input.dealId, decision: input.decision, comment, decided_by: actor.email, decided_at: now }).execute();
    await tx.updateTable("packets").set({ readiness: input.decision }).where("deal_id", "=", input.dealId).execute();
    await appendAudit(tx, conn, [{ actor: actor.email, action: `readiness.${input.decision}`, entity: "packet", entityId: input.dealId, detail: openHigh ? { comment, open_high_flags: openHigh, confirmed: true } : { comment } }], now);
  });
}
