import { useState } from "react";
import { Form } from "@remix-run/react";
import { label, when } from "~/format";
import type { PacketData } from "./types";
import { ErrorAlert } from "~/components/Alert";

/** The implementation lead's kickoff decision (a confirmation and a comment while high flags are open) and its log. */
export function Readiness({ d, busy, error }: { d: PacketData; busy: boolean; error: string | null }) {
  return (
    <>
      <h2 id="readiness" tabIndex={-1}>
        Kickoff readiness
      </h2>
      {d.canDecideReadiness ? (
        <Form method="post" className="card readiness">
          <input type="hidden" name="intent" value="readiness" />
          <fieldset>
            <legend>Decision</legend>
            <label className="check">
              <input type="radio" name="decision" value="ready" required /> Ready for kickoff
            </label>
            <label className="check">
              <input type="radio" name="decision" value="not_ready" required /> Not ready
            </label>
          </fieldset>
          {d.openHigh > 0 ? (
            <div className="notice warn">
              <b>
                {d.openHigh} high-severity flag{d.openHigh === 1 ? " is" : "s are"} still open.
              </b>{" "}
              Marking the packet ready anyway needs a confirmation and a comment.
              <label className="check">
                <input type="checkbox" name="confirm_open_high" value="1" /> I have read the open high-severity flags
                and kickoff can still go ahead
              </label>
            </div>
          ) : null}
          <label>
            Comment{d.openHigh > 0 ? " (required)" : " (required when not ready)"}
            <br />
            <textarea name="comment" rows={2} maxLength={2000} />
          </label>
          <ErrorAlert error={error} />
          <button type="submit" disabled={busy}>
            Record decision
          </button>
        </Form>
      ) : (
        <p className="muted">Only the implementation lead decides kickoff readiness.</p>
      )}
      {d.readiness.length ? (
        <ul>
          {d.readiness.map((r) => (
            <li key={r.id}>
              {label(r.decision)} by {r.decided_by}, {when(r.decided_at)}
              {r.comment ? ` — “${r.comment}”` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The QA note as text, to copy or download as Markdown. */
export function QaNote({ d }: { d: PacketData }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <h2>QA note</h2>
      <pre className="note" id="qa-note" role="region" aria-label="QA note text" tabIndex={0}>
        {d.note}
      </pre>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          navigator.clipboard?.writeText(d.note).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied ✓" : "Copy"}
      </button>{" "}
      <span className="sr-only" role="status">
        {copied ? "The QA note is copied to the clipboard." : ""}
      </span>
      <a className="button secondary" href={`/packets/${encodeURIComponent(d.packet.deal_id)}/note.md`} download>
        Download .md
      </a>
    </>
  );
}
