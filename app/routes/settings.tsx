import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAction, requireUser } from "~/session.server";
import { getApprovedSources, getPilotSettings, type PilotSettings } from "~/core/settings.server";
import { updatePilotSettings, updateSources } from "~/core/settings-actions.server";
import { addUser, listUsers, UserError } from "~/core/auth/users.server";
import { can, ROLES, ROLE_LABELS } from "~/core/auth/roles";
import { label, when } from "~/format";
import { Table } from "~/components/Table";
import { MappingCells } from "~/components/MappingCells";
import { COLUMNS, type ImportKind } from "~/core/ingest/columns";
import { listMappings, mappingAction } from "~/core/ingest/mappings.server";
import { uploadFields } from "~/core/ingest/upload-flow.server";
import { ErrorAlert } from "~/components/Alert";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const db = context.app.open.db;
  return {
    pilot: await getPilotSettings(db),
    sources: await getApprovedSources(db),
    users: can(user.role, "manage_users") ? await listUsers(db) : [],
    canEditPilot: can(user.role, "edit_pilot"),
    isAdmin: can(user.role, "manage_users"),
    // remembered column mappings: for the roles that upload
    mappings: can(user.role, "upload")
      ? (await listMappings(db)).map((m) => ({ ...m, updated_at: m.updated_at.toISOString() }))
      : [],
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const open = context.app.open;
  try {
    if (intent === "pilot") {
      await updatePilotSettings(open, (await requireAction(request, context, "edit_pilot")).email, form);
      return json({ ok: "Pilot settings saved.", error: null as string | null });
    }
    if (intent === "sources") {
      await updateSources(open, (await requireAction(request, context, "manage_sources")).email, form);
      return json({ ok: "Sources saved.", error: null });
    }
    if (intent === "mapping" || intent === "forget_mapping") {
      const user = await requireAction(request, context, "upload");
      const r = await mappingAction(open, user.email, uploadFields(form.entries()));
      return json({ ok: r.ok, error: r.error }, { status: r.status });
    }
    if (intent === "user") {
      const user = await requireAction(request, context, "manage_users");
      const u = await addUser(
        open,
        {
          email: String(form.get("email") ?? ""),
          role: String(form.get("role") ?? ""),
          name: String(form.get("name") ?? ""),
          password: String(form.get("password") ?? ""),
        },
        user.email,
      );
      return json({ ok: `${u.created ? "Created" : "Updated"} ${u.email}.`, error: null });
    }
    await requireAction(request, context, "read");
    return json(
      { ok: null, error: "That action is not available on this page. Reload the page and try again." },
      { status: 400 },
    );
  } catch (e) {
    if (e instanceof UserError) return json({ ok: null, error: e.message }, { status: 400 });
    throw e;
  }
}

export const meta: MetaFunction = () => [{ title: "Settings · Promise Trail" }];

/** The pilot's targets and triggers as the form asks for them: field, label, and a step for fractions. */
type TargetOrThreshold = keyof PilotSettings["targets"] | keyof PilotSettings["thresholds"];
const THRESHOLD_INPUTS: [TargetOrThreshold, string, string?][] = [
  ["completeness_mean", "Target completeness (0–1)", "0.01"],
  ["acceptance_rate", "Target acceptance rate", "0.01"],
  ["disagreement_rate_max", "Max disagreement rate", "0.01"],
  ["rework_reduction", "Target rework reduction", "0.01"],
  ["repeat_volume_minutes", "Target repeat volume (min/month)"],
  ["min_reviewed_packets", "Min reviewed pilot packets"],
  ["field_share_fix", "Fix templates when a field's share exceeds", "0.01"],
  ["topic_packets_fix", "…or the same gap recurs in N packets"],
  ["topic_days_fix", "…within M days (a proposed template change)"],
];

