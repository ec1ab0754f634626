import { compareProfiles as compareDomain, type ProfileComparison } from "../domain/compare.js";
import { parseCompareQuery } from "../domain/compare-query.js";
import { findProfile, type ProfileResolution } from "./find-profile.js";
import type { Library } from "./library.js";

export type CompareProfilesOptions = { library: Library; query: string };

/** Either the comparison, or the side whose title did not resolve to exactly one profile. */
export type CompareProfilesResult =
  | { kind: "compared"; comparison: ProfileComparison }
  | {
      kind: "unresolved";
      side: "A" | "B";
      resolution: Exclude<ProfileResolution, { kind: "found" }>;
      other: string;
    };

export function compareProfiles({ library, query }: CompareProfilesOptions): CompareProfilesResult {
  const [titleA, titleB] = parseCompareQuery(query);
  const a = findProfile({ library, title: titleA });
  if (a.kind !== "found") return { kind: "unresolved", side: "A", resolution: a, other: titleB };
  const b = findProfile({ library, title: titleB });
  if (b.kind !== "found") return { kind: "unresolved", side: "B", resolution: b, other: titleA };
  return { kind: "compared", comparison: compareDomain(a.profile, b.profile) };
}
