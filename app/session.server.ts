// Sign-in, sessions and the guards every loader and action calls.
import { createHash, randomBytes } from "node:crypto";
import {
  createCookie,
  createSessionStorage,
  redirect,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type SessionStorage,
} from "@remix-run/node";
import type { OpenDatabase } from "./core/db/db.server";
import { ORIGIN_REFUSED, sameOrigin } from "./core/auth/origin";
import { can, type Permission } from "./core/auth/roles";
import { findUserById } from "./core/auth/users.server";
import { ForbiddenError, refuse, type Actor } from "./core/review/review.server";
import { refusal } from "./core/messages";
import { readEnv } from "./core/env.server";
import { PricingHidden, visibilityFor, type Visibility } from "./core/auth/visibility.server";
import { errorMessage } from "./core/errors";

type SessionData = { userId: number };

/** How long a sign-in lasts (absolute, not sliding). */
export const SESSION_HOURS = 12;
const sha256 = (id: string) => createHash("sha256").update(id).digest("hex");

/**
 * Server-side sessions: the cookie holds a random 256-bit id (signed with the server secret); the sessions table
 * holds its sha256, the user and the expiry. Signing out deletes the row, so a copied cookie dies with it; an
 * expired row is ignored and removed. The cookie is Secure when the request came over HTTPS (or PT_SECURE_COOKIES=1).
 */
const storages = new WeakMap<OpenDatabase, Map<string, SessionStorage<SessionData>>>();

function storage(context: AppLoadContext, secure: boolean): SessionStorage<SessionData> {
  const { open, sessionSecret } = context.app;
  let byKey = storages.get(open);
  if (!byKey) storages.set(open, (byKey = new Map()));
  const key = `${secure}|${sessionSecret}`;
  let s = byKey.get(key);
  if (!s) {
    const db = open.db;
    s = createSessionStorage<SessionData>({
      cookie: createCookie("__pt_session", {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secrets: [sessionSecret],
        secure,
        maxAge: SESSION_HOURS * 3600,
      }),
      async createData(data) {
        if (typeof data.userId !== "number") throw new Error("a session is only stored for a signed-in user");
        const id = randomBytes(32).toString("base64url");
        const now = new Date();
        await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
        await db
          .insertInto("sessions")
          .values({
            id_hash: sha256(id),
            user_id: data.userId,
            created_at: now,
            expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
          })
          .execute();
        return id;
      },
      async readData(id) {
        const row = await db
          .selectFrom("sessions")
          .select(["user_id", "expires_at"])
          .where("id_hash", "=", sha256(id))
          .executeTakeFirst();
        if (!row) return null;
        if (new Date(row.expires_at).getTime() <= Date.now()) {
          await db.deleteFrom("sessions").where("id_hash", "=", sha256(id)).execute();
          return null;
        }
        return { userId: row.user_id };
      },
      async updateData(id, data) {
        if (typeof data.userId === "number")
          await db.updateTable("sessions").set({ user_id: data.userId }).where("id_hash", "=", sha256(id)).execute();
      },
      async deleteData(id) {
        await db.deleteFrom("sessions").where("id_hash", "=", sha256(id)).execute();
      },
    });
    byKey.set(key, s);
  }
  return s;
}

/** Whether the request reached us over HTTPS (X-Forwarded-Proto only behind a proxy we were told to trust). */
function overHttps(request?: Request): boolean {
  const env = readEnv();
  if (env.PT_SECURE_COOKIES) return true;
  if (!request) return false;
  if (new URL(request.url).protocol === "https:") return true;
  return env.PT_TRUST_PROXY && request.headers.get("X-Forwarded-Proto")?.split(",")[0].trim() === "https";
}

export async function getSession(request: Request, context: AppLoadContext) {
  return storage(context, overHttps(request)).getSession(request.headers.get("Cookie"));
}

export async function commitSession(
  context: AppLoadContext,
  session: Awaited<ReturnType<typeof getSession>>,
  request?: Request,
) {
  return storage(context, overHttps(request)).commitSession(session);
}

export async function destroySession(
  context: AppLoadContext,
  session: Awaited<ReturnType<typeof getSession>>,
  request?: Request,
) {
  return storage(context, overHttps(request)).destroySession(session);
}

