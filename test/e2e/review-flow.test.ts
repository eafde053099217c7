import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { batch, startServerProcess, type RunningServer } from "../helpers/server";
import { csvOf } from "../helpers/factories";

// The whole product in a real browser against the built server on loopback, with a fresh database.
const shots = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const PASSWORD = "e2e-password-1";

let dir: string;
let db: string;
let server: RunningServer;
let browser: Browser;

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), "pt-e2e-"));
  db = path.join(dir, "e2e.duckdb");
  server = await startServerProcess(db, { PT_NO_DEMO: "1" });
  // the server holds the database: these CLI calls are handed over to it
  for (const [email, role, name] of [
    ["revops@e2e.test", "revops", "Rae Ops"],
    ["lead@e2e.test", "implementation_lead", "Lee Lead"],
    ["boss@e2e.test", "leadership", "Bo Boss"],
  ]) {
    const r = batch(["users", "add", email, "--role", role, "--name", name, "--db", db], { input: PASSWORD + "\n" });
    expect(r.code, r.stderr + r.stdout).toBe(0);
  }
  expect(batch(["pilot", "set", "--pilot-start", day(-30), "--db", db]).code).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("review flow in Chromium", () => {
  it("sends visitors who are not signed in to the sign-in page", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/pilot`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  it("uploads, maps a header by hand, scores, reviews, decides readiness and moves the pilot numbers", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "revops@e2e.test");
    await page.goto(`${server.url}/pilot`);
    await expect
      .poll(() => page.locator(".tile", { hasText: "Acceptance rate" }).locator(".value").textContent())
      .toBe("—");
    await page.screenshot({ path: path.join(shots, "pilot-before.png"), fullPage: true });

    // a CRM export whose account column has a name the product does not know
    const csv = csvOf(
      [
        "Deal ID",
        "Client Company",
        "Kickoff Date",
        "Delivery Owner",
        "Signed Scope",
        "Order Form",
        "Kickoff Note",
        "Customer Promise",
      ],
      [
        {
          "Deal ID": "E2E-1",
          "Client Company": "Orbit Dental",
          "Kickoff Date": day(5),
          "Delivery Owner": "Dee Livery",
          "Signed Scope":
            "1. Payroll configuration for 40 codes. Accepted when Customer signs off the " +
            "code table.\n2. Executive dashboards.",
          "Order Form": "Payroll — 120 employees @ $9 PEPM — 12-month term",
          "Kickoff Note":
            "- they have ~190 employees now\n- I told them we'd waive the onboarding fee since they signed early",
          "Customer Promise": "Payroll live on the new system.",
        },
      ],
    );
    const file = path.join(dir, "crm-export.csv");
    writeFileSync(file, csv);
    await page.goto(`${server.url}/uploads`);
    await page.setInputFiles("input[name=file]", file);
    await page.selectOption("select[name=kind]", "handoffs");
    await page.click("text=Upload and preview");
    await expect.poll(() => page.locator(".error").first().textContent()).toContain("account_name");
    expect(await page.locator("h2", { hasText: "Preview" }).textContent()).toContain("crm-export.csv");
    await page.screenshot({ path: path.join(shots, "uploads-preview.png"), fullPage: true });
    await page.selectOption("select[name='map.account_name']", "Client Company");
    await page.click("button[value=import]");
    await expect.poll(() => page.locator("[role=status]").first().textContent()).toContain("1 imported");
    await page.screenshot({ path: path.join(shots, "uploads-done.png"), fullPage: true });

    await page.goto(`${server.url}/runs`);
    await page.click("text=Run scoring now");
    await expect.poll(async () => page.locator("tbody tr").first().textContent(), { timeout: 60000 }).toMatch(/ok/);
    // the run's duration in seconds and its total of packets
    const run = page.getByRole("region", { name: "Batch runs" }).locator("tbody tr").first();
    expect(await run.locator("td:nth-child(4)").textContent()).toMatch(/^\d[\d,]*\.\d s$/);
    expect(await run.locator("td:nth-child(6)").textContent()).toBe("1");
    await page.screenshot({ path: path.join(shots, "runs.png"), fullPage: true });
    await page.close();

    // the implementation lead reviews the packet
    const lead = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(lead, "lead@e2e.test");
    await lead.goto(`${server.url}/packets/E2E-1`);
    const marks = lead.locator("mark[id^=ev-]");
    expect(await marks.count()).toBeGreaterThan(1);
    const cards = lead.locator(".flag[data-flag]");
    const first = cards.nth(0);
    const flagId = await first.getAttribute("data-flag");
    await first.locator(".evidence").click();
    await expect.poll(() => lead.evaluate(() => document.activeElement?.id)).toBe(`ev-${flagId}`);
    await lead.screenshot({ path: path.join(shots, "packet.png"), fullPage: true });

    // reject without a reason is refused, with one it is saved
    await first.locator("button[value=reject]").click();
    await expect.poll(() => lead.locator(".error").first().textContent()).toContain("needs a reason");
    await lead.locator(`.flag[data-flag="${flagId}"] input[name=reason]`).fill("Already covered in the appendix");
    await lead.locator(`.flag[data-flag="${flagId}"] button[value=reject]`).click();
    await expect.poll(() => lead.locator(`.flag[data-flag="${flagId}"] .badge.rejected`).count()).toBe(1);

    const second = await cards.nth(1).getAttribute("data-flag");
    // the page reloads after the first decision; its buttons are enabled again once it has
    const accept = lead.locator(`.flag[data-flag="${second}"] button[value=accept]`);
    await expect.poll(() => accept.isEnabled(), { timeout: 20000 }).toBe(true);
    await accept.click();
    await expect
      .poll(() => lead.locator(`.flag[data-flag="${second}"] .badge.accepted`).count(), { timeout: 20000 })
      .toBe(1);

    await lead.check("input[name=decision][value=ready]");
    await lead.fill("textarea[name=comment]", "Reviewed with delivery");
    // open high-severity flags remain: "ready" needs the explicit confirmation
    if (await lead.locator("input[name=confirm_open_high]").count()) await lead.check("input[name=confirm_open_high]");
    await lead.click("text=Record decision");
    await expect.poll(() => lead.locator(".packet-head").textContent()).toContain("ready");
    await lead.screenshot({ path: path.join(shots, "packet-reviewed.png"), fullPage: true });

    await lead.goto(`${server.url}/pilot`);
    await expect
      .poll(() => lead.locator(".tile", { hasText: "Acceptance rate" }).locator(".value").textContent())
      .toBe("50%");
    expect(await lead.locator(".tile", { hasText: "Flags accepted" }).locator(".value").textContent()).toBe("1");
    await lead.screenshot({ path: path.join(shots, "pilot-after.png"), fullPage: true });
    for (const p of ["fields", "templates", "rework", "audit", "packets", "settings"]) {
      await lead.goto(`${server.url}/${p}`);
      expect(await lead.locator("h1").first().textContent()).toBeTruthy();
      await lead.screenshot({ path: path.join(shots, `${p}.png`), fullPage: true });
    }
    await lead.close();
  });

  it("refuses a review posted by leadership with 403", async () => {
    const page = await browser.newPage();
    await signIn(page, "boss@e2e.test");
    await page.goto(`${server.url}/packets/E2E-1`);
    expect(await page.locator("button[value=accept]").count()).toBe(0);
    const flagId = await page.locator(".flag[data-flag]").first().getAttribute("data-flag");
    const res = await page.request.post(`${server.url}/packets/E2E-1`, {
      form: { intent: "accept", flag_id: flagId! },
      headers: { Origin: server.url },
    });
    expect(res.status()).toBe(403);
    await page.close();
  });

  it("keeps the audit chain intact through all of it", () => {
    const r = batch(["audit", "verify", "--db", db, "--json"]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true });
    expect(Number(r.json!.entries)).toBeGreaterThan(5);
  });
});
