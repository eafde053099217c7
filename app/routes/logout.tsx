import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertSameOrigin, destroySession, getSession } from "~/session.server";

/** Signing out deletes the server-side session: the cookie, even if copied, no longer signs anyone in. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const session = await getSession(request, context);
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(context, session, request) } });
}

export const loader = () => redirect("/");
