import type {
  CompetencyDefinition,
  FrameworkDefinition,
  ProfileDefinition,
} from "../../src/domain/library.js";

/** A competency with just enough fields for tests that do not care about its wording. */
export function competency(
  name: string,
  kind: "GENERAL" | "TECHNICAL",
  extra: Partial<CompetencyDefinition> = {},
) {
  return {
    name,
    kind,
    category: kind === "GENERAL" ? "General" : "Technical",
    definition: `${name}: the ability to do ${name.toLowerCase()} well.`,
    indicators: {
      "1": `Basic ${name.toLowerCase()}`,
      "3": `Solid ${name.toLowerCase()}`,
      "5": `Expert ${name.toLowerCase()}`,
    },
    keywords: [],
    ...extra,
  } satisfies CompetencyDefinition;
}

export function profile(
  title: string,
  requirements: [name: string, level: number, importance: number, essential?: boolean][],
  extra: Partial<ProfileDefinition> = {},
): ProfileDefinition {
  return {
    title,
    family: "Marketing",
    description: `${title} profile`,
    alternateTitles: [],
    tasks: [],
    competencies: requirements.map(([name, level, importance, essential = false]) => ({
      competency: name,
      level,
      importance,
      essential,
      examples: [],
    })),
    ...extra,
  };
}

/** The classic pair: nearly the same general competencies, different technical ones. */
export function marketingFramework(name = "acme"): FrameworkDefinition {
  return {
    name,
    description: "Test framework",
    source: "",
    competencies: [
      competency("Communication", "GENERAL"),
      competency("Teamwork", "GENERAL"),
      competency("Leadership", "GENERAL"),
      competency("Marketing Strategy", "TECHNICAL"),
      competency("Media Relations", "TECHNICAL"),
      competency("Content Strategy", "TECHNICAL"),
    ],
    profiles: [
      profile(
        "Marketing Manager",
        [
          ["Communication", 4, 5],
          ["Teamwork", 3, 4],
          ["Leadership", 4, 4],
          ["Marketing Strategy", 4, 5, true],
          ["Content Strategy", 3, 3],
        ],
        { alternateTitles: ["Head of Marketing"] },
      ),
      profile(
        "Media Relations Specialist",
        [
          ["Communication", 4, 5],
          ["Teamwork", 3, 4],
          ["Media Relations", 4, 5, true],
          ["Content Strategy", 3, 4],
        ],
        { alternateTitles: ["PR Specialist"] },
      ),
    ],
  };
}
