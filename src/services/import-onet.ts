import { basename } from "node:path";
import { onetToFramework } from "../adapters/onet/onet-to-framework.js";
import { OnetFormatError, readOnetDirectory } from "../adapters/onet/read-onet-directory.js";
import { invalidInput } from "../domain/errors.js";
import type { LibraryProvider } from "./library.js";
import type { LibraryRepository, SaveFrameworkResult, SaveProgress } from "./ports.js";

export type ImportOnetOptions = {
  repository: LibraryRepository;
  library: LibraryProvider;
  directory: string;
  /** Release label shown in the data credit, e.g. "29.0"; read from names like `db_29_0_text` when absent. */
  version?: string;
  onProgress?: (progress: SaveProgress) => void;
};

/** Imports an O*NET release directory (official text format) as framework `onet`, replacing it in place. */
export async function importOnet({
  repository,
  library,
  directory,
  version,
  onProgress,
}: ImportOnetOptions): Promise<SaveFrameworkResult> {
  const report = onProgress ?? (() => {});
  let framework: ReturnType<typeof onetToFramework>;
  try {
    const release = await readOnetDirectory(directory, {
      onProgress: (stage, done, total) => report({ stage: `reading ${stage}`, done, total }),
    });
    framework = onetToFramework(release, { version: version ?? releaseFromDirectoryName(directory) });
  } catch (error) {
    if (error instanceof OnetFormatError)
      throw invalidInput(`${directory} was not imported: ${error.message}`);
    throw error;
  }
  const result = await repository.saveFramework(framework, {
    onProgress: ({ stage, done, total }) => report({ stage: `storing ${stage}`, done, total }),
  });
  await library.reload();
  return result;
}

/** O*NET names its downloads `db_29_0_text`; the credit must name the release that was imported. */
export function releaseFromDirectoryName(directory: string): string {
  const name = basename(directory.replace(/[/\\]+$/, ""));
  const match = /(\d{2})[._](\d)/.exec(name);
  return match ? `${match[1]}.${match[2]}` : `release "${name}"`;
}
