import { beforeAll, describe, expect, it } from "vitest";
import { readOnetDirectory } from "../../../src/adapters/onet/read-onet-directory.js";
import { loadStarterOnet, STARTER_ONET_DIRECTORY } from "../../../src/adapters/onet/starter-library.js";
import type { FrameworkDefinition } from "../../../src/domain/library.js";

let framework: FrameworkDefinition;
let loadMilliseconds: number;
const stages = new Set<string>();

beforeAll(async () => {
  const started = performance.now();
  framework = await loadStarterOnet((stage) => stages.add(stage));
  loadMilliseconds = performance.now() - started;
});

function profile(code: string) {
  const found = framework.profiles.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no profile ${code}`);
  return found;
}

function kindOf(name: string) {
  return framework.competencies.find((competency) => competency.name === name)?.kind;
}

describe("loadStarterOnet (the shipped O*NET 23.0 bundle)", () => {
  it("loads the 967 rated occupations in a couple of seconds, reporting each stage", () => {
    expect(framework.name).toBe("onet");
    expect(framework.profiles).toHaveLength(967);
    expect(loadMilliseconds).toBeLessThan(3_000);
    expect(stages).toContain("Skills.txt");
    expect(stages).toContain("mapping");
  });

  it("credits O*NET 23.0 under CC BY 4.0", () => {
    expect(framework.source).toContain("O*NET 23.0 Database");
    expect(framework.source).toContain("CC BY 4.0");
    expect(framework.source).toContain("competency-bot has modified");
  });

  it("describes Marketing Managers with general and technical competencies", () => {
    const marketing = profile("11-2021.00");

    expect(marketing.title).toBe("Marketing Managers");
    expect(marketing.family).toBe("Management");
    expect(marketing.alternateTitles).toContain("Brand Manager");
    expect(marketing.tasks.length).toBeGreaterThan(5);
    const required = new Map(marketing.competencies.map((r) => [r.competency, r]));
    expect(kindOf("Speaking")).toBe("GENERAL");
    expect(required.get("Speaking")).toMatchObject({ level: 3, importance: 4 });
    expect(kindOf("Sales and Marketing")).toBe("TECHNICAL");
    expect(required.get("Sales and Marketing")).toMatchObject({ importance: 5, essential: true });
    expect(required.get("Customer relationship management CRM software")?.examples).toContain(
      "Salesforce software",
    );
  });

  it("keeps every profile focused: 10–25 general and at most 25 technical competencies", () => {
    for (const { title, competencies } of framework.profiles) {
      const general = competencies.filter((r) => kindOf(r.competency) === "GENERAL").length;
      const technical = competencies.filter((r) => kindOf(r.competency) === "TECHNICAL").length;
      expect({
        title,
        general: general >= 10 && general <= 25,
        technical: technical >= 1 && technical <= 25,
      }).toEqual({
        title,
        general: true,
        technical: true,
      });
    }
  });

  it("is self-consistent: unique names, every requirement defined, levels and importance on 1–5", () => {
    const names = framework.competencies.map((competency) => competency.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(framework.profiles.map((p) => p.title)).size).toBe(framework.profiles.length);
    const requirements = framework.profiles.flatMap((p) => p.competencies);
    expect(requirements.every((r) => names.includes(r.competency))).toBe(true);
    expect(
      requirements.every((r) => r.level >= 1 && r.level <= 5 && r.importance >= 1 && r.importance <= 5),
    ).toBe(true);
  });

  it("ships the full set of about 60,000 alternate titles, and the profiles keep the distinct ones", async () => {
    const release = await readOnetDirectory(STARTER_ONET_DIRECTORY);
    const kept = framework.profiles.reduce((sum, p) => sum + p.alternateTitles.length, 0);

    expect(release.alternateTitles).toHaveLength(60_511);
    expect(kept).toBeGreaterThan(50_000);
    expect(kept).toBeLessThan(60_511);
  });
});
