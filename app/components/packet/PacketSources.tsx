import { SOURCE_LABELS, TEXT_SOURCES } from "~/core/packet";
import { Highlighted } from "~/components/Highlighted";
import type { PacketData } from "./types";

/** What the scorer read of the packet (open when something was left out or nothing was found). */
export function Coverage({ d }: { d: PacketData }) {
  const complete =
    d.coverage.status === "scored" && d.coverage.parts.every((x) => x.state === "read" || x.state === "hidden");
  return (
    <details
      className={`card coverage ${complete ? "" : "warn"}`}
      open={d.coverage.status !== "scored" || d.flags.length === 0}
    >
      <summary>
        <b>What was checked:</b> {d.coverage.summary}
      </summary>
      <ul>
        {d.coverage.parts.map((x) => (
          <li key={x.source} className={x.state}>
            <b>{x.label}</b>: {x.note}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The packet's text parts, each with its flags' evidence highlighted (pricing parts hidden where the role says). */
export function PacketSources({ d }: { d: PacketData }) {
  return (
    <section className="sources" aria-labelledby="sources-head">
      <h2 id="sources-head" className="sr-only">
        Packet sources
      </h2>
      {TEXT_SOURCES.map((s) => {
        const text = d.packet[s];
        return (
          <div key={s} className="source card">
            <h3>{SOURCE_LABELS[s]}</h3>
            {d.hidePricing && (s === "order_form" || s === "deal_desk_exception") ? (
              <p className="muted">Hidden for your role.</p>
            ) : text?.trim() ? (
              <div className="source-text" role="region" aria-label={`${SOURCE_LABELS[s]} text`} tabIndex={0}>
                <pre>
                  <Highlighted text={text} flags={d.flags.filter((f) => f.source === s)} />
                </pre>
              </div>
            ) : (
              <p className="muted">(blank)</p>
            )}
          </div>
        );
      })}
      {/* the deal amount as written, where a flag cites it (it disagrees with the order form's total) */}
      {d.packet.amount_text && d.flags.some((f) => f.source === "amount") ? (
        <div className="source card">
          <h3>{SOURCE_LABELS.amount}</h3>
          <div className="source-text" role="region" aria-label={`${SOURCE_LABELS.amount} text`} tabIndex={0}>
            <pre>
              <Highlighted text={d.packet.amount_text} flags={d.flags.filter((f) => f.source === "amount")} />
            </pre>
          </div>
        </div>
      ) : null}
    </section>
  );
}
