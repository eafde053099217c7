import { addUser, UserError } from "../../app/core/auth/users.server";
import { verifyAudit } from "../../app/core/audit/audit.server";
import { DEFAULT_PILOT, getPilotSettings, setPilotSettings, SettingsCorrupt } from "../../app/core/settings.server";
import { parseDate } from "../../app/core/ingest/values";
import { CommandError, UsageError, type Parsed } from "../options";
import type { CommandResult, Effects } from "../effects";

export async function usersCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  const [, sub, email] = a.positional;
  if (sub !== "add" || !email)
    throw new UsageError("usage: users add EMAIL --role ROLE [--name NAME] (password on stdin)");
  if (typeof a.flags.role !== "string") throw new UsageError("users add needs --role");
  const password = (await fx.readStdin()).replace(/\r?\n$/, "");
  if (!password)
    throw new CommandError(
      "no password on stdin: pipe it in, e.g. `echo 'a long passphrase' | npm run batch -- users add …`",
    );
  try {
    const u = await addUser(await fx.db(), {
      email,
      role: a.flags.role,
      name: typeof a.flags.name === "string" ? a.flags.name : undefined,
      password,
    });
    return { summary: `${u.created ? "created" : "updated"} ${u.email} (${u.role})`, json: { ...u } };
  } catch (e) {
    if (e instanceof UserError) throw new CommandError(e.message);
    throw e;
  }
}

export async function auditCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  if (a.positional[1] !== "verify") throw new UsageError("usage: audit verify");
  // one hold of the connection for the whole walk: an entry appended between reading the chain and reading its anchor
  // (a review posted while a running dashboard verifies) would otherwise read as a broken chain
  const r = await (await fx.db()).db.connection().execute((k) => verifyAudit(k));
  if (!r.ok)
    return { summary: `audit log BROKEN after ${r.entries} entries: ${r.problem}`, json: { ...r }, exitCode: 1 };
  return { summary: `audit log intact: ${r.entries} entries, hash chain verified`, json: { ...r } };
}

export async function pilotCommand(a: Parsed, fx: Effects): Promise<CommandResult> {
  if (a.positional[1] !== "set" && a.positional[1] !== "show")
    throw new UsageError("usage: pilot set|show [--pilot-start YYYY-MM-DD] [--window DAYS] [--review-minutes N]");
  const open = await fx.db();
  // unreadable stored settings: "show" fails with the reason; "set" replaces them, starting from the defaults, and says
  // so
  let replaced: string | null = null;
  const s = await getPilotSettings(open.db).catch((e) => {
    if (!(e instanceof SettingsCorrupt) || a.positional[1] !== "set") throw e;
    replaced = e.problem;
    return structuredClone(DEFAULT_PILOT);
  });
  if (a.positional[1] === "set") {
    if (typeof a.flags["pilot-start"] === "string") {
      try {
        s.pilot_start = parseDate(a.flags["pilot-start"]) ?? s.pilot_start;
      } catch {
        throw new UsageError(`--pilot-start "${a.flags["pilot-start"]}" is not a date`);
      }
    }
    for (const [flag, key] of [
      ["window", "window_days"],
      ["review-minutes", "review_minutes_per_handoff"],
    ] as const) {
      if (a.flags[flag] === undefined) continue;
      const n = Number(a.flags[flag]);
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} must be a positive number`);
      s[key] = n;
    }
    await setPilotSettings(open.db, s);
  }
  const summary =
    `pilot starts ${s.pilot_start}, ${s.window_days} days, ${s.review_minutes_per_handoff} ` +
    `review minutes per handoff`;
  if (replaced)
    return {
      summary:
        `${summary} (the stored pilot settings could not be read — ${replaced} ` +
        `— and were replaced, starting from the defaults)`,
      json: { ...s, replaced_unreadable: replaced },
    };
  return { summary, json: { ...s } };
}
