import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/domain/compare.js";
import type { CompetencyFit, FitResult, MatchResult } from "../../src/domain/fit/index.js";
import type { JobProfile, RequiredCompetency } from "../../src/domain/library.js";
import type { PersonWithRatings } from "../../src/domain/people.js";
import { benchStrength, gapReport, rankSuccessors, successionOptions } from "../../src/domain/succession.js";
import type { AssessmentRecord } from "../../src/services/assessment-ports.js";
import { comparisonMessage, comparisonModal } from "../../src/slack/blocks/compare.js";
import { fitCompetenciesModal, fitMessage } from "../../src/slack/blocks/fit.js";
import { helpMessage } from "../../src/slack/blocks/help.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { clip, composeMessage, packLines, SLACK_LIMITS, section } from "../../src/slack/blocks/limits.js";
import { matchMessage } from "../../src/slack/blocks/match.js";
import { fitModal, keepRatingsModal, matchModal } from "../../src/slack/blocks/modals.js";
import { pickerMessage } from "../../src/slack/blocks/picker.js";
import { profileMessage, profileModal } from "../../src/slack/blocks/profile.js";
import { searchMessage } from "../../src/slack/blocks/search.js";
import {
  gapsMessage,
  MESSAGE_SUCCESSORS,
  MODAL_SUCCESSORS,
  successorsMessage,
  successorsModal,
} from "../../src/slack/blocks/succession.js";
import { buttons, visibleText } from "./harness.js";

type Json = { [key: string]: unknown };

