import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibraryRepository } from "../../../src/adapters/db/library-repository.js";
import type { FrameworkDefinition } from "../../../src/domain/library.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";
import { competency, profile } from "../../support/frameworks.js";

/**
 * Text lists (alternate titles, tasks, examples, keywords) are read back as JSON rather than through the
 * drivers' array parsers: whatever PostgreSQL's array syntax quotes or escapes must come back as written.
 */
const AWKWARD = [
  "NULL",
  "null",
  "",
  " leading and trailing spaces ",
  'a "quoted" word',
  "back\\slash and \\\\ two",
  "{braces}, commas; semicolons",
  "line\nbreak\ttab",
  "Ünïcödé — 😀 日本語",
  "Microsoft Excel",
  "Microsoft Excel",
];

function awkwardFramework(): FrameworkDefinition {
  return {
    name: "awkward",
    description: "",
    source: "",
    competencies: [competency("Spreadsheets", "TECHNICAL", { keywords: AWKWARD })],
    profiles: [
      profile("Analyst", [["Spreadsheets", 3, 4]], { alternateTitles: AWKWARD, tasks: AWKWARD.toReversed() }),
      profile("Clerk", [["Spreadsheets", 2, 3]]),
    ].map((definition) => ({
      ...definition,
      competencies: definition.competencies.map((requirement) => ({ ...requirement, examples: AWKWARD })),
    })),
  };
}

describe("library repository: text lists", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it("loads every element exactly as saved, duplicates and order included", async () => {
    const repository = createLibraryRepository(database.prisma);
    await repository.saveFramework(awkwardFramework());

    const [analyst, clerk] = await repository.loadProfiles();
    expect(analyst?.alternateTitles).toEqual(AWKWARD);
    expect(analyst?.tasks).toEqual(AWKWARD.toReversed());
    expect(analyst?.competencies[0]?.examples).toEqual(AWKWARD);
    expect(analyst?.competencies[0]?.keywords).toEqual(AWKWARD);
    expect(clerk?.alternateTitles).toEqual([]);
    expect(clerk?.tasks).toEqual([]);
  });

  it("reads a list stored as NULL (a row written outside the app) as empty", async () => {
    await database.prisma.$executeRaw`UPDATE "JobProfile" SET "alternateTitles" = NULL, "tasks" = NULL`;
    await database.prisma.$executeRaw`UPDATE "ProfileCompetency" SET "examples" = NULL`;
    await database.prisma.$executeRaw`UPDATE "Competency" SET "keywords" = NULL`;

    const profiles = await createLibraryRepository(database.prisma).loadProfiles();
    expect(profiles.map((p) => [p.alternateTitles, p.tasks])).toEqual([
      [[], []],
      [[], []],
    ]);
    expect(profiles.flatMap((p) => p.competencies.map((c) => [c.examples, c.keywords]))).toEqual([
      [[], []],
      [[], []],
    ]);
  });
});
