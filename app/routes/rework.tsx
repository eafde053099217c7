import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { reworkPage } from "~/core/dashboard.server";
import { Empty } from "~/components/Empty";
import { day, label, num } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return reworkPage(context.app.open);
}

export default function Rework() {
  const { items, byCategory } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Early rework vs flags</h1>
      <p className="muted">Rework logged in the first 14 days after kickoff. <b>Predicted</b>: an accepted flag of the same category; <b>dismissed</b>: such a flag was rejected; <b>missed</b>: no flag of that category.</p>
      <h2>Pilot, per category</h2>
      {byCategory.length === 0 ? <Empty>No early rework on pilot packets.</Empty> : (
        <table>
          <thead><tr><th>Category</th><th className="num">Predicted</th><th className="num">Dismissed</th><th className="num">Missed</th><th className="num">Hours</th><th className="num">Delay (days)</th></tr></thead>
          <tbody>{byCategory.map((c) => <tr key={c.category}><td>{label(c.category)}</td><td className="num">{c.predicted}</td><td className="num">{c.dismissed}</td><td className="num">{c.missed}</td><td className="num">{num(c.hours, 1)}</td><td className="num">{num(c.delay_days, 1)}</td></tr>)}</tbody>
        </table>
      )}
      <h2>Per deal</h2>
      {items.length === 0 ? <Empty>No early rework logged.</Empty> : (
        <table>
          <thead><tr><th>Logged</th><th>Account</th><th>Period</th><th>Category</th><th>Outcome</th><th>What happened</th><th className="num">Hours</th><th className="num">Delay</th></tr></thead>
          <tbody>
            {items.slice(0, 300).map((r) => (
              <tr key={r.rework_id}>
                <td>{day(r.logged_on)}</td><td><Link to={`/packets/${encodeURIComponent(r.deal_id)}`}>{r.account_name}</Link></td><td>{r.period ?? "—"}</td>
                <td>{label(r.category)}</td><td><span className={`badge ${r.outcome === "predicted" ? "accepted" : r.outcome === "dismissed" ? "high" : "open"}`}>{r.outcome}</span></td>
                <td>{r.description}</td><td className="num">{num(r.hours, 1)}</td><td className="num">{num(r.delay_days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><Link to="/exports/rework.csv" reloadDocument>Download CSV</Link></p>
    </>
  );
}
