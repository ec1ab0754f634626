import { readFrameworkFile } from "../adapters/framework-file/read-framework-file.js";
import { invalidInput } from "../domain/errors.js";
import { formatProblem } from "../domain/framework-file.js";
import type { LibraryProvider } from "./library.js";
import type { LibraryRepository, SaveFrameworkResult, SaveProgress } from "./ports.js";

export type ImportFrameworkOptions = {
  repository: LibraryRepository;
  library: LibraryProvider;
  path: string;
  onProgress?: (progress: SaveProgress) => void;
};

/** Validates the whole file first; an invalid file writes nothing and reports every problem. */
export async function importFramework({
  repository,
  library,
  path,
  onProgress,
}: ImportFrameworkOptions): Promise<SaveFrameworkResult> {
  const validation = await readFrameworkFile(path);
  if (!validation.ok) {
    const count = validation.problems.length;
    throw invalidInput(
      `${path} was not imported: ${count} problem${count === 1 ? "" : "s"} found. Nothing was written.`,
      validation.problems.map(formatProblem),
    );
  }
  const result = await repository.saveFramework(validation.framework, { onProgress });
  await library.reload();
  return result;
}
