import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Indicators, JobProfile } from "../../src/domain/library.js";
import type { PersonWithRatings, Rating, RatingSource } from "../../src/domain/people.js";
import {
  benchCandidates,
  benchStrength,
  DEFAULT_SUCCESSION_OPTIONS,
  gapReport,
  matchRole,
  rankSuccessors,
  successionOptions,
} from "../../src/domain/succession.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

type Requirement = [
  competencyId: number,
  name: string,
  level: number,
  importance: number,
  essential?: boolean,
];

function jobProfile(
  id: number,
  title: string,
  requirements: Requirement[],
  extra: Partial<JobProfile> = {},
): JobProfile {
  return {
    id,
    frameworkName: "acme",
    title,
    family: "Test",
    code: null,
    description: "",
    alternateTitles: [],
    tasks: [],
    version: 1,
    positions: 1,
    competencies: requirements.map(([competencyId, name, level, importance, essential = false]) => ({
      competencyId,
      name,
      kind: "GENERAL",
      category: "",
      definition: "",
      indicators: {},
      keywords: [],
      level,
      importance,
      essential,
      examples: [],
    })),
    ...extra,
  };
}

const rating = (
  competencyId: number,
  level: number,
  source: RatingSource = "MANAGER",
  ratedAt = daysAgo(30),
): Rating => ({
  competencyId,
  level,
  source,
  ratedAt,
});

let nextPersonId = 1;
function person(name: string, ratings: Rating[], currentProfileId: number | null = null): PersonWithRatings {
  const id = nextPersonId++;
  return {
    id,
    name,
    email: `${name.toLowerCase()}@example.com`,
    slackUserId: null,
    currentProfileId,
    ratings,
  };
}

const COMMUNICATION = 11;
const PLANNING = 12;
const BUDGETING = 13;

/** Importances 5 + 3 + 2 = 10, so each point of importance is 10 % of the match. */
const teamLead = jobProfile(1, "Team Lead", [
  [COMMUNICATION, "Communication", 4, 5, true],
  [PLANNING, "Planning", 3, 3],
  [BUDGETING, "Budgeting", 2, 2],
]);

describe("match to a role", () => {
  it("credits each requirement in proportion to the level reached, weighted by importance", () => {
    // Communication 3 of 4 → 5 × 0.75 = 3.75; Planning 3 of 3 → 3; Budgeting 2 of 2 → 2: 8.75 / 10.
    expect(
      matchRole([rating(COMMUNICATION, 3), rating(PLANNING, 3), rating(BUDGETING, 2)], teamLead, NOW).percent,
    ).toBe(88);
    // Communication 4 → 5; Planning 1 of 3 → 1; Budgeting unrated → 0: 6 / 10.
    expect(matchRole([rating(COMMUNICATION, 4), rating(PLANNING, 1)], teamLead, NOW).percent).toBe(60);
  });

  it("gives no extra credit above the required level", () => {
    expect(
      matchRole([rating(COMMUNICATION, 5), rating(PLANNING, 5), rating(BUDGETING, 5)], teamLead, NOW).percent,
    ).toBe(100);
  });

  it("counts an unrated competency as level 0 and says it is unrated", () => {
    const match = matchRole([rating(COMMUNICATION, 4)], teamLead, NOW);
    expect(match.percent).toBe(50);
    const budgeting = match.standings.find((s) => s.competency === "Budgeting");
    expect(budgeting).toMatchObject({ rating: null, level: 0, shortfall: 2 });
    expect(match.freshness).toMatchObject({ rated: 1, unrated: 2 });
  });

  it("prefers an assessment to a manager's rating, and a manager's to a self-rating", () => {
    const credited = (ratings: Rating[]) => matchRole(ratings, teamLead, NOW).standings[0]?.rating;
    expect(credited([rating(COMMUNICATION, 5, "SELF"), rating(COMMUNICATION, 3, "MANAGER")])).toMatchObject({
      source: "MANAGER",
      level: 3,
    });
    expect(
      credited([
        rating(COMMUNICATION, 3, "MANAGER"),
        rating(COMMUNICATION, 2, "ASSESSMENT", daysAgo(200)),
        rating(COMMUNICATION, 4, "SELF"),
      ]),
    ).toMatchObject({ source: "ASSESSMENT", level: 2 });
  });

  it("prefers any fresh rating to a stale one, whatever their sources", () => {
    const match = matchRole(
      [rating(COMMUNICATION, 4, "MANAGER", daysAgo(400)), rating(COMMUNICATION, 2, "SELF", daysAgo(10))],
      teamLead,
      NOW,
    );
    expect(match.standings[0]).toMatchObject({ level: 2, stale: false, rating: { source: "SELF" } });
  });

  it("among stale ratings, still prefers the more trusted source", () => {
    const match = matchRole(
      [rating(COMMUNICATION, 4, "SELF", daysAgo(400)), rating(COMMUNICATION, 3, "MANAGER", daysAgo(500))],
      teamLead,
      NOW,
    );
    expect(match.standings[0]).toMatchObject({ level: 3, stale: true, rating: { source: "MANAGER" } });
  });
});

