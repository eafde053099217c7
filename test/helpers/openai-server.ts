import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCall {
  body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown };
}

/**
 * A loopback HTTP server that speaks the Chat Completions protocol. `respond` decides each answer:
 * a JSON content string, or a raw { status, headers, body } / "hang".
 */
export async function fakeOpenAI(
  respond: (
    call: FakeCall,
    n: number,
  ) => string | { status: number; headers?: Record<string, string>; body: string } | "hang",
) {
  const calls: FakeCall[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      const call = { body: JSON.parse(raw) } as FakeCall;
      calls.push(call);
      const out = respond(call, calls.length);
      if (out === "hang") return; // never answers
      if (typeof out !== "string") {
        res.writeHead(out.status, { "content-type": "application/json", ...(out.headers ?? {}) }).end(out.body);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: `chatcmpl-${calls.length}`,
          object: "chat.completion",
          created: 1,
          model: call.body.model,
          choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: out } }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }),
      );
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    calls,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
