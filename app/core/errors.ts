// What a caught value says: `catch (e)` gives `unknown`, and not everything thrown is an Error.

/** A thrown value's message, or the value itself when it has none. */
export function errorMessage(e: unknown): string {
  return String(typeof e === "object" && e !== null && "message" in e && e.message != null ? e.message : e);
}
