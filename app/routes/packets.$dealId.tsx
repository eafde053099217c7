import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireAction, requireUser } from "~/session.server";
import { packetDetail } from "~/core/dashboard.server";
import { decideFlag, decideReadiness, ForbiddenError, NotFoundError, ReviewInputError } from "~/core/review/review.server";
import { can } from "~/core/auth/roles";
import { getPilotSettings } from "~/core/settings.server";
import { CATEGORY_LABELS, PACKET_PARTS, SOURCE_LABELS, TEXT_SOURCES, type Category, type FlagSource } from "~/core/packet";
import { Highlighted } from "~/components/Highlighted";
import { day, label, money, pct, when } from "~/format";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const detail = await packetDetail(context.app.open, params.dealId ?? "");
  if (!detail) throw new Response(`No packet with deal id ${params.dealId}.`, { status: 404 });
  const settings = await getPilotSettings(context.app.open.db);
  const hidePricing = settings.hide_pricing_from.includes(user.role);
  const ownDeal = (detail.packet.account_owner ?? "").trim().toLowerCase() === user.name.trim().toLowerCase();
  return {
    ...detail,
    hidePricing,
    packet: hidePricing ? { ...detail.packet, order_form: null, deal_desk_exception: null, amount: null } : detail.packet,
    flags: hidePricing ? detail.flags.filter((f) => f.source !== "order_form" && f.source !== "deal_desk_exception") : detail.flags,
    canReview: can(user.role, "review") && (user.role !== "account_owner" || ownDeal),
    canDecideReadiness: can(user.role, "readiness"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const open = context.app.open;
  try {
    if (intent === "accept" || intent === "reject") {
      const user = await requireAction(request, context, "review");
      await decideFlag(open, user, { flagId: String(form.get("flag_id") ?? ""), decision: intent === "accept" ? "accepted" : "rejected", reason: String(form.get("reason") ?? "") });
      return json({ ok: true, flagId: String(form.get("flag_id")), error: null as string | null });
    }
    if (intent === "readiness") {
      const user = await requireAction(request, context, "readiness");
      await decideReadiness(open, user, { dealId: params.dealId ?? "", decision: String(form.get("decision") ?? ""), comment: String(form.get("comment") ?? "") });
      return json({ ok: true, flagId: null, error: null });
    }
    await requireAction(request, context, "read");
    return json({ ok: false, flagId: null, error: `unknown action "${intent}"` }, { status: 400 });
  } catch (e) {
    if (e instanceof ForbiddenError) throw new Response(e.message, { status: 403 });
    if (e instanceof NotFoundError) throw new Response(e.message, { status: 404 });
    if (e instanceof ReviewInputError) return json({ ok: false, flagId: String(form.get("flag_id") ?? ""), error: e.message }, { status: 400 });
    throw e;
  }
}

export default function PacketPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const [selected, setSelected] = useState(0);
  const p = d.packet;

  // keyboard: j/k move between flags, a accepts, r focuses the rejection reason
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || e.metaKey || e.ctrlKey) return;
      const cards = [...document.querySelectorAll<HTMLElement>(".flag[data-flag]")];
      if (!cards.length) return;
      if (e.key === "j" || e.key === "k") {
        const next = Math.max(0, Math.min(cards.length - 1, selected + (e.key === "j" ? 1 : -1)));
        setSelected(next);
        cards[next].scrollIntoView({ block: "nearest" });
        const ev = document.getElementById(`ev-${cards[next].dataset.flag}`);
        ev?.scrollIntoView({ block: "center" });
        ev?.focus({ preventScroll: true });
      } else if (e.key === "a") {
        cards[selected]?.querySelector<HTMLButtonElement>("button[value=accept]")?.click();
      } else if (e.key === "r") {
        e.preventDefault();
        cards[selected]?.querySelector<HTMLInputElement>("input[name=reason]")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected]);

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

  return (
    <>
      <p><Link to="/packets">← Review queue</Link></p>
      <h1>{p.account_name} <span className="muted">· {p.opportunity_name ?? p.deal_id}</span></h1>
      <div className="packet-head card">
        <div><b>Deal</b>{p.deal_id}</div>
        <div><b>Account owner</b>{p.account_owner ?? "—"}</div>
        <div><b>Delivery owner</b>{p.delivery_owner?.trim() ? p.delivery_owner : <span className="bad">not assigned</span>}</div>
        <div><b>Implementation lead</b>{p.implementation_lead ?? "—"}</div>
        <div><b>Close</b>{day(p.close_date)}</div>
        <div><b>Kickoff</b>{day(p.kickoff_date)}</div>
        <div><b>Amount</b>{d.hidePricing ? "hidden" : money(p.amount, p.currency ?? "USD")}</div>
        <div><b>Completeness</b>{pct(d.completeness)} of {PACKET_PARTS.length} parts</div>
        <div><b>Readiness</b>{latestReadiness ? <span className={`badge ${latestReadiness.decision === "ready" ? "accepted" : "high"}`}>{label(latestReadiness.decision)}</span> : "undecided"}</div>
        <div><b>Source</b>{p.source_system}{p.approved_source ? "" : " (not approved: not scored)"}</div>
      </div>
      {result?.error ? <p className="error" role="alert">{result.error}</p> : null}
      <div className="review">
        <section className="sources" aria-label="Packet sources">
          {TEXT_SOURCES.map((s) => {
            const text = (p as Record<string, unknown>)[s] as string | null;
            return (
              <div key={s} className="source card">
                <h3>{SOURCE_LABELS[s]}</h3>
                {d.hidePricing && (s === "order_form" || s === "deal_desk_exception") ? (
                  <p className="muted">Hidden for your role.</p>
                ) : text?.trim() ? (
                  <pre><Highlighted text={text} flags={d.flags.filter((f) => f.source === s)} /></pre>
                ) : (
                  <p className="muted">(blank)</p>
                )}
              </div>
            );
          })}
        </section>
        <aside className="flags" aria-label="Flags">
          <h2 style={{ marginTop: 0 }}>Flags ({d.flags.length})</h2>
          <p className="muted" style={{ fontSize: ".8rem" }}>
            <span className="kbd">j</span>/<span className="kbd">k</span> move · <span className="kbd">a</span> accept · <span className="kbd">r</span> reject (type a reason, Enter)
          </p>
          {d.flags.length === 0 ? <p className="muted">No findings for this packet.</p> : null}
          {d.flags.map((f, i) => (
            <div key={f.flag_id} className={`flag ${i === selected ? "selected" : ""}`} data-flag={f.flag_id}>
              <div>
                <span className={`badge ${f.severity}`}>{f.severity}</span> <b>{CATEGORY_LABELS[f.category as Category] ?? f.category}</b>{" "}
                <span className={`badge ${f.status}`}>{f.status}</span>
              </div>
              <div className="muted" style={{ fontSize: ".8rem" }}>{SOURCE_LABELS[f.source as FlagSource] ?? f.source} · {f.detector}</div>
              {f.evidence ? (
                <a className="evidence" href={`#ev-${f.flag_id}`} onClick={(e) => { e.preventDefault(); focusEvidence(f.flag_id, i); }} style={{ display: "block", color: "inherit", textDecoration: "none" }}>
                  “{f.evidence}”
                </a>
              ) : (
                <div className="evidence">packet-level: the field is blank</div>
              )}
              <div style={{ fontSize: ".88rem" }}>{f.message}</div>
              {f.status !== "open" ? <div className="muted" style={{ fontSize: ".8rem" }}>{label(f.status)} by {f.reviewer} {f.reason ? `— “${f.reason}”` : ""}</div> : null}
              {d.canReview ? (
                <Form method="post" replace preventScrollReset>
                  <input type="hidden" name="flag_id" value={f.flag_id} />
                  <button name="intent" value="accept" disabled={busy}>Accept</button>
                  <input name="reason" placeholder="reason to reject" aria-label="Reason to reject" maxLength={2000} />
                  <button name="intent" value="reject" className="secondary" disabled={busy}>Reject</button>
                  {result?.error && result.flagId === f.flag_id ? <span className="error">{result.error}</span> : null}
                </Form>
              ) : null}
            </div>
          ))}
          <h2>Kickoff readiness</h2>
          {d.canDecideReadiness ? (
            <Form method="post" className="card" style={{ display: "grid", gap: ".5rem" }}>
              <input type="hidden" name="intent" value="readiness" />
              <label><input type="radio" name="decision" value="ready" defaultChecked={latestReadiness?.decision !== "not_ready"} /> Ready for kickoff</label>
              <label><input type="radio" name="decision" value="not_ready" defaultChecked={latestReadiness?.decision === "not_ready"} /> Not ready</label>
              <textarea name="comment" rows={2} placeholder="Comment (required when not ready)" aria-label="Readiness comment" />
              <button type="submit" disabled={busy}>Record decision</button>
            </Form>
          ) : (
            <p className="muted">Only the implementation lead decides readiness.</p>
          )}
          {d.readiness.length ? (
            <ul>{d.readiness.map((r) => <li key={r.id}>{label(r.decision)} by {r.decided_by}, {when(r.decided_at)}{r.comment ? ` — “${r.comment}”` : ""}</li>)}</ul>
          ) : null}
          <h2>QA note</h2>
          <pre className="note" id="qa-note">{d.note}</pre>
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(d.note)}>Copy</button>{" "}
          <a className="button secondary" href={`/packets/${encodeURIComponent(p.deal_id)}/note.md`} download>Download .md</a>
        </aside>
      </div>
      <h2>History</h2>
      <div className="charts">
        <table>
          <thead><tr><th>Version</th><th>Upload</th><th>Line</th><th>Imported</th></tr></thead>
          <tbody>{d.versions.map((v) => <tr key={v.version}><td>v{v.version}</td><td><Link to="/uploads">#{v.upload_id}</Link></td><td>{v.line}</td><td>{when(v.created_at)}</td></tr>)}</tbody>
        </table>
        <table>
          <thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead>
          <tbody>{d.audit.slice(0, 40).map((a) => <tr key={a.seq}><td>{when(a.logged_at)}</td><td>{a.actor}</td><td>{a.action}</td></tr>)}</tbody>
        </table>
      </div>
    </>
  );
}
