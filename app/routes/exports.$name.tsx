import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbid, requireViewer } from "~/session.server";
import { can } from "~/core/auth/roles";
import { ERROR_FILE, exportFile } from "~/core/exports.server";

/** CSV (and JSON) downloads of every table a user may take to a spreadsheet. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, view } = await requireViewer(request, context);
  const name = params.name ?? "";
  const errors = ERROR_FILE.exec(name);
  if (errors) {
    // an error file holds raw rows of the upload (hidden pricing included): for the roles that upload only
    if (!can(user.role, "upload")) await forbid(context, user, "upload", `/exports/${name}`);
    // an upload id is a 32-bit integer: anything longer names no upload (and must not reach SQL as an overflow)
    if (errors[2].length > 10 || Number(errors[2]) > 2147483647)
      throw new Response(`No upload ${errors[2]}: upload ids are at most 2147483647.`, { status: 404 });
  }
  const file = await view((vis) => exportFile(context.app.open, name, new URL(request.url).searchParams, vis));
  if (!file) throw new Response(`No export named ${name}.`, { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "no-store",
    },
  });
}
