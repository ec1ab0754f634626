import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json, data/ and prisma/: found by walking up from this module, so the
 * shipped data is found both from the TypeScript sources and from the compiled build in dist/.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, "package.json")) && existsSync(join(directory, "data"))) return directory;
    if (dirname(directory) === directory) throw new Error(`No package root (with data/) above ${start}.`);
  }
}

export const fromPackageRoot = (...parts: string[]) => join(PACKAGE_ROOT, ...parts);
