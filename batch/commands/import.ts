import { withMemoryLimit, type OpenDatabase } from "../../app/core/db/db.server";
import { readEnv } from "../../app/core/env.server";
import { importCsv, ImportRefused, type ImportOptions, type ImportSummary } from "../../app/core/ingest/import.server";
import { MappingError, parseManualMap, type ImportKind } from "../../app/core/ingest/columns";
import { CommandError, UsageError, type Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";
import { errorMessage } from "../../app/core/errors";

const KINDS = ["handoffs", "rework", "reviews"];

/**
 * An import from the CLI runs with a smaller DuckDB buffer pool than the dashboard's queries need (DuckDB spills
 * beyond it): the batch process does nothing else meanwhile, and this keeps its peak RSS under 400 MB whatever the
 * file size. In the server, imports share the dashboard's pool.
 */
export const importMemory = (env: NodeJS.ProcessEnv) => readEnv(env).PT_IMPORT_MEMORY;

export const batchImport = (
  open: OpenDatabase,
  memory: string | undefined,
  opts: ImportOptions,
): Promise<ImportSummary> => withMemoryLimit(open, memory, () => importCsv(open, opts), "PT_IMPORT_MEMORY");

export async function importCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  const [, kind, file] = a.positional;
  if (!KINDS.includes(kind ?? "")) throw new UsageError(`import needs a kind: ${KINDS.join(", ")}`);
  if (!file) throw new UsageError(`import ${kind} needs a FILE.csv`);
  let map: Record<string, string>;
  try {
    map = parseManualMap(a.maps);
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
  const maxMb = a.flags["max-mb"] === undefined ? readEnv(fx.env).PT_MAX_UPLOAD_MB : Number(a.flags["max-mb"]);
  if (!Number.isFinite(maxMb) || maxMb <= 0) throw new UsageError(`--max-mb must be a positive number of megabytes`);
  const bar = fx.progress(`importing ${kind}`);
  try {
    const s = await batchImport(await fx.db(), fx.importMemory, {
      kind: kind as ImportKind,
      file,
      source: typeof a.flags.source === "string" ? a.flags.source : "csv",
      uploader: typeof a.flags.uploader === "string" ? a.flags.uploader : `cli:${fx.env.USER ?? "batch"}`,
      map,
      maxBytes: maxMb * 1024 * 1024,
      onProgress: (b, t) => bar.update(b, t, `${(b / 1048576).toFixed(1)} MB`),
      now: fx.now(),
    });
    bar.done();
    const q = s.quarantined
      ? `, ${s.quarantined} quarantined (${s.quarantine
          .slice(0, 3)
          .map((x) => `line ${x.line}: ${x.reason}`)
          .join("; ")}${s.quarantined > 3 ? "; …" : ""})`
      : "";
    const w = s.warnings
      ? `, ${s.warnings} warning(s) — imported with the field left empty, its text kept (${Object.entries(
          s.warnings_by_column,
        )
          .map(([c, n]) => `${c} ${n}`)
          .join(", ")}; first: line ${s.warnings_sample[0].line}: ${s.warnings_sample[0].reason})`
      : "";
    const m = s.mapping === "remembered" ? `, headers mapped as remembered for source "${s.source}"` : "";
    const f = s.footer_lines ? `, ${s.footer_lines} report footer line(s) skipped` : "";
    const src = s.approved_source
      ? ""
      : ` — source "${s.source}" is not approved, so these packets are stored but not scored`;
    return {
      summary:
        `imported ${s.kind} from ${s.file}: ${s.rows} rows, ${s.imported} imported, ` +
        `${s.unchanged} unchanged${q}${w}${m}${f}${src} (upload ${s.upload_id})`,
      json: { ...s },
    };
  } catch (e) {
    bar.done();
    if (e instanceof ImportRefused || e instanceof MappingError) throw new CommandError(e.message);
    throw e;
  }
}
