import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, describeViolations, launchChromium, sideScroll, signIn } from "../helpers/browser";
import { batch, startServerProcess, type RunningServer } from "../helpers/server";

// A new, empty database (PT_NO_DEMO=1, no pilot start set): what each role is told to do next, and sign-in
// attempts as a person makes them in the browser.
const PASSWORD = "e2e-password-1";
const shots = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15000 });

let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), "pt-e2e-empty-"));
  const db = path.join(dir, "empty.duckdb");
  server = await startServerProcess(db, { PT_NO_DEMO: "1" });
  for (const [email, role] of [
    ["revops@empty.test", "revops"],
    ["boss@empty.test", "leadership"],
    ["lead@empty.test", "implementation_lead"],
    ["locked@empty.test", "leadership"],
  ]) {
    const r = batch(["users", "add", email, "--role", role, "--db", db], { input: PASSWORD + "\n" });
    expect(r.code, r.stderr + r.stdout).toBe(0);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function as(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await signIn(page, server.url, email, PASSWORD);
  return page;
}

describe("an empty database (defect 8)", () => {
  it("tells leadership there is nothing to judge yet, never 'pilot complete — continue the pilot'", async () => {
    const page = await as("boss@empty.test");
    await page.goto(`${server.url}/pilot`);
    const main = (await page.locator("main").textContent())!;
    expect(main).not.toMatch(/pilot complete|Continue the pilot|templates are in order|Ended /i);
    expect(main).toContain("The pilot start date has not been set");
    expect(main).toContain("No recommendation yet: no packet kicks off inside the pilot window.");
    // leadership cannot upload or change settings: it is told whom to ask
    expect(main).toContain("ask RevOps to upload the handoff export");
    expect(main).toContain("ask RevOps to set the pilot start date");
    expect(await page.locator("main a[href='/uploads']").count()).toBe(0);
    await page.close();
  });

  it("shows RevOps the next steps as links, on every page that is empty", async () => {
    const page = await as("revops@empty.test");
    await page.goto(`${server.url}/pilot`);
    expect(await page.locator(".empty a[href='/uploads']").count()).toBeGreaterThan(0);
    expect(await page.locator(".empty a[href='/settings']").count()).toBeGreaterThan(0);
    for (const [url, text] of [
      ["/packets", "No handoff packets yet"],
      ["/fields", "No flag has been reviewed yet"],
      ["/templates", "No accepted flags yet"],
      ["/rework", "No early rework logged"],
      ["/runs", "No scoring run yet"],
      ["/uploads", "No file has been uploaded yet"],
    ] as const) {
      await page.goto(server.url + url);
      const empty = page.locator(".empty").first();
      expect(await empty.textContent(), url).toContain(text);
      expect(await empty.textContent(), url).toContain("Next:");
    }
    await page.close();
  });

  it("the empty pages pass axe and do not scroll sideways at 1280 and 390 px", async () => {
    const failures: string[] = [];
    // the two roles side by side, each in its own page
    await Promise.all(
      ["revops@empty.test", "boss@empty.test"].map(async (who) => {
        const page = await as(who);
        for (const url of [
          "/pilot",
          "/packets",
          "/fields",
          "/templates",
          "/rework",
          "/uploads",
          "/runs",
          "/audit",
          "/settings",
        ]) {
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.goto(server.url + url);
          for (const width of [1280, 390]) {
            await page.setViewportSize({ width, height: 900 });
            const v = await axe(page);
            if (v.length) failures.push(`${who} @${width}: ${describeViolations(url, v)}`);
            if ((await sideScroll(page)) > 0) failures.push(`${who} @${width}: ${url} scrolls sideways`);
            if (who.startsWith("boss") && url === "/pilot")
              await page.screenshot({ path: path.join(shots, `pilot-empty-${width}.png`), fullPage: true });
          }
        }
        await page.close();
      }),
    );
    const login = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await login.goto(`${server.url}/login`);
    expect(await login.title()).toBe("Sign in · Promise Trail");
    for (const width of [1280, 390]) {
      await login.setViewportSize({ width, height: 800 });
      const v = await axe(login);
      if (v.length) failures.push(`@${width}: ${describeViolations("/login", v)}`);
      if ((await sideScroll(login)) > 0) failures.push(`@${width}: /login scrolls sideways`);
      await login.screenshot({ path: path.join(shots, `login-${width}.png`), fullPage: true });
    }
    await login.close();
    expect(failures.join("\n")).toBe("");
  });
});

describe("sign-in rate limit in the browser (defect 5)", () => {
  it("lets a person sign in correctly twelve times in a row", async () => {
    const page = await browser.newPage();
    for (let i = 0; i < 12; i++) {
      await signIn(page, server.url, "lead@empty.test", PASSWORD);
      expect(new URL(page.url()).pathname).toBe("/packets");
      await page.context().clearCookies();
    }
    await page.close();
  });

  it("locks an account after ten wrong passwords, says so in words, and leaves other accounts alone", async () => {
    const page = await browser.newPage();
    const tryOnce = async (email: string, password: string) => {
      await page.goto(`${server.url}/login`);
      await page.fill("input[name=email]", email);
      await page.fill("input[name=password]", password);
      await page.click("button[type=submit]");
    };
    for (let i = 0; i < 10; i++) {
      await tryOnce("locked@empty.test", `wrong-${i}`);
      await poll(() => page.locator("[role=alert]").textContent()).toBe(
        "That e-mail and password do not match an account.",
      );
    }
    await tryOnce("locked@empty.test", PASSWORD);
    await poll(() => page.locator("[role=alert]").textContent()).toContain(
      "Too many failed sign-in attempts for this account",
    );
    expect(new URL(page.url()).pathname).toBe("/login");
    await signIn(page, server.url, "boss@empty.test", PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/pilot");
    await page.close();
  });
});
