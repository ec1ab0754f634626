import { AppError } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import type { TitleMatch } from "../domain/title-index.js";
import type { Library } from "./library.js";

/** A title resolved to one profile, or the closest profiles for the user to choose from. */
export type ProfileResolution =
  | { kind: "found"; profile: JobProfile; matchedTitle: string }
  | { kind: "ambiguous"; query: string; candidates: TitleMatch[] }
  | { kind: "not_found"; query: string; suggestions: TitleMatch[] };

export type FindProfileOptions = { library: Library; title: string; framework?: string };

export function findProfile({ library, title, framework }: FindProfileOptions): ProfileResolution {
  const query = title.trim();
  if (query.length === 0) return { kind: "not_found", query, suggestions: [] };
  const result = library.lookup(query, framework ? { framework } : undefined);
  if (result.kind === "ambiguous") return { kind: "ambiguous", query, candidates: result.candidates };
  if (result.kind === "not_found") return { kind: "not_found", query, suggestions: result.suggestions };
  const profile = library.getProfile(result.match.profileId);
  if (!profile)
    throw new AppError("NOT_FOUND", `Profile ${result.match.profileId} vanished from the library.`);
  return { kind: "found", profile, matchedTitle: result.match.matchedTitle };
}

/** The profile with this id, as chosen from a picker of candidates. */
export function getProfileById(library: Library, id: number): JobProfile {
  const profile = library.getProfile(id);
  if (!profile)
    throw new AppError(
      "NOT_FOUND",
      `There is no profile with id ${id} (it may have been removed by an import).`,
    );
  return profile;
}
