// The dashboard bench phase: the built server as `npm start` runs it (through tsx), 10 concurrent clients per page.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { startServer } from "../server/app.server";
import { PROJECT_ROOT } from "../app/core/db/db.server";
import { addUser } from "../app/core/auth/users.server";
import { warmAnalytics } from "../app/core/dashboard.server";

const [, , dbPath] = process.argv.slice(2);
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const srv = await startServer({
  root: PROJECT_ROOT,
  serverBuild: path.join(PROJECT_ROOT, "build/server/index.js"),
  port: 0,
  dbPath,
  quiet: true,
});
await addUser(srv.app.open, { email: "bench@x.test", role: "leadership", password: "bench-password" });
const login = await fetch(`${srv.url}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { Origin: srv.url, "Content-Type": "application/x-www-form-urlencoded" },
  body: "email=bench%40x.test&password=bench-password",
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
const deal = (
  await sql<{ d: string }>`SELECT deal_id AS d FROM packets ORDER BY deal_id LIMIT 1 OFFSET 500`.execute(
    srv.app.open.db,
  )
).rows[0].d;
const out: Record<string, string> = {};
// steady state: the server's own background refresh of its analytics (awaited here, so the clients below do not
// race it), then one request per page
await warmAnalytics(srv.app.open);
for (const p of ["/pilot", "/fields", "/packets", `/packets/${deal}`])
  await (await fetch(`${srv.url}${p}`, { headers: { Cookie: cookie } })).arrayBuffer();
for (const p of ["/pilot", "/fields", "/packets", `/packets/${deal}`]) {
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  let next = 0;
  const total = 60;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const r = await fetch(`${srv.url}${p}`, { headers: { Cookie: cookie } });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
        times.push(performance.now() - t);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  // CPU per request (server and the in-process clients): comparable on a shared, noisy machine
  out[p.startsWith("/packets/") ? "/packets/:dealId" : p] =
    `p50 ${times[Math.floor(times.length / 2)].toFixed(0)} ms · ` +
    `p95 ${times[Math.floor(times.length * 0.95)].toFixed(0)} ` +
    `ms · CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(1)} ` +
    `ms/request (${times.length} requests)`;
}
await srv.close();
emit(out);
process.exit(0);
