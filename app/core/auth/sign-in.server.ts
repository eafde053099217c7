// A sign-in attempt: the failed-attempt limits, the password check and its audit entry. The route only parses the
// form and starts the session.
import { appendAudit } from "../audit/audit.server";
import { inTransaction } from "../db/tx.server";
import type { OpenDatabase } from "../db/db.server";
import { loginLimiter } from "./login-limit";
import { findUserByEmail, verifyPassword } from "./users.server";

export type SignInResult = { ok: true; userId: number } | { ok: false; status: 401 | 429; error: string };

/** Checks an e-mail and password from a client address; every attempt is audit-logged, failures are counted. */
export async function signIn(
  open: OpenDatabase,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const blocked = loginLimiter.blocked(email, address);
  if (blocked) {
    const who = blocked === "account" ? "this account" : "this network address";
    return {
      ok: false,
      status: 429,
      error:
        `Too many failed sign-in attempts for ${who}. Wait 15 minutes and try again, ` +
        `or ask an admin to reset your password.`,
    };
  }
  const user = email ? await findUserByEmail(open.db, email) : undefined;
  const ok = user ? await verifyPassword(password, user.password_hash) : false;
  const who = email || "(blank)";
  await inTransaction(
    open,
    (tx, conn) =>
      appendAudit(tx, conn, [{ actor: who, action: ok ? "login.ok" : "login.failed", entity: "user", entityId: who }]),
    { auditOnly: true },
  );
  if (!user || !ok) {
    loginLimiter.fail(email, address);
    return { ok: false, status: 401, error: "That e-mail and password do not match an account." };
  }
  loginLimiter.succeed(email);
  return { ok: true, userId: user.id };
}
