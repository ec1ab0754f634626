import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/console/console.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { slackDepsOver } from "../slack/harness.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { marketingFramework } from "../support/frameworks.js";

const SUMMARY =
  "Eight years in media relations and communication at a PR agency. Pitched stories to national journalists and led a press office team of five.";

let db: TestDatabase;
let deps: SlackDeps;
beforeAll(async () => {
  db = await createTestDatabase();
  deps = await slackDepsOver(db, [marketingFramework()]);
});
afterAll(async () => {
  await db?.dispose();
});

/** Runs the console on these input lines to their end and returns everything it printed. */
async function converse(lines: string[]): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  await runConsole({ deps, input: Readable.from([`${lines.join("\n")}\n`]), output, userId: "UCONSOLE" });
  return chunks.join("");
}

describe("the console", () => {
  it("answers /profile compare with the comparison rendered from its Block Kit", async () => {
    const out = await converse(["/profile compare Marketing Manager vs Media Relations Specialist"]);
    expect(out).toContain("Marketing Manager vs Media Relations Specialist\n═");
    expect(out).toMatch(/General: \d+ of \d+ shared · Technical: \d+ of \d+ shared/);
    expect(out).toMatch(/Leadership\s+4\s+–\s+only A/);
    expect(out).toContain("[Share in channel]");
  });

  it("shows help for an empty or unknown command, with what was meant", async () => {
    const out = await converse(["/profile", "/profile comapre a vs b"]);
    expect(out).toContain("How to use /profile");
    expect(out).toContain("Did you mean `compare`?");
  });

  it("numbers the choices of a picker and continues the request with the number typed", async () => {
    const out = await converse(["/profile compare Marketing Wizard vs Media Relations Specialist", "1"]);
    expect(out).toMatch(/ 1\) Marketing Manager/);
    expect(out).toContain("Marketing Manager vs Media Relations Specialist\n═");
  });

  it("assesses a fit, then shares it as the channel would see it", async () => {
    const out = await converse([`/profile fit Media Relations Specialist: ${SUMMARY}`, "Share in channel"]);
    expect(out).toContain("Candidate fit: Media Relations Specialist");
    expect(out).toContain("Evidence quoted from the summary");
    expect(out).toContain("[See every competency] [Share in channel] [Share with evidence]");
    const shared = out.slice(out.indexOf("(posted in the channel"));
    expect(shared).toContain("Shared by @UCONSOLE");
    expect(shared).not.toContain("national journalists");
    expect(await db.prisma.assessment.count({ where: { actor: "UCONSOLE" } })).toBeGreaterThan(0);
  });

  it("asks for the summary when the form would open, reading lines up to an empty one", async () => {
    const out = await converse([
      "/profile fit Media Relations Specialist",
      ...SUMMARY.split(". "),
      "",
      "See every competency",
    ]);
    expect(out).toContain("┌ Assess candidate fit ┐");
    expect(out).toContain("Candidate fit: Media Relations Specialist");
    expect(out).toContain("┌ Every competency ┐");
  });

  it("runs the message shortcut's form with the profile chosen by number", async () => {
    const out = await converse([`/assess ${SUMMARY}`, "media relations", "1", ""]);
    expect(out).toContain(" 1) Media Relations Specialist (acme)");
    expect(out).toContain("Candidate fit: Media Relations Specialist");
  });

  it("shows the App Home tab", async () => {
    const out = await converse(["/home"]);
    expect(out).toContain("Your recent assessments");
    expect(out).toContain("Frameworks loaded");
  });

  it("says what it does not understand and ends at end of input", async () => {
    const out = await converse(["hello there", "7"]);
    expect(out).toContain("Not a command");
    expect(out).toContain("There is no option 7");
  });
});
