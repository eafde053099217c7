import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/session.server";
import { packetDetail } from "~/core/dashboard.server";

/** The drafted QA note as a Markdown download. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { vis } = await requireViewer(request, context);
  const d = await packetDetail(context.app.open, params.dealId ?? "", vis);
  if (!d) throw new Response("No such packet.", { status: 404 });
  return new Response(d.note, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="qa-note-${d.packet.deal_id.replace(/[^\w-]/g, "_")}.md"`,
    },
  });
}
