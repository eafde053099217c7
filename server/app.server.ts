import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { Cron } from "croner";
import { openDatabase, resolveDbPath, type OpenDatabase } from "../app/core/db/db.server";
import { readEnv } from "../app/core/env.server";
import { createAppContext, type AppContext } from "../app/core/app/context.server";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../batch/commands/seed";
import { execute, serverSidecar } from "../batch/cli";
import { parseArgs, UsageError, CommandError } from "../batch/options";
import { nightlyCommand } from "../batch/commands/nightly";
import { warmAnalytics } from "../app/core/dashboard.server";
import type { Effects } from "../batch/effects";
import { serverSecret } from "../app/core/auth/secret.server";
import { ORIGIN_REFUSED, sameOrigin } from "../app/core/auth/origin";
import { PERMISSIONS_POLICY } from "../app/permissions-policy";

/** Effects for a batch command run inside the server (it owns the database). */
function serverEffects(app: AppContext, dbPath: string, stdin: string, out: string[], err: string[]): Effects {
  return {
    dbPath,
    db: async () => app.open,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: () => ({ update() {}, done() {} }),
    readStdin: async () => stdin,
    now: () => new Date(),
    env: process.env,
  };
}

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
  const isNew = !existsSync(dbPath);
  let open: OpenDatabase;
  try {
    open = await openDatabase(dbPath);
  } catch (e) {
    throw new Error(`cannot open ${dbPath}: ${(e as Error).message}`);
  }
  const packets = await open.db
    .selectFrom("packets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  let seeded = false;
  if (isNew && Number(packets.n) === 0 && !readEnv().PT_NO_DEMO) {
    console.log("New database: loading the demo data set…");
    await seedDemo(open, (s) => console.log(`  ${s}`));
    seeded = true;
  }
  const uploadDir = path.join(path.dirname(dbPath), "uploads");
  mkdirSync(uploadDir, { recursive: true });
  const app = createAppContext(open, serverSecret(dbPath), uploadDir);
  const build = (await import(pathToFileURL(opts.serverBuild).href)) as ServerBuild;

  const server = express();
  server.disable("x-powered-by");
  server.use(compression({ level: 1 })); // fast: pages are mostly server-rendered text
  server.use(
    "/assets",
    express.static(path.join(opts.root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }),
  );
  server.use(express.static(path.join(opts.root, "build", "client"), { maxAge: "1h" }));
  server.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
  // CSRF before Remix: a state-changing request from another origin (or Origin: null) gets a 403 with a message,
  // never Remix's own 500 for an Origin that does not match the host (the actions check again themselves)
  server.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.path === "/internal/batch")
      return next();
    const url = `${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`;
    if (sameOrigin({ url, header: (n) => req.get(n) ?? null })) return next();
    res.status(403).type("text/plain").send(ORIGIN_REFUSED);
  });

  // the CLI hands its job here when this process holds the database (loopback + bearer token only)
  const token = randomBytes(24).toString("hex");
  server.post("/internal/batch", express.json({ limit: "64kb" }), async (req, res) => {
    const remote = req.socket.remoteAddress ?? "";
    if (!/^(::1|127\.|::ffff:127\.)/.test(remote) || req.headers.authorization !== `Bearer ${token}`) {
      res.status(403).json({ exitCode: 1, stdout: [], stderr: ["forbidden"] });
      return;
    }
    const out: string[] = [];
    const err: string[] = [];
    let exitCode = 0;
    try {
      const argv = (req.body?.argv ?? []) as string[];
      const a = parseArgs(argv);
      if (a.positional[0] === "seed") throw new UsageError("seed only runs on a new database");
      const r = await app.runExclusive(() =>
        execute(a, serverEffects(app, dbPath, String(req.body?.stdin ?? ""), out, err)),
      );
      out.push(r.summary);
      if (a.flags.json) out.push(JSON.stringify(r.json));
      exitCode = r.exitCode ?? 0;
    } catch (e) {
      exitCode = e instanceof UsageError ? 2 : 1;
      err.push(`error: ${(e as Error).message}`);
      if (!(e instanceof UsageError || e instanceof CommandError))
        err.push("(the running dashboard server ran this job)");
    }
    res.json({ exitCode, stdout: out, stderr: err });
  });

  server.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV ?? "production",
      getLoadContext: (req) => ({ app, clientAddress: req.socket.remoteAddress ?? "" }),
    }),
  );

  const port = opts.port ?? readEnv().PORT;
  const host = readEnv().HOST;
  const listener = await new Promise<import("node:http").Server>((resolve, reject) => {
    const l = server.listen(port, host, () => resolve(l));
    l.on("error", reject);
  });
  const actualPort = (listener.address() as import("node:net").AddressInfo).port;
  writeFileSync(serverSidecar(dbPath), JSON.stringify({ port: actualPort, token, pid: process.pid }), { mode: 0o600 });

  // the nightly job, so a single `npm start` deployment needs no cron
  const schedule = readEnv().PT_NIGHTLY_CRON;
  const cron =
    schedule === "off"
      ? null
      : new Cron(schedule, { protect: true }, async () => {
          const out: string[] = [];
          const err: string[] = [];
          try {
            const r = await app.runExclusive(() =>
              nightlyCommand(parseArgs(["nightly"]), serverEffects(app, dbPath, "", out, err)),
            );
            console.log(`[nightly] ${r.summary}`);
          } catch (e) {
            console.error(`[nightly] failed: ${(e as Error).message}`);
          }
        });

  // refresh the analytics after every change, in the background, so visitors find them ready
  let warmed = -1;
  let warming = false;
  const warmer = setInterval(() => {
    if (warming || warmed === open.generation) return;
    warming = true;
    const generation = open.generation;
    warmAnalytics(open)
      .then(() => (warmed = generation))
      .catch((e) => console.error(`[analytics] refresh failed: ${(e as Error).message}`))
      .finally(() => (warming = false));
  }, 2000);
  warmer.unref();

  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${actualPort}`;
  if (!opts.quiet) {
    console.log(`Promise Trail is running at ${url}  (database: ${dbPath})`);
    const demo = await open.db
      .selectFrom("users")
      .select("email")
      .where(
        "email",
        "in",
        DEMO_USERS.map((u) => u.email),
      )
      .execute();
    if (seeded || demo.length) {
      console.log(`Demo sign-in (password for all: ${DEMO_PASSWORD}):`);
      for (const u of DEMO_USERS)
        if (demo.some((d) => d.email === u.email)) console.log(`  ${u.role.padEnd(20)} ${u.email}`);
    } else if (!(await open.db.selectFrom("users").select("id").limit(1).executeTakeFirst())) {
      console.log(
        "No accounts yet: create one with `npm run batch -- users add EMAIL --role admin` (password on stdin).",
      );
    }
    if (cron) console.log(`Nightly scoring runs on "${schedule}" (PT_NIGHTLY_CRON; "off" to disable).`);
  }

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    cron?.stop();
    clearInterval(warmer);
    while (warming) await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((r) => listener.close(() => r()));
    rmSync(serverSidecar(dbPath), { force: true });
    await open.close();
  };
  if (!opts.quiet) {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => close().then(() => process.exit(0)));
  }
  return { url, port: actualPort, close, app };
}
