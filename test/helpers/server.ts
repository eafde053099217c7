import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  proc: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** Starts `npm start`'s entry as a real process on a free loopback port with the given database. */
export async function startServerProcess(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  let log = "";
  const proc = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "server/start.ts")],
    {
      cwd: root,
      env: { ...process.env, PT_DB: dbPath, PORT: "0", PT_NIGHTLY_CRON: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setInterval(() => {
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearInterval(t);
        resolve(m[1]);
      }
    }, 100);
    proc.on("exit", (code) => {
      clearInterval(t);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
    setTimeout(() => reject(new Error(`server did not start in 150 s:\n${log}`)), 150000);
  });
  return {
    url,
    proc,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** Runs the batch CLI (as `npm run batch` does) and returns its exit code and output. */
export function batch(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [path.join(root, "batch/launch.mjs"), "batch/bin.ts", ...args], {
    cwd: root,
    input: opts.input ?? "",
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    // generous: on a busy 2-core machine a full rescore beside other suites can take minutes
    timeout: 300000,
  });
  const lines = r.stdout.trim().split("\n");
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(lines[lines.length - 1]);
  } catch {
    json = null;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
}
