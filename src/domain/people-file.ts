/**
 * The people file (docs/people-format.md): rows read from CSV or JSON, one per rating, checked against
 * the stored frameworks and gathered into people. Every problem is reported with where it is and the
 * value found, and the whole file is refused if there is any, so an import is all or nothing.
 */
import { closestName } from "./closest-name.js";
import type { Problem } from "./framework-file.js";
import {
  type PeopleDefinition,
  type PersonDefinition,
  type ProfileReference,
  RATING_LEVEL_RANGE,
  RATING_SOURCES,
  type RatingDefinition,
  type RatingSource,
} from "./people.js";

export const PEOPLE_COLUMNS = [
  "email",
  "name",
  "slack_user_id",
  "current_profile",
  "framework",
  "competency",
  "level",
  "source",
  "rated_at",
] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** Columns a CSV header must have; the others may be left out when a file does not use them. */
export const REQUIRED_PEOPLE_COLUMNS: readonly PeopleColumn[] = ["email", "name"];
/** Columns a rating needs: a header naming one of them must name them all. */
export const RATING_COLUMNS: readonly PeopleColumn[] = [
  "framework",
  "competency",
  "level",
  "source",
  "rated_at",
];

export const PEOPLE_FILE_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 100_000,
  nameLength: 200,
  emailLength: 254,
} as const;

/** One row as read from a file: its cells by column, and how to say where a cell is. */
export type PeopleRow = {
  cells: Partial<Record<PeopleColumn, unknown>>;
  /** Where the row is: `line 14` or `rows[12]`. */
  where: string;
  /** Where one of its cells is: `line 14, column "competency"` or `rows[12].competency`. */
  at(column: PeopleColumn): string;
};

/** What a people file may name: each stored framework's competencies and profile titles. */
export type PeopleVocabulary = {
  frameworks: { name: string; competencies: string[]; profiles: string[] }[];
};

