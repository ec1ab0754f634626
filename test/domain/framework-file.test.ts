import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FRAMEWORK_LIMITS,
  type FrameworkValidation,
  formatProblem,
  validateFrameworkDocument,
} from "../../src/domain/framework-file.js";

type Document = Record<string, unknown> & {
  competencies: Record<string, unknown>[];
  profiles: (Record<string, unknown> & { competencies: Record<string, unknown>[] })[];
};

/** A small valid document, fresh for each test so tests can break it in place. */
function validDocument(): Document {
  return {
    framework: "acme-2026",
    description: "Acme's competency library",
    competencies: [
      {
        name: "Communication",
        kind: "general",
        category: "Interpersonal",
        definition: "Conveys ideas clearly.",
        indicators: { "1": "Shares routine information.", "5": "Frames critical messages." },
      },
      {
        name: "Media Relations",
        kind: "technical",
        definition: "Builds and manages relationships with journalists.",
      },
    ],
    profiles: [
      {
        title: "Media Relations Specialist",
        family: "Marketing",
        code: "MKT-07",
        description: "Secures media coverage.",
        alternateTitles: ["PR Specialist"],
        competencies: [
          { name: "Media Relations", level: 4, importance: 5, essential: true },
          { name: "Communication", level: 3, importance: 4 },
        ],
      },
    ],
  };
}

/** The problems as users read them: "path: message". */
function problemsOf(result: FrameworkValidation): string[] {
  if (result.ok) throw new Error("expected problems, but the document is valid");
  return result.problems.map(formatProblem);
}