describe("readiness", () => {
  it("is ready now at 80 % or more with no essential gap", () => {
    // Communication 4 → 5; Planning 2 of 3 → 2; Budgeting 1 of 2 → 1: exactly 80 %.
    const match = matchRole(
      [rating(COMMUNICATION, 4), rating(PLANNING, 2), rating(BUDGETING, 1)],
      teamLead,
      NOW,
    );
    expect(match).toMatchObject({ percent: 80, readiness: "READY_NOW", essentialGaps: [] });
  });

  it("is ready in 1–2 years at 80 % or more with an essential gap", () => {
    const match = matchRole(
      [rating(COMMUNICATION, 3), rating(PLANNING, 3), rating(BUDGETING, 2)],
      teamLead,
      NOW,
    );
    expect(match.percent).toBe(88);
    expect(match.readiness).toBe("READY_1_2_YEARS");
    expect(match.essentialGaps.map((gap) => gap.competency)).toEqual(["Communication"]);
  });

  it("is ready in 1–2 years from 60 %, and not ready below", () => {
    expect(matchRole([rating(COMMUNICATION, 4), rating(PLANNING, 1)], teamLead, NOW).readiness).toBe(
      "READY_1_2_YEARS",
    );
    // Communication 2 of 4 → 2.5; Planning 2 of 3 → 2: 45 %.
    const match = matchRole([rating(COMMUNICATION, 2), rating(PLANNING, 2)], teamLead, NOW);
    expect(match).toMatchObject({ percent: 45, readiness: "NOT_READY" });
  });

  it("uses the thresholds it is given", () => {
    const options = successionOptions({ readyNowMatch: 90, readySoonMatch: 40 });
    expect(
      matchRole([rating(COMMUNICATION, 4), rating(PLANNING, 2), rating(BUDGETING, 1)], teamLead, NOW, options)
        .readiness,
    ).toBe("READY_1_2_YEARS");
    expect(matchRole([rating(COMMUNICATION, 2), rating(PLANNING, 2)], teamLead, NOW, options).readiness).toBe(
      "READY_1_2_YEARS",
    );
  });

  it("refuses inconsistent thresholds, naming each", () => {
    expect(() => successionOptions({ readyNowMatch: 50, readySoonMatch: 70, maxRatingAgeDays: 0 })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        problems: [
          "readySoonMatch: 70 is above readyNowMatch (50)",
          "maxRatingAgeDays: 0 is not a positive number of days",
        ],
      }),
    );
  });
});

describe("rating freshness", () => {
  it("flags ratings older than 365 days by default", () => {
    const match = matchRole(
      [
        rating(COMMUNICATION, 4, "MANAGER", daysAgo(365)),
        rating(PLANNING, 3, "MANAGER", daysAgo(366)),
        rating(BUDGETING, 2, "SELF", daysAgo(800)),
      ],
      teamLead,
      NOW,
    );
    expect(match.standings.map((s) => s.stale)).toEqual([false, true, true]);
    expect(match.freshness).toEqual({
      rated: 3,
      unrated: 0,
      stale: 2,
      oldestRatedAt: daysAgo(800),
      flagged: true,
    });
  });

  it("uses the maximum age it is given", () => {
    const ratings = [rating(COMMUNICATION, 4, "MANAGER", daysAgo(45))];
    expect(matchRole(ratings, teamLead, NOW).freshness.flagged).toBe(false);
    expect(
      matchRole(ratings, teamLead, NOW, successionOptions({ maxRatingAgeDays: 30 })).freshness.flagged,
    ).toBe(true);
  });
});

