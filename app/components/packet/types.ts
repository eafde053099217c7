import type { SerializeFrom } from "@remix-run/node";
import type { packetView } from "~/core/review/packet-view.server";
import type { PacketActionResult } from "~/core/review/packet-actions.server";

/** What the packet page's loader sends (packetView, as JSON). */
export type PacketData = SerializeFrom<NonNullable<Awaited<ReturnType<typeof packetView>>>>;
/** The answer to the page's last form post, if any. */
export type PacketResult = SerializeFrom<PacketActionResult> | undefined;
