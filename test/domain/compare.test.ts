import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/domain/compare.js";
import type { CompetencyKind, JobProfile, RequiredCompetency } from "../../src/domain/library.js";

type Requirement = Partial<RequiredCompetency> & { name: string };

function general(requirement: Requirement): RequiredCompetency {
  return required("GENERAL", requirement);
}

function technical(requirement: Requirement): RequiredCompetency {
  return required("TECHNICAL", requirement);
}

let nextCompetencyId = 0;
function required(kind: CompetencyKind, requirement: Requirement): RequiredCompetency {
  nextCompetencyId += 1;
  return {
    competencyId: nextCompetencyId,
    kind,
    category: kind === "GENERAL" ? "Skills" : "Technology",
    definition: `${requirement.name}.`,
    indicators: {},
    keywords: [],
    level: 3,
    importance: 3,
    essential: false,
    examples: [],
    ...requirement,
  };
}

function jobProfile(
  id: number,
  title: string,
  competencies: RequiredCompetency[],
  frameworkName = "onet",
): JobProfile {
  return {
    id,
    frameworkName,
    title,
    family: "Management",
    code: null,
    description: "",
    alternateTitles: [],
    tasks: [],
    version: 1,
    positions: 1,
    competencies,
  };
}

const marketing = jobProfile(1, "Marketing Managers", [
  general({ name: "Persuasion", level: 3, importance: 4, essential: true }),
  general({ name: "Negotiation", level: 2, importance: 3 }),
  general({ name: "Active Listening", level: 4, importance: 4 }),
  general({ name: "Creativity", level: 4, importance: 5, essential: true }),
  technical({ name: "Customer relationship management CRM software", level: 3, importance: 4 }),
  technical({ name: "Web page creation software", level: 2, importance: 2 }),
]);

const sales = jobProfile(2, "Sales Managers", [
  general({ name: "persuasion", level: 5, importance: 5, essential: true }),
  general({ name: "Negotiation", level: 3, importance: 5, essential: true }),
  general({ name: "Active Listening", level: 4, importance: 3 }),
  general({ name: "Coordination", level: 3, importance: 4 }),
  general({ name: "Time Management", level: 3, importance: 4 }),
  technical({ name: "Customer Relationship Management CRM Software", level: 4, importance: 5 }),
  technical({ name: "Enterprise resource planning ERP software", level: 2, importance: 3 }),
]);