export default function Settings() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>();
  const limits = { ...d.pilot.targets, ...d.pilot.thresholds };
  const ro = !d.canEditPilot;
  return (
    <>
      <h1>Settings</h1>
      {r?.ok ? (
        <p className="notice" role="status">
          {r.ok}
        </p>
      ) : null}
      <ErrorAlert error={r?.error} />
      <h2>Pilot and thresholds</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="pilot" />
        <fieldset disabled={ro} style={{ border: 0, padding: 0 }}>
          <div className="grid">
            <label>
              Pilot start
              <br />
              <input type="date" name="pilot_start" defaultValue={d.pilot.pilot_start} />
            </label>
            <label>
              Window (days)
              <br />
              <input type="number" name="window_days" defaultValue={d.pilot.window_days} />
            </label>
            <label>
              Manual review minutes per handoff
              <br />
              <input
                type="number"
                name="review_minutes_per_handoff"
                defaultValue={d.pilot.review_minutes_per_handoff}
              />
            </label>
            {THRESHOLD_INPUTS.map(([name, text, step]) => (
              <label key={name}>
                {text}
                <br />
                <input type="number" step={step} name={name} defaultValue={limits[name]} />
              </label>
            ))}
          </div>
          {ro ? (
            <p className="muted">Read only for your role.</p>
          ) : (
            <p>
              <button type="submit">Save</button>
            </p>
          )}
        </fieldset>
      </Form>
      <h2>Approved source systems</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="sources" />
        <fieldset disabled={!d.isAdmin} style={{ border: 0, padding: 0 }}>
          <label>
            Only packets from these sources are scored
            <br />
            <input type="text" name="sources" defaultValue={d.sources.join(", ")} style={{ width: "100%" }} />
          </label>
          <p>
            Hide order-form and deal-desk text from:{" "}
            {ROLES.map((role) => (
              <label key={role} style={{ display: "inline", marginRight: ".8rem" }}>
                <input
                  type="checkbox"
                  name={`hide.${role}`}
                  value="1"
                  defaultChecked={d.pilot.hide_pricing_from.includes(role)}
                />{" "}
                {ROLE_LABELS[role]}
              </label>
            ))}
          </p>
          {d.isAdmin ? <button type="submit">Save</button> : <p className="muted">Admins manage sources.</p>}
        </fieldset>
      </Form>
      {d.mappings.length ? <Mappings mappings={d.mappings} /> : null}
      {d.isAdmin ? (
        <>
          <h2>Users</h2>
          <Table label="Users">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {d.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}</td>
                  <td>{u.name}</td>
                  <td>{ROLE_LABELS[u.role as keyof typeof ROLE_LABELS] ?? u.role}</td>
                  <td>{when(u.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Form method="post" className="card toolbar" style={{ marginTop: ".6rem" }}>
            <input type="hidden" name="intent" value="user" />
            <label>
              E-mail
              <br />
              <input type="email" name="email" required />
            </label>
            <label>
              Name
              <br />
              <input type="text" name="name" />
            </label>
            <label>
              Role
              <br />
              <select name="role">
                {ROLES.map((x) => (
                  <option key={x} value={x}>
                    {ROLE_LABELS[x]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Password
              <br />
              <input type="password" name="password" minLength={8} required />
            </label>
            <button type="submit">Add or update user</button>
          </Form>
        </>
      ) : null}
    </>
  );
}

type MappingRow = {
  kind: string;
  source_system: string;
  header_key: string;
  headers: string[];
  mapping: Record<string, string>;
  updated_by: string;
  updated_at: string;
};

/** Remembered column mappings, one form each: change a column's header, or forget the mapping. */
function Mappings({ mappings }: { mappings: MappingRow[] }) {
  return (
    <>
      <h2 id="mappings">Remembered column mappings</h2>
      <p className="muted">
        A mapping chosen by hand on an upload is used again for the next file of the same kind, source system and
        headers — on this page, from the command line and in the nightly inbox.
      </p>
      {mappings.map((m) => (
        <Form method="post" className="card" key={`${m.kind}/${m.source_system}/${m.header_key}`}>
          <input type="hidden" name="kind" value={m.kind} />
          <input type="hidden" name="source" value={m.source_system} />
          <input type="hidden" name="header_key" value={m.header_key} />
          <h3 style={{ marginTop: 0 }}>
            {label(m.kind)} from {m.source_system}
          </h3>
          <p className="muted">
            {m.headers.length} headers · saved by {m.updated_by}, {when(m.updated_at)}
          </p>
          <Table label={`Mapping of ${m.kind} from ${m.source_system}`}>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Header</th>
              </tr>
            </thead>
            <tbody>
              {(COLUMNS[m.kind as ImportKind] ?? []).map((c) => (
                <tr key={c.name}>
                  <MappingCells
                    column={c}
                    headers={m.headers}
                    none="(automatic)"
                    defaultValue={m.mapping[c.name] ?? ""}
                    aria-label={`Header for ${c.name} (${m.kind} from ${m.source_system})`}
                  />
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="toolbar" style={{ marginTop: ".6rem" }}>
            <button name="intent" value="mapping">
              Save mapping
            </button>
            <button name="intent" value="forget_mapping" className="secondary">
              Forget this mapping
            </button>
          </div>
        </Form>
      ))}
    </>
  );
}
