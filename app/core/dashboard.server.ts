// Page data for the dashboard: each function gathers what one page shows (routes stay thin).
import { z } from "zod";
import { sql } from "kysely";
import { cached, runQueryFile, type OpenDatabase } from "./db/db.server";
import {
  earlyReworkByCategory,
  earlyReworkItems,
  metricsExport,
  recurringFields,
  reliability,
  weekChanges,
  weeklySeries,
} from "./analytics/metrics.server";
import { renderChart, renderChartSet } from "./charts/render.server";
import { beforeAfterChart, completenessChart, fieldsChart, flagsChart, reworkChart, sparkline } from "./charts/specs";
import { getPilotSettings } from "./settings.server";
import { templateProposals } from "./analytics/template-fixes.server";
import { listFlags } from "./review/flags.server";
import { qaNote } from "./review/qa-note";
import { verifyAudit } from "./audit/audit.server";
import { CATEGORIES } from "./packet";
import { PricingHidden, type Visibility } from "./auth/visibility.server";

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d ? String(d).slice(0, 10) : null);

export async function pilotPage(open: OpenDatabase, today = new Date()) {
  return cached(open, `pilot:${today.toISOString().slice(0, 10)}`, () => pilotPageOf(open, today));
}

async function pilotPageOf(open: OpenDatabase, today: Date) {
  const [m, weeks, settings, counts, changes] = await Promise.all([
    metricsExport(open, { today }),
    weeklySeries(open, undefined, today),
    getPilotSettings(open.db),
    sql<{
      packets: number;
      pilot_set: boolean;
    }>`SELECT (SELECT count(*) FROM packets)::INTEGER AS packets,
      EXISTS (SELECT 1 FROM settings WHERE key = 'pilot') AS pilot_set`.execute(open.db),
    weekChanges(open, today),
  ]);
  const pilotWeeks = weeks.filter((w) => w.period === "pilot");
  const spark = (f: (w: (typeof weeks)[number]) => number | null, rows = pilotWeeks) =>
    rows.length > 1 ? renderChart(sparkline(rows.map(f).map((v) => v ?? 0))) : "";
  return {
    metrics: m,
    /** packets in the database, whatever their period (0: nothing uploaded yet) */
    totalPackets: counts.rows[0]?.packets ?? 0,
    /** whether anyone set the pilot start (else it is the built-in default) */
    pilotStartSet: Boolean(counts.rows[0]?.pilot_set),
    targets: settings.targets,
    /** what moved in the last 7 days */
    changes,
    /** the weekly figures as a table beside the charts, each number linking to what it counts */
    weeks,
    sparks: {
      completeness: spark((w) => w.completeness),
      accepted: spark((w) => w.flags_accepted),
      acceptance: spark((w) =>
        w.flags_accepted + w.flags_rejected ? w.flags_accepted / (w.flags_accepted + w.flags_rejected) : 0,
      ),
      rework: spark(
        (w) => w.early_rework_per_packet,
        pilotWeeks.filter((w) => w.early_rework_per_packet !== null),
      ),
    },
    charts: weeks.length
      ? [
          renderChartSet(completenessChart(weeks)),
          renderChartSet(flagsChart(weeks)),
          renderChartSet(reworkChart(weeks)),
        ]
      : [],
  };
}

export async function fieldsPage(open: OpenDatabase) {
  return cached(open, "fields", () => fieldsPageOf(open));
}

async function fieldsPageOf(open: OpenDatabase) {
  const [fields, rel] = await Promise.all([recurringFields(open), reliability(open)]);
  return {
    fields,
    chart: fields.length ? renderChartSet(fieldsChart(fields)) : null,
    detectors: rel.filter((r) => r.dimension === "detector"),
    sources: rel.filter((r) => r.dimension === "source"),
  };
}

/**
 * Flags citing one source field (decided first, then open), a page of 50, with the counts per status. A pricing
 * field hidden from the viewer's role throws PricingHidden.
 */
