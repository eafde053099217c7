// The server secret: SESSION_SECRET, else one generated once and kept beside the database (mode 0600). It signs the
// session cookie and keys the audit log's anchor, so the dashboard and the batch CLI read the same one.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readEnv } from "../env.server";

const processSecret = randomBytes(32).toString("hex");

export function serverSecret(dbPath: string, env: Record<string, string | undefined> = process.env): string {
  const secret = readEnv(env).SESSION_SECRET;
  if (secret) return secret;
  // an in-memory database has no file beside it: a secret for this process only
  if (!dbPath || dbPath === ":memory:") return processSecret;
  const file = `${dbPath}.secret`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const s = randomBytes(32).toString("hex");
  try {
    writeFileSync(file, s + "\n", { mode: 0o600, flag: "wx" });
  } catch {
    return readFileSync(file, "utf8").trim(); // created meanwhile by another process
  }
  return s;
}
