import { openDatabase } from "../../adapters/db/database.js";
import { migrate } from "../../adapters/db/migrate.js";
import { loadConfig } from "../../config.js";
import { compareProfiles } from "../../services/compare-profiles.js";
import { joinedPositionals, noPositionals, resolveProfile, wholeNumberOption } from "../arguments.js";
import { type CliCommand, print } from "../command.js";
import { renderComparison } from "../render/comparison.js";
import { renderFrameworks, renderMatches, renderProfile, renderUnresolved } from "../render/text.js";

export const profileCommand: CliCommand = {
  name: ["profile"],
  usage: "profile <title> [--framework NAME]",
  summary: "Show a job profile: its general and technical competencies.",
  options: { framework: { type: "string" } },
  async run(input) {
    const context = await input.context();
    const library = await context.library.get();
    const profile = resolveProfile(input, library, joinedPositionals(input, "job title"));
    if (!profile) return 3;
    const frameworks = await context.libraryRepository.listFrameworks();
    const source = frameworks.find((f) => f.name === profile.frameworkName)?.source ?? "";
    print(input, { ...profile, source }, () => renderProfile(profile, source));
    return 0;
  },
};

export const searchCommand: CliCommand = {
  name: ["search"],
  usage: "search <query> [--framework NAME] [--family NAME] [--limit N]",
  summary: "List the profiles whose title or alternate titles fit the query.",
  options: { framework: { type: "string" }, family: { type: "string" }, limit: { type: "string" } },
  async run(input) {
    const limit = wholeNumberOption(input, "limit", { max: 100, fallback: 10 });
    const library = await (await input.context()).library.get();
    const matches = library.search(joinedPositionals(input, "search query"), {
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
    const query = joinedPositionals(input, 'pair of titles, as "A vs B"');
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
    noPositionals(input, "frameworks");
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
    noPositionals(input, "migrate");
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
