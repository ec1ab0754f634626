import type { JobProfile, RequiredCompetency } from "../../../src/domain/library.js";

function required(competencyId: number, name: string, kind: "GENERAL" | "TECHNICAL", keywords: string[]) {
  return {
    competencyId,
    name,
    kind,
    category: kind === "GENERAL" ? "General" : "Technical",
    definition: `${name}: doing it well.`,
    indicators: {
      "1": `Basic ${name.toLowerCase()}`,
      "3": `Solid ${name.toLowerCase()}`,
      "5": `Expert ${name.toLowerCase()}`,
    },
    keywords,
    level: 3,
    importance: 4,
    essential: false,
    examples: kind === "TECHNICAL" ? ["Kafka", "PostgreSQL"] : [],
  } satisfies RequiredCompetency;
}

/** A stored profile, as the library hands it to the assessor. */
export function backendProfile(overrides: Partial<JobProfile> = {}): JobProfile {
  return {
    id: 7,
    frameworkName: "acme",
    title: "Backend Engineer",
    family: "Engineering",
    code: null,
    description: "Builds and runs services.",
    alternateTitles: [],
    tasks: ["Design services", "Run databases"],
    version: 3,
    positions: 1,
    competencies: [
      required(11, "Leadership", "GENERAL", ["led", "mentored"]),
      required(12, "Communication", "GENERAL", ["presented", "wrote"]),
      required(21, "Distributed Systems", "TECHNICAL", ["kafka", "microservices"]),
      required(22, "Databases", "TECHNICAL", ["postgresql", "sql"]),
    ],
    ...overrides,
  };
}
