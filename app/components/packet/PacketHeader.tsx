import { Link } from "@remix-run/react";
import { PACKET_PARTS } from "~/core/packet";
import { day, label, money, pct } from "~/format";
import type { PacketData } from "./types";

const dealLink = (dealId: string, from: string) =>
  `/packets/${encodeURIComponent(dealId)}?from=${encodeURIComponent(from)}`;

/** Back to the queue the reviewer came from, with the packets before and after this one in it. */
function QueueNav({ queue }: { queue: PacketData["queue"] }) {
  return (
    <nav className="packet-nav" aria-label="Queue">
      <Link to={queue ? `/packets?${queue.from}` : "/packets"}>
        ← {queue && new URLSearchParams(queue.from).get("view") === "mine" ? "My review queue" : "Review queue"}
      </Link>
      {queue && "position" in queue && queue.position ? (
        <>
          <span className="muted">
            {queue.position} of {queue.total}
          </span>
          {queue.previous ? (
            <Link to={dealLink(queue.previous.deal_id, queue.from)} rel="prev">
              ← Previous: {queue.previous.account_name}
            </Link>
          ) : null}
          {queue.next ? (
            <Link to={dealLink(queue.next.deal_id, queue.from)} rel="next">
              Next: {queue.next.account_name} →
            </Link>
          ) : null}
        </>
      ) : null}
    </nav>
  );
}

/** The queue links, the packet's title and its facts: people, dates, amount, completeness, readiness, source. */
export function PacketHeader({ d }: { d: PacketData }) {
  const p = d.packet;
  const latestReadiness = d.readiness[0];
  return (
    <>
      <QueueNav queue={d.queue} />
      <h1>
        {p.account_name} <span className="muted">· {p.opportunity_name ?? p.deal_id}</span>
      </h1>
      <div className="packet-head card">
        <div>
          <b>Deal</b>
          {p.deal_id}
        </div>
        <div>
          <b>Account owner</b>
          {p.account_owner ?? "—"}
        </div>
        <div>
          <b>Delivery owner</b>
          {p.delivery_owner?.trim() ? p.delivery_owner : <span className="bad">not assigned</span>}
        </div>
        <div>
          <b>Implementation lead</b>
          {p.implementation_lead ?? "—"}
        </div>
        <div>
          <b>Close</b>
          {day(p.close_date)}
        </div>
        <div>
          <b>Kickoff</b>
          {day(p.kickoff_date)}
        </div>
        <div>
          <b>Amount</b>
          {d.hidePricing ? "hidden" : money(p.amount, p.currency ?? "USD")}
        </div>
        <div>
          <b>Completeness</b>
          {pct(d.completeness)} of {PACKET_PARTS.length} parts
        </div>
        <div>
          <b>Readiness</b>
          {latestReadiness ? (
            <span className={`badge ${latestReadiness.decision === "ready" ? "accepted" : "high"}`}>
              {label(latestReadiness.decision)}
            </span>
          ) : (
            "undecided"
          )}
        </div>
        <div>
          <b>Source</b>
          {p.source_system}
          {p.approved_source ? "" : " (not approved: not scored)"}
        </div>
      </div>
    </>
  );
}
