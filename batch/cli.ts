import { promises as fsp } from "node:fs";
import path from "node:path";
import { DatabaseLockedError, openDatabase, resolveDbPath, type OpenDatabase } from "../app/core/db/db.server";
import { importCommand, importMemory } from "./commands/import";
import { scoreCommand } from "./commands/score";
import { nightlyCommand } from "./commands/nightly";
import { exportCommand } from "./commands/export";
import { auditCommand, pilotCommand, usersCommand } from "./commands/admin";
import { seedCommand } from "./commands/seed";
import { CommandError, parseArgs, UsageError, USAGE, type Parsed } from "./options";
import { progressBar } from "./progress";
import { checkEnv } from "../app/core/env.server";
import type { CommandResult, Effects } from "./effects";
import { errorMessage } from "../app/core/errors";
import { HandoffResponse } from "./handoff";

const COMMANDS: Record<string, (a: Parsed, fx: Effects) => Promise<CommandResult>> = {
  import: importCommand,
  score: (a, fx) => scoreCommand(a, fx),
  nightly: nightlyCommand,
  export: exportCommand,
  users: usersCommand,
  audit: auditCommand,
  pilot: pilotCommand,
  seed: seedCommand,
};

/** Runs one parsed command with the given effects; shared by the CLI and the server's batch hand-off. */
export async function execute(a: Parsed, fx: Effects): Promise<CommandResult> {
  const name = a.positional[0];
  const cmd = name ? COMMANDS[name] : undefined;
  if (!cmd) throw new UsageError(name ? `unknown command "${name}"` : "no command given");
  return cmd(a, fx);
}

/** The sidecar a running dashboard server writes next to the database so the CLI can hand it jobs. */
export const serverSidecar = (dbPath: string) => `${dbPath}.server.json`;

async function handToServer(dbPath: string, argv: string[], a: Parsed): Promise<number | null> {
  let info: { port: number; token: string };
  try {
    info = JSON.parse(await fsp.readFile(serverSidecar(dbPath), "utf8"));
  } catch {
    return null;
  }
  const args = argv.map((x, i) =>
    i > 0 && !x.startsWith("--") && /[\\/]|\.csv$|\.json$/i.test(x) ? path.resolve(x) : x,
  );
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${info.port}/internal/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${info.token}` },
      body: JSON.stringify({ argv: args, stdin: a.positional[0] === "users" ? await readStdin() : "" }),
    });
  } catch {
    return null;
  }
  const body = HandoffResponse.parse(await res.json());
  for (const l of body.stderr) process.stderr.write(l + "\n");
  for (const l of body.stdout) process.stdout.write(l + "\n");
  return body.exitCode;
}

let stdinCache: string | null = null;
async function readStdin(): Promise<string> {
  if (stdinCache !== null) return stdinCache;
  if (process.stdin.isTTY) return (stdinCache = "");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return (stdinCache = Buffer.concat(chunks).toString("utf8"));
}

/** The CLI entry: prints a one-line summary (and JSON with --json); exit 0 ok, 1 failed, 2 usage. */
export async function run(argv: string[]): Promise<number> {
  let a: Parsed;
  try {
    a = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e)}\n${USAGE}\n`);
    return 2;
  }
  if (a.flags.help || !a.positional.length) {
    process.stdout.write(USAGE + "\n");
    return a.flags.help ? 0 : 2;
  }
  // every PT_* / OPENAI_* variable checked before any work: a bad one stops the command, by name (exit 2)
  const checked = checkEnv();
  if (!checked.ok) {
    process.stderr.write(`error: ${checked.message}\n`);
    if (a.flags.json) process.stdout.write(JSON.stringify({ error: checked.message }) + "\n");
    return 2;
  }
  const dbPath = resolveDbPath(typeof a.flags.db === "string" ? a.flags.db : undefined);
  let open: OpenDatabase | null = null;
  const fx: Effects = {
    dbPath,
    async db() {
      if (!open) open = await openDatabase(dbPath);
      return open;
    },
    out: (l) => process.stdout.write(l + "\n"),
    err: (l) => process.stderr.write(l + "\n"),
    progress: (label) => progressBar(label),
    readStdin,
    now: () => new Date(),
    env: process.env,
    importMemory: importMemory(process.env),
  };
  try {
    const r = await execute(a, fx);
    fx.out(r.summary);
    if (a.flags.json) fx.out(JSON.stringify(r.json));
    return r.exitCode ?? 0;
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      const handed = await handToServer(dbPath, argv, a);
      if (handed !== null) return handed;
      fx.err(
        `error: ${e.message}. Stop the process that holds it (a running dashboard ` +
          `hands batch jobs over automatically when its sidecar ${path.basename(serverSidecar(dbPath))} ` +
          `exists).`,
      );
      if (a.flags.json) fx.out(JSON.stringify({ error: e.message }));
      return 1;
    }
    const code = e instanceof UsageError ? 2 : 1;
    const known = e instanceof UsageError || e instanceof CommandError;
    fx.err(`error: ${errorMessage(e)}${e instanceof UsageError ? `\n${USAGE}` : ""}`);
    if (!known && a.flags.debug) fx.err(String((e as Error).stack));
    else if (!known) fx.err("(run again with --debug for the stack trace)");
    if (a.flags.json) fx.out(JSON.stringify({ error: errorMessage(e) }));
    return code;
  } finally {
    if (open) await (open as OpenDatabase).close();
  }
}
