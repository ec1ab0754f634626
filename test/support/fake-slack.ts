/**
 * A stand-in for Slack on an ephemeral loopback port: the Web API the app's client calls (at /api/) and
 * the response_urls Slack hands out (at /response/…). It records every call and answers the methods the
 * app uses; any other method gets `ok: false, unknown_method`, so an unexpected call shows in a test.
 * Also builds signed requests as Slack sends them, to drive the app's real HTTP receiver.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WebApiCall = { method: string; args: Record<string, unknown> };
export type ResponseUrlPost = { path: string; body: Record<string, unknown> };

export type FakeSlack = {
  /** For `clientOptions.slackApiUrl` / SLACK_API_URL: ends in /api/. */
  apiUrl: string;
  /** A fresh response_url served by this fake. */
  responseUrl(): string;
  calls: WebApiCall[];
  responsePosts: ResponseUrlPost[];
  callsTo(method: string): WebApiCall[];
  /** Makes the next calls to `method` fail with Slack's `error`. */
  failNext(method: string, error: string): void;
  /** Who `usergroups.users.list` says is in a user group; unknown groups get `no_such_subteam`. */
  userGroups: Map<string, string[]>;
  /** Resolves once `predicate` holds (checked as calls arrive), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export const BOT_USER_ID = "UBOT";

/** Slack sends nested fields (blocks, view…) as JSON strings inside form-encoded bodies. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: WebApiCall[] = [];
  const responsePosts: ResponseUrlPost[] = [];
  const failures = new Map<string, string>();
  const userGroups = new Map<string, string[]>();
  const waiters = new Set<() => void>();
  let sequence = 0;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    sequence += 1;
    const ts = `1700000000.${String(sequence).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://example.slack.com/",
          team: "Test",
          team_id: "T1",
          user: "competency-bot",
          user_id: BOT_USER_ID,
          bot_id: "BBOT",
        };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts, message: { ...args, ts } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "usergroups.users.list": {
        const users = userGroups.get(String(args.usergroup));
        return users ? { ok: true, users } : { ok: false, error: "no_such_subteam" };
      }
      case "views.open":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${sequence}`, ...(args.view as object) } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    let reply: Record<string, unknown>;
    if (path.startsWith("/api/")) {
      const method = path.slice("/api/".length);
      const args = parseArgs(raw, request.headers["content-type"]);
      calls.push({ method, args });
      reply = answer(method, args);
    } else if (path.startsWith("/response/")) {
      responsePosts.push({ path, body: parseArgs(raw, request.headers["content-type"]) });
      reply = { ok: true };
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseUrls = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/response/${++responseUrls}`,
    calls,
    responsePosts,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext: (method, error) => failures.set(method, error),
    userGroups,
    waitFor(predicate, timeoutMs = 10_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (!predicate()) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const SIGNING_SECRET = "test-signing-secret";

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export type SignedOptions = {
  secret?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Replaces the computed signature (null: no signature header at all). */
  signature?: string | null;
  retryNum?: number;
  contentType?: string;
};

/** POSTs `body` to the app's Slack endpoint, signed as Slack signs it. */
export async function postSigned(
  endpoint: string,
  body: string,
  options: SignedOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
  };
  const signed =
    options.signature === undefined
      ? signature(options.secret ?? SIGNING_SECRET, timestamp, body)
      : options.signature;
  if (signed !== null) headers["x-slack-signature"] = signed;
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  return fetch(endpoint, { method: "POST", headers, body });
}

let triggers = 0;

export type CommandOptions = {
  text: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
  triggerId?: string;
};

/** A `/profile` slash command body, form-encoded. */
export function commandBody(options: CommandOptions): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "test",
    channel_id: options.channelId ?? "C1",
    channel_name: "hiring",
    user_id: options.userId ?? "U1",
    user_name: "recruiter",
    command: "/profile",
    text: options.text,
    api_app_id: "A1",
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? `trigger-${++triggers}`,
  }).toString();
}

/** An interactivity payload (block_actions, view_submission, message_action, block_suggestion), form-encoded. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback, as JSON. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: BOT_USER_ID, is_bot: true }],
    event,
  });
}

/** A block_actions payload for pressing `button` (as found in blocks) in a message. */
export function buttonPress(options: {
  button: { action_id: string; value?: string };
  userId?: string;
  responseUrl: string;
  ephemeral?: boolean;
  channelId?: string;
}): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: "T1", domain: "test" },
    user: { id: options.userId ?? "U1", username: "recruiter", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${++triggers}`,
    response_url: options.responseUrl,
    container: {
      type: "message",
      message_ts: "1700000000.000001",
      channel_id: options.channelId ?? "C1",
      is_ephemeral: options.ephemeral ?? true,
    },
    channel: { id: options.channelId ?? "C1", name: "hiring" },
    actions: [
      {
        type: "button",
        block_id: "b1",
        action_id: options.button.action_id,
        value: options.button.value,
        action_ts: "1700000000.1",
      },
    ],
  };
}
