// The CSRF origin check, one rule for the Remix actions (session.server.ts) and the HTTP server in front of them
// (server/app.server.ts, so a forged Origin is a 403 before Remix's own check can turn it into a 500).
import { readEnv } from "../env.server";

export interface OriginInput {
  /** the URL the request reached (its scheme counts) */
  url: string;
  header(name: string): string | null | undefined;
  /** PT_TRUST_PROXY=1: X-Forwarded-Host and X-Forwarded-Proto are the proxy's word for the browser's origin */
  trustProxy?: boolean;
}

const first = (v: string | null | undefined) => v?.split(",")[0].trim() || null;

/** This server's origin as the browser sees it: scheme and host (forwarded ones only from a trusted proxy). */
export function expectedOrigin(i: OriginInput): string {
  const url = new URL(i.url);
  const trust = i.trustProxy ?? readEnv().PT_TRUST_PROXY;
  const host = (trust && first(i.header("x-forwarded-host"))) || i.header("host") || url.host;
  const scheme = (trust && first(i.header("x-forwarded-proto"))) || url.protocol.replace(/:$/, "");
  return `${scheme}://${host}`.toLowerCase();
}

/**
 * Whether a state-changing request comes from our own origin — same scheme and host (and port). The Origin header
 * decides, else the Referer's origin; none, `null` or anything unparseable is refused.
 */
export function sameOrigin(i: OriginInput): boolean {
  let origin = i.header("origin") ?? null;
  if (origin === null) {
    const referer = i.header("referer");
    if (referer) {
      try {
        origin = new URL(referer).origin;
      } catch {
        origin = "null";
      }
    }
  }
  return Boolean(origin) && origin!.toLowerCase() === expectedOrigin(i);
}

export const ORIGIN_REFUSED = "Forbidden: this form was posted from another site (origin check failed).";
