// Background work of the server: the nightly job on its schedule, and the analytics refreshed after every change.
import { Cron } from "croner";
import type { AppContext } from "../app/core/app/context.server";
import { warmAnalytics } from "../app/core/dashboard.server";
import { parseArgs } from "../batch/options";
import { nightlyCommand } from "../batch/commands/nightly";
import { serverEffects } from "./batch-handoff.server";
import { errorMessage } from "../app/core/errors";

export interface Scheduler {
  /** whether the nightly job is scheduled (PT_NIGHTLY_CRON is not "off") */
  nightly: boolean;
  /** stops both, waiting for a refresh in progress */
  stop(): Promise<void>;
}

/** Starts the nightly job (so a single `npm start` deployment needs no cron) and the analytics refresher. */
export function startScheduler(app: AppContext, dbPath: string, schedule: string): Scheduler {
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
            console.error(`[nightly] failed: ${errorMessage(e)}`);
          }
        });

  // refresh the analytics after every change, in the background, so visitors find them ready
  const open = app.open;
  let warmed = -1;
  let warming = false;
  const warmer = setInterval(() => {
    if (warming || warmed === open.generation) return;
    warming = true;
    const generation = open.generation;
    warmAnalytics(open)
      .then(() => (warmed = generation))
      .catch((e) => console.error(`[analytics] refresh failed: ${errorMessage(e)}`))
      .finally(() => (warming = false));
  }, 2000);
  warmer.unref();

  return {
    nightly: cron !== null,
    async stop() {
      cron?.stop();
      clearInterval(warmer);
      while (warming) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
