import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FitResult } from "../../src/domain/fit/index.js";
import { clock, NOW, seedSuccession } from "../support/succession.js";
import {
  buttonLabelled,
  buttons,
  drive,
  roles,
  type SlackHarness,
  startSlackHarness,
  visibleText,
} from "./harness.js";

const SUMMARY =
  "For six years she ran communication with clients and the press, planning every quarterly roadmap for a team of twelve and presenting the plans to the board.";
const KEEP = "Keep as ratings of a person…";

let h: SlackHarness;
let slack: ReturnType<typeof drive>;
beforeAll(async () => {
  h = await startSlackHarness({
    frameworks: [],
    clock,
    roles: roles({ recruiters: ["URECRUITER", "URECRUITER2"], hr: ["UHR"] }),
  });
  await seedSuccession(h.db);
  slack = drive(h);
});
afterAll(async () => {
  await h?.stop();
});

async function assessment(): Promise<{ blocks: unknown[]; fit: FitResult }> {
  const { responseUrl } = await slack.command(`fit Team Lead: ${SUMMARY}`, "URECRUITER");
  const answer = await slack.firstPost(responseUrl);
  const stored = await h.db.prisma.assessment.findFirst({ orderBy: { createdAt: "desc" } });
  return { blocks: answer.blocks, fit: stored?.details as FitResult };
}

const ratingsOf = (email: string) =>
  h.db.prisma.competencyRating.findMany({
    where: { person: { email } },
    select: { level: true, source: true, ratedAt: true, competency: { select: { name: true } } },
    orderBy: [{ competency: { name: "asc" } }, { source: "asc" }],
  });

async function openForm(blocks: unknown[], userId = "URECRUITER") {
  const opened = h.fake.callsTo("views.open").length;
  await slack.press(buttonLabelled(blocks, KEEP), userId);
  return slack.openedView(opened);
}

const choosing = (userId: string) => ({
  person: { person_select: { type: "users_select", selected_user: userId } },
});

describe("Keep as ratings of a person…", () => {
  it("saves each competency the assessment found evidence of as an ASSESSMENT rating dated now", async () => {
    const { blocks, fit } = await assessment();
    const evidenced = fit.competencies.filter((c) => c.status !== "no_evidence");
    expect(evidenced.length).toBeGreaterThan(0);
    expect(evidenced.length).toBeLessThan(fit.competencies.length);

    const view = await openForm(blocks);
    expect(view.callback_id).toBe("keep_ratings_modal");
    const form = visibleText(view.blocks);
    for (const c of evidenced) expect(form).toContain(`• ${c.name}: level ${c.demonstratedLevel}`);
    expect(form).toContain("source *ASSESSMENT*, dated today");

    const before = await ratingsOf("xavier@example.com");
    const { body } = await slack.submit(view, choosing("UXAVIER"), "URECRUITER");
    expect(body).toEqual({});
    const responseUrl = JSON.parse(view.private_metadata ?? "{}").responseUrl as string;
    const confirmation = await slack.firstPost(responseUrl);
    expect(confirmation.response_type).toBe("ephemeral");
    expect(visibleText(confirmation.blocks)).toContain(
      `✅ Kept ${evidenced.length === 1 ? "1 rating" : `${evidenced.length} ratings`} of *Xavier* (<@UXAVIER>) from the assessment for *Team Lead*: source ASSESSMENT, dated 2026-11-28.`,
    );

    const after = await ratingsOf("xavier@example.com");
    const assessed = after.filter((rating) => rating.source === "ASSESSMENT");
    for (const c of evidenced) {
      expect(assessed).toContainEqual({
        level: c.demonstratedLevel,
        source: "ASSESSMENT",
        ratedAt: NOW,
        competency: { name: c.name },
      });
    }
    // Only evidenced competencies are rated; manager and self ratings stay as they were.
    const unevidenced = fit.competencies.filter((c) => c.status === "no_evidence").map((c) => c.name);
    for (const rating of assessed.filter((r) => r.ratedAt.getTime() === NOW.getTime()))
      expect(unevidenced).not.toContain(rating.competency.name);
    expect(after.filter((rating) => rating.source !== "ASSESSMENT")).toEqual(
      before.filter((rating) => rating.source !== "ASSESSMENT"),
    );

    const [audit] = await slack.audits({ action: "keep_assessment_ratings" });
    expect(audit).toMatchObject({
      actor: "URECRUITER",
      target: expect.stringMatching(/^person:\d+$/),
      outcome: "ok",
      detail: { ratings: evidenced.length },
    });
  });

  it("keeps the form open and saves nothing when the person is not in the people store", async () => {
    const { blocks } = await assessment();
    const view = await openForm(blocks);
    const before = await h.db.prisma.competencyRating.count();
    const { body } = await slack.submit(view, choosing("UNOBODY"), "URECRUITER");
    expect(body).toEqual({
      response_action: "errors",
      errors: {
        person:
          "That person is not in the people store (people are loaded with `competency-bot import people`), so nothing was saved.",
      },
    });
    expect(await h.db.prisma.competencyRating.count()).toBe(before);
  });

  it("is offered to recruiters only, and refuses anyone else who presses it", async () => {
    const { blocks } = await assessment();
    const opened = h.fake.callsTo("views.open").length;
    const url = await slack.press(buttonLabelled(blocks, KEEP), "UHR", false);
    const refusal = await slack.firstPost(url);
    expect(refusal.response_type).toBe("ephemeral");
    expect(visibleText(refusal.blocks)).toBe(
      "⛔ You don't have access to keeping assessments as ratings of people. Ask your competency-bot admin to add you to the recruiters role (ROLE_RECRUITERS).",
    );
    expect(await slack.audits({ actor: "UHR", outcome: "denied" })).toEqual([
      expect.objectContaining({ action: "keep_assessment_ratings" }),
    ]);

    // Another recruiter may not keep an assessment they did not run.
    const other = await slack.press(buttonLabelled(blocks, KEEP), "URECRUITER2", false);
    expect(visibleText((await slack.firstPost(other)).blocks)).toContain(
      "Only the person who ran this assessment can keep it as ratings.",
    );
    expect(h.fake.callsTo("views.open").length).toBe(opened);
  });

  it("is not offered to someone who may assess but not keep ratings", async () => {
    const open = await startSlackHarness({ frameworks: [], clock });
    try {
      await seedSuccession(open.db);
      const { responseUrl } = await drive(open).command(`fit Team Lead: ${SUMMARY}`, "UANYONE");
      const answer = await drive(open).firstPost(responseUrl);
      expect(buttons(answer.blocks).map((button) => button.text.text)).not.toContain(KEEP);
    } finally {
      await open.stop();
    }
  });
});
