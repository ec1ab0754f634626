import { invalidInput } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import type { Person } from "../domain/people.js";
import {
  type GapReport,
  gapReport,
  type SuccessionOptions,
  successionOptions,
} from "../domain/succession.js";
import { findPerson, type PersonKey } from "./find-person.js";
import { getProfileById } from "./find-profile.js";
import type { Library } from "./library.js";
import type { PeopleRepository } from "./people-ports.js";

export type PersonGapsDeps = {
  library: Library;
  people: PeopleRepository;
  clock: () => Date;
};

export type PersonGapsRequest = {
  person: PersonKey;
  /** The role to measure against; the person's current profile when not given. */
  profileId?: number;
  settings?: Partial<SuccessionOptions>;
};

export type PersonGaps = { person: Person; profile: JobProfile; report: GapReport; asOf: Date };

/** A person's strengths and gaps against a role, with suggestions from the next level's indicators. */
export async function personGaps(deps: PersonGapsDeps, request: PersonGapsRequest): Promise<PersonGaps> {
  const options = successionOptions(request.settings);
  const { ratings, ...person } = await findPerson(deps.people, request.person);
  const profileId = request.profileId ?? person.currentProfileId;
  if (profileId === null) {
    throw invalidInput(`${person.name} has no current profile; name the role to compare them with.`);
  }
  const profile = getProfileById(deps.library, profileId);
  const now = deps.clock();
  return { person, profile, report: gapReport(ratings, profile, now, options), asOf: now };
}
