// Reads the upload page's form: a multipart post streams its file into the upload folder (never into memory) under
// a unique name; any other post is read as fields. The steps themselves are core (ingest/upload-flow.server.ts).
import {
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type NodeOnDiskFile,
} from "@remix-run/node";
import { uploadFields } from "~/core/ingest/upload-flow.server";
import { readEnv } from "~/core/env.server";
import { errorMessage } from "./core/errors";

/** Said when the browser's description of the file cannot be read (a name with "=" or ";" in it). */
export const UNREADABLE_NAME =
  'The file\'s name could not be read: names with "=" or ";" in them cannot be uploaded. ' +
  'Rename the file (for example "Q3-final.csv") and upload it again.';

export const maxUploadBytes = () => readEnv().PT_MAX_UPLOAD_MB * 1024 * 1024;

export async function readUploadForm(
  request: Request,
  dir: string,
): Promise<{ fields: Record<string, unknown>; uploaded: { path: string; name: string } | null }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { fields: uploadFields((await request.formData()).entries()), uploaded: null };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: dir,
          maxPartSize: maxUploadBytes(),
          avoidFileConflicts: true,
          filter: ({ name }) => name === "file",
          // keep the user's file name (sanitized) for provenance, behind a unique prefix
          file: ({ filename }) => `upload-${Date.now()}-${filename.replace(/[^\w.-]+/g, "_").slice(-120)}`,
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
      ),
    );
  } catch (e) {
    // the multipart reader cannot read a file name holding "=" or ";" (pipeline=open.csv, Q3;final.csv): say so
    if (/malformed content-disposition/i.test(errorMessage(e)))
      throw new Response(UNREADABLE_NAME, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw e;
  }
  const file = form.get("file") as NodeOnDiskFile | null;
  const uploaded =
    file && typeof file !== "string" && file.size
      ? { path: file.getFilePath(), name: file.name.replace(/^upload-\d+-/, "") }
      : null;
  return { fields: uploadFields(form.entries()), uploaded };
}
