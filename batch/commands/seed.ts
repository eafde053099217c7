import { readFileSync } from "node:fs";
import path from "node:path";
import { importCsv } from "../../app/core/ingest/import.server";
import { runScore } from "../../app/core/scoring/run.server";
import { addUser } from "../../app/core/auth/users.server";
import { decideFlag } from "../../app/core/review/review.server";
import { getPilotSettings, setPilotSettings } from "../../app/core/settings.server";
import { PROJECT_ROOT, type OpenDatabase } from "../../app/core/db/db.server";
import { rng, REJECT_REASONS } from "../../seeds/generate";
import { CommandError, type Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";

const DEMO_DIR = path.join(PROJECT_ROOT, "seeds", "demo");
export const DEMO_PASSWORD = "demo-pass-2026";

/** The demo accounts (one per role); names match the people in the demo packets. */
export const DEMO_USERS = [
  { email: "lead@demo.promisetrail.test", role: "implementation_lead", name: "Ingrid Haddad" },
  { email: "owner@demo.promisetrail.test", role: "account_owner", name: "Priya Raman" },
  { email: "revops@demo.promisetrail.test", role: "revops", name: "Rachel Kim" },
  { email: "leadership@demo.promisetrail.test", role: "leadership", name: "Dana Whitfield" },
  { email: "admin@demo.promisetrail.test", role: "admin", name: "Admin" },
];

/** Loads the demo data set into an empty database: packets, rework, scores, pilot reviews, demo accounts. */
export async function seedDemo(
  open: OpenDatabase,
  log: (s: string) => void = () => undefined,
): Promise<{ packets: number; rework: number; reviews: number }> {
  const count = await open.db
    .selectFrom("packets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(count.n) > 0)
    throw new CommandError("the database already holds packets: demo data only goes into a new, empty database");
  const meta = JSON.parse(readFileSync(path.join(DEMO_DIR, "meta.json"), "utf8")) as {
    seed: number;
    pilot_start: string;
    today: string;
  };
  const settings = await getPilotSettings(open.db);
  await setPilotSettings(open.db, { ...settings, pilot_start: meta.pilot_start });
  const h = await importCsv(open, {
    kind: "handoffs",
    file: path.join(DEMO_DIR, "handoffs.csv"),
    fileName: "demo-handoffs.csv",
    uploader: "demo-seed",
  });
  const w = await importCsv(open, {
    kind: "rework",
    file: path.join(DEMO_DIR, "rework.csv"),
    fileName: "demo-rework.csv",
    uploader: "demo-seed",
  });
  log(`imported ${h.imported} demo packets and ${w.imported} rework items`);
  await runScore(open, {});
  for (const u of DEMO_USERS) await addUser(open, { ...u, password: DEMO_PASSWORD }, "demo-seed");
  // reviews on pilot packets that are at or near kickoff: most before kickoff, most accepted
  const r = rng(meta.seed * 31 + 1);
  const lead = await open.db
    .selectFrom("users")
    .select(["id", "email", "name", "role"])
    .where("role", "=", "implementation_lead")
    .executeTakeFirstOrThrow();
  const today = new Date(`${meta.today}T12:00:00Z`);
  const flags = await open.db
    .selectFrom("flags")
    .innerJoin("packets", "packets.deal_id", "flags.deal_id")
    .select(["flags.flag_id", "packets.kickoff_date"])
    .where("flags.state", "=", "active")
    .where("packets.kickoff_date", ">=", meta.pilot_start as never)
    .orderBy("flags.flag_id")
    .execute();
  let reviews = 0;
  for (const f of flags) {
    const kickoff = new Date(f.kickoff_date as Date);
    if (kickoff.getTime() > today.getTime() + 10 * 86400000 || !r.chance(0.8)) continue;
    const decidedAt = new Date(
      Math.min(kickoff.getTime() - r.int(1, 6) * 86400000 + r.int(8, 17) * 3600000, today.getTime()),
    );
    const accept = r.chance(0.76);
    await decideFlag(open, lead, {
      flagId: f.flag_id,
      decision: accept ? "accepted" : "rejected",
      reason: accept ? null : r.pick(REJECT_REASONS),
      now: decidedAt,
    });
    reviews++;
  }
  log(`recorded ${reviews} demo review decisions`);
  return { packets: h.imported, rework: w.imported, reviews };
}

export async function seedCommand(_a: Parsed, fx: Effects): Promise<CommandResult> {
  const s = await seedDemo(await fx.db(), fx.err);
  return {
    summary:
      `demo data loaded: ${s.packets} packets, ${s.rework} rework items, ${s.reviews} ` +
      `reviews; sign in as ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}`,
    json: { ...s },
  };
}
