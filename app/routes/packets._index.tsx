import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { packetQueue } from "~/core/dashboard.server";
import { Empty } from "~/components/Empty";
import { Pager } from "~/components/Pager";
import { Table } from "~/components/Table";
import { day, label } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const q = new URL(request.url).searchParams;
  return packetQueue(context.app.open, {
    owner: q.get("owner") ?? undefined,
    status: q.get("status") ?? undefined,
    category: q.get("category") ?? undefined,
    source: q.get("source") ?? undefined,
    sort: q.get("sort") === "risk" ? "risk" : "kickoff",
    page: Number(q.get("page") ?? 1) || 1,
  });
}

export const meta: MetaFunction = () => [{ title: "Review queue · Promise Trail" }];

export default function Queue() {
  const { rows, total, page, pageSize, owners, categories } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Review queue</h1>
      <Form method="get" className="toolbar">
        <label>Owner<br />
          <select name="owner" defaultValue={params.get("owner") ?? ""}><option value="">anyone</option>{owners.map((o) => <option key={o}>{o}</option>)}</select>
        </label>
        <label>Status<br />
          <select name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">all</option><option value="awaiting">awaiting review</option><option value="reviewed">reviewed</option><option value="ready">ready for kickoff</option><option value="not_ready">not ready</option>
          </select>
        </label>
        <label>Category<br />
          <select name="category" defaultValue={params.get("category") ?? ""}><option value="">any</option>{categories.map((c) => <option key={c} value={c}>{label(c)}</option>)}</select>
        </label>
        <label>Sort<br />
          <select name="sort" defaultValue={params.get("sort") ?? "kickoff"}><option value="kickoff">kickoff date</option><option value="risk">risk (open high flags)</option></select>
        </label>
        {params.get("source") ? <input type="hidden" name="source" value={params.get("source")!} /> : null}
        <button type="submit">Apply</button>
        <Link to="/exports/packets.csv" reloadDocument className="button secondary">Download CSV</Link>
      </Form>
      {params.get("source") ? <p className="notice">Packets with an accepted flag citing <b>{label(params.get("source"))}</b>. <Link to="/packets">Clear</Link></p> : null}
      {rows.length === 0 ? (
        [...params.keys()].some((k) => k !== "page") ? <Empty next="none">No packet matches these filters. <Link to="/packets">Clear the filters</Link>.</Empty> : <Empty>No handoff packets yet.</Empty>
      ) : (
        <Table label="Packets to review">
          <thead><tr><th scope="col">Account</th><th scope="col">Opportunity</th><th scope="col">Kickoff</th><th scope="col">Owners</th><th scope="col" className="num">Open</th><th scope="col" className="num">Open high</th><th scope="col" className="num">Accepted</th><th scope="col">Readiness</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.deal_id)}>
                <td><Link to={`/packets/${encodeURIComponent(String(r.deal_id))}`}>{String(r.account_name)}</Link>{r.approved_source ? null : <span className="badge low"> unapproved source</span>}</td>
                <td>{String(r.opportunity_name ?? "")}</td>
                <td>{day(r.kickoff_date as string | null)}</td>
                <td className="muted">AO {String(r.account_owner ?? "—")} · delivery {String(r.delivery_owner ?? "").trim() || <span className="bad">none</span>}</td>
                <td className="num">{Number(r.open_flags)}</td>
                <td className="num">{Number(r.open_high) ? <span className="badge high">{Number(r.open_high)}</span> : 0}</td>
                <td className="num">{Number(r.accepted)}</td>
                <td>{r.readiness ? <span className={`badge ${r.readiness === "ready" ? "accepted" : "high"}`}>{label(String(r.readiness))}</span> : <span className="muted">undecided</span>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} hasNext={page * pageSize < total}>
        <span className="muted">{total} packets · page {page} of {Math.max(1, Math.ceil(total / pageSize))}</span>
      </Pager>
    </>
  );
}
