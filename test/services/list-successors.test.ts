import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPersonSuccessors, listSuccessors } from "../../src/services/list-successors.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { clock, NOW, profileId, type SuccessionFixture, seedSuccession } from "../support/succession.js";

describe("successors", () => {
  let database: TestDatabase;
  let fixture: SuccessionFixture;
  const deps = () => ({ ...fixture, clock });

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await seedSuccession(database);
  });
  afterAll(() => database.dispose());

  it("ranks people for a role by match, with readiness, gaps and rating freshness", async () => {
    const list = await listSuccessors(deps(), { profileId: profileId(fixture.library, "Team Lead") });
    expect(list.successors.map((s) => [s.person.name, s.percent, s.readiness])).toEqual([
      ["Xavier", 100, "READY_NOW"],
      ["Yasmin", 88, "READY_1_2_YEARS"],
      ["Victor", 80, "READY_NOW"],
      ["Zoe", 60, "READY_1_2_YEARS"],
      ["Walter", 45, "NOT_READY"],
      ["Dev", 0, "NOT_READY"],
    ]);
    expect(list.counts).toEqual({ READY_NOW: 2, READY_1_2_YEARS: 2, NOT_READY: 2 });
    expect(list.asOf).toEqual(NOW);

    const [xavier, yasmin, , zoe] = list.successors;
    // Xavier's manager rated Communication 4 and he rated himself 5: the manager's rating counts.
    expect(xavier?.standings[0]).toMatchObject({
      competency: "Communication",
      level: 4,
      rating: { source: "MANAGER" },
    });
    expect(yasmin?.essentialGaps.map((gap) => gap.competency)).toEqual(["Communication"]);
    expect(zoe?.largestGaps.map((gap) => [gap.competency, gap.shortfall])).toEqual([
      ["Planning", 2],
      ["Budgeting", 2],
    ]);
    // Zoe's Planning rating is 500 days old.
    expect(zoe?.freshness).toEqual({
      rated: 2,
      unrated: 1,
      stale: 1,
      oldestRatedAt: new Date("2025-07-16T00:00:00Z"),
      flagged: true,
    });
    expect(xavier?.freshness.flagged).toBe(false);
  });

  it("computes the role's bench strength over the jobs of its framework", async () => {
    const { bench } = await listSuccessors(deps(), { profileId: profileId(fixture.library, "Team Lead") });
    // Xavier, Yasmin and Victor also match Project Manager (1/2 each); Zoe matches only Team Lead (1).
    expect(bench.members.map((m) => [m.person.name, m.percent, m.jobsMatched])).toEqual([
      ["Xavier", 100, 2],
      ["Yasmin", 88, 2],
      ["Victor", 80, 2],
      ["Zoe", 60, 1],
    ]);
    expect(bench).toMatchObject({
      sum: 2.5,
      positions: 2,
      strength: 1.25,
      jobsCompared: 3,
      minimumMatch: 60,
    });
  });

  it("applies the thresholds, rating age and limit it is given", async () => {
    const list = await listSuccessors(deps(), {
      profileId: profileId(fixture.library, "Team Lead"),
      limit: 2,
      settings: { readyNowMatch: 85, benchMinimumMatch: 80, maxRatingAgeDays: 120 },
    });
    expect(list.successors.map((s) => [s.person.name, s.readiness, s.freshness.flagged])).toEqual([
      // Xavier's Budgeting assessment is 272 days old; Yasmin's ratings are 105 days old.
      ["Xavier", "READY_NOW", true],
      ["Yasmin", "READY_1_2_YEARS", false],
    ]);
    expect(list.counts.READY_NOW).toBe(1);
    expect(list.bench.members.map((m) => m.person.name)).toEqual(["Xavier", "Yasmin", "Victor"]);
  });

  it("refuses inconsistent settings and an unknown profile", async () => {
    const id = profileId(fixture.library, "Team Lead");
    await expect(
      listSuccessors(deps(), { profileId: id, settings: { readySoonMatch: 90 } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      problems: ["readySoonMatch: 90 is above readyNowMatch (80)"],
    });
    await expect(listSuccessors(deps(), { profileId: id, limit: 0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(listSuccessors(deps(), { profileId: 99_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists who could succeed a person in their current role", async () => {
    const list = await listPersonSuccessors(deps(), { person: { slackUserId: "ULENA" }, limit: 3 });
    expect(list.incumbent).toMatchObject({ name: "Lena", email: "lena@example.com" });
    expect(list.profile.title).toBe("Team Lead");
    expect(list.successors.map((s) => s.person.name)).toEqual(["Xavier", "Yasmin", "Victor"]);
  });

  it("never lists the person as their own successor, even when incumbents are included", async () => {
    const list = await listPersonSuccessors(deps(), {
      person: { email: "LENA@example.com" },
      settings: { includeIncumbents: true },
    });
    expect(list.successors.map((s) => s.person.name)).not.toContain("Lena");
    expect(list.considered).toBe(6);
  });

  it("explains when a person has no role to succeed or is unknown", async () => {
    await expect(
      listPersonSuccessors(deps(), { person: { email: "walter@example.com" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Walter has no current profile, so there is no role to succeed them in.",
    });
    await expect(
      listPersonSuccessors(deps(), { person: { email: "nobody@example.com" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
