import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/session.server";
import { exportFile } from "~/core/exports.server";

/** CSV (and JSON) downloads of every table a user may take to a spreadsheet. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const file = await exportFile(context.app.open, params.name ?? "", new URL(request.url).searchParams, user.role);
  if (!file) throw new Response(`No export named ${params.name}.`, { status: 404 });
  return new Response(file.body, {
    headers: { "Content-Type": file.type, "Content-Disposition": `attachment; filename="${file.name}"`, "Cache-Control": "no-store" },
  });
}
