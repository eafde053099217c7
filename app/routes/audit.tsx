import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { auditPage } from "~/core/dashboard.server";
import { when } from "~/format";
import { Pager } from "~/components/Pager";
import { Table } from "~/components/Table";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const q = new URL(request.url).searchParams;
  return auditPage(context.app.open, { action: q.get("action") ?? undefined, actor: q.get("actor") ?? undefined, page: Number(q.get("page") ?? 1) || 1 });
}

export const meta: MetaFunction = () => [{ title: "Audit log · Promise Trail" }];

export default function Audit() {
  const { rows, verify, page, pageSize, actions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Audit log</h1>
      <p className={verify.ok ? "notice" : "error"} role="status">
        {verify.ok ? `Hash chain verified: ${verify.entries} entries, none edited or deleted.` : `Hash chain BROKEN: ${verify.problem}`}
      </p>
      <Form method="get" className="toolbar">
        <label>Action<br /><select name="action" defaultValue={params.get("action") ?? ""}><option value="">any</option>{actions.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label>Actor<br /><input type="text" name="actor" defaultValue={params.get("actor") ?? ""} placeholder="e-mail or scorer" /></label>
        <button type="submit">Filter</button>
        <Link to={`/exports/audit.csv?${params}`} reloadDocument className="button secondary">Export CSV</Link>
      </Form>
      <Table label="Audit log entries">
        <thead><tr><th scope="col" className="num">#</th><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Entity</th><th scope="col">Detail</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td className="num">{r.seq}</td><td>{when(r.logged_at)}</td><td>{r.actor}</td><td>{r.action}</td><td>{r.entity} {r.entity_id.slice(0, 24)}</td>
              <td><code style={{ fontSize: ".75rem" }}>{r.detail.slice(0, 160)}</code></td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pager page={page} hasNext={rows.length === pageSize} labels={["← newer", "older →"]} />
    </>
  );
}
