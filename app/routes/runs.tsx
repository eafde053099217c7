import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireAction, requireUser } from "~/session.server";
import { runsPage } from "~/core/dashboard.server";
import { startScoreJob } from "~/core/app/jobs.server";
import { can } from "~/core/auth/roles";
import { requireForm } from "~/input.server";
import { z } from "zod";

const StartRun = z.object({
  all: z.enum(["1"], { error: "The rescore choice could not be read. Reload the page and try again." }).optional(),
});
import { Empty } from "~/components/Empty";
import { NumTh, Table } from "~/components/Table";
import { when } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const jobs = [...context.app.jobs.values()].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()).slice(0, 3);
  return { ...(await runsPage(context.app.open)), jobs, canRun: can(user.role, "run_batch") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAction(request, context, "run_batch");
  const { all } = requireForm(await request.formData(), StartRun);
  const job = startScoreJob(context.app, user.email, all === "1");
  return json({ job: job.id });
}

export const meta: MetaFunction = () => [{ title: "Runs · Promise Trail" }];

/** A run's duration in seconds (one decimal), "still running" before it ends. */
const duration = (a: string | Date | null, b: string | Date | null) => {
  if (!a) return "—";
  if (!b) return "still running";
  const s = Math.max(0, (new Date(b).getTime() - new Date(a).getTime()) / 1000);
  return `${s.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
};

export default function Runs() {
  const { runs, jobs, canRun } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const active = jobs.some((j) => !j.finished);
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(t);
  }, [active, revalidator]);
  return (
    <>
      <h1>Batch runs</h1>
      <p className="muted">
        The nightly job imports waiting files, scores new and changed packets and refreshes the analytics. Unchanged
        packets are skipped.
      </p>
      {canRun ? (
        <Form method="post" className="toolbar">
          <button type="submit" disabled={active}>
            {active ? "Running…" : "Run scoring now"}
          </button>
          <label className="check">
            <input type="checkbox" name="all" value="1" /> rescore every packet
          </label>
        </Form>
      ) : null}
      {jobs.map((j) => (
        <div key={j.id} className="notice" role="status">
          {j.kind} started by {j.startedBy} at {when(j.startedAt)}:{" "}
          {j.finished ? (
            j.error ? (
              <span className="error">failed — {j.error}</span>
            ) : (
              j.summary
            )
          ) : (
            <>
              <progress value={j.done} max={j.total || 1} aria-label="Scoring progress" />{" "}
              {j.total ? `${j.done} of ${j.total} packets` : "counting packets…"}
            </>
          )}
        </div>
      ))}
      {runs.length === 0 ? (
        <Empty>No scoring run yet.</Empty>
      ) : (
        <Table label="Batch runs">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Kind</th>
              <th scope="col">Started</th>
              <NumTh>Duration</NumTh>
              <th scope="col">Status</th>
              <NumTh>Packets</NumTh>
              <NumTh>Scored</NumTh>
              <NumTh>Unchanged</NumTh>
              <NumTh>Failed</NumTh>
              <NumTh>New flags</NumTh>
              <NumTh>Retired</NumTh>
              <NumTh>LLM tokens</NumTh>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{r.kind}</td>
                <td>{when(r.started_at)}</td>
                <td className="num">{duration(r.started_at, r.finished_at)}</td>
                <td>
                  <span className={`badge ${r.status === "ok" ? "accepted" : r.status === "failed" ? "high" : "open"}`}>
                    {r.status}
                  </span>
                </td>
                <td className="num">{r.finished_at ? r.scored + r.unchanged + r.failed : "—"}</td>
                <td className="num">{r.scored}</td>
                <td className="num">{r.unchanged}</td>
                <td className="num">{r.failed}</td>
                <td className="num">{r.flags_new}</td>
                <td className="num">{r.flags_retired}</td>
                <td className="num">
                  {r.llm_tokens
                    ? `${r.llm_tokens.toLocaleString("en-US")}` +
                      `${r.llm_cost_usd ? ` ($${r.llm_cost_usd.toFixed(2)})` : ""}`
                    : "—"}
                </td>
                <td>
                  {r.errors.slice(0, 3).map((e, i) => (
                    <div key={i} className="error" style={{ fontWeight: 400 }}>
                      {e.deal_id}: {e.error.slice(0, 160)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p>
        <Link to="/exports/runs.csv" reloadDocument>
          Download CSV
        </Link>
      </p>
    </>
  );
}
