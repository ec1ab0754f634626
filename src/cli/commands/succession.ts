import { invalidInput } from "../../domain/errors.js";
import { importPeople } from "../../services/import-people.js";
import {
  DEFAULT_SUCCESSOR_LIMIT,
  listPersonSuccessors,
  listSuccessors,
} from "../../services/list-successors.js";
import { personGaps } from "../../services/person-gaps.js";
import { onePositional, resolveProfile, wholeNumberOption } from "../arguments.js";
import { type CliCommand, print } from "../command.js";
import { renderGaps, renderSuccessors } from "../render/succession.js";

const clock = () => new Date();

export const importPeopleCommand: CliCommand = {
  name: ["import", "people"],
  usage: "import people <file.csv|file.json>",
  summary: "Import people and their competency ratings; an invalid file writes nothing.",
  async run(input) {
    const path = onePositional(input, "people file (CSV or JSON)");
    const context = await input.context();
    const result = await importPeople({ people: context.peopleRepository, clock }, { path });
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
    const limit = wholeNumberOption(input, "limit", { max: 1000, fallback: DEFAULT_SUCCESSOR_LIMIT });
    const title = input.positionals.join(" ").trim();
    const email = input.values.person as string | undefined;
    if (email && title) throw invalidInput("Give either a title or --person <email>, not both.");
    if (email) {
      const list = await listPersonSuccessors(deps, { person: { email }, limit });
      print(input, list, () => `Who could succeed ${list.incumbent.name}:\n${renderSuccessors(list)}`);
      return 0;
    }
    if (!title) throw invalidInput("Give a job title, or --person <email>.");
    const profile = resolveProfile(input, library, title);
    if (!profile) return 3;
    const list = await listSuccessors(deps, { profileId: profile.id, limit });
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
      const profile = resolveProfile(input, library, titleWords.join(" "));
      if (!profile) return 3;
      profileId = profile.id;
    }
    const gaps = await personGaps(
      { library, people: context.peopleRepository, clock },
      { person: { email }, profileId },
    );
    print(input, gaps, () => renderGaps(gaps));
    return 0;
  },
};
