import { AppError } from "../domain/errors.js";
import type { PersonWithRatings } from "../domain/people.js";
import type { PeopleRepository } from "./people-ports.js";

/** How a request names a person: by email (the import key) or by Slack user id. */
export type PersonKey = { email: string } | { slackUserId: string };

/** The person with all their ratings; NOT_FOUND when no imported person has that email or Slack id. */
export async function findPerson(people: PeopleRepository, key: PersonKey): Promise<PersonWithRatings> {
  const person =
    "email" in key
      ? await people.findPersonByEmail(key.email)
      : await people.findPersonBySlackUserId(key.slackUserId);
  if (person) return person;
  const named = "email" in key ? `email ${key.email}` : `Slack user <@${key.slackUserId}>`;
  throw new AppError(
    "NOT_FOUND",
    `No imported person has ${named}; people are loaded with \`import people\`.`,
  );
}
