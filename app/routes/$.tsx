import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/session.server";

/** Any address no route serves: a 404 for signed-in users (with the header and their links), sign-in for others. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  throw new Response(
    `There is no page at ${new URL(request.url).pathname}. Check the address, or use the links above.`,
    { status: 404 },
  );
}

export const meta: MetaFunction = () => [{ title: "Page not found · Promise Trail" }];

export default function NotFound() {
  return null;
}
