import { Form } from "@remix-run/react";
import { useEffect, useState, type RefObject } from "react";
import { categoryLabel, sourceLabel } from "~/core/packet";
import { label } from "~/format";
import type { PacketData, PacketResult } from "./types";
import { ErrorAlert } from "~/components/Alert";

/** Reasons reviewers give most; the box still takes free text. */
const PRESET_REASONS = [
  "Already covered in the signed scope",
  "Not a commitment to the customer",
  "Handled outside this packet",
  "Duplicate of another flag",
  "Wording is clear enough for delivery",
];

const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous flag"],
  ["a", "accept the selected flag"],
  ["r", "reject: type a reason, then Enter"],
  ["u", "undo your last decision (for a minute after it)"],
  ["?", "show or hide these shortcuts"],
  ["Esc", "close this help"],
];

type Flag = PacketData["flags"][number];

/** Scrolls the packet text to a flag's evidence and marks it. */
function focusEvidence(flagId: string) {
  const el = document.getElementById(`ev-${flagId}`);
  if (el) {
    el.scrollIntoView({ behavior: "smooth", block: "center" });
    el.focus({ preventScroll: true });
    document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
    el.classList.add("focus");
  }
}

/**
 * The packet's flags with their decisions: the keyboard hint and help, the open-only filter, the undo bar, bulk
 * accept, and one card per flag with accept and reject.
 */
