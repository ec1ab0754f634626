import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonPress, commandBody, interactionBody, postSigned } from "../support/fake-slack.js";
import { buttonLabelled, buttons, type SlackHarness, startSlackHarness, visibleText } from "./harness.js";

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function command(text: string) {
  const responseUrl = h.fake.responseUrl();
  const response = await postSigned(h.endpoint, commandBody({ text, responseUrl }));
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : {}, responseUrl };
}

async function press(
  button: { action_id: string; value?: string },
  options: { ephemeral?: boolean; userId?: string } = {},
) {
  const responseUrl = h.fake.responseUrl();
  const response = await postSigned(
    h.endpoint,
    interactionBody(buttonPress({ button, responseUrl, ...options })),
  );
  expect(response.status).toBe(200);
  return responseUrl;
}

const postsTo = (responseUrl: string) =>
  h.fake.responsePosts.filter((post) => responseUrl.endsWith(post.path));

describe("/profile compare", () => {
  it("answers in the acknowledgement, privately, side by side with the differences marked", async () => {
    const { status, body } = await command("compare Marketing Manager vs Media Relations Specialist");
    expect(status).toBe(200);
    expect(body.response_type).toBe("ephemeral");
    const text = visibleText(body.blocks);
    expect(body.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "Marketing Manager vs Media Relations Specialist" },
    });
    expect(body.blocks[1].text.text).toMatch(/General: \d+ of \d+ shared · Technical: \d+ of \d+ shared/);
    expect(text).toMatch(/Communication\s+4\s+4\s/);
    expect(text).toMatch(/Leadership\s+4\s+–\s+only A/);
    expect(text).toMatch(/Media Relations\s+–\s+4\*\s+only B/);
    expect(text).toMatch(/Content Strategy\s+3\s+3/);
    expect(buttons(body.blocks).map((b) => b.text.text)).toEqual(["Share in channel"]);
  });

  it("asks which profile was meant for an unknown side, and the choice finishes the comparison", async () => {
    const { body } = await command("compare Marketing Wizard vs Relations Boss");
    const text = visibleText(body.blocks);
    expect(text).toContain("Did you mean one of these as profile");
    const choose = buttons(body.blocks).find((b) => b.action_id === "choose_profile");
    expect(choose).toBeDefined();
    const url = await press(choose as { action_id: string; value: string });
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const answer = postsTo(url).at(-1)?.body as { replace_original: boolean; blocks: unknown[] };
    expect(answer.replace_original).toBe(true);
    const answerText = visibleText(answer.blocks);
    if (answerText.includes("Did you mean")) {
      // The other side was unknown too: choosing it completes the comparison.
      const next = buttons(answer.blocks).find((b) => b.action_id === "choose_profile") as {
        action_id: string;
        value: string;
      };
      const url2 = await press(next);
      await h.fake.waitFor(() => postsTo(url2).length > 0);
      expect(visibleText(postsTo(url2).at(-1)?.body.blocks)).toContain(" vs ");
    } else {
      expect(answerText).toContain("Marketing Manager vs Media Relations Specialist");
    }
  });

  it("shares the comparison in the channel with who shared it", async () => {
    const { body } = await command("compare Marketing Manager | Media Relations Specialist");
    const url = await press(buttonLabelled(body.blocks, "Share in channel"));
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const shared = postsTo(url)[0]?.body as {
      response_type: string;
      replace_original: boolean;
      blocks: unknown[];
    };
    expect(shared.response_type).toBe("in_channel");
    expect(shared.replace_original).toBe(false);
    expect(visibleText(shared.blocks)).toContain("Shared by <@U1>");
    expect(buttons(shared.blocks)).toEqual([]);
  });
});

describe("/profile help", () => {
  it.each(["", "help", "   "])("shows the commands for %j", async (text) => {
    const { body } = await command(text);
    expect(visibleText(body.blocks)).toContain("/profile compare <title A> vs <title B>");
  });

  it("says what was probably meant for a mistyped subcommand", async () => {
    const { body } = await command("comapre Marketing Manager vs Media Relations Specialist");
    expect(visibleText(body.blocks)).toContain("Did you mean `compare`?");
  });

  it("explains a compare without two titles", async () => {
    const { body } = await command("compare Marketing Manager");
    expect(visibleText(body.blocks)).toContain('separated by " vs "');
  });
});

describe("/profile <title>", () => {
  it.each(["Marketing Manager", "show Marketing Manager", "head of marketing"])(
    "shows the profile for %j",
    async (text) => {
      const { body } = await command(text);
      expect(body.response_type).toBe("ephemeral");
      expect(body.blocks[0]).toMatchObject({ type: "header", text: { text: "Marketing Manager" } });
      const shown = visibleText(body.blocks);
      expect(shown).toContain("General competencies (3)");
      expect(shown).toContain("Technical competencies (2)");
      expect(shown).toMatch(/Marketing Strategy\* · level 4 · importance 5 · \*essential/);
    },
  );

  it("offers the closest profiles for an unknown title, and choosing one shows it in place", async () => {
    const { body } = await command("Marketing Wizard");
    const choose = buttons(body.blocks).filter((b) => b.action_id === "choose_profile");
    expect(choose.length).toBeGreaterThan(0);
    const url = await press(choose[0] as { action_id: string; value: string });
    await h.fake.waitFor(() => postsTo(url).length > 0);
    const answer = postsTo(url)[0]?.body as { replace_original: boolean; blocks: { type: string }[] };
    expect(answer.replace_original).toBe(true);
    expect(answer.blocks[0]?.type).toBe("header");
  });
});

describe("/profile search", () => {
  it("lists the matching profiles with a button to show each", async () => {
    const { body } = await command("search specialist");
    const text = visibleText(body.blocks);
    expect(text).toContain("Media Relations Specialist");
    expect(buttons(body.blocks).filter((b) => b.text.text === "Show").length).toBeGreaterThan(0);
  });

  it("says when nothing fits", async () => {
    const { body } = await command("search zzzqqq");
    expect(visibleText(body.blocks)).toContain("No profile title fits");
  });
});

describe("the three-second acknowledgement", () => {
  it("acknowledges within the budget when an answer is slow, and sends the answer afterwards", async () => {
    const library = h.deps.library;
    h.deps.library = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_600));
      return library();
    };
    try {
      const started = Date.now();
      const { body, responseUrl } = await command("compare Marketing Manager vs Media Relations Specialist");
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(visibleText(body.blocks)).toContain("Working on it");
      await h.fake.waitFor(() => postsTo(responseUrl).length > 0);
      const answer = postsTo(responseUrl)[0]?.body as { replace_original: boolean; blocks: unknown[] };
      expect(answer.replace_original).toBe(true);
      expect(visibleText(answer.blocks)).toContain("Marketing Manager vs Media Relations Specialist");
    } finally {
      h.deps.library = library;
    }
  });
});
