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

export const maxUploadBytes = () => readEnv().PT_MAX_UPLOAD_MB * 1024 * 1024;

export async function readUploadForm(request: Request, dir: string): Promise<{ fields: Record<string, unknown>; uploaded: { path: string; name: string } | null }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { fields: uploadFields((await request.formData()).entries()), uploaded: null };
  const form = await unstable_parseMultipartFormData(
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
  const file = form.get("file") as NodeOnDiskFile | null;
  const uploaded = file && typeof file !== "string" && file.size ? { path: file.getFilePath(), name: file.name.replace(/^upload-\d+-/, "") } : null;
  return { fields: uploadFields(form.entries()), uploaded };
}
