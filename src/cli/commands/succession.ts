import { invalidInput } from "../../domain/errors.js";
import { findProfile } from "../../services/find-profile.js";
import { importPeople } from "../../services/import-people.js";
import { listPersonSuccessors, listSuccessors } from "../../services/list-successors.js";
import { personGaps } from "../../services/person-gaps.js";
import { type CliCommand, type CommandInput, print } from "../command.js";
import { renderGaps, renderSuccessors } from "../render/succession.js";
import { renderUnresolved } from "../render/text.js";

const clock = () => new Date();

function limitOption(input: CommandInput): number | undefined {
  if (input.values.limit === undefined) return undefined;
  const limit = Number(input.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw invalidInput(`--limit must be a whole number from 1 to 1000; got "${input.values.limit}".`);
  }
  return limit;
}

/** The profile named on the command line, or exit code 3 after printing the candidates. */
async function resolveTitle(input: CommandInput, title: string): Promise<number | null> {
  const library = await (await input.context()).library.get();
  const resolution = findProfile({ library, title, framework: input.values.framework as string | undefined });
  if (resolution.kind === "found") return resolution.profile.id;
  print(input, resolution, () => renderUnresolved(resolution));
  return null;
}

export const importPeopleCommand: CliCommand = {
  name: ["import", "people"],
  usage: "import people <file.csv|file.json>",
  summary: "Import people and their competency ratings; an invalid file writes nothing.",
  async run(input) {
    if (input.positionals.length !== 1) throw invalidInput("Give exactly one people file (CSV or JSON).");
    const context = await input.context();
    const result = await importPeople(
      { people: context.peopleRepository, clock },
      { path: input.positionals[0] as string },
    );
    print(
      input,
      result,
      () =>
        `Imported ${result.people} people (${result.created} new, ${result.updated} updated), ${result.ratings} ratings.`,
    );
    return 0;
  },
};

export const successorsCommand: CliCommand = {
  name: ["successors"],
  usage: "successors <title> | --person <email> [--limit N]",
  summary: "Rank people as successors for a role (or for a person's role), with bench strength.",
  options: { person: { type: "string" }, framework: { type: "string" }, limit: { type: "string" } },
  async run(input) {
    const context = await input.context();
    const library = await context.library.get();
    const deps = { library, people: context.peopleRepository, clock };
    const limit = limitOption(input);
    const title = input.positionals.join(" ").trim();
    const email = input.values.person as string | undefined;
    if (email && title) throw invalidInput("Give either a title or --person <email>, not both.");
    if (email) {
      const list = await listPersonSuccessors(deps, { person: { email }, limit });
      print(input, list, () => `Who could succeed ${list.incumbent.name}:\n${renderSuccessors(list)}`);
      return 0;
    }
    if (!title) throw invalidInput("Give a job title, or --person <email>.");
    const profileId = await resolveTitle(input, title);
    if (profileId === null) return 3;
    const list = await listSuccessors(deps, { profileId, limit });
    print(input, list, () => renderSuccessors(list));
    return 0;
  },
};

export const gapsCommand: CliCommand = {
  name: ["gaps"],
  usage: "gaps <email> [title]",
  summary: "A person's strengths and gaps against a role (their current one by default).",
  options: { framework: { type: "string" } },
  async run(input) {
    const [email, ...titleWords] = input.positionals;
    if (!email?.includes("@"))
      throw invalidInput("Give the person's email first, then optionally a job title.");
    const context = await input.context();
    const library = await context.library.get();
    let profileId: number | undefined;
    if (titleWords.length > 0) {
      const resolved = await resolveTitle(input, titleWords.join(" "));
      if (resolved === null) return 3;
      profileId = resolved;
    }
    const gaps = await personGaps(
      { library, people: context.peopleRepository, clock },
      { person: { email }, profileId },
    );
    print(input, gaps, () => renderGaps(gaps));
    return 0;
  },
};
