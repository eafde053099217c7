import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { signedInPage } from "~/session.server";
import { fieldsPage } from "~/core/dashboard.server";
import type { ReliabilityRow } from "~/core/analytics/metrics.server";
import { Chart } from "~/components/Chart";
import { Empty } from "~/components/Empty";
import { NumTh, Table } from "~/components/Table";
import { label, num, pct } from "~/format";

export const loader = signedInPage(fieldsPage);

export const meta: MetaFunction = () => [{ title: "Fields · Promise Trail" }];

function Reliability({
  rows,
  title,
  kind,
}: {
  rows: Omit<ReliabilityRow, "dimension">[];
  title: string;
  kind: string;
}) {
  return (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <Empty next="review">No flag has been decided yet.</Empty>
      ) : (
        <Table label={title}>
          <thead>
            <tr>
              <th scope="col">{kind}</th>
              <NumTh>Flags</NumTh>
              <NumTh>Accepted</NumTh>
              <NumTh>Rejected</NumTh>
              <NumTh>Precision</NumTh>
              <NumTh>30-day trend</NumTh>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>{label(r.name)}</td>
                <td className="num">{num(r.flags)}</td>
                <td className="num">{num(r.accepted)}</td>
                <td className="num">{num(r.rejected)}</td>
                <td className="num">{pct(r.precision)}</td>
                <td className="num">{r.trend === null ? "—" : `${r.trend > 0 ? "+" : ""}${pct(r.trend)}`}</td>
                <td>
                  {r.demoted ? (
                    <span
                      className="badge low"
                      title="Rejected 75% or more over at least 20 decisions: shown as low severity"
                    >
                      mostly rejected
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

export default function Fields() {
  const { fields, chart, detectors, sources } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Recurring ambiguous sales fields</h1>
      <p className="muted">
        Share of reviewed packets where a field produced at least one accepted flag. Click a field to see its flags, or
        its packets.
      </p>
      {fields.length ? (
        <>
          {chart ? <Chart chart={chart} /> : null}
          <h2>Ranking</h2>
          <Table label="Ranking of sales fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <NumTh>Share</NumTh>
                <NumTh>Packets</NumTh>
                <NumTh>Accepted flags</NumTh>
                <NumTh>Rework hours predicted</NumTh>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.source}>
                  <td>
                    <Link to={`/fields/${f.source}`}>{label(f.source)}</Link>{" "}
                    <Link
                      to={`/packets?source=${f.source}`}
                      className="muted"
                      aria-label={`Packets with an accepted flag citing ${label(f.source)}`}
                    >
                      (packets)
                    </Link>
                  </td>
                  <td className="num">{pct(f.share)}</td>
                  <td className="num">{num(f.packets)}</td>
                  <td className="num">{num(f.accepted_flags)}</td>
                  <td className="num">{num(f.rework_hours, 1)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p>
            <Link to="/exports/fields.csv" reloadDocument>
              Download CSV
            </Link>
          </p>
        </>
      ) : (
        <Empty next="review">
          No flag has been reviewed yet: the ranking appears once reviewers accept or reject flags.
        </Empty>
      )}
      <Reliability rows={detectors} title="Reliability per detector" kind="Detector" />
      <Reliability rows={sources} title="Reliability per source field" kind="Field" />
    </>
  );
}
