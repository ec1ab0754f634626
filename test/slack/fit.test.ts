import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonPress, commandBody, eventBody, interactionBody, postSigned } from "../support/fake-slack.js";
import { buttonLabelled, buttons, type SlackHarness, startSlackHarness, visibleText } from "./harness.js";

const SUMMARY =
  "Eight years in media relations and communication at a PR agency. Pitched stories to national journalists, wrote the content strategy for three clients, and led a press office team of five.";
/** Words of the summary that must never reach a channel unless the sharer chose to include evidence. */
const PRIVATE_WORDS = "national journalists";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function command(text: string, triggerId?: string, retryNum?: number) {
  const responseUrl = h.fake.responseUrl();
  const response = await postSigned(
    h.endpoint,
    commandBody({ text, responseUrl, ...(triggerId ? { triggerId } : {}) }),
    {
      ...(retryNum ? { retryNum } : {}),
    },
  );
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : {}, responseUrl };
}

async function interact(payload: Record<string, unknown>) {
  const response = await postSigned(h.endpoint, interactionBody(payload));
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : {} };
}

async function press(
  button: { action_id: string; value?: string },
  options: { ephemeral?: boolean; userId?: string } = {},
) {
  const responseUrl = h.fake.responseUrl();
  const { status } = await interact(buttonPress({ button, responseUrl, ...options }));
  expect(status).toBe(200);
  return responseUrl;
}

const postsTo = (responseUrl: string) =>
  h.fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));
const assessments = () => h.db.prisma.assessment.findMany({ orderBy: { createdAt: "asc" } });

/** A response_url that answers 404, as one that expired or was never Slack's. */
const goneResponseUrl = () => h.fake.apiUrl.replace(/\/api\/$/, "/gone");

/** The ephemeral message posted after `send`: where it went and what it shows. */
async function nextEphemeral(send: () => Promise<unknown>) {
  const before = h.fake.callsTo("chat.postEphemeral").length;
  await send();
  await h.fake.waitFor(() => h.fake.callsTo("chat.postEphemeral").length > before);
  const posted = h.fake.callsTo("chat.postEphemeral").at(-1)?.args as Record<string, unknown>;
  const blocks = typeof posted.blocks === "string" ? JSON.parse(posted.blocks) : posted.blocks;
  return { channel: posted.channel, user: posted.user, text: visibleText(blocks) };
}

/** The fit form's profile picker asking for the profiles matching `value`. */
function profileSuggestions(value: string) {
  return interact({
    type: "block_suggestion",
    action_id: "profile_select",
    block_id: "profile",
    value,
    team: { id: "T1", domain: "test" },
    user: { id: "U1", name: "recruiter" },
    api_app_id: "A1",
    token: "legacy",
    container: { type: "view", view_id: "V1" },
    view: { id: "V1", type: "modal", callback_id: "fit_modal" },
  });
}

async function fitAnswer(): Promise<{ blocks: unknown[]; assessmentId: string }> {
  const { responseUrl } = await command(`fit Media Relations Specialist: ${SUMMARY}`);
  await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
  const blocks = postsTo(responseUrl)[0]?.body.blocks as unknown[];
  const share = JSON.parse(buttonLabelled(blocks, "Share in channel").value ?? "{}");
  return { blocks, assessmentId: share.aid };
}

