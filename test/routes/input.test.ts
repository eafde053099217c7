// app/input.server.ts: query pages and form posts parsed with zod at the edge; bad input is a 400 with a message.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_PAGE, pageParam, parseForm, requireForm } from "../../app/input.server";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const Schema = z.object({
  topic: z.string().trim().min(1, "Choose a topic."),
  count: z.coerce.number().int().min(1, "At least one.").default(1),
});

describe("pageParam", () => {
  it("reads absent, blank and valid pages", () => {
    expect(pageParam(new URLSearchParams())).toBe(1);
    expect(pageParam(new URLSearchParams("page="))).toBe(1);
    expect(pageParam(new URLSearchParams("page=7"))).toBe(7);
    expect(pageParam(new URLSearchParams(`page=${MAX_PAGE}`))).toBe(MAX_PAGE);
  });
  it.each(["0", "-1", "1e309", "99999999999999999999", "1.5", "abc", "0x10", "Infinity", String(MAX_PAGE + 1)])(
    "throws a 400 for page=%s",
    async (p) => {
      let thrown: unknown = null;
      try {
        pageParam(new URLSearchParams({ page: p }));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(400);
      expect(await (thrown as Response).text()).toBe("The page number must be a whole number from 1 to 100,000.");
    },
  );
});

describe("parseForm / requireForm", () => {
  it("returns the parsed fields, defaults filled, the first of a repeated field kept", () => {
    const f = form({ topic: "  Go-live date " });
    f.append("topic", "second");
    expect(parseForm(f, Schema)).toEqual({ ok: true, data: { topic: "Go-live date", count: 1 } });
  });
  it("returns the first problem and its field, for the action to show with a 400", () => {
    expect(parseForm(form({ topic: " ", count: "2" }), Schema)).toEqual({
      ok: false,
      error: "Choose a topic.",
      field: "topic",
    });
    expect(parseForm(form({ topic: "x", count: "0" }), Schema)).toEqual({
      ok: false,
      error: "At least one.",
      field: "count",
    });
  });
  it("ignores uploaded files (text fields only)", () => {
    const f = form({});
    f.append("topic", new Blob(["x"]), "x.txt");
    expect(parseForm(f, Schema)).toMatchObject({ ok: false, field: "topic" });
  });
  it("requireForm throws the 400 with the message", async () => {
    let thrown: unknown = null;
    try {
      requireForm(form({}), Schema);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).text()).toBe(
      "Part of the form was missing or could not be read. Reload the page and try again.",
    );
  });
});
