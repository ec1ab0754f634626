/**
 * A stand-in for the OpenAI API on an ephemeral loopback port, for the real `openai` client to talk to.
 * It records every request and answers chat completions as the test scripts; any other endpoint gets a
 * loud 404, so a request the code should not make shows up in the test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body. */
  body: ChatRequestBody;
};

export type ChatRequestBody = {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_completion_tokens?: number;
  store?: boolean;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
};

export type FakeReply =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "raw"; status: number; text: string; contentType: string }
  /** Never answers: the client's timeout has to end the request. */
  | { kind: "hang" };

/** Decides the reply to the n-th chat completion request (0-based). */
export type FakeScript = (request: RecordedRequest, index: number) => FakeReply;

export type FakeOpenAi = {
  /** The base URL to give the client, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  script(script: FakeScript): void;
  close(): Promise<void>;
};

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  let script: FakeScript = () => {
    throw new Error("fake OpenAI: no reply scripted for this test");
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? "";
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      send(res, {
        kind: "json",
        status: 404,
        body: { error: { message: `fake OpenAI: unexpected ${req.method} ${path}` } },
      });
      return;
    }
    const request: RecordedRequest = {
      method: req.method,
      path,
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody,
    };
    requests.push(request);
    let reply: FakeReply;
    try {
      reply = script(request, requests.length - 1);
    } catch (error) {
      reply = { kind: "json", status: 400, body: { error: { message: String(error) } } };
    }
    send(res, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (reply.kind === "hang") return;
  if (reply.kind === "raw") {
    res.writeHead(reply.status, { "content-type": reply.contentType });
    res.end(reply.text);
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

/** A chat completion whose message content is `content`, as OpenAI sends it. */
export function completionReply(content: string, finishReason = "stop"): FakeReply {
  return {
    kind: "json",
    status: 200,
    body: {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "fake-model",
      choices: [
        { index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finishReason },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  };
}

/** A completion answering with this JSON value. */
export function answerReply(answer: unknown): FakeReply {
  return completionReply(JSON.stringify(answer));
}

/** An API error, as OpenAI shapes it; `retry-after-ms` keeps the client's back-off short in tests. */
export function errorReply(status: number, headers: Record<string, string> = {}): FakeReply {
  return {
    kind: "json",
    status,
    headers: { "retry-after-ms": "10", ...headers },
    body: { error: { message: `fake error ${status}`, type: "fake", code: null } },
  };
}
