// Everything the packet page shows one signed-in user: the packet as their role may see it, the queue it was
// opened from, what was checked, and what they may do (review, readiness, undo their last decision).
import type { OpenDatabase } from "../db/db.server";
import { packetDetail, queueFilter, queueNeighbours } from "../dashboard.server";
import type { Visibility } from "../auth/visibility.server";
import { can } from "../auth/roles";
import { packetCoverage } from "./coverage";
import { lastDecision, type Actor } from "./review.server";

/** The packet page's data; text, flags, note and audit entries as `vis` (the user's role) may see them. */
export async function packetView(
  open: OpenDatabase,
  user: Actor,
  vis: Visibility,
  dealId: string,
  from: string | null,
) {
  const detail = await packetDetail(open, dealId, vis);
  if (!detail) return null;
  const ownDeal = (detail.packet.account_owner ?? "").trim().toLowerCase() === user.name.trim().toLowerCase();
  const canReview = can(user.role, "review") && (user.role !== "account_owner" || ownDeal);
  // opened from a queue: the way back to it, and the packets before and after this one in it
  const queue =
    from !== null
      ? { from, ...(await queueNeighbours(open, queueFilter(new URLSearchParams(from), user), detail.packet.deal_id)) }
      : null;
  const last = canReview ? await lastDecision(open, user) : null;
  return {
    queue,
    coverage: packetCoverage(detail.packet, vis.hiddenSources),
    // packet, flags, note and audit entries have passed through vis; openHigh counts every open high flag, shown or
    // hidden (what decideReadiness enforces)
    ...detail,
    hidePricing: vis.pricingHidden,
    canReview,
    canDecideReadiness: can(user.role, "readiness"),
    /** the user's last decision on this packet while it can still be undone */
    undo:
      last && last.deal_id === detail.packet.deal_id
        ? { decision: last.decision, flagIds: last.flag_ids, until: last.until.toISOString() }
        : null,
  };
}
