import {
  json,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Empty } from "~/components/Empty";
import { requireAction, requireUser } from "~/session.server";
import { uploadsPage } from "~/core/dashboard.server";
import { uploadStep, type UploadResult } from "~/core/ingest/upload-flow.server";
import { IMPORT_KINDS } from "~/core/ingest/columns";
import type { ImportSummary } from "~/core/ingest/import.server";
import type { Preview } from "~/core/ingest/preview.server";
import { getApprovedSources } from "~/core/settings.server";
import { can } from "~/core/auth/roles";
import { maxUploadBytes, readUploadForm } from "~/upload-form.server";
import { label, num, when } from "~/format";
import { NumTh, Table } from "~/components/Table";
import { MappingCells } from "~/components/MappingCells";
import { ErrorAlert } from "~/components/Alert";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    ...(await uploadsPage(context.app.open)),
    canUpload: can(user.role, "upload"),
    sources: await getApprovedSources(context.app.open.db),
  };
}

export const meta: MetaFunction = () => [{ title: "Uploads · Promise Trail" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAction(request, context, "upload");
  const { open, uploadDir: dir, runExclusive } = context.app;
  try {
    const { fields, uploaded } = await readUploadForm(request, dir);
    const { status, result } = await uploadStep(
      { open, dir, maxBytes: maxUploadBytes(), uploader: user.email, runExclusive },
      fields,
      uploaded,
    );
    return json<UploadResult>(result, { status });
  } catch (e) {
    if (!(e instanceof MaxPartSizeExceededError)) throw e;
    return json<UploadResult>(
      { stage: "error", error: `The file is larger than the ${maxUploadBytes() / 1048576} MB upload limit.` },
      { status: 413 },
    );
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

/** What an import did, or (a dry run) would do. */
function Counts({ s }: { s: ImportSummary }) {
  const would = s.dry_run ? "would be " : "";
  return (
    <>
      {plural(s.rows, "row")} — {num(s.imported)} {would}imported, {num(s.unchanged)} {would}unchanged,{" "}
      {num(s.quarantined)} {would}quarantined, {plural(s.warnings, "warning")}
      {s.footer_lines ? `, ${plural(s.footer_lines, "report footer line")} skipped` : ""}.
    </>
  );
}

function PreviewStep({ p, error, dryRun }: { p: Preview; error: string | null; dryRun: ImportSummary | null }) {
  const nav = useNavigation();
  const busy = nav.state === "submitting" ? String(nav.formData?.get("intent") ?? "") : "";
  // the mapping as chosen in the form: Import waits until every required column has a header
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(p.mapping).map(([c, h]) => [c, h ?? ""])),
  );
  const [shown, setShown] = useState(p);
  if (shown !== p) {
    setShown(p);
    setChosen(Object.fromEntries(Object.entries(p.mapping).map(([c, h]) => [c, h ?? ""])));
  }
  const missing = p.columns.filter((c) => c.required && !chosen[c.name]).map((c) => c.name);
  const changed = p.columns.some((c) => (p.mapping[c.name] ?? "") !== chosen[c.name]);
  const samplesOf = (h: string) => p.samples[p.headers.indexOf(h)] ?? [];
  // a changed mapping is checked on the server when it is used; an unchanged one is as the server found it
  const importable = !missing.length && (changed || p.canImport);
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>Preview: {p.fileName}</h2>
      <p className="muted">
        {label(p.kind)} · {p.encoding} · delimiter “{p.delimiter}” · {num(p.sizeBytes / 1024, 1)} KB · source {p.source}
      </p>
      <ErrorAlert error={error} />
      <ErrorAlert error={p.mappingError && !error ? p.mappingError : null} />
      {missing.length ? (
        <p className="error">
          Required column{missing.length === 1 ? "" : "s"} without a header: {missing.join(", ")}. Pick the header that
          holds each one below.
        </p>
      ) : null}
      {p.mappingFrom === "remembered" && p.remembered ? (
        <p className="notice">
          Mapping remembered from an earlier {p.source} file with these headers (saved by {p.remembered.by},{" "}
          {when(p.remembered.at)}). Change it below, or in <Link to="/settings#mappings">Settings</Link>.
        </p>
      ) : p.profile ? (
        <p className="muted">Headers recognised as a {p.profile} export.</p>
      ) : null}
      {p.mappingFrom === "by hand" && !p.mappingError ? (
        <p className="muted">
          This mapping is remembered for the next {p.source} file with these headers once you import.
        </p>
      ) : null}
      {p.ignoredHeaders.length ? (
        <p className="muted">This is an error file: its {p.ignoredHeaders.join(" and ")} columns are ignored.</p>
      ) : null}
      {p.unmapped.length ? (
        <p className="notice">Headers kept as extra data (not mapped): {p.unmapped.join(", ")}</p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="token" value={p.token} />
        <input type="hidden" name="kind" value={p.kind} />
        <input type="hidden" name="source" value={p.source} />
        <input type="hidden" name="file_name" value={p.fileName} />
        <Table label="Column mapping">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Header in the file</th>
              <th scope="col">Sample values</th>
            </tr>
          </thead>
          <tbody>
            {p.columns.map((c) => (
              <tr key={c.name}>
                <MappingCells
                  column={c}
                  headers={p.headers.filter((h) => !p.ignoredHeaders.includes(h))}
                  none="(not in this file)"
                  value={chosen[c.name] ?? ""}
                  onChange={(e) => setChosen({ ...chosen, [c.name]: e.target.value })}
                  aria-label={`Header for ${c.name}`}
                />
                <td className="muted">
                  {chosen[c.name]
                    ? samplesOf(chosen[c.name])
                        .map((v) => `“${v}”`)
                        .join(", ") || "(empty in the first rows)"
                    : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="toolbar" style={{ marginTop: ".6rem" }}>
          <button name="intent" value="remap" className="secondary">
            Check mapping
          </button>
          <button name="intent" value="dry_run" className="secondary" disabled={!importable || busy !== ""}>
            {busy === "dry_run" ? "Checking…" : "Dry run"}
          </button>
          <button name="intent" value="import" disabled={!importable || busy !== ""}>
            {busy === "import" ? "Importing…" : "Import"}
          </button>
          {busy === "import" || busy === "dry_run" ? (
            <progress aria-label={busy === "import" ? "Importing" : "Checking"} />
          ) : null}
        </div>
      </Form>
      {dryRun ? (
        <div className="notice" role="status">
          <b>Dry run, nothing written:</b> <Counts s={dryRun} />
          {dryRun.quarantine.length ? (
            <ul>
              {dryRun.quarantine.slice(0, 10).map((q) => (
                <li key={q.line}>
                  line {q.line}: {q.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {dryRun.warnings_sample.length ? (
            <ul>
              {dryRun.warnings_sample.slice(0, 10).map((w) => (
                <li key={`${w.line}-${w.column}`}>
                  line {w.line}: {w.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h3>First rows</h3>
      <Table label="First rows of the file">
        <thead>
          <tr>
            {p.headers.map((h, i) => (
              <th scope="col" key={i}>
                {h || `(column ${i + 1}, no header)`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.sample.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export default function Uploads() {
  const { uploads, canUpload, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  return (
    <>
      <h1>Uploads</h1>
      {canUpload ? (
        <Form method="post" encType="multipart/form-data" className="card toolbar">
          <label>
            CSV file
            <br />
            <input type="file" name="file" accept=".csv,.tsv,.txt,text/csv" required />
          </label>
          <label>
            Holds
            <br />
            <select name="kind">
              {IMPORT_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Source system
            <br />
            <select name="source">
              {[...new Set([...sources, "csv"])].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={nav.state === "submitting"}>
            {nav.state === "submitting" && !nav.formData?.get("token") ? "Uploading…" : "Upload and preview"}
          </button>
        </Form>
      ) : (
        <p className="muted">You can read the upload history here; RevOps and admins upload files.</p>
      )}
      <ErrorAlert error={result?.stage === "error" ? result.error : null} />
      {result?.stage === "preview" ? (
        <PreviewStep p={result.preview} error={result.error} dryRun={result.dryRun} />
      ) : null}
      {result?.stage === "done" ? (
        <div className="card notice" role="status">
          <b>Imported {result.summary.file}:</b> <Counts s={result.summary} />{" "}
          {result.summary.approved_source
            ? "Run scoring from Runs to flag the new packets."
            : `Source “${result.summary.source}” is not approved: its packets are stored but not scored.`}
          {result.summary.quarantine.length ? (
            <>
              <ul>
                {result.summary.quarantine.slice(0, 20).map((q) => (
                  <li key={q.line}>
                    line {q.line}: {q.reason}
                  </li>
                ))}
              </ul>
              <Link to={`/exports/quarantine-${result.summary.upload_id}.csv`} reloadDocument>
                Download the quarantined rows to fix and upload again
              </Link>
            </>
          ) : null}
          {result.summary.warnings ? (
            <>
              <p>
                <b>
                  {result.summary.warnings} warning{result.summary.warnings === 1 ? "" : "s"}
                </b>{" "}
                (
                {Object.entries(result.summary.warnings_by_column)
                  .map(([c, n]) => `${c}: ${n}`)
                  .join(", ")}
                ): these rows were imported with the field left empty and its text kept.
              </p>
              <ul>
                {result.summary.warnings_sample.map((w) => (
                  <li key={`${w.line}-${w.column}`}>
                    line {w.line}: {w.reason}
                  </li>
                ))}
              </ul>
              <Link to={`/exports/warnings-${result.summary.upload_id}.csv`} reloadDocument>
                Download the rows with warnings
              </Link>
            </>
          ) : null}
        </div>
      ) : null}
      <h2>History</h2>
      {uploads.length === 0 ? (
        <Empty>No file has been uploaded yet.</Empty>
      ) : (
        <Table label="Upload history">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Source</th>
              <th scope="col">Who</th>
              <th scope="col">When</th>
              <NumTh>Rows</NumTh>
              <NumTh>Imported</NumTh>
              <NumTh>Unchanged</NumTh>
              <NumTh>Quarantined</NumTh>
              <NumTh>Warnings</NumTh>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => (
              <tr key={u.id}>
                <td>{u.id}</td>
                <td>{u.file_name}</td>
                <td>{u.kind}</td>
                <td>{u.source_system}</td>
                <td>{u.uploader}</td>
                <td>{when(u.uploaded_at)}</td>
                <td className="num">{u.rows_read}</td>
                <td className="num">{u.imported}</td>
                <td className="num">{u.unchanged}</td>
                <td className="num">
                  {u.quarantined ? (
                    <Link to={`/exports/quarantine-${u.id}.csv`} reloadDocument>
                      {u.quarantined}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="num">
                  {u.warnings ? (
                    <Link to={`/exports/warnings-${u.id}.csv`} reloadDocument>
                      {u.warnings}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td>
                  <code title={u.sha256}>{u.sha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p>
        <Link to="/exports/uploads.csv" reloadDocument>
          Download CSV
        </Link>
      </p>
    </>
  );
}