describe("successors for a role", () => {
  const full = person("Xavier", [rating(COMMUNICATION, 4), rating(PLANNING, 3), rating(BUDGETING, 2)]);
  const essentialGap = person("Yasmin", [
    rating(COMMUNICATION, 3),
    rating(PLANNING, 3),
    rating(BUDGETING, 2),
  ]);
  const justReady = person("Victor", [rating(COMMUNICATION, 4), rating(PLANNING, 2), rating(BUDGETING, 1)]);
  const sixty = person("Zoe", [rating(COMMUNICATION, 4), rating(PLANNING, 1)]);
  const far = person("Walter", [rating(COMMUNICATION, 2), rating(PLANNING, 2)]);
  const incumbent = person(
    "Ines",
    [rating(COMMUNICATION, 5), rating(PLANNING, 5), rating(BUDGETING, 5)],
    teamLead.id,
  );
  const people = [far, sixty, incumbent, justReady, essentialGap, full];

  it("ranks people by match with readiness, largest gaps and freshness", () => {
    const ranking = rankSuccessors({ role: teamLead, people, now: NOW });
    expect(ranking.successors.map((s) => [s.person.name, s.percent, s.readiness])).toEqual([
      ["Xavier", 100, "READY_NOW"],
      ["Yasmin", 88, "READY_1_2_YEARS"],
      ["Victor", 80, "READY_NOW"],
      ["Zoe", 60, "READY_1_2_YEARS"],
      ["Walter", 45, "NOT_READY"],
    ]);
    expect(ranking.counts).toEqual({ READY_NOW: 2, READY_1_2_YEARS: 2, NOT_READY: 1 });
    expect(ranking.considered).toBe(5);
    // Walter: Communication 2 short (essential), Budgeting 2 short (unrated), Planning 1 short.
    const walter = ranking.successors[4];
    expect(walter?.largestGaps.map((gap) => [gap.competency, gap.shortfall])).toEqual([
      ["Communication", 2],
      ["Budgeting", 2],
      ["Planning", 1],
    ]);
    expect(walter?.freshness).toMatchObject({ rated: 2, unrated: 1, flagged: false });
  });

  it("leaves out the role's incumbents unless asked to include them", () => {
    const included = rankSuccessors({
      role: teamLead,
      people,
      now: NOW,
      options: successionOptions({ includeIncumbents: true }),
    });
    expect(included.successors[0]?.person.name).toBe("Ines");
    expect(included.considered).toBe(6);
  });

  it("puts the readier first at equal match, and details only up to the limit", () => {
    const gapped = person("Adam", [rating(COMMUNICATION, 3), rating(PLANNING, 3), rating(BUDGETING, 2)]);
    const equal = jobProfile(2, "Equal", [
      [COMMUNICATION, "Communication", 4, 1, true],
      [PLANNING, "Planning", 4, 1],
    ]);
    const ready = person("Zack", [rating(COMMUNICATION, 4), rating(PLANNING, 3)]);
    const blocked = person("Amy", [rating(COMMUNICATION, 3), rating(PLANNING, 4)]);
    const ranking = rankSuccessors({ role: equal, people: [blocked, ready, gapped], now: NOW, limit: 2 });
    expect(ranking.successors.map((s) => [s.person.name, s.percent, s.readiness])).toEqual([
      ["Zack", 88, "READY_NOW"],
      ["Amy", 88, "READY_1_2_YEARS"],
    ]);
    expect(ranking.considered).toBe(3);
  });

  it("excludes the people it is told to", () => {
    const ranking = rankSuccessors({ role: teamLead, people, now: NOW, excludePersonIds: [full.id] });
    expect(ranking.successors.map((s) => s.person.name)).not.toContain("Xavier");
  });
});

