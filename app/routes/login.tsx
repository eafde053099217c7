import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { assertSameOrigin, currentUser, safeNext, startSession } from "~/session.server";
import { clientAddress } from "~/core/auth/login-limit";
import { signIn } from "~/core/auth/sign-in.server";
import { parseForm } from "~/input.server";
import { z } from "zod";
import { ErrorAlert } from "~/components/Alert";

/** A blank e-mail or password is simply a failed sign-in (counted like any other); only absurd input is refused. */
const SignIn = z.object({
  email: z.string().trim().toLowerCase().max(320, "That e-mail address is too long.").default(""),
  password: z.string().max(1024, "That password is too long.").default(""),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await currentUser(request, context)) return redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const input = parseForm(await request.formData(), SignIn);
  if (!input.ok) return json({ error: input.error }, { status: 400 });
  const { email, password } = input.data;
  const result = await signIn(context.app.open, email, password, clientAddress(request.headers, context.clientAddress));
  if (!result.ok) return json({ error: result.error }, { status: result.status });
  // a new session id on every sign-in, the old one deleted
  return redirect(safeNext(new URL(request.url).searchParams.get("next")), {
    headers: { "Set-Cookie": await startSession(request, context, result.userId) },
  });
}

export const meta: MetaFunction = () => [{ title: "Sign in · Promise Trail" }];

export default function Login() {
  const data = useActionData<typeof action>();
  const nav = useNavigation();
  const [params] = useSearchParams();
  return (
    <div className="login card">
      <h1>Sign in</h1>
      <p className="muted">Promise Trail checks each sales-to-delivery handoff before kickoff.</p>
      <Form
        method="post"
        action={`/login${params.get("next") ? `?next=${encodeURIComponent(params.get("next")!)}` : ""}`}
      >
        <label>
          E-mail
          <br />
          <input type="email" name="email" required autoComplete="username" style={{ width: "100%" }} />
        </label>
        <label>
          Password
          <br />
          <input type="password" name="password" required autoComplete="current-password" style={{ width: "100%" }} />
        </label>
        <ErrorAlert error={data?.error} />
        <button type="submit" disabled={nav.state !== "idle"}>
          {nav.state !== "idle" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
    </div>
  );
}
