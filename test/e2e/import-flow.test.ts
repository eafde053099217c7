import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, describeViolations, launchChromium, sideScroll, signIn } from "../helpers/browser";
import { batch, startServerProcess, type RunningServer } from "../helpers/server";

// Issue 11 as RevOps meets it in a real browser: a deal export without an account column, its deal name mapped to
// two columns, a dry run, the import, the error file downloaded, fixed and uploaded again.
const shots = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const PASSWORD = "e2e-password-1";
let dir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-e2e-import-"));
  const db = path.join(dir, "import.duckdb");
  server = await startServerProcess(db, { PT_NO_DEMO: "1" });
  const r = batch(["users", "add", "revops@import.test", "--role", "revops", "--name", "Rae Ops", "--db", db], {
    input: PASSWORD + "\n",
  });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** No axe violation and nothing scrolling sideways, at 1280 and 390 px, as the page is now. */
async function accessible(page: Page, what: string): Promise<string[]> {
  const failures: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const v = await axe(page);
    if (v.length) failures.push(`${what} @${width}: ${describeViolations(what, v)}`);
    const side = await sideScroll(page);
    if (side > 0) failures.push(`${what} @${width}: scrolls sideways by ${side}px`);
    await page.screenshot({ path: path.join(shots, `import-${what}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return failures;
}

const status = (page: Page) => page.locator("[role=status]").first().textContent();

describe("import flow in Chromium (issue 11)", () => {
  it(
    "upload → mapping change re-using a header → dry run → import → error file " +
      "downloaded, fixed, uploaded again → the fixed rows import",
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await signIn(page, server.url, "revops@import.test", PASSWORD);
      const failures: string[] = [];

      // a deal export with no account column; one row without an id, one repeating an id, one date no one can read
      const file = path.join(dir, "deals.csv");
      writeFileSync(
        file,
        "Record ID,Deal Name,Close Date,Amount,Notes\n" +
          'R1,Orbit Dental,"16 Apr, 2026 00:03:00",Rs 18,40,000,=first note\n'.replace(
            "Rs 18,40,000",
            '"Rs 18,40,000"',
          ) +
          ",Beacon Labs,2026-05-01,$9000,no id yet\n" +
          "R1,Cobalt Foods,2026-05-02,$7000,repeats R1\n" +
          "R4,Delta Air,sometime soon,$5000,date unreadable\n",
      );
      await page.goto(`${server.url}/uploads`);
      await page.setInputFiles("input[name=file]", file);
      await page.selectOption("select[name=kind]", "handoffs");
      await page.click("text=Upload and preview");
      await expect.poll(() => page.locator("h2", { hasText: "Preview" }).textContent()).toContain("deals.csv");
      // account_name has no header: Import and the dry run wait for it
      expect(await page.locator(".error").first().textContent()).toContain("account_name");
      expect(await page.locator("button[value=import]").isDisabled()).toBe(true);
      expect(await page.locator("button[value=dry_run]").isDisabled()).toBe(true);
      expect(await page.locator("select[name='map.opportunity_name']").inputValue()).toBe("Deal Name");
      // each chosen header shows two sample values
      const sampleOf = (column: string) =>
        page
          .locator("tr", { has: page.locator(`select[name='map.${column}']`) })
          .locator("td")
          .nth(2)
          .textContent();
      expect(await sampleOf("deal_id")).toBe("“R1”, “R4”");
      failures.push(...(await accessible(page, "preview")));

      // the deal name, already mapped to opportunity_name, also becomes the account: the file stays, Import is enabled
      await page.selectOption("select[name='map.account_name']", "Deal Name");
      expect(await sampleOf("account_name")).toBe("“Orbit Dental”, “Beacon Labs”");
      expect(await page.locator("button[value=import]").isEnabled()).toBe(true);

      // the dry run counts everything and writes nothing
      await page.click("button[value=dry_run]");
      await expect.poll(() => status(page)).toContain("Dry run, nothing written");
      expect(await status(page)).toContain(
        "4 rows — 2 would be imported, 0 would be unchanged, 2 would be quarantined, 1 warning",
      );
      expect(await page.locator("select[name='map.account_name']").inputValue()).toBe("Deal Name");
      expect(await page.getByText("No file has been uploaded yet.").count()).toBe(1);
      failures.push(...(await accessible(page, "dry-run")));

      await page.click("button[value=import]");
      await expect.poll(() => status(page)).toContain("Imported deals.csv");
      expect(await status(page)).toContain("4 rows — 2 imported, 0 unchanged, 2 quarantined, 1 warning");
      // no command-line syntax or server paths on the page
      const text = (await page.locator("main").textContent()) ?? (await page.textContent("body")) ?? "";
      expect(text).not.toMatch(/--map|--source|PT_[A-Z_]+|\/tmp\/|\.duckdb|upload-\d+-/);
      failures.push(...(await accessible(page, "done")));

      // the error file: the file's own columns plus line and reason
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("text=Download the quarantined rows to fix and upload again"),
      ]);
      const errors = readFileSync(await download.path(), "utf8");
      const lines = errors
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe("Record ID,Deal Name,Close Date,Amount,Notes,line,reason");
      expect(lines.slice(1)).toEqual([
        ",Beacon Labs,2026-05-01,$9000,no id yet,3,missing deal_id",
        "R1,Cobalt Foods,2026-05-02,$7000,repeats R1,4,duplicate deal_id R1 within the file (first on line 2)",
      ]);

      // fixed as a person would in a spreadsheet: an id for the first, a new id for the repeat
      const fixedFile = path.join(dir, "deals-fixed.csv");
      writeFileSync(
        fixedFile,
        errors.replace(",Beacon Labs,", "R2,Beacon Labs,").replace("R1,Cobalt Foods", "R3,Cobalt Foods"),
      );
      await page.goto(`${server.url}/uploads`);
      await page.setInputFiles("input[name=file]", fixedFile);
      await page.selectOption("select[name=kind]", "handoffs");
      await page.click("text=Upload and preview");
      await expect.poll(() => page.locator("h2", { hasText: "Preview" }).textContent()).toContain("deals-fixed.csv");
      // the hand mapping was remembered for these headers; the error file's own columns are ignored
      expect(await page.locator(".notice", { hasText: "Mapping remembered" }).count()).toBe(1);
      expect(await page.getByText("This is an error file: its line and reason columns are ignored.").count()).toBe(1);
      expect(await page.locator("select[name='map.account_name']").inputValue()).toBe("Deal Name");
      await page.click("button[value=import]");
      await expect.poll(() => status(page)).toContain("Imported deals-fixed.csv");
      expect(await status(page)).toContain("2 rows — 2 imported, 0 unchanged, 0 quarantined, 0 warnings");
      const history = page.getByRole("region", { name: "Upload history" });
      await expect.poll(() => history.locator("tbody tr").count(), { timeout: 20000 }).toBe(2);

      // the remembered mapping is shown (and editable) in Settings
      await page.goto(`${server.url}/settings`);
      expect(await page.locator("h2#mappings").count()).toBe(1);
      expect(await page.locator("select[name='map.account_name']").inputValue()).toBe("Deal Name");
      failures.push(...(await accessible(page, "settings")));
      expect(failures, failures.join("\n")).toEqual([]);
      await page.close();
    },
  );
});
