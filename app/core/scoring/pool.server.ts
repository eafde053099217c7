// Worker threads that run the deterministic detectors, so a scoring run uses every core while the main thread
// reads packets and writes flags. Workers load one esbuild bundle of score-worker.ts (app/core/bundle.mjs), the
// same under tsx (npm start), vitest, the CLI's bundle (batch/launch.mjs) and the dashboard's build.
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../db/db.server";
import { bundleEntry } from "../bundle.mjs";
import type { PacketText } from "../packet";
import { readEnv } from "../env.server";
import type { PacketResult } from "./score-one";

/** Workers a run uses: `PT_SCORE_WORKERS` (0 scores on the main thread), else one per available core. */
export function scoreWorkers(env: Record<string, string | undefined> = process.env): number {
  return readEnv(env).PT_SCORE_WORKERS ?? availableParallelism();
}

export interface ScorePool {
  readonly size: number;
  /** Each packet's result, in the order given; the packets are shared out among the workers in small batches. */
  score(packets: PacketText[]): Promise<PacketResult[]>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  packets: PacketText[];
  resolve: (r: PacketResult[]) => void;
  reject: (e: Error) => void;
}

/** packets per message: small enough to share a chunk out evenly, large enough that messages cost nothing */
const BATCH = 50;

export async function openScorePool(size: number): Promise<ScorePool> {
  const file = await bundleEntry(PROJECT_ROOT, path.join(PROJECT_ROOT, "app", "core", "scoring", "score-worker.ts"));
  const queue: Job[] = [];
  const busy = new Map<Worker, Job>();
  const idle: Worker[] = [];
  let broken: Error | null = null;
  let closing = false;
  let nextId = 0;

  const fail = (e: Error) => {
    broken ??= e;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(broken);
    busy.clear();
  };
  const dispatch = () => {
    while (!broken && idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job);
      w.postMessage({ id: job.id, packets: job.packets });
    }
  };
  // plain Node: the bundle needs no loader (under tsx, inheriting its loader would cost every worker ~50 MB)
  const workers = Array.from({ length: size }, () => new Worker(file, { execArgv: [] }));
  for (const w of workers) {
    w.on("message", (m: { id: number; results: PacketResult[] }) => {
      const job = busy.get(w);
      busy.delete(w);
      idle.push(w);
      if (job?.id === m.id) job.resolve(m.results);
      dispatch();
    });
    w.on("error", (e) => fail(new Error(`a scoring worker failed: ${e.message}`)));
    w.on("exit", (code) => {
      if (!closing) fail(new Error(`a scoring worker stopped unexpectedly (exit code ${code})`));
    });
    idle.push(w);
  }

  const run = (packets: PacketText[]) =>
    new Promise<PacketResult[]>((resolve, reject) => {
      if (broken) return reject(broken);
      queue.push({ id: nextId++, packets, resolve, reject });
      dispatch();
    });

  return {
    size,
    async score(packets) {
      const parts: Promise<PacketResult[]>[] = [];
      for (let i = 0; i < packets.length; i += BATCH) parts.push(run(packets.slice(i, i + BATCH)));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      closing = true;
      fail(new Error("the scoring workers were closed"));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
