import { readFrameworkFile } from "../adapters/framework-file/read-framework-file.js";
import { loadStarterOnet } from "../adapters/onet/starter-library.js";
import { formatProblem } from "../domain/framework-file.js";
import { fromPackageRoot } from "../package-root.js";
import type { LibraryRepository } from "./ports.js";

export const SAMPLE_FRAMEWORK_FILE = fromPackageRoot("data", "frameworks", "sample.yaml");

export type StarterLoadProgress = { stage: string; done: number; total: number };

export type LoadStarterLibraryOptions = {
  repository: LibraryRepository;
  onProgress?: (progress: StarterLoadProgress) => void;
};

/**
 * Loads the shipped starter library (O*NET occupations and the sample framework) into an empty store,
 * so a newcomer has profiles to look up from the first start. Does nothing once any profile exists.
 */
export async function loadStarterLibrary({
  repository,
  onProgress,
}: LoadStarterLibraryOptions): Promise<boolean> {
  if ((await repository.countProfiles()) > 0) return false;
  const report = onProgress ?? (() => {});
  const onet = await loadStarterOnet((stage, done, total) =>
    report({ stage: stage === "mapping" ? "mapping O*NET" : `reading O*NET ${stage}`, done, total }),
  );
  const sample = await readFrameworkFile(SAMPLE_FRAMEWORK_FILE);
  if (!sample.ok) {
    // The shipped sample is tested; reaching this means the installation itself is damaged.
    throw new Error(
      `The shipped sample framework is invalid:\n${sample.problems.map(formatProblem).join("\n")}`,
    );
  }
  await repository.saveFramework(onet, {
    onProgress: ({ stage, done, total }) => report({ stage: `storing O*NET ${stage}`, done, total }),
  });
  await repository.saveFramework(sample.framework);
  return true;
}
