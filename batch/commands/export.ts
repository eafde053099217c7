import { promises as fsp } from "node:fs";
import { toCsv } from "../../app/core/csv";
import { FLAG_EXPORT_COLUMNS, listFlags } from "../../app/core/review/flags.server";
import { metricsExport } from "../../app/core/analytics/metrics.server";
import { parseDate } from "../../app/core/ingest/values";
import { CommandError, UsageError, type Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await fsp.writeFile(tmp, text);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw new CommandError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

export async function exportCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  const [, what, out, extra] = a.positional;
  if (what === "flags") {
    if (!out) throw new UsageError("export flags needs OUT.csv");
    const flags = await listFlags(await fx.db());
    const rows = flags.map((f) => ({ ...f, start: f.start ?? "", end: f.end ?? "" }));
    // the machine-readable export keeps evidence verbatim (it must equal source[start:end])
    await writeAtomically(out, toCsv(FLAG_EXPORT_COLUMNS, rows, { neutralize: false }));
    return { summary: `wrote ${flags.length} flags to ${out}`, json: { file: out, flags: flags.length } };
  }
  if (what === "metrics") {
    if (!out) throw new UsageError("export metrics needs OUT.json");
    let start: string | undefined;
    if (typeof a.flags["pilot-start"] === "string") {
      try {
        start = parseDate(a.flags["pilot-start"]) ?? undefined;
      } catch {
        throw new UsageError(`--pilot-start "${a.flags["pilot-start"]}" is not a date (YYYY-MM-DD)`);
      }
    }
    const m = await metricsExport(await fx.db(), { pilotStart: start, today: fx.now() });
    await writeAtomically(out, JSON.stringify(m, null, 2) + "\n");
    return {
      summary: `wrote pilot metrics to ${out}: ${m.pilot.packets} pilot packets from ${m.pilot.start}, ${m.flags.accepted}/${m.flags.reviewed} flags accepted; recommendation: ${m.recommendation.decision}`,
      json: { file: out, ...m },
    };
  }
  if (what === "quarantine") {
    const id = Number(out);
    if (!Number.isInteger(id) || !extra) throw new UsageError("export quarantine needs UPLOAD_ID OUT.csv");
    const rows = await (await fx.db()).db.selectFrom("quarantine").selectAll().where("upload_id", "=", id).orderBy("line").execute();
    await writeAtomically(extra, toCsv(["upload_id", "line", "reason", "raw"], rows));
    return { summary: `wrote ${rows.length} quarantined rows of upload ${id} to ${extra}`, json: { file: extra, rows: rows.length } };
  }
  throw new UsageError("export what? flags, metrics or quarantine");
}
