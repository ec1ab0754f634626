import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeopleRepository } from "../../src/adapters/db/people-repository.js";
import { importPeople } from "../../src/services/import-people.js";
import { SLACK_LIMITS } from "../../src/slack/blocks/limits.js";
import { clock, seedSuccession } from "../support/succession.js";
import {
  buttonLabelled,
  buttons,
  drive,
  roles,
  type SlackHarness,
  startSlackHarness,
  visibleText,
} from "./harness.js";

/**
 * On top of the succession fixture (test/support/succession.ts): Quinn, with a Slack account, an
 * essential gap and a stale rating; and twelve more people far from Team Lead, so that the role has
 * more successors than a message lists.
 */
const MORE_PEOPLE = [
  "email,name,slack_user_id,current_profile,framework,competency,level,source,rated_at",
  "quinn@example.com,Quinn,UQUINN,Developer,acme,Communication,3,manager,2026-11-01",
  "quinn@example.com,Quinn,,,acme,Planning,1,manager,2025-01-01",
  ...Array.from(
    { length: 12 },
    (_, i) => `extra${i}@example.com,Extra ${String(i + 10)},,,acme,Communication,2,self,2026-10-01`,
  ),
].join("\n");

let h: SlackHarness;
let slack: ReturnType<typeof drive>;
beforeAll(async () => {
  h = await startSlackHarness({
    frameworks: [],
    clock,
    roles: roles({ hr: ["UHR"], recruiters: ["URECRUITER"] }),
  });
  await seedSuccession(h.db);
  await importPeople(
    { people: createPeopleRepository(h.db.prisma), clock },
    { name: "more.csv", text: MORE_PEOPLE, format: "csv" },
  );
  slack = drive(h);
});
afterAll(async () => {
  await h?.stop();
});

const lastAudit = async () => (await slack.audits()).at(-1);

function expectWithinMessageLimits(blocks: unknown[]) {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
  expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageJsonChars);
}

describe("/profile successors <title>", () => {
  it("ranks the top ten by match with readiness, largest gaps, stale ratings and bench strength", async () => {
    const { body } = await slack.command("successors Team Lead", "UHR");
    expect(body.response_type).toBe("ephemeral");
    expectWithinMessageLimits(body.blocks);
    const text = visibleText(body.blocks);
    expect(text).toContain("Successors: Team Lead");
    expect(text).toContain("*Bench strength*\n1.25 for 2 positions");
    expect(text).toContain("*On the bench*\n4 people at ≥ 60 % match");
    expect(text).toContain("🟢 2 ready now · 🟡 2 in 1–2 years · ⚪ 15 not ready");
    expect(text).toContain("*Considered*\n19 people");
    expect(text).toContain(
      "1. *Xavier* (<@UXAVIER>) — *100 %* · 🟢 Ready now\nRatings: 3 of 3 rated, all fresh",
    );
    expect(text).toContain(
      "2. *Yasmin* — *88 %* · 🟡 Ready in 1–2 years\nLargest gaps: Communication 3 of 4 (essential)",
    );
    expect(text).toContain(
      "4. *Zoe* — *60 %* · 🟡 Ready in 1–2 years\nLargest gaps: Planning 1 of 3 (stale rating) · Budgeting 0 of 2\nRatings: 2 of 3 rated · ⚠️ 1 stale, oldest 2025-07-16",
    );
    expect(text).not.toContain("Lena");
    expect(text.match(/^\d+\. /gm)).toHaveLength(10);
    expect(buttonLabelled(body.blocks, "See all 19")).toBeTruthy();
    expect(buttons(body.blocks).map((button) => button.text.text)).not.toContain("Share in channel");

    expect(await lastAudit()).toMatchObject({
      actor: "UHR",
      action: "list_successors",
      target: "acme/Team Lead",
      outcome: "ok",
      detail: { considered: 19, listed: 10, benchMembers: 4 },
    });
  });

  it("shows all of them in a modal, checked and audited again", async () => {
    const { body } = await slack.command("successors Team Lead", "UHR");
    const seeAll = buttonLabelled(body.blocks, "See all 19");
    const opened = h.fake.callsTo("views.open").length;
    await slack.press(seeAll, "UHR");
    const view = await slack.openedView(opened);
    const text = visibleText(view.blocks);
    expect(text.match(/^\d+\. /gm)).toHaveLength(19);
    expect(text).toContain("19. *Dev* — *0 %*");
    expect(text).toContain("*Bench for Team Lead*");
    expect(await lastAudit()).toMatchObject({
      action: "list_successors",
      outcome: "ok",
      detail: { listed: 19 },
    });

    // The button travels with the message: someone without the role gets a refusal, not the list.
    await slack.press(seeAll, "URECRUITER", false);
    const refused = await slack.openedView(opened + 1);
    expect(visibleText(refused.blocks)).toContain("You don't have access to successor lists");
    expect(visibleText(refused.blocks)).not.toContain("Xavier");
    expect(await lastAudit()).toMatchObject({ actor: "URECRUITER", outcome: "denied" });
  });

  it("asks which role an unclear title means, and lists the successors of the one chosen", async () => {
    const { body } = await slack.command("successors Team Boss", "UHR");
    expect(visibleText(body.blocks)).toContain("to list successors for");
    const choose = buttons(body.blocks).find((button) => button.action_id === "choose_profile");
    if (!choose) throw new Error("no picker");
    const url = await slack.press(choose, "UHR");
    const answer = await slack.firstPost(url);
    expect(visibleText(answer.blocks)).toContain("Successors: Team Lead");
  });
});

