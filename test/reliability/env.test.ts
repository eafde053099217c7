// Issue 13 #19: a bad PT_* / OPENAI_* variable stops the dashboard and the batch tool at start, naming the variable,
// instead of running with NaN timeouts or a silently ignored switch.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batch } from "../helpers/server";
import { tempDir } from "../helpers/db";
import { addFigures } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");
const dir = tempDir();
let starts = 0;
afterAll(() => {
  addFigures(__filename, { bad_env_starts_refused: starts });
  dir.dispose();
});

describe("bad environment at start (#19)", () => {
  it.each([
    ["PT_LLM_TIMEOUT_MS", "soon"],
    ["PT_TRUST_PROXY", "yes"],
    ["PORT", "http"],
  ])("npm start with %s=%j exits 2 and names it; nothing is served", (name, value) => {
    starts++;
    const r = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "server/start.ts")],
      {
        cwd: root,
        env: { ...process.env, PT_DB: path.join(dir.dir, "s.duckdb"), PT_NIGHTLY_CRON: "off", [name]: value },
        encoding: "utf8",
        timeout: 60000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`invalid environment: ${name}="${value}"`);
    expect(r.stdout).not.toMatch(/running at/);
  });
  it("the batch tool with PT_LLM_CONCURRENCY=lots exits 2 and names it, before touching the database", () => {
    starts++;
    const r = batch(["score", "--db", path.join(dir.dir, "b.duckdb"), "--json"], {
      env: { PT_LLM_CONCURRENCY: "lots" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid environment: PT_LLM_CONCURRENCY="lots" must be a whole number from 1 to 64/);
    expect(r.json).toMatchObject({ error: expect.stringContaining("PT_LLM_CONCURRENCY") });
  });
});
