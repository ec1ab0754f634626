import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibraryRepository } from "../../../src/adapters/db/library-repository.js";
import { createPeopleRepository } from "../../../src/adapters/db/people-repository.js";
import type { PeopleRepository } from "../../../src/services/people-ports.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";
import { acmeFramework, otherFramework } from "../../support/succession.js";

describe("people repository", () => {
  let database: TestDatabase;
  let repository: PeopleRepository;
  const competencyIds = new Map<string, number>();
  const id = (framework: string, name: string) => competencyIds.get(`${framework}/${name}`) as number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const library = createLibraryRepository(database.prisma);
    await library.saveFramework(acmeFramework());
    await library.saveFramework(otherFramework());
    for (const row of await database.prisma.competency.findMany({
      select: { id: true, name: true, framework: true },
    })) {
      competencyIds.set(`${row.framework.name}/${row.name}`, row.id);
    }
    repository = createPeopleRepository(database.prisma);
    const rated = (framework: string, competency: string, level: number) => ({
      framework,
      competency,
      level,
      source: "MANAGER" as const,
      ratedAt: new Date("2026-05-01T00:00:00Z"),
    });
    await repository.savePeople({
      people: [
        {
          email: "ann@example.com",
          name: "Ann",
          slackUserId: "UANN",
          currentProfile: { framework: "acme", title: "Developer" },
          ratings: [
            rated("acme", "Coding", 4),
            rated("acme", "Planning", 2),
            rated("other", "Communication", 5),
          ],
        },
        {
          email: "bob@example.com",
          name: "Bob",
          slackUserId: null,
          currentProfile: null,
          ratings: [rated("other", "Communication", 3)],
        },
      ],
    });
  });
  afterAll(() => database.dispose());

  it("lists everyone with their ratings of one framework's competencies only", async () => {
    const people = await repository.listPeopleWithRatings("acme");
    expect(people.map((p) => [p.name, p.ratings.map((r) => [r.competencyId, r.level]).sort()])).toEqual([
      [
        "Ann",
        [
          [id("acme", "Coding"), 4],
          [id("acme", "Planning"), 2],
        ].sort(),
      ],
      ["Bob", []],
    ]);
    expect(people[0]).toMatchObject({ email: "ann@example.com", slackUserId: "UANN" });
  });

  it("narrows to some competencies and some people", async () => {
    const byCompetency = await repository.listPeopleWithRatings("acme", {
      competencyIds: [id("acme", "Planning"), id("other", "Communication")],
    });
    expect(byCompetency.map((p) => [p.name, p.ratings.map((r) => r.competencyId)])).toEqual([
      ["Ann", [id("acme", "Planning")]],
      ["Bob", []],
    ]);
    const bob = (await repository.findPersonByEmail("bob@example.com"))?.id as number;
    const onlyBob = await repository.listPeopleWithRatings("other", { personIds: [bob] });
    expect(onlyBob.map((p) => [p.name, p.ratings.map((r) => r.level)])).toEqual([["Bob", [3]]]);
  });

  it("keeps assessment-derived ratings beside the others, replacing only the same competency and source", async () => {
    const ann = await repository.findPersonBySlackUserId("uann");
    const coding = id("acme", "Coding");
    const at = new Date("2026-11-20T15:30:00Z");
    await repository.savePersonRatings(ann?.id as number, [
      { competencyId: coding, level: 2, source: "ASSESSMENT", ratedAt: at },
    ]);
    await repository.savePersonRatings(ann?.id as number, [
      { competencyId: coding, level: 3, source: "ASSESSMENT", ratedAt: at },
    ]);
    const ratings = (await repository.findPersonByEmail("ann@example.com"))?.ratings.filter(
      (r) => r.competencyId === coding,
    );
    expect(ratings?.map((r) => [r.source, r.level]).sort()).toEqual([
      ["ASSESSMENT", 3],
      ["MANAGER", 4],
    ]);
    // Listing dates ratings to the day.
    const listed = (await repository.listPeopleWithRatings("acme", { competencyIds: [coding] }))[0]?.ratings;
    expect(listed?.find((r) => r.source === "ASSESSMENT")?.ratedAt).toEqual(new Date("2026-11-20T00:00:00Z"));
  });

  it("reads back ratings dated before 1970", async () => {
    const bob = await repository.findPersonByEmail("bob@example.com");
    const ratedAt = new Date("1965-03-01T00:00:00Z");
    await repository.savePersonRatings(bob?.id as number, [
      { competencyId: id("acme", "Planning"), level: 1, source: "SELF", ratedAt },
    ]);
    const listed = await repository.listPeopleWithRatings("acme", { personIds: [bob?.id as number] });
    expect(listed[0]?.ratings).toEqual([
      { competencyId: id("acme", "Planning"), level: 1, source: "SELF", ratedAt },
    ]);
  });

  it("gives each framework's competency names and profile titles, and who holds Slack ids", async () => {
    const vocabulary = await repository.loadVocabulary();
    expect(vocabulary.frameworks.map((f) => [f.name, f.competencies.sort(), f.profiles.sort()])).toEqual([
      [
        "acme",
        ["Budgeting", "Coding", "Communication", "Planning"],
        ["Developer", "Project Manager", "Team Lead"],
      ],
      ["other", ["Communication"], ["Anything"]],
    ]);
    expect(await repository.findSlackUserIdHolders(["UANN", "UNOBODY"])).toEqual(
      new Map([["UANN", "ann@example.com"]]),
    );
  });
});
