import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedFailure = { status: number; headers?: Record<string, string> };

/**
 * A proxy in front of the fake Slack that answers the next calls to a Web API method with scripted
 * HTTP failures (429 with Retry-After, 5xx), then lets them through, or never answers a method at all;
 * it notes when each attempt came.
 */
export type FlakySlack = {
  apiUrl: string;
  failNext(method: string, ...failures: ScriptedFailure[]): void;
  /** From now on, calls to `method` are taken and never answered. */
  stall(method: string): void;
  /** When each call to `method` arrived (ms since the epoch), failed ones included. */
  attempts(method: string): number[];
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFlakySlack(upstreamApiUrl: string): Promise<FlakySlack> {
  const scripts = new Map<string, ScriptedFailure[]>();
  const arrivals = new Map<string, number[]>();
  const stalled = new Set<string>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const method = (request.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    arrivals.set(method, [...(arrivals.get(method) ?? []), Date.now()]);
    if (stalled.has(method)) return;
    const failure = scripts.get(method)?.shift();
    if (failure) {
      response.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
      response.end(JSON.stringify({ ok: false, error: `http_${failure.status}` }));
      return;
    }
    const upstream = await fetch(`${upstreamApiUrl}${method}`, {
      method: "POST",
      headers: { "content-type": request.headers["content-type"] ?? "application/x-www-form-urlencoded" },
      body,
    });
    response.writeHead(upstream.status, { "content-type": "application/json" });
    response.end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    failNext: (method, ...failures) => scripts.set(method, [...(scripts.get(method) ?? []), ...failures]),
    stall: (method) => stalled.add(method),
    attempts: (method) => arrivals.get(method) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
