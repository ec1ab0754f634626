import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonLabelled, visibleText } from "../slack/harness.js";
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from "../support/database.js";
import {
  buttonPress,
  commandBody,
  eventBody,
  type FakeSlack,
  interactionBody,
  postSigned,
  SIGNING_SECRET,
  signature,
  startFakeSlack,
} from "../support/fake-slack.js";
import { anotherHandle, type Instance, postsTo, sleep, startInstance } from "./support/service.js";

/**
 * Two instances of the bot on two ports against one PostgreSQL server, as behind a load balancer: a
 * request Slack delivers again (a retry, reaching the other instance) is served once.
 */
const SUMMARY =
  "Ten years in media relations and corporate communication, pitching stories to national journalists and training spokespeople.";

describe.skipIf(!TEST_SERVER_URL)("two instances against one PostgreSQL server", () => {
  let db: TestDatabase;
  let second: TestDatabase;
  let fake: FakeSlack;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    db = await createTestDatabase();
    second = await anotherHandle(db);
    fake = await startFakeSlack();
    [a, b] = await Promise.all([
      startInstance({ db, slackApiUrl: fake.apiUrl }),
      startInstance({ db: second, slackApiUrl: fake.apiUrl }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await fake?.close();
    await second?.dispose();
    await db?.dispose();
  });

  const assessments = () => db.prisma.assessment.count();

  it("listen on two ports", () => {
    expect(a.endpoint).not.toBe(b.endpoint);
  });

  it("assess a command delivered to both at once once, and answer it once", async () => {
    for (let round = 0; round < 5; round++) {
      const before = await assessments();
      const responseUrl = fake.responseUrl();
      const body = commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl });
      const timestamp = Math.floor(Date.now() / 1000);
      const signed = { timestamp, signature: signature(SIGNING_SECRET, timestamp, body) };
      const replies = await Promise.all([
        postSigned(a.endpoint, body, signed),
        postSigned(b.endpoint, body, signed),
      ]);
      expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
      await fake.waitFor(() => postsTo(fake, responseUrl).length > 0);
      await sleep(200);
      expect(postsTo(fake, responseUrl)).toHaveLength(1);
      expect(await assessments()).toBe(before + 1);
    }
  });

  it("assess a mention once when Slack's retry reaches the other instance, during or after the first", async () => {
    for (const [round, retryDelayMs] of [0, 0, 50, 400].entries()) {
      const before = await assessments();
      const ts = `5.${round}`;
      const body = eventBody(
        {
          type: "app_mention",
          user: "U1",
          text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
          ts,
          channel: "C1",
        },
        `Ev-multi-${round}-${Date.now()}`,
      );
      const first = postSigned(a.endpoint, body, { contentType: "application/json" });
      await sleep(retryDelayMs);
      const retry = postSigned(b.endpoint, body, { contentType: "application/json", retryNum: 1 });
      expect((await Promise.all([first, retry])).map((reply) => reply.status)).toEqual([200, 200]);
      const replies = () => fake.callsTo("chat.postMessage").filter((call) => call.args.thread_ts === ts);
      await fake.waitFor(() => replies().length > 0);
      await sleep(300);
      expect(replies()).toHaveLength(1);
      expect(await assessments()).toBe(before + 1);
    }
  });

  it("each serve what the other stored: an assessment made on one is shared from the other", async () => {
    const responseUrl = fake.responseUrl();
    await postSigned(
      a.endpoint,
      commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl }),
    );
    await fake.waitFor(() => postsTo(fake, responseUrl).length > 0);
    const share = buttonLabelled(postsTo(fake, responseUrl)[0]?.body.blocks, "Share in channel");
    const url = fake.responseUrl();
    await postSigned(b.endpoint, interactionBody(buttonPress({ button: share, responseUrl: url })));
    await fake.waitFor(() => postsTo(fake, url).length > 0);
    const shared = postsTo(fake, url)[0]?.body;
    expect(shared?.response_type).toBe("in_channel");
    expect(visibleText(shared?.blocks)).toContain("Media Relations Specialist");
  });
});
