import { randomBytes } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { COLUMNS, mapHeaders, MappingError, type HeaderMapping, type ImportKind } from "./columns";
import { rememberedMapping } from "./mappings.server";
import { readRows, sniffFile, ImportRefused, DEFAULT_MAX_BYTES } from "./read-csv.server";

export interface Preview {
  token: string;
  fileName: string;
  kind: ImportKind;
  source: string;
  encoding: string;
  delimiter: string;
  sizeBytes: number;
  headers: string[];
  mapping: Record<string, string | null>;
  unmapped: string[];
  missingRequired: string[];
  columns: { name: string; required: boolean }[];
  sample: string[][];
  /** where the mapping shown came from, and the CRM profile whose display names it used */
  mappingFrom: "automatic" | "by hand" | "remembered";
  profile: string | null;
}

const TOKEN = /^[a-f0-9]{32}$/;

export function stagedPath(dir: string, token: string): string {
  if (!TOKEN.test(token)) throw new ImportRefused("this upload expired or is not valid: upload the file again");
  return path.join(dir, `${token}.csv`);
}

/** Moves an uploaded file into the staging folder under a random token. */
export async function stageUpload(dir: string, tempFile: string): Promise<string> {
  const token = randomBytes(16).toString("hex");
  await fsp.rename(tempFile, path.join(dir, `${token}.csv`)).catch(async () => {
    await fsp.copyFile(tempFile, path.join(dir, `${token}.csv`));
    await fsp.rm(tempFile, { force: true });
  });
  return token;
}

/** The header mapping and the first rows of a staged file, before anything is written. */
export async function previewUpload(
  dir: string, token: string, kind: ImportKind, source: string, fileName: string, manual: Record<string, string> = {}, maxBytes = DEFAULT_MAX_BYTES,
  db?: Kysely<Database>,
): Promise<Preview> {
  const file = stagedPath(dir, token);
  const sniffed = await sniffFile(file, maxBytes);
  // without a hand mapping, the one remembered for this source and header set (as the import will use it)
  let mappingFrom: Preview["mappingFrom"] = Object.keys(manual).length ? "by hand" : "automatic";
  let m: HeaderMapping | undefined;
  const remembered = mappingFrom === "automatic" && db ? await rememberedMapping(db, kind, source.trim().toLowerCase(), sniffed.headers) : null;
  if (remembered) {
    try {
      m = mapHeaders(kind, sniffed.headers, remembered.mapping);
      mappingFrom = "remembered";
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
    }
  }
  m ??= mapHeaders(kind, sniffed.headers, manual);
  const sample: string[][] = [];
  for await (const ev of readRows(file, sniffed)) {
    if (ev.type === "row") sample.push(ev.fields.map((f) => (f.length > 120 ? `${f.slice(0, 120)}…` : f)));
    if (sample.length >= 5) break;
  }
  return {
    token,
    fileName,
    kind,
    source,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
    sizeBytes: sniffed.sizeBytes,
    headers: sniffed.headers,
    mapping: Object.fromEntries(COLUMNS[kind].map((c) => [c.name, m.columns[c.name] === undefined ? null : sniffed.headers[m.columns[c.name]]])),
    unmapped: m.unmapped,
    missingRequired: m.missingRequired,
    columns: COLUMNS[kind].map((c) => ({ name: c.name, required: c.required })),
    sample,
    mappingFrom,
    profile: m.profile,
  };
}
