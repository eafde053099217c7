// What each import kind checks and stores, written once as SQL over a staged row's cells: its typed columns, the
// values it stores, the checks whose first failure quarantines a row, the key that must be unique within a file,
// and the write that merges the rows into their table.
import type { OpenDatabase } from "../db/db.server";
import type { ImportKind } from "./columns";
import type { Typed } from "./typed-cells.server";
import {
  HANDOFF_TEXT,
  insertReviews,
  upsertPackets,
  upsertRework,
  type MergeContext,
  type MergeResult,
} from "./upsert.server";

/** SQL expressions over one staged row, by column name. */
export interface Cells {
  /** the cell as written (NULL when the column is not in the file) */
  raw(column: string): string;
  /** the cell with JavaScript's trim, NULL when not in the file */
  trimmed(column: string): string;
  blank(column: string): string;
  /** a typed column's parsed value (date text, number, timestamp) and its currency (amounts) */
  parsed(column: string): string;
  currency(column: string): string;
  /** a typed column's parse error, prefixed with the column */
  error(column: string): string;
}

/**
 * One kind's validation and storage, in SQL over the staged cells. Every check and value is written once
 * here; typed cells are parsed by values.ts (each distinct cell once), so SQL and JavaScript agree.
 */
export interface KindPlan {
  typed: Record<string, Typed>;
  /** keep unmapped columns (as JSON) and hash the row's content */
  versioned: boolean;
  /** the columns the checks and the key read (besides the typed ones): the first pass keeps their cells */
  reads: string[];
  values(c: Cells): [name: string, sql: string][];
  /** checks in order: the first that holds is the row's quarantine reason */
  checks(c: Cells): [when: string, reason: string][];
  /** the value that must be unique within a file, and what to call it */
  key: { sql: (c: Cells) => string; label: string };
  merge(ctx: MergeContext): Promise<MergeResult>;
}

const reviewDecision = (c: Cells) =>
  `CASE lower(${c.trimmed("decision")}) WHEN 'accept' THEN 'accepted' WHEN ` +
  `'reject' THEN 'rejected' ELSE lower(${c.trimmed("decision")}) END`;

export const PLANS: Record<ImportKind, (open: OpenDatabase) => KindPlan> = {
  handoffs: (open) => ({
    typed: { close_date: { parser: "date" }, kickoff_date: { parser: "date" }, amount: { parser: "amount" } },
    versioned: true,
    reads: ["deal_id", "account_name"],
    values: (c) => [
      ["deal_id", c.trimmed("deal_id")],
      ...HANDOFF_TEXT.map((x): [string, string] => [x, `nullif(${c.raw(x)}, '')`]),
      ["close_date", `CAST(${c.parsed("close_date")} AS DATE)`],
      ["kickoff_date", `CAST(${c.parsed("kickoff_date")} AS DATE)`],
      ["amount", `CAST(${c.parsed("amount")} AS DOUBLE)`],
      ["currency", c.currency("amount")],
      ["amount_text", `nullif(${c.raw("amount")}, '')`],
    ],
    checks: (c) => [
      [c.blank("deal_id"), `'missing deal_id'`],
      [
        `length(${c.trimmed("deal_id")}) > 100`,
        `'deal_id is ' || length(${c.trimmed("deal_id")}) || ' characters long (at most 100)'`,
      ],
      [c.blank("account_name"), `'missing account_name for deal ' || ${c.trimmed("deal_id")}`],
    ],
    key: { sql: (c) => c.trimmed("deal_id"), label: "deal_id" },
    merge: (ctx) => upsertPackets(open.conn, ctx),
  }),

  rework: (open) => ({
    typed: {
      logged_on: { parser: "date", required: true },
      hours: { parser: "number" },
      kickoff_delay_days: { parser: "number" },
    },
    versioned: true,
    reads: ["rework_id", "deal_id", "description"],
    values: (c) => [
      ["rework_id", c.trimmed("rework_id")],
      ["deal_id", c.trimmed("deal_id")],
      ["logged_on", `CAST(${c.parsed("logged_on")} AS DATE)`],
      ["category", `nullif(${c.trimmed("category")}, '')`],
      ["description", `coalesce(${c.raw("description")}, '')`],
      ["hours", `CAST(${c.parsed("hours")} AS DOUBLE)`],
      ["kickoff_delay_days", `CAST(${c.parsed("kickoff_delay_days")} AS DOUBLE)`],
    ],
    checks: (c) => [
      [c.blank("rework_id"), `'missing rework_id'`],
      [c.blank("deal_id"), `'missing deal_id for rework ' || ${c.trimmed("rework_id")}`],
      [`${c.error("logged_on")} IS NOT NULL`, c.error("logged_on")],
      [`${c.parsed("logged_on")} IS NULL`, `'missing logged_on for rework ' || ${c.trimmed("rework_id")}`],
      [c.blank("description"), `'missing description for rework ' || ${c.trimmed("rework_id")}`],
    ],
    key: { sql: (c) => c.trimmed("rework_id"), label: "rework_id" },
    merge: (ctx) => upsertRework(open.conn, ctx),
  }),

  reviews: (open) => ({
    typed: { decided_at: { parser: "timestamp", required: true } },
    versioned: false,
    reads: ["flag_id", "decision", "reviewer", "reason"],
    values: (c) => [
      ["flag_id", c.trimmed("flag_id")],
      ["decision", reviewDecision(c)],
      ["reviewer", c.trimmed("reviewer")],
      ["reason", `nullif(${c.trimmed("reason")}, '')`],
      ["decided_at", `CAST(${c.parsed("decided_at")} AS TIMESTAMP)`],
    ],
    checks: (c) => [
      [c.blank("flag_id"), `'missing flag_id'`],
      [
        `${reviewDecision(c)} NOT IN ('accepted', 'rejected')`,
        `'decision "' || coalesce(${c.raw("decision")}, '') || '" must be accepted or rejected'`,
      ],
      [c.blank("reviewer"), `'missing reviewer'`],
      [
        `${reviewDecision(c)} = 'rejected' AND ${c.blank("reason")}`,
        `'a rejection needs a reason (flag ' || ${c.trimmed("flag_id")} || ')'`,
      ],
      [`${c.error("decided_at")} IS NOT NULL`, c.error("decided_at")],
      [`${c.parsed("decided_at")} IS NULL`, `'missing decided_at'`],
    ],
    key: { sql: (c) => `${c.trimmed("flag_id")} || '@' || ${c.parsed("decided_at")}`, label: "flag_id" },
    merge: (ctx) => insertReviews(open.conn, ctx),
  }),
};
