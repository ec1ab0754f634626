import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp } from "../../src/slack/app.js";
import { createLogger } from "../../src/slack/logger.js";
import { slackConfig, slackDepsOver } from "../slack/harness.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { eventBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";
import { type FlakySlack, startFlakySlack } from "./support/flaky-slack.js";
import { sleep } from "./support/service.js";

/**
 * Slack's Web API taking a call and never answering: each attempt is abandoned at the timeout, the call
 * is tried again as many times as the policy allows, then given up on, and the failure is logged. The
 * policy here is the production one shortened (WEB_API_POLICY: 10 s per attempt, five retries).
 */
const POLICY = { timeout: 300, retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 100 } };
const SUMMARY = "Seven years in media relations, pitching national journalists and writing press releases.";

let db: TestDatabase;
let fake: FakeSlack;
let stalling: FlakySlack;
let app: App;
let endpoint: string;
const logs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
  stalling = await startFlakySlack(fake.apiUrl);
  stalling.stall("chat.postMessage");
  app = createSlackApp({
    slack: { ...slackConfig(fake), apiUrl: stalling.apiUrl },
    deps: await slackDepsOver(db, [marketingFramework()]),
    healthy: () => db.ping(),
    port: 0,
    logger: createLogger("info", (line) => logs.push(line)),
    webApiPolicy: POLICY,
  });
  const server = (await app.start(0)) as Server;
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  await app?.stop();
  await stalling?.close();
  await fake?.close();
  await db?.dispose();
});

async function waitForLog(text: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!logs.join("").includes(text)) {
    if (Date.now() > deadline) throw new Error(`no log line with "${text}" within ${timeoutMs} ms`);
    await sleep(20);
  }
  return Date.now();
}

describe("the Web API never answering", () => {
  it("each attempt is abandoned at the timeout, retried as the policy says, then given up on and logged", async () => {
    const body = eventBody(
      {
        type: "app_mention",
        user: "U1",
        text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
        ts: "9.99",
        channel: "C1",
      },
      "Ev-timeout",
    );
    expect((await postSigned(endpoint, body, { contentType: "application/json" })).status).toBe(200);

    const gaveUpAt = await waitForLog("Unhandled error in a listener", 10_000);
    const attempts = [...stalling.attempts("chat.postMessage")];
    expect(attempts).toHaveLength(1 + POLICY.retryConfig.retries);
    for (let i = 1; i < attempts.length; i += 1) {
      // Each retry only after the previous attempt's timeout and the pause between attempts.
      expect((attempts[i] as number) - (attempts[i - 1] as number)).toBeGreaterThanOrEqual(POLICY.timeout);
    }
    expect(gaveUpAt - (attempts[0] as number)).toBeGreaterThanOrEqual(3 * POLICY.timeout);
    expect(gaveUpAt - (attempts[0] as number)).toBeLessThan(5_000);
    expect(logs.join("")).toContain("slack_webapi_request_error");
    expect(logs.join("")).not.toContain("journalists");

    await sleep(3 * POLICY.timeout);
    expect(stalling.attempts("chat.postMessage")).toHaveLength(attempts.length);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
