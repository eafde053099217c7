import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireViewer } from "~/session.server";
import { pageParam } from "~/input.server";
import { auditPage } from "~/core/dashboard.server";
import { when } from "~/format";
import { Pager } from "~/components/Pager";
import { NumTh, Table } from "~/components/Table";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { vis } = await requireViewer(request, context);
  const q = new URL(request.url).searchParams;
  return auditPage(
    context.app.open,
    {
      action: q.get("action") ?? undefined,
      actor: q.get("actor") ?? undefined,
      text: q.get("q") ?? undefined,
      deal: q.get("deal") ?? undefined,
      page: pageParam(q),
    },
    vis,
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log · Promise Trail" }];

/** An entry's detail as readable fields ("reason: …"), not JSON. */
function Detail({ json }: { json: string }) {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return <span>{json.slice(0, 200)}</span>;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return <span>{String(value ?? "")}</span>;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined && v !== "",
  );
  if (!entries.length) return <span className="muted">—</span>;
  const show = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v));
  return (
    <dl className="detail">
      {entries.slice(0, 8).map(([k, v]) => (
        <div key={k}>
          <dt>{k.replace(/_/g, " ")}</dt>
          <dd>
            {show(v).slice(0, 160)}
            {show(v).length > 160 ? "…" : ""}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function Audit() {
  const { rows, verify, page, pageSize, actions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Audit log</h1>
      <p className={verify.ok ? "notice" : "error"} role="status">
        {verify.ok
          ? `Hash chain verified: ${verify.entries} entries, none edited or deleted.`
          : `Hash chain BROKEN: ${verify.problem}`}
      </p>
      <Form method="get" className="toolbar">
        <label>
          Action
          <br />
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">any</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <br />
          <input type="text" name="actor" defaultValue={params.get("actor") ?? ""} placeholder="part of an e-mail" />
        </label>
        <label>
          Deal
          <br />
          <input type="text" name="deal" defaultValue={params.get("deal") ?? ""} placeholder="deal id" />
        </label>
        <label>
          Contains
          <br />
          <input type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder="any text" />
        </label>
        <button type="submit">Filter</button>
        <Link to={`/exports/audit.csv?${params}`} reloadDocument className="button secondary">
          Export CSV
        </Link>
      </Form>
      <Table label="Audit log entries">
        <thead>
          <tr>
            <NumTh>#</NumTh>
            <th scope="col">When</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Deal / entity</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td className="num">{r.seq}</td>
              <td>{when(r.logged_at)}</td>
              <td>{r.actor}</td>
              <td>{r.action}</td>
              <td>
                {r.deal_id ? <Link to={`/packets/${encodeURIComponent(r.deal_id)}`}>{r.deal_id}</Link> : null}
                {r.deal_id && r.entity !== "packet" ? (
                  <span className="muted"> · {r.entity}</span>
                ) : r.deal_id ? null : (
                  <span className="muted">
                    {r.entity} {r.entity_id.slice(0, 24)}
                  </span>
                )}
              </td>
              <td>
                <Detail json={r.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pager page={page} hasNext={rows.length === pageSize} labels={["← newer", "older →"]} />
    </>
  );
}
