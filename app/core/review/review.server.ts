import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit, type AuditEntry } from "../audit/audit.server";
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

async function requireReviewer(open: OpenDatabase, actor: Actor, entityId: string): Promise<void> {
  if (!can(actor.role, "review"))
    await refuse(
      open,
      actor,
      "review",
      entityId,
      "Only implementation leads and account owners can accept or reject flags.",
    );
}

async function requireOwnDeal(open: OpenDatabase, actor: Actor, accountOwner: string | null, entityId: string) {
  if (actor.role === "account_owner" && !sameName(accountOwner, actor.name))
    await refuse(open, actor, "review", entityId, "Account owners can review flags on their own deals only.");
}

function checkReasonLength(reason: string | null): void {
  if (reason && reason.length > 2000) throw new ReviewInputError("The reason is too long (2,000 characters at most).");
}

/**
 * Stores one decision on each flag and its audit entries in one transaction; a bulk accept also gets one entry on
 * the packet naming the detector.
 */
async function recordReviews(
  open: OpenDatabase,
  actor: Actor,
  input: {
    decision: string;
    reason: string | null;
    now: Date;
    flags: { flag_id: string; deal_id: string }[];
    bulk?: { dealId: string; detector: string };
  },
): Promise<void> {
  const { decision, reason, now, flags, bulk } = input;
  await inTransaction(open, async (tx, conn) => {
    await tx
      .insertInto("reviews")
      .values(
        flags.map((f) => ({ flag_id: f.flag_id, decision, reviewer: actor.email, reason, decided_at: now, via: "ui" })),
      )
      .execute();
    const entries: AuditEntry[] = flags.map((f) => ({
      actor: actor.email,
      action: `review.${decision}`,
      entity: "flag",
      entityId: f.flag_id,
      detail: bulk ? { deal_id: f.deal_id, reason, bulk: true } : { deal_id: f.deal_id, reason },
    }));
    if (bulk)
      entries.push({
        actor: actor.email,
        action: "review.bulk_accepted",
        entity: "packet",
        entityId: bulk.dealId,
        detail: { detector: bulk.detector, flags: flags.length, reason },
      });
    await appendAudit(tx, conn, entries, now);
  });
}

/** Logs a refused action to the audit log (and throws the 403). */
export async function refuse(
  open: OpenDatabase,
  actor: Actor | null,
  action: string,
  entityId: string,
  why: string,
): Promise<never> {
  await inTransaction(open, (tx, conn) =>
    appendAudit(tx, conn, [
      {
        actor: actor?.email ?? "anonymous",
        action: "forbidden",
        entity: action,
        entityId,
        detail: { role: actor?.role ?? null, why },
      },
    ]),
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
  await requireReviewer(open, actor, input.flagId);
  if (!flag) throw new NotFoundError("This flag no longer exists. Reload the packet to see its current flags.");
  await requireOwnDeal(open, actor, flag.account_owner, input.flagId);
  if (flag.state !== "active")
    throw new ReviewInputError("This flag was retired when the packet changed. Review the current flags instead.");
  if (input.decision !== "accepted" && input.decision !== "rejected")
    throw new ReviewInputError("Choose accept or reject.");
  const reason = input.reason?.trim() || null;
  if (input.decision === "rejected" && !reason)
    throw new ReviewInputError("A rejection needs a reason: say why the flag does not apply.");
  checkReasonLength(reason);
  await recordReviews(open, actor, {
    decision: input.decision,
    reason,
    now: input.now ?? new Date(),
    flags: [{ flag_id: flag.flag_id, deal_id: flag.deal_id }],
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
  if (!can(actor.role, "readiness"))
    await refuse(open, actor, "readiness", input.dealId, "Only the implementation lead can decide kickoff readiness.");
  const packet = await open.db
    .selectFrom("packets")
    .select("deal_id")
    .where("deal_id", "=", input.dealId)
    .executeTakeFirst();
  if (!packet) throw new NotFoundError("There is no packet with this deal id.");
  if (input.decision !== "ready" && input.decision !== "not_ready")
    throw new ReviewInputError("Choose “Ready for kickoff” or “Not ready” before recording the decision.");
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > 2000)
    throw new ReviewInputError("The comment is too long (2,000 characters at most).");
  if (input.decision === "not_ready" && !comment) throw new ReviewInputError("Say what blocks kickoff in the comment.");
  const openHigh = input.decision === "ready" ? await openHighFlags(open, input.dealId) : 0;
  if (openHigh > 0 && (!input.confirmOpenHigh || !comment)) {
    throw new ReviewInputError(
      `${openHigh} high-severity flag${openHigh === 1 ? " is" : "s are"} still ` +
        `open. To mark the packet ready anyway, tick the confirmation and say in ` +
        `the comment why kickoff can go ahead.`,
    );
  }
  const now = input.now ?? new Date();
  await inTransaction(open, async (tx, conn) => {
    await tx
      .insertInto("readiness_decisions")
      .values({ deal_id: input.dealId, decision: input.decision, comment, decided_by: actor.email, decided_at: now })
      .execute();
    await tx.updateTable("packets").set({ readiness: input.decision }).where("deal_id", "=", input.dealId).execute();
    await appendAudit(
      tx,
      conn,
      [
        {
          actor: actor.email,
          action: `readiness.${input.decision}`,
          entity: "packet",
          entityId: input.dealId,
          detail: openHigh ? { comment, open_high_flags: openHigh, confirmed: true } : { comment },
        },
      ],
      now,
    );
  });
}

/** How long a reviewer may take back their last decision (enforced here, shown as a countdown on the page). */
export const UNDO_SECONDS = 60;

export interface LastDecision {
  deal_id: string;
  decision: string;
  /** the flags of that decision: one, or every flag of a bulk accept */
  flag_ids: string[];
  decided_at: Date;
  /** when undo stops being possible */
  until: Date;
}

/**
 * The actor's last review decision made on the dashboard (one flag, or a bulk accept: the reviews they recorded
 * at the same instant), if it is still inside the undo window and no one has decided those flags since.
 */
export async function lastDecision(open: OpenDatabase, actor: Actor, now = new Date()): Promise<LastDecision | null> {
  const rows = await open.db
    .selectFrom("reviews as r")
    .innerJoin("flags as f", "f.flag_id", "r.flag_id")
    .select(["r.id", "r.flag_id", "r.decision", "r.decided_at", "f.deal_id"])
    .where("r.reviewer", "=", actor.email)
    .where("r.via", "=", "ui")
    .where("r.decided_at", "=", (eb) =>
      eb
        .selectFrom("reviews")
        .select((e) => e.fn.max("decided_at").as("m"))
        .where("reviewer", "=", actor.email)
        .where("via", "=", "ui"),
    )
    .where("r.decided_at", ">", new Date(now.getTime() - UNDO_SECONDS * 1000))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reviews as later")
            .select("later.id")
            .whereRef("later.flag_id", "=", "r.flag_id")
            .whereRef("later.id", ">", "r.id"),
        ),
      ),
    )
    .orderBy("r.id")
    .execute();
  if (!rows.length) return null;
  const decidedAt = new Date(rows[0].decided_at);
  return {
    deal_id: rows[0].deal_id,
    decision: rows[0].decision,
    flag_ids: rows.map((r) => r.flag_id),
    decided_at: decidedAt,
    until: new Date(decidedAt.getTime() + UNDO_SECONDS * 1000),
  };
}

