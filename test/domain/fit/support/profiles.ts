/** Job profiles for the fit engine's tests and evaluation: the eval framework, O*NET, and labelled sets. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadStarterOnet } from "../../../../src/adapters/onet/starter-library.js";
import type { LabelledSummary } from "../../../../src/domain/fit/evaluate.js";
import { formatProblem, validateFrameworkDocument } from "../../../../src/domain/framework-file.js";
import type { FrameworkDefinition, JobProfile } from "../../../../src/domain/library.js";

export const EVAL_DIRECTORY = fileURLToPath(new URL("../../../../eval/", import.meta.url));

/** The profiles of a framework definition as the store would return them, ids from `firstId`. */
export function toJobProfiles(definition: FrameworkDefinition, firstId = 1): JobProfile[] {
  const competencies = new Map(
    definition.competencies.map((competency, index) => [
      competency.name,
      { competency, id: firstId + index },
    ]),
  );
  return definition.profiles.map((profile, index) => ({
    id: firstId + index,
    frameworkName: definition.name,
    title: profile.title,
    family: profile.family,
    code: profile.code ?? null,
    description: profile.description,
    alternateTitles: profile.alternateTitles,
    tasks: profile.tasks,
    version: 1,
    positions: 1,
    competencies: profile.competencies.map((requirement) => {
      const found = competencies.get(requirement.competency);
      if (!found) throw new Error(`${profile.title} requires unknown competency ${requirement.competency}`);
      return {
        competencyId: found.id,
        name: found.competency.name,
        kind: found.competency.kind,
        category: found.competency.category,
        definition: found.competency.definition,
        indicators: found.competency.indicators,
        keywords: found.competency.keywords,
        level: requirement.level,
        importance: requirement.importance,
        essential: requirement.essential,
        examples: requirement.examples,
      };
    }),
  }));
}

export function readFrameworkYaml(path: string): FrameworkDefinition {
  const validation = validateFrameworkDocument(parse(readFileSync(path, "utf8")));
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join("\n"));
  return validation.framework;
}

export function loadEvalProfiles(firstId = 1): JobProfile[] {
  return toJobProfiles(readFrameworkYaml(`${EVAL_DIRECTORY}framework.yaml`), firstId);
}

let onet: Promise<JobProfile[]> | undefined;

export function loadOnetProfiles(firstId = 10_000): Promise<JobProfile[]> {
  onet ??= loadStarterOnet().then((definition) => toJobProfiles(definition, firstId));
  return onet;
}

export function readLabelled(file: string): LabelledSummary[] {
  return readFileSync(`${EVAL_DIRECTORY}${file}`, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledSummary);
}

let nextCompetencyId = 90_000;

/** A required competency for tests; unspecified text fields are empty. */
export function requirement(
  name: string,
  fields: Partial<JobProfile["competencies"][number]> = {},
): JobProfile["competencies"][number] {
  return {
    competencyId: nextCompetencyId++,
    name,
    kind: "TECHNICAL",
    category: "Test",
    definition: "",
    indicators: {},
    keywords: [],
    level: 3,
    importance: 3,
    essential: false,
    examples: [],
    ...fields,
  };
}

/** A profile for tests, holding the given requirements. */
export function profileWith(
  title: string,
  competencies: JobProfile["competencies"],
  fields: Partial<JobProfile> = {},
): JobProfile {
  return {
    id: nextCompetencyId++,
    frameworkName: "test",
    title,
    family: "Test",
    code: null,
    description: "",
    alternateTitles: [],
    tasks: [],
    version: 1,
    positions: 1,
    competencies,
    ...fields,
  };
}

/** One profile of the eval framework, by title. */
export function evalProfile(title: string): JobProfile {
  const profile = loadEvalProfiles().find((candidate) => candidate.title === title);
  if (!profile) throw new Error(`No eval profile ${title}`);
  return profile;
}
