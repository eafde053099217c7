import {
  json,
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type NodeOnDiskFile,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Empty } from "~/components/Empty";
import { promises as fsp } from "node:fs";
import { requireAction, requireUser } from "~/session.server";
import { uploadsPage } from "~/core/dashboard.server";
import { importCsv, ImportRefused, type ImportSummary } from "~/core/ingest/import.server";
import { MappingError, type ImportKind } from "~/core/ingest/columns";
import { previewUpload, stageUpload, stagedPath, type Preview } from "~/core/ingest/preview.server";
import { getApprovedSources } from "~/core/settings.server";
import { can } from "~/core/auth/roles";
import { label, num, when } from "~/format";
import { uploadMessage } from "~/core/messages";
import { Table } from "~/components/Table";

const KINDS: ImportKind[] = ["handoffs", "rework", "reviews"];
const maxBytes = () => Number(process.env.PT_MAX_UPLOAD_MB ?? 100) * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { ...(await uploadsPage(context.app.open)), canUpload: can(user.role, "upload"), sources: await getApprovedSources(context.app.open.db) };
}

type Result = { stage: "preview"; preview: Preview; error: string | null } | { stage: "done"; summary: ImportSummary; error: null } | { stage: "error"; error: string };

export const meta: MetaFunction = () => [{ title: "Uploads · Promise Trail" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAction(request, context, "upload");
  const dir = context.app.uploadDir;
  const type = request.headers.get("Content-Type") ?? "";
  // every error shown on the page names the file as the user knows it, never where the server keeps it
  let shownName = "the file";
  const stored: string[] = [dir];
  const say = (e: Error) => uploadMessage(e.message, { fileName: shownName, storedPaths: stored });
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await unstable_parseMultipartFormData(
        request,
        unstable_composeUploadHandlers(
          unstable_createFileUploadHandler({
            directory: dir,
            maxPartSize: maxBytes(),
            avoidFileConflicts: true,
            filter: ({ name }) => name === "file",
            // keep the user's file name (sanitized) for provenance, behind a unique prefix
            file: ({ filename }) => `upload-${Date.now()}-${filename.replace(/[^\w.-]+/g, "_").slice(-120)}`,
          }),
          unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
        ),
      );
      const file = form.get("file") as NodeOnDiskFile | null;
      if (!file || typeof file === "string" || !file.size) return json<Result>({ stage: "error", error: "Choose a CSV file to upload (the file was empty or missing)." }, { status: 400 });
      const kind = String(form.get("kind")) as ImportKind;
      if (!KINDS.includes(kind)) return json<Result>({ stage: "error", error: "Choose what the file holds: handoffs, rework or reviews." }, { status: 400 });
      shownName = file.name.replace(/^upload-\d+-/, "");
      stored.push(file.getFilePath());
      const token = await stageUpload(dir, file.getFilePath());
      stored.push(`${token}.csv`);
      const preview = await previewUpload(dir, token, kind, String(form.get("source") || "csv"), shownName, {}, maxBytes(), context.app.open.db);
      return json<Result>({ stage: "preview", preview, error: null });
    }
    const form = await request.formData();
    const token = String(form.get("token") ?? "");
    const kind = String(form.get("kind")) as ImportKind;
    if (!KINDS.includes(kind)) return json<Result>({ stage: "error", error: "Unknown import kind." }, { status: 400 });
    const map: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (k.startsWith("map.") && String(v)) map[k.slice(4)] = String(v);
    const source = String(form.get("source") || "csv");
    const fileName = String(form.get("file_name") || "upload.csv");
    shownName = fileName;
    if (/^[a-f0-9]{32}$/.test(token)) stored.push(`${token}.csv`);
    if (form.get("intent") === "remap") {
      const preview = await previewUpload(dir, token, kind, source, fileName, map, maxBytes());
      return json<Result>({ stage: "preview", preview, error: null });
    }
    const file = stagedPath(dir, token);
    stored.push(file);
    try {
      const summary = await context.app.runExclusive(() => importCsv(context.app.open, { kind, file, fileName, source, uploader: user.email, map, maxBytes: maxBytes() }));
      await fsp.rm(file, { force: true });
      return json<Result>({ stage: "done", summary, error: null });
    } catch (e) {
      if (e instanceof ImportRefused || e instanceof MappingError) {
        const preview = await previewUpload(dir, token, kind, source, fileName, {}, maxBytes(), context.app.open.db).catch(() => null);
        return preview ? json<Result>({ stage: "preview", preview, error: say(e) }, { status: 400 }) : json<Result>({ stage: "error", error: say(e) }, { status: 400 });
      }
      throw e;
    }
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return json<Result>({ stage: "error", error: `The file is larger than the ${maxBytes() / 1048576} MB upload limit.` }, { status: 413 });
    if (e instanceof ImportRefused || e instanceof MappingError) return json<Result>({ stage: "error", error: say(e) }, { status: 400 });
    throw e;
  }
}