describe("compareProfiles", () => {
  const comparison = compareProfiles(marketing, sales);

  it("names both profiles", () => {
    expect(comparison.a).toEqual({ id: 1, title: "Marketing Managers", frameworkName: "onet" });
    expect(comparison.b).toEqual({ id: 2, title: "Sales Managers", frameworkName: "onet" });
  });

  it("splits general competencies into shared and one-sided, matching names case-insensitively", () => {
    expect(comparison.general.shared.map((c) => c.name)).toEqual([
      "Persuasion",
      "Negotiation",
      "Active Listening",
    ]);
    expect(comparison.general.onlyA.map((c) => c.name)).toEqual(["Creativity"]);
    expect(comparison.general.onlyB.map((c) => c.name)).toEqual(["Coordination", "Time Management"]);
    expect(comparison.general.total).toBe(6);
  });

  it("reports levels, the difference B − A and essentials for shared competencies", () => {
    expect(comparison.general.shared[0]).toEqual({
      name: "Persuasion",
      kind: "GENERAL",
      levelA: 3,
      levelB: 5,
      difference: 2,
      essentialA: true,
      essentialB: true,
    });
    expect(comparison.general.shared.map((c) => c.difference)).toEqual([2, 1, 0]);
  });

  it("orders shared competencies by the size of the gap, then by importance", () => {
    const a = jobProfile(3, "A", [
      general({ name: "Writing", level: 4, importance: 2 }),
      general({ name: "Speaking", level: 2, importance: 5 }),
      general({ name: "Reading", level: 3, importance: 3 }),
      general({ name: "Mathematics", level: 3, importance: 1 }),
    ]);
    const b = jobProfile(4, "B", [
      general({ name: "Writing", level: 2, importance: 2 }),
      general({ name: "Speaking", level: 3, importance: 5 }),
      general({ name: "Reading", level: 4, importance: 4 }),
      general({ name: "Mathematics", level: 3, importance: 1 }),
    ]);
    expect(compareProfiles(a, b).general.shared.map((c) => [c.name, c.difference])).toEqual([
      ["Writing", -2],
      ["Speaking", 1],
      ["Reading", 1],
      ["Mathematics", 0],
    ]);
  });

  it("orders one-sided competencies by importance, then by name", () => {
    const a = jobProfile(5, "A", [
      general({ name: "Writing", importance: 2 }),
      general({ name: "Speaking", importance: 5, level: 4, essential: true }),
      general({ name: "Reading", importance: 2 }),
    ]);
    const { onlyA, onlyB } = compareProfiles(a, jobProfile(6, "B", [])).general;
    expect(onlyA).toEqual([
      { name: "Speaking", kind: "GENERAL", level: 4, importance: 5, essential: true },
      { name: "Reading", kind: "GENERAL", level: 3, importance: 2, essential: false },
      { name: "Writing", kind: "GENERAL", level: 3, importance: 2, essential: false },
    ]);
    expect(onlyB).toEqual([]);
  });

  it("compares technical competencies separately from general ones", () => {
    expect(comparison.technical.shared).toEqual([
      expect.objectContaining({ kind: "TECHNICAL", levelA: 3, levelB: 4, difference: 1 }),
    ]);
    expect(comparison.technical.onlyA.map((c) => c.name)).toEqual(["Web page creation software"]);
    expect(comparison.technical.onlyB.map((c) => c.name)).toEqual([
      "Enterprise resource planning ERP software",
    ]);
    expect(comparison.technical.total).toBe(3);
  });

  it("does not match a general and a technical competency of the same name", () => {
    const a = jobProfile(7, "A", [general({ name: "Programming" })]);
    const b = jobProfile(8, "B", [technical({ name: "Programming" })]);
    const { general: g, technical: t } = compareProfiles(a, b);
    expect([g.shared.length, g.onlyA.length, t.shared.length, t.onlyB.length]).toEqual([0, 1, 0, 1]);
  });

  it("summarises shared out of the union per kind", () => {
    expect(comparison.summary).toBe("General: 3 of 6 shared · Technical: 1 of 3 shared");
  });

  it("finds a profile compared with itself identical", () => {
    const itself = compareProfiles(sales, sales);
    expect(itself.general.shared).toHaveLength(5);
    expect(itself.general.shared.every((c) => c.difference === 0 && c.levelA === c.levelB)).toBe(true);
    expect([
      itself.general.onlyA,
      itself.general.onlyB,
      itself.technical.onlyA,
      itself.technical.onlyB,
    ]).toEqual([[], [], [], []]);
    expect(itself.summary).toBe("General: 5 of 5 shared · Technical: 2 of 2 shared");
  });

  it("compares profiles from different frameworks by competency name", () => {
    const sample = jobProfile(
      9,
      "Marketing Manager",
      [
        general({ name: "CREATIVITY", level: 5, importance: 5 }),
        general({ name: "Strategic Thinking", level: 4, importance: 5 }),
        technical({ name: "Web Page Creation Software", level: 2 }),
      ],
      "sample",
    );
    const result = compareProfiles(marketing, sample);
    expect(result.b.frameworkName).toBe("sample");
    expect(result.general.shared).toEqual([
      expect.objectContaining({ name: "Creativity", levelA: 4, levelB: 5 }),
    ]);
    expect(result.general.onlyB.map((c) => c.name)).toEqual(["Strategic Thinking"]);
    expect(result.summary).toBe("General: 1 of 5 shared · Technical: 1 of 2 shared");
  });

  it("summarises two profiles without competencies as zero of zero", () => {
    expect(compareProfiles(jobProfile(10, "A", []), jobProfile(11, "B", [])).summary).toBe(
      "General: 0 of 0 shared · Technical: 0 of 0 shared",
    );
  });
});
