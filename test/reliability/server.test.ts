// Issue 13 against the real built server on loopback: CSP with nonces and a Permissions-Policy in headless
// Chromium (#12), foreign and null Origin answered 403 (#13), sign-in rotation and sign-out in the browser (#10),
// and a concurrency run — 10 clients loading pages and posting reviews while batch jobs run through the server:
// 0 lost reviews, 0 5xx.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { batch, startServerProcess, type RunningServer } from "../helpers/server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { addFigures } from "./figures";

const PASSWORD = "rel-password-1";
let dir: string;
let db: string;
let server: RunningServer;
let browser: Browser;
let requests = 0;

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
}
const req = async (url: string, init: RequestInit = {}) => {
  requests++;
  return fetch(`${server.url}${url}`, { redirect: "manual", ...init });
};
async function cookieFor(email: string): Promise<string> {
  const r = await req("/login", {
    method: "POST",
    body: new URLSearchParams({ email, password: PASSWORD }),
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(r.status).toBe(302);
  return r.headers.get("set-cookie")!.split(";")[0];
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-rel-"));
  db = path.join(dir, "rel.duckdb");
  server = await startServerProcess(db, { PT_NO_DEMO: "1" });
  for (const [email, role] of [
    ["lead@rel.test", "implementation_lead"],
    ["revops@rel.test", "revops"],
  ]) {
    const r = batch(["users", "add", email, "--role", role, "--db", db], { input: PASSWORD + "\n" });
    expect(r.code, r.stderr + r.stdout).toBe(0);
  }
  const rows = Array.from({ length: 40 }, (_, i) =>
    packet({
      deal_id: `C-${i}`,
      signed_scope: "Configure the reports as appropriate.",
      kickoff_note: "Customer expects training as needed.",
    }),
  );
  writeFileSync(path.join(dir, "h.csv"), csvOf(HANDOFF_COLUMNS, rows));
  expect(batch(["import", "handoffs", path.join(dir, "h.csv"), "--db", db]).code).toBe(0);
  expect(batch(["score", "--db", db]).code).toBe(0);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  addFigures(__filename, { requests });
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("headers and the browser (#12)", () => {
  it(
    "every page carries a nonce CSP that its scripts satisfy, and a " + "Permissions-Policy; the app still hydrates",
    async () => {
      const r = await req("/login");
      const csp = r.headers.get("content-security-policy")!;
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(r.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      const html = await r.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
      // a fresh nonce each time
      expect((await req("/login")).headers.get("content-security-policy")).not.toBe(csp);

      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await signIn(page, server.url, "lead@rel.test", PASSWORD);
      // client-side navigation works only if the module scripts ran (hydrated)
      await page.click("nav >> text=Review queue");
      await page.waitForURL((u) => u.pathname === "/packets");
      expect(
        await page.evaluate(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined),
      ).toBe(true);
      expect(violations).toEqual([]);
      // sign out in the browser, then the old cookie is dead (#10)
      const cookie = (await page.context().cookies()).find((c) => c.name === "__pt_session")!;
      await page.click("text=Sign out");
      await page.waitForURL((u) => u.pathname === "/login");
      const replay = await req("/packets", { headers: { Cookie: `${cookie.name}=${cookie.value}` } });
      expect(replay.status).toBe(302);
      expect(replay.headers.get("location")).toMatch(/^\/login/);
      await page.close();
    },
  );
});

describe("forged origins (#13)", () => {
  it.each([["http://evil.example"], ["null"], ["not a url"]])(
    "a POST with Origin %j is refused with 403, not 500",
    async (origin) => {
      const cookie = await cookieFor("lead@rel.test");
      const r = await req("/logout", { method: "POST", headers: { Origin: origin, Cookie: cookie } });
      expect(r.status).toBe(403);
      const l = await req("/login", {
        method: "POST",
        body: new URLSearchParams({ email: "lead@rel.test", password: PASSWORD }),
        headers: {
          Origin: origin,
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-Host": new URL(server.url).host,
        },
      });
      expect(l.status).toBe(403);
    },
  );
});

describe("awkward upload names (#13)", () => {
  const upload = async (name: string) => {
    const cookie = await cookieFor("revops@rel.test");
    const form = new FormData();
    form.set("kind", "handoffs");
    form.set("source", "csv");
    form.set("file", new Blob([csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "UP-1" })])], { type: "text/csv" }), name);
    const r = await req("/uploads", { method: "POST", body: form, headers: { Origin: server.url, Cookie: cookie } });
    return { status: r.status, body: await r.text() };
  };
  // Remix's multipart reader cannot read these names: a 400 that says what to do, never a 500
  it.each([["pipeline=open.csv"], ["Q3;final.csv"]])(
    "%j is refused with a 400 saying to rename the file",
    async (name) => {
      const r = await upload(name);
      expect(r.status).toBe(400);
      expect(r.body).toContain("That request could not be used");
      expect(r.body).toMatch(
        /names with (&quot;|\\")=(&quot;|\\") or (&quot;|\\");(&quot;|\\") in them cannot be uploaded/,
      );
    },
  );
  it.each([['Q3 "final", v2.csv'], ["Résumé – Q3.csv"], ["../../etc/passwd.csv"], ["%00null.csv"]])(
    "%j is read and previewed, never a 500",
    async (name) => {
      const r = await upload(name);
      expect(r.status).toBe(200);
      expect(r.body).toContain("UP-1");
      expect(r.body).not.toMatch(/Something went wrong/);
    },
  );
  it("an upload with no file is a 400 with a message", async () => {
    const cookie = await cookieFor("revops@rel.test");
    const form = new FormData();
    form.set("kind", "handoffs");
    const r = await req("/uploads", { method: "POST", body: form, headers: { Origin: server.url, Cookie: cookie } });
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/Choose a CSV file|file/i);
  });
});

