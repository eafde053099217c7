import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/roles";

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
  if (!can(actor.role, "review")) await refuse(open, actor, "review", input.flagId, `the ${actor.role} role cannot review flags`);
  if (!flag) throw new NotFoundError(`no flag ${input.flagId}`);
  if (actor.role === "account_owner" && !sameName(flag.account_owner, actor.name)) {
    await refuse(open, actor, "review", input.flagId, "account owners review flags on their own deals only");
  }
  if (flag.state !== "active") throw new ReviewInputError("this flag was retired when the packet changed; review the current flags");
  if (input.decision !== "accepted" && input.decision !== "rejected") throw new ReviewInputError("decision must be accepted or rejected");
  const reason = input.reason?.trim() || null;
  if (input.decision === "rejected" && !reason) throw new ReviewInputError("a rejection needs a reason");
  if (reason && reason.length > 2000) throw new ReviewInputError("the reason is too long (2,000 characters at most)");
  const now = input.now ?? new Date();
  await inTransaction(open, async (tx, conn) => {
    await tx.insertInto("reviews").values({ flag_id: flag.flag_id, decision: input.decision, reviewer: actor.email, reason, decided_at: now, via: "ui" }).execute();
    await appendAudit(tx, conn, [{ actor: actor.email, action: `review.${input.decision}`, entity: "flag", entityId: flag.flag_id, detail: { deal_id: flag.deal_id, reason } }], now);
  });
}

/** Kickoff readiness: the implementation lead alone decides it. */
export async function decideReadiness(
  open: OpenDatabase,
  actor: Actor,
  input: { dealId: string; decision: string; comment?: string | null; now?: Date },
): Promise<void> {
  if (!can(actor.role, "readiness")) await refuse(open, actor, "readiness", input.dealId, "only the implementation lead decides kickoff readiness");
  const packet = await open.db.selectFrom("packets").select("deal_id").where("deal_id", "=", input.dealId).executeTakeFirst();
  if (!packet) throw new NotFoundError(`no packet ${input.dealId}`);
  if (input.decision !== "ready" && input.decision !== "not_ready") throw new ReviewInputError("readiness must be ready or not_ready");
  const comment = input.comment?.trim() || null;
  if (input.decision === "not_ready" && !comment) throw new ReviewInputError("say what blocks kickoff");
  const now = input.now ?? new Date();
  await inTransaction(open, async (tx, conn) => {
    await tx.insertInto("readiness_decisions").values({ deal_id: input.dealId, decision: input.decision, comment, decided_by: actor.email, decided_at: now }).execute();
    await tx.updateTable("packets").set({ readiness: input.decision }).where("deal_id", "=", input.dealId).execute();
    await appendAudit(tx, conn, [{ actor: actor.email, action: `readiness.${input.decision}`, entity: "packet", entityId: input.dealId, detail: { comment } }], now);
  });
}
