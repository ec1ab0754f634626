import type { PeopleDefinition, PersonWithRatings, Rating } from "../domain/people.js";
import type { PeopleVocabulary } from "../domain/people-file.js";

export type SavePeopleResult = {
  /** People in the file not stored before. */
  created: number;
  /** People in the file already stored (matched by email), updated in place. */
  updated: number;
  /** Ratings stored for the people in the file. */
  ratings: number;
};

export type PeopleFilter = {
  /** Only ratings of these competencies. */
  competencyIds?: readonly number[];
  /** Only these people. */
  personIds?: readonly number[];
};

/** People and their competency ratings. Implemented over Prisma in adapters/db/people-repository.ts. */
export interface PeopleRepository {
  /** Each stored framework's competency names and profile titles: what a people file may name. */
  loadVocabulary(): Promise<PeopleVocabulary>;
  /** Of these Slack user ids, those already held by a stored person, with that person's email. */
  findSlackUserIdHolders(slackUserIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Stores the people in one transaction: each is matched by email and created or updated in place,
   * and their ratings are replaced by the file's. People not in the definition are left alone.
   */
  savePeople(definition: PeopleDefinition): Promise<SavePeopleResult>;
  /**
   * Every stored person with their ratings of the framework's competencies (narrowed by `filter`),
   * ratings dated to the day. Built for 10,000 people with 30 ratings each.
   */
  listPeopleWithRatings(frameworkName: string, filter?: PeopleFilter): Promise<PersonWithRatings[]>;
  /** With all their ratings; the email is matched ignoring case. */
  findPersonByEmail(email: string): Promise<PersonWithRatings | null>;
  findPersonBySlackUserId(slackUserId: string): Promise<PersonWithRatings | null>;
  /**
   * Adds or replaces (by competency and source) some of a person's ratings, leaving the others: for a
   * candidate assessed through fit, kept as evidence-derived ratings with source ASSESSMENT.
   */
  savePersonRatings(personId: number, ratings: readonly Rating[]): Promise<void>;
  /** Deletes the person and every rating of theirs; false when there is no such person. */
  erasePerson(id: number): Promise<boolean>;
}
