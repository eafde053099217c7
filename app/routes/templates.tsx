import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireAction, requireUser } from "~/session.server";
import { templatesPage } from "~/core/dashboard.server";
import { templateAction, TemplateFixError } from "~/core/analytics/template-fixes.server";
import { can } from "~/core/auth/roles";
import { Chart } from "~/components/Chart";
import { Empty } from "~/components/Empty";
import { day, label, num, pct, when } from "~/format";
import { ErrorAlert } from "~/components/Alert";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    ...(await templatesPage(context.app.open)),
    canEdit: can(user.role, "edit_templates"),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAction(request, context, "edit_templates");
  try {
    return json({
      ok: await templateAction(context.app.open, user, await request.formData()),
      error: null as string | null,
    });
  } catch (e) {
    if (e instanceof TemplateFixError) return json({ ok: null as string | null, error: e.message }, { status: 400 });
    throw e;
  }
}

export const meta: MetaFunction = () => [{ title: "Template fixes · Promise Trail" }];

type Topic = ReturnType<typeof useLoaderData<typeof loader>>["proposed"][number];

/** One intent button of a topic (its own small form). */
function Act({
  topic,
  intent,
  children,
  secondary,
  label: aria,
}: {
  topic: Topic;
  intent: string;
  children: React.ReactNode;
  secondary?: boolean;
  label: string;
}) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="topic" value={topic.key} />
      <button
        name="intent"
        value={intent}
        className={secondary ? "secondary" : undefined}
        disabled={busy}
        aria-label={aria}
      >
        {children}
      </button>
    </Form>
  );
}

function TopicCard({ t, canEdit, today }: { t: Topic; canEdit: boolean; today: string }) {
  const name = `“${t.topic}”`;
  return (
    <div id={t.key} className="card topic" data-state={t.state} style={{ marginBottom: ".8rem" }}>
      <div style={{ display: "flex", gap: "1rem", flexWrap: "wrap", justifyContent: "space-between" }}>
        <div style={{ flex: "1 1 280px", minWidth: 0 }}>
          <h3 style={{ margin: 0 }}>
            {t.topic}{" "}
            <span className="muted">
              · {label(t.category)} in {label(t.source)}
            </span>
          </h3>
          <p>
            <b>{t.state === "done" ? "Changed:" : "Proposed change:"}</b> {t.fix}
          </p>
          <p className="muted topic-counts">
            {`${num(t.packets)} packets (${num(t.recent_packets)} in the period) · `}
            {`${num(t.accepted_flags)} accepted flags · ${num(t.rework_hours, 1)} early-rework hours`}
            {t.excluded_packets ? <> · {num(t.excluded_packets)} excluded as one-offs</> : null}
          </p>
          {t.state === "dismissed" && t.decision ? (
            <p className="muted">
              Dismissed by {t.decision.by} on {when(t.decision.at)} at {t.decision.packets} packets: raised again when
              new packets add to it.
            </p>
          ) : null}
          {t.state === "proposed" && t.newSinceDismissal > 0 ? (
            <p className="notice">
              Raised again: {t.newSinceDismissal} new packet{t.newSinceDismissal === 1 ? "" : "s"} since it was
              dismissed.
            </p>
          ) : null}
          {t.state === "done" ? (
            <p className="before-after">
              Fixed on {day(t.done_on)}. Before:{" "}
              <b>
                {t.packets_before ?? 0} of {t.reviewed_before ?? 0}
              </b>{" "}
              reviewed packets had this gap ({pct(t.rate_before)}) · after:{" "}
              <b>
                {t.packets_after ?? 0} of {t.reviewed_after ?? 0}
              </b>{" "}
              ({pct(t.rate_after)}).
            </p>
          ) : null}
          {t.state !== "done" && t.examples.length ? (
            <ul className="examples" aria-label={`Examples of ${t.topic}`}>
              {t.examples.map((e) => (
                <li key={e.deal_id}>
                  <Link to={`/packets/${encodeURIComponent(e.deal_id)}`}>{e.deal_id}</Link>
                  {e.evidence ? (
                    <>
                      {" "}
                      — “{e.evidence.slice(0, 140)}
                      {e.evidence.length > 140 ? "…" : ""}”
                    </>
                  ) : null}
                  {canEdit && t.state !== "dismissed" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="topic" value={t.key} />
                      <input type="hidden" name="deal_id" value={e.deal_id} />
                      <button
                        name="intent"
                        value="exclude"
                        className="link-inline"
                        aria-label={`exclude as a one-off: ${e.deal_id} from ${t.topic}`}
                      >
                        exclude as a one-off
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {t.chart ? (
          <div style={{ flex: "1 1 300px", maxWidth: "400px" }}>
            <Chart chart={t.chart} />
          </div>
        ) : null}
      </div>
      {canEdit ? (
        <div className="toolbar">
          {t.state === "proposed" || t.state === "watching" ? (
            <Act topic={t} intent="accept" label={`Accept the template change for ${name}`}>
              Accept
            </Act>
          ) : null}
          {t.state === "proposed" ? (
            <Act topic={t} intent="dismiss" secondary label={`Dismiss ${name}`}>
              Dismiss
            </Act>
          ) : null}
          {t.state === "dismissed" ? (
            <Act topic={t} intent="accept" secondary label={`Accept after all: the template change for ${name}`}>
              Accept after all
            </Act>
          ) : null}
          {t.state === "accepted" ? (
            <Form method="post" className="toolbar">
              <input type="hidden" name="topic" value={t.key} />
              <label>
                Fixed on
                <br />
                <input
                  type="date"
                  name="done_on"
                  max={today}
                  aria-label={`Date the template fix for ${name} was done`}
                />
              </label>
              <button name="intent" value="done" aria-label={`Mark fix done: ${name}`}>
                Mark fix done
              </button>
            </Form>
          ) : null}
          {t.state === "done" ? (
            <Act topic={t} intent="reopen" secondary label={`Reopen the fix for ${name}`}>
              Reopen
            </Act>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export default function Templates() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const none = !d.proposed.length && !d.accepted.length && !d.done.length && !d.watching.length && !d.dismissed.length;
  const section = (title: string, id: string, list: Topic[], empty: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({list.length})
      </h2>
      {list.length ? (
        list.map((t) => <TopicCard key={t.key} t={t} canEdit={d.canEdit} today={d.today} />)
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
  return (
    <>
      <h1>Template fixes</h1>
      <p className="muted">
        A gap reviewers accepted in {d.threshold.packets} or more packets within {d.threshold.days} days becomes a
        proposed template change, with its examples. RevOps accepts or dismisses it; a dismissed gap comes back only
        when new packets add to it; a one-off packet can be excluded. A fix marked done shows the gap's rate before and
        after.
      </p>
      <ErrorAlert error={result?.error} />
      {result?.ok ? (
        <p className="notice" role="status">
          {result.ok}
        </p>
      ) : null}
      {none ? (
        <Empty next="review">No accepted flags yet: template-fix candidates appear as reviewers accept flags.</Empty>
      ) : (
        <>
          {section("Proposed template changes", "proposed-head", d.proposed, "No gap is over the threshold right now.")}
          {section("Accepted, waiting for the template change", "accepted-head", d.accepted, "None accepted yet.")}
          {section("Done: before and after", "done-head", d.done, "No fix marked done yet.")}
          {section("Below the threshold (watching)", "watching-head", d.watching, "Nothing else recurs.")}
          {d.dismissed.length ? section("Dismissed", "dismissed-head", d.dismissed, "") : null}
        </>
      )}
    </>
  );
}
