import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { signedInPage } from "~/session.server";
import { pilotPage } from "~/core/dashboard.server";
import { Chart } from "~/components/Chart";
import { Empty } from "~/components/Empty";
import { NumTh, Table } from "~/components/Table";
import { drillLink } from "~/core/analytics/drill-links";
import { day, label, num, pct } from "~/format";

export const loader = signedInPage(pilotPage);

export const meta: MetaFunction = () => [{ title: "Pilot · Promise Trail" }];

function Tile({
  name,
  value,
  sub,
  good,
  spark,
  to,
}: {
  name: string;
  value: string;
  sub?: string;
  good?: boolean | null;
  spark?: string;
  to?: string;
}) {
  return (
    <div className="tile">
      <div className="name">{name}</div>
      <div className={`value ${good === true ? "ok" : good === false ? "bad" : ""}`}>
        {to ? (
          <Link to={to} aria-label={`${name}: ${value}, see the details`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </div>
      {sub ? <div className="sub">{sub}</div> : null}
      {spark ? <div dangerouslySetInnerHTML={{ __html: spark }} /> : null}
    </div>
  );
}

export default function Pilot() {
  const {
    metrics: m,
    targets: t,
    charts,
    sparks,
    totalPackets,
    pilotStartSet,
    changes,
    weeks,
  } = useLoaderData<typeof loader>();
  const dayN = Math.max(0, Math.min(m.pilot.day, m.pilot.window_days));
  const reduction =
    m.rework_rate.baseline && m.rework_rate.pilot !== null
      ? (m.rework_rate.baseline - m.rework_rate.pilot) / m.rework_rate.baseline
      : null;
  const mp = m.matured_packets;
  const empty = m.pilot.packets === 0;
  return (
    <>
      <h1>90-day pilot</h1>
      <p className="muted">
        {empty
          ? pilotStartSet
            ? "No packet kicks off inside the pilot window yet"
            : "The pilot start date has not been set"
          : m.pilot.day < 1
            ? `Starts ${day(m.pilot.start)}`
            : m.pilot.day > m.pilot.window_days
              ? `Ended ${day(m.pilot.end)}`
              : `Day ${dayN} of ${m.pilot.window_days}`}
        {empty ? null : (
          <>
            {" "}
            · stage: <b>{m.pilot.stage}</b>
          </>
        )}{" "}
        · window {day(m.pilot.start)} – {day(m.pilot.end)} · {m.pilot.packets} pilot packets, {m.baseline.packets}{" "}
        baseline
      </p>
      {empty ? (
        totalPackets === 0 ? (
          <Empty next={pilotStartSet ? "upload" : ["upload", "pilot_start"]}>
            No handoff packets have been uploaded yet, so there is nothing to measure.
          </Empty>
        ) : (
          <Empty next="pilot_start">
            {totalPackets} packets are loaded, but none kicks off inside the pilot window ({day(m.pilot.start)} –{" "}
            {day(m.pilot.end)}){pilotStartSet ? "" : ": the pilot start is still the built-in default"}.
          </Empty>
        )
      ) : null}
      <section className={`card rec ${m.recommendation.decision}`} aria-labelledby="rec-head">
        <h2 id="rec-head" style={{ marginTop: 0 }}>
          {m.recommendation.headline}
        </h2>
        <ul>
          {m.recommendation.reasons.map((r, i) => (
            <li key={r}>
              {m.recommendation.reasonLinks?.[i] ? <Link to={m.recommendation.reasonLinks[i]}>{r}</Link> : r}
            </li>
          ))}
        </ul>
        {m.recommendation.caveat ? (
          <p className="caveat">
            <b>Caveat:</b> {m.recommendation.caveat}
          </p>
        ) : null}
        {m.recommendation.basis ? (
          <p className="small" id="rec-basis">
            Rests on{" "}
            <Link to={drillLink({ kind: "packets", period: "pilot" })}>
              {num(m.recommendation.basis.pilot_packets)} pilot packets
            </Link>{" "}
            (
            <Link to={drillLink({ kind: "packets", period: "pilot", maturity: "matured" })}>
              {num(m.recommendation.basis.matured_packets)} matured
            </Link>
            ) and{" "}
            <Link to={drillLink({ kind: "flags", period: "pilot", status: "reviewed" })}>
              {num(m.recommendation.basis.flags_reviewed)} reviewed flags
            </Link>
            .
          </p>
        ) : null}
        {m.recommendation.evidence ? (
          <details id="rec-evidence" open>
            <summary>
              Every threshold ({m.recommendation.evidence.filter((c) => c.met).length} of{" "}
              {m.recommendation.evidence.length} pass)
            </summary>
            {(["fix", "expand"] as const).map((g) => (
              <div key={g}>
                <h3 className="small">
                  {g === "fix" ? "Template problems (a fail means: fix templates first)" : "Expansion targets"}
                </h3>
                <ul className="checks">
                  {m.recommendation
                    .evidence!.filter((c) => c.group === g)
                    .map((c) => (
                      <li key={c.text} className={c.met ? "ok" : "bad"}>
                        {c.met ? "Pass" : "Fail"}: <Link to={c.link}>{c.text}</Link>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </details>
        ) : null}
        {!empty && changes.since ? (
          <div id="rec-changes">
            <h3 className="small">Since {day(changes.since)} (last 7 days)</h3>
            <ul className="small">
              <li>
                {num(changes.packets_added)} pilot packet{changes.packets_added === 1 ? "" : "s"} uploaded
              </li>
              <li>
                {num(changes.flags_accepted)} flag{changes.flags_accepted === 1 ? "" : "s"} accepted and{" "}
                {num(changes.flags_rejected)} rejected on pilot packets
              </li>
              <li>
                {num(changes.packets_matured)} pilot packet{changes.packets_matured === 1 ? "" : "s"} finished the
                14-day rework window
              </li>
              <li>
                {num(changes.rework_logged)} early rework item{changes.rework_logged === 1 ? "" : "s"} logged on pilot
                packets
              </li>
            </ul>
          </div>
        ) : null}
      </section>
      {!empty && mp.pilot_maturing > 0 ? (
        <p className="notice" role="note" id="maturing">
          <b>
            {num(mp.pilot_maturing)} of {num(m.pilot.packets)} pilot packets are still maturing
          </b>
          : their 14-day rework window has not closed (data as of {day(mp.data_date)}), so they are left out of the
          rework rate, loops avoided and delay prevented until it does. The rework figures rest on {num(mp.pilot)}{" "}
          matured pilot packets and {num(mp.baseline)} matured baseline packets.
        </p>
      ) : null}
      <h2>Metrics</h2>
      <div className="grid">
        <Tile
          name="Handoff completeness"
          to={drillLink({ kind: "packets", period: "pilot" })}
          value={pct(m.handoff_completeness.mean)}
          sub={
            `target ${pct(t.completeness_mean)} · baseline ${pct(m.handoff_completeness.baseline_mean)} ` +
            `· ${pct(m.handoff_completeness.complete_share)} fully complete`
          }
          good={m.handoff_completeness.mean === null ? null : m.handoff_completeness.mean >= t.completeness_mean}
          spark={sparks.completeness}
        />
        <Tile
          name="Flags accepted"
          to={drillLink({ kind: "flags", period: "pilot", status: "accepted" })}
          value={num(m.flags.accepted)}
          sub={`${num(m.flags.reviewed)} reviewed of ${num(m.flags.total)} raised`}
          spark={sparks.accepted}
        />
        <Tile
          name="Acceptance rate"
          to={drillLink({ kind: "flags", period: "pilot", status: "reviewed" })}
          value={pct(m.flags.acceptance_rate)}
          sub={`target ${pct(t.acceptance_rate)}`}
          good={m.flags.acceptance_rate === null ? null : m.flags.acceptance_rate >= t.acceptance_rate}
          spark={sparks.acceptance}
        />
        <Tile
          name="Delivery disagreement"
          to={drillLink({ kind: "flags", period: "pilot", status: "rejected" })}
          value={pct(m.flags.disagreement_rate)}
          sub={`at most ${pct(t.disagreement_rate_max)}`}
          good={m.flags.disagreement_rate === null ? null : m.flags.disagreement_rate <= t.disagreement_rate_max}
        />
        <Tile
          name="Missing obligations caught"
          to={drillLink({ kind: "flags", period: "pilot", fact: "caught" })}
          value={num(m.missing_obligations_caught)}
          sub="accepted before kickoff"
        />
        <Tile
          name="Customer expectation corrections"
          to={drillLink({ kind: "flags", period: "pilot", fact: "expectation" })}
          value={num(m.customer_expectation_corrections)}
          sub="promises, dates and conflicts fixed before kickoff"
        />
        <Tile
          name="Early rework"
          to="/rework"
          value={`${num(m.early_rework.predicted)} / ${num(m.early_rework.dismissed)} / ${num(m.early_rework.missed)}`}
          sub="predicted / dismissed / missed (first 14 days)"
        />
        <Tile
          name="Rework rate"
          to={drillLink({ kind: "packets", period: "pilot", maturity: "matured" })}
          value={`${num(m.rework_rate.pilot, 2)}`}
          sub={
            `per matured packet (${num(mp.pilot)} of ${num(m.pilot.packets)}) · ` +
            `baseline ${num(m.rework_rate.baseline, 2)}` +
            `${reduction !== null ? ` · ${pct(reduction)} lower (target ${pct(t.rework_reduction)})` : ""}`
          }
          good={reduction === null ? null : reduction >= t.rework_reduction}
          spark={sparks.rework}
        />
        <Tile
          name="Rework loops avoided"
          to={drillLink({ kind: "packets", period: "pilot", maturity: "matured" })}
          value={num(m.rework_loops_avoided === null ? null : Math.round(m.rework_loops_avoided))}
          sub={`vs the baseline rate, over ${num(mp.pilot)} matured pilot packets`}
        />
        <Tile
          name="Kickoff delay prevented"
          to={drillLink({ kind: "packets", period: "pilot", maturity: "matured" })}
          value={m.kickoff_delay_prevented_days === null ? "—" : `${num(m.kickoff_delay_prevented_days, 1)} days`}
          sub={`vs the baseline mean delay, over ${num(mp.pilot)} matured pilot packets`}
        />
        <Tile
          name="Top ambiguous field"
          to={m.recurring_fields[0] ? `/fields/${m.recurring_fields[0].source}` : undefined}
          value={m.recurring_fields[0] ? label(m.recurring_fields[0].source) : "—"}
          sub={m.recurring_fields[0] ? `${pct(m.recurring_fields[0].share)} of reviewed packets` : "no reviews yet"}
        />
        <Tile
          name="Repeat volume"
          to={drillLink({ kind: "packets", period: "pilot" })}
          value={`${num(m.repeat_volume.minutes_per_month)} min/mo`}
          sub={
            `${num(m.repeat_volume.handoffs_per_month, 1)} handoffs × ${m.repeat_volume.review_minutes_per_handoff} ` +
            `min · target ${num(t.repeat_volume_minutes)}`
          }
          good={m.repeat_volume.minutes_per_month >= t.repeat_volume_minutes}
        />
      </div>
      <h2>Weekly</h2>
      {charts.length ? (
        <div className="charts">
          {charts.map((c, i) => (
            <Chart key={i} chart={c} />
          ))}
        </div>
      ) : (
        <Empty>No packet has a kickoff date yet, so there are no weekly figures.</Empty>
      )}
      {weeks.length ? (
        <details className="weekly-table">
          <summary>The weekly figures as a table (each number opens what it counts)</summary>
          <Table label="Weekly figures">
            <thead>
              <tr>
                <th scope="col">Week of kickoff</th>
                <th scope="col">Period</th>
                <NumTh>Packets</NumTh>
                <NumTh>Completeness</NumTh>
                <NumTh>Accepted</NumTh>
                <NumTh>Rejected</NumTh>
                <NumTh>Matured</NumTh>
                <NumTh>Rework / matured packet</NumTh>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week}>
                  <td>{day(w.week)}</td>
                  <td>{w.period}</td>
                  <td className="num">
                    <Link to={drillLink({ kind: "packets", week: w.week })}>{w.packets}</Link>
                  </td>
                  <td className="num">{pct(w.completeness)}</td>
                  <td className="num">
                    <Link to={drillLink({ kind: "flags", week: w.week, status: "accepted" })}>{w.flags_accepted}</Link>
                  </td>
                  <td className="num">
                    <Link to={drillLink({ kind: "flags", week: w.week, status: "rejected" })}>{w.flags_rejected}</Link>
                  </td>
                  <td className="num">
                    <Link to={drillLink({ kind: "packets", week: w.week, maturity: "matured" })}>
                      {w.matured_packets}
                    </Link>
                  </td>
                  <td className="num">{num(w.early_rework_per_packet, 2)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </details>
      ) : null}
      <p className="muted">
        Definitions: see the README's metrics section. Export:{" "}
        <Link to="/exports/metrics.json" reloadDocument>
          metrics.json
        </Link>{" "}
        ·{" "}
        <Link to="/exports/weekly.csv" reloadDocument>
          weekly.csv
        </Link>
      </p>
    </>
  );
}