function frameworkOf(result: FrameworkValidation) {
  if (!result.ok)
    throw new Error(`expected a valid document, got:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.framework;
}

describe("validateFrameworkDocument", () => {
  it("maps a valid document to a framework definition, filling in the defaults", () => {
    const framework = frameworkOf(validateFrameworkDocument(validDocument()));

    expect(framework).toEqual({
      name: "acme-2026",
      description: "Acme's competency library",
      source: "",
      competencies: [
        {
          name: "Communication",
          kind: "GENERAL",
          category: "Interpersonal",
          definition: "Conveys ideas clearly.",
          indicators: { "1": "Shares routine information.", "5": "Frames critical messages." },
          keywords: [],
        },
        {
          name: "Media Relations",
          kind: "TECHNICAL",
          category: "",
          definition: "Builds and manages relationships with journalists.",
          indicators: {},
          keywords: [],
        },
      ],
      profiles: [
        {
          title: "Media Relations Specialist",
          family: "Marketing",
          code: "MKT-07",
          description: "Secures media coverage.",
          alternateTitles: ["PR Specialist"],
          tasks: [],
          competencies: [
            { competency: "Media Relations", level: 4, importance: 5, essential: true, examples: [] },
            { competency: "Communication", level: 3, importance: 4, essential: false, examples: [] },
          ],
        },
      ],
    });
  });

  it("trims text, treats blank optional fields as not given and leaves out a missing code", () => {
    const document = validDocument();
    document.framework = "  acme-2026 ";
    document.description = undefined;
    Object.assign(document.competencies[0] ?? {}, {
      name: " Communication ",
      category: "  ",
      indicators: null,
    });
    const profile = {
      title: "  Press Officer ",
      family: null,
      code: "",
      competencies: [{ name: "Communication", level: 2, importance: 2 }],
    };
    document.profiles = [profile as Document["profiles"][number]];

    const framework = frameworkOf(validateFrameworkDocument(document));

    expect(framework.name).toBe("acme-2026");
    expect(framework.description).toBe("");
    expect(framework.competencies[0]).toMatchObject({ name: "Communication", category: "", indicators: {} });
    expect(framework.profiles[0]).toEqual({
      title: "Press Officer",
      family: "",
      description: "",
      alternateTitles: [],
      tasks: [],
      competencies: [
        { competency: "Communication", level: 2, importance: 2, essential: false, examples: [] },
      ],
    });
    expect(framework.profiles[0]).not.toHaveProperty("code");
  });

  it("accepts the kind in any case and a competency named with other case and spacing, keeping its defined name", () => {
    const document = validDocument();
    Object.assign(document.competencies[1] ?? {}, { kind: "Technical" });
    Object.assign(document.profiles[0]?.competencies[0] ?? {}, { name: "media   relations" });

    const framework = frameworkOf(validateFrameworkDocument(document));

    expect(framework.competencies[1]?.kind).toBe("TECHNICAL");
    expect(framework.profiles[0]?.competencies[0]?.competency).toBe("Media Relations");
  });

  it("keeps an alternate title repeated in another case once", () => {
    const document = validDocument();
    Object.assign(document.profiles[0] ?? {}, {
      alternateTitles: ["PR Specialist", "pr specialist", "Press Officer"],
    });

    expect(frameworkOf(validateFrameworkDocument(document)).profiles[0]?.alternateTitles).toEqual([
      "PR Specialist",
      "Press Officer",
    ]);
  });

  describe("reports", () => {
    it("a document that is not an object", () => {
      expect(problemsOf(validateFrameworkDocument([1, 2]))).toEqual(["a list is not a framework object"]);
      expect(problemsOf(validateFrameworkDocument(null))).toEqual(["null is not a framework object"]);
      expect(problemsOf(validateFrameworkDocument("framework: acme"))).toEqual([
        '"framework: acme" is not a framework object',
      ]);
    });

    it("missing required fields", () => {
      expect(problemsOf(validateFrameworkDocument({}))).toEqual([
        "framework: required field is missing",
        "competencies: required field is missing",
        "profiles: required field is missing",
      ]);

      const document = validDocument();
      document.competencies[0] = { kind: "general" };
      document.profiles[0] = { competencies: [{ name: "Media Relations" }] };
      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "competencies[0].name: required field is missing",
        "competencies[0].definition: required field is missing",
        "profiles[0].title: required field is missing",
        "profiles[0].competencies[0].level: required field is missing",
        "profiles[0].competencies[0].importance: required field is missing",
      ]);
    });

    it("wrong types, showing the value found", () => {
      const document = validDocument();
      document.framework = 2026;
      document.competencies[0] = {
        name: 42,
        kind: true,
        definition: ["Conveys ideas."],
        indicators: ["basic"],
      };
      const profile: Record<string, unknown> = {
        title: { en: "PR Specialist" },
        alternateTitles: "PR Specialist",
        competencies: [
          { name: "Media Relations", level: "4", importance: 2.5, essential: "yes" },
          "Communication",
        ],
      };
      document.profiles = [profile as Document["profiles"][number]];

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "framework: 2026 is not text",
        "competencies[0].name: 42 is not text",
        "competencies[0].kind: true is not general or technical",
        "competencies[0].definition: a list is not text",
        'competencies[0].indicators: a list is not an object of indicators keyed by level "1" to "5"',
        "profiles[0].title: an object is not text",
        'profiles[0].alternateTitles: "PR Specialist" is not a list of titles',
        'profiles[0].competencies[0].level: "4" is not a whole number in 1–5',
        "profiles[0].competencies[0].importance: 2.5 is not a whole number in 1–5",
        'profiles[0].competencies[0].essential: "yes" is not true or false',
        'profiles[0].competencies[1]: "Communication" is not a required competency { name, level, importance }',
      ]);
      expect(
        problemsOf(validateFrameworkDocument({ ...validDocument(), profiles: { title: "PR" } })),
      ).toEqual(["profiles: an object is not a list of profiles"]);
    });

    it("a level or importance outside 1–5", () => {
      const document = validDocument();
      Object.assign(document.profiles[0]?.competencies[1] ?? {}, { level: 7, importance: 0 });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "profiles[0].competencies[1].level: 7 is not in 1–5",
        "profiles[0].competencies[1].importance: 0 is not in 1–5",
      ]);
    });

    it("a kind other than general or technical", () => {
      const document = validDocument();
      Object.assign(document.competencies[0] ?? {}, { kind: "soft skill" });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'competencies[0].kind: "soft skill" is not general or technical',
      ]);
    });

    it("unknown fields, each with its path, suggesting the field probably meant", () => {
      const document = validDocument();
      document.version = 2;
      Object.assign(document.competencies[0] ?? {}, { keywords: ["PR"] });
      Object.assign(document.competencies[0]?.indicators ?? {}, { "6": "Beyond expert" });
      Object.assign(document.profiles[0] ?? {}, { salary: 50_000, alternate_titles: ["Press Officer"] });
      Object.assign(document.profiles[0]?.competencies[0] ?? {}, { weight: 2 });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "version: unknown field",
        "competencies[0].keywords: unknown field",
        'competencies[0].indicators.6: "6" is not a level; use "1" to "5"',
        "profiles[0].salary: unknown field",
        'profiles[0].alternate_titles: unknown field (did you mean "alternateTitles"?)',
        "profiles[0].competencies[0].weight: unknown field",
      ]);
    });

    it("a competency a profile uses but the framework does not define", () => {
      const document = validDocument();
      document.profiles[0]?.competencies.push({ name: "Negotiation", level: 3, importance: 3 });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'profiles[0].competencies[2].name: "Negotiation" is not defined in competencies',
      ]);
    });

    it("a competency defined twice, in any case", () => {
      const document = validDocument();
      document.competencies.push({ name: "communication", kind: "general", definition: "Speaks well." });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'competencies[2].name: "communication" is already defined at competencies[0]',
      ]);
    });

    it("two profiles with the same title, in any case", () => {
      const document = validDocument();
      document.profiles.push({
        title: "media relations SPECIALIST",
        competencies: [{ name: "Communication", level: 3, importance: 3 }],
      });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'profiles[1].title: "media relations SPECIALIST" is already used by profiles[0]',
      ]);
    });

    it("a competency listed twice in one profile", () => {
      const document = validDocument();
      document.profiles[0]?.competencies.push({ name: "Media relations", level: 2, importance: 2 });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'profiles[0].competencies[2].name: "Media relations" is already listed at profiles[0].competencies[0]',
      ]);
    });

    it("empty text where text is required, and empty lists", () => {
      const document = validDocument();
      Object.assign(document.competencies[0] ?? {}, { name: "", definition: "   " });
      Object.assign(document.profiles[0] ?? {}, {
        title: "",
        alternateTitles: ["PR Specialist", " "],
        competencies: [],
      });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "competencies[0].name: must not be empty",
        "competencies[0].definition: must not be empty",
        "profiles[0].title: must not be empty",
        "profiles[0].alternateTitles[1]: must not be empty",
        "profiles[0].competencies: is empty; list at least one of the competencies",
      ]);
      expect(problemsOf(validateFrameworkDocument({ ...validDocument(), profiles: [] }))).toEqual([
        "profiles: is empty; list at least one of the profiles",
      ]);
    });

    it("a framework name that is not a slug, and the name reserved for O*NET", () => {
      expect(problemsOf(validateFrameworkDocument({ ...validDocument(), framework: "Acme 2026" }))).toEqual([
        'framework: "Acme 2026" is not a valid framework name: use lowercase letters, digits and dashes, like "acme-2026"',
      ]);
      expect(problemsOf(validateFrameworkDocument({ ...validDocument(), framework: "onet" }))).toEqual([
        'framework: "onet" is reserved for the O*NET starter library; choose another name',
      ]);
    });

    it("text longer than its limit, stating the limit", () => {
      const document = validDocument();
      document.competencies.push({
        name: "N".repeat(FRAMEWORK_LIMITS.nameLength + 1),
        kind: "general",
        definition: "d".repeat(FRAMEWORK_LIMITS.definitionLength + 1),
      });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "competencies[2].name: is 201 characters long; the limit is 200",
        "competencies[2].definition: is 5,001 characters long; the limit is 5,000",
      ]);
    });

    it("lists longer than their limits, stating the limit", () => {
      const manyCompetencies = Array.from({ length: FRAMEWORK_LIMITS.competencies + 1 }, (_, index) => ({
        name: `Competency ${index}`,
        kind: "general",
        definition: "Defined.",
      }));
      const manyRequirements = manyCompetencies
        .slice(0, FRAMEWORK_LIMITS.competenciesPerProfile + 1)
        .map(({ name }) => ({ name, level: 3, importance: 3 }));
      const manyProfiles = Array.from({ length: FRAMEWORK_LIMITS.profiles + 1 }, (_, index) => ({
        title: `Profile ${index}`,
        competencies: [{ name: "Communication", level: 3, importance: 3 }],
      }));

      expect(
        problemsOf(
          validateFrameworkDocument({
            ...validDocument(),
            competencies: manyCompetencies,
            profiles: manyProfiles,
          }),
        ),
      ).toEqual([
        "competencies: has 2,001 competencies; the limit is 2,000",
        "profiles: has 2,001 profiles; the limit is 2,000",
      ]);

      const document = validDocument();
      document.competencies = manyCompetencies.slice(0, FRAMEWORK_LIMITS.competenciesPerProfile + 1);
      document.profiles = [{ title: "Generalist", competencies: manyRequirements }];
      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        "profiles[0].competencies: has 201 competencies; the limit is 200",
      ]);
    });

    it("every problem at once, in document order", () => {
      const document = validDocument();
      document.framework = "onet";
      Object.assign(document.competencies[1] ?? {}, { kind: "expert" });
      Object.assign(document.profiles[0] ?? {}, { salary: 1 });
      document.profiles[0]?.competencies.push({ name: "Negotiation", level: 6, importance: 3 });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'framework: "onet" is reserved for the O*NET starter library; choose another name',
        'competencies[1].kind: "expert" is not general or technical',
        "profiles[0].salary: unknown field",
        'profiles[0].competencies[2].name: "Negotiation" is not defined in competencies',
        "profiles[0].competencies[2].level: 6 is not in 1–5",
      ]);
    });

    it("a reference to a competency whose own fields are wrong only once, at the competency", () => {
      const document = validDocument();
      Object.assign(document.competencies[1] ?? {}, { kind: "expert" });

      expect(problemsOf(validateFrameworkDocument(document))).toEqual([
        'competencies[1].kind: "expert" is not general or technical',
      ]);
    });
  });

  it("shows a long value found shortened", () => {
    const document = validDocument();
    Object.assign(document.competencies[0] ?? {}, { kind: `technical ${"x".repeat(100)}` });

    expect(problemsOf(validateFrameworkDocument(document))).toEqual([
      `competencies[0].kind: "technical ${"x".repeat(47)}…" is not general or technical`,
    ]);
  });

  describe("never throws", () => {
    const expectOutcome = (result: FrameworkValidation) => {
      if (result.ok) {
        const defined = new Set(result.framework.competencies.map((competency) => competency.name));
        for (const profile of result.framework.profiles) {
          for (const requirement of profile.competencies) expect(defined).toContain(requirement.competency);
        }
      } else {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(typeof problem.path).toBe("string");
          expect(problem.message).not.toBe("");
        }
      }
    };

    it("on any JSON value", () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => expectOutcome(validateFrameworkDocument(value))),
        { numRuns: 500 },
      );
    });

    it("on any JavaScript value", () => {
      fc.assert(
        fc.property(fc.anything(), (value) => expectOutcome(validateFrameworkDocument(value))),
        {
          numRuns: 500,
        },
      );
    });

    it("on a valid document with any one field replaced by any JSON value", () => {
      const fieldPaths = [
        ["framework"],
        ["description"],
        ["competencies"],
        ["competencies", 0],
        ["competencies", 0, "name"],
        ["competencies", 0, "kind"],
        ["competencies", 0, "indicators"],
        ["competencies", 0, "indicators", "3"],
        ["competencies", 1, "definition"],
        ["profiles"],
        ["profiles", 0, "title"],
        ["profiles", 0, "alternateTitles"],
        ["profiles", 0, "competencies"],
        ["profiles", 0, "competencies", 1],
        ["profiles", 0, "competencies", 0, "name"],
        ["profiles", 0, "competencies", 0, "level"],
        ["profiles", 0, "competencies", 1, "essential"],
        ["profiles", 0, "unexpected"],
      ] as const;
      fc.assert(
        fc.property(fc.constantFrom(...fieldPaths), fc.jsonValue(), (fieldPath, replacement) => {
          const document = validDocument();
          let parent: Record<string | number, unknown> = document;
          for (const key of fieldPath.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
          parent[fieldPath[fieldPath.length - 1] as string | number] = replacement;
          expectOutcome(validateFrameworkDocument(document));
        }),
        { numRuns: 1_000 },
      );
    });
  });
});
