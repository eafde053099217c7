import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markTemplateFix, TemplateFixError } from "../../../app/core/analytics/template-fixes.server";
import { tempDb } from "../../helpers/db";

let db: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => (db = await tempDb()));
afterAll(() => db.dispose());

const now = new Date("2026-06-10T12:00:00Z");
const topic = "timeline_assumption|kickoff_note|go-live date";

describe("marking a template fix", () => {
  it("refuses a fix date in the future, in words, and stores nothing", async () => {
    await expect(markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "2026-06-11", now })).rejects.toThrow(/in the future/);
    expect(await db.db.selectFrom("template_fixes").selectAll().execute()).toEqual([]);
  });
  it("takes today or an earlier date", async () => {
    await markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "2026-06-10", now });
    expect((await db.db.selectFrom("template_fixes").select("done_on").execute()).map((r) => new Date(r.done_on as unknown as string).toISOString().slice(0, 10))).toEqual(["2026-06-10"]);
  });
  it("says what to do with an unknown topic or a bad date", async () => {
    await expect(markTemplateFix(db, { email: "r@x" }, { topic: "bad", doneOn: null, now })).rejects.toBeInstanceOf(TemplateFixError);
    await expect(markTemplateFix(db, { email: "r@x" }, { topic, doneOn: "someday", now })).rejects.toThrow(/is not a date: pick one/);
  });
});
