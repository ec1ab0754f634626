import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameworkDefinition } from "../../src/domain/library.js";
import { buttons, visibleText } from "../slack/harness.js";
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from "../support/database.js";
import {
  buttonPress,
  commandBody,
  type FakeSlack,
  interactionBody,
  postSigned,
  startFakeSlack,
} from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";
import { anotherHandle, type Instance, postsTo, startInstance } from "./support/service.js";

/**
 * The summary behind a picker waits in the database, not in the memory of the instance that showed the
 * picker: the click may reach another instance behind the load balancer. On a server, each instance has
 * its own connections; embedded, two instances in one process share the one store.
 */
const SUMMARY =
  "Nine years in media relations and corporate communication, pitching stories to national journalists and running a press office of four.";
const PRIVATE_WORDS = "national journalists";
const AMBIGUOUS_TITLE = "Communications Lead";

/** Both profiles answer to the same alternate title, so asking for it shows a picker. */
function frameworkWithSharedTitle(): FrameworkDefinition {
  const framework = marketingFramework();
  return {
    ...framework,
    profiles: framework.profiles.map((profile) => ({
      ...profile,
      alternateTitles: [...profile.alternateTitles, AMBIGUOUS_TITLE],
    })),
  };
}

describe("a picker shown by one instance, chosen on another", () => {
  let db: TestDatabase;
  let second: TestDatabase;
  let fake: FakeSlack;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    db = await createTestDatabase();
    second = TEST_SERVER_URL ? await anotherHandle(db) : db;
    fake = await startFakeSlack();
    const frameworks = [frameworkWithSharedTitle()];
    a = await startInstance({ db, slackApiUrl: fake.apiUrl, frameworks });
    b = await startInstance({ db: second, slackApiUrl: fake.apiUrl, frameworks });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await fake?.close();
    if (second !== db) await second?.dispose();
    await db?.dispose();
  });

  const assessments = () => db.prisma.assessment.count();

  /** `/profile fit` with the ambiguous title, on instance A: the picker's buttons. */
  async function pickerOnA() {
    const reply = await postSigned(
      a.endpoint,
      commandBody({ text: `fit ${AMBIGUOUS_TITLE}: ${SUMMARY}`, responseUrl: fake.responseUrl() }),
    );
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { blocks: unknown[] };
    expect(visibleText(body.blocks)).toContain("fits several profiles about equally");
    const choices = buttons(body.blocks).filter((button) => button.action_id === "choose_profile");
    expect(choices).toHaveLength(2);
    for (const button of choices) expect(button.value ?? "").not.toContain(PRIVATE_WORDS);
    return choices;
  }

  /** The button that chooses the profile titled `title`. */
  async function choiceOf(choices: Awaited<ReturnType<typeof pickerOnA>>, title: string) {
    const profile = await db.prisma.jobProfile.findFirstOrThrow({ where: { title }, select: { id: true } });
    const choice = choices.find((button) => JSON.parse(button.value ?? "{}").id === profile.id);
    if (!choice) throw new Error(`no choice of ${title}`);
    return choice;
  }

  /** Clicks `button` as `userId`, delivered to instance B; the posts to the click's response_url. */
  async function clickOnB(button: { action_id: string; value?: string }, userId: string, expected: number) {
    const responseUrl = fake.responseUrl();
    const reply = await postSigned(b.endpoint, interactionBody(buttonPress({ button, responseUrl, userId })));
    expect(reply.status).toBe(200);
    await fake.waitFor(() => postsTo(fake, responseUrl).length >= expected);
    return postsTo(fake, responseUrl).map((post) => post.body);
  }

  it("assesses the summary for the profile chosen", async () => {
    const choice = await choiceOf(await pickerOnA(), "Media Relations Specialist");
    const before = await assessments();
    const [interim, result] = await clickOnB(choice, "U1", 2);
    expect(visibleText(interim?.blocks)).toContain("Assessing the candidate");
    expect(visibleText(result?.blocks)).toContain("Candidate fit: Media Relations Specialist");
    expect(await assessments()).toBe(before + 1);
    const stored = await db.prisma.assessment.findFirst({
      where: { actor: "U1", profileTitle: "Media Relations Specialist" },
      orderBy: { createdAt: "desc" },
      select: { summaryText: true },
    });
    expect(stored?.summaryText).toBe(SUMMARY);
  });

  it("tells anyone else the choice is no longer open, and assesses nothing", async () => {
    const choice = await choiceOf(await pickerOnA(), "Marketing Manager");
    const before = await assessments();
    const [answer] = await clickOnB(choice, "U2", 1);
    expect(visibleText(answer?.blocks)).toContain("That choice is no longer open");
    expect(visibleText(answer?.blocks)).not.toContain(PRIVATE_WORDS);
    expect(await assessments()).toBe(before);
  });

  it("log none of the summary", () => {
    expect([...a.logs, ...b.logs].join("\n")).not.toContain(PRIVATE_WORDS);
  });
});
