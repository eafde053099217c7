import { promises as fsp } from "node:fs";
import path from "node:path";
import { readEnv } from "../../app/core/env.server";
import { ImportRefused } from "../../app/core/ingest/import.server";
import { batchImport } from "./import";
import { mapHeaders, MappingError, type ImportKind } from "../../app/core/ingest/columns";
import { sniffFile } from "../../app/core/ingest/read-csv.server";
import { metricsExport } from "../../app/core/analytics/metrics.server";
import { scoreCommand } from "./score";
import type { Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";

/** Which import a waiting file is: by its name first (handoffs-*.csv), else by which kind its headers map to. */
async function kindOf(file: string): Promise<ImportKind | null> {
  const name = path.basename(file).toLowerCase();
  for (const k of ["reviews", "rework", "handoffs"] as const)
    if (name.includes(k) || name.includes(k.replace(/s$/, ""))) return k;
  try {
    const { headers } = await sniffFile(file);
    for (const k of ["handoffs", "rework", "reviews"] as const)
      if (!mapHeaders(k, headers).missingRequired.length) return k;
  } catch {
    return null;
  }
  return null;
}

/**
 * Imports every file waiting in the inbox (handoffs and rework, then reviews after scoring), scores, refreshes
 * analytics.
 */
export async function nightlyCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  const base = path.dirname(fx.dbPath);
  const inbox =
    typeof a.flags.inbox === "string" ? a.flags.inbox : (readEnv(fx.env).PT_INBOX ?? path.join(base, "inbox"));
  const archive = path.join(path.dirname(inbox), "archive");
  const rejected = path.join(path.dirname(inbox), "rejected");
  await Promise.all([inbox, archive, rejected].map((d) => fsp.mkdir(d, { recursive: true })));
  const files = (await fsp.readdir(inbox)).filter((f) => /\.(csv|tsv|txt)$/i.test(f)).sort();
  const open = await fx.db();
  const imports: Record<string, unknown>[] = [];
  const refusals: { file: string; reason: string }[] = [];
  const plan: { file: string; kind: ImportKind | null }[] = [];
  for (const f of files) plan.push({ file: f, kind: await kindOf(path.join(inbox, f)) });
  const runImport = async (f: string, kind: ImportKind | null) => {
    const full = path.join(inbox, f);
    try {
      if (!kind)
        throw new ImportRefused(
          `cannot tell whether ${f} holds handoffs, rework or reviews: name it handoffs-….csv, ` +
            `rework-….csv or reviews-….csv`,
        );
      const s = await batchImport(open, fx.importMemory, {
        kind,
        file: full,
        fileName: f,
        uploader: "nightly",
        now: fx.now(),
      });
      await fsp.rename(full, path.join(archive, `${s.upload_id}-${f}`));
      imports.push({
        file: f,
        kind,
        upload_id: s.upload_id,
        rows: s.rows,
        imported: s.imported,
        unchanged: s.unchanged,
        quarantined: s.quarantined,
      });
    } catch (e) {
      if (!(e instanceof ImportRefused || e instanceof MappingError)) throw e;
      await fsp.rename(full, path.join(rejected, f));
      await fsp.writeFile(path.join(rejected, `${f}.reason.txt`), `${e.message}\n`);
      refusals.push({ file: f, reason: e.message });
    }
  };
  for (const p of plan.filter((p) => p.kind !== "reviews")) await runImport(p.file, p.kind);
  const score = await scoreCommand(a, fx, "nightly");
  for (const p of plan.filter((p) => p.kind === "reviews")) await runImport(p.file, p.kind);
  const metrics = await metricsExport(open, { today: fx.now() });
  await fsp.writeFile(path.join(base, "metrics-latest.json"), JSON.stringify(metrics, null, 2) + "\n");
  return {
    summary:
      `nightly: ${imports.length} file(s) imported, ${refusals.length} rejected; ` +
      `${score.summary}; analytics refreshed (recommendation: ${metrics.recommendation.decision})`,
    json: { imports, rejected: refusals, ...score.json },
    exitCode: refusals.length ? 1 : 0,
  };
}
