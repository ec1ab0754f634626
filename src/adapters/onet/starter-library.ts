/** The starter library the product ships: O*NET 23.0, read from the compact bundle in data/onet-23.0. */
import type { FrameworkDefinition } from "../../domain/library.js";
import { fromPackageRoot } from "../../package-root.js";
import { onetToFramework } from "./onet-to-framework.js";
import { type OnetProgress, readOnetDirectory } from "./read-onet-directory.js";

export const STARTER_ONET_DIRECTORY = fromPackageRoot("data", "onet-23.0");

export async function loadStarterOnet(onProgress?: OnetProgress): Promise<FrameworkDefinition> {
  const release = await readOnetDirectory(STARTER_ONET_DIRECTORY, { onProgress });
  onProgress?.("mapping", 0, 1);
  const framework = onetToFramework(release, { version: "23.0" });
  onProgress?.("mapping", 1, 1);
  return framework;
}
