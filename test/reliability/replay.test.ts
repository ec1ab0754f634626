import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "../../src/slack/action-values.js";
import { buttons, visibleText } from "../slack/harness.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
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
import { type Instance, postsTo, sleep, startInstance } from "./support/service.js";

/**
 * A signed request delivered again, byte for byte, within the five minutes its signature is valid (a
 * replay, or Slack retrying): the second delivery is acknowledged and does nothing, whatever the surface.
 */
const SUMMARY =
  "Eight years in media relations and communication at a PR agency, pitching national journalists and leading a team of five.";

let db: TestDatabase;
let fake: FakeSlack;
let bot: Instance;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
  bot = await startInstance({ db, slackApiUrl: fake.apiUrl });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.dispose();
});

/** Sends the same bytes, with the same timestamp and signature, `times` times. */
async function deliver(body: string, times: number, contentType?: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    timestamp,
    signature: signature(SIGNING_SECRET, timestamp, body),
    ...(contentType ? { contentType } : {}),
  };
  const replies = [];
  for (let i = 0; i < times; i++) {
    const response = await postSigned(bot.endpoint, body, headers);
    replies.push({ status: response.status, text: await response.text() });
  }
  return replies;
}

const assessments = () => db.prisma.assessment.count();

describe("a replayed signed request", () => {
  it("/profile fit: one assessment, one answer", async () => {
    const before = await assessments();
    const responseUrl = fake.responseUrl();
    const body = commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl });
    const [first, second, third] = await deliver(body, 3);
    expect(first?.status).toBe(200);
    expect(visibleText(JSON.parse(first?.text ?? "{}").blocks)).toContain("Assessing the candidate");
    // Each delivery is acknowledged before the store is asked; only the first goes on.
    expect([second?.status, third?.status]).toEqual([200, 200]);
    await fake.waitFor(() => postsTo(fake, responseUrl).length > 0);
    await sleep(300);
    expect(postsTo(fake, responseUrl)).toHaveLength(1);
    expect(await assessments()).toBe(before + 1);
  });

  it("delivered to the same instance twice at once: one assessment, one answer", async () => {
    const before = await assessments();
    const responseUrl = fake.responseUrl();
    const body = commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = { timestamp, signature: signature(SIGNING_SECRET, timestamp, body) };
    await Promise.all([postSigned(bot.endpoint, body, signed), postSigned(bot.endpoint, body, signed)]);
    await fake.waitFor(() => postsTo(fake, responseUrl).length > 0);
    await sleep(300);
    expect(postsTo(fake, responseUrl)).toHaveLength(1);
    expect(await assessments()).toBe(before + 1);
  });

  it("an app mention: one assessment, one reply in the thread", async () => {
    const before = await assessments();
    const posted = () => fake.callsTo("chat.postMessage").filter((call) => call.args.thread_ts === "7.7");
    const body = eventBody(
      {
        type: "app_mention",
        user: "U1",
        text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
        ts: "7.7",
        channel: "C1",
      },
      "Ev-replayed-mention",
    );
    const replies = await deliver(body, 2, "application/json");
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
    await fake.waitFor(() => posted().length > 0);
    await sleep(300);
    expect(posted()).toHaveLength(1);
    expect(await assessments()).toBe(before + 1);
  });

  it("a submitted fit form: one assessment, one answer", async () => {
    const before = await assessments();
    const responseUrl = fake.responseUrl();
    const library = await bot.deps.library();
    const profile = library.profiles.find((p) => p.title === "Media Relations Specialist");
    const payload = {
      type: "view_submission",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", name: "recruiter", team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger-replayed-view",
      view: {
        id: "V-replayed",
        type: "modal",
        callback_id: "fit_modal",
        private_metadata: encode({ source: "command", channel: "C1", responseUrl, profileId: profile?.id }),
        state: { values: { summary: { summary_input: { type: "plain_text_input", value: SUMMARY } } } },
      },
    };
    await deliver(interactionBody(payload), 2);
    await fake.waitFor(() => postsTo(fake, responseUrl).length > 0);
    await sleep(300);
    expect(postsTo(fake, responseUrl)).toHaveLength(1);
    expect(await assessments()).toBe(before + 1);
  });

  it("a profile chosen in a picker: one assessment, one answer", async () => {
    const commandUrl = fake.responseUrl();
    const picker = await postSigned(
      bot.endpoint,
      commandBody({ text: `fit Relations Boss: ${SUMMARY}`, responseUrl: commandUrl }),
    );
    const choice = buttons((await picker.json()).blocks).find((b) => b.action_id === "choose_profile");
    expect(choice).toBeDefined();
    const before = await assessments();
    const responseUrl = fake.responseUrl();
    const press = buttonPress({ button: choice as { action_id: string; value: string }, responseUrl });
    await deliver(interactionBody(press), 2);
    await fake.waitFor(() => postsTo(fake, responseUrl).length >= 2);
    await sleep(300);
    // The interim "Assessing…" and the result replacing it, once.
    expect(postsTo(fake, responseUrl)).toHaveLength(2);
    expect(await assessments()).toBe(before + 1);
  });

  it("is told apart from a new request, which is answered", async () => {
    const responseUrl = fake.responseUrl();
    const again = await deliver(commandBody({ text: "Marketing Manager", responseUrl }), 1);
    expect(JSON.parse(again[0]?.text ?? "{}").blocks[0].text.text).toBe("Marketing Manager");
  });

  it("names itself in the request log, once per delivery", () => {
    const lines = bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === "request");
    // The mention, the form and the button; a command's listener claims its request itself.
    expect(requests.filter((line) => line.outcome === "duplicate").length).toBeGreaterThanOrEqual(3);
    for (const line of requests) expect(line.requestId).toEqual(expect.any(String));
  });
});

describe("a command longer than any request the bot serves", () => {
  it("is refused with the limit, and nothing runs", async () => {
    const before = await assessments();
    const response = await postSigned(
      bot.endpoint,
      commandBody({
        text: `fit Media Relations Specialist: ${SUMMARY.repeat(200)}`,
        responseUrl: fake.responseUrl(),
      }),
    );
    const text = visibleText((await response.json()).blocks);
    expect(text).toMatch(/That command is [\d,]+ characters long; the limit is 21,000/);
    expect(await assessments()).toBe(before);
  });
});
