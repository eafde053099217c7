import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAction, requireUser } from "~/session.server";
import { templatesPage } from "~/core/dashboard.server";
import { markTemplateFix, TemplateFixError } from "~/core/analytics/template-fixes.server";
import { can } from "~/core/auth/roles";
import { Chart } from "~/components/Chart";
import { Empty } from "~/components/Empty";
import { day, label, num, pct } from "~/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { ...(await templatesPage(context.app.open)), canEdit: can(user.role, "edit_templates"), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAction(request, context, "edit_templates");
  const form = await request.formData();
  try {
    await markTemplateFix(context.app.open, user, { topic: String(form.get("topic") ?? ""), doneOn: String(form.get("done_on") ?? "") || null });
    return json({ error: null as string | null });
  } catch (e) {
    if (e instanceof TemplateFixError) return json({ error: e.message }, { status: 400 });
    throw e;
  }
}

export const meta: MetaFunction = () => [{ title: "Template fixes · Promise Trail" }];

export default function Templates() {
  const { topics, canEdit, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Template-fix candidates</h1>
      <p className="muted">Accepted flags grouped by what they are about, ranked by how many packets repeat the same gap and the early rework on them. Fix the template, mark it done, and watch the rate after the fix.</p>
      {result?.error ? <p className="error" role="alert">{result.error}</p> : null}
      {topics.length === 0 ? <Empty next="review">No accepted flags yet: template-fix candidates appear as reviewers accept flags.</Empty> : null}
      {topics.map((t) => (
        <div key={t.key} className="card" style={{ marginBottom: ".8rem" }}>
          <div style={{ display: "flex", gap: "1rem", flexWrap: "wrap", justifyContent: "space-between" }}>
            <div style={{ flex: "1 1 280px", minWidth: 0 }}>
              <h2 style={{ margin: 0 }}>{t.topic} <span className="muted">· {label(t.category)} in {label(t.source)}</span></h2>
              <p><b>Fix:</b> {t.fix}</p>
              <p className="muted">{num(t.packets)} packets · {num(t.accepted_flags)} accepted flags · {num(t.rework_hours, 1)} early-rework hours{t.example_evidence ? <> · e.g. “{t.example_evidence}”</> : null}</p>
              {t.done_on ? <p>Marked done {day(t.done_on)} · rate before {pct(t.rate_before)} → after {pct(t.rate_after)}</p> : null}
            </div>
            {t.chart ? <div style={{ flex: "1 1 300px", maxWidth: "400px" }}><Chart chart={t.chart} /></div> : null}
          </div>
          {canEdit ? (
            <Form method="post" className="toolbar">
              <input type="hidden" name="topic" value={t.key} />
              <label>Fixed on<br /><input type="date" name="done_on" defaultValue={t.done_on ?? ""} required={!t.done_on} max={today} aria-label={`Date the template fix for “${t.topic}” was done`} /></label>
              <button type="submit" aria-label={`${t.done_on ? "Update" : "Mark fix done"} for “${t.topic}”`}>{t.done_on ? "Update" : "Mark fix done"}</button>
            </Form>
          ) : null}
        </div>
      ))}
    </>
  );
}