export type PeopleValidation =
  | { ok: true; definition: PeopleDefinition; ratings: number }
  | { ok: false; problems: Problem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Slack member ids: U… for users, W… for Enterprise Grid users. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const SOURCE_NAMES = RATING_SOURCES.map((source) => source.toLowerCase());
const LEVELS = `${RATING_LEVEL_RANGE.min}–${RATING_LEVEL_RANGE.max}`;

/** Names matched ignoring case and surrounding spaces, each kept with its stored spelling. */
class Names {
  private readonly byKey: Map<string, string>;
  constructor(readonly all: readonly string[]) {
    this.byKey = new Map(all.map((name) => [name.toLowerCase(), name]));
  }
  find(typed: string): string | undefined {
    return this.byKey.get(typed.toLowerCase());
  }
  suggestion(typed: string): string {
    const close = closestName(typed, this.all);
    return close ? ` (did you mean "${close}"?)` : "";
  }
}

type FrameworkNames = { name: string; competencies: Names; profiles: Names };

class Frameworks {
  private readonly byKey: Map<string, FrameworkNames>;
  readonly names: Names;
  constructor(vocabulary: PeopleVocabulary) {
    this.byKey = new Map(
      vocabulary.frameworks.map((framework) => [
        framework.name.toLowerCase(),
        {
          name: framework.name,
          competencies: new Names(framework.competencies),
          profiles: new Names(framework.profiles),
        },
      ]),
    );
    this.names = new Names(vocabulary.frameworks.map((framework) => framework.name));
  }
  find(typed: string): FrameworkNames | undefined {
    return this.byKey.get(typed.toLowerCase());
  }
}

type Draft = {
  email: string;
  where: string;
  name?: { value: string; where: string };
  slackUserId?: { value: string; where: string };
  currentProfile?: { value: ProfileReference; where: string };
  ratings: RatingDefinition[];
  ratingRows: Map<string, string>;
};

/** Checks every row and gathers them into people; `now` because a rating cannot be from the future. */
export function validatePeopleRows(
  rows: readonly PeopleRow[],
  vocabulary: PeopleVocabulary,
  now: Date,
): PeopleValidation {
  if (rows.length === 0) return { ok: false, problems: [{ path: "", message: "the file has no rows" }] };
  if (rows.length > PEOPLE_FILE_LIMITS.rows) {
    const message = `the file has ${count(rows.length)} rows; the limit is ${count(PEOPLE_FILE_LIMITS.rows)}`;
    return { ok: false, problems: [{ path: "", message }] };
  }
  const frameworks = new Frameworks(vocabulary);
  const problems: Problem[] = [];
  const people = new Map<string, Draft>();
  const slackOwners = new Map<string, { email: string; where: string }>();
  let ratings = 0;

  for (const row of rows) {
    const cell = (column: PeopleColumn) => readCell(row, column, problems);
    const email = readEmail(row, cell("email"), problems);
    const name = readName(row, cell("name"), problems);
    const slackUserId = readSlackUserId(row, cell("slack_user_id"), problems);
    const frameworkText = cell("framework");
    const profileTitle = cell("current_profile");
    const competencyText = cell("competency");

    const neededBy = competencyText ? "competency" : profileTitle ? "current profile" : undefined;
    const framework = readFramework(row, frameworkText, neededBy, frameworks, problems);

    const currentProfile =
      profileTitle && framework ? readProfile(row, profileTitle, framework, problems) : undefined;
    const rating =
      competencyText === ""
        ? checkNoRating(row, problems)
        : competencyText && readRating(row, competencyText, framework, now, problems);

    if (email === undefined) continue;
    const draft = people.get(email) ?? newDraft(people, email, row.where);
    if (name) mergeField(draft, "name", name, row, "name", problems);
    if (slackUserId) {
      mergeField(draft, "slackUserId", slackUserId, row, "slack_user_id", problems);
      const owner = slackOwners.get(slackUserId);
      if (owner && owner.email !== email) {
        problems.push({
          path: row.at("slack_user_id"),
          message: `${show(slackUserId)} is already given to ${owner.email} on ${owner.where}`,
        });
      } else if (!owner) slackOwners.set(slackUserId, { email, where: row.where });
    }
    if (currentProfile) mergeProfile(draft, currentProfile, row, problems);
    if (rating) {
      const key = `${rating.framework}\u0000${rating.competency}\u0000${rating.source}`;
      const earlier = draft.ratingRows.get(key);
      if (earlier) {
        problems.push({
          path: row.where,
          message: `${email} already has a ${rating.source.toLowerCase()} rating of ${show(rating.competency)} on ${earlier}; a person has one rating per competency and source`,
        });
      } else {
        draft.ratingRows.set(key, row.where);
        draft.ratings.push(rating);
        ratings += 1;
      }
    }
  }

  for (const draft of people.values()) {
    if (!draft.name) problems.push({ path: draft.where, message: `${draft.email} has no name on any row` });
  }
  if (problems.length > 0) return { ok: false, problems };
  const definition: PersonDefinition[] = [...people.values()].map((draft) => ({
    email: draft.email,
    name: draft.name?.value as string,
    slackUserId: draft.slackUserId?.value ?? null,
    currentProfile: draft.currentProfile?.value ?? null,
    ratings: draft.ratings,
  }));
  return { ok: true, definition: { people: definition }, ratings };
}

function newDraft(people: Map<string, Draft>, email: string, where: string): Draft {
  const draft: Draft = { email, where, ratings: [], ratingRows: new Map() };
  people.set(email, draft);
  return draft;
}

/** A person's details may be repeated on each of their rows, or given once; they must not disagree. */
function mergeField(
  draft: Draft,
  field: "name" | "slackUserId",
  value: string,
  row: PeopleRow,
  column: PeopleColumn,
  problems: Problem[],
): void {
  const earlier = draft[field];
  if (!earlier) draft[field] = { value, where: row.where };
  else if (earlier.value !== value) {
    problems.push({
      path: row.at(column),
      message: `${show(value)} differs from ${show(earlier.value)} given for ${draft.email} on ${earlier.where}`,
    });
  }
}

function mergeProfile(draft: Draft, profile: ProfileReference, row: PeopleRow, problems: Problem[]): void {
  const earlier = draft.currentProfile;
  if (!earlier) draft.currentProfile = { value: profile, where: row.where };
  else if (earlier.value.framework !== profile.framework || earlier.value.title !== profile.title) {
    problems.push({
      path: row.at("current_profile"),
      message: `${show(profile.title)} (framework ${profile.framework}) differs from ${show(earlier.value.title)} (framework ${earlier.value.framework}) given for ${draft.email} on ${earlier.where}`,
    });
  }
}

/** The cell as trimmed text: "" when empty or absent, undefined (with a problem) when it is not text. */
function readCell(row: PeopleRow, column: PeopleColumn, problems: Problem[]): string | undefined {
  const value = row.cells[column];
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  problems.push({ path: row.at(column), message: `${show(value)} is not text` });
  return undefined;
}

function readEmail(row: PeopleRow, text: string | undefined, problems: Problem[]): string | undefined {
  if (text === undefined) return undefined;
  if (text === "") {
    problems.push({ path: row.at("email"), message: "is empty; every row names a person by email" });
    return undefined;
  }
  if (text.length > PEOPLE_FILE_LIMITS.emailLength || !EMAIL.test(text)) {
    problems.push({ path: row.at("email"), message: `${show(text)} is not an email address` });
    return undefined;
  }
  return text.toLowerCase();
}

function readName(row: PeopleRow, text: string | undefined, problems: Problem[]): string | undefined {
  if (!text) return undefined;
  if (text.length > PEOPLE_FILE_LIMITS.nameLength) {
    problems.push({
      path: row.at("name"),
      message: `is ${count(text.length)} characters long; the limit is ${count(PEOPLE_FILE_LIMITS.nameLength)}`,
    });
    return undefined;
  }
  return text;
}

/** The row's framework; an empty cell is a problem only when a competency or profile needs it. */
function readFramework(
  row: PeopleRow,
  text: string | undefined,
  neededBy: string | undefined,
  frameworks: Frameworks,
  problems: Problem[],
): FrameworkNames | undefined {
  if (text === undefined) return undefined;
  if (text === "") {
    if (neededBy) {
      problems.push({
        path: row.at("framework"),
        message: `is empty; it names the framework of the ${neededBy}`,
      });
    }
    return undefined;
  }
  const framework = frameworks.find(text);
  if (!framework) {
    const hint = frameworks.names.all.length
      ? frameworks.names.suggestion(text)
      : "; no framework has been imported yet";
    problems.push({ path: row.at("framework"), message: `${show(text)} is not a framework${hint}` });
  }
  return framework;
}

function readSlackUserId(row: PeopleRow, text: string | undefined, problems: Problem[]): string | undefined {
  if (!text) return undefined;
  const id = text.toUpperCase();
  if (!SLACK_USER_ID.test(id)) {
    problems.push({
      path: row.at("slack_user_id"),
      message: `${show(text)} is not a Slack user id (like U024BE7LH)`,
    });
    return undefined;
  }
  return id;
}

function readProfile(
  row: PeopleRow,
  title: string,
  framework: FrameworkNames,
  problems: Problem[],
): ProfileReference | undefined {
  const found = framework.profiles.find(title);
  if (found) return { framework: framework.name, title: found };
  problems.push({
    path: row.at("current_profile"),
    message: `${show(title)} is not a profile of framework ${framework.name}${framework.profiles.suggestion(title)}`,
  });
  return undefined;
}

/** The rating a row states; its cells are all checked even when the framework is unknown. */
function readRating(
  row: PeopleRow,
  competencyText: string,
  framework: FrameworkNames | undefined,
  now: Date,
  problems: Problem[],
): RatingDefinition | undefined {
  const competency = framework?.competencies.find(competencyText);
  if (framework && !competency) {
    problems.push({
      path: row.at("competency"),
      message: `${show(competencyText)} is not a competency of framework ${framework.name}${framework.competencies.suggestion(competencyText)}`,
    });
  }
  const level = readLevel(row, problems);
  const source = readSource(row, problems);
  const ratedAt = readRatedAt(row, now, problems);
  if (!framework || !competency || level === undefined || !source || !ratedAt) return undefined;
  return { framework: framework.name, competency, level, source, ratedAt };
}

/** A row without a competency only states the person: its rating cells must be empty. */
function checkNoRating(row: PeopleRow, problems: Problem[]): undefined {
  for (const column of ["level", "source", "rated_at"] as const) {
    const text = readCell(row, column, problems);
    if (text) {
      problems.push({
        path: row.at(column),
        message: `${show(row.cells[column])} is given but the row names no competency`,
      });
    }
  }
  return undefined;
}

function readLevel(row: PeopleRow, problems: Problem[]): number | undefined {
  const value = typeof row.cells.level === "string" ? row.cells.level.trim() : row.cells.level;
  if (value === undefined || value === null || value === "") {
    problems.push({ path: row.at("level"), message: `is empty; a rating needs a level ${LEVELS}` });
    return undefined;
  }
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^-?\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isInteger(number)) {
    problems.push({ path: row.at("level"), message: `${show(value)} is not a whole number ${LEVELS}` });
    return undefined;
  }
  if (number < RATING_LEVEL_RANGE.min || number > RATING_LEVEL_RANGE.max) {
    problems.push({ path: row.at("level"), message: `${number} is not in ${LEVELS}` });
    return undefined;
  }
  return number;
}

