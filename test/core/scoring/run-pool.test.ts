// A scoring run starts its worker pool once, however many chunks ask for workers while it is still starting, and
// closes it: a second pool left running kept the CLI from exiting after a kill -9 rerun (issue 13, kill.test.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";

const opened: { close: ReturnType<typeof vi.fn> }[] = [];
vi.mock("../../../app/core/scoring/pool.server", async (original) => {
  const real = await original<typeof import("../../../app/core/scoring/pool.server")>();
  return {
    ...real,
    openScorePool: async (size: number) => {
      // as slow to start as a cold bundle: the next chunk's request arrives first
      await new Promise((r) => setTimeout(r, 300));
      const pool = await real.openScorePool(size);
      const close = vi.fn(() => pool.close());
      opened.push({ close });
      return { ...pool, score: pool.score, close };
    },
  };
});

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => (db = await tempDb()));
afterEach(() => db.dispose());

describe("the scoring run's worker pool", () => {
  it("is started once for a run of many chunks, and closed", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => packet({ deal_id: `P-${String(i).padStart(3, "0")}` }));
    const f = path.join(db.dir, "h.csv");
    writeFileSync(f, csvOf(HANDOFF_COLUMNS, rows));
    await importCsv(db, { kind: "handoffs", file: f });
    const summary = await runScore(db, { workers: 1, chunkSize: 5 });
    expect(summary).toMatchObject({ scored: 30, failed: 0 });
    expect(opened).toHaveLength(1);
    expect(opened[0].close).toHaveBeenCalledTimes(1);
  });
});
