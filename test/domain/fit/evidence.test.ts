import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProfile, evidenceFor, levelFor, summaryContext } from "../../../src/domain/fit/evidence.js";
import { extractEvidence, FitInputError, MAX_SUMMARY_CHARS } from "../../../src/domain/fit/index.js";
import { read } from "../../../src/domain/fit/reading.js";
import type { JobProfile } from "../../../src/domain/library.js";
import { evalProfile, loadEvalProfiles, profileWith, readLabelled, requirement } from "./support/profiles.js";

function levelOf(summary: string, profile: JobProfile, competency: string): number {
  const wanted = profile.competencies.find((item) => item.name === competency);
  return (
    extractEvidence(summary, profile).find((item) => item.competencyId === wanted?.competencyId)
      ?.demonstratedLevel ?? -1
  );
}

function quotes(summary: string, profile: JobProfile, competency: string): string[] {
  const wanted = profile.competencies.find((item) => item.name === competency);
  return (
    extractEvidence(summary, profile)
      .find((item) => item.competencyId === wanted?.competencyId)
      ?.evidence.map((span) => span.text) ?? []
  );
}

describe("evidence spans", () => {
  const profiles = [
    evalProfile("Software Engineer"),
    evalProfile("Accountant"),
    evalProfile("Registered Nurse"),
  ];
  const fragments = [
    "â€™",
    "â€“",
    "\u00a0",
    "•",
    "ExperienceSenior Accountant",
    "Excel,Word,PowerPoint",
    "k8s",
    "JS",
    "Postgres",
    "no experience with SAP",
    "learning Python",
    "led a team of 12",
    "8 years",
    "“smart”",
    "\n",
    ". ",
    "Ã©",
    "😀",
    "journal entries",
    "IV therapy",
    "unit tests",
    "x".repeat(300),
  ];
  const messy = fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 400 }),
    fc
      .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })), {
        minLength: 1,
        maxLength: 60,
      })
      .map((parts) => parts.join(" ")),
  );

  it("are always exact substrings of the summary as given, whatever the text", () => {
    fc.assert(
      fc.property(messy, fc.constantFrom(...profiles), (summary, profile) => {
        fc.pre(summary.trim().length > 0);
        for (const item of extractEvidence(summary, profile)) {
          expect(item.demonstratedLevel).toBeGreaterThanOrEqual(0);
          expect(item.demonstratedLevel).toBeLessThanOrEqual(5);
          for (const span of item.evidence) {
            expect(span.start).toBeLessThan(span.end);
            expect(summary.slice(span.start, span.end)).toBe(span.text);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("quote the sentence, or a window of a very long line, around the evidence", () => {
    const line = `${"Responsible for many things across the business ".repeat(20)}and reconciled the general ledger monthly ${"and more duties ".repeat(20)}`;
    const [quote] = quotes(line, evalProfile("Accountant"), "Financial Accounting");
    expect(quote).toContain("reconciled the general ledger");
    expect(quote?.length).toBeLessThanOrEqual(220);
  });
});

describe("vocabulary", () => {
  const cases: [summary: string, competency: RequiredLike][] = [
    ["Built front ends in JS and TypeScript.", { name: "JavaScript", keywords: ["JavaScript"] }],
    ["Ran k8s clusters in production.", { name: "Kubernetes", keywords: [] }],
    ["Designed schemas in Postgres.", { name: "Database management", examples: ["PostgreSQL"] }],
    ["Daily reporting in MS Excel.", { name: "Spreadsheet software", examples: ["Microsoft Excel"] }],
    ["Kept the pipeline clean in SFDC.", { name: "CRM software", examples: ["Salesforce software"] }],
    [
      "Deployed everything on k8s with Helm charts.",
      {
        name: "Containers and Orchestration",
        definition: "Packages applications in containers and runs them on orchestration platforms.",
      },
    ],
    ["Wrote press releases and pitched journalists.", { name: "Public Relations" }],
  ];
  type RequiredLike = { name: string; keywords?: string[]; examples?: string[]; definition?: string };

  it.each(cases)("%s reaches %o", (summary, competency) => {
    const profile = profileWith("Test", [requirement(competency.name, competency)]);
    expect(extractEvidence(summary, profile)[0]?.evidence.length).toBeGreaterThan(0);
  });

  it("matches definitions and indicators, not only names", () => {
    const profile = evalProfile("Accountant");
    expect(
      quotes(
        "Posted adjusting journal entries and reconciled bank accounts every month.",
        profile,
        "Financial Accounting",
      ),
    ).toHaveLength(1);
  });
});

describe("negation and learning", () => {
  const profile = profileWith("ERP", [
    requirement("SAP", { keywords: ["SAP"] }),
    requirement("Python", { keywords: ["Python"] }),
    requirement("Oracle", { keywords: ["Oracle"] }),
  ]);

  it("are not evidence of proficiency", () => {
    const evidence = extractEvidence("No experience with SAP. Currently learning Python.", profile);
    expect(evidence.map((item) => item.evidence.length)).toEqual([0, 0, 0]);
    expect(evidence[0]?.rationale).toMatch(/Not counted/);
  });

  it("stops at the end of the negated clause", () => {
    const evidence = extractEvidence(
      "No experience with SAP, but 5 years administering Oracle; built tooling in Python",
      profile,
    );
    expect(evidence.map((item) => item.evidence.length > 0)).toEqual([false, true, true]);
  });

  it("does not treat machine learning as learning", () => {
    const ml = profileWith("ML", [requirement("Python", { keywords: ["Python"] })]);
    expect(extractEvidence("Built machine learning models in Python.", ml)[0]?.evidence).toHaveLength(1);
  });
});

describe("levels", () => {
  const profile = profileWith("Dev", [requirement("Python", { keywords: ["Python"] })]);
  const level = (summary: string) => levelOf(summary, profile, "Python");

  it("rise with years, seniority and scope", () => {
    const mention = level("Skills: Python");
    expect(mention).toBeGreaterThanOrEqual(1);
    expect(level("8 years of Python development.")).toBeGreaterThan(mention);
    expect(level("Led a team of 12 engineers building Python services.")).toBeGreaterThan(
      level("Wrote Python scripts."),
    );
    expect(level("Expert in Python.")).toBeGreaterThanOrEqual(4);
  });

  it("are capped when the summary says the skill is basic", () => {
    expect(level("Basic Python, 8 years ago in a course.")).toBeLessThanOrEqual(2);
  });

  it("ignore a stated age", () => {
    expect(level("Python developer, 52 years old.")).toBe(level("Python developer."));
  });
});

describe("input limits", () => {
  const profile = evalProfile("Accountant");

  it("rejects empty summaries", () => {
    expect(() => extractEvidence("  \n ", profile)).toThrow(FitInputError);
  });

  it("rejects summaries over the limit, naming it", () => {
    const summary = "a".repeat(MAX_SUMMARY_CHARS + 1);
    expect(() => extractEvidence(summary, profile)).toThrow(
      "The summary is 20,001 characters; the limit is 20,000.",
    );
    try {
      extractEvidence(summary, profile);
    } catch (error) {
      expect((error as FitInputError).code).toBe("INVALID_INPUT");
    }
  });

  it("reads a summary at the limit", () => {
    const summary = "Reconciled the general ledger. ".repeat(700).slice(0, MAX_SUMMARY_CHARS);
    expect(extractEvidence(summary, profile).length).toBe(profile.competencies.length);
  });
});

describe("the level alone", () => {
  it("is the level of the full evidence, and 0 exactly when nothing is quoted", () => {
    const profiles = loadEvalProfiles();
    for (const [at, item] of readLabelled("dev-set.jsonl").entries()) {
      const profile = profiles[at % profiles.length] as JobProfile;
      const reading = read(item.text);
      for (const cues of compileProfile(profile)) {
        const evidence = evidenceFor(summaryContext(reading), cues);
        const level = levelFor(summaryContext(reading), cues);
        expect(level).toBe(evidence.demonstratedLevel);
        expect(level > 0).toBe(evidence.evidence.length > 0);
      }
    }
  });
});
