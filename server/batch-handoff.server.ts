// The CLI hands its job to the running server when this process holds the database (loopback + bearer token only).
import type { RequestHandler } from "express";
import type { AppContext } from "../app/core/app/context.server";
import { execute } from "../batch/cli";
import { parseArgs, UsageError, CommandError } from "../batch/options";
import type { Effects } from "../batch/effects";
import { HandoffRequest, type HandoffResponse } from "../batch/handoff";
import { errorMessage } from "../app/core/errors";

/** Effects for a batch command run inside the server (it owns the database). */
export function serverEffects(app: AppContext, dbPath: string, stdin: string, out: string[], err: string[]): Effects {
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

/** POST /internal/batch: runs one CLI command in the server, one at a time with the app's other writes. */
export function batchHandoff(app: AppContext, dbPath: string, token: string): RequestHandler {
  return async (req, res) => {
    const remote = req.socket.remoteAddress ?? "";
    if (!/^(::1|127\.|::ffff:127\.)/.test(remote) || req.headers.authorization !== `Bearer ${token}`) {
      res.status(403).json({ exitCode: 1, stdout: [], stderr: ["forbidden"] });
      return;
    }
    const out: string[] = [];
    const err: string[] = [];
    let exitCode = 0;
    try {
      const { argv, stdin } = HandoffRequest.parse(req.body ?? {});
      const a = parseArgs(argv);
      if (a.positional[0] === "seed") throw new UsageError("seed only runs on a new database");
      const r = await app.runExclusive(() => execute(a, serverEffects(app, dbPath, stdin, out, err)));
      out.push(r.summary);
      if (a.flags.json) out.push(JSON.stringify(r.json));
      exitCode = r.exitCode ?? 0;
    } catch (e) {
      exitCode = e instanceof UsageError ? 2 : 1;
      err.push(`error: ${errorMessage(e)}`);
      if (!(e instanceof UsageError || e instanceof CommandError))
        err.push("(the running dashboard server ran this job)");
    }
    const answer: HandoffResponse = { exitCode, stdout: out, stderr: err };
    res.json(answer);
  };
}
