// Every environment variable the product reads, in one zod schema: parsed at start (the server and the batch
// tool stop with the name of a bad variable and what it must be) and read through readEnv() everywhere else —
// no module reads process.env for these or converts them with an unchecked Number().
import { Cron } from "croner";
import { z } from "zod";

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const decimal = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(?:\.\d+)?$/, `must be a number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a number from ${min} to ${max}`);

/** "1" turns a switch on; "0" (or unset) leaves it off; anything else is a mistake worth stopping for. */
const onOff = z.enum(["0", "1"], { error: "must be 1 (on) or 0 (off)" }).transform((v) => v === "1");

/** A DuckDB size ("160MB", "1.5GB", "512MiB"): checked before it reaches SQL. */
const size = z
  .string()
  .trim()
  .regex(/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i, "must be a size such as 160MB or 1GB");

const cron = z
  .string()
  .trim()
  .refine((v) => {
    if (v === "off") return true;
    try {
      new Cron(v, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  }, 'must be a cron schedule such as "0 2 * * *", or "off"');

export const EnvSchema = z.object({
  /** database file (default data/promise-trail.duckdb; --db wins) */
  PT_DB: z.string().optional(),
  /** DuckDB buffer pool limit of the process */
  PT_DUCKDB_MEMORY: size.default("256MB"),
  /** DuckDB buffer pool of a CLI import while it runs */
  PT_IMPORT_MEMORY: size.default("160MB"),
  /** import size limit, MB */
  PT_MAX_UPLOAD_MB: decimal(0.01, 100_000).default(100),
  PT_TRUST_PROXY: onOff.default(false),
  PT_SECURE_COOKIES: onOff.default(false),
  PT_NO_DEMO: onOff.default(false),
  PT_REBUILD: onOff.default(false),
  PT_NIGHTLY_CRON: cron.default("0 2 * * *"),
  PT_INBOX: z.string().optional(),
  /** scoring worker threads (0: the main thread); unset: one per core */
  PT_SCORE_WORKERS: wholeNumber(0, 64).optional(),
  /** the optional LLM pass is off unless a model is named */
  PT_LLM_MODEL: z.string().trim().optional(),
  PT_LLM_TIMEOUT_MS: wholeNumber(100, 600_000).default(30_000),
  PT_LLM_CONCURRENCY: wholeNumber(1, 64).default(4),
  PT_LLM_RETRIES: wholeNumber(0, 10).default(3),
  /** USD per 1,000 tokens, for a run's cost estimate */
  PT_LLM_COST_PER_1K: decimal(0, 1000).default(0),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:8080/v1" })
    .optional(),
  PORT: wholeNumber(0, 65_535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  SESSION_SECRET: z.string().optional(),
});

export type Env = z.output<typeof EnvSchema>;

/** An environment variable that is set but unusable: the message names it, its value and what it must be. */
export class EnvError extends Error {
  constructor(readonly problems: { name: string; value: string; message: string }[]) {
    super(
      problems
        .map(
          (p) =>
            `${p.name}=` +
            `${JSON.stringify(p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value)}` +
            ` ${p.message}`,
        )
        .join("; "),
    );
  }
}

const KEYS = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];
const last: { key: string; env: Env | null } = { key: "", env: null };

/** The product's variables from `source` (default process.env), validated; an empty value counts as unset. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = source[k];
    if (v !== undefined && v.trim() !== "") raw[k] = v;
  }
  // the same values parse the same way: read per request without re-validating (a cron check is not free)
  const key = JSON.stringify(raw);
  if (key === last.key && last.env) return last.env;
  const r = EnvSchema.safeParse(raw);
  if (r.success) {
    last.key = key;
    last.env = r.data;
    return r.data;
  }
  const seen = new Set<string>();
  const problems = r.error.issues
    .map((i) => ({ name: String(i.path[0] ?? "environment"), value: raw[String(i.path[0])] ?? "", message: i.message }))
    .filter((p) => !seen.has(p.name) && seen.add(p.name));
  throw new EnvError(problems);
}

/**
 * For the entry points: the environment checked once at start, or a message for the operator naming the bad variable.
 */
export function checkEnv(
  source: Record<string, string | undefined> = process.env,
): { ok: true; env: Env } | { ok: false; message: string } {
  try {
    return { ok: true, env: readEnv(source) };
  } catch (e) {
    if (e instanceof EnvError) return { ok: false, message: `invalid environment: ${e.message}` };
    throw e;
  }
}
