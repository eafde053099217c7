import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { parseDate } from "../ingest/values";
import { CATEGORIES } from "../packet";
import { z } from "zod";
import { sql } from "kysely";
import { getPilotSettings } from "../settings.server";
import { templateTopics } from "./metrics.server";

export class TemplateFixError extends Error {}

/** RevOps marks a template fix done (or clears it with doneOn = null); a fix date in the future is refused. */
export async function markTemplateFix(
  open: OpenDatabase,
  actor: { email: string },
  input: { topic: string; doneOn: string | null; now?: Date },
): Promise<void> {
  const [category, source, topic] = input.topic.split("|");
  if (!(CATEGORIES as readonly string[]).includes(category) || !source || !topic)
    throw new TemplateFixError(
      "This template-fix candidate no longer exists. Reload the page to see the current ones.",
    );
  let done: string | null = null;
  if (input.doneOn) {
    try {
      done = parseDate(input.doneOn);
    } catch {
      throw new TemplateFixError(`“${input.doneOn}” is not a date: pick one, or type it as YYYY-MM-DD.`);
    }
    if (done && done > (input.now ?? new Date()).toISOString().slice(0, 10)) {
      throw new TemplateFixError(
        "The fix date is in the future: mark the fix done once the template has actually changed.",
      );
    }
  }
  await inTransaction(open, async (tx, conn) => {
    await tx.deleteFrom("template_fixes").where("topic", "=", input.topic).execute();
    if (done)
      await tx
        .insertInto("template_fixes")
        .values({ topic: input.topic, done_on: done, marked_by: actor.email, marked_at: new Date() })
        .execute();
    await appendAudit(tx, conn, [
      {
        actor: actor.email,
        action: done ? "template_fix.done" : "template_fix.cleared",
        entity: "template_fix",
        entityId: input.topic,
        detail: { done_on: done },
      },
    ]);
  });
}

// ── Template fixes as proposals ───────────────────────────
// A gap accepted in N packets within M days (Settings) is proposed as a template change with its examples. RevOps
// accepts or dismisses it; a dismissed gap is raised again only once new packets add to it; a one-off packet can be
// excluded from a gap (it stops counting for it everywhere, the recommendation included); a fix marked done shows
// before / after with packet counts and can be reopened.

export type ProposalState = "proposed" | "accepted" | "done" | "dismissed" | "watching";

export async function templateProposals(open: OpenDatabase, today = new Date()) {
  const [topics, settings, decisions] = await Promise.all([
    templateTopics(open, undefined, today),
    getPilotSettings(open.db),
    open.db.selectFrom("template_proposals").select(["topic", "decided_by", "decided_at"]).execute(),
  ]);
  const byTopic = new Map(decisions.map((d) => [d.topic, d]));
  const n = settings.thresholds.topic_packets_fix;
  return {
    threshold: { packets: n, days: settings.thresholds.topic_days_fix },
    topics: topics.map((t) => {
      const d = byTopic.get(t.key);
      const newSinceDismissal = t.proposal_status === "dismissed" ? t.packets - (t.packets_at_decision ?? 0) : 0;
      const state: ProposalState = t.done_on
        ? "done"
        : t.proposal_status === "accepted"
          ? "accepted"
          : t.dismissed
            ? "dismissed"
            : t.recent_packets >= n
              ? "proposed"
              : "watching";
      return {
        ...t,
        state,
        decision:
          d && t.proposal_status
            ? {
                status: t.proposal_status,
                by: d.decided_by,
                at: new Date(d.decided_at).toISOString(),
                packets: t.packets_at_decision ?? 0,
              }
            : null,
        newSinceDismissal: Math.max(0, newSinceDismissal),
      };
    }),
  };
}

const topicKey = z.string().min(3).max(500);
const ProposalForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["accept", "dismiss", "reopen"]), topic: topicKey }),
  z.object({ intent: z.literal("exclude"), topic: topicKey, deal_id: z.string().min(1).max(200) }),
  z.object({ intent: z.literal("done"), topic: topicKey, done_on: z.string().max(40).optional().default("") }),
]);

