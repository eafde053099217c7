// The upload page's steps, parsed with zod and carried out here; the route only reads the form (the file to the
// upload folder) and turns the outcome into a response. Upload → preview (mapping, two sample values a header) →
// change the mapping (the file stays) → dry run (every count, nothing written) → import.
import { promises as fsp } from "node:fs";
import { z } from "zod";
import type { OpenDatabase } from "../db/db.server";
import { uploadMessage } from "../messages";
import { MappingError } from "./columns";
import { importCsv, ImportRefused, type ImportSummary } from "./import.server";
import { previewUpload, resolveMapping, stagedPath, stageUpload, type Preview } from "./preview.server";
import { sniffFile } from "./read-csv.server";

export type UploadResult =
  | { stage: "preview"; preview: Preview; dryRun: ImportSummary | null; error: string | null }
  | { stage: "done"; summary: ImportSummary; error: null }
  | { stage: "error"; error: string };

export interface UploadOutcome {
  status: number;
  result: UploadResult;
}

const UploadForm = z.object({
  intent: z.enum(["upload", "remap", "dry_run", "import"], {
    message: "That action is not available on this page. Reload the page and try again.",
  }),
  kind: z.enum(["handoffs", "rework", "reviews"], {
    message: "Choose what the file holds: handoffs, rework or reviews.",
  }),
  source: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_.-]{1,40}$/, "A source system name uses letters, digits, dots, dashes or underscores only.")
    .default("csv"),
  file_name: z.string().max(300).default("upload.csv"),
  token: z
    .string()
    .regex(/^[a-f0-9]{32}$/, "This upload expired or is not valid: upload the file again.")
    .optional(),
  /** column -> header chosen in the mapping form ("" = not in this file) */
  map: z.record(z.string().max(100), z.string().max(1000)).default({}),
});

export interface UploadContext {
  open: OpenDatabase;
  dir: string;
  maxBytes: number;
  uploader: string;
  /** imports run one at a time with the server's other batch work */
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** The form's fields as text, `map.<column>` gathered into `map`; the uploaded file's path is passed apart. */
export function uploadFields(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (typeof v !== "string") continue;
    if (k.startsWith("map.")) map[k.slice(4)] = v;
    else if (!(k in out)) out[k] = v;
  }
  return { intent: "upload", ...out, map };
}

/** Carries out one step of the upload page for a RevOps or admin user (the route checked the role). */
export async function uploadStep(
  ctx: UploadContext,
  fields: Record<string, unknown>,
  uploaded?: { path: string; name: string } | null,
): Promise<UploadOutcome> {
  const parsed = UploadForm.safeParse(fields);
  if (!parsed.success)
    return {
      status: 400,
      result: { stage: "error", error: parsed.error.issues[0]?.message ?? "The form could not be read." },
    };
  const f = parsed.data;
  // every message names the file as the user knows it, never where the server keeps it
  const fileName = uploaded ? uploaded.name : f.file_name;
  const stored: string[] = [ctx.dir, ...(uploaded ? [uploaded.path] : [])];
  const say = (e: Error) => uploadMessage(e.message, { fileName, storedPaths: stored });
  const preview = async (token: string, chosen: Record<string, string>) => {
    const p = await previewUpload(ctx.dir, token, f.kind, f.source, fileName, chosen, ctx.maxBytes, ctx.open.db);
    return {
      ...p,
      mappingError: p.mappingError === null ? null : uploadMessage(p.mappingError, { fileName, storedPaths: stored }),
    };
  };
  try {
    if (f.intent === "upload") {
      if (!uploaded)
        return {
          status: 400,
          result: { stage: "error", error: "Choose a CSV file to upload (the file was empty or missing)." },
        };
      const token = await stageUpload(ctx.dir, uploaded.path);
      stored.push(`${token}.csv`);
      return {
        status: 200,
        result: { stage: "preview", preview: await preview(token, {}), dryRun: null, error: null },
      };
    }
    if (!f.token)
      return {
        status: 400,
        result: { stage: "error", error: "This upload expired or is not valid: upload the file again." },
      };
    const file = stagedPath(ctx.dir, f.token);
    stored.push(file, `${f.token}.csv`);
    const p = await preview(f.token, f.map);
    if (f.intent === "remap")
      return { status: 200, result: { stage: "preview", preview: p, dryRun: null, error: null } };
    if (!p.canImport) {
      const why = p.mappingError ?? `Pick the header that holds each required column: ${p.missingRequired.join(", ")}.`;
      return { status: 400, result: { stage: "preview", preview: p, dryRun: null, error: why } };
    }
    const { hand } = await resolveMapping(
      ctx.open.db,
      f.kind,
      f.source,
      (await sniffFile(file, ctx.maxBytes)).headers,
      f.map,
    );
    const run = (dryRun: boolean) =>
      ctx.runExclusive(() =>
        importCsv(ctx.open, {
          kind: f.kind,
          file,
          fileName,
          source: f.source,
          uploader: ctx.uploader,
          map: hand,
          maxBytes: ctx.maxBytes,
          dryRun,
        }),
      );
    if (f.intent === "dry_run")
      return { status: 200, result: { stage: "preview", preview: p, dryRun: await run(true), error: null } };
    const summary = await run(false);
    await fsp.rm(file, { force: true });
    return { status: 200, result: { stage: "done", summary, error: null } };
  } catch (e) {
    if (!(e instanceof ImportRefused || e instanceof MappingError)) throw e;
    // the file stays: the preview comes back with the message, to correct the mapping and try again
    const p = f.token ? await preview(f.token, f.map).catch(() => null) : null;
    return {
      status: 400,
      result: p ? { stage: "preview", preview: p, dryRun: null, error: say(e) } : { stage: "error", error: say(e) },
    };
  }
}
