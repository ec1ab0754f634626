import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { createPeopleRepository } from "../../src/adapters/db/people-repository.js";
import { readFrameworkFile } from "../../src/adapters/framework-file/read-framework-file.js";
import { importPeople } from "../../src/services/import-people.js";
import type { PeopleRepository } from "../../src/services/people-ports.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { clock } from "../support/succession.js";

describe("import people", () => {
  let database: TestDatabase;
  let people: PeopleRepository;
  const deps = () => ({ people, clock });
  const csv = (text: string) => ({ name: "people.csv", format: "csv" as const, text });
  const HEADER = "email,name,slack_user_id,current_profile,framework,competency,level,source,rated_at";

  async function snapshot() {
    return database.prisma.person.findMany({
      select: {
        id: true,
        email: true,
        name: true,
        slackUserId: true,
        currentProfileId: true,
        ratings: {
          select: { competencyId: true, level: true, source: true, ratedAt: true },
          orderBy: { id: "asc" },
        },
      },
      orderBy: { email: "asc" },
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const sample = await readFrameworkFile("data/frameworks/sample.yaml");
    if (!sample.ok) throw new Error("the sample framework does not validate");
    await createLibraryRepository(database.prisma).saveFramework(sample.framework);
    people = createPeopleRepository(database.prisma);
  });
  afterAll(() => database.dispose());

  it("imports the example CSV against the sample framework", async () => {
    const result = await importPeople(deps(), { path: "examples/people.csv" });
    expect(result).toEqual({ people: 6, created: 6, updated: 0, ratings: 35 });

    const maya = await people.findPersonByEmail("Maya.Chen@example.com");
    const manager = await database.prisma.jobProfile.findFirst({ where: { title: "Marketing Manager" } });
    expect(maya).toMatchObject({
      name: "Maya Chen",
      slackUserId: "U04MAYACHEN",
      currentProfileId: manager?.id,
    });
    expect(maya?.ratings).toHaveLength(5);
    const sam = await people.findPersonBySlackUserId("U04DANOKAFOR");
    expect(sam?.name).toBe("Daniel Okafor");
    expect((await people.findPersonByEmail("sam.whitfield@example.com"))?.ratings).toEqual([]);
  });

  it("updates people in place when the same people are imported again (the JSON example)", async () => {
    const before = await snapshot();
    const result = await importPeople(deps(), { path: "examples/people.json" });
    expect(result).toEqual({ people: 6, created: 0, updated: 6, ratings: 35 });
    const after = await snapshot();
    expect(after.map(({ id, email, name }) => ({ id, email, name }))).toEqual(
      before.map(({ id, email, name }) => ({ id, email, name })),
    );
    expect(after.map((p) => p.ratings)).toEqual(before.map((p) => p.ratings));
  });

  it("replaces the ratings of the people in the file and leaves everyone else alone", async () => {
    const before = await snapshot();
    const result = await importPeople(
      deps(),
      csv(`${HEADER}
daniel.okafor@example.com,Daniel O. Okafor,,Marketing Manager,sample,Leadership,4,manager,2026-11-01
new.person@example.com,New Person,,,,,,,
`),
    );
    expect(result).toEqual({ people: 2, created: 1, updated: 1, ratings: 1 });
    const daniel = await people.findPersonByEmail("daniel.okafor@example.com");
    const manager = await database.prisma.jobProfile.findFirst({ where: { title: "Marketing Manager" } });
    expect(daniel).toMatchObject({
      id: before.find((p) => p.email === "daniel.okafor@example.com")?.id,
      name: "Daniel O. Okafor",
      slackUserId: null,
      currentProfileId: manager?.id,
    });
    expect(daniel?.ratings).toEqual([
      expect.objectContaining({ level: 4, source: "MANAGER", ratedAt: new Date("2026-11-01T00:00:00Z") }),
    ]);
    const after = await snapshot();
    const others = (list: typeof before) =>
      list.filter((p) => !p.email.startsWith("daniel") && !p.email.startsWith("new"));
    expect(others(after)).toEqual(others(before));
  });

  it("writes nothing when any row is invalid, and reports every problem with where it is", async () => {
    const before = await snapshot();
    const attempt = importPeople(
      deps(),
      csv(`${HEADER}
maya.chen@example.com,Maya Renamed,,,sample,Leadership,5,manager,2026-11-01
fresh@example.com,Fresh,,,sample,Negotiaton,3,manager,2026-11-01
fresh@example.com,Fresh,,,sample,Leadership,7,manager,2026-11-01
`),
    );
    await expect(attempt).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "people.csv was not imported: 2 problems found. Nothing was written.",
      problems: [
        'line 3, column "competency": "Negotiaton" is not a competency of framework sample',
        'line 4, column "level": 7 is not in 0–5',
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("suggests the competency meant when a name is misspelt", async () => {
    await expect(
      importPeople(
        deps(),
        csv(`${HEADER}\nmaya.chen@example.com,Maya Chen,,,sample,Leadershp,5,manager,2026-11-01\n`),
      ),
    ).rejects.toMatchObject({
      problems: [
        'line 2, column "competency": "Leadershp" is not a competency of framework sample (did you mean "Leadership"?)',
      ],
    });
  });

  it("refuses a Slack user id held by someone not in the file, and writes nothing", async () => {
    const before = await snapshot();
    await expect(
      importPeople(deps(), csv(`email,name,slack_user_id\nsomeone@example.com,Someone,U04MAYACHEN\n`)),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      problems: [
        'someone@example.com: slack_user_id "U04MAYACHEN" already belongs to maya.chen@example.com, who is not in this file',
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lets two people in one file swap Slack user ids", async () => {
    await importPeople(
      deps(),
      csv(`email,name,slack_user_id
maya.chen@example.com,Maya Chen,U04PRIYARAMAN
priya.raman@example.com,Priya Raman,U04MAYACHEN
`),
    );
    expect((await people.findPersonBySlackUserId("U04PRIYARAMAN"))?.email).toBe("maya.chen@example.com");
    expect((await people.findPersonBySlackUserId("U04MAYACHEN"))?.email).toBe("priya.raman@example.com");
  });

  it("reports an unreadable file as a problem", async () => {
    await expect(importPeople(deps(), { path: "examples/missing.csv" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      problems: ["file not found: examples/missing.csv"],
    });
  });
});