function viewSubmission(view: Record<string, unknown>, values: Record<string, unknown>, userId = "U1") {
  return {
    type: "view_submission",
    team: { id: "T1", domain: "test" },
    user: { id: userId, name: "recruiter", team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: "trigger-view",
    view: { ...view, id: `V-${Math.random().toString(36).slice(2)}`, state: { values } },
  };
}

describe("/profile fit <title>: <summary>", () => {
  it("acknowledges at once, then replaces that with the assessment, and stores it", async () => {
    const before = (await assessments()).length;
    const { body, responseUrl } = await command(
      `fit Media Relations Specialist: ${SUMMARY}`,
      "trigger-fit-1",
    );
    expect(body.response_type).toBe("ephemeral");
    expect(visibleText(body.blocks)).toContain("Assessing the candidate");
    await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
    const answer = postsTo(responseUrl)[0]?.body as {
      replace_original: boolean;
      response_type: string;
      blocks: unknown[];
    };
    expect(answer.replace_original).toBe(true);
    expect(answer.response_type).toBe("ephemeral");
    const text = visibleText(answer.blocks);
    expect(text).toContain("Candidate fit: Media Relations Specialist");
    expect(text).toMatch(/\*Overall\*\n\d+ \/ 100 · (strong|partial|weak) fit/);
    expect(text).toContain("General competencies");
    expect(text).toContain("Gaps, and questions to ask");
    expect(text).toContain("Tell me about");
    expect(text).toContain("Evidence quoted from the summary");
    expect(text).toContain("Decision support, not a decision");
    expect(buttons(answer.blocks).map((b) => b.text.text)).toEqual([
      "See every competency",
      "Share in channel",
      "Share with evidence",
    ]);

    const stored = await assessments();
    expect(stored.length).toBe(before + 1);
    expect(stored.at(-1)).toMatchObject({
      actor: "U1",
      profileTitle: "Media Relations Specialist",
      requestKey: "command:trigger-fit-1",
      summaryText: SUMMARY,
    });
  });

  it("does not assess or answer twice when the same command is delivered again", async () => {
    const { responseUrl } = await command(`fit Media Relations Specialist: ${SUMMARY}`, "trigger-fit-retry");
    await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
    const count = (await assessments()).length;
    const again = await command(`fit Media Relations Specialist: ${SUMMARY}`, "trigger-fit-retry", 1);
    // Acknowledged like the first (before the store is asked), then nothing more.
    expect(again.status).toBe(200);
    expect(visibleText((again.body as { blocks: unknown[] }).blocks)).toContain("Assessing the candidate");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(postsTo(again.responseUrl)).toEqual([]);
    expect((await assessments()).length).toBe(count);
  });

  it("answers privately another way when the response_url refuses the assessment", async () => {
    let status = 0;
    const posted = await nextEphemeral(async () => {
      const body = commandBody({
        text: `fit Media Relations Specialist: ${SUMMARY}`,
        responseUrl: goneResponseUrl(),
        channelId: "C9",
      });
      status = (await postSigned(h.endpoint, body)).status;
    });
    expect(status).toBe(200);
    expect(posted).toMatchObject({ channel: "C9", user: "U1" });
    expect(posted.text).toContain("Candidate fit: Media Relations Specialist");
  });

  it("shares scores and statuses only, never the candidate's words, unless evidence is chosen", async () => {
    const { blocks } = await fitAnswer();
    const url = await press(buttonLabelled(blocks, "Share in channel"));
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const shared = postsTo(url)[0]?.body as { response_type: string; blocks: unknown[] };
    expect(shared.response_type).toBe("in_channel");
    const text = visibleText(shared.blocks);
    expect(text).toMatch(/\d+ \/ 100/);
    expect(text).toMatch(/meets|no evidence|partly shown|below the level/);
    expect(text).toContain("Decision support");
    expect(text).toContain("Shared by <@U1>");
    expect(text).not.toContain(PRIVATE_WORDS);
    expect(JSON.stringify(shared)).not.toContain(PRIVATE_WORDS);

    const withEvidence = buttonLabelled(blocks, "Share with evidence");
    expect(withEvidence).toHaveProperty("confirm");
    const url2 = await press(withEvidence);
    await h.fake.waitFor(() => postsTo(url2).length > 0);
    expect(visibleText(postsTo(url2)[0]?.body.blocks)).toContain("Evidence quoted from the summary");
  });

  it("never carries the candidate's text in a button", async () => {
    const { blocks } = await fitAnswer();
    for (const button of buttons(blocks)) expect(button.value ?? "").not.toContain(PRIVATE_WORDS);
  });

  it("lets only the person who ran an assessment share it", async () => {
    const { blocks } = await fitAnswer();
    const url = await press(buttonLabelled(blocks, "Share in channel"), { userId: "U2" });
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const reply = postsTo(url)[0]?.body as { response_type: string; blocks: unknown[] };
    expect(reply.response_type).toBe("ephemeral");
    expect(visibleText(reply.blocks)).toContain("Only <@U1>");
  });

  it("shows every competency in a modal", async () => {
    const { blocks } = await fitAnswer();
    const opened = h.fake.callsTo("views.open").length;
    await press(buttonLabelled(blocks, "See every competency"));
    await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("modal");
    const text = visibleText(view.blocks);
    for (const name of ["Communication", "Teamwork", "Media Relations", "Content Strategy"])
      expect(text).toContain(name);
  });

  it("asks which profile for an unclear title, keeps the summary on the server, and assesses the choice", async () => {
    const { body } = await command(`fit Relations Boss: ${SUMMARY}`);
    const choose = buttons(body.blocks).filter((b) => b.action_id === "choose_profile");
    expect(choose.length).toBeGreaterThan(0);
    for (const button of choose) {
      expect(button.value ?? "").not.toContain(PRIVATE_WORDS);
      expect(JSON.parse(button.value ?? "{}")).toMatchObject({ op: "fit", pending: expect.any(String) });
    }
    const before = (await assessments()).length;
    const url = await press(choose[0] as { action_id: string; value: string });
    await h.fake.waitFor(() => postsTo(url).length >= 2);
    const [interim, result] = postsTo(url);
    expect(visibleText(interim?.body.blocks)).toContain("Assessing the candidate");
    expect(result?.body.replace_original).toBe(true);
    expect(visibleText(result?.body.blocks)).toContain("Candidate fit: Media Relations Specialist");
    expect((await assessments()).length).toBe(before + 1);
  });

  it("answers a choice privately another way when the picker's response_url refuses it", async () => {
    const { body } = await command(`fit Relations Boss: ${SUMMARY}`);
    const choose = buttons(body.blocks).find((b) => b.action_id === "choose_profile");
    let status = 0;
    const posted = await nextEphemeral(async () => {
      const press = buttonPress({
        button: choose as { action_id: string; value: string },
        responseUrl: goneResponseUrl(),
        channelId: "C7",
      });
      status = (await interact(press)).status;
    });
    expect(status).toBe(200);
    expect(posted).toMatchObject({ channel: "C7", user: "U1" });
    expect(posted.text).toContain("Candidate fit");
  });
});

describe("/profile fit <title> (no summary)", () => {
  it("opens a form for the summary; submitting it answers through the command's response_url", async () => {
    const opened = h.fake.callsTo("views.open").length;
    const { body, responseUrl } = await command("fit Media Relations Specialist");
    expect(body).toEqual({});
    await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as Record<string, unknown> & {
      private_metadata: string;
      blocks: unknown[];
    };
    expect(view.callback_id).toBe("fit_modal");
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      profileId: expect.any(Number),
      responseUrl,
      source: "command",
    });
    expect(visibleText(view.blocks)).toContain("Media Relations Specialist");

    const short = await interact(
      viewSubmission(view, { summary: { summary_input: { type: "plain_text_input", value: "too short" } } }),
    );
    expect(short.body).toMatchObject({
      response_action: "errors",
      errors: { summary: expect.stringContaining("too short") },
    });

    const submitted = await interact(
      viewSubmission(view, { summary: { summary_input: { type: "plain_text_input", value: SUMMARY } } }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body).toEqual({});
    await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
    const answer = postsTo(responseUrl)[0]?.body as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe("ephemeral");
    expect(visibleText(answer.blocks)).toContain("Candidate fit: Media Relations Specialist");
  });
});

