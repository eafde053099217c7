// Pure option parsing for the batch CLI: rejects unknown flags with a usage error.

export class UsageError extends Error {
  readonly exitCode = 2;
}

export class CommandError extends Error {
  readonly exitCode = 1;
}

export interface Parsed {
  positional: string[];
  flags: Record<string, string | boolean>;
  maps: string[];
}

const VALUE_FLAGS = new Set([
  "db",
  "source",
  "map",
  "role",
  "name",
  "pilot-start",
  "inbox",
  "max-mb",
  "window",
  "review-minutes",
  "uploader",
  "packets",
  "seed",
  "limit",
]);
const BOOL_FLAGS = new Set(["json", "all", "debug", "help", "no-llm"]);

export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  const maps: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") continue;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) {
        flags[name] = true;
      } else if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        if (name === "map") maps.push(value);
        else flags[name] = value;
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags, maps };
}

export const USAGE = `usage: npm run batch -- COMMAND [options]

  import handoffs|rework|reviews FILE.csv [--source NAME] [--map column=Header]…
  score [--all]                 score new and changed packets (--all: every packet)
  nightly [--inbox DIR]         import waiting files, score, refresh analytics
  export flags OUT.csv
  export metrics OUT.json [--pilot-start YYYY-MM-DD]
  export quarantine UPLOAD_ID OUT.csv
  export warnings UPLOAD_ID OUT.csv
  users add EMAIL --role ROLE [--name NAME]     (password read from stdin)
  pilot set [--pilot-start YYYY-MM-DD] [--window DAYS] [--review-minutes N]
  audit verify                  check the audit log's hash chain
  seed                          import the demo data set into an empty database

options: --db PATH (default: $PT_DB or data/promise-trail.duckdb), --json, --debug`;
