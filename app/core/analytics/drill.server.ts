// Behind the numbers: the flags or packets a figure of the pilot page counts (sql/queries/drill_*.sql, which read
// the same macros as the metrics), with the totals the page shows, so the number clicked is the number found.
import { z } from "zod";
import type { OpenDatabase } from "../db/db.server";
import { cached, runQueryFile } from "../db/db.server";
import { getPilotSettings } from "../settings.server";
import { CATEGORIES, CATEGORY_LABELS, sourceLabel } from "../packet";

const opt = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const Query = z.object({
  kind: z.enum(["flags", "packets"]).catch("flags"),
  period: opt(z.enum(["pilot", "baseline"])),
  status: opt(z.enum(["open", "accepted", "rejected", "reviewed"])),
  fact: opt(z.enum(["caught", "expectation"])),
  maturity: opt(z.enum(["matured", "maturing"])),
  completeness: opt(z.enum(["complete", "incomplete"])),
  week: opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  category: opt(z.enum(CATEGORIES)),
  source: opt(z.string().regex(/^[a-z_]{1,40}$/)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DrillQuery = z.infer<typeof Query>;

const PAGE = 100;

/** The selection in words: "Accepted flags on pilot packets, kickoff week of 2026-03-02". */
function describe(q: DrillQuery): string {
  const what =
    q.kind === "packets"
      ? `${q.completeness === "complete" ? "Fully complete " : q.completeness === "incomplete" ? "Incomplete " : ""}` +
        `${q.maturity === "matured" ? "matured " : q.maturity === "maturing" ? "still-maturing " : ""}` +
        `${q.period ?? "pilot and baseline"} ` +
        `packets`
      : `${
          q.fact === "caught"
            ? "Flags accepted before kickoff"
            : q.fact === "expectation"
              ? "Promise, date and conflict flags accepted before kickoff"
              : `${q.status ? `${q.status[0].toUpperCase()}${q.status.slice(1)} flags` : "Flags"}`
        } on ${q.period ?? "pilot and baseline"} packets`;
  const parts = [what.charAt(0).toUpperCase() + what.slice(1)];
  if (q.category) parts.push(`category ${CATEGORY_LABELS[q.category].toLowerCase()}`);
  if (q.source) parts.push(`citing ${sourceLabel(q.source).toLowerCase()}`);
  if (q.week) parts.push(`kickoff in the week of ${q.week}`);
  return parts.join(", ");
}

export interface DrillFlag {
  flag_id: string;
  deal_id: string;
  account_name: string;
  kickoff_date: string;
  category: string;
  source: string;
  status: string;
  evidence: string;
  reviewer: string | null;
  decided_on: string | null;
}
export interface DrillPacket {
  deal_id: string;
  account_name: string;
  kickoff_date: string;
  period: string;
  matured: boolean;
  completeness: number;
  rework_items: number;
  delay_days: number;
}

/** Parses the drill-down's URL (anything unknown is ignored) and returns what it selects. */
export async function drillPage(open: OpenDatabase, params: URLSearchParams, today = new Date()) {
  const q = Query.parse(Object.fromEntries(params));
  const s = await getPilotSettings(open.db);
  const offset = (q.page - 1) * PAGE;
  const title = describe(q);
  return cached(open, `drill:${JSON.stringify(q)}:${today.toISOString().slice(0, 10)}`, async () => {
    if (q.kind === "flags") {
      const rows = await runQueryFile<
        DrillFlag & { flags: number; packets: number; accepted: number; rejected: number; open: number }
      >(open, "drill_flags", [
        s.pilot_start,
        s.window_days,
        q.period ?? "",
        q.status ?? "",
        q.fact ?? "",
        q.week ?? "",
        q.category ?? "",
        q.source ?? "",
        PAGE,
        offset,
      ]);
      const t = rows[0];
      return {
        kind: "flags" as const,
        query: q,
        title,
        page: q.page,
        hasNext: offset + PAGE < t.flags,
        totals: { flags: t.flags, packets: t.packets, accepted: t.accepted, rejected: t.rejected, open: t.open },
        flags: rows.filter((r) => r.flag_id !== null) as DrillFlag[],
        packets: [] as DrillPacket[],
      };
    }
    const rows = await runQueryFile<
      DrillPacket & {
        packets: number;
        completeness_mean: number | null;
        matured_packets: number;
        matured_rework_items: number;
        matured_delay_days: number;
      }
    >(open, "drill_packets", [
      s.pilot_start,
      s.window_days,
      today.toISOString().slice(0, 10),
      q.period ?? "",
      q.maturity ?? "",
      q.week ?? "",
      q.completeness ?? "",
      PAGE,
      offset,
    ]);
    const t = rows[0];
    const totals = {
      packets: t.packets,
      completeness_mean: t.completeness_mean,
      matured_packets: t.matured_packets,
      matured_rework_items: t.matured_rework_items,
      rework_rate: t.matured_packets ? t.matured_rework_items / t.matured_packets : null,
    };
    return {
      kind: "packets" as const,
      query: q,
      title,
      page: q.page,
      hasNext: offset + PAGE < t.packets,
      totals,
      flags: [] as DrillFlag[],
      packets: rows.filter((r) => r.deal_id !== null) as DrillPacket[],
    };
  });
}