export function FlagList({
  d,
  result,
  busy,
  selected,
  onSelect,
  openOnly,
  onOpenOnly,
  help,
}: {
  d: PacketData;
  result: PacketResult;
  busy: boolean;
  selected: number;
  onSelect: (i: number) => void;
  openOnly: boolean;
  onOpenOnly: (on: boolean) => void;
  help: RefObject<HTMLDialogElement>;
}) {
  const openCount = d.flags.filter((f) => f.status === "open").length;
  return (
    <>
      <h2 id="flags-head" style={{ marginTop: 0 }}>
        Flags ({d.flags.length}
        {openCount ? `, ${openCount} open` : ""})
      </h2>
      {d.canReview ? (
        <p className="muted small">
          <span>
            <span className="kbd">j</span>/<span className="kbd">k</span> move ·
          </span>{" "}
          <span className="kbd">a</span> accept · <span className="kbd">r</span> reject (type a reason, Enter) ·{" "}
          <button type="button" className="link-inline" onClick={() => help.current?.showModal()}>
            <span className="kbd">?</span> all shortcuts
          </button>
        </p>
      ) : null}
      {d.flags.length ? (
        <label className="check small">
          <input type="checkbox" checked={openOnly} onChange={(e) => onOpenOnly(e.target.checked)} /> Show open flags
          only (hide {d.flags.length - openCount} decided)
        </label>
      ) : null}
      <dialog ref={help} className="help" aria-labelledby="help-head">
        <h2 id="help-head" style={{ marginTop: 0 }}>
          Keyboard shortcuts
        </h2>
        <dl>
          {SHORTCUTS.map(([k, v]) => (
            <div key={k}>
              <dt>
                <span className="kbd">{k}</span>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button>Close</button>
        </form>
      </dialog>
      <datalist id="reject-reasons">
        {PRESET_REASONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      {d.undo ? <UndoBar undo={d.undo} busy={busy} /> : null}
      {d.canReview ? (
        <BulkAccept flags={d.flags} busy={busy} error={result?.intent === "bulk_accept" ? result.error : null} />
      ) : null}
      {d.flags.length === 0 ? <p className="muted">No findings for this packet.</p> : null}
      {d.flags.map((f, i) => (
        <FlagCard
          key={f.flag_id}
          f={f}
          hidden={openOnly && f.status !== "open"}
          selected={i === selected}
          onEvidence={() => {
            onSelect(i);
            focusEvidence(f.flag_id);
          }}
          canReview={d.canReview}
          busy={busy}
          error={result?.error && result.flagId === f.flag_id ? result.error : null}
        />
      ))}
    </>
  );
}

/** One flag: severity, category, status, where it was found, its evidence and message, and the decision forms. */
function FlagCard({
  f,
  hidden,
  selected,
  onEvidence,
  canReview,
  busy,
  error,
}: {
  f: Flag;
  hidden: boolean;
  selected: boolean;
  onEvidence: () => void;
  canReview: boolean;
  busy: boolean;
  error: string | null;
}) {
  const category = categoryLabel(f.category);
  return (
    <div
      hidden={hidden}
      className={`flag ${selected ? "selected" : ""}`}
      data-flag={f.flag_id}
      data-status={f.status}
      tabIndex={-1}
      aria-labelledby={`fh-${f.flag_id}`}
    >
      <h3 className="flag-title" id={`fh-${f.flag_id}`}>
        <span className={`badge ${f.severity}`}>{f.severity}</span> {category}{" "}
        <span className={`badge ${f.status}`}>{f.status}</span>
      </h3>
      <div className="muted small">
        {sourceLabel(f.source)} · {f.detector}
      </div>
      {f.evidence ? (
        <a
          className="evidence"
          href={`#ev-${f.flag_id}`}
          onClick={(e) => {
            e.preventDefault();
            onEvidence();
          }}
        >
          “{f.evidence}”
        </a>
      ) : (
        <div className="evidence">packet-level: the field is blank</div>
      )}
      <div className="message">{f.message}</div>
      {f.status !== "open" ? (
        <div className="muted small">
          {label(f.status)} by {f.reviewer} {f.reason ? `— “${f.reason}”` : ""}
        </div>
      ) : null}
      {canReview ? (
        <div className="decide">
          <Form method="post" replace preventScrollReset>
            <input type="hidden" name="flag_id" value={f.flag_id} />
            <button name="intent" value="accept" disabled={busy} aria-label={`Accept: ${category}`}>
              Accept
            </button>
          </Form>
          {/* its own form: Enter in the reason box submits this form, whose only button rejects */}
          <Form method="post" replace preventScrollReset className="reject">
            <input type="hidden" name="flag_id" value={f.flag_id} />
            <input
              type="text"
              name="reason"
              placeholder="reason to reject"
              aria-label={`Reason to reject: ${category}`}
              maxLength={2000}
              list="reject-reasons"
            />
            <button
              name="intent"
              value="reject"
              className="secondary"
              disabled={busy}
              aria-label={`Reject: ${category}`}
            >
              Reject
            </button>
          </Form>
          <ErrorAlert error={error} />
        </div>
      ) : null}
    </div>
  );
}

/** The last decision of this reviewer on this packet, with the time left to take it back (the server enforces it). */
function UndoBar({ undo, busy }: { undo: { decision: string; flagIds: string[]; until: string }; busy: boolean }) {
  const until = Date.parse(undo.until);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.ceil((until - now) / 1000);
  if (left <= 0) return null;
  const what =
    `${undo.decision === "accepted" ? "Accepted" : "Rejected"} ${undo.flagIds.length} ` +
    `flag${undo.flagIds.length === 1 ? "" : "s"}`;
  return (
    <Form method="post" replace preventScrollReset id="undo" className="notice undo">
      <input type="hidden" name="intent" value="undo" />
      <span>{what}.</span>{" "}
      <button type="submit" className="secondary" disabled={busy}>
        Undo <span className="kbd">u</span>
      </button>{" "}
      <span className="muted small" suppressHydrationWarning>
        {left} s left
      </span>
    </Form>
  );
}

/** Accept every open flag of one detector at once, with one reason (offered where a detector has two or more open). */
function BulkAccept({
  flags,
  busy,
  error,
}: {
  flags: { detector: string; status: string }[];
  busy: boolean;
  error: string | null;
}) {
  const open = new Map<string, number>();
  for (const f of flags) if (f.status === "open") open.set(f.detector, (open.get(f.detector) ?? 0) + 1);
  const groups = [...open].filter(([, n]) => n > 1);
  if (!groups.length) return null;
  return (
    <details className="card bulk" open={Boolean(error)}>
      <summary>Accept a detector's open flags together</summary>
      {groups.map(([detector, n]) => (
        <Form key={detector} method="post" replace preventScrollReset className="toolbar">
          <input type="hidden" name="intent" value="bulk_accept" />
          <input type="hidden" name="detector" value={detector} />
          <label>
            Reason for all {n} open flags of {detector}
            <br />
            <input type="text" name="reason" required maxLength={2000} />
          </label>
          <button type="submit" disabled={busy}>
            Accept all {n}
          </button>
        </Form>
      ))}
      <ErrorAlert error={error} />
    </details>
  );
}
