import { openDatabase } from "../../adapters/db/database.js";
import { migrate } from "../../adapters/db/migrate.js";
import { loadConfig } from "../../config.js";
import { invalidInput } from "../../domain/errors.js";
import { compareProfiles } from "../../services/compare-profiles.js";
import { findProfile } from "../../services/find-profile.js";
import { type CliCommand, print } from "../command.js";
import { renderComparison } from "../render/comparison.js";
import { renderFrameworks, renderMatches, renderProfile, renderUnresolved } from "../render/text.js";

function joinedText(positionals: string[], what: string): string {
  const text = positionals.join(" ").trim();
  if (!text) throw invalidInput(`Give a ${what}.`);
  return text;
}

export const profileCommand: CliCommand = {
  name: ["profile"],
  usage: "profile <title> [--framework NAME]",
  summary: "Show a job profile: its general and technical competencies.",
  options: { framework: { type: "string" } },
  async run(input) {
    const context = await input.context();
    const library = await context.library.get();
    const framework = input.values.framework as string | undefined;
    const resolution = findProfile({ library, title: joinedText(input.positionals, "job title"), framework });
    if (resolution.kind !== "found") {
      print(input, resolution, () => renderUnresolved(resolution));
      return 3;
    }
    const frameworks = await context.libraryRepository.listFrameworks();
    const source = frameworks.find((f) => f.name === resolution.profile.frameworkName)?.source ?? "";
    print(input, { ...resolution.profile, source }, () => renderProfile(resolution.profile, source));
    return 0;
  },
};

export const searchCommand: CliCommand = {
  name: ["search"],
  usage: "search <query> [--framework NAME] [--family NAME] [--limit N]",
  summary: "List the profiles whose title or alternate titles fit the query.",
  options: { framework: { type: "string" }, family: { type: "string" }, limit: { type: "string" } },
  async run(input) {
    const limit = input.values.limit === undefined ? 10 : Number(input.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw invalidInput(`--limit must be a whole number from 1 to 100; got "${input.values.limit}".`);
    }
    const library = await (await input.context()).library.get();
    const matches = library.search(joinedText(input.positionals, "search query"), {
      limit,
      framework: input.values.framework as string | undefined,
      family: input.values.family as string | undefined,
    });
    print(input, matches, () => renderMatches(matches));
    return 0;
  },
};

export const compareCommand: CliCommand = {
  name: ["compare"],
  usage: "compare <title A> vs <title B>",
  summary: "Compare two profiles: shared and differing competencies (also A | B, or quoted titles).",
  async run(input) {
    const query = joinedText(input.positionals, 'pair of titles, as "A vs B"');
    const library = await (await input.context()).library.get();
    const result = compareProfiles({ library, query });
    if (result.kind === "unresolved") {
      print(input, result, () => `Profile ${result.side}: ${renderUnresolved(result.resolution)}`);
      return 3;
    }
    print(input, result.comparison, () => renderComparison(result.comparison));
    return 0;
  },
};

export const frameworksCommand: CliCommand = {
  name: ["frameworks"],
  usage: "frameworks",
  summary: "List the loaded competency frameworks and their sources.",
  async run(input) {
    if (input.positionals.length > 0) throw invalidInput("`frameworks` takes no arguments.");
    const frameworks = await (await input.context()).libraryRepository.listFrameworks();
    print(input, frameworks, () => renderFrameworks(frameworks));
    return 0;
  },
};

export const migrateCommand: CliCommand = {
  name: ["migrate"],
  usage: "migrate",
  summary: "Apply pending database migrations (also done at every start).",
  async run(input) {
    if (input.positionals.length > 0) throw invalidInput("`migrate` takes no arguments.");
    const config = loadConfig();
    const database = await openDatabase(config.database);
    try {
      const applied = await migrate(database);
      print(input, { applied }, () =>
        applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.",
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
