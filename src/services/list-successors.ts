import { invalidInput } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import type { Person } from "../domain/people.js";
import {
  type BenchStrength,
  benchCandidates,
  benchStrength,
  rankSuccessors,
  type SuccessionOptions,
  type SuccessorRanking,
  successionOptions,
} from "../domain/succession.js";
import type { PersonKey } from "./find-person.js";
import { findPersonAndRole, type SuccessionDeps } from "./find-person-and-role.js";
import { getProfileById } from "./find-profile.js";

export type ListSuccessorsDeps = SuccessionDeps;

export type ListSuccessorsRequest = {
  profileId: number;
  /** How many successors to detail; 10 unless given. Counts by readiness always cover everyone. */
  limit?: number;
  /** Thresholds and rating age; the defaults of DEFAULT_SUCCESSION_OPTIONS otherwise. */
  settings?: Partial<SuccessionOptions>;
  excludePersonIds?: number[];
};

export type SuccessorList = SuccessorRanking & {
  profile: JobProfile;
  bench: BenchStrength;
  options: SuccessionOptions;
  asOf: Date;
};

export const DEFAULT_SUCCESSOR_LIMIT = 10;

/**
 * Successors for a role: people ranked by match, with readiness, largest gaps and rating freshness; and
 * the role's bench strength.
 */
export async function listSuccessors(
  deps: ListSuccessorsDeps,
  request: ListSuccessorsRequest,
): Promise<SuccessorList> {
  const profile = getProfileById(deps.library, request.profileId);
  const options = successionOptions(request.settings);
  const limit = request.limit ?? DEFAULT_SUCCESSOR_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw invalidInput(`limit: ${limit} is not a whole number ≥ 1`);
  const now = deps.clock();

  // Ranking needs only ratings of the role's competencies; bench strength needs the bench members'
  // ratings of every competency of the framework, to count the other jobs they match.
  const competencyIds = profile.competencies.map((requirement) => requirement.competencyId);
  const people = await deps.people.listPeopleWithRatings(profile.frameworkName, { competencyIds });
  const ranking = rankSuccessors({
    role: profile,
    people,
    now,
    options,
    excludePersonIds: request.excludePersonIds,
    limit,
  });
  const bench = benchCandidates({ role: profile, people, now, options });
  const benchPeople =
    bench.length === 0
      ? []
      : await deps.people.listPeopleWithRatings(profile.frameworkName, {
          personIds: bench.map((person) => person.id),
        });
  return {
    ...ranking,
    profile,
    bench: benchStrength({
      role: profile,
      profiles: deps.library.profiles,
      people: benchPeople,
      now,
      options,
    }),
    options,
    asOf: now,
  };
}

export type ListPersonSuccessorsRequest = Omit<ListSuccessorsRequest, "profileId" | "excludePersonIds"> & {
  person: PersonKey;
};

export type PersonSuccessorList = SuccessorList & { incumbent: Person };

/** Who could succeed this person in their current role: successors for that role, the person excluded. */
export async function listPersonSuccessors(
  deps: ListSuccessorsDeps,
  request: ListPersonSuccessorsRequest,
): Promise<PersonSuccessorList> {
  const { person: incumbent, profile } = await findPersonAndRole(deps, request.person);
  if (!profile) {
    throw invalidInput(`${incumbent.name} has no current profile, so there is no role to succeed them in.`);
  }
  const list = await listSuccessors(deps, {
    ...request,
    profileId: profile.id,
    excludePersonIds: [incumbent.id],
  });
  return { ...list, incumbent };
}