export async function flagsForField(open: OpenDatabase, source: string, page: number, vis: Visibility) {
  const pageSize = 50;
  if (!vis.sourceVisible(source)) throw new PricingHidden(`/fields/${source}`);
  const r = await cached(open, `field-flags:${source}:${page}`, async () => {
    const rows = await sql<{
      flag_id: string;
      deal_id: string;
      source: string;
      category: string;
      status: string;
      evidence: string;
      detector: string;
    }>`
      SELECT flag_id, deal_id, source, category, status, evidence, detector FROM flag_status()
      WHERE source = ${source}
      ORDER BY (status = 'open'), decided_at DESC NULLS LAST, deal_id, flag_id LIMIT ${pageSize} OFFSET
        ${(Math.max(1, page) - 1) * pageSize}`.execute(open.db);
    const counts = await sql<{
      status: string;
      n: number;
    }>`SELECT status, count(*)::INTEGER AS n FROM flag_status() WHERE source = ${source} GROUP BY status`.execute(
      open.db,
    );
    const by = Object.fromEntries(counts.rows.map((c) => [c.status, c.n])) as Record<string, number>;
    const total = counts.rows.reduce((a, c) => a + c.n, 0);
    return {
      flags: rows.rows,
      page: Math.max(1, page),
      pageSize,
      total,
      accepted: by.accepted ?? 0,
      rejected: by.rejected ?? 0,
      open: by.open ?? 0,
    };
  });
  return { ...r, flags: vis.flags(r.flags) };
}

export async function templatesPage(open: OpenDatabase, today = new Date()) {
  return cached(open, `templates:${today.toISOString().slice(0, 10)}`, () => templatesPageOf(open, today));
}

/**
 * Template fixes as proposals (app/core/analytics/template-fixes.server.ts), a done fix with its before / after chart.
 */
async function templatesPageOf(open: OpenDatabase, today: Date) {
  const { threshold, topics } = await templateProposals(open, today);
  const withChart = (t: (typeof topics)[number]) => ({
    ...t,
    chart: t.state === "done" ? renderChartSet(beforeAfterChart(t.rate_before, t.rate_after, t.topic)) : null,
  });
  const of = (state: string, max = 30) =>
    topics
      .filter((t) => t.state === state)
      .slice(0, max)
      .map(withChart);
  return {
    threshold,
    proposed: of("proposed"),
    accepted: of("accepted"),
    done: of("done"),
    watching: of("watching", 20),
    dismissed: of("dismissed"),
  };
}

export async function reworkPage(open: OpenDatabase, page = 1) {
  const pageSize = 50;
  const p = Math.max(1, page);
  const [items, byCategory] = await Promise.all([
    earlyReworkItems(open, pageSize + 1, (p - 1) * pageSize),
    earlyReworkByCategory(open),
  ]);
  return { items: items.slice(0, pageSize), hasNext: items.length > pageSize, page: p, byCategory };
}

export interface QueueFilter {
  owner?: string;
  status?: string;
  category?: string;
  /** packets with an accepted flag citing this field (the /fields drill-down) */
  source?: string;
  sort?: "kickoff" | "risk";
  page?: number;
}

/**
 * The queue a URL asks for. Implementation leads and account owners land on their own worklist ("mine": packets
 * they own or lead whose readiness is undecided, kicking off soonest) unless they ask for all packets.
 */
export function queueFilter(
  q: URLSearchParams,
  user: { name: string; role: string },
): QueueFilter & { view: "mine" | "all" } {
  const reviewer = user.role === "implementation_lead" || user.role === "account_owner";
  const page = Number(q.get("page") ?? 1) || 1;
  const view =
    q.get("view") === "mine" || (reviewer && q.get("view") !== "all" && ![...q.keys()].some((k) => k !== "page"))
      ? "mine"
      : "all";
  if (view === "mine") return { view, owner: user.name, status: "upcoming", sort: "kickoff", page };
  return {
    view,
    owner: q.get("owner") ?? undefined,
    status: q.get("status") ?? undefined,
    category: q.get("category") ?? undefined,
    source: q.get("source") ?? undefined,
    sort: q.get("sort") === "risk" ? "risk" : "kickoff",
    page,
  };
}

