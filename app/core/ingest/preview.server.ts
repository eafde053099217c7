import { randomBytes } from "node:crypto";
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { COLUMNS, errorColumnsOf, mapHeaders, MappingError, type HeaderMapping, type ImportKind } from "./columns";
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
  /** column -> header, as shown in the mapping form (the user's choice when it could not be used) */
  mapping: Record<string, string | null>;
  unmapped: string[];
  missingRequired: string[];
  columns: { name: string; required: boolean }[];
  sample: string[][];
  /** per header (same order): up to two non-blank values from the first rows, to recognise the column by */
  samples: string[][];
  /** where the mapping shown came from, and the CRM profile whose display names it used */
  mappingFrom: "automatic" | "by hand" | "remembered";
  profile: string | null;
  /** who stored the remembered mapping, and when */
  remembered: { by: string; at: string } | null;
  /** why the chosen mapping cannot be used (a date column sharing a header, …), or null */
  mappingError: string | null;
  /** the headers an error file of ours adds (line, reason): ignored on import */
  ignoredHeaders: string[];
  /** every required column maps and the mapping is usable */
  canImport: boolean;
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

const sameMapping = (a: Record<string, string>, b: Record<string, string>) => {
  const ka = Object.keys(a).filter((k) => a[k]);
  const kb = Object.keys(b).filter((k) => b[k]);
  return ka.length === kb.length && ka.every((k) => b[k]?.trim().toLowerCase() === a[k].trim().toLowerCase());
};

export interface ResolvedMapping {
  mapping: HeaderMapping;
  from: Preview["mappingFrom"];
  /** the hand mapping to import with ({} when the choice equals the automatic or remembered one) */
  hand: Record<string, string>;
  remembered: { by: string; at: string } | null;
}

/**
 * The mapping of a file's headers as the import will use it: a hand choice (the upload page sends every column's
 * header), unless it equals what the file maps to anyway — the mapping remembered for its source and headers, else
 * the automatic one — so an unchanged form neither counts as a hand mapping nor is remembered again. An error file's
 * line and reason headers are left out. Throws MappingError for a choice that cannot be used.
 */
export async function resolveMapping(
  db: Kysely<Database> | undefined,
  kind: ImportKind,
  source: string,
  fileHeaders: string[],
  chosen: Record<string, string>,
): Promise<ResolvedMapping> {
  const ignored = errorColumnsOf(fileHeaders);
  const headers = fileHeaders.map((h, i) => (ignored.has(i) ? "" : h));
  const own = fileHeaders.filter((_, i) => !ignored.has(i));
  const asHeaders = (m: HeaderMapping) =>
    Object.fromEntries(Object.entries(m.columns).map(([c, i]) => [c, headers[i]]));
  const saved = db ? await rememberedMapping(db, kind, source.trim().toLowerCase(), own) : null;
  let base: { mapping: HeaderMapping; from: Preview["mappingFrom"] } | null = null;
  if (saved) {
    try {
      base = { mapping: mapHeaders(kind, headers, saved.mapping), from: "remembered" };
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
    }
  }
  base ??= { mapping: mapHeaders(kind, headers), from: "automatic" };
  const remembered =
    base.from === "remembered" && saved ? { by: saved.updated_by, at: saved.updated_at.toISOString() } : null;
  if (!Object.values(chosen).some(Boolean) || sameMapping(chosen, asHeaders(base.mapping)))
    return { ...base, hand: {}, remembered };
  const hand = Object.fromEntries(Object.entries(chosen).filter(([, h]) => h));
  return { mapping: mapHeaders(kind, headers, hand), from: "by hand", hand, remembered: null };
}

const short = (f: string, n: number) => (f.length > n ? `${f.slice(0, n)}…` : f);

/** The header mapping and the first rows of a staged file, before anything is written. */
export async function previewUpload(
  dir: string,
  token: string,
  kind: ImportKind,
  source: string,
  fileName: string,
  chosen: Record<string, string> = {},
  maxBytes = DEFAULT_MAX_BYTES,
  db?: Kysely<Database>,
): Promise<Preview> {
  const file = stagedPath(dir, token);
  const sniffed = await sniffFile(file, maxBytes);
  const ignored = errorColumnsOf(sniffed.headers);
  let resolved: ResolvedMapping | null = null;
  let mappingError: string | null = null;
  try {
    resolved = await resolveMapping(db, kind, source, sniffed.headers, chosen);
  } catch (e) {
    if (!(e instanceof MappingError)) throw e;
    mappingError = e.message;
  }
  const sample: string[][] = [];
  const samples: string[][] = sniffed.headers.map(() => []);
  let rows = 0;
  for await (const ev of readRows(file, sniffed)) {
    if (ev.type !== "row") continue;
    if (sample.length < 5) sample.push(ev.fields.map((f) => short(f, 120)));
    ev.fields.forEach((f, i) => {
      const v = short(f.trim(), 60);
      if (v && samples[i] && samples[i].length < 2 && !samples[i].includes(v)) samples[i].push(v);
    });
    if (++rows >= 200 || (sample.length >= 5 && samples.every((s) => s.length >= 2))) break;
  }
  const headerAt = (i: number | undefined) => (i === undefined ? null : sniffed.headers[i]);
  const m = resolved?.mapping;
  // a choice that could not be used is shown as the user made it, to correct
  const mapping = Object.fromEntries(
    COLUMNS[kind].map((c) => [c.name, m ? headerAt(m.columns[c.name]) : chosen[c.name] || null]),
  );
  const missingRequired = m
    ? m.missingRequired
    : COLUMNS[kind].filter((c) => c.required && !chosen[c.name]).map((c) => c.name);
  return {
    token,
    fileName,
    kind,
    source,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter === "\t" ? "tab" : sniffed.delimiter,
    sizeBytes: sniffed.sizeBytes,
    headers: sniffed.headers,
    mapping,
    unmapped: m?.unmapped ?? [],
    missingRequired,
    columns: COLUMNS[kind].map((c) => ({ name: c.name, required: c.required })),
    sample,
    samples,
    mappingFrom: resolved?.from ?? "by hand",
    profile: m?.profile ?? null,
    remembered: resolved?.remembered ?? null,
    mappingError,
    ignoredHeaders: sniffed.headers.filter((_, i) => ignored.has(i)),
    canImport: !mappingError && missingRequired.length === 0,
  };
}
