import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { fieldsPage } from "~/core/dashboard.server";
import { Chart } from "~/components/Chart";
import { Empty } from "~/components/Empty";
import { label, num, pct } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return fieldsPage(context.app.open);
}

function Reliability({ rows, title, kind }: { rows: { name: string; flags: number; accepted: number; rejected: number; precision: number | null; trend: number | null; demoted: boolean }[]; title: string; kind: string }) {
  return (
    <>
      <h2>{title}</h2>
      <table>
        <thead><tr><th>{kind}</th><th className="num">Flags</th><th className="num">Accepted</th><th className="num">Rejected</th><th className="num">Precision</th><th className="num">30-day trend</th><th></th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{label(r.name)}</td><td className="num">{num(r.flags)}</td><td className="num">{num(r.accepted)}</td><td className="num">{num(r.rejected)}</td>
              <td className="num">{pct(r.precision)}</td><td className="num">{r.trend === null ? "—" : `${r.trend > 0 ? "+" : ""}${pct(r.trend)}`}</td>
              <td>{r.demoted ? <span className="badge low" title="Rejected 75% or more over at least 20 decisions: shown as low severity">mostly rejected</span> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default function Fields() {
  const { fields, chart, detectors, sources } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Recurring ambiguous sales fields</h1>
      <p className="muted">Share of reviewed packets where a field produced at least one accepted flag. Click a field to see its flags, or its packets.</p>
      {fields.length ? (
        <>
          <Chart svg={chart} />
          <h2>Ranking</h2>
          <table>
            <thead><tr><th>Field</th><th className="num">Share</th><th className="num">Packets</th><th className="num">Accepted flags</th><th className="num">Rework hours predicted</th></tr></thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.source}>
                  <td><Link to={`/fields/${f.source}`}>{label(f.source)}</Link> <Link to={`/packets?source=${f.source}`} className="muted">(packets)</Link></td>
                  <td className="num">{pct(f.share)}</td><td className="num">{num(f.packets)}</td><td className="num">{num(f.accepted_flags)}</td><td className="num">{num(f.rework_hours, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><Link to="/exports/fields.csv" reloadDocument>Download CSV</Link></p>
        </>
      ) : (
        <Empty upload={false}>No flag has been reviewed yet: the ranking appears once reviewers accept or reject flags.</Empty>
      )}
      <Reliability rows={detectors} title="Reliability per detector" kind="Detector" />
      <Reliability rows={sources} title="Reliability per source field" kind="Field" />
    </>
  );
}
