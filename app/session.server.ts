// Sign-in, sessions and the guards every loader and action calls.
import { createCookieSessionStorage, redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Permission } from "./core/auth/roles";
import { findUserById } from "./core/auth/users.server";
import { refuse, type Actor } from "./core/review/review.server";

const storages = new Map<string, ReturnType<typeof createCookieSessionStorage<{ userId: number }>>>();

function storage(secret: string) {
  let s = storages.get(secret);
  if (!s) {
    s = createCookieSessionStorage<{ userId: number }>({
      cookie: {
        name: "__pt_session",
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secrets: [secret],
        secure: process.env.PT_SECURE_COOKIES === "1",
        maxAge: 60 * 60 * 12,
      },
    });
    storages.set(secret, s);
  }
  return s;
}

export async function getSession(request: Request, context: AppLoadContext) {
  return storage(context.app.sessionSecret).getSession(request.headers.get("Cookie"));
}

export async function commitSession(context: AppLoadContext, session: Awaited<ReturnType<typeof getSession>>) {
  return storage(context.app.sessionSecret).commitSession(session);
}

export async function destroySession(context: AppLoadContext, session: Awaited<ReturnType<typeof getSession>>) {
  return storage(context.app.sessionSecret).destroySession(session);
}

export async function currentUser(request: Request, context: AppLoadContext): Promise<Actor | null> {
  const session = await getSession(request, context);
  const id = session.get("userId");
  if (typeof id !== "number") return null;
  return (await findUserById(context.app.open.db, id)) ?? null;
}

/** Every page: a signed-in user with the permission, else a redirect to sign-in or a logged 403. */
export async function requireUser(request: Request, context: AppLoadContext, permission: Permission = "read"): Promise<Actor> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!can(user.role, permission)) await forbid(context, user, permission, new URL(request.url).pathname);
  return user;
}

export async function forbid(context: AppLoadContext, user: Actor | null, what: string, target: string): Promise<never> {
  try {
    await refuse(context.app.open, user, what, target, `the ${user?.role ?? "anonymous"} role may not ${what.replace(/_/g, " ")}`);
  } catch {
    // refuse() always throws after logging
  }
  throw new Response(`Forbidden: your role (${user?.role ?? "none"}) may not ${what.replace(/_/g, " ")}.`, { status: 403 });
}

/** CSRF: a state-changing request must come from our own origin. */
export function assertSameOrigin(request: Request): void {
  const url = new URL(request.url);
  const origin = request.headers.get("Origin") ?? (request.headers.get("Referer") ? new URL(request.headers.get("Referer")!).origin : null);
  const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host") ?? url.host;
  if (!origin || new URL(origin).host !== host) {
    throw new Response("Forbidden: this form was posted from another site (origin check failed).", { status: 403 });
  }
}

/** For actions: same origin, signed in, and allowed. */
export async function requireAction(request: Request, context: AppLoadContext, permission: Permission): Promise<Actor> {
  assertSameOrigin(request);
  return requireUser(request, context, permission);
}

/** A small in-memory limiter for sign-in attempts: 10 per 15 minutes per address and e-mail. */
const attempts = new Map<string, number[]>();
export function loginAllowed(key: string, now = Date.now()): boolean {
  const window = 15 * 60 * 1000;
  const list = (attempts.get(key) ?? []).filter((t) => now - t < window);
  list.push(now);
  attempts.set(key, list);
  return list.length <= 10;
}