describe("message shortcut: Assess candidate fit", () => {
  const shortcut = (text: string) => ({
    type: "message_action",
    callback_id: "assess_candidate_fit",
    trigger_id: "trigger-shortcut",
    message_ts: "1700000000.000200",
    response_url: h.fake.responseUrl(),
    message: { type: "message", user: "U9", ts: "1700000000.000200", text },
    user: { id: "U1", name: "recruiter", team_id: "T1" },
    channel: { id: "C7", name: "candidates" },
    team: { id: "T1", domain: "test" },
    token: "legacy",
    action_ts: "1700000000.3",
  });

  it("opens the form with the message's text filled in and a profile picker", async () => {
    const opened = h.fake.callsTo("views.open").length;
    const { status } = await interact(
      shortcut("Candidate: Eight years in media relations &amp; communication."),
    );
    expect(status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as {
      blocks: { block_id?: string; element?: Record<string, unknown> }[];
    };
    const summary = view.blocks.find((block) => block.block_id === "summary");
    expect(summary?.element?.initial_value).toBe(
      "Candidate: Eight years in media relations & communication.",
    );
    const profile = view.blocks.find((block) => block.block_id === "profile");
    expect(profile?.element?.type).toBe("external_select");
  });

  it("loads the picker's options from the library", async () => {
    const { body } = await profileSuggestions("media");
    expect(body.options[0]).toMatchObject({ text: { text: "Media Relations Specialist (acme)" } });
  });

  it("sends the result privately to the recruiter in the channel, or as a DM if that fails", async () => {
    const opened = h.fake.callsTo("views.open").length;
    await interact(shortcut(SUMMARY));
    await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as Record<string, unknown>;
    const { body: options } = await profileSuggestions("media relations");
    const values = {
      profile: { profile_select: { type: "external_select", selected_option: options.options[0] } },
      summary: { summary_input: { type: "plain_text_input", value: SUMMARY } },
    };
    const posted = await nextEphemeral(() => interact(viewSubmission(view, values)));
    expect(posted).toMatchObject({ channel: "C7", user: "U1" });
    expect(posted.text).toContain("Candidate fit: Media Relations Specialist");

    h.fake.failNext("chat.postEphemeral", "channel_not_found");
    const dms = h.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === "U1").length;
    await interact(viewSubmission(view, values));
    await h.fake.waitFor(
      () => h.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === "U1").length > dms,
    );
  });
});

