import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertSameOrigin, destroySession, getSession } from "~/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const session = await getSession(request, context);
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(context, session) } });
}

export const loader = () => redirect("/");
