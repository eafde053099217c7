// The dashboard's Express app: static assets, security headers, the CSRF guard, the CLI hand-off, then Remix.
import path from "node:path";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { AppContext } from "../app/core/app/context.server";
import { ORIGIN_REFUSED, sameOrigin } from "../app/core/auth/origin";
import { PERMISSIONS_POLICY } from "../app/permissions-policy";
import { batchHandoff } from "./batch-handoff.server";

/** The request pipeline for one app context; `token` is the bearer token the CLI hands its jobs over with. */
export function httpApp(opts: { app: AppContext; build: ServerBuild; root: string; dbPath: string; token: string }) {
  const { app, build, root } = opts;
  const server = express();
  server.disable("x-powered-by");
  server.use(compression({ level: 1 })); // fast: pages are mostly server-rendered text
  server.use(
    "/assets",
    express.static(path.join(root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }),
  );
  server.use(express.static(path.join(root, "build", "client"), { maxAge: "1h" }));
  server.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
  // CSRF before Remix: a state-changing request from another origin (or Origin: null) gets a 403 with a message,
  // never Remix's own 500 for an Origin that does not match the host (the actions check again themselves)
  server.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.path === "/internal/batch")
      return next();
    const url = `${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`;
    if (sameOrigin({ url, header: (n) => req.get(n) ?? null })) return next();
    res.status(403).type("text/plain").send(ORIGIN_REFUSED);
  });
  server.post("/internal/batch", express.json({ limit: "64kb" }), batchHandoff(app, opts.dbPath, opts.token));
  server.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV ?? "production",
      getLoadContext: (req) => ({ app, clientAddress: req.socket.remoteAddress ?? "" }),
    }),
  );
  return server;
}
