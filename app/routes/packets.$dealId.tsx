import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { requireAction, requireViewer } from "~/session.server";
import { packetView } from "~/core/review/packet-view.server";
import { packetAction } from "~/core/review/packet-actions.server";
import {
  CATEGORY_LABELS,
  PACKET_PARTS,
  SOURCE_LABELS,
  TEXT_SOURCES,
  type Category,
  type FlagSource,
} from "~/core/packet";
import { Highlighted } from "~/components/Highlighted";
import { Table } from "~/components/Table";
import { day, label, money, pct, when } from "~/format";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, vis } = await requireViewer(request, context);
  const view = await packetView(
    context.app.open,
    user,
    vis,
    params.dealId ?? "",
    new URL(request.url).searchParams.get("from"),
  );
  if (!view)
    throw new Response(
      `There is no packet with deal id “${params.dealId}”. ` +
        `It may not have been uploaded yet; search the review queue.`,
      { status: 404 },
    );
  return view;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.packet.account_name} · Packet ${data.packet.deal_id} · Promise Trail`
      : "Packet · Promise Trail",
  },
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  // signed in and same origin here; who may decide what is enforced (and refusals audit-logged) by the core
  const user = await requireAction(request, context, "read");
  const { status, result } = await packetAction(context.app.open, user, params.dealId ?? "", await request.formData());
  if (status === 403 || status === 404) throw new Response(result.error, { status });
  return json(result, { status });
}

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

export default function PacketPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const [selected, setSelected] = useState(0);
  const [openOnly, setOpenOnly] = useState(false);
  const [copied, setCopied] = useState(false);
  const help = useRef<HTMLDialogElement>(null);
  const p = d.packet;

  // keyboard: j/k move between flags, a accepts, r focuses the rejection reason (Enter there rejects), ? shows help
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "?") {
        e.preventDefault();
        const dlg = help.current;
        if (dlg?.open) dlg.close();
        else dlg?.showModal();
        return;
      }
      const cards = [...document.querySelectorAll<HTMLElement>(".flag[data-flag]")];
      if (!cards.length) return;
      if (e.key === "j" || e.key === "k") {
        // with "open only" on, j/k step over the hidden decided flags
        const order = cards
          .map((_, i) => i)
          .filter((i) => !openOnly || i === selected || cards[i].dataset.status === "open");
        const next = order[Math.max(0, Math.min(order.length - 1, order.indexOf(selected) + (e.key === "j" ? 1 : -1)))];
        setSelected(next);
        cards[next].scrollIntoView({ block: "nearest" });
        const ev = document.getElementById(`ev-${cards[next].dataset.flag}`);
        ev?.scrollIntoView({ block: "center" });
        ev?.focus({ preventScroll: true });
      } else if (e.key === "a") {
        cards[selected]?.querySelector<HTMLButtonElement>("button[value=accept]")?.click();
      } else if (e.key === "u") {
        document.querySelector<HTMLButtonElement>("#undo button")?.click();
      } else if (e.key === "r") {
        e.preventDefault();
        cards[selected]?.querySelector<HTMLInputElement>("input[name=reason]")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, openOnly]);

  // after a decision, the next open flag (after the one decided, wrapping) takes the focus; none left → readiness
  // (once the page has reloaded its data, so the buttons of the flag focused are enabled again)
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!result?.ok || (!result.flagId && result.intent !== "bulk_accept")) return;
    if (nav.state !== "idle" || handled.current === result) return;
    handled.current = result;
    const cards = [...document.querySelectorAll<HTMLElement>(".flag[data-flag]")];
    const i = cards.findIndex((c) => c.dataset.flag === result.flagId);
    if (result.intent === "undo" && i >= 0) {
      // the flag that is open again takes the focus, so the right decision is one key away (the effect answers a
      // finished navigation, once per result: the selection follows what the server did)
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setSelected(i);
      cards[i].focus({ preventScroll: true });
      cards[i].scrollIntoView({ block: "nearest" });
      return;
    }
    const next = [...cards.slice(i + 1), ...cards.slice(0, Math.max(0, i))].find((c) => c.dataset.status === "open");
    if (next) {
      setSelected(cards.indexOf(next));
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    } else {
      document.getElementById("readiness")?.focus();
    }
  }, [result, nav.state]);

  const focusEvidence = (flagId: string, i: number) => {
    setSelected(i);
    const el = document.getElementById(`ev-${flagId}`);
    if (el) {
      el.scrollIntoView({ behavior: "smooth", block: "center" });
      el.focus({ preventScroll: true });
      document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
      el.classList.add("focus");
    }
  };
  const busy = nav.state !== "idle";
  const latestReadiness = d.readiness[0];
  const openCount = d.flags.filter((f) => f.status === "open").length;
  const readinessError = result?.intent === "readiness" && result.error ? result.error : null;

  return (
    <>
      <nav className="packet-nav" aria-label="Queue">
        <Link to={d.queue ? `/packets?${d.queue.from}` : "/packets"}>
          ← {d.queue && new URLSearchParams(d.queue.from).get("view") === "mine" ? "My review queue" : "Review queue"}
        </Link>
        {d.queue && "position" in d.queue && d.queue.position ? (
          <>
            <span className="muted">
              {d.queue.position} of {d.queue.total}
            </span>
            {d.queue.previous ? (
              <Link
                to={`/packets/${encodeURIComponent(d.queue.previous.deal_id)}?from=${encodeURIComponent(d.queue.from)}`}
                rel="prev"
              >
                ← Previous: {d.queue.previous.account_name}
              </Link>
            ) : null}
            {d.queue.next ? (
              <Link
                to={`/packets/${encodeURIComponent(d.queue.next.deal_id)}?from=${encodeURIComponent(d.queue.from)}`}
                rel="next"
              >
                Next: {d.queue.next.account_name} →
              </Link>
            ) : null}
          </>
        ) : null}
      </nav>
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
      {result?.error && result.intent !== "readiness" && !result.flagId ? (
        <p className="error" role="alert">
          {result.error}
        </p>
      ) : null}
      <details
        className={`card coverage ${
          d.coverage.status === "scored" && d.coverage.parts.every((x) => x.state === "read" || x.state === "hidden")
            ? ""
            : "warn"
        }`}
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
      <div className="review">
        <section className="sources" aria-labelledby="sources-head">
          <h2 id="sources-head" className="sr-only">
            Packet sources
          </h2>
          {TEXT_SOURCES.map((s) => {
            const text = (p as Record<string, unknown>)[s] as string | null;
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
        </section>
        <aside className="flags" aria-labelledby="flags-head">
          <h2 id="flags-head" style={{ marginTop: 0 }}>
            Flags ({d.flags.length}
            {openCount ? `, ${openCount} open` : ""})
          </h2>
          {d.canReview ? (
            <p className="muted small">
              <span className="kbd">j</span>/<span className="kbd">k</span> move · <span className="kbd">a</span> accept
              · <span className="kbd">r</span> reject (type a reason, Enter) ·{" "}
              <button type="button" className="link-inline" onClick={() => help.current?.showModal()}>
                <span className="kbd">?</span> all shortcuts
              </button>
            </p>
          ) : null}
          {d.flags.length ? (
            <label className="check small">
              <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> Show open
              flags only (hide {d.flags.length - openCount} decided)
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
          {d.flags.map((f, i) => {
            const category = CATEGORY_LABELS[f.category as Category] ?? f.category;
            return (
              <div
                key={f.flag_id}
                hidden={openOnly && f.status !== "open"}
                className={`flag ${i === selected ? "selected" : ""}`}
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
                  {SOURCE_LABELS[f.source as FlagSource] ?? f.source} · {f.detector}
                </div>
                {f.evidence ? (
                  <a
                    className="evidence"
                    href={`#ev-${f.flag_id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusEvidence(f.flag_id, i);
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
                {d.canReview ? (
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
                    {result?.error && result.flagId === f.flag_id ? (
                      <p className="error" role="alert">
                        {result.error}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </div>
            );
          })}
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
                    <input type="checkbox" name="confirm_open_high" value="1" /> I have read the open high-severity
                    flags and kickoff can still go ahead
                  </label>
                </div>
              ) : null}
              <label>
                Comment{d.openHigh > 0 ? " (required)" : " (required when not ready)"}
                <br />
                <textarea name="comment" rows={2} maxLength={2000} />
              </label>
              {readinessError ? (
                <p className="error" role="alert">
                  {readinessError}
                </p>
              ) : null}
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
          <a className="button secondary" href={`/packets/${encodeURIComponent(p.deal_id)}/note.md`} download>
            Download .md
          </a>
        </aside>
      </div>
      <h2>History</h2>
      <div className="charts">
        <Table label="Packet versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Upload</th>
              <th scope="col">Line</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>
                  <Link to="/uploads">#{v.upload_id}</Link>
                </td>
                <td>{v.line}</td>
                <td>{when(v.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <Table label="Packet audit trail">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {d.audit.slice(0, 40).map((a) => (
              <tr key={a.seq}>
                <td>{when(a.logged_at)}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
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
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}
