// Input at the edge: query strings and form posts are parsed with zod before a loader or action uses them, and
// bad input is a 400 with a message for the person, never a 500 (issue 13 #13, #19).
import { z } from "zod";

/** The largest page number any list accepts (50 rows a page: far beyond any table here). */
export const MAX_PAGE = 100_000;

/** `?page=`: absent is page 1; anything but a whole number from 1 to MAX_PAGE is refused. */
export const PageSchema = z
  .string()
  .regex(/^\d{1,6}$/, `The page number must be a whole number from 1 to ${MAX_PAGE.toLocaleString("en-US")}.`)
  .transform(Number)
  .refine(
    (n) => n >= 1 && n <= MAX_PAGE,
    `The page number must be a whole number from 1 to ${MAX_PAGE.toLocaleString("en-US")}.`,
  );

/** The first problem of a failed parse, as one sentence (custom messages are written for the reader). */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request could not be read.";
  // zod's own wording ("Invalid input: expected string, received undefined") is for developers
  if (issue.code === "invalid_type")
    return "Part of the form was missing or could not be read. Reload the page and try again.";
  return issue.message;
}

const bad = (message: string) =>
  new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The page a list asks for (`?page=`), or a thrown 400 saying what a page number must be. */
export function pageParam(q: URLSearchParams): number {
  const raw = q.get("page");
  if (raw === null || raw === "") return 1;
  const r = PageSchema.safeParse(raw.trim());
  if (!r.success) throw bad(firstProblem(r.error));
  return r.data;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; error: string; field: string | null };

/**
 * A form post parsed with a zod object schema (each field read as text, missing fields as absent). On bad input the
 * first problem and its field are returned for the action to show (status 400), never thrown as a 500.
 */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in raw)) raw[k] = v;
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, data: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: firstProblem(r.error), field: issue?.path.length ? String(issue.path[0]) : null };
}

/** Like parseForm, for actions with nowhere to show the error: a thrown 400 with the message. */
export function requireForm<S extends z.ZodType>(form: FormData, schema: S): z.output<S> {
  const r = parseForm(form, schema);
  if (!r.ok) throw bad(r.error);
  return r.data;
}
