// Issue 13 #4–#6: an OpenAI-protocol server on loopback answering adversarially. A bad answer affects its own
// packet's LLM findings only; failed calls are retried on the next run and counted; blank, trivially short,
// duplicated and excess findings are dropped and counted.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "../../app/core/ingest/import.server";
import { runScore } from "../../app/core/scoring/run.server";
import { createLlmPass, llmConfigFromEnv, MAX_LLM_FINDINGS } from "../../app/core/scoring/llm.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { tempDb } from "../helpers/db";
import { fakeOpenAI } from "../helpers/openai-server";
import { addFigures } from "./figures";

const answer = (f: object[]) => JSON.stringify({ findings: f });
const finding = (quote: string, over: object = {}) => ({
  category: "ambiguous_deliverable",
  source: "kickoff_note",
  quote,
  message: "Vague.",
  severity: "medium",
  ...over,
});
const NOTE = "We will deliver reporting as needed and the dashboards as appropriate.";
const WORDS = (
  "Customer expects the rollout to include reporting training dashboards exports " +
  "alerts audits and weekly syncs with every regional manager in scope plus " +
  "onboarding migration sandbox cutover signoff"
).split(" ");

let db: Awaited<ReturnType<typeof tempDb>>;
let api: Awaited<ReturnType<typeof fakeOpenAI>>;
let flaky = true;
let answers = 0;

beforeAll(async () => {
  db = await tempDb();
  api = await fakeOpenAI((call) => {
    answers++;
    const user = call.body.messages.find((m) => m.role === "user")!.content;
    if (user.includes("case-dup"))
      return answer([
        finding("reporting as needed"),
        finding("reporting as needed"),
        finding("reporting as needed", { message: "again" }),
      ]);
    if (user.includes("case-junk"))
      return answer([
        { category: "nonsense" },
        7 as never,
        null as never,
        finding("the dashboards as appropriate"),
        { ...finding("reporting as needed"), extra: 1 },
      ]);
    if (user.includes("case-503"))
      return flaky
        ? { status: 503, body: JSON.stringify({ error: { message: "overloaded" } }) }
        : answer([finding("dashboards as appropriate")]);
    if (user.includes("case-badjson")) return flaky ? "{ not json" : answer([]);
    if (user.includes("case-short"))
      return answer([
        finding(""),
        finding("   "),
        finding("a"),
        finding("as"),
        finding("--"),
        finding("port"),
        finding("reporting"),
      ]);
    if (user.includes("case-flood"))
      return answer(Array.from({ length: 400 }, (_, i) => finding(WORDS[i % WORDS.length], { message: `word ${i}` })));
    return answer([]);
  });
  const rows = [
    packet({ deal_id: "LA-DUP", kickoff_note: `case-dup. ${NOTE}` }),
    packet({ deal_id: "LA-JUNK", kickoff_note: `case-junk. ${NOTE}` }),
    packet({ deal_id: "LA-503", kickoff_note: `case-503. ${NOTE}` }),
    packet({ deal_id: "LA-BADJSON", kickoff_note: `case-badjson. ${NOTE}` }),
    packet({ deal_id: "LA-SHORT", kickoff_note: `case-short. ${NOTE}` }),
    packet({ deal_id: "LA-FLOOD", kickoff_note: `case-flood. ${WORDS.join(" ")}.` }),
    packet({ deal_id: "LA-PLAIN", kickoff_note: "Nothing special." }),
  ];
  const f = path.join(db.dir, "h.csv");
  writeFileSync(f, csvOf(HANDOFF_COLUMNS, rows));
  await importCsv(db, { kind: "handoffs", file: f });
});
afterAll(async () => {
  addFigures(__filename, { llm_answers: answers });
  await api.close();
  await db.dispose();
});

const pass = () =>
  createLlmPass(
    db,
    llmConfigFromEnv({
      PT_LLM_MODEL: "adv-model",
      OPENAI_BASE_URL: api.url,
      PT_LLM_TIMEOUT_MS: "2000",
      PT_LLM_RETRIES: "0",
      PT_LLM_CONCURRENCY: "2",
    })!,
  );
const llmFlags = (deal: string) =>
  db.db
    .selectFrom("flags")
    .select(["flag_id", "evidence", "state"])
    .where("deal_id", "=", deal)
    .where("detector", "=", "llm:adv-model")
    .execute();
