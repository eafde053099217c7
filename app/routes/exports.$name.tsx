import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbid, requireUser } from "~/session.server";
import { can } from "~/core/auth/roles";
import { exportFile } from "~/core/exports.server";

/** CSV (and JSON) downloads of every table a user may take to a spreadsheet. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const name = params.name ?? "";
  const quarantine = /^quarantine-(\d+)\.csv$/.exec(name);
  if (quarantine) {
    // a quarantine file holds raw rows of the upload (hidden pricing included): for the roles that upload only
    if (!can(user.role, "upload")) await forbid(context, user, "upload", `/exports/${name}`);
    // an upload id is a 32-bit integer: anything longer names no upload (and must not reach SQL as an overflow)
    if (quarantine[1].length > 10 || Number(quarantine[1]) > 2147483647) throw new Response(`No upload ${quarantine[1]}: upload ids are at most 2147483647.`, { status: 404 });
  }
  const file = await exportFile(context.app.open, name, new URL(request.url).searchParams, user.role);
  if (!file) throw new Response(`No export named ${name}.`, { status: 404 });
  return new Response(file.body, {
    headers: { "Content-Type": file.type, "Content-Disposition": `attachment; filename="${file.name}"`, "Cache-Control": "no-store" },
  });
}
