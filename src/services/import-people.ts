import {
  type PeopleFileFormat,
  parsePeopleText,
  readPeopleFile,
} from "../adapters/people-file/read-people-file.js";
import { invalidInput } from "../domain/errors.js";
import { formatProblem, type Problem } from "../domain/framework-file.js";
import { validatePeopleRows } from "../domain/people-file.js";
import type { PeopleRepository, SavePeopleResult } from "./people-ports.js";

export type ImportPeopleDeps = { people: PeopleRepository; clock: () => Date };

/** A file on disk (the command line) or text already in hand (a file uploaded to Slack). */
export type PeopleFileSource = { path: string } | { name: string; text: string; format: PeopleFileFormat };

export type ImportPeopleResult = SavePeopleResult & { people: number };

/**
 * Loads people and their ratings from a CSV or JSON file (docs/people-format.md). The whole file is
 * checked first against the stored frameworks; any problem writes nothing and reports every problem.
 */
export async function importPeople(
  deps: ImportPeopleDeps,
  source: PeopleFileSource,
): Promise<ImportPeopleResult> {
  const name = "path" in source ? source.path : source.name;
  const read =
    "path" in source ? await readPeopleFile(source.path) : parsePeopleText(source.text, source.format);
  if (!read.ok) throw refused(name, read.problems);
  const validation = validatePeopleRows(read.rows, await deps.people.loadVocabulary(), deps.clock());
  if (!validation.ok) throw refused(name, validation.problems);

  const { people } = validation.definition;
  const inFile = new Set(people.map((person) => person.email));
  const holders = await deps.people.findSlackUserIdHolders(
    people.flatMap((person) => (person.slackUserId ? [person.slackUserId] : [])),
  );
  const taken = people.flatMap((person): Problem[] => {
    const holder = person.slackUserId ? holders.get(person.slackUserId) : undefined;
    if (!holder || holder === person.email || inFile.has(holder)) return [];
    return [
      {
        path: person.email,
        message: `slack_user_id "${person.slackUserId}" already belongs to ${holder}, who is not in this file`,
      },
    ];
  });
  if (taken.length > 0) throw refused(name, taken);

  const saved = await deps.people.savePeople(validation.definition);
  return { ...saved, people: people.length };
}

function refused(name: string, problems: Problem[]) {
  const count = problems.length;
  return invalidInput(
    `${name} was not imported: ${count} problem${count === 1 ? "" : "s"} found. Nothing was written.`,
    problems.map(formatProblem),
  );
}
