import type { AppContext } from "./core/app/context.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    app: AppContext;
  }
}
