import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { eventBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { type FlakySlack, startFlakySlack } from "./support/flaky-slack.js";
import { type Instance, sleep, startInstance } from "./support/service.js";

/** Slack's Web API answering 429 with Retry-After, or 5xx: the call is made again, as Slack advises. */
const SUMMARY = "Seven years in media relations, pitching national journalists and writing press releases.";

let db: TestDatabase;
let fake: FakeSlack;
let flaky: FlakySlack;
let bot: Instance;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
  flaky = await startFlakySlack(fake.apiUrl);
  bot = await startInstance({ db, slackApiUrl: flaky.apiUrl });
});
afterAll(async () => {
  await bot?.stop();
  await flaky?.close();
  await fake?.close();
  await db?.dispose();
});

async function mention(ts: string) {
  const body = eventBody(
    {
      type: "app_mention",
      user: "U1",
      text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
      ts,
      channel: "C1",
    },
    `Ev-retry-${ts}`,
  );
  expect((await postSigned(bot.endpoint, body, { contentType: "application/json" })).status).toBe(200);
  const replies = () => fake.callsTo("chat.postMessage").filter((call) => call.args.thread_ts === ts);
  await fake.waitFor(() => replies().length > 0, 30_000);
  await sleep(200);
  return replies();
}

describe("the Web API rate-limiting or failing", () => {
  it("429 with Retry-After: 1, then ok: posted once, no sooner than a second later", async () => {
    const before = flaky.attempts("chat.postMessage").length;
    flaky.failNext("chat.postMessage", { status: 429, headers: { "retry-after": "1" } });
    expect(await mention("4.29")).toHaveLength(1);
    const attempts = flaky.attempts("chat.postMessage").slice(before);
    expect(attempts).toHaveLength(2);
    expect((attempts[1] as number) - (attempts[0] as number)).toBeGreaterThanOrEqual(1_000);
  });

  it("503, then ok: posted once", async () => {
    const before = flaky.attempts("chat.postMessage").length;
    flaky.failNext("chat.postMessage", { status: 503 });
    expect(await mention("5.03")).toHaveLength(1);
    expect(flaky.attempts("chat.postMessage").slice(before)).toHaveLength(2);
  });

  it("logs the wait, and nothing of the message", () => {
    const all = bot.logs.join("");
    expect(all).toContain("rate limiting");
    expect(all).not.toContain("journalists");
  });
});