/**
 * Takes back the actor's last decision while the undo window is open: the review rows go, the flags are open
 * again, and the audit log keeps both the decision and its undoing (one entry per flag, one transaction).
 */
export async function undoLastDecision(
  open: OpenDatabase,
  actor: Actor,
  input: { dealId: string; now?: Date },
): Promise<LastDecision> {
  await requireReviewer(open, actor, input.dealId);
  const now = input.now ?? new Date();
  const last = await lastDecision(open, actor, now);
  if (!last || last.deal_id !== input.dealId) {
    throw new ReviewInputError(
      `There is no decision of yours on this packet to undo: a decision can be ` +
        `undone for ${UNDO_SECONDS} seconds after it is made.`,
    );
  }
  await inTransaction(open, async (tx, conn) => {
    const gone = await tx
      .deleteFrom("reviews")
      .where("reviewer", "=", actor.email)
      .where("via", "=", "ui")
      .where("decided_at", "=", last.decided_at)
      .where("flag_id", "in", last.flag_ids)
      .returning(["flag_id", "decision", "reason"])
      .execute();
    await appendAudit(
      tx,
      conn,
      gone.map((g) => ({
        actor: actor.email,
        action: "review.undone",
        entity: "flag",
        entityId: g.flag_id,
        detail: { deal_id: last.deal_id, undone: g.decision, reason: g.reason },
      })),
      now,
    );
  });
  return last;
}

/**
 * Accepts every open flag of one detector on one packet with one reason, in one transaction (each flag gets its
 * review row and its audit entry, and the packet one entry naming the bulk accept). Same rights as one decision.
 */
export async function bulkAccept(
  open: OpenDatabase,
  actor: Actor,
  input: { dealId: string; detector: string; reason: string; now?: Date },
): Promise<number> {
  await requireReviewer(open, actor, input.dealId);
  const packet = await open.db
    .selectFrom("packets")
    .select(["deal_id", "account_owner"])
    .where("deal_id", "=", input.dealId)
    .executeTakeFirst();
  if (!packet) throw new NotFoundError("There is no packet with this deal id.");
  await requireOwnDeal(open, actor, packet.account_owner, input.dealId);
  const reason = input.reason.trim();
  if (!reason) throw new ReviewInputError("Say why these flags are accepted together: one reason covers them all.");
  checkReasonLength(reason);
  const targets = (await listFlags(open, { dealId: input.dealId })).filter(
    (f) => f.status === "open" && f.detector === input.detector,
  );
  if (!targets.length)
    throw new ReviewInputError(
      "This detector has no open flags left on this packet. Reload the packet to see its current flags.",
    );
  await recordReviews(open, actor, {
    decision: "accepted",
    reason,
    now: input.now ?? new Date(),
    flags: targets,
    bulk: { dealId: input.dealId, detector: input.detector },
  });
  return targets.length;
}
