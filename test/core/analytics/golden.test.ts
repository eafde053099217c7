// Golden tests for the queue and rework SQL files (sql/queries/packet_queue.sql, early_rework_items.sql,
// early_rework_by_category.sql): fixed rows in, the whole output compared with the checked-in files beside this
// test (golden/*.json), so any change to a query shows as a readable diff. Pilot = [2026-03-01, 2026-05-30).
//
//  G1 kickoff 03-10 pilot, owner Ann, readiness ready      flags: A open high (kickoff_note), B accepted (signed_scope)
//  G2 kickoff 04-01 pilot, owner Bo                         flags: C rejected (order_form), D open medium
// (customer_promise)
//  G3 kickoff 02-01 baseline, owner Ann, lead Lia           flags: E accepted (order_form), F superseded (ignored)
//  G4 kickoff 11-25 (within a week of "today" 11-20)        no flags
//  G5 no kickoff date                                       flag: H open low (signed_scope)
// Rework: R1 G1 03-12 timeline 5h 3d (early; its flag A is still open → missed) · R2 G1 03-24 acceptance 2h (day 14:
// early, predicted by B) · R3 G1 03-25 (day 15: late, left out) · R4 G2 04-02 conflicting 3h 2d (early; C accepted,
// then rejected → dismissed) · R5 G2 03-30 (before kickoff: left out) · R6 G3 02-03 conflicting 6h 4d (baseline,
// predicted by E) · R7 G5 03-01 (no kickoff: left out). The checked-in outputs were checked against this by hand;
// after an intended change to a query, `UPDATE_GOLDEN=1 npx vitest run --project unit
// test/core/analytics/golden.test.ts`
// rewrites them, and the diff is reviewed like code.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runQueryFile } from "../../../app/core/db/db.server";
import { earlyReworkByCategory, earlyReworkItems } from "../../../app/core/analytics/metrics.server";
import { getPilotSettings, setPilotSettings } from "../../../app/core/settings.server";
import { packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";
import { flagRow, importPackets, importRework, reviewRow } from "../../helpers/analytics";

let db: Awaited<ReturnType<typeof tempDb>>;

beforeAll(async () => {
  db = await tempDb();
  await setPilotSettings(db.db, { ...(await getPilotSettings(db.db)), pilot_start: "2026-03-01", window_days: 90 });
  await importPackets(db, [
    packet({ deal_id: "G1", account_name: "Gamma One", kickoff_date: "2026-03-10", account_owner: "Ann" }),
    packet({ deal_id: "G2", account_name: "Gamma Two", kickoff_date: "2026-04-01", account_owner: "Bo" }),
    packet({
      deal_id: "G3",
      account_name: "Gamma Three",
      kickoff_date: "2026-02-01",
      account_owner: "Ann",
      implementation_lead: "Lia",
    }),
    packet({ deal_id: "G4", account_name: "Gamma Four", kickoff_date: "2026-11-25", account_owner: "Cy" }),
    packet({ deal_id: "G5", account_name: "Gamma Five", kickoff_date: "", account_owner: "Cy" }),
  ]);
  await db.db.updateTable("packets").set({ readiness: "ready" }).where("deal_id", "=", "G1").execute();
  await db.db
    .insertInto("flags")
    .values([
      flagRow("A", "G1", "timeline_assumption", "kickoff_note", "high"),
      flagRow("B", "G1", "missing_acceptance_criteria", "signed_scope", "medium"),
      flagRow("C", "G2", "conflicting_terms", "order_form", "high"),
      flagRow("D", "G2", "promise_not_in_scope", "customer_promise", "medium"),
      flagRow("E", "G3", "conflicting_terms", "order_form", "high"),
      flagRow("F", "G3", "ambiguous_deliverable", "signed_scope", "high", "superseded"),
      flagRow("H", "G5", "ambiguous_deliverable", "signed_scope", "low"),
    ])
    .execute();
  await db.db
    .insertInto("reviews")
    .values([
      reviewRow("B", "accepted", "2026-03-05T10:00:00Z"),
      reviewRow("C", "accepted", "2026-03-20T10:00:00Z"),
      reviewRow("C", "rejected", "2026-03-21T10:00:00Z"),
      reviewRow("E", "accepted", "2026-01-20T10:00:00Z"),
      reviewRow("F", "accepted", "2026-01-20T10:00:00Z"),
    ])
    .execute();
  await importRework(
    db,
    [
      ["R1", "G1", "2026-03-12", "timeline_assumption", 5, 3],
      ["R2", "G1", "2026-03-24", "missing_acceptance_criteria", 2, 0],
      ["R3", "G1", "2026-03-25", "timeline_assumption", 4, 0],
      ["R4", "G2", "2026-04-02", "conflicting_terms", 3, 2],
      ["R5", "G2", "2026-03-30", "scope_exception", 1, 0],
      ["R6", "G3", "2026-02-03", "conflicting_terms", 6, 4],
      ["R7", "G5", "2026-03-01", "timeline_assumption", 9, 9],
    ],
    (id) => `rework ${id}`,
  );
});
afterAll(() => db.dispose());

const golden = (name: string) => path.join(import.meta.dirname, "golden", `${name}.json`);
/** rows as plain JSON (dates as ISO text), one row per line in the checked-in file, so a diff names the row */
const asText = (rows: unknown[]) =>
  `[\n${rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? Number(v) : v))).join(",\n")}\n]\n`;

async function checkGolden(name: string, rows: unknown[]) {
  const text = asText(rows);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(golden(name), text);
  expect(text).toBe(readFileSync(golden(name), "utf8"));
}

const queue = (owner: string, status: string, category: string, source: string, sort: string, limit = 50, offset = 0) =>
  runQueryFile<Record<string, unknown>>(db, "packet_queue", [
    owner,
    status,
    category,
    source,
    sort,
    limit,
    offset,
    "2026-11-20",
  ]);

describe("golden: packet_queue.sql", () => {
  it("every filter the dashboard offers, both sorts, and a page", async () => {
    const cases: Record<string, Record<string, unknown>[]> = {};
    for (const [label, args] of [
      ["all by kickoff", ["", "", "", "", "kickoff"]],
      ["all by risk", ["", "", "", "", "risk"]],
      ["owner Ann", ["Ann", "", "", "", "kickoff"]],
      ["lead Lia", ["Lia", "", "", "", "kickoff"]],
      ["awaiting", ["", "awaiting", "", "", "risk"]],
      ["reviewed", ["", "reviewed", "", "", "kickoff"]],
      ["ready", ["", "ready", "", "", "kickoff"]],
      ["not_ready", ["", "not_ready", "", "", "kickoff"]],
      ["upcoming", ["", "upcoming", "", "", "kickoff"]],
      ["category conflicting_terms", ["", "", "conflicting_terms", "", "risk"]],
      ["accepted source order_form", ["", "", "", "order_form", "kickoff"]],
    ] as [string, string[]][])
      cases[label] = await queue(args[0], args[1], args[2], args[3], args[4]);
    cases["page 2 of 2 by risk"] = await queue("", "", "", "", "risk", 2, 2);
    await checkGolden(
      "packet_queue",
      Object.entries(cases).map(([label, rows]) => ({ case: label, deals: rows.map((r) => r.deal_id), rows })),
    );
  });
});

describe("golden: early_rework_items.sql", () => {
  it("early rework of dated packets only, newest first, with period and outcome", async () => {
    await checkGolden("early_rework_items", await earlyReworkItems(db));
  });
  it("a page is a slice of the whole", async () => {
    expect(await earlyReworkItems(db, 2, 1)).toEqual((await earlyReworkItems(db)).slice(1, 3));
  });
});

describe("golden: early_rework_by_category.sql", () => {
  it("counts per category and outcome, with hours and delay", async () => {
    await checkGolden("early_rework_by_category", await earlyReworkByCategory(db));
  });
});
