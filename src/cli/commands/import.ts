import { invalidInput } from "../../domain/errors.js";
import { importFramework } from "../../services/import-framework.js";
import { importOnet } from "../../services/import-onet.js";
import type { SaveFrameworkResult, SaveProgress } from "../../services/ports.js";
import { type CliCommand, type CommandInput, print } from "../command.js";

function onePath(input: CommandInput, what: string): string {
  if (input.positionals.length !== 1) {
    throw invalidInput(`Give exactly one ${what}; got ${input.positionals.length}.`);
  }
  return input.positionals[0] as string;
}

function progress(input: CommandInput): (progress: SaveProgress) => void {
  let last = "";
  return ({ stage, done, total }) => {
    const line = `${stage}: ${done}/${total}`;
    if (line !== last) input.io.stderr(`\r${line}        `);
    last = line;
  };
}

function renderImport(result: SaveFrameworkResult): string {
  const verb = result.created ? "Imported" : "Updated";
  return (
    `\n${verb} framework "${result.framework}": ${result.competencies} competencies; profiles: ` +
    `${result.profilesCreated} new, ${result.profilesUpdated} changed, ${result.profilesUnchanged} unchanged, ` +
    `${result.profilesRemoved} removed.`
  );
}

export const importFrameworkCommand: CliCommand = {
  name: ["import", "framework"],
  usage: "import framework <file.json|file.yaml>",
  summary: "Import or update a competency framework; an invalid file writes nothing.",
  async run(input) {
    const path = onePath(input, "framework file");
    const context = await input.context();
    const result = await importFramework({
      repository: context.libraryRepository,
      library: context.library,
      path,
      onProgress: progress(input),
    });
    print(input, result, () => renderImport(result));
    return 0;
  },
};

export const importOnetCommand: CliCommand = {
  name: ["import", "onet"],
  usage: "import onet <directory> [--version X.Y]",
  summary: "Import an O*NET release directory (official text format) as framework onet.",
  options: { version: { type: "string" } },
  async run(input) {
    const directory = onePath(input, "O*NET directory");
    const context = await input.context();
    const result = await importOnet({
      repository: context.libraryRepository,
      library: context.library,
      directory,
      version: input.values.version as string | undefined,
      onProgress: progress(input),
    });
    print(input, result, () => renderImport(result));
    return 0;
  },
};
