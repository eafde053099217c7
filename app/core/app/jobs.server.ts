import { randomBytes } from "node:crypto";
import { runScore } from "../scoring/run.server";
import { createLlmPass, llmConfigFromEnv } from "../scoring/llm.server";
import type { AppContext, JobState } from "./context.server";
import { errorMessage } from "../errors";

/** Starts a scoring run inside the server (which owns the database); progress is read from app.jobs. */
export function startScoreJob(app: AppContext, startedBy: string, all = false): JobState {
  const running = [...app.jobs.values()].find((j) => !j.finished);
  if (running) return running;
  const job: JobState = {
    id: randomBytes(6).toString("hex"),
    kind: all ? "rescore all" : "score",
    startedBy,
    startedAt: new Date(),
    done: 0,
    total: 0,
    finished: false,
    summary: null,
    error: null,
  };
  app.jobs.set(job.id, job);
  const cfg = llmConfigFromEnv();
  void app
    .runExclusive(() =>
      runScore(app.open, {
        all,
        llm: cfg ? createLlmPass(app.open, cfg) : null,
        onProgress: (d, t) => {
          job.done = d;
          job.total = t;
        },
      }),
    )
    .then((s) => {
      job.summary =
        `run ${s.run_id}: scored ${s.scored}, unchanged ${s.unchanged}, failed ` +
        `${s.failed}; ${s.flags_new} new and ${s.flags_retired} retired flags`;
    })
    .catch((e) => {
      job.error = errorMessage(e);
    })
    .finally(() => {
      job.finished = true;
    });
  return job;
}