/**
 * Signs a user in with a new session id (never the one the browser brought: a planted id cannot be promoted) and
 * deletes the session the request carried. Returns the Set-Cookie header.
 */
export async function startSession(request: Request, context: AppLoadContext, userId: number): Promise<string> {
  const s = storage(context, overHttps(request));
  const old = await s.getSession(request.headers.get("Cookie"));
  if (old.id) await s.destroySession(old);
  const fresh = await s.getSession();
  fresh.set("userId", userId);
  return s.commitSession(fresh);
}

/**
 * Where to go after signing in: only a path on this origin. Anything that a browser or proxy could read as another
 * host — `//host`, a backslash (raw or %5C), a tab or newline, a scheme — goes to the dashboard instead.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return "/";
  }
  if (/[\u0000-\u0020\u007f]/.test(next)) return "/";
  for (const s of [next, decoded]) {
    if (s.startsWith("//") || s.includes("\\") || /[\u0000-\u001f\u007f]/.test(s) || /^\/+[a-z][a-z0-9+.-]*:/i.test(s))
      return "/";
  }
  const base = "http://same-origin.invalid";
  const url = new URL(next, base);
  if (url.origin !== base) return "/";
  return url.pathname + url.search + url.hash;
}

export async function currentUser(request: Request, context: AppLoadContext): Promise<Actor | null> {
  const session = await getSession(request, context);
  const id = session.get("userId");
  if (typeof id !== "number") return null;
  return (await findUserById(context.app.open.db, id)) ?? null;
}

/** Every page: a signed-in user with the permission, else a redirect to sign-in or a logged 403. */
export async function requireUser(
  request: Request,
  context: AppLoadContext,
  permission: Permission = "read",
): Promise<Actor> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!can(user.role, permission)) await forbid(context, user, permission, new URL(request.url).pathname);
  return user;
}

export async function forbid(
  context: AppLoadContext,
  user: Actor | null,
  what: string,
  target: string,
): Promise<never> {
  try {
    await refuse(context.app.open, user, what, target, refusal(what));
  } catch (e) {
    // refuse() throws ForbiddenError once the refusal is logged; anything else means it could not be logged, and a
    // refused action must never pass unrecorded: that is a server error, reported as one
    if (!(e instanceof ForbiddenError)) {
      console.error(
        `[audit] could not log a refused ${what} on ${target} by ${user?.email ?? "anonymous"}: ` +
          `${errorMessage(e)}`,
      );
      throw new Response(
        "The refusal of this action could not be recorded in the audit log; nothing was done. Tell your admin.",
        { status: 503 },
      );
    }
  }
  throw new Response(refusal(what), { status: 403 });
}

/**
 * CSRF: a state-changing request must come from our own origin — same scheme and host (and port); no Origin,
 * `null` or an unparseable one is refused with 403. X-Forwarded-Host/-Proto count only with PT_TRUST_PROXY=1.
 */
export function assertSameOrigin(request: Request): void {
  if (!sameOrigin({ url: request.url, header: (n) => request.headers.get(n) }))
    throw new Response(ORIGIN_REFUSED, { status: 403 });
}

/** For actions: same origin, signed in, and allowed. */
export async function requireAction(request: Request, context: AppLoadContext, permission: Permission): Promise<Actor> {
  assertSameOrigin(request);
  return requireUser(request, context, permission);
}

/**
 * For loaders that show packet text, flags or audit details: the signed-in user and what their role may see
 * (Settings → hide pricing). `view` runs the page's data function; a page or file that is all pricing hidden from
 * the role (PricingHidden) becomes a logged 403.
 */
export async function requireViewer(request: Request, context: AppLoadContext) {
  const user = await requireUser(request, context);
  const vis: Visibility = await visibilityFor(context.app.open.db, user.role);
  return {
    user,
    vis,
    async view<T>(f: (vis: Visibility) => Promise<T>): Promise<T> {
      try {
        return await f(vis);
      } catch (e) {
        if (e instanceof PricingHidden) await forbid(context, user, "pricing", e.target);
        throw e;
      }
    },
  };
}

/** The loader of a page every signed-in user may read: it returns what the core function gives for the database. */
export const signedInPage =
  <T>(page: (open: OpenDatabase) => Promise<T>) =>
  async ({ request, context }: LoaderFunctionArgs): Promise<T> => {
    await requireUser(request, context);
    return page(context.app.open);
  };