function PreviewStep({ p, error }: { p: Preview; error: string | null }) {
  const nav = useNavigation();
  const importing = nav.state === "submitting" && nav.formData?.get("intent") === "import";
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>Preview: {p.fileName}</h2>
      <p className="muted">{label(p.kind)} · {p.encoding} · delimiter “{p.delimiter}” · {num(p.sizeBytes / 1024, 1)} KB · source {p.source}</p>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {p.missingRequired.length ? <p className="error">Required column{p.missingRequired.length === 1 ? "" : "s"} not found in the file: {p.missingRequired.join(", ")}. Pick the header that holds each one below, then Import.</p> : null}
      {p.mappingFrom === "remembered" ? <p className="notice">Mapping remembered from an earlier {p.source} file with these headers.</p> : p.profile ? <p className="muted">Headers recognised as a {p.profile} export.</p> : null}
      {p.unmapped.length ? <p className="notice">Headers kept as extra data (not mapped): {p.unmapped.join(", ")}</p> : null}
      <Form method="post">
        <input type="hidden" name="token" value={p.token} />
        <input type="hidden" name="kind" value={p.kind} />
        <input type="hidden" name="source" value={p.source} />
        <input type="hidden" name="file_name" value={p.fileName} />
        <Table label="Column mapping">
          <thead><tr><th scope="col">Column</th><th scope="col">Header in the file</th></tr></thead>
          <tbody>
            {p.columns.map((c) => (
              <tr key={c.name}>
                <td>{c.name}{c.required ? " *" : ""}</td>
                <td>
                  <select name={`map.${c.name}`} defaultValue={p.mapping[c.name] ?? ""} aria-label={`Header for ${c.name}`}>
                    <option value="">(not in this file)</option>
                    {p.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="toolbar" style={{ marginTop: ".6rem" }}>
          <button name="intent" value="remap" className="secondary">Check mapping</button>
          <button name="intent" value="import" disabled={importing}>{importing ? "Importing…" : "Import"}</button>
          {importing ? <progress aria-label="Importing" /> : null}
        </div>
      </Form>
      <h3>First rows</h3>
      <Table label="First rows of the file">
        <thead><tr>{p.headers.map((h, i) => <th scope="col" key={i}>{h || `(column ${i + 1}, no header)`}</th>)}</tr></thead>
        <tbody>{p.sample.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
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
          <label>CSV file<br /><input type="file" name="file" accept=".csv,.tsv,.txt,text/csv" required /></label>
          <label>Holds<br /><select name="kind">{KINDS.map((k) => <option key={k}>{k}</option>)}</select></label>
          <label>Source system<br /><select name="source">{[...new Set([...sources, "csv"])].map((s) => <option key={s}>{s}</option>)}</select></label>
          <button type="submit" disabled={nav.state === "submitting"}>{nav.state === "submitting" && !nav.formData?.get("token") ? "Uploading…" : "Upload and preview"}</button>
        </Form>
      ) : (
        <p className="muted">You can read the upload history here; RevOps and admins upload files.</p>
      )}
      {result?.stage === "error" ? <p className="error" role="alert">{result.error}</p> : null}
      {result?.stage === "preview" ? <PreviewStep p={result.preview} error={result.error} /> : null}
      {result?.stage === "done" ? (
        <div className="card notice" role="status">
          <b>Imported {result.summary.file}:</b> {result.summary.rows} rows — {result.summary.imported} imported, {result.summary.unchanged} unchanged, {result.summary.quarantined} quarantined
          {result.summary.footer_lines ? `, ${result.summary.footer_lines} report footer lines skipped` : ""}.{" "}
          {result.summary.approved_source ? "Run scoring from Runs to flag the new packets." : `Source “${result.summary.source}” is not approved: its packets are stored but not scored.`}
          {result.summary.quarantine.length ? (
            <>
              <ul>{result.summary.quarantine.slice(0, 20).map((q) => <li key={q.line}>line {q.line}: {q.reason}</li>)}</ul>
              <Link to={`/exports/quarantine-${result.summary.upload_id}.csv`} reloadDocument>Download the quarantined rows to fix and upload again</Link>
            </>
          ) : null}
          {result.summary.warnings ? (
            <>
              <p>
                <b>{result.summary.warnings} warning{result.summary.warnings === 1 ? "" : "s"}</b> (
                {Object.entries(result.summary.warnings_by_column).map(([c, n]) => `${c}: ${n}`).join(", ")}): these rows were imported with the field left
                empty and its text kept.
              </p>
              <ul>{result.summary.warnings_sample.map((w) => <li key={`${w.line}-${w.column}`}>line {w.line}: {w.reason}</li>)}</ul>
              <Link to={`/exports/warnings-${result.summary.upload_id}.csv`} reloadDocument>Download the rows with warnings</Link>
            </>
          ) : null}
        </div>
      ) : null}
      <h2>History</h2>
      {uploads.length === 0 ? <Empty>No file has been uploaded yet.</Empty> : (
      <Table label="Upload history">
        <thead><tr><th scope="col">#</th><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Who</th><th scope="col">When</th><th scope="col" className="num">Rows</th><th scope="col" className="num">Imported</th><th scope="col" className="num">Unchanged</th><th scope="col" className="num">Quarantined</th><th scope="col" className="num">Warnings</th><th scope="col">SHA-256</th></tr></thead>
        <tbody>
          {uploads.map((u) => (
            <tr key={u.id}>
              <td>{u.id}</td><td>{u.file_name}</td><td>{u.kind}</td><td>{u.source_system}</td><td>{u.uploader}</td><td>{when(u.uploaded_at)}</td>
              <td className="num">{u.rows_read}</td><td className="num">{u.imported}</td><td className="num">{u.unchanged}</td>
              <td className="num">{u.quarantined ? <Link to={`/exports/quarantine-${u.id}.csv`} reloadDocument>{u.quarantined}</Link> : 0}</td>
              <td className="num">{u.warnings ? <Link to={`/exports/warnings-${u.id}.csv`} reloadDocument>{u.warnings}</Link> : 0}</td>
              <td><code title={u.sha256}>{u.sha256.slice(0, 12)}…</code></td>
            </tr>
          ))}
        </tbody>
      </Table>
      )}
      <p><Link to="/exports/uploads.csv" reloadDocument>Download CSV</Link></p>
    </>
  );
}