const queueParams = (f: QueueFilter, limit: number, offset: number, today: Date) => [
  f.owner ?? "",
  f.status ?? "",
  f.category ?? "",
  f.source ?? "",
  f.sort ?? "kickoff",
  limit,
  offset,
  today.toISOString().slice(0, 10),
];

/** The review queue: packets with open flags first, sortable by kickoff date or risk (open high flags). */
export async function packetQueue(open: OpenDatabase, f: QueueFilter, today = new Date()) {
  const pageSize = 50;
  const page = Math.max(1, f.page ?? 1);
  const rows = await runQueryFile<Record<string, unknown>>(
    open,
    "packet_queue",
    queueParams(f, pageSize, (page - 1) * pageSize, today),
  );
  const owners = await cached(open, "queue-owners", () =>
    sql<{ name: string }>`
    SELECT DISTINCT name FROM (SELECT account_owner AS name FROM packets UNION SELECT delivery_owner FROM packets
      UNION SELECT implementation_lead FROM packets)
    WHERE name IS NOT NULL AND trim(name) <> '' ORDER BY name`.execute(open.db),
  );
  return {
    rows,
    total: Number(rows[0]?.total ?? 0),
    totalOpenHigh: Number(rows[0]?.total_open_high ?? 0),
    totalWithinWeek: Number(rows[0]?.total_within_week ?? 0),
    page,
    pageSize,
    owners: owners.rows.map((o) => o.name),
    categories: [...CATEGORIES],
  };
}

/** The packets before and after one in a queue (the same filters and order), for previous / next on the packet page. */
export async function queueNeighbours(open: OpenDatabase, f: QueueFilter, dealId: string, today = new Date()) {
  const rows = await runQueryFile<{ deal_id: string; account_name: string }>(
    open,
    "packet_queue",
    queueParams({ ...f, page: 1 }, 2000, 0, today),
  );
  const i = rows.findIndex((r) => r.deal_id === dealId);
  if (i < 0) return null;
  const pick = (r: { deal_id: string; account_name: string } | undefined) =>
    r ? { deal_id: r.deal_id, account_name: r.account_name } : null;
  return { position: i + 1, total: rows.length, previous: pick(rows[i - 1]), next: pick(rows[i + 1]) };
}

/**
 * One packet as the viewer's role may see it: text, flags, QA note and audit entries pass through its Visibility
 * (hidden pricing removed). `openHigh` counts every open high flag, shown or not (what decideReadiness enforces).
 */
export async function packetDetail(open: OpenDatabase, dealId: string, vis: Visibility) {
  const d = await cached(open, `packet:${dealId}`, () => packetDetailOf(open, dealId));
  if (!d) return null;
  const flags = vis.flags(d.flags);
  return {
    ...d,
    packet: vis.packet(d.packet),
    flags,
    openHigh: d.flags.filter((f) => f.status === "open" && f.severity === "high").length,
    audit: vis.auditRows(d.audit),
    note: qaNote(d.notePacket, flags, d.readiness[0] ?? null),
  };
}

/** Computes the heavy pages once after a change, so the first visitor does not wait for them. */
export async function warmAnalytics(open: OpenDatabase): Promise<void> {
  await pilotPage(open);
  await fieldsPage(open);
  await templatesPage(open);
  await packetQueue(open, {});
}

