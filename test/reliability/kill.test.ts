// Issue 13 #15: kill -9 of score, import and the nightly job at random (seeded) points, then a consistency check —
// the killed run is marked interrupted by the next one, the killed import's staging copy is removed by the next
// import, nothing is half-written (imports are all-or-nothing, no duplicate flag ids) and the audit log verifies.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batch } from "../helpers/server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { openDatabase } from "../../app/core/db/db.server";
import { verifyAudit } from "../../app/core/audit/audit.server";
import { addFigures } from "./figures";

let dir: string;
let db: string;
let kills = 0;
const rows = 6000;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-kill-"));
  db = path.join(dir, "k.duckdb");
  const many = Array.from({ length: rows }, (_, i) =>
    packet({
      deal_id: `K-${String(i).padStart(5, "0")}`,
      kickoff_note: `Customer expects training as needed. Note ${i}.`,
      signed_scope: `1. Configure ${i} reports as appropriate.\n2. Data migration TBD.`,
    }),
  );
  // a blank line makes the file irregular: the streaming reader writes its staging copy
  writeFileSync(path.join(dir, "h.csv"), csvOf(HANDOFF_COLUMNS, many).replace("\n", "\n\n"));
  expect(batch(["users", "add", "a@k.test", "--role", "admin", "--db", db], { input: "kill-password-1\n" }).code).toBe(
    0,
  );
});
afterAll(() => {
  addFigures(__filename, { kills_survived: kills });
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a CLI command and kills it with SIGKILL after ms (or when it has finished). */
function killAfter(args: string[], ms: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.resolve("batch/launch.mjs"), "batch/bin.ts", ...args, "--db", db], {
      stdio: "ignore",
    });
    let done = false;
    p.on("exit", (_c, signal) => {
      done = true;
      resolve({ killed: signal === "SIGKILL" });
    });
    setTimeout(() => {
      if (!done) p.kill("SIGKILL");
    }, ms);
  });
}

async function consistent() {
  const open = await openDatabase(db);
  try {
    const dupes = await open.conn.runAndReadAll("SELECT count(*) - count(DISTINCT flag_id) FROM flags");
    expect(Number(dupes.getRows()[0][0])).toBe(0);
    const partial = await open.conn.runAndReadAll(
      "SELECT count(*) FROM uploads u WHERE imported + unchanged + quarantined <> rows_read",
    );
    expect(Number(partial.getRows()[0][0])).toBe(0);
    const packets = Number((await open.conn.runAndReadAll("SELECT count(*) FROM packets")).getRows()[0][0]);
    // each file's import is all or nothing: whole files of packets only (the night's file is a quarter of the first)
    expect(packets % (rows / 4)).toBe(0);
    expect(packets === 0 || packets >= rows).toBe(true);
    expect(await verifyAudit(open.db)).toMatchObject({ ok: true });
    return await open.db.selectFrom("runs").select(["id", "status"]).orderBy("id").execute();
  } finally {
    await open.close();
  }
}

describe("kill -9", () => {
  // seeded points: the same kill times every run
  const points = [300, 900, 1500, 2500];
  it("of imports leaves nothing half-written, and the next import removes the staging leftovers", async () => {
    for (const ms of points) {
      const r = await killAfter(["import", "handoffs", path.join(dir, "h.csv")], ms);
      if (r.killed) kills++;
      await consistent();
    }
    const staging = `${db}.staging`;
    const ok = batch(["import", "handoffs", path.join(dir, "h.csv"), "--json", "--db", db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json).toMatchObject({ rows });
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    await consistent();
  }, 240_000);

  it(
    "of scoring: the killed run is marked interrupted by the next, which finishes " + "the job with the same flags",
    async () => {
      for (const ms of points) {
        const r = await killAfter(["score", "--all"], ms + 1500);
        if (r.killed) kills++;
        await consistent();
      }
      const done = batch(["score", "--json", "--db", db]);
      expect(done.code, done.stderr).toBe(0);
      const runs = await consistent();
      expect(runs.filter((r) => r.status === "running")).toEqual([]);
      // a kill before the run row was written leaves none; one after leaves a row the next run marks interrupted
      addFigures(__filename, { runs_interrupted: runs.filter((r) => r.status === "interrupted").length });
      // and deterministically: a run left 'running' by a dead process is marked interrupted by the next run
      const open = await openDatabase(db);
      await open.db
        .insertInto("runs")
        .values({ kind: "score", started_at: new Date(), status: "running", detector_versions: "x" } as never)
        .execute();
      await open.close();
      expect(batch(["score", "--db", db]).code).toBe(0);
      const after = await consistent();
      expect(after.filter((r) => r.status === "running")).toEqual([]);
      expect(after.filter((r) => r.status === "interrupted").length).toBeGreaterThan(
        runs.filter((r) => r.status === "interrupted").length,
      );
      // scoring again from nothing gives the same flags as the interrupted-and-resumed sequence
      const again = batch(["score", "--all", "--json", "--db", db]);
      expect(again.json).toMatchObject({ flags_new: 0, flags_retired: 0, failed: 0 });
    },
    600_000,
  );

  it(
    "of the nightly job: a rerun finds the file where the killed run left it, " + "imports it once and scores it",
    async () => {
      const inbox = path.join(dir, "night", "inbox");
      mkdirSync(inbox, { recursive: true });
      const nightly = (extra: string[]) => ["nightly", "--inbox", inbox, ...extra];
      // a night's file of new packets (a quarter of the first file, so the rerun stays well inside the CLI timeout)
      const nightRows = rows / 4;
      const night = Array.from({ length: nightRows }, (_, i) =>
        packet({
          deal_id: `N-${String(i).padStart(5, "0")}`,
          kickoff_note: `Customer expects a portal as needed. ${i}.`,
        }),
      );
      writeFileSync(path.join(inbox, "handoffs-night.csv"), csvOf(HANDOFF_COLUMNS, night));
      for (const ms of points) {
        const r = await killAfter(nightly([]), ms + 800);
        if (r.killed) kills++;
        const open = await openDatabase(db);
        try {
          const n = Number(
            (await open.conn.runAndReadAll("SELECT count(*) FROM packets WHERE deal_id LIKE 'N-%'")).getRows()[0][0],
          );
          // the night's import is all or nothing
          expect([0, nightRows]).toContain(n);
        } finally {
          await open.close();
        }
      }
      const done = batch([...nightly(["--json"]), "--db", db]);
      expect(done.code, done.stderr).toBe(0);
      const open = await openDatabase(db);
      try {
        const n = Number(
          (await open.conn.runAndReadAll("SELECT count(*) FROM packets WHERE deal_id LIKE 'N-%'")).getRows()[0][0],
        );
        expect(n).toBe(nightRows);
        const unscored = Number(
          (
            await open.conn.runAndReadAll(
              "SELECT count(*) FROM packets WHERE deal_id LIKE 'N-%' AND scored_hash IS NULL",
            )
          ).getRows()[0][0],
        );
        expect(unscored).toBe(0);
      } finally {
        await open.close();
      }
      // the file left the inbox exactly once, into the archive
      expect(readdirSync(inbox).filter((f) => f.endsWith(".csv"))).toEqual([]);
      expect(
        readdirSync(path.join(dir, "night", "archive")).filter((f) => f.endsWith("handoffs-night.csv")),
      ).toHaveLength(1);
      const runs = await consistent();
      expect(runs.filter((r) => r.status === "running")).toEqual([]);
    },
    240_000,
  );
});