function readSource(row: PeopleRow, problems: Problem[]): RatingSource | undefined {
  const text = readCell(row, "source", problems);
  if (text === undefined) return undefined;
  const index = SOURCE_NAMES.indexOf(text.toLowerCase());
  if (index >= 0) return RATING_SOURCES[index];
  const what = text === "" ? "is empty" : `${show(text)} is not a source`;
  problems.push({ path: row.at("source"), message: `${what}; use ${SOURCE_NAMES.join(", ")}` });
  return undefined;
}

function readRatedAt(row: PeopleRow, now: Date, problems: Problem[]): Date | undefined {
  const text = readCell(row, "rated_at", problems);
  if (text === undefined) return undefined;
  if (text === "") {
    problems.push({
      path: row.at("rated_at"),
      message: "is empty; a rating needs the date it was made (YYYY-MM-DD)",
    });
    return undefined;
  }
  const date = parseDate(text);
  if (!date) {
    problems.push({ path: row.at("rated_at"), message: `${show(text)} is not a date (YYYY-MM-DD)` });
    return undefined;
  }
  // A day's grace: a rating made today somewhere east of here is dated tomorrow in UTC.
  if (date.getTime() > now.getTime() + DAY_MS) {
    problems.push({ path: row.at("rated_at"), message: `${show(text)} is in the future` });
    return undefined;
  }
  return date;
}

/** YYYY-MM-DD (midnight UTC) or an ISO 8601 date-time with its offset; impossible dates are refused. */
function parseDate(text: string): Date | undefined {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const value = new Date(Date.UTC(year, month - 1, date));
    const real =
      value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === date;
    return real ? value : undefined;
  }
  if (!DATE_TIME.test(text)) return undefined;
  const value = new Date(text);
  return Number.isNaN(value.getTime()) || parseDate(text.slice(0, 10)) === undefined ? undefined : value;
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
