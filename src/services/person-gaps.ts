import { invalidInput } from "../domain/errors.js";
import type { JobProfile } from "../domain/library.js";
import type { Person } from "../domain/people.js";
import {
  type GapReport,
  gapReport,
  type SuccessionOptions,
  successionOptions,
} from "../domain/succession.js";
import type { PersonKey } from "./find-person.js";
import { findPersonAndRole, type SuccessionDeps } from "./find-person-and-role.js";

export type PersonGapsRequest = {
  person: PersonKey;
  /** The role to measure against; the person's current profile when not given. */
  profileId?: number;
  settings?: Partial<SuccessionOptions>;
};

export type PersonGaps = { person: Person; profile: JobProfile; report: GapReport; asOf: Date };

/** A person's strengths and gaps against a role, with suggestions from the next level's indicators. */
export async function personGaps(deps: SuccessionDeps, request: PersonGapsRequest): Promise<PersonGaps> {
  const options = successionOptions(request.settings);
  const { person, ratings, profile } = await findPersonAndRole(deps, request.person, request.profileId);
  if (!profile) {
    throw invalidInput(`${person.name} has no current profile; name the role to compare them with.`);
  }
  const now = deps.clock();
  return { person, profile, report: gapReport(ratings, profile, now, options), asOf: now };
}