describe("/profile successors @person", () => {
  it("lists who could succeed a person in their current role, found by Slack user id", async () => {
    const { body } = await slack.command("successors <@ULENA|lena>", "UHR");
    const text = visibleText(body.blocks);
    expect(text).toContain("Who could succeed Lena");
    expect(text).toContain("*Lena* (<@ULENA>) holds the role Team Lead (acme)");
    expect(text).toContain("1. *Xavier*");
    expect(text).not.toMatch(/\d+\. \*Lena\*/);
    expect(await lastAudit()).toMatchObject({
      action: "list_successors",
      target: "slack:ULENA",
      outcome: "ok",
      detail: { considered: 19 },
    });
  });

  it("says so when no imported person has that Slack account, and audits it", async () => {
    const { body } = await slack.command("successors <@UNOBODY|nobody>", "UHR");
    expect(visibleText(body.blocks)).toContain("No imported person has Slack user <@UNOBODY>");
    expect(await lastAudit()).toMatchObject({
      action: "list_successors",
      target: "slack:UNOBODY",
      outcome: "not_found",
    });
  });
});

describe("/profile gaps @person <title>", () => {
  it("shows strengths and gaps against the role, with what the next level looks like", async () => {
    const { body } = await slack.command("gaps <@UQUINN|quinn> Team Lead", "UHR");
    expectWithinMessageLimits(body.blocks);
    const text = visibleText(body.blocks);
    expect(text).toContain("Quinn: gaps for Team Lead");
    expect(text).toContain("*Match*\n48 % · ⚪ Not ready");
    expect(text).toContain("*Ratings*\n2 of 3 rated · ⚠️ 1 stale, oldest 2025-01-01");
    expect(text).toContain("*Strengths (0)*\n_none_");
    expect(text).toContain(
      "🔴 *Communication* — 3 of 4 required · essential\n    _Next, at level 4: Communication at 4_",
    );
    expect(text).toContain(
      "🔴 *Planning* — 1 of 3 required · stale rating\n    _Next, at level 2: Planning at 2_",
    );
    expect(text).toContain(
      "🔴 *Budgeting* — 0 of 2 required · not rated\n    _Next, at level 1: Budgeting at 1_",
    );
    expect(await lastAudit()).toMatchObject({
      actor: "UHR",
      action: "person_gaps",
      target: "slack:UQUINN",
      outcome: "ok",
      detail: { profile: "acme/Team Lead", percent: 48 },
    });
  });

  it("measures against the person's current role when no title is given", async () => {
    const { body } = await slack.command("gaps <@UXAVIER>", "UHR");
    const text = visibleText(body.blocks);
    expect(text).toContain("Xavier: gaps for Project Manager");
    expect(text).toContain("✅ *Planning* — 3 of 3 required");
  });
});
