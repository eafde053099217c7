import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useSearchParams, useSubmit } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { pageParam } from "~/input.server";
import { packetQueue, queueFilter } from "~/core/dashboard.server";
import { Empty } from "~/components/Empty";
import { Pager } from "~/components/Pager";
import { NumTh, Table } from "~/components/Table";
import { day, label } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const q = new URL(request.url).searchParams;
  const filter = { ...queueFilter(q, user), page: pageParam(q) };
  return {
    ...(await packetQueue(context.app.open, filter)),
    view: filter.view,
    me: user.name,
    reviewer: user.role === "implementation_lead" || user.role === "account_owner",
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view === "mine" ? "My review queue" : "Review queue"} · Promise Trail` },
];

export default function Queue() {
  const { rows, total, totalOpenHigh, totalWithinWeek, page, pageSize, owners, categories, view, me, reviewer } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const location = useLocation();
  const submit = useSubmit();
  // a packet opened from here knows its queue: the way back, and previous / next in the same order
  const from = location.search.replace(/^\?/, "") || (view === "mine" ? "view=mine" : "view=all");
  const packetLink = (id: string) => `/packets/${encodeURIComponent(id)}?from=${encodeURIComponent(from)}`;
  return (
    <>
      <h1>{view === "mine" ? "My review queue" : "Review queue"}</h1>
      {reviewer ? (
        <nav className="tabs" aria-label="Queues">
          <Link to="/packets?view=mine" aria-current={view === "mine" ? "page" : undefined}>
            My review queue
          </Link>
          <Link to="/packets?view=all" aria-current={view === "all" ? "page" : undefined}>
            All packets
          </Link>
        </nav>
      ) : null}
      {view === "mine" ? (
        <p className="notice" id="queue-summary">
          <b>
            {total} packet{total === 1 ? "" : "s"}
          </b>{" "}
          owned or led by {me} await your readiness decision, soonest kickoff first
          {total ? (
            <>
              {" "}
              · {totalWithinWeek} kick{totalWithinWeek === 1 ? "s" : ""} off within 7 days · {totalOpenHigh} open
              high-severity flag{totalOpenHigh === 1 ? "" : "s"}
            </>
          ) : null}
          .
        </p>
      ) : (
        <Form method="get" className="toolbar" onChange={(e) => submit(e.currentTarget, { replace: true })}>
          <input type="hidden" name="view" value="all" />
          <label>
            Owner
            <br />
            <select name="owner" defaultValue={params.get("owner") ?? ""}>
              <option value="">anyone</option>
              {owners.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
          <label>
            Status
            <br />
            <select name="status" defaultValue={params.get("status") ?? ""}>
              <option value="">all</option>
              <option value="awaiting">awaiting review</option>
              <option value="reviewed">reviewed</option>
              <option value="upcoming">undecided, kicking off from today</option>
              <option value="ready">ready for kickoff</option>
              <option value="not_ready">not ready</option>
            </select>
          </label>
          <label>
            Category
            <br />
            <select name="category" defaultValue={params.get("category") ?? ""}>
              <option value="">any</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {label(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort
            <br />
            <select name="sort" defaultValue={params.get("sort") ?? "kickoff"}>
              <option value="kickoff">kickoff date</option>
              <option value="risk">risk (open high flags)</option>
            </select>
          </label>
          {params.get("source") ? <input type="hidden" name="source" value={params.get("source")!} /> : null}
          <noscript>
            <button type="submit">Apply</button>
          </noscript>
          <Link to="/exports/packets.csv" reloadDocument className="button secondary">
            Download CSV
          </Link>
        </Form>
      )}
      {params.get("source") ? (
        <p className="notice">
          Packets with an accepted flag citing <b>{label(params.get("source"))}</b>.{" "}
          <Link to="/packets?view=all">Clear</Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        view === "mine" ? (
          <Empty next="none">
            Nothing waits for you: no packet you own or lead is undecided with a kickoff ahead.{" "}
            <Link to="/packets?view=all">See all packets</Link>.
          </Empty>
        ) : [...params.keys()].some((k) => k !== "page" && k !== "view") ? (
          <Empty next="none">
            No packet matches these filters. <Link to="/packets?view=all">Clear the filters</Link>.
          </Empty>
        ) : (
          <Empty>No handoff packets yet.</Empty>
        )
      ) : (
        <Table label="Packets to review">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Opportunity</th>
              <th scope="col">Kickoff</th>
              <th scope="col">Owners</th>
              <NumTh>Open</NumTh>
              <NumTh>Open high</NumTh>
              <NumTh>Accepted</NumTh>
              <th scope="col">Readiness</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.deal_id)}>
                <td>
                  <Link to={packetLink(String(r.deal_id))}>{String(r.account_name)}</Link>
                  {r.approved_source ? null : <span className="badge low"> unapproved source</span>}
                </td>
                <td>{String(r.opportunity_name ?? "")}</td>
                <td>{day(r.kickoff_date as string | null)}</td>
                <td className="muted">
                  AO {String(r.account_owner ?? "—")} · delivery{" "}
                  {String(r.delivery_owner ?? "").trim() || <span className="bad">none</span>}
                </td>
                <td className="num">{Number(r.open_flags)}</td>
                <td className="num">
                  {Number(r.open_high) ? <span className="badge high">{Number(r.open_high)}</span> : 0}
                </td>
                <td className="num">{Number(r.accepted)}</td>
                <td>
                  {r.readiness ? (
                    <span className={`badge ${r.readiness === "ready" ? "accepted" : "high"}`}>
                      {label(String(r.readiness))}
                    </span>
                  ) : (
                    <span className="muted">undecided</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} hasNext={page * pageSize < total}>
        <span className="muted">
          {total} packets · page {page} of {Math.max(1, Math.ceil(total / pageSize))}
        </span>
      </Pager>
    </>
  );
}
