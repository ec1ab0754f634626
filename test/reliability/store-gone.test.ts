import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness, visibleText } from "../slack/harness.js";
import { commandBody, postSigned } from "../support/fake-slack.js";

/**
 * The store going away between a command's acknowledgement and its answer (the claim that stops a
 * replay is made after the acknowledgement): the user still gets an answer, the apology, not silence.
 */
const SUMMARY =
  "Eight years in media relations: pitched stories to national journalists and ran a press office of five.";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  await h.deps.library();
});
afterAll(() => h?.stop());

describe("a command whose store is gone after the acknowledgement", () => {
  it("is acknowledged, then answered 'please try again' through its response_url", async () => {
    await h.db.close();
    const responseUrl = h.fake.responseUrl();
    const response = await postSigned(
      h.endpoint,
      commandBody({ text: `fit Media Relations Specialist: ${SUMMARY}`, responseUrl }),
    );
    expect(response.status).toBe(200);
    expect(visibleText(((await response.json()) as { blocks: unknown[] }).blocks)).toContain(
      "Assessing the candidate",
    );
    const answers = () => h.fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));
    await h.fake.waitFor(() => answers().length > 0);
    const answer = answers()[0]?.body as { replace_original: boolean; blocks: unknown[] };
    expect(answer.replace_original).toBe(true);
    expect(visibleText(answer.blocks)).toMatch(/try again/i);
    expect(JSON.stringify(answer)).not.toContain("national journalists");
  });
});
