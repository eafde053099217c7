import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { createAppContext } from "../../app/core/app/context.server";
import { addUser } from "../../app/core/auth/users.server";
import { clientAddress, LoginLimiter } from "../../app/core/auth/login-limit";
import * as login from "../../app/routes/login";
import { tempDb } from "../helpers/db";

// The sign-in route with the server-wide limiter: failed attempts only, per account and per client address.
const ORIGIN = "http://pt.test";
let db: Awaited<ReturnType<typeof tempDb>>;
let app: ReturnType<typeof createAppContext>;

beforeAll(async () => {
  db = await tempDb();
  app = createAppContext(db, "test-secret", db.dir);
  for (const email of ["often@x.test", "target@x.test", "bystander@x.test", "late@x.test"])
    await addUser(db, { email, role: "leadership", name: email, password: "right-password-1" });
});
afterAll(() => db.dispose());

async function attempt(
  email: string,
  password: string,
  address: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const request = new Request(`${ORIGIN}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
  const context = { app, clientAddress: address } as AppLoadContext;
  try {
    const r = (await login.action({ request, context, params: {} } as never)) as Response;
    return r.status;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("sign-in rate limit", () => {
  it("never counts a successful sign-in: 12 in a row all succeed", async () => {
    for (let i = 0; i < 12; i++)
      expect(await attempt("often@x.test", "right-password-1", "10.0.0.1"), `sign-in ${i + 1}`).toBe(302);
  });

  it("locks an account after 10 failures, from any address, while other accounts sign in", async () => {
    for (let i = 0; i < 10; i++) expect(await attempt("target@x.test", "wrong", `10.0.1.${i}`)).toBe(401);
    // the right password too, from elsewhere
    expect(await attempt("target@x.test", "right-password-1", "10.0.2.1")).toBe(429);
    expect(await attempt("bystander@x.test", "right-password-1", "10.0.1.3")).toBe(302);
  });

  it(
    "locks an address after 50 failures over many accounts; X-Forwarded-For cannot " +
      "dodge it unless the proxy is trusted",
    async () => {
      for (let i = 0; i < 50; i++) expect(await attempt(`nobody${i}@x.test`, "guess", "10.0.3.3")).toBe(401);
      expect(await attempt("late@x.test", "right-password-1", "10.0.3.3")).toBe(429);
      expect(await attempt("late@x.test", "right-password-1", "10.0.3.3", { "X-Forwarded-For": "203.0.113.9" })).toBe(
        429,
      );
      expect(await attempt("late@x.test", "right-password-1", "10.0.3.4")).toBe(302);
    },
  );

  it("reads the client address from the socket, or from the proxy's last X-Forwarded-For hop when trusted", () => {
    const h = new Headers({ "X-Forwarded-For": "198.51.100.7, 203.0.113.9" });
    expect(clientAddress(h, "127.0.0.1", false)).toBe("127.0.0.1");
    expect(clientAddress(h, "127.0.0.1", true)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), "127.0.0.1", true)).toBe("127.0.0.1");
  });

  it("forgets failures after the window, and a success clears the account's failures but not the address's", () => {
    const l = new LoginLimiter({ windowMs: 1000, perAccount: 2, perAddress: 3 });
    l.fail("a", "ip", 0);
    l.fail("a", "ip", 10);
    expect(l.blocked("a", "other", 20)).toBe("account");
    expect(l.blocked("a", "other", 1011)).toBe(null);
    l.fail("b", "ip", 1100);
    l.fail("b", "ip", 1101);
    l.succeed("b");
    expect(l.blocked("b", "elsewhere", 1102)).toBe(null);
    l.fail("c", "ip", 1103);
    expect(l.blocked("d", "ip", 1104)).toBe("address");
  });
});
