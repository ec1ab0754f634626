import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Library } from "../../src/services/library.js";
import { personGaps } from "../../src/services/person-gaps.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { clock, profileId, type SuccessionFixture, seedSuccession } from "../support/succession.js";

describe("person gaps", () => {
  let database: TestDatabase;
  let fixture: SuccessionFixture;
  const deps = () => ({ ...fixture, clock });

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await seedSuccession(database);
  });
  afterAll(() => database.dispose());

  it("shows strengths and gaps against a role, with the next level's indicators as suggestions", async () => {
    const { person, profile, report } = await personGaps(deps(), {
      person: { email: "zoe@example.com" },
      profileId: profileId(fixture.library, "Team Lead"),
    });
    expect(person.name).toBe("Zoe");
    expect(profile.title).toBe("Team Lead");
    expect(report).toMatchObject({ percent: 60, readiness: "READY_1_2_YEARS" });
    expect(report.strengths.map((s) => [s.competency, s.level, s.required])).toEqual([
      ["Communication", 4, 4],
    ]);
    expect(
      report.gaps.map((g) => [g.competency, g.level, g.required, g.nextLevel, g.suggestion, g.stale]),
    ).toEqual([
      ["Planning", 1, 3, 2, "Planning at 2", true],
      ["Budgeting", 0, 2, 1, "Budgeting at 1", false],
    ]);
  });

  it("measures against the person's current role when no role is named", async () => {
    const { profile, report } = await personGaps(deps(), { person: { slackUserId: "uxavier" } });
    expect(profile.title).toBe("Project Manager");
    expect(report).toMatchObject({ percent: 100, readiness: "READY_NOW", gaps: [] });
  });

  it("asks for a role when the person has none", async () => {
    await expect(personGaps(deps(), { person: { email: "walter@example.com" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Walter has no current profile; name the role to compare them with.",
    });
  });

  it("says so when the person's current role is no longer in the library", async () => {
    const emptied = Object.assign(Object.create(fixture.library) as Library, { getProfile: () => undefined });
    await expect(
      personGaps({ ...deps(), library: emptied }, { person: { email: "lena@example.com" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Lena's current profile is no longer in the library.",
    });
  });
});
