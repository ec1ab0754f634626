import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandBody, eventBody, postSigned, SIGNING_SECRET, signature } from "../support/fake-slack.js";
import { type SlackHarness, startSlackHarness, visibleText } from "./harness.js";

const SUMMARY = "Eight years in media relations and communication at a PR agency, leading a team of five.";

describe("request signatures", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const fitCommand = () =>
    commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl: h.fake.responseUrl() });
  const mention = () =>
    eventBody(
      {
        type: "app_mention",
        user: "U1",
        text: `<@UBOT> fit Media Relations Specialist? ${SUMMARY}`,
        ts: "1.1",
        channel: "C1",
      },
      `Ev-${Math.random()}`,
    );

  it.each([
    ["missing", { signature: null }],
    ["wrong", { signature: signature("another-secret", Math.floor(Date.now() / 1000), "body") }],
    ["made with another secret", { secret: "another-secret" }],
    ["stale (six minutes old)", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])("refuses a request whose signature is %s with 401, and does nothing", async (_, options) => {
    const actions = () => h.fake.calls.filter((call) => call.method !== "auth.test").length;
    const before = {
      calls: actions(),
      posts: h.fake.responsePosts.length,
      assessments: await h.db.prisma.assessment.count(),
    };
    const command = await postSigned(h.endpoint, fitCommand(), options);
    expect(command.status).toBe(401);
    expect(await command.text()).toBe("");
    const event = await postSigned(h.endpoint, mention(), { ...options, contentType: "application/json" });
    expect(event.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(actions()).toBe(before.calls);
    expect(h.fake.responsePosts.length).toBe(before.posts);
    expect(await h.db.prisma.assessment.count()).toBe(before.assessments);
    expect(await h.db.prisma.processedRequest.count()).toBe(0);
  });

  it("accepts a request signed within the last five minutes", async () => {
    const response = await postSigned(
      h.endpoint,
      commandBody({ text: "help", responseUrl: h.fake.responseUrl() }),
      {
        timestamp: Math.floor(Date.now() / 1000) - 4 * 60,
        secret: SIGNING_SECRET,
      },
    );
    expect(response.status).toBe(200);
  });

  it("answers GET /healthz with 200 while the database is reachable", async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("GET /healthz without a database", () => {
  it("answers 503", async () => {
    const h = await startSlackHarness({ healthy: async () => false });
    try {
      const response = await fetch(`${h.baseUrl}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false });
    } finally {
      await h.stop();
    }
  });
});

describe("the authorization seam", () => {
  it("refuses what it does not allow, before anything is assessed", async () => {
    const h = await startSlackHarness({
      authorize: async (_user, action) => (action === "assess_fit" ? "denied" : "allowed"),
    });
    try {
      const response = await postSigned(
        h.endpoint,
        commandBody({
          text: `fit Media Relations Specialist: ${SUMMARY}`,
          responseUrl: h.fake.responseUrl(),
        }),
      );
      const body = await response.json();
      expect(visibleText(body.blocks)).toContain("You don't have access to candidate fit assessments");
      expect(await h.db.prisma.assessment.count()).toBe(0);
      const allowed = await postSigned(
        h.endpoint,
        commandBody({ text: "Marketing Manager", responseUrl: h.fake.responseUrl() }),
      );
      expect((await allowed.json()).blocks[0].text.text).toBe("Marketing Manager");
    } finally {
      await h.stop();
    }
  });
});
