import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/session.server";
import { drillPage } from "~/core/analytics/drill.server";
import { categoryLabel, sourceLabel } from "~/core/packet";
import { Empty } from "~/components/Empty";
import { Pager } from "~/components/Pager";
import { NumTh, Table } from "~/components/Table";
import { day, num, pct } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return drillPage(context.app.open, new URL(request.url).searchParams);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Behind the numbers"} · Promise Trail` },
];

const packetLink = (id: string) => `/packets/${encodeURIComponent(id)}`;

export default function Evidence() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted">
        <Link to="/pilot">← Pilot</Link> · Behind the numbers
      </p>
      <h1>{d.title}</h1>
      {d.kind === "flags" ? (
        <>
          <p className="notice" id="drill-summary">
            <b>
              {num(d.totals.flags)} flag{d.totals.flags === 1 ? "" : "s"}
            </b>{" "}
            on{" "}
            <b>
              {num(d.totals.packets)} packet{d.totals.packets === 1 ? "" : "s"}
            </b>
            : {num(d.totals.accepted)} accepted, {num(d.totals.rejected)} rejected, {num(d.totals.open)} open
            {d.totals.accepted + d.totals.rejected ? (
              <> · acceptance {pct(d.totals.accepted / (d.totals.accepted + d.totals.rejected))}</>
            ) : null}
            .
          </p>
          {d.flags.length === 0 ? (
            <Empty next="none">No flag matches this selection.</Empty>
          ) : (
            <Table label="Flags behind the number">
              <thead>
                <tr>
                  <th scope="col">Packet</th>
                  <th scope="col">Kickoff</th>
                  <th scope="col">Category</th>
                  <th scope="col">Field</th>
                  <th scope="col">Status</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {d.flags.map((f) => (
                  <tr key={f.flag_id}>
                    <td>
                      <Link to={packetLink(f.deal_id)}>{f.account_name}</Link>{" "}
                      <span className="muted small">{f.deal_id}</span>
                    </td>
                    <td>{day(f.kickoff_date)}</td>
                    <td>{categoryLabel(f.category)}</td>
                    <td>{sourceLabel(f.source)}</td>
                    <td>
                      <span className={`badge ${f.status}`}>{f.status}</span>
                      {f.decided_on ? <span className="muted small"> {day(f.decided_on)}</span> : null}
                    </td>
                    <td className="evidence-cell">
                      {f.evidence
                        ? `“${f.evidence.slice(0, 160)}${f.evidence.length > 160 ? "…" : ""}”`
                        : "packet-level: the field is blank"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      ) : (
        <>
          <p className="notice" id="drill-summary">
            <b>
              {num(d.totals.packets)} packet{d.totals.packets === 1 ? "" : "s"}
            </b>{" "}
            · mean completeness {pct(d.totals.completeness_mean)} · {num(d.totals.matured_packets)} matured, with{" "}
            {num(d.totals.matured_rework_items)} early rework item{d.totals.matured_rework_items === 1 ? "" : "s"}
            {d.totals.rework_rate !== null ? <> ({num(d.totals.rework_rate, 2)} per matured packet)</> : null}.
          </p>
          {d.packets.length === 0 ? (
            <Empty next="none">No packet matches this selection.</Empty>
          ) : (
            <Table label="Packets behind the number">
              <thead>
                <tr>
                  <th scope="col">Packet</th>
                  <th scope="col">Kickoff</th>
                  <th scope="col">Period</th>
                  <NumTh>Completeness</NumTh>
                  <th scope="col">Rework window</th>
                  <NumTh>Early rework items</NumTh>
                </tr>
              </thead>
              <tbody>
                {d.packets.map((p) => (
                  <tr key={p.deal_id}>
                    <td>
                      <Link to={packetLink(p.deal_id)}>{p.account_name}</Link>{" "}
                      <span className="muted small">{p.deal_id}</span>
                    </td>
                    <td>{day(p.kickoff_date)}</td>
                    <td>{p.period}</td>
                    <td className="num">{pct(p.completeness)}</td>
                    <td>{p.matured ? "matured" : "still maturing"}</td>
                    <td className="num">{p.matured ? p.rework_items : `${p.rework_items} so far`}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
      <Pager page={d.page} hasNext={d.hasNext} />
    </>
  );
}
