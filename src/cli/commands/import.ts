import { type ImportFrameworkOptions, importFramework } from "../../services/import-framework.js";
import { importOnet } from "../../services/import-onet.js";
import type { SaveFrameworkResult, SaveProgress } from "../../services/ports.js";
import { onePositional } from "../arguments.js";
import { type CliCommand, type CommandInput, print } from "../command.js";

/** Where every import writes, and how it reports progress. */
type ImportTarget = Pick<ImportFrameworkOptions, "repository" | "library" | "onProgress">;

/** Runs one framework import into the store, with its progress on stderr, and prints what it changed. */
async function runImport(
  input: CommandInput,
  importInto: (target: ImportTarget) => Promise<SaveFrameworkResult>,
): Promise<number> {
  const context = await input.context();
  const result = await importInto({
    repository: context.libraryRepository,
    library: context.library,
    onProgress: progress(input),
  });
  print(input, result, () => renderImport(result));
  return 0;
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
    const path = onePositional(input, "framework file");
    return runImport(input, (target) => importFramework({ ...target, path }));
  },
};

export const importOnetCommand: CliCommand = {
  name: ["import", "onet"],
  usage: "import onet <directory> [--version X.Y]",
  summary: "Import an O*NET release directory (official text format) as framework onet.",
  options: { version: { type: "string" } },
  async run(input) {
    const directory = onePositional(input, "O*NET directory");
    const version = input.values.version as string | undefined;
    return runImport(input, (target) => importOnet({ ...target, directory, version }));
  },
};
