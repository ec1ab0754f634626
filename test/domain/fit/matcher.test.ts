import { describe, expect, it } from "vitest";
import { assessFit, FitEngine, FitInputError } from "../../../src/domain/fit/index.js";
import type { JobProfile } from "../../../src/domain/library.js";
import { loadEvalProfiles, profileWith, requirement } from "./support/profiles.js";

const profiles = loadEvalProfiles();
const other: JobProfile[] = [
  profileWith("Pastry Chef", [requirement("Baking", { definition: "Bakes breads, cakes and pastries." })], {
    id: 5001,
    frameworkName: "acme",
    family: "Kitchen",
  }),
  profileWith(
    "Bookkeeper",
    [requirement("Bookkeeping", { definition: "Keeps the books: ledgers, invoices and reconciliations." })],
    {
      id: 5002,
      frameworkName: "acme",
      family: "Finance",
    },
  ),
];
const engine = new FitEngine([...profiles, ...other]);

describe("match", () => {
  it("puts the obvious profile first", () => {
    const cases: [summary: string, title: string][] = [
      ["DevOps engineer: Terraform, k8s, Jenkins pipelines, Prometheus alerting, AWS.", "DevOps Engineer"],
      ["Sous chef running the pass, writing menus and keeping HACCP records.", "Chef"],
      ["Litigation paralegal: Westlaw research, drafting pleadings, trial binders.", "Paralegal"],
      ["Recruiter sourcing engineers on LinkedIn, phone screens and offers.", "Recruiter"],
    ];
    for (const [summary, title] of cases)
      expect(engine.match(summary, { framework: "eval-dev" })[0]?.title).toBe(title);
  });

  it("returns the top N with fits, and the competency fit as the score", () => {
    const summary =
      "Staff accountant: month-end close, journal entries, reconciliations, GAAP statements, QuickBooks.";
    const results = engine.match(summary, { top: 3, framework: "eval-dev" });
    expect(results).toHaveLength(3);
    expect(results[0]?.title).toBe("Accountant");
    const accountant = profiles.find((profile) => profile.title === "Accountant") as JobProfile;
    expect(results[0]?.score).toBe(assessFit(summary, accountant).overall);
    expect(results.map((result) => result.matchScore)).toEqual(
      [...results.map((result) => result.matchScore)].sort((a, b) => b - a),
    );
  });

  it("keeps to one framework or family when asked", () => {
    const summary = "Bakes sourdough, keeps the ledger and reconciles invoices.";
    expect(
      engine
        .match(summary, { top: 10, framework: "acme" })
        .map((result) => result.title)
        .sort(),
    ).toEqual(["Bookkeeper", "Pastry Chef"]);
    expect(
      engine
        .match(summary, { top: 10, framework: "eval-dev", family: "Finance" })
        .every((result) => result.family === "Finance"),
    ).toBe(true);
    expect(engine.match(summary, { top: 2 }).length).toBe(2);
  });

  it("is deterministic", () => {
    const summary = "Project manager with PMP, schedules, budgets, RAID logs and stakeholders.";
    expect(engine.match(summary)).toEqual(engine.match(summary));
  });

  it("does not count what the summary negates", () => {
    const summary =
      "Backend developer writing Scala services and tests. Not a data scientist; no machine learning experience.";
    expect(engine.match(summary, { framework: "eval-dev" })[0]?.title).toBe("Software Engineer");
  });

  it("validates the summary", () => {
    expect(() => engine.match(" ")).toThrow(FitInputError);
  });
});

describe("rank", () => {
  const nurse = profiles.find((profile) => profile.title === "Registered Nurse") as JobProfile;

  it("orders candidates for one profile by fit", () => {
    const ranked = engine.rank(
      [
        { id: "cook", text: "Line cook on the grill station, prep and sauces." },
        {
          id: "senior-rn",
          text: "Charge nurse, 10 years in ICU: patient assessments, IV medications and drips, Epic charting, precepting.",
        },
        {
          id: "new-rn",
          text: "New graduate RN: clinical placements on a medical ward, took vital signs and charted in Epic.",
        },
      ],
      nurse.id,
    );
    expect(ranked.map((candidate) => candidate.id)).toEqual(["senior-rn", "new-rn", "cook"]);
    expect(ranked.map((candidate) => candidate.rank)).toEqual([1, 2, 3]);
    expect(ranked[2]?.essentialWithoutEvidence).toContain("Patient Care");
  });

  it("rejects an unknown profile", () => {
    expect(() => engine.rank([{ id: "a", text: "text" }], 424242)).toThrow(RangeError);
  });
});
