import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { currentUser } from "~/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await currentUser(request, context);
  return redirect(
    user ? (user.role === "implementation_lead" || user.role === "account_owner" ? "/packets" : "/pilot") : "/login",
  );
}
