// Everything the packet page shows one signed-in user: the packet as their role may see it, the queue it was
// opened from, what was checked, and what they may do (review, readiness, undo their last decision).
import type { OpenDatabase } from "../db/db.server";
import { packetDetail, queueFilter, queueNeighbours } from "../dashboard.server";
import { getPilotSettings } from "../settings.server";
import { can } from "../auth/roles";
import { packetCoverage } from "./coverage";
import { lastDecision, type Actor } from "./review.server";

export async function packetView(open: OpenDatabase, user: Actor, dealId: string, from: string | null) {
  const detail = await packetDetail(open, dealId);
  if (!detail) return null;
  const settings = await getPilotSettings(open.db);
  const hidePricing = settings.hide_pricing_from.includes(user.role);
  const ownDeal = (detail.packet.account_owner ?? "").trim().toLowerCase() === user.name.trim().toLowerCase();
  const canReview = can(user.role, "review") && (user.role !== "account_owner" || ownDeal);
  // opened from a queue: the way back to it, and the packets before and after this one in it
  const queue = from !== null ? { from, ...(await queueNeighbours(open, queueFilter(new URLSearchParams(from), user), detail.packet.deal_id)) } : null;
  const last = canReview ? await lastDecision(open, user) : null;
  return {
    queue,
    coverage: packetCoverage(detail.packet, new Set(hidePricing ? ["order_form", "deal_desk_exception"] : [])),
    ...detail,
    hidePricing,
    packet: hidePricing ? { ...detail.packet, order_form: null, deal_desk_exception: null, amount: null } : detail.packet,
    flags: hidePricing ? detail.flags.filter((f) => f.source !== "order_form" && f.source !== "deal_desk_exception") : detail.flags,
    // the same count decideReadiness enforces (over every flag, shown or hidden for this role)
    openHigh: detail.flags.filter((f) => f.status === "open" && f.severity === "high").length,
    canReview,
    canDecideReadiness: can(user.role, "readiness"),
    /** the user's last decision on this packet while it can still be undone */
    undo: last && last.deal_id === detail.packet.deal_id ? { decision: last.decision, flagIds: last.flag_ids, until: last.until.toISOString() } : null,
  };
}