const status = (deal: string) =>
  db.db
    .selectFrom("packets")
    .select(["llm_status", "score_status"])
    .where("deal_id", "=", deal)
    .executeTakeFirstOrThrow();

describe("adversarial LLM answers", () => {
  let first: Awaited<ReturnType<typeof runScore>>;
  beforeAll(async () => {
    first = await runScore(db, { llm: pass() });
  });

  it(
    "a duplicated finding does not abort the run: every packet is scored, " +
      "deterministic flags and one LLM flag stored (#4)",
    async () => {
      expect(first.scored).toBe(7);
      expect(first.failed).toBe(0);
      const run = await db.db
        .selectFrom("runs")
        .select("status")
        .where("id", "=", first.run_id)
        .executeTakeFirstOrThrow();
      expect(run.status).toBe("ok");
      expect((await llmFlags("LA-DUP")).map((f) => f.evidence)).toEqual(["reporting as needed"]);
      const deterministic = await db.db
        .selectFrom("flags")
        .select("flag_id")
        .where("detector", "not like", "llm:%")
        .execute();
      expect(deterministic.length).toBeGreaterThan(0);
    },
  );

  it("malformed findings in an answer are dropped one by one; the valid ones of that answer stay (#4)", async () => {
    expect((await llmFlags("LA-JUNK")).map((f) => f.evidence)).toEqual(["the dashboards as appropriate"]);
    expect(await status("LA-JUNK")).toEqual({ llm_status: "ok", score_status: "scored" });
  });

  it("failed calls (503, invalid JSON) are counted, written per packet, and retried on the next run (#5)", async () => {
    expect(first.llm_failed).toBe(2);
    expect(first.errors.map((e) => e.deal_id).sort()).toEqual(["LA-503", "LA-BADJSON"]);
    expect(await status("LA-503")).toEqual({ llm_status: "failed", score_status: "scored" });
    expect(await status("LA-DUP")).toEqual({ llm_status: "ok", score_status: "scored" });
    // the failed packets keep their deterministic flags meanwhile
    expect(
      (await db.db.selectFrom("flags").select("flag_id").where("deal_id", "=", "LA-503").execute()).length,
    ).toBeGreaterThan(0);
    flaky = false;
    const before = api.calls.length;
    const second = await runScore(db, { llm: pass() });
    expect(second.scored).toBe(2);
    expect(second.llm_failed).toBe(0);
    expect(api.calls.length - before).toBe(2);
    expect((await llmFlags("LA-503")).map((f) => f.evidence)).toEqual(["dashboards as appropriate"]);
    expect(await status("LA-503")).toEqual({ llm_status: "ok", score_status: "scored" });
    // and then nothing is left to do; a rerun from the cache (the duplicate answer included) stores the same
    expect((await runScore(db, { llm: pass() })).scored).toBe(0);
    const all = await runScore(db, { llm: pass(), all: true });
    expect(all).toMatchObject({ scored: 7, failed: 0, llm_failed: 0, flags_new: 0, flags_retired: 0 });
  });

  it("drops blank, one-letter and mid-word quotes and counts every drop (#6)", async () => {
    expect((await llmFlags("LA-SHORT")).map((f) => f.evidence)).toEqual(["reporting"]);
    // "", "   ", "a", "as", "--" too short; "port" only inside "reporting"
    const dropped = await db.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "flag.dropped")
      .where("entity_id", "=", "LA-SHORT")
      .execute();
    expect(dropped.length).toBeGreaterThanOrEqual(6);
    expect(first.dropped_citations).toBeGreaterThanOrEqual(6 + 2 + 4);
  });

  it("caps the findings kept per packet (#6)", async () => {
    const flood = await llmFlags("LA-FLOOD");
    expect(flood.length).toBe(MAX_LLM_FINDINGS);
    expect(first.dropped_citations).toBeGreaterThanOrEqual(400 - MAX_LLM_FINDINGS);
  });

  it("asks with a response format generated from the validating schema", () => {
    const format = api.calls[0].body.response_format as {
      json_schema: {
        schema: { properties: { findings: { items: { required: string[]; additionalProperties: boolean } } } };
      };
    };
    expect(format.json_schema.schema.properties.findings.items.required.sort()).toEqual([
      "category",
      "message",
      "quote",
      "severity",
      "source",
    ]);
    expect(format.json_schema.schema.properties.findings.items.additionalProperties).toBe(false);
  });
});
