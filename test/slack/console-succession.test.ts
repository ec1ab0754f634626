import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/console/console.js";
import type { SlackDeps } from "../../src/slack/deps.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { clock, seedSuccession } from "../support/succession.js";
import { roles, slackDepsOver } from "./harness.js";

/** The console acts as a local admin, whatever roles Slack users have: succession and keeping ratings work. */
let db: TestDatabase;
let deps: SlackDeps;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedSuccession(db);
  deps = await slackDepsOver(db, [], { clock }, { roles: roles({ hr: ["USOMEONEELSE"] }) });
});
afterAll(async () => {
  await db?.dispose();
});

async function converse(lines: string[]): Promise<string> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  await runConsole({ deps, input: Readable.from([`${lines.join("\n")}\n`]), output, userId: "console-me" });
  return chunks.join("");
}

describe("succession in the console", () => {
  it("lists successors by title and by person, and a person's gaps", async () => {
    const out = await converse([
      "/profile successors Team Lead",
      "/profile successors @ULENA",
      "/profile gaps @UXAVIER Developer",
    ]);
    expect(out).toContain("Successors: Team Lead\n═");
    expect(out).toContain("1. Xavier (@UXAVIER) — 100 % · 🟢 Ready now");
    expect(out).toContain("Who could succeed Lena");
    expect(out).toContain("Xavier: gaps for Developer");
    expect(out).toContain("Next, at level 1: Coding at 1");
  });

  it("keeps an assessment as ratings of the person whose Slack id is typed", async () => {
    const out = await converse([
      "/profile fit Team Lead: For six years she ran communication with clients and the press, planning every quarterly roadmap.",
      "Keep as ratings of a person…",
      "UXAVIER",
    ]);
    expect(out).toContain("┌ Keep as ratings ┐");
    expect(out).toMatch(/✅ Kept \d+ ratings? of Xavier \(@UXAVIER\) from the assessment for Team Lead/);
  });
});
