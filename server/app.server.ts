import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, resolveDbPath, type OpenDatabase } from "../app/core/db/db.server";
import { readEnv } from "../app/core/env.server";
import { createAppContext } from "../app/core/app/context.server";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../batch/commands/seed";
import { serverSidecar } from "../batch/cli";
import { serverSecret } from "../app/core/auth/secret.server";
import { httpApp } from "./http.server";
import { startScheduler } from "./scheduler.server";
import { errorMessage } from "../app/core/errors";

/** Opens the database; a new, empty one gets the demo data set unless PT_NO_DEMO says not to. */
async function openServerDatabase(dbPath: string): Promise<{ open: OpenDatabase; seeded: boolean }> {
  const isNew = !existsSync(dbPath);
  let open: OpenDatabase;
  try {
    open = await openDatabase(dbPath);
  } catch (e) {
    throw new Error(`cannot open ${dbPath}: ${errorMessage(e)}`);
  }
  const packets = await open.db
    .selectFrom("packets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (!(isNew && Number(packets.n) === 0 && !readEnv().PT_NO_DEMO)) return { open, seeded: false };
  console.log("New database: loading the demo data set…");
  await seedDemo(open, (s) => console.log(`  ${s}`));
  return { open, seeded: true };
}

/** Where the dashboard runs, how to sign in (the demo accounts, or how to create one) and the nightly schedule. */
async function printWelcome(
  open: OpenDatabase,
  o: { url: string; dbPath: string; seeded: boolean; nightly: string | null },
): Promise<void> {
  console.log(`Promise Trail is running at ${o.url}  (database: ${o.dbPath})`);
  const demo = await open.db
    .selectFrom("users")
    .select("email")
    .where(
      "email",
      "in",
      DEMO_USERS.map((u) => u.email),
    )
    .execute();
  if (o.seeded || demo.length) {
    console.log(`Demo sign-in (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS)
      if (demo.some((d) => d.email === u.email)) console.log(`  ${u.role.padEnd(20)} ${u.email}`);
  } else if (!(await open.db.selectFrom("users").select("id").limit(1).executeTakeFirst())) {
    console.log(
      "No accounts yet: create one with `npm run batch -- users add EMAIL --role admin` (password on stdin).",
    );
  }
  if (o.nightly) console.log(`Nightly scoring runs on "${o.nightly}" (PT_NIGHTLY_CRON; "off" to disable).`);
}

/**
 * `npm start` after the build: opens (on first run creates and seeds) the database, serves the dashboard, starts
 * the scheduler and writes the sidecar through which the CLI hands its jobs to this process.
 */
export async function startServer(opts: {
  root: string;
  serverBuild: string;
  port?: number;
  dbPath?: string;
  quiet?: boolean;
}) {
  // React picks its renderer when first loaded (by the build, below): without this, `npm start` rendered every page
  // with React's development build, about twice the CPU per page. A test run keeps its own NODE_ENV.
  process.env.NODE_ENV ??= "production";
  const dbPath = resolveDbPath(opts.dbPath);
  const { open, seeded } = await openServerDatabase(dbPath);
  const uploadDir = path.join(path.dirname(dbPath), "uploads");
  mkdirSync(uploadDir, { recursive: true });
  const app = createAppContext(open, serverSecret(dbPath), uploadDir);
  const build = (await import(pathToFileURL(opts.serverBuild).href)) as ServerBuild;

  const token = randomBytes(24).toString("hex");
  const server = httpApp({ app, build, root: opts.root, dbPath, token });

  const port = opts.port ?? readEnv().PORT;
  const host = readEnv().HOST;
  const listener = await new Promise<import("node:http").Server>((resolve, reject) => {
    const l = server.listen(port, host, () => resolve(l));
    l.on("error", reject);
  });
  const actualPort = (listener.address() as import("node:net").AddressInfo).port;
  writeFileSync(serverSidecar(dbPath), JSON.stringify({ port: actualPort, token, pid: process.pid }), { mode: 0o600 });

  const schedule = readEnv().PT_NIGHTLY_CRON;
  const scheduler = startScheduler(app, dbPath, schedule);

  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${actualPort}`;
  if (!opts.quiet) await printWelcome(open, { url, dbPath, seeded, nightly: scheduler.nightly ? schedule : null });

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await scheduler.stop();
    await new Promise<void>((r) => listener.close(() => r()));
    rmSync(serverSidecar(dbPath), { force: true });
    await open.close();
  };
  if (!opts.quiet) {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => close().then(() => process.exit(0)));
  }
  return { url, port: actualPort, close, app };
}
