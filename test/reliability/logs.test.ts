import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessFit } from "../../src/domain/fit/index.js";
import { getProfileById } from "../../src/services/find-profile.js";
import { encode } from "../../src/slack/action-values.js";
import { buttonLabelled, buttons } from "../slack/harness.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import {
  buttonPress,
  commandBody,
  eventBody,
  type FakeSlack,
  interactionBody,
  postSigned,
  SIGNING_SECRET,
  startFakeSlack,
} from "../support/fake-slack.js";
import { type Instance, postsTo, sleep, startInstance } from "./support/service.js";

/**
 * The log of a whole fit flow, failures included, read line by line: structured, each line of a request
 * naming it, and nothing of the candidate's text or of any token in it.
 */
const SUMMARY =
  "Quillon Vantrebeck spent eight years in media relations at Zorbleth Agency, pitching stories to national journalists and coaching spokespeople.";
const PRIVATE = ["Quillon", "Vantrebeck", "Zorbleth", "spokespeople", "journalists"];
const BOT_TOKEN = "xoxb-reliability-secret-token";

let db: TestDatabase;
let fake: FakeSlack;
let bot: Instance;
const triggers: string[] = [];
let assessorCalls = 0;
/** Lines logged while starting, before any request. */
let startupLines = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack();
  bot = await startInstance({
    db,
    slackApiUrl: fake.apiUrl,
    // Every third assessment fails with an error that echoes its input, as driver and HTTP errors do.
    assessor: async (summary, profileId) => {
      assessorCalls += 1;
      if (assessorCalls % 3 === 0) throw new Error(`upstream refused: ${summary}`);
      return assessFit(summary, getProfileById(await bot.deps.library(), profileId));
    },
  });
  startupLines = bot.logs.length;
  await runFullFitFlow();
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.dispose();
});

function trigger(name: string): string {
  const id = `${name}-7391.2281.${triggers.length}f0c1d9`;
  triggers.push(id);
  return id;
}

async function runFullFitFlow(): Promise<void> {
  // The command, answered later through the response_url.
  const fitUrl = fake.responseUrl();
  await postSigned(
    bot.endpoint,
    commandBody({
      text: `fit Media Relations Specialist: ${SUMMARY}`,
      responseUrl: fitUrl,
      triggerId: trigger("cmd"),
    }),
  );
  await fake.waitFor(() => postsTo(fake, fitUrl).length > 0);
  const result = postsTo(fake, fitUrl)[0]?.body.blocks;

  // Shared with evidence, by someone else (refused) and by the recruiter.
  const share = buttonLabelled(result, "Share with evidence");
  for (const userId of ["U2", "U1"]) {
    const url = fake.responseUrl();
    await postSigned(bot.endpoint, interactionBody(buttonPress({ button: share, responseUrl: url, userId })));
    await fake.waitFor(() => postsTo(fake, url).length > 0 || fake.callsTo("chat.postMessage").length > 0);
  }

  // An unclear title: the picker, then a choice; the third assessment fails.
  const picker = await postSigned(
    bot.endpoint,
    commandBody({
      text: `fit Relations Boss: ${SUMMARY}`,
      responseUrl: fake.responseUrl(),
      triggerId: trigger("cmd"),
    }),
  );
  const choose = buttons((await picker.json()).blocks).filter((b) => b.action_id === "choose_profile");
  for (const button of choose.slice(0, 2)) {
    const url = fake.responseUrl();
    await postSigned(bot.endpoint, interactionBody(buttonPress({ button, responseUrl: url })));
    await fake.waitFor(() => postsTo(fake, url).length >= 2);
  }

  // The form, whose response_url is gone (404): the answer goes another way, and that is logged.
  const library = await bot.deps.library();
  const profile = library.profiles.find((p) => p.title === "Media Relations Specialist");
  fake.failNext("chat.postEphemeral", "channel_not_found");
  const dms = fake.callsTo("chat.postMessage").length;
  await postSigned(
    bot.endpoint,
    interactionBody({
      type: "view_submission",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", name: "recruiter", team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: trigger("view"),
      view: {
        id: "V-logs",
        type: "modal",
        callback_id: "fit_modal",
        private_metadata: encode({
          source: "command",
          channel: "C1",
          responseUrl: `${fake.apiUrl.replace(/\/api\/$/, "")}/gone`,
          profileId: profile?.id,
        }),
        state: { values: { summary: { summary_input: { type: "plain_text_input", value: SUMMARY } } } },
      },
    }),
  );
  await fake.waitFor(() => fake.callsTo("chat.postMessage").length > dms);

  // A mention in a channel, and its retry.
  const mention = eventBody(
    {
      type: "app_mention",
      user: "U1",
      text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
      ts: "9.9",
      channel: "C1",
    },
    "Ev-logs-1",
  );
  await postSigned(bot.endpoint, mention, { contentType: "application/json" });
  await postSigned(bot.endpoint, mention, { contentType: "application/json", retryNum: 1 });
  await fake.waitFor(() => fake.callsTo("chat.postMessage").some((call) => call.args.thread_ts === "9.9"));
  await sleep(300);
}