describe("bench strength", () => {
  // Five jobs of one framework, each needing one competency at level 5: level 3 is exactly 60 %.
  const jobs = [1, 2, 3, 4, 5].map((n) => jobProfile(100 + n, `Job ${n}`, [[n, `Skill ${n}`, 5, 1]]));
  const role = { ...(jobs[0] as JobProfile), positions: 2 };
  const profiles = [
    role,
    ...jobs.slice(1),
    jobProfile(900, "Elsewhere", [[1, "Skill 1", 1, 1]], { frameworkName: "other" }),
  ];
  const skilled = (name: string, skills: number[], level = 5, currentProfileId: number | null = null) =>
    person(
      name,
      skills.map((skill) => rating(skill, level)),
      currentProfileId,
    );

  it("is HRSG's worked example: 1/5 + 1/3 + 1/2 + 1/1 + 1/3 over 2 positions = 1.18", () => {
    const people = [
      skilled("Ann", [1, 2, 3, 4, 5]),
      skilled("Ben", [1, 2, 3]),
      skilled("Cid", [1, 2]),
      skilled("Dee", [1], 3),
      skilled("Eve", [1, 4, 5]),
      skilled("Fay", [2, 3, 4, 5]),
      skilled("Gus", [1], 2),
    ];
    const bench = benchStrength({ role, profiles, people, now: NOW });
    expect(bench.members.map((m) => [m.person.name, m.percent, m.jobsMatched])).toEqual([
      ["Ann", 100, 5],
      ["Ben", 100, 3],
      ["Cid", 100, 2],
      ["Eve", 100, 3],
      ["Dee", 60, 1],
    ]);
    expect(bench.sum).toBeCloseTo(1 / 5 + 1 / 3 + 1 / 2 + 1 + 1 / 3, 10);
    expect(bench.strength).toBeCloseTo(1.1833, 4);
    expect(bench).toMatchObject({ positions: 2, minimumMatch: 60, jobsCompared: 5 });
  });

  it("counts only jobs of the role's framework", () => {
    // "Elsewhere" (framework other) asks Skill 1 at level 1, which Dee matches; it does not count.
    const bench = benchStrength({ role, profiles, people: [skilled("Dee", [1], 3)], now: NOW });
    expect(bench.members[0]?.jobsMatched).toBe(1);
  });

  it("uses the minimum match it is given, and leaves out incumbents", () => {
    const people = [skilled("Dee", [1], 3), skilled("Ivy", [1], 5, role.id)];
    expect(
      benchStrength({
        role,
        profiles,
        people,
        now: NOW,
        options: successionOptions({ benchMinimumMatch: 61 }),
      }).members,
    ).toEqual([]);
    const bench = benchStrength({ role, profiles, people, now: NOW });
    expect(bench.members.map((m) => m.person.name)).toEqual(["Dee"]);
    expect(bench.strength).toBe(0.5);
  });

  it("picks its candidates with the same rule as the full count", () => {
    const people = [
      skilled("Ann", [1, 2]),
      skilled("Dee", [1], 3),
      skilled("Gus", [1], 2),
      skilled("Fay", [2]),
    ];
    expect(benchCandidates({ role, people, now: NOW }).map((p) => p.name)).toEqual(["Ann", "Dee"]);
  });
});

describe("gap report", () => {
  const indicators = (name: string): Indicators => ({
    "1": `${name} 1`,
    "2": `${name} 2`,
    "3": `${name} 3`,
    "5": `${name} 5`,
  });
  const role = jobProfile(1, "Team Lead", [
    [COMMUNICATION, "Communication", 4, 5, true],
    [PLANNING, "Planning", 3, 3],
    [BUDGETING, "Budgeting", 2, 2],
  ]);
  for (const requirement of role.competencies) requirement.indicators = indicators(requirement.name);

  it("lists strengths and gaps, each gap with the next level's indicator", () => {
    const report = gapReport([rating(COMMUNICATION, 3), rating(PLANNING, 4)], role, NOW);
    expect(report.strengths.map((s) => [s.competency, s.level])).toEqual([["Planning", 4]]);
    expect(report.gaps.map((g) => [g.competency, g.level, g.nextLevel, g.suggestion])).toEqual([
      ["Budgeting", 0, 1, "Budgeting 1"],
      ["Communication", 3, 4, null],
    ]);
    // Communication 3 of 4 → 3.75, Planning met → 3, Budgeting unrated → 0: 6.75 / 10, rounded half up.
    expect(report.percent).toBe(68);
  });

  it("orders gaps largest first, essential first at equal size", () => {
    const report = gapReport([rating(COMMUNICATION, 2), rating(PLANNING, 2)], role, NOW);
    expect(report.gaps.map((g) => [g.competency, g.shortfall, g.suggestion])).toEqual([
      ["Communication", 2, "Communication 3"],
      ["Budgeting", 2, "Budgeting 1"],
      ["Planning", 1, "Planning 3"],
    ]);
  });
});

