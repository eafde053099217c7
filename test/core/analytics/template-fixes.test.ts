import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  markTemplateFix,
  templateAction,
  templateProposals,
  TemplateFixError,
} from "../../../app/core/analytics/template-fixes.server";
import { templateTopics } from "../../../app/core/analytics/metrics.server";
import { recommend } from "../../../app/core/analytics/recommendation";
import { DEFAULT_PILOT } from "../../../app/core/settings.server";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { listFlags } from "../../../app/core/review/flags.server";
import { decideFlag } from "../../../app/core/review/review.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";
import { GOOD_PILOT_INPUTS } from "../../helpers/analytics";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => (db = await tempDb()));
afterAll(() => db.dispose());

const now = new Date("2026-06-10T12:00:00Z");
const topic = "timeline_assumption|kickoff_note|go-live date";

describe("marking a template fix", () => {
  it("refuses a fix date in the future, in words, and stores nothing", async () => {
    await expect(markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "2026-06-11", now })).rejects.toThrow(
      /in the future/,
    );
    expect(await db.db.selectFrom("template_fixes").selectAll().execute()).toEqual([]);
  });
  it("takes today or an earlier date", async () => {
    await markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "2026-06-10", now });
    expect(
      (await db.db.selectFrom("template_fixes").select("done_on").execute()).map((r) =>
        new Date(r.done_on as unknown as string).toISOString().slice(0, 10),
      ),
    ).toEqual(["2026-06-10"]);
  });
  it("says what to do with an unknown topic or a bad date", async () => {
    await expect(markTemplateFix(db, { email: "r@x" }, { topic: "bad", doneOn: null, now })).rejects.toBeInstanceOf(
      TemplateFixError,
    );
    await expect(markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "someday", now })).rejects.toThrow(
      /is not a date: pick one/,
    );
  });
});

describe("template fixes as proposals", () => {
  const lead = { id: 1, email: "lead@x.test", name: "Lee Lead", role: "implementation_lead" };
  const revops = { email: "revops@x.test" };
  const form = (f: Record<string, string>) => {
    const d = new FormData();
    for (const [k, v] of Object.entries(f)) d.set(k, v);
    return d;
  };
  let pdb: Awaited<ReturnType<typeof tempDb>>;
  let n = 0;
  const addPackets = async (count: number) => {
    const rows = Array.from({ length: count }, () =>
      packet({
        deal_id: `TP-${++n}`,
        kickoff_date: "2026-05-01",
        kickoff_note: "- I told them we'd waive the onboarding fee since they signed early",
      }),
    );
    writeFileSync(path.join(pdb.dir, `h${n}.csv`), csvOf(HANDOFF_COLUMNS, rows));
    await importCsv(pdb, { kind: "handoffs", file: path.join(pdb.dir, `h${n}.csv`) });
    await runScore(pdb);
    for (const r of rows)
      for (const f of await listFlags(pdb, { dealId: r.deal_id }))
        if (f.status === "open") await decideFlag(pdb, lead, { flagId: f.flag_id, decision: "accepted" });
  };
  beforeAll(async () => {
    pdb = await tempDb();
    await addPackets(3);
  });
  afterAll(() => pdb.dispose());
  const stateOf = async (key: string) => (await templateProposals(pdb)).topics.find((t) => t.key === key)!;

  it(
    "proposes a gap accepted in N packets within M days, with its examples; a " +
      "dismissal holds until new packets add to it",
    async () => {
      const { topics, threshold } = await templateProposals(pdb);
      expect(threshold).toEqual({ packets: 3, days: 90 });
      const gap = topics.find((t) => t.state === "proposed" && t.packets === 3)!;
      expect(gap, JSON.stringify(topics.map((t) => [t.key, t.state, t.packets]))).toBeTruthy();
      expect(gap.examples.map((e) => e.deal_id).sort()).toEqual(["TP-1", "TP-2", "TP-3"]);
      expect(await templateAction(pdb, revops, form({ intent: "dismiss", topic: gap.key }))).toMatch(
        /raised again only when new packets add to its 3/,
      );
      expect((await stateOf(gap.key)).state).toBe("dismissed");
      // the recommendation no longer counts the dismissed gap as a template problem
      const rec = recommend(GOOD_PILOT_INPUTS, [], await templateTopics(pdb), {
        ...DEFAULT_PILOT,
        thresholds: { ...DEFAULT_PILOT.thresholds, topic_packets_fix: 3 },
      });
      expect(rec.evidence!.filter((c) => c.group === "fix" && !c.met)).toEqual([]);
      await addPackets(1);
      const back = await stateOf(gap.key);
      expect([back.state, back.newSinceDismissal, back.packets]).toEqual(["proposed", 1, 4]);
    },
  );

  it(
    "excludes a one-off packet, refuses a fix date in the future, shows before/after " +
      "with packet counts and reopens",
    async () => {
      const key = (await templateProposals(pdb)).topics.find((t) => t.state === "proposed" && t.packets === 4)!.key;
      await templateAction(pdb, revops, form({ intent: "exclude", topic: key, deal_id: "TP-4" }));
      expect((await stateOf(key)).packets).toBe(3);
      expect((await stateOf(key)).excluded_packets).toBe(1);
      await templateAction(pdb, revops, form({ intent: "accept", topic: key }));
      expect((await stateOf(key)).state).toBe("accepted");
      await expect(
        templateAction(pdb, revops, form({ intent: "done", topic: key, done_on: "2999-01-01" })),
      ).rejects.toThrow(/in the future/);
      expect((await stateOf(key)).state).toBe("accepted");
      await templateAction(pdb, revops, form({ intent: "done", topic: key, done_on: "2026-06-01" }));
      const done = await stateOf(key);
      expect([done.state, done.packets_before, done.reviewed_before, done.packets_after, done.reviewed_after]).toEqual([
        "done",
        3,
        4,
        0,
        0,
      ]);
      await templateAction(pdb, revops, form({ intent: "reopen", topic: key }));
      expect((await stateOf(key)).state).toBe("accepted");
      const log = await pdb.db.selectFrom("audit_log").select("action").where("entity", "=", "template_fix").execute();
      expect(log.map((l) => l.action)).toEqual(
        expect.arrayContaining([
          "template_proposal.dismissed",
          "template_proposal.excluded",
          "template_proposal.accepted",
          "template_fix.done",
          "template_fix.reopened",
        ]),
      );
      await expect(templateAction(pdb, revops, form({ intent: "explode", topic: key }))).rejects.toBeInstanceOf(
        TemplateFixError,
      );
    },
  );
});
