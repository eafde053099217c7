// The error files of an upload, as Salesforce Data Loader writes its own: each quarantined row (or each row imported
// with warnings) under the file's own headers, plus `line` and `reason`. Fixed in a spreadsheet and uploaded again,
// the file imports those rows: the two added columns are ignored (columns.ts, errorColumnsOf).
import { parse } from "csv-parse/sync";
import type { OpenDatabase } from "../db/db.server";
import { csvCell } from "../csv";
import { errorColumnsOf, errorFileColumns } from "./columns";

export type ErrorFileKind = "quarantine" | "warnings";

/** One record's cells, split as the file's reader would; a record no reader could split stays whole in one cell. */
function cellsOf(raw: string, delimiter: string): string[] {
  if (raw === "") return [];
  try {
    const [cells] = parse(raw, { delimiter, relax_column_count: true, relax_quotes: true, bom: false }) as string[][];
    return cells ?? [];
  } catch {
    return [raw];
  }
}

/** The rows of one error file: line, reason and the record's cells as stored with the upload. */
async function rowsOf(
  open: OpenDatabase,
  uploadId: number,
  kind: ErrorFileKind,
): Promise<{ line: number; reason: string; raw: string }[]> {
  if (kind === "quarantine") {
    return open.db
      .selectFrom("quarantine")
      .select(["line", "reason", "raw"])
      .where("upload_id", "=", uploadId)
      .orderBy("line")
      .execute();
  }
  // one row per line, its warnings' reasons together
  const warnings = await open.db
    .selectFrom("import_warnings")
    .select(["line", "reason", "record"])
    .where("upload_id", "=", uploadId)
    .orderBy("line")
    .orderBy("column_name")
    .execute();
  const byLine = new Map<number, { line: number; reason: string; raw: string }>();
  for (const w of warnings) {
    const row = byLine.get(w.line);
    if (row) row.reason += `; ${w.reason}`;
    else byLine.set(w.line, { line: w.line, reason: w.reason, raw: w.record ?? "" });
  }
  return [...byLine.values()];
}

/**
 * The CSV text of an upload's error file (UTF-8 with a BOM, so spreadsheets read it as UTF-8; formula-looking
 * cells neutralized, which the importer undoes for a file of ours), or null when there is no such upload.
 */
export async function errorFileCsv(open: OpenDatabase, uploadId: number, kind: ErrorFileKind): Promise<string | null> {
  const upload = await open.db
    .selectFrom("uploads")
    .select(["headers", "delimiter"])
    .where("id", "=", uploadId)
    .executeTakeFirst();
  if (!upload) return null;
  const rows = await rowsOf(open, uploadId, kind);
  const cell = (v: string) => csvCell(v, true);
  const lines: string[] = [];
  if (upload.headers === null) {
    // an upload from before headers were kept: its records whole
    lines.push(
      ["line", "reason", "raw"].join(","),
      ...rows.map((r) => [String(r.line), cell(r.reason), cell(r.raw)].join(",")),
    );
  } else {
    const all = JSON.parse(upload.headers) as string[];
    // an error file uploaded again: its own line and reason columns give way to the new ones
    const ignored = errorColumnsOf(all);
    const own = all.map((_, i) => i).filter((i) => !ignored.has(i));
    const delimiter = upload.delimiter === "tab" ? "\t" : upload.delimiter;
    lines.push([...own.map((i) => all[i]), ...errorFileColumns(own.map((i) => all[i]))].map(cell).join(","));
    for (const r of rows) {
      const cells = cellsOf(r.raw, delimiter);
      const out = own.map((i) => cells[i] ?? "");
      // a record with more cells than headers keeps the rest in its last column, nothing dropped
      if (cells.length > all.length && out.length)
        out[out.length - 1] = [out[out.length - 1], ...cells.slice(all.length)].join(delimiter);
      lines.push([...out, String(r.line), r.reason].map(cell).join(","));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
