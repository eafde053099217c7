import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/session.server";
import { pageParam } from "~/input.server";
import { flagsForField } from "~/core/dashboard.server";
import { categoryLabel, isFlagSource, sourceLabel } from "~/core/packet";
import { Empty } from "~/components/Empty";
import { Table } from "~/components/Table";
import { Pager } from "~/components/Pager";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { view } = await requireViewer(request, context);
  const source = params.source ?? "";
  if (!isFlagSource(source))
    throw new Response(`There is no sales field called “${source}”. ` + `Pick one from the Fields page.`, {
      status: 404,
    });
  return {
    source,
    ...(await view((vis) =>
      flagsForField(context.app.open, source, pageParam(new URL(request.url).searchParams), vis),
    )),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? sourceLabel(data.source) : "Field"} flags · Promise Trail` },
];

/** The /fields drill-down: the flags one sales field produced, newest decisions first. */
export default function FieldFlags() {
  const { source, flags, total, accepted, rejected, open, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/fields">← Fields</Link>
      </p>
      <h1>Flags citing {sourceLabel(source)}</h1>
      <p className="muted" id="field-summary">
        {total} active flags cite this field: {accepted} accepted, {rejected} rejected, {open} open.{" "}
        <Link to={`/packets?source=${source}`}>Packets with an accepted flag here</Link>
      </p>
      {flags.length === 0 ? (
        <Empty next="none">No flag cites this field yet.</Empty>
      ) : (
        <Table label={`Flags citing ${sourceLabel(source)}`}>
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Category</th>
              <th scope="col">Status</th>
              <th scope="col">Evidence</th>
              <th scope="col">Detector</th>
            </tr>
          </thead>
          <tbody>
            {flags.map((f) => (
              <tr key={f.flag_id}>
                <td>
                  <Link to={`/packets/${encodeURIComponent(f.deal_id)}#ev-${f.flag_id}`}>{f.deal_id}</Link>
                </td>
                <td>{categoryLabel(f.category)}</td>
                <td>
                  <span className={`badge ${f.status}`}>{f.status}</span>
                </td>
                <td>
                  {f.evidence ? (
                    `“${f.evidence.slice(0, 220)}${f.evidence.length > 220 ? "…" : ""}”`
                  ) : (
                    <span className="muted">packet-level</span>
                  )}
                </td>
                <td className="muted">{f.detector}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} hasNext={page * pageSize < total} />
    </>
  );
}
