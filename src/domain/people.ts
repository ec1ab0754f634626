/**
 * The people side of succession: who works here, in which role, and how their competencies were rated.
 * Pure types shared by the people file (what it produces), the store (what it returns) and the
 * succession rules.
 */

/** Who rated a competency. Several sources may rate one competency; see docs/decisions/004-succession.md. */
export const RATING_SOURCES = ["SELF", "MANAGER", "ASSESSMENT"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/** Ratings run 0–5: 0 means no proficiency yet, 1–5 are the frameworks' proficiency levels. */
export const RATING_LEVEL_RANGE = { min: 0, max: 5 } as const;

/** A rating as a people file states it: by framework and competency name. */
export type RatingDefinition = {
  framework: string;
  competency: string;
  level: number;
  source: RatingSource;
  ratedAt: Date;
};

export type ProfileReference = { framework: string; title: string };

/** A person as a people file states them: validated, ready to store. */
export type PersonDefinition = {
  /** Lower-cased; people are matched by email when a file is imported again. */
  email: string;
  name: string;
  slackUserId: string | null;
  currentProfile: ProfileReference | null;
  ratings: RatingDefinition[];
};

export type PeopleDefinition = { people: PersonDefinition[] };

/** A stored rating, keyed by competency id as profile requirements are. */
export type Rating = {
  competencyId: number;
  level: number;
  source: RatingSource;
  ratedAt: Date;
};

export type Person = {
  id: number;
  name: string;
  email: string;
  slackUserId: string | null;
  currentProfileId: number | null;
};

export type PersonWithRatings = Person & { ratings: Rating[] };