describe("properties", () => {
  const requirementArb = fc.record({
    level: fc.integer({ min: 1, max: 5 }),
    importance: fc.integer({ min: 1, max: 5 }),
    essential: fc.boolean(),
  });
  const roleArb = fc.array(requirementArb, { minLength: 1, maxLength: 8 }).map((requirements) =>
    jobProfile(
      1,
      "Role",
      requirements.map((r, i) => [i + 1, `C${i + 1}`, r.level, r.importance, r.essential]),
    ),
  );
  const ratingsArb = fc.array(
    fc.record({
      competencyId: fc.integer({ min: 1, max: 10 }),
      level: fc.integer({ min: 0, max: 5 }),
      source: fc.constantFrom<RatingSource>("SELF", "MANAGER", "ASSESSMENT"),
      ratedAt: fc.integer({ min: 0, max: 800 }).map(daysAgo),
    }),
    { maxLength: 20 },
  );

  it("match stays within 0–100 and ranking agrees with the single-person match", () => {
    fc.assert(
      fc.property(roleArb, fc.array(ratingsArb, { minLength: 1, maxLength: 5 }), (role, ratingSets) => {
        const people = ratingSets.map((ratings, i) => ({ ...person(`P${i}`, ratings), id: i + 1 }));
        const ranking = rankSuccessors({ role, people, now: NOW });
        for (const successor of ranking.successors) {
          const alone = matchRole(ratingSets[successor.person.id - 1] as Rating[], role, NOW);
          expect(successor.percent).toBe(alone.percent);
          expect(successor.readiness).toBe(alone.readiness);
          expect(alone.percent).toBeGreaterThanOrEqual(0);
          expect(alone.percent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("bench strength counts exactly the jobs a member's match reaches", () => {
    const jobsArb = fc.array(roleArb, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        jobsArb,
        fc.array(ratingsArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (shapes, ratingSets, minimum) => {
          const jobs = shapes.map((job, i) => ({ ...job, id: i + 1, title: `Job ${i + 1}` }));
          const people = ratingSets.map((ratings, i) => ({ ...person(`P${i}`, ratings), id: i + 1 }));
          const options = successionOptions({ benchMinimumMatch: minimum, readySoonMatch: 0 });
          const bench = benchStrength({
            role: jobs[0] as JobProfile,
            profiles: jobs,
            people,
            now: NOW,
            options,
          });
          for (const member of bench.members) {
            const ratings = ratingSets[member.person.id - 1] as Rating[];
            const reached = jobs.filter((job) => matchRole(ratings, job, NOW, options).percent >= minimum);
            expect(member.jobsMatched).toBe(reached.length);
          }
        },
      ),
    );
  });

  it("a higher rating never lowers the match", () => {
    fc.assert(
      fc.property(roleArb, ratingsArb, fc.nat(), (role, ratings, pick) => {
        if (ratings.length === 0) return;
        const index = pick % ratings.length;
        const raised = ratings.map((r, i) => (i === index ? { ...r, level: Math.min(5, r.level + 1) } : r));
        expect(matchRole(raised, role, NOW).percent).toBeGreaterThanOrEqual(
          matchRole(ratings, role, NOW).percent,
        );
      }),
    );
  });
});

it("has the issue's defaults", () => {
  expect(DEFAULT_SUCCESSION_OPTIONS).toMatchObject({
    readyNowMatch: 80,
    readySoonMatch: 60,
    benchMinimumMatch: 60,
    maxRatingAgeDays: 365,
  });
});