async function packetDetailOf(open: OpenDatabase, dealId: string) {
  const p = await open.db.selectFrom("packets").selectAll().where("deal_id", "=", dealId).executeTakeFirst();
  if (!p) return null;
  const settings = await getPilotSettings(open.db);
  const [flags, versions, readiness, audit, completeness] = await Promise.all([
    listFlags(open, { dealId }),
    open.db
      .selectFrom("packet_versions")
      .select(["version", "upload_id", "line", "created_at", "content_hash"])
      .where("deal_id", "=", dealId)
      .orderBy("version", "desc")
      .execute(),
    open.db
      .selectFrom("readiness_decisions")
      .selectAll()
      .where("deal_id", "=", dealId)
      .orderBy("decided_at", "desc")
      .execute(),
    sql<{ seq: number; logged_at: Date; actor: string; action: string; entity_id: string; detail: string }>`
      SELECT seq, logged_at, actor, action, entity_id, detail FROM audit_log
      WHERE entity_id = ${dealId} OR entity_id IN (SELECT flag_id FROM flags WHERE deal_id = ${dealId})
      ORDER BY seq DESC LIMIT 100`.execute(open.db),
    sql<{
      completeness: number;
    }>`SELECT completeness FROM packet_periods(${settings.pilot_start}, ${settings.window_days})
      WHERE deal_id = ${dealId}`.execute(open.db),
  ]);
  const packet = { ...p, close_date: iso(p.close_date), kickoff_date: iso(p.kickoff_date), updated_at: p.updated_at };
  const notePacket = {
    deal_id: p.deal_id,
    account_name: p.account_name,
    opportunity_name: p.opportunity_name,
    delivery_owner: p.delivery_owner,
    kickoff_date: iso(p.kickoff_date),
  };
  return {
    packet,
    flags,
    versions,
    readiness,
    audit: audit.rows,
    completeness: completeness.rows[0]?.completeness ?? null,
    notePacket,
  };
}

export async function uploadsPage(open: OpenDatabase) {
  const uploads = await open.db.selectFrom("uploads").selectAll().orderBy("id", "desc").limit(100).execute();
  return { uploads };
}

/** runs.errors: the packets a run could not score, as the run stored them (JSON). */
const RunErrors = z.array(z.object({ deal_id: z.string(), error: z.string() }));

export async function runsPage(open: OpenDatabase) {
  const runs = await open.db.selectFrom("runs").selectAll().orderBy("id", "desc").limit(50).execute();
  return { runs: runs.map((r) => ({ ...r, errors: RunErrors.parse(JSON.parse(r.errors)) })) };
}

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The audit log, newest first, 50 a page: action by prefix, actor and free text as partial case-insensitive
 * matches, and a deal's entries (the packet's own and its flags'). Each row names the deal it belongs to, if any.
 */
export async function auditPage(
  open: OpenDatabase,
  f: { action?: string; actor?: string; text?: string; deal?: string; page?: number },
  vis: Visibility,
) {
  const pageSize = 50;
  const page = Math.max(1, f.page ?? 1);
  let q = open.db
    .selectFrom("audit_log")
    .leftJoin("flags", (j) => j.on(sql<boolean>`audit_log.entity = 'flag' AND flags.flag_id = audit_log.entity_id`))
    .selectAll("audit_log")
    .select(
      sql<string | null>`CASE WHEN audit_log.entity = 'packet' THEN audit_log.entity_id
        ELSE coalesce(flags.deal_id, json_extract_string(TRY_CAST(audit_log.detail AS JSON), '$.deal_id')) END`.as(
        "deal_id",
      ),
    );
  if (f.action) q = q.where("audit_log.action", "like", `${f.action.replace(/[%_]/g, "")}%`);
  if (f.actor?.trim())
    q = q.where(sql<boolean>`audit_log.actor ILIKE ${`%${likeEscaped(f.actor.trim())}%`} ESCAPE '\\'`);
  if (f.text?.trim()) {
    const t = `%${likeEscaped(f.text.trim())}%`;
    q = q.where(
      sql<boolean>`(audit_log.detail ILIKE ${t} ESCAPE '\\' OR audit_log.entity_id ILIKE ${t} ESCAPE '\\'
        OR audit_log.action ILIKE ${t} ESCAPE '\\')`,
    );
  }
  if (f.deal?.trim()) {
    const d = f.deal.trim();
    q = q.where(
      sql<boolean>`(audit_log.entity_id = ${d} OR flags.deal_id = ${d}
        OR json_extract_string(TRY_CAST(audit_log.detail AS JSON), '$.deal_id') = ${d})`,
    );
  }
  const rows = await q
    .orderBy("audit_log.seq", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const verify = await open.db.connection().execute((k) => verifyAudit(k));
  const actions = await sql<{ action: string }>`SELECT DISTINCT action FROM audit_log ORDER BY 1`.execute(open.db);
  return { rows: vis.auditRows(rows), verify, page, pageSize, actions: actions.rows.map((a) => a.action) };
}
