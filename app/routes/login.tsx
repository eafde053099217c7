import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { assertSameOrigin, currentUser, safeNext, startSession } from "~/session.server";
import { clientAddress, loginLimiter } from "~/core/auth/login-limit";
import { findUserByEmail, verifyPassword } from "~/core/auth/users.server";
import { inTransaction } from "~/core/db/tx.server";
import { appendAudit } from "~/core/audit/audit.server";
import { parseForm } from "~/input.server";
import { z } from "zod";

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
  const address = clientAddress(request.headers, context.clientAddress);
  const blocked = loginLimiter.blocked(email, address);
  if (blocked) {
    const who = blocked === "account" ? "this account" : "this network address";
    return json(
      {
        error:
          `Too many failed sign-in attempts for ${who}. Wait 15 minutes and try again, ` +
          `or ask an admin to reset your password.`,
      },
      { status: 429 },
    );
  }
  const user = email ? await findUserByEmail(context.app.open.db, email) : undefined;
  const ok = user ? await verifyPassword(password, user.password_hash) : false;
  await inTransaction(
    context.app.open,
    (tx, conn) =>
      appendAudit(tx, conn, [
        {
          actor: email || "(blank)",
          action: ok ? "login.ok" : "login.failed",
          entity: "user",
          entityId: email || "(blank)",
        },
      ]),
    { auditOnly: true },
  );
  if (!user || !ok) {
    loginLimiter.fail(email, address);
    return json({ error: "That e-mail and password do not match an account." }, { status: 401 });
  }
  loginLimiter.succeed(email);
  // a new session id on every sign-in, the old one deleted
  return redirect(safeNext(new URL(request.url).searchParams.get("next")), {
    headers: { "Set-Cookie": await startSession(request, context, user.id) },
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
        {data?.error ? (
          <p className="error" role="alert">
            {data.error}
          </p>
        ) : null}
        <button type="submit" disabled={nav.state !== "idle"}>
          {nav.state !== "idle" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
    </div>
  );
}
