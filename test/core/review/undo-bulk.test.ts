import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { runScore } from "../../../app/core/scoring/run.server";
import { verifyAudit } from "../../../app/core/audit/audit.server";
import { listFlags } from "../../../app/core/review/flags.server";
import {
  bulkAccept,
  decideFlag,
  ForbiddenError,
  lastDecision,
  ReviewInputError,
  undoLastDecision,
  UNDO_SECONDS,
} from "../../../app/core/review/review.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { tempDb } from "../../helpers/db";

// Undo of the last decision (a short, server-enforced window) and bulk accept of one detector's open flags.
let db: Awaited<ReturnType<typeof tempDb>>;
const lead = { id: 1, email: "lead@x.test", name: "Lee Lead", role: "implementation_lead" };
const owner = { id: 2, email: "owner@x.test", name: "Owen Owner", role: "account_owner" };
const boss = { id: 3, email: "boss@x.test", name: "Bo Boss", role: "leadership" };
const vague =
  "1. Custom reports as needed.\n2. Dashboards as required.\n3. Integrations where " +
  "appropriate.\n4. Training sessions TBD.";

beforeAll(async () => {
  db = await tempDb();
  writeFileSync(
    path.join(db.dir, "h.csv"),
    csvOf(HANDOFF_COLUMNS, [
      packet({ deal_id: "U1", signed_scope: vague }),
      packet({ deal_id: "U2", signed_scope: vague, account_owner: "Someone Else" }),
    ]),
  );
  await importCsv(db, { kind: "handoffs", file: path.join(db.dir, "h.csv") });
  await runScore(db);
});
afterAll(() => db.dispose());

const statusOf = async (dealId: string) => new Map((await listFlags(db, { dealId })).map((f) => [f.flag_id, f.status]));
const audits = async (action: string) =>
  await db.db.selectFrom("audit_log").select(["entity_id", "detail"]).where("action", "=", action).execute();

describe("undo of the last decision", () => {
  it(
    "reopens the flag inside the window and logs review.undone; refuses after the " +
      "window and for someone else's decision",
    async () => {
      const [f1, f2] = await listFlags(db, { dealId: "U1" });
      const t0 = new Date();
      await decideFlag(db, lead, { flagId: f1.flag_id, decision: "accepted", now: t0 });
      expect((await lastDecision(db, lead, new Date(t0.getTime() + 1000)))?.flag_ids).toEqual([f1.flag_id]);
      await expect(
        undoLastDecision(db, owner, { dealId: "U1", now: new Date(t0.getTime() + 1000) }),
      ).rejects.toBeInstanceOf(ReviewInputError);
      await expect(
        undoLastDecision(db, lead, { dealId: "U2", now: new Date(t0.getTime() + 1000) }),
      ).rejects.toBeInstanceOf(ReviewInputError);
      await undoLastDecision(db, lead, { dealId: "U1", now: new Date(t0.getTime() + 5000) });
      expect((await statusOf("U1")).get(f1.flag_id)).toBe("open");
      expect((await audits("review.undone")).map((a) => a.entity_id)).toEqual([f1.flag_id]);
      // nothing left to undo: the earlier decision is gone, not the one before it
      await expect(undoLastDecision(db, lead, { dealId: "U1", now: new Date(t0.getTime() + 6000) })).rejects.toThrow(
        /no decision of yours on this packet to undo/,
      );

      const t1 = new Date(t0.getTime() + 10_000);
      await decideFlag(db, lead, { flagId: f2.flag_id, decision: "rejected", reason: "covered elsewhere", now: t1 });
      await expect(
        undoLastDecision(db, lead, { dealId: "U1", now: new Date(t1.getTime() + (UNDO_SECONDS + 1) * 1000) }),
      ).rejects.toBeInstanceOf(ReviewInputError);
      expect((await statusOf("U1")).get(f2.flag_id)).toBe("rejected");
      await expect(undoLastDecision(db, boss, { dealId: "U1", now: t1 })).rejects.toBeInstanceOf(ForbiddenError);
      expect((await verifyAudit(db.db)).ok).toBe(true);
    },
  );
});

describe("bulk accept of one detector's open flags", () => {
  it(
    "accepts them all with one reason in one go, audit-logged per flag and once for " +
      "the packet, and can be undone as one",
    async () => {
      const flags = await listFlags(db, { dealId: "U2" });
      const counts = new Map<string, number>();
      for (const f of flags) counts.set(f.detector, (counts.get(f.detector) ?? 0) + 1);
      const [detector, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      expect(n).toBeGreaterThan(1);
      await expect(bulkAccept(db, boss, { dealId: "U2", detector, reason: "x" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(bulkAccept(db, owner, { dealId: "U2", detector, reason: "x" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(bulkAccept(db, lead, { dealId: "U2", detector, reason: "  " })).rejects.toThrow(
        /one reason covers them all/,
      );
      const now = new Date(Date.now() + 60_000);
      expect(await bulkAccept(db, lead, { dealId: "U2", detector, reason: "Known template gap", now })).toBe(n);
      const after = await listFlags(db, { dealId: "U2" });
      expect(
        after
          .filter((f) => f.detector === detector)
          .every((f) => f.status === "accepted" && f.reason === "Known template gap"),
      ).toBe(true);
      expect(after.filter((f) => f.detector !== detector).every((f) => f.status === "open")).toBe(true);
      expect((await audits("review.bulk_accepted")).map((a) => [a.entity_id, JSON.parse(a.detail).flags])).toEqual([
        ["U2", n],
      ]);
      await expect(bulkAccept(db, lead, { dealId: "U2", detector, reason: "again" })).rejects.toThrow(
        /no open flags left/,
      );
      const undone = await undoLastDecision(db, lead, { dealId: "U2", now: new Date(now.getTime() + 2000) });
      expect(undone.flag_ids).toHaveLength(n);
      expect((await listFlags(db, { dealId: "U2" })).every((f) => f.status === "open")).toBe(true);
      expect((await verifyAudit(db.db)).ok).toBe(true);
    },
  );
});
