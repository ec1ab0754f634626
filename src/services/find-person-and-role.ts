import { AppError } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import type { Person, Rating } from "../domain/people.js";
import { findPerson, type PersonKey } from "./find-person.js";
import { getProfileById } from "./find-profile.js";
import type { Library } from "./library.js";
import type { PeopleRepository } from "./people-ports.js";

/** What the succession use cases (successors, a person's gaps) take. */
export type SuccessionDeps = {
  library: Library;
  people: PeopleRepository;
  clock: () => Date;
};

export type PersonAndRole = {
  person: Person;
  ratings: Rating[];
  /** The role named by id, else the person's current one; null when neither was given. */
  profile: JobProfile | null;
};

/** The person, their ratings, and the role to measure them against; NOT_FOUND for an unknown person or role. */
export async function findPersonAndRole(
  deps: Pick<SuccessionDeps, "library" | "people">,
  key: PersonKey,
  profileId?: number,
): Promise<PersonAndRole> {
  const { ratings, ...person } = await findPerson(deps.people, key);
  if (profileId !== undefined) return { person, ratings, profile: getProfileById(deps.library, profileId) };
  if (person.currentProfileId === null) return { person, ratings, profile: null };
  const profile = deps.library.getProfile(person.currentProfileId);
  if (!profile)
    throw new AppError("NOT_FOUND", `${person.name}'s current profile is no longer in the library.`);
  return { person, ratings, profile };
}
