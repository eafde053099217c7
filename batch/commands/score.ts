import { runScore } from "../../app/core/scoring/run.server";
import { createLlmPass, llmConfigFromEnv } from "../../app/core/scoring/llm.server";
import type { Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";

export async function scoreCommand(
  a: Parsed,
  fx: Effects,
  kind: "score" | "nightly" = "score",
): Promise<CommandResult> {
  const open = await fx.db();
  const cfg = a.flags["no-llm"] ? null : llmConfigFromEnv(fx.env);
  const bar = fx.progress("scoring");
  const s = await runScore(open, {
    all: Boolean(a.flags.all),
    kind,
    llm: cfg ? createLlmPass(open, cfg) : null,
    onProgress: (d, t) => bar.update(d, t, `${d}/${t} packets`),
  });
  bar.done();
  const failed =
    s.failed || s.llm_failed
      ? `, ${s.failed} failed${s.llm_failed ? `, LLM pass failed for ${s.llm_failed} (retried next run)` : ""}` +
        ` (${s.errors
          .slice(0, 2)
          .map((e) => `${e.deal_id}: ${e.error.slice(0, 80)}`)
          .join("; ")})`
      : "";
  return {
    summary:
      `run ${s.run_id}: scored ${s.scored} packets, ${s.unchanged} unchanged${failed}; ` +
      `${s.flags_new} new and ${s.flags_retired} retired flags, ${s.flags} open` +
      `${s.skipped_unapproved ? `; ${s.skipped_unapproved} packets from unapproved sources not scored` : ""}` +
      `${s.llm_tokens ? `; LLM ${s.llm_tokens} tokens` : ""}`,
    json: { ...s },
  };
}