const parsed = () => bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the log of a full fit flow", () => {
  it("went through every path, failures included", () => {
    const messages = parsed().map((line) => String(line.msg));
    expect(assessorCalls).toBeGreaterThanOrEqual(3);
    expect(messages.some((msg) => /failed: Error$/.test(msg))).toBe(true);
    expect(messages.some((msg) => msg.includes("response_url answered 404"))).toBe(true);
    expect(messages.some((msg) => msg.includes("chat.postEphemeral failed"))).toBe(true);
    expect(parsed().some((line) => line.outcome === "duplicate")).toBe(true);
  });

  it("is JSON lines with a time, a level and a message, and the request's id once requests come", () => {
    expect(bot.logs.length).toBeGreaterThan(startupLines + 8);
    bot.logs.forEach((line, index) => {
      expect(line.endsWith("\n")).toBe(true);
      const entry = JSON.parse(line);
      expect(entry).toMatchObject({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: expect.stringMatching(/^(info|warn|error)$/),
        msg: expect.any(String),
      });
      if (index >= startupLines) expect(entry.requestId).toMatch(/^(e|t|r)-[\w-]+$/);
    });
  });

  it("gives each request its own id, the same on every line of it", () => {
    const requests = parsed().filter((line) => line.msg === "request");
    const ids = requests.map((line) => line.requestId);
    // The mention's retry is the same request, under the same id; everything else is distinct.
    expect(new Set(ids).size).toBe(ids.length - 1);
    const failure = parsed().find((line) => /failed: Error$/.test(String(line.msg)));
    expect(ids).toContain(failure?.requestId);
  });

  it("holds no candidate text, no token, no signing secret and no trigger id", () => {
    const all = bot.logs.join("");
    for (const word of PRIVATE) expect(all).not.toContain(word);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain("xoxb-");
    expect(all).not.toContain(SIGNING_SECRET);
    for (const id of triggers) expect(all).not.toContain(id);
  });
});

describe("the logger", () => {
  it("redacts anything shaped like a token, whoever logs it", async () => {
    const { createLogger } = await import("../../src/slack/logger.js");
    const lines: string[] = [];
    const logger = createLogger("info", (line) => lines.push(line));
    logger.warn(`calling with ${BOT_TOKEN} and xapp-1-A1-abc and sk-proj-abcdefghijkl and Bearer abc.def`);
    logger.info({ message: SUMMARY });
    const written = lines.join("");
    expect(written).not.toMatch(/xoxb-|xapp-|sk-proj|abc\.def|Quillon/);
    expect(JSON.parse(lines[0] ?? "").msg).toBe(
      "calling with [redacted] and [redacted] and [redacted] and [redacted]",
    );
  });
});