/** Fails on anything in `blocks` that Slack would refuse. */
function expectWithinLimits(blocks: unknown[], surface: "message" | "modal" | "home") {
  const max = surface === "message" ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.modalBlocks;
  expect(blocks.length).toBeLessThanOrEqual(max);
  if (surface === "message")
    expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(SLACK_LIMITS.messageJsonChars);
  const text = (value: unknown) => ((value as Json | undefined)?.text as string | undefined) ?? "";
  const check = (element: Json) => {
    if (element.type === "button") {
      expect(text(element.text).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect(String(element.value ?? "").length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      expect(String(element.action_id).length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
    }
    for (const option of (element.options as Json[] | undefined) ?? []) {
      expect(text(option.text).length).toBeLessThanOrEqual(SLACK_LIMITS.optionText);
      expect(String(option.value).length).toBeLessThanOrEqual(SLACK_LIMITS.optionValue);
    }
  };
  for (const block of blocks as Json[]) {
    switch (block.type) {
      case "header":
        expect(text(block.text).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
        break;
      case "section": {
        expect(block.text !== undefined || block.fields !== undefined).toBe(true);
        if (block.text) expect(text(block.text).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        const fields = (block.fields as Json[] | undefined) ?? [];
        expect(fields.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
        for (const field of fields) expect(text(field).length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
        if (block.accessory) check(block.accessory as Json);
        break;
      }
      case "context": {
        const elements = block.elements as Json[];
        expect(elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
        for (const element of elements)
          expect(text(element).length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
        break;
      }
      case "actions": {
        const elements = block.elements as Json[];
        expect(elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
        elements.forEach(check);
        break;
      }
      case "input":
        expect(text(block.label).length).toBeLessThanOrEqual(SLACK_LIMITS.inputLabel);
        check(block.element as Json);
        break;
      case "divider":
        break;
      default:
        throw new Error(`unexpected block type ${String(block.type)}`);
    }
  }
}

function expectModalWithinLimits(view: {
  title: { text: string };
  blocks: unknown[];
  private_metadata?: string;
}) {
  expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
  expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(SLACK_LIMITS.privateMetadata);
  expectWithinLimits(view.blocks, "modal");
}

const LONG = (what: string, length: number) => `${what} ${"x".repeat(length)}`.slice(0, length);

function hugeProfile(id: number, prefix: string, count = 60): JobProfile {
  const competencies: RequiredCompetency[] = Array.from({ length: count }, (_, i) => ({
    competencyId: i + 1,
    name: `${prefix} competency number ${i} with a rather long name that goes on and on ${"y".repeat(80)}`,
    kind: i % 2 === 0 ? "GENERAL" : "TECHNICAL",
    category: "Category",
    definition: "Definition",
    indicators: {},
    keywords: [],
    level: (i % 5) + 1,
    importance: 5 - (i % 5),
    essential: i % 7 === 0,
    examples: Array.from({ length: 12 }, (_, j) => `Example product ${j} <b>&</b>`),
  }));
  return {
    id,
    frameworkName: "huge-framework",
    title: LONG(`${prefix} title`, 500),
    family: LONG("Family", 200),
    code: "99-9999.99",
    description: LONG("Description", 5_000),
    alternateTitles: Array.from({ length: 50 }, (_, i) => LONG(`Alternate ${i}`, 200)),
    tasks: [],
    version: 1,
    positions: 1,
    competencies,
  };
}

function hugeFit(profile: JobProfile): FitResult {
  const competencies: CompetencyFit[] = profile.competencies.map((c, i) => ({
    competencyId: c.competencyId,
    name: c.name,
    kind: c.kind,
    category: c.category,
    requiredLevel: c.level,
    importance: c.importance,
    essential: c.essential,
    demonstratedLevel: i % 6,
    status: (["meets", "partial", "gap", "no_evidence"] as const)[i % 4] ?? "gap",
    evidence: [0, 1, 2].map((j) => ({ start: j, end: j + 400, text: LONG(`Quote ${i}-${j} <script>`, 400) })),
    rationale: "",
  }));
  return {
    profileId: profile.id,
    title: profile.title,
    frameworkName: profile.frameworkName,
    profileVersion: 1,
    overall: 57,
    general: 61,
    technical: null,
    band: "partial",
    competencies,
    essentialWithoutEvidence: competencies.filter((c) => c.essential).map((c) => c.name),
    strengths: competencies.filter((c) => c.status === "meets"),
    gaps: competencies
      .filter((c) => c.status !== "meets")
      .map((competency) => ({ competency, question: LONG("Tell me about a time", 900) })),
    engine: "local",
  };
}

const a = hugeProfile(1, "Alpha");

describe("builders with huge content stay within Slack's limits", () => {
  it("a profile with 60 competencies and a 500-character title is shortened with a way to see the rest", () => {
    const message = profileMessage(a, LONG("Source", 3_000));
    expectWithinLimits(message.blocks, "message");
    expect(visibleText(message.blocks)).toContain("Shortened to fit Slack");
    expect(buttons(message.blocks).map((button) => button.text.text)).toEqual([
      "See all competencies",
      "Share in channel",
    ]);
    const view = profileModal(a, "Source");
    expectModalWithinLimits(view);
    expect(visibleText(view.blocks)).toContain("competency number 59");
  });

  it("a comparison of two profiles with 200 competencies each", () => {
    const comparison = compareProfiles(hugeProfile(3, "Gamma", 200), hugeProfile(4, "Delta", 200));
    const message = comparisonMessage(comparison);
    expectWithinLimits(message.blocks, "message");
    expect(buttons(message.blocks).map((button) => button.text.text)).toContain("See the full comparison");
    const view = comparisonModal(comparison);
    expectModalWithinLimits(view);
  });

  it("a fit with 60 competencies, long quotes and long questions, for each audience", () => {
    const fit = hugeFit(a);
    for (const audience of ["requester", "channel", "thread"] as const) {
      const message = fitMessage({
        assessmentId: "0b9e3c1e-1111-4a4a-9999-123456789abc",
        fit,
        audience,
        includeEvidence: true,
        sharedBy: "U1",
      });
      expectWithinLimits(message.blocks, "message");
      expect(visibleText(message.blocks)).toContain("Decision support");
    }
    const requester = fitMessage({ assessmentId: "id", fit, audience: "requester" });
    expect(buttons(requester.blocks).map((button) => button.text.text)).toEqual([
      "See every competency",
      "Share in channel",
      "Share with evidence",
    ]);
    expect(visibleText(requester.blocks)).not.toContain("<script>");
    expectModalWithinLimits(fitCompetenciesModal({ assessmentId: "id", fit }));
  });

  it("tells the reader how a model read the summary (text cut, quotes dropped)", () => {
    const fit = {
      ...hugeFit(a),
      notices: ["The summary was cut to 12,000 characters before it went to OpenAI."],
    };
    const message = fitMessage({ assessmentId: "id", fit, audience: "requester" });
    expectWithinLimits(message.blocks, "message");
    expect(visibleText(message.blocks)).toContain("The summary was cut to 12,000 characters");
  });

  it("match results, search results, a picker, help and the Home tab", () => {
    const results: MatchResult[] = Array.from({ length: 50 }, (_, i) => ({
      profileId: i + 1,
      title: LONG(`Match ${i}`, 500),
      frameworkName: LONG("framework", 64),
      family: "",
      score: 90 - i,
      general: 80,
      technical: null,
      relevance: 1,
      matchScore: 1,
    }));
    expectWithinLimits(
      matchMessage({ results, pending: "k", framework: LONG("fw", 200), family: LONG("fam", 200) }).blocks,
      "message",
    );
    const matches = results.slice(0, 10).map((r) => ({ ...r, matchedTitle: LONG("Alt", 500) }));
    expectWithinLimits(searchMessage(LONG("query", 4_000), matches).blocks, "message");
    expectWithinLimits(
      pickerMessage({
        intro: LONG("Which?", 4_000),
        candidates: matches,
        continuation: { op: "compare", side: "A", other: LONG("other", 200) },
      }).blocks,
      "message",
    );
    expectWithinLimits(
      helpMessage({ topic: "compare", problem: LONG("problem", 5_000), didYouMean: "compare" }).blocks,
      "message",
    );
    const recent: AssessmentRecord[] = Array.from({ length: 10 }, (_, i) => ({
      id: `id-${i}`,
      actor: "U1",
      createdAt: new Date(),
      profileId: i,
      profileTitle: LONG("Profile", 500),
      frameworkName: "onet",
      profileVersion: 1,
      engine: "local",
      overall: 50,
      general: 50,
      technical: 50,
      band: "partial",
      details: {},
      summaryText: null,
      purgeAfter: null,
    }));
    const frameworks = Array.from({ length: 120 }, (_, i) => ({
      name: `fw-${i}`,
      description: LONG("Description", 5_000),
      source: LONG("Source", 3_000),
      profileCount: 1000,
      competencyCount: 200,
      updatedAt: new Date(),
    }));
    const allowed = new Set(["assess_fit", "match_candidate", "view_assessment", "list_successors"] as const);
    expectWithinLimits(homeView({ recent, frameworks, allowed }).blocks, "home");
  });

  it("forms: a 3,000-character cap on the prefilled summary and at most 100 options", () => {
    const view = fitModal({
      state: { source: "shortcut", channel: "C1" },
      retentionDays: 30,
      summary: LONG("Message", 45_000),
    });
    expectModalWithinLimits(view);
    expect(visibleText(view.blocks)).toContain("the first 3,000 are filled in");
    const match = matchModal({
      state: { channel: "C1", responseUrl: `https://hooks.slack.com/${"r".repeat(200)}` },
      frameworks: Array.from({ length: 150 }, (_, i) => `framework-${i}`),
      families: Array.from({ length: 150 }, (_, i) => LONG(`Family ${i}`, 140)),
    });
    expectModalWithinLimits(match);
  });
});

describe("limits helpers", () => {
  it("clip never exceeds the limit nor splits a character or an entity", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("ab😀cd", 4)).toBe("ab…");
    expect(clip("a &amp; b", 4)).toBe("a …");
  });

  it("packLines keeps every group within the limit, code fences included", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${"z".repeat(i * 3)}`);
    for (const text of packLines(lines, { code: true, max: 1_000 })) {
      expect(text.length).toBeLessThanOrEqual(1_000);
      expect(text.startsWith("```\n") && text.endsWith("\n```")).toBe(true);
    }
  });

  it("composeMessage keeps the head and tail and says how much of the body was left out", () => {
    const body = Array.from({ length: 80 }, (_, i) => section(`body ${i}`));
    const message = composeMessage("text", { head: [section("head")], body, tail: [section("tail")] });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(visibleText(message.blocks[0] ? [message.blocks[0]] : [])).toBe("head");
    expect(visibleText(message.blocks.slice(-1))).toBe("tail");
    expect(visibleText(message.blocks)).toMatch(/Shortened to fit Slack: \d+ more not shown/);
  });
});

describe("succession blocks", () => {
  const role = hugeProfile(1, "Role", 40);
  const now = new Date("2026-11-28T12:00:00Z");
  const people: PersonWithRatings[] = Array.from({ length: 400 }, (_, p) => ({
    id: p + 1,
    name: LONG(`Person ${p} <with> & a very long name`, 300),
    email: `p${p}@example.com`,
    slackUserId: p % 2 === 0 ? `U${String(p).padStart(8, "0")}` : null,
    currentProfileId: null,
    ratings: role.competencies.map((c, i) => ({
      competencyId: c.competencyId,
      level: (p + i) % 6,
      source: "MANAGER" as const,
      ratedAt: new Date(i % 3 === 0 ? "2024-01-01" : "2026-10-01"),
    })),
  }));
  const list = (limit: number) => {
    const options = successionOptions();
    return {
      ...rankSuccessors({ role, people, now, options, limit }),
      profile: role,
      bench: benchStrength({ role, profiles: [role], people, now, options }),
      options,
      asOf: now,
    };
  };

  it("lists the top successors in a message within Slack's limits, with a button to see all", () => {
    const message = successorsMessage(list(MESSAGE_SUCCESSORS), { k: "successors", id: 1 });
    expectWithinLimits(message.blocks, "message");
    expect(visibleText(message.blocks)).toContain("10. ");
    expect(buttons(message.blocks).map((button) => button.text.text)).toEqual(["See all 400"]);
    expect(visibleText(message.blocks)).not.toContain("<with>");
  });

  it("fits the long list and the bench in a modal", () => {
    const view = successorsModal(list(MODAL_SUCCESSORS));
    expectModalWithinLimits(view as Parameters<typeof expectModalWithinLimits>[0]);
    expect(visibleText(view.blocks)).toMatch(
      /more people: `competency-bot successors` lists everyone|more parts do not fit here/,
    );
  });

  it("fits a gap report of a large role in a message", () => {
    const person = people[3] as PersonWithRatings;
    const report = gapReport(person.ratings, role, now);
    const message = gapsMessage({ person, profile: role, report, asOf: now });
    expectWithinLimits(message.blocks, "message");
    expect(visibleText(message.blocks)).toContain("Gaps to develop");
  });

  it("fits the keep-as-ratings form, whatever the assessment found", () => {
    const view = keepRatingsModal({
      state: {
        aid: "a".repeat(36),
        channel: "C1",
        responseUrl: `https://hooks.slack.com/${"r".repeat(300)}`,
      },
      profileTitle: LONG("Title", 500),
      levels: role.competencies.map((c) => ({ competencyId: c.competencyId, competency: c.name, level: 3 })),
    });
    expectModalWithinLimits(view as Parameters<typeof expectModalWithinLimits>[0]);
  });
});