describe("mentions", () => {
  const mention = (text: string, eventId: string, retryNum?: number) =>
    postSigned(
      h.endpoint,
      eventBody(
        {
          type: "app_mention",
          user: "U1",
          text,
          ts: "1700000100.000100",
          channel: "C3",
          event_ts: "1700000100.000100",
        },
        eventId,
      ),
      { contentType: "application/json", ...(retryNum ? { retryNum } : {}) },
    );

  it("answers in the thread with scores and statuses, and the evidence only privately", async () => {
    const response = await mention(
      `<@UBOT> how does this candidate fit Media Relations Specialist? ${SUMMARY}`,
      "Ev-fit-1",
    );
    expect(response.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage").some((call) => call.args.channel === "C3"));
    const posted = h.fake.callsTo("chat.postMessage").find((call) => call.args.channel === "C3")?.args as {
      thread_ts: string;
      blocks: unknown[];
    };
    expect(posted.thread_ts).toBe("1700000100.000100");
    const text = visibleText(posted.blocks);
    expect(text).toContain("Candidate fit: Media Relations Specialist");
    expect(text).not.toContain(PRIVATE_WORDS);
    const stored = await h.db.prisma.assessment.findUnique({ where: { requestKey: "event:Ev-fit-1" } });
    expect(stored?.actor).toBe("U1");

    const url = await press(buttonLabelled(posted.blocks, "Show me the evidence"), { ephemeral: false });
    await h.fake.waitFor(() => postsTo(url).length > 0);
    expect(postsTo(url)[0]?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(visibleText(postsTo(url)[0]?.body.blocks)).toContain("Evidence quoted from the summary");
    // Its interview questions are written from the profile, as in an answer given at once.
    expect(visibleText(postsTo(url)[0]?.body.blocks)).toMatch(
      /Gaps, and questions to ask[\s\S]*the ability to do/,
    );
  });

  it("ignores Slack's retries of an event it already handled", async () => {
    const text = `<@UBOT> does this person fit Media Relations Specialist? ${SUMMARY}`;
    await mention(text, "Ev-retry");
    const inThread = () =>
      h.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === "C3").length;
    await h.fake.waitFor(() => inThread() > 1);
    const posts = inThread();
    const count = await h.db.prisma.assessment.count();
    const retry = await mention(text, "Ev-retry", 1);
    expect(retry.status).toBe(200);
    const retry2 = await mention(text, "Ev-retry", 2);
    expect(retry2.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inThread()).toBe(posts);
    expect(await h.db.prisma.assessment.count()).toBe(count);
    expect(await h.db.prisma.processedRequest.count({ where: { key: "event:Ev-retry" } })).toBe(1);
  });
});

describe("App Home", () => {
  it("shows the user's recent assessments, the frameworks and how to use the commands", async () => {
    await fitAnswer();
    const published = h.fake.callsTo("views.publish").length;
    await postSigned(
      h.endpoint,
      eventBody(
        { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1700000200.000100" },
        "Ev-home-1",
      ),
      { contentType: "application/json" },
    );
    await h.fake.waitFor(() => h.fake.callsTo("views.publish").length > published);
    const call = h.fake.callsTo("views.publish").at(-1)?.args as {
      user_id: string;
      view: { type: string; blocks: unknown[] };
    };
    expect(call.user_id).toBe("U1");
    expect(call.view.type).toBe("home");
    const text = visibleText(call.view.blocks);
    expect(text).toContain("Your recent assessments");
    expect(text).toMatch(/Media Relations Specialist\* \(acme\) — \*\d+ \/ 100\*/);
    expect(text).toContain("acme*: 2 profiles");
    expect(text).toContain("/profile compare <title A> vs <title B>");
  });
});

describe("App Home buttons", () => {
  it("open the fit form (with a profile picker) and the match form", async () => {
    for (const [actionId, callbackId] of [
      ["open_fit_modal", "fit_modal"],
      ["open_match_modal", "match_modal"],
    ]) {
      const opened = h.fake.callsTo("views.open").length;
      const payload = buttonPress({
        button: { action_id: actionId as string, value: "home" },
        responseUrl: h.fake.responseUrl(),
      });
      const { status } = await interact({ ...payload, container: { type: "view", view_id: "VHOME" } });
      expect(status).toBe(200);
      await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
      expect(h.fake.callsTo("views.open").at(-1)?.args.view).toMatchObject({ callback_id: callbackId });
    }
  });
});
