import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibraryRepository } from "../../../src/adapters/db/library-repository.js";
import type { LibraryRepository } from "../../../src/services/ports.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";
import { marketingFramework, profile } from "../../support/frameworks.js";

describe("library repository", () => {
  let database: TestDatabase;
  let repository: LibraryRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    repository = createLibraryRepository(database.prisma);
  });
  afterAll(() => database.dispose());

  it("stores a framework and loads its profiles with their competencies", async () => {
    const result = await repository.saveFramework(marketingFramework());
    expect(result).toMatchObject({ created: true, profilesCreated: 2, competencies: 6 });

    const profiles = await repository.loadProfiles();
    const manager = profiles.find((p) => p.title === "Marketing Manager");
    expect(manager).toMatchObject({
      frameworkName: "acme",
      version: 1,
      alternateTitles: ["Head of Marketing"],
    });
    expect(manager?.competencies.map((c) => [c.name, c.kind, c.level, c.importance, c.essential])).toEqual([
      ["Communication", "GENERAL", 4, 5, false],
      ["Marketing Strategy", "TECHNICAL", 4, 5, true],
      ["Leadership", "GENERAL", 4, 4, false],
      ["Teamwork", "GENERAL", 3, 4, false],
      ["Content Strategy", "TECHNICAL", 3, 3, false],
    ]);
    expect(manager?.competencies[0]?.definition).toMatch(/communication/);
  });

  it("re-importing the same framework changes nothing and duplicates nothing", async () => {
    const result = await repository.saveFramework(marketingFramework());
    expect(result).toMatchObject({
      created: false,
      profilesCreated: 0,
      profilesUpdated: 0,
      profilesUnchanged: 2,
    });
    expect(await repository.countProfiles()).toBe(2);
    expect((await repository.loadProfiles()).map((p) => p.version)).toEqual([1, 1]);
  });

  it("updates changed profiles in place, bumps their version and removes profiles no longer present", async () => {
    const framework = marketingFramework();
    framework.profiles = [
      profile("Marketing Manager", [
        ["Communication", 5, 5],
        ["Marketing Strategy", 4, 5, true],
      ]),
    ];
    framework.competencies = framework.competencies.filter((c) => c.name !== "Media Relations");

    const result = await repository.saveFramework(framework);

    expect(result).toMatchObject({ profilesUpdated: 1, profilesRemoved: 1, profilesCreated: 0 });
    const [manager, ...others] = await repository.loadProfiles();
    expect(others).toEqual([]);
    expect(manager?.version).toBe(2);
    expect(manager?.competencies.map((c) => [c.name, c.level])).toEqual([
      ["Communication", 5],
      ["Marketing Strategy", 4],
    ]);
    const [summary] = await repository.listFrameworks();
    expect(summary).toMatchObject({ name: "acme", profileCount: 1, competencyCount: 5 });
  });

  it("keeps frameworks apart", async () => {
    await repository.saveFramework(marketingFramework("other"));
    expect((await repository.listFrameworks()).map((f) => [f.name, f.profileCount])).toEqual([
      ["acme", 1],
      ["other", 2],
    ]);
  });

  it("writes nothing when a save fails part-way", async () => {
    const broken = marketingFramework("broken");
    broken.profiles[1]?.competencies.push({
      competency: "Undefined",
      level: 3,
      importance: 3,
      essential: false,
      examples: [],
    });
    await expect(repository.saveFramework(broken)).rejects.toThrow();
    expect((await repository.listFrameworks()).map((f) => f.name)).toEqual(["acme", "other"]);
  });
});