describe("concurrency", () => {
  it(
    "10 clients loading pages and posting reviews while batch jobs run through the " + "server: 0 lost, 0 5xx",
    async () => {
      const cookie = await cookieFor("lead@rel.test");
      const flags = batch(["export", "flags", path.join(dir, "flags.csv"), "--db", db]);
      expect(flags.code, flags.stderr).toBe(0);
      const { readFileSync } = await import("node:fs");
      const lines = readFileSync(path.join(dir, "flags.csv"), "utf8").trim().split("\n");
      const header = lines[0].split(",");
      const idCol = header.indexOf("flag_id");
      const dealCol = header.indexOf("deal_id");
      const targets = lines
        .slice(1)
        .map((l) => l.split(","))
        .map((c) => ({ flag: c[idCol], deal: c[dealCol] }))
        .slice(0, 40);
      expect(targets.length).toBeGreaterThan(10);
      const statuses: number[] = [];
      let posted = 0;
      const client = async (n: number) => {
        for (let i = n; i < targets.length; i += 10) {
          const t = targets[i];
          statuses.push((await req(`/packets/${t.deal}`, { headers: { Cookie: cookie } })).status);
          const r = await req(`/packets/${t.deal}`, {
            method: "POST",
            body: new URLSearchParams({ intent: "accept", flag_id: t.flag }),
            headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
          });
          statuses.push(r.status);
          if (r.status < 400) posted++;
          statuses.push((await req("/pilot", { headers: { Cookie: cookie } })).status);
        }
      };
      const jobs = (async () => {
        const { spawn } = await import("node:child_process");
        const run = (args: string[]) =>
          new Promise<number>((resolve) => {
            const p = spawn(process.execPath, [path.resolve("batch/launch.mjs"), "batch/bin.ts", ...args, "--db", db], {
              stdio: "ignore",
            });
            p.on("exit", (c) => resolve(c ?? 1));
          });
        return Promise.all([
          run(["score", "--all"]),
          run(["import", "handoffs", path.join(dir, "h.csv")]),
          run(["audit", "verify"]),
          run(["score"]),
        ]);
      })();
      try {
        await Promise.all([...Array.from({ length: 10 }, (_, n) => client(n)), jobs]);
      } catch (e) {
        throw new Error(`${(e as Error).message}\nserver log:\n${server.log().slice(-4000)}`);
      }
      expect(await jobs).toEqual([0, 0, 0, 0]);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      const verify = batch(["audit", "verify", "--json", "--db", db]);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      // every posted review is stored: counted through the server's own CSV export
      const out = batch(["export", "flags", path.join(dir, "after.csv"), "--db", db]);
      expect(out.code).toBe(0);
      const after = readFileSync(path.join(dir, "after.csv"), "utf8");
      const decided = targets.filter((t) =>
        after.split("\n").some((l) => l.includes(t.flag) && /accepted/.test(l)),
      ).length;
      expect(posted).toBe(targets.length);
      expect(decided).toBe(posted);
      addFigures(__filename, { reviews_posted: posted, reviews_lost: posted - decided });
    },
  );
});
