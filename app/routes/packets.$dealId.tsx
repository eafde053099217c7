import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState } from "react";
import { requireAction, requireViewer } from "~/session.server";
import { packetView } from "~/core/review/packet-view.server";
import { packetAction } from "~/core/review/packet-actions.server";
import { PacketHeader } from "~/components/packet/PacketHeader";
import { Coverage, PacketSources } from "~/components/packet/PacketSources";
import { FlagList } from "~/components/packet/FlagList";
import { QaNote, Readiness } from "~/components/packet/Readiness";
import { PacketHistory } from "~/components/packet/PacketHistory";
import { useFocusAfterDecision, useReviewKeys } from "~/components/packet/review-keys";
import { ErrorAlert } from "~/components/Alert";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, vis } = await requireViewer(request, context);
  const view = await packetView(
    context.app.open,
    user,
    vis,
    params.dealId ?? "",
    new URL(request.url).searchParams.get("from"),
  );
  if (!view)
    throw new Response(
      `There is no packet with deal id “${params.dealId}”. ` +
        `It may not have been uploaded yet; search the review queue.`,
      { status: 404 },
    );
  return view;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.packet.account_name} · Packet ${data.packet.deal_id} · Promise Trail`
      : "Packet · Promise Trail",
  },
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  // signed in and same origin here; who may decide what is enforced (and refusals audit-logged) by the core
  const user = await requireAction(request, context, "read");
  const { status, result } = await packetAction(context.app.open, user, params.dealId ?? "", await request.formData());
  if (status === 403 || status === 404) throw new Response(result.error, { status });
  return json(result, { status });
}

export default function PacketPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const [selected, setSelected] = useState(0);
  const [openOnly, setOpenOnly] = useState(false);
  const help = useRef<HTMLDialogElement>(null);
  useReviewKeys(selected, setSelected, openOnly, help);
  useFocusAfterDecision(result, nav.state, setSelected);
  const busy = nav.state !== "idle";
  return (
    <>
      <PacketHeader d={d} />
      <ErrorAlert error={result?.error && result.intent !== "readiness" && !result.flagId ? result.error : null} />
      <Coverage d={d} />
      <div className="review">
        <PacketSources d={d} />
        <aside className="flags" aria-labelledby="flags-head">
          <FlagList
            d={d}
            result={result}
            busy={busy}
            selected={selected}
            onSelect={setSelected}
            openOnly={openOnly}
            onOpenOnly={setOpenOnly}
            help={help}
          />
          <Readiness d={d} busy={busy} error={result?.intent === "readiness" && result.error ? result.error : null} />
          <QaNote d={d} />
        </aside>
      </div>
      <PacketHistory d={d} />
    </>
  );
}
