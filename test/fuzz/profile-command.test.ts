import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFrameworkFile } from "../../src/adapters/framework-file/read-framework-file.js";
import { AppError } from "../../src/domain/errors.js";
import { SAMPLE_FRAMEWORK_FILE } from "../../src/services/load-starter-library.js";
import { type Answer, errorMessage } from "../../src/slack/answers/answer.js";
import { answerProfileCommand } from "../../src/slack/answers/profile-command.js";
import { type Message, SLACK_LIMITS } from "../../src/slack/blocks/limits.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { parseProfileCommand, SUBCOMMANDS } from "../../src/slack/parse-profile-command.js";
import { type Instance, startInstance } from "../reliability/support/service.js";
import { slackDepsOver } from "../slack/harness.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { commandBody, type FakeSlack, postSigned, startFakeSlack } from "../support/fake-slack.js";
import { marketingFramework } from "../support/frameworks.js";
import { CaseCount } from "./support.js";

/**
 * `/profile <anything>`: whatever is typed, the user gets an answer or a clear message, within Slack's
 * Block Kit limits; never an exception.
 */
const TITLES = [
  "Marketing Manager",
  "Media Relations Specialist",
  "Content Marketing Specialist",
  "Brand Manager",
];

/** Text built the way people type commands: subcommands (and typos of them), titles, separators, summaries. */
const commandText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SUBCOMMANDS, "fti", "comapre", "serch", "hlep", "FIT", "Compare:", "match:"),
      fc.constantFrom(
        ...TITLES,
        "Markting Mgr",
        "PR specialist",
        "vs",
        "versus",
        "|",
        ":",
        "\n",
        '"',
        "“",
        "'",
      ),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom(
        "<@U123>",
        "<#C1|general>",
        "&amp;",
        "*bold*",
        "```",
        "\u0000",
        "\u202e",
        "🧑‍💼",
        "\ud800",
      ),
      fc
        .integer({ min: 0, max: 30_000 })
        .map((n) => "experience in media relations ".repeat(Math.ceil(n / 30)).slice(0, n)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(fc.sample(fc.constantFrom(" ", "", "  ", "\n", "\t"), 1)[0] ?? " "));

/** Requests to assess or match: a title (or not), a separator, a summary of any length and content. */
const assessText = fc
  .tuple(
    fc.constantFrom("fit", "match", "fit:", "FIT"),
    fc.oneof(
      fc.constantFrom(...TITLES, "Relations Boss", '"Brand Manager"', ""),
      fc.string({ maxLength: 60 }),
    ),
    fc.constantFrom(": ", "\n", " ", ":", ""),
    fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc
        .integer({ min: 0, max: 25_000 })
        .map((n) => "Led media relations and brand campaigns; ".repeat(Math.ceil(n / 40)).slice(0, n)),
    ),
  )
  .map(([sub, title, separator, summary]) => `${sub} ${title}${separator}${summary}`);

const anyText = fc.oneof(
  commandText,
  assessText,
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ maxLength: 3000 }),
);

function withinBlockKit(message: Message): void {
  expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
  expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageJsonChars + 1_000);
}

let db: TestDatabase;
let deps: SlackDeps;

beforeAll(async () => {
  db = await createTestDatabase();
  const sample = await readFrameworkFile(SAMPLE_FRAMEWORK_FILE);
  if (!sample.ok) throw new Error("the sample framework does not load");
  deps = await slackDepsOver(db, [marketingFramework(), sample.framework]);
});
afterAll(async () => {
  await db?.dispose();
});

describe("the /profile parser", () => {
  it("reads any text as a request or help, never throwing", () => {
    const count = new CaseCount("profile parser");
    fc.assert(
      fc.property(anyText, (text) => {
        const command = parseProfileCommand(text);
        count.note(command.kind);
        expect(["help", ...SUBCOMMANDS]).toContain(command.kind);
        if (command.kind === "show") expect(command.title.trim()).not.toBe("");
        if (command.kind === "compare")
          expect([command.titleA.trim(), command.titleB.trim()]).not.toContain("");
        if (command.kind === "fit") expect(command.title.trim()).not.toBe("");
      }),
      { numRuns: 20_000 },
    );
    count.report();
  });
});

describe("the answer to /profile <anything>", () => {
  it("is an answer within Block Kit's limits, or a refusal the user can read", async () => {
    const count = new CaseCount("profile answers");
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        let answer: Answer;
        try {
          answer = await answerProfileCommand(deps, parseProfileCommand(text), {
            userId: "U1",
            requestKey: `fuzz:${++sequence}`,
            channelId: "C1",
            responseUrl: "https://hooks.slack.test/r",
          });
        } catch (error) {
          // Only refusals with a message for the user (not found, not allowed, invalid).
          expect(error).toBeInstanceOf(AppError);
          withinBlockKit(errorMessage(error));
          count.note("refused");
          return;
        }
        count.note(answer.kind);
        if (answer.kind === "message") withinBlockKit(answer.message);
        if (answer.kind === "modal")
          expect(answer.view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.modalBlocks);
        if (answer.kind === "deferred") {
          withinBlockKit(answer.interim);
          try {
            withinBlockKit(await answer.finish());
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            count.note("deferred refused");
          }
        }
      }),
      { numRuns: 1_500 },
    );
    count.report();
  });
});

describe("/profile <anything> over HTTP", () => {
  let fake: FakeSlack;
  let bot: Instance;
  beforeAll(async () => {
    fake = await startFakeSlack();
    bot = await startInstance({ db, slackApiUrl: fake.apiUrl, frameworks: [] });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it("is acknowledged with 200, never Slack's error page", async () => {
    const count = new CaseCount("profile over HTTP");
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const response = await postSigned(
          bot.endpoint,
          commandBody({ text, responseUrl: fake.responseUrl() }),
        );
        const body = await response.text();
        expect(response.status).toBe(200);
        if (body) withinBlockKit(JSON.parse(body));
        count.note(body ? "answered in the ack" : "acknowledged");
      }),
      { numRuns: 300 },
    );
    count.report();
    expect(bot.logs.join("")).not.toMatch(/"level":"error"/);
  });
});
