// Sign-in rate limit: failed attempts only, counted per account and per client address separately. A correct
// password never counts, so people who sign in often are never locked out by their own successes; a burst of
// wrong passwords locks that account (whatever the address) and that address (whatever the account) for a while.
import { readEnv } from "../env.server";

export interface LoginLimits {
  windowMs: number;
  /** failed attempts per account within the window before it is locked */
  perAccount: number;
  /** failed attempts per client address within the window before it is locked */
  perAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60 * 1000, perAccount: 10, perAddress: 50 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Whether an attempt may be checked at all: null when allowed, else which limit blocks it. */
  blocked(account: string, address: string, now = Date.now()): "account" | "address" | null {
    if (this.recent(`a:${account}`, now).length >= this.limits.perAccount) return "account";
    if (this.recent(`ip:${address}`, now).length >= this.limits.perAddress) return "address";
    return null;
  }

  /** Counts one wrong password (or unknown account) against both the account and the address. */
  fail(account: string, address: string, now = Date.now()): void {
    for (const key of [`a:${account}`, `ip:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** A correct password clears the account's failures (not the address's: one good account must not unlock it). */
  succeed(account: string): void {
    this.failures.delete(`a:${account}`);
  }
}

/**
 * The client address: the socket's, or with a trusted reverse proxy in front (PT_TRUST_PROXY=1) the address that
 * proxy appended last to X-Forwarded-For. Without the setting the header is ignored: anyone can write it.
 */
export function clientAddress(
  headers: Headers,
  socketAddress: string | undefined,
  trustProxy = readEnv().PT_TRUST_PROXY,
): string {
  if (trustProxy) {
    const hops = (headers.get("X-Forwarded-For") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return socketAddress || "unknown";
}

/** The server-wide limiter (in memory: a restart forgets failures, which only ever loosens the limit). */
export const loginLimiter = new LoginLimiter();
