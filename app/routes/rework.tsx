import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { pageParam } from "~/input.server";
import { reworkPage } from "~/core/dashboard.server";
import { Empty } from "~/components/Empty";
import { NumTh, Table } from "~/components/Table";
import { Pager } from "~/components/Pager";
import { day, label, num } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return reworkPage(context.app.open, pageParam(new URL(request.url).searchParams));
}

export const meta: MetaFunction = () => [{ title: "Rework · Promise Trail" }];

export default function Rework() {
  const { items, byCategory, page, hasNext } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Early rework vs flags</h1>
      <p className="muted">
        Rework logged in the first 14 days after kickoff. <b>Predicted</b>: an accepted flag of the same category;{" "}
        <b>dismissed</b>: such a flag was rejected; <b>missed</b>: no flag of that category.
      </p>
      <h2>Pilot, per category</h2>
      {byCategory.length === 0 ? (
        <Empty next={items.length ? "none" : "upload"}>
          No early rework logged on pilot packets yet
          {items.length ? "." : ": upload the post-kickoff rework export (Holds: rework) to compare it with the flags."}
        </Empty>
      ) : (
        <Table label="Pilot early rework per category">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <NumTh>Predicted</NumTh>
              <NumTh>Dismissed</NumTh>
              <NumTh>Missed</NumTh>
              <NumTh>Hours</NumTh>
              <NumTh>Delay (days)</NumTh>
            </tr>
          </thead>
          <tbody>
            {byCategory.map((c) => (
              <tr key={c.category}>
                <td>{label(c.category)}</td>
                <td className="num">{c.predicted}</td>
                <td className="num">{c.dismissed}</td>
                <td className="num">{c.missed}</td>
                <td className="num">{num(c.hours, 1)}</td>
                <td className="num">{num(c.delay_days, 1)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>Per deal</h2>
      {items.length === 0 ? (
        <Empty>
          No early rework logged: upload the post-kickoff rework export (Holds: rework) to see which flags predicted it.
        </Empty>
      ) : (
        <Table label="Early rework per deal">
          <thead>
            <tr>
              <th scope="col">Logged</th>
              <th scope="col">Account</th>
              <th scope="col">Period</th>
              <th scope="col">Category</th>
              <th scope="col">Outcome</th>
              <th scope="col">What happened</th>
              <NumTh>Hours</NumTh>
              <NumTh>Delay</NumTh>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.rework_id}>
                <td>{day(r.logged_on)}</td>
                <td>
                  <Link to={`/packets/${encodeURIComponent(r.deal_id)}`}>{r.account_name}</Link>
                </td>
                <td>{r.period ?? "—"}</td>
                <td>{label(r.category)}</td>
                <td>
                  <span
                    className={`badge ${
                      r.outcome === "predicted" ? "accepted" : r.outcome === "dismissed" ? "high" : "open"
                    }`}
                  >
                    {r.outcome}
                  </span>
                </td>
                <td>{r.description}</td>
                <td className="num">{num(r.hours, 1)}</td>
                <td className="num">{num(r.delay_days)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} hasNext={hasNext} />
      <p>
        <Link to="/exports/rework.csv" reloadDocument>
          Download CSV
        </Link>
      </p>
    </>
  );
}
