// app/core/env.server.ts: every PT_* / OPENAI_* variable (and PORT, HOST, SESSION_SECRET) in one zod schema.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkEnv, EnvError, EnvSchema, readEnv } from "../../app/core/env.server";

describe("the environment schema", () => {
  it("has the documented defaults when nothing is set (an empty value counts as unset)", () => {
    expect(readEnv({ PT_LLM_TIMEOUT_MS: "", PORT: " " })).toMatchObject({
      PT_DUCKDB_MEMORY: "256MB",
      PT_IMPORT_MEMORY: "160MB",
      PT_MAX_UPLOAD_MB: 100,
      PT_TRUST_PROXY: false,
      PT_NIGHTLY_CRON: "0 2 * * *",
      PT_LLM_TIMEOUT_MS: 30000,
      PT_LLM_CONCURRENCY: 4,
      PT_LLM_RETRIES: 3,
      PT_LLM_COST_PER_1K: 0,
      PORT: 3000,
      HOST: "127.0.0.1",
    });
  });

  it("converts what is set", () => {
    expect(
      readEnv({
        PT_TRUST_PROXY: "1",
        PT_LLM_TIMEOUT_MS: "2000",
        PT_LLM_COST_PER_1K: "0.5",
        PT_SCORE_WORKERS: "0",
        PT_NIGHTLY_CRON: "off",
        OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      }),
    ).toMatchObject({
      PT_TRUST_PROXY: true,
      PT_LLM_TIMEOUT_MS: 2000,
      PT_LLM_COST_PER_1K: 0.5,
      PT_SCORE_WORKERS: 0,
      PT_NIGHTLY_CRON: "off",
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
    });
  });

  it.each([
    ["PT_LLM_TIMEOUT_MS", "30s", /PT_LLM_TIMEOUT_MS="30s" must be a whole number/],
    ["PT_LLM_CONCURRENCY", "0", /PT_LLM_CONCURRENCY="0" must be a whole number from 1 to 64/],
    ["PT_LLM_RETRIES", "1e3", /PT_LLM_RETRIES/],
    ["PT_LLM_COST_PER_1K", "NaN", /PT_LLM_COST_PER_1K/],
    ["PT_MAX_UPLOAD_MB", "Infinity", /PT_MAX_UPLOAD_MB/],
    ["PT_SCORE_WORKERS", "many", /PT_SCORE_WORKERS/],
    ["PT_DUCKDB_MEMORY", "256MB'; SELECT 1; --", /PT_DUCKDB_MEMORY=.* must be a size/],
    ["PT_TRUST_PROXY", "true", /PT_TRUST_PROXY="true" must be 1 \(on\) or 0 \(off\)/],
    ["PT_NIGHTLY_CRON", "nightly", /PT_NIGHTLY_CRON="nightly" must be a cron schedule/],
    ["OPENAI_BASE_URL", "localhost:8080", /OPENAI_BASE_URL="localhost:8080" must be an http\(s\) URL/],
    ["PORT", "70000", /PORT="70000"/],
  ])("refuses %s=%j, naming it", (name, value, message) => {
    expect(() => readEnv({ [name]: value })).toThrow(EnvError);
    expect(() => readEnv({ [name]: value })).toThrow(message);
    const c = checkEnv({ [name]: value });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(/^invalid environment: /);
  });

  it("names every bad variable at once", () => {
    const c = checkEnv({ PT_LLM_RETRIES: "x", PT_NO_DEMO: "yes" });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(/PT_NO_DEMO.*PT_LLM_RETRIES|PT_LLM_RETRIES.*PT_NO_DEMO/);
  });

  it("covers every PT_* and OPENAI_* variable the code reads, and nothing else reads process.env for them", () => {
    const files = execFileSync("git", ["ls-files", "app", "server", "batch", "bench"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f));
    const names = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/\b((?:PT|OPENAI)_[A-Z0-9_]*[A-Z0-9])\b/g)) names.add(m[1]);
      if (f !== "app/core/env.server.ts") expect(text, f).not.toMatch(/process\.env(?:\.|\[["'])(?:PT_|OPENAI_)/);
    }
    const schema = new Set(Object.keys(EnvSchema.shape));
    expect([...names].filter((n) => !schema.has(n))).toEqual([]);
  });
});
