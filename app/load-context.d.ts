import type { AppContext } from "./core/app/context.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    app: AppContext;
    /** the connecting socket's address (the sign-in limiter's per-address key unless PT_TRUST_PROXY=1) */
    clientAddress?: string;
  }
}
