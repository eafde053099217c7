// The review queue's totals (sql/queries/packet_queue.sql) on the seeded demo data: every page of a queue carries
// the whole queue's count, open high-severity flags and kickoffs within a week — checked against the queue itself,
// read in full, for the filters the dashboard offers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runQueryFile } from "../../../app/core/db/db.server";
import { seedDemo } from "../../../batch/commands/seed";
import { tempDb } from "../../helpers/db";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  db = await tempDb();
  await seedDemo(db);
}, 120_000);
afterAll(() => db.dispose());

type Row = {
  deal_id: string;
  kickoff_date: string | null;
  open_flags: number;
  open_high: number;
  total: number;
  total_open_high: number;
  total_within_week: number;
};
const today = "2026-11-20";
const queue = (status: string, category: string, sort: string, limit: number, offset: number) =>
  runQueryFile<Row>(db, "packet_queue", ["", status, category, "", sort, limit, offset, today]);

describe("the review queue's totals", () => {
  for (const [status, category, sort] of [
    ["", "", "kickoff"],
    ["awaiting", "", "risk"],
    ["reviewed", "", "kickoff"],
    ["upcoming", "", "kickoff"],
    ["", "conflicting_terms", "risk"],
    ["", "no_such_category", "kickoff"],
  ]) {
    it(`match the queue read in full (status "${status}", category "${category}", by ${sort})`, async () => {
      const all = await queue(status, category, sort, 100_000, 0);
      const page = await queue(status, category, sort, 7, 3);
      const weekEnd = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
      const expected = {
        total: all.length,
        total_open_high: all.reduce((a, r) => a + r.open_high, 0),
        total_within_week: all.filter((r) => r.kickoff_date !== null && r.kickoff_date <= weekEnd).length,
      };
      for (const r of [...all, ...page])
        expect({ total: r.total, total_open_high: r.total_open_high, total_within_week: r.total_within_week }).toEqual(
          expected,
        );
      expect(page.map((r) => r.deal_id)).toEqual(all.slice(3, 10).map((r) => r.deal_id));
      if (category !== "no_such_category") expect(all.length).toBeGreaterThan(0);
      else expect(all).toEqual([]);
    });
  }
});
