import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonPress, commandBody, eventBody, interactionBody, postSigned } from "../support/fake-slack.js";
import { buttons, type SlackHarness, startSlackHarness, visibleText } from "./harness.js";

const SUMMARY =
  "Eight years in media relations and communication at a PR agency. Pitched stories to national journalists and led a press office team of five.";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

const postsTo = (responseUrl: string) =>
  h.fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));

async function interact(payload: Record<string, unknown>) {
  const response = await postSigned(h.endpoint, interactionBody(payload));
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : {} };
}

describe("/profile match", () => {
  it("opens a form; its result lists the best-fitting profiles, each of which can be assessed", async () => {
    const responseUrl = h.fake.responseUrl();
    const opened = h.fake.callsTo("views.open").length;
    const ack = await postSigned(h.endpoint, commandBody({ text: "match", responseUrl }));
    expect(await ack.text()).toBe("");
    await h.fake.waitFor(() => h.fake.callsTo("views.open").length > opened);
    const view = h.fake.callsTo("views.open").at(-1)?.args.view as Record<string, unknown> & {
      blocks: { block_id?: string }[];
    };
    expect(view.callback_id).toBe("match_modal");
    expect(view.blocks.map((block) => block.block_id)).toContain("framework");

    const submitted = await interact({
      type: "view_submission",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", name: "recruiter" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "t",
      view: {
        ...view,
        id: "V-match",
        state: {
          values: {
            summary: { summary_input: { type: "plain_text_input", value: SUMMARY } },
            framework: {
              framework_select: {
                type: "static_select",
                selected_option: { text: { type: "plain_text", text: "acme" }, value: "acme" },
              },
            },
          },
        },
      },
    });
    expect(submitted.body).toEqual({});
    await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
    const result = postsTo(responseUrl)[0]?.body as { response_type: string; blocks: unknown[] };
    expect(result.response_type).toBe("ephemeral");
    const text = visibleText(result.blocks);
    expect(text).toContain("Profiles this candidate fits best");
    expect(text).toContain("Media Relations Specialist");
    expect(text).toContain("Within: acme");
    const assess = buttons(result.blocks).filter((button) => button.action_id === "assess_match");
    expect(assess.length).toBeGreaterThan(0);
    for (const button of assess) expect(button.value).not.toContain("journalists");

    const before = await h.db.prisma.assessment.count();
    const url = h.fake.responseUrl();
    await postSigned(
      h.endpoint,
      interactionBody(
        buttonPress({ button: assess[0] as { action_id: string; value: string }, responseUrl: url }),
      ),
    );
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const fit = postsTo(url).at(-1)?.body as { replace_original: boolean; blocks: unknown[] };
    expect(fit.replace_original).toBe(false);
    expect(visibleText(fit.blocks)).toContain("Candidate fit:");
    expect(await h.db.prisma.assessment.count()).toBe(before + 1);
  });

  it("answers a summary given inline without a form", async () => {
    const responseUrl = h.fake.responseUrl();
    const ack = await postSigned(h.endpoint, commandBody({ text: `match ${SUMMARY}`, responseUrl }));
    expect(visibleText((await ack.json()).blocks)).toContain("Finding the profiles");
    await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
    expect(visibleText(postsTo(responseUrl)[0]?.body.blocks)).toContain("Profiles this candidate fits best");
  });
});

describe("a mention that names no profile", () => {
  it("answers in the thread with the best-fitting profiles", async () => {
    await postSigned(
      h.endpoint,
      eventBody(
        {
          type: "app_mention",
          user: "U1",
          text: `<@UBOT> ${SUMMARY}`,
          ts: "1700000300.000100",
          channel: "C9",
        },
        "Ev-match-1",
      ),
      { contentType: "application/json" },
    );
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage").some((call) => call.args.channel === "C9"));
    const posted = h.fake.callsTo("chat.postMessage").find((call) => call.args.channel === "C9")?.args as {
      thread_ts: string;
      blocks: unknown[];
    };
    expect(posted.thread_ts).toBe("1700000300.000100");
    expect(visibleText(posted.blocks)).toContain("Profiles this candidate fits best");
  });
});