/** One form post of the template-fix page (the route has checked the role); returns what happened, in words. */
export async function templateAction(
  open: OpenDatabase,
  actor: { email: string },
  form: FormData,
  now = new Date(),
): Promise<string> {
  const parsed = ProposalForm.safeParse(
    Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""])),
  );
  if (!parsed.success)
    throw new TemplateFixError("That action is not available on this page. Reload the page and try again.");
  const f = parsed.data;
  const topic = (await templateTopics(open, undefined, now)).find((t) => t.key === f.topic);
  if (!topic)
    throw new TemplateFixError(
      "This template-fix candidate no longer exists. Reload the page to see the current ones.",
    );
  const name = `“${topic.topic}” (${topic.category.replace(/_/g, " ")} in ${topic.source.replace(/_/g, " ")})`;
  if (f.intent === "done") {
    if (!f.done_on) throw new TemplateFixError("Pick the date the template was changed.");
    await markTemplateFix(open, actor, { topic: f.topic, doneOn: f.done_on, now });
    await decide(open, actor, f.topic, "accepted", topic.packets, null, now);
    return `The fix for ${name} is marked done.`;
  }
  if (f.intent === "reopen") {
    await markTemplateFix(open, actor, { topic: f.topic, doneOn: null, now });
    await decide(open, actor, f.topic, "accepted", topic.packets, "template_fix.reopened", now);
    return `The fix for ${name} is reopened: it is accepted and waiting for its template change.`;
  }
  if (f.intent === "exclude") {
    if (!topic.examples.some((e) => e.deal_id === f.deal_id) && !(await dealHasTopic(open, f.topic, f.deal_id)))
      throw new TemplateFixError("That packet is not part of this gap. Reload the page to see its current packets.");
    await inTransaction(open, async (tx, conn) => {
      await tx
        .insertInto("template_exclusions")
        .values({ topic: f.topic, deal_id: f.deal_id, excluded_by: actor.email, excluded_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await appendAudit(
        tx,
        conn,
        [
          {
            actor: actor.email,
            action: "template_proposal.excluded",
            entity: "template_fix",
            entityId: f.topic,
            detail: { deal_id: f.deal_id },
          },
        ],
        now,
      );
    });
    return `Packet ${f.deal_id} no longer counts for ${name}.`;
  }
  await decide(open, actor, f.topic, f.intent === "accept" ? "accepted" : "dismissed", topic.packets, null, now);
  return f.intent === "accept"
    ? `The template change for ${name} is accepted.`
    : `${name} is dismissed: it is raised again only when new packets add to its ${topic.packets}.`;
}

async function dealHasTopic(open: OpenDatabase, key: string, dealId: string): Promise<boolean> {
  const [category, source, topic] = key.split("|");
  const row = await open.db
    .selectFrom("flags")
    .select("flag_id")
    .where("deal_id", "=", dealId)
    .where("category", "=", category)
    .where("source", "=", source)
    .where(sql<string>`coalesce(topic, 'other')`, "=", topic)
    .where("state", "=", "active")
    .executeTakeFirst();
  return Boolean(row);
}

async function decide(
  open: OpenDatabase,
  actor: { email: string },
  key: string,
  status: "accepted" | "dismissed",
  packets: number,
  action: string | null,
  now: Date,
) {
  await inTransaction(open, async (tx, conn) => {
    await tx.deleteFrom("template_proposals").where("topic", "=", key).execute();
    await tx
      .insertInto("template_proposals")
      .values({ topic: key, status, packets_at_decision: packets, decided_by: actor.email, decided_at: now })
      .execute();
    await appendAudit(
      tx,
      conn,
      [
        {
          actor: actor.email,
          action: action ?? `template_proposal.${status}`,
          entity: "template_fix",
          entityId: key,
          detail: { packets },
        },
      ],
      now,
    );
  });
}
