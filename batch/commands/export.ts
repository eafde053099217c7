import { promises as fsp } from "node:fs";
import { toCsv } from "../../app/core/csv";
import { FLAG_EXPORT_COLUMNS, listFlags } from "../../app/core/review/flags.server";
import { metricsExport } from "../../app/core/analytics/metrics.server";
import { parseDate } from "../../app/core/ingest/values";
import { errorFileCsv } from "../../app/core/ingest/error-file.server";
import { CommandError, UsageError, type Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";
import { errorMessage } from "../../app/core/errors";

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await fsp.writeFile(tmp, text);
    await fsp.rename(tmp, path);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw new CommandError(`cannot write ${path}: ${errorMessage(e)}`);
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
      summary:
        `wrote pilot metrics to ${out}: ${m.pilot.packets} pilot packets from ${m.pilot.start}, ` +
        `${m.flags.accepted}/${m.flags.reviewed} flags accepted; recommendation: ` +
        `${m.recommendation.decision}`,
      json: { file: out, ...m },
    };
  }
  if (what === "quarantine" || what === "warnings") {
    const id = Number(out);
    if (!Number.isInteger(id) || !extra) throw new UsageError(`export ${what} needs UPLOAD_ID OUT.csv`);
    const body = await errorFileCsv(await fx.db(), id, what);
    if (body === null) throw new CommandError(`no upload ${id}`);
    await writeAtomically(extra, body);
    return {
      summary:
        `wrote the ${what} file of upload ${id} to ${extra} (its headers plus line ` +
        `and reason; fix it and import it again)`,
      json: { file: extra },
    };
  }
  throw new UsageError("export what? flags, metrics, quarantine or warnings");
}
