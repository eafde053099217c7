import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { parseDate } from "../ingest/values";
import { CATEGORIES } from "../packet";

export class TemplateFixError extends Error {}

/** RevOps marks a template fix done (or clears it with doneOn = null); a fix date in the future is refused. */
export async function markTemplateFix(open: OpenDatabase, actor: { email: string }, input: { topic: string; doneOn: string | null; now?: Date }): Promise<void> {
  const [category, source, topic] = input.topic.split("|");
  if (!(CATEGORIES as readonly string[]).includes(category) || !source || !topic) throw new TemplateFixError("This template-fix candidate no longer exists. Reload the page to see the current ones.");
  let done: string | null = null;
  if (input.doneOn) {
    try {
      done = parseDate(input.doneOn);
    } catch {
      throw new TemplateFixError(`“${input.doneOn}” is not a date: pick one, or type it as YYYY-MM-DD.`);
    }
    if (done && done > (input.now ?? new Date()).toISOString().slice(0, 10)) {
      throw new TemplateFixError("The fix date is in the future: mark the fix done once the template has actually changed.");
    }
  }
  await inTransaction(open, async (tx, conn) => {
    await tx.deleteFrom("template_fixes").where("topic", "=", input.topic).execute();
    if (done) await tx.insertInto("template_fixes").values({ topic: input.topic, done_on: done, marked_by: actor.email, marked_at: new Date() }).execute();
    await appendAudit(tx, conn, [{ actor: actor.email, action: done ? "template_fix.done" : "template_fix.cleared", entity: "template_fix", entityId: input.topic, detail: { done_on: done } }]);
  });
}
