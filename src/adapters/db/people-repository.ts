import { AppError } from "../../domain/errors.js";
import {
  type PeopleDefinition,
  type Person,
  type PersonDefinition,
  type PersonWithRatings,
  RATING_SOURCES,
  type Rating,
  type RatingSource,
} from "../../domain/people.js";
import type { PeopleVocabulary } from "../../domain/people-file.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { PeopleFilter, PeopleRepository, SavePeopleResult } from "../../services/people-ports.js";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Ids per `IN (…)` list. */
const CHUNK = 5_000;
/** Ratings per bulk insert. */
const BULK_ROWS = 50_000;
/** People whose ratings are read per query: bounds the text each query returns to a few megabytes. */
const PEOPLE_PER_READ = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const PERSON_COLUMNS = {
  id: true,
  name: true,
  email: true,
  slackUserId: true,
  currentProfileId: true,
} as const;
const RATING_COLUMNS = { competencyId: true, level: true, source: true, ratedAt: true } as const;

export function createPeopleRepository(prisma: PrismaClient): PeopleRepository {
  return {
    loadVocabulary: () => loadVocabulary(prisma),
    findSlackUserIdHolders: (ids) => findSlackUserIdHolders(prisma, ids),
    savePeople: (definition) =>
      prisma.$transaction((tx) => savePeople(tx, definition), { maxWait: 30_000, timeout: 10 * 60_000 }),
    listPeopleWithRatings: (frameworkName, filter) => listPeopleWithRatings(prisma, frameworkName, filter),
    erasePerson: async (id) => (await prisma.person.deleteMany({ where: { id } })).count > 0,
    findPersonByEmail: (email) =>
      prisma.person.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { ...PERSON_COLUMNS, ratings: { select: RATING_COLUMNS } },
      }),
    findPersonBySlackUserId: (slackUserId) =>
      prisma.person.findUnique({
        where: { slackUserId: slackUserId.trim().toUpperCase() },
        select: { ...PERSON_COLUMNS, ratings: { select: RATING_COLUMNS } },
      }),
    savePersonRatings: (personId, ratings) =>
      prisma.$transaction(async (tx) => {
        for (const { competencyId, level, source, ratedAt } of ratings) {
          await tx.competencyRating.upsert({
            where: { personId_competencyId_source: { personId, competencyId, source } },
            create: { personId, competencyId, source, level, ratedAt },
            update: { level, ratedAt },
            select: { id: true },
          });
        }
      }),
  };
}

async function loadVocabulary(prisma: PrismaClient): Promise<PeopleVocabulary> {
  const [frameworks, competencies, profiles] = await Promise.all([
    prisma.framework.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.competency.findMany({ select: { frameworkId: true, name: true } }),
    prisma.jobProfile.findMany({ select: { frameworkId: true, title: true } }),
  ]);
  return {
    frameworks: frameworks.map((framework) => ({
      name: framework.name,
      competencies: competencies.filter((row) => row.frameworkId === framework.id).map((row) => row.name),
      profiles: profiles.filter((row) => row.frameworkId === framework.id).map((row) => row.title),
    })),
  };
}

async function findSlackUserIdHolders(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  for (const chunk of chunks(ids, CHUNK)) {
    const rows = await prisma.person.findMany({
      where: { slackUserId: { in: chunk } },
      select: { slackUserId: true, email: true },
    });
    for (const row of rows) if (row.slackUserId) holders.set(row.slackUserId, row.email);
  }
  return holders;
}

async function savePeople(tx: Tx, definition: PeopleDefinition): Promise<SavePeopleResult> {
  const people = definition.people;
  const frameworkNames = new Set<string>();
  for (const person of people) {
    if (person.currentProfile) frameworkNames.add(person.currentProfile.framework);
    for (const rating of person.ratings) frameworkNames.add(rating.framework);
  }
  const where = { framework: { name: { in: [...frameworkNames] } } };
  const [competencies, profiles] = await Promise.all([
    tx.competency.findMany({
      where,
      select: { id: true, name: true, framework: { select: { name: true } } },
    }),
    tx.jobProfile.findMany({
      where,
      select: { id: true, title: true, framework: { select: { name: true } } },
    }),
  ]);
  const competencyIds = new Map(competencies.map((row) => [key(row.framework.name, row.name), row.id]));
  const profileIds = new Map(profiles.map((row) => [key(row.framework.name, row.title), row.id]));
  const resolve = (ids: Map<string, number>, framework: string, name: string, what: string) => {
    const id = ids.get(key(framework, name));
    if (id === undefined) {
      throw new AppError(
        "CONFLICT",
        `${what} "${name}" of framework ${framework} was removed while importing; nothing was written.`,
      );
    }
    return id;
  };

  const existingIds = new Map<string, number>();
  const emails = people.map((person) => person.email);
  for (const chunk of chunks(emails, CHUNK)) {
    const rows = await tx.person.findMany({
      where: { email: { in: chunk } },
      select: { id: true, email: true },
    });
    for (const row of rows) existingIds.set(row.email, row.id);
  }
  // Cleared first, so two imported people may swap Slack ids without tripping the unique index.
  for (const chunk of chunks([...existingIds.values()], CHUNK)) {
    await tx.person.updateMany({ where: { id: { in: chunk } }, data: { slackUserId: null } });
  }

  const currentProfileId = (person: PersonDefinition) =>
    person.currentProfile
      ? resolve(profileIds, person.currentProfile.framework, person.currentProfile.title, "Profile")
      : null;
  const personIds = new Map(existingIds);
  const fresh = people.filter((person) => !existingIds.has(person.email));
  for (const chunk of chunks(fresh, CHUNK)) {
    const created = await tx.person.createManyAndReturn({
      data: chunk.map((person) => ({
        email: person.email,
        name: person.name,
        slackUserId: person.slackUserId,
        currentProfileId: currentProfileId(person),
      })),
      select: { id: true, email: true },
    });
    for (const row of created) personIds.set(row.email, row.id);
  }
  const known = people.filter((person) => existingIds.has(person.email));
  for (const chunk of chunks(known, CHUNK)) {
    await tx.$executeRaw`
      UPDATE "Person" AS p
      SET name = v.name, "slackUserId" = v.slack, "currentProfileId" = v.profile, "updatedAt" = now()
      FROM unnest(
        ${chunk.map((person) => existingIds.get(person.email) as number)}::int[],
        ${chunk.map((person) => person.name)}::text[],
        ${chunk.map((person) => person.slackUserId)}::text[],
        ${chunk.map(currentProfileId)}::int[]
      ) AS v(id, name, slack, profile)
      WHERE p.id = v.id`;
  }

  const ids = [...personIds.values()];
  for (const chunk of chunks(ids, CHUNK))
    await tx.competencyRating.deleteMany({ where: { personId: { in: chunk } } });
  const ratings = people.flatMap((person) =>
    person.ratings.map((rating) => ({
      personId: personIds.get(person.email) as number,
      competencyId: resolve(competencyIds, rating.framework, rating.competency, "Competency"),
      level: rating.level,
      source: rating.source,
      ratedAt: rating.ratedAt.toISOString(),
    })),
  );
  // Arrays unnested in one statement rather than createMany's parameter per value: this halved the time
  // to seed the bench's 300,000 ratings on embedded PGlite. Enums and timestamps travel as text arrays,
  // which both database adapters pass through.
  for (const chunk of chunks(ratings, BULK_ROWS)) {
    await tx.$executeRaw`
      INSERT INTO "CompetencyRating" ("personId", "competencyId", level, source, "ratedAt")
      SELECT * FROM unnest(
        ${chunk.map((r) => r.personId)}::int[],
        ${chunk.map((r) => r.competencyId)}::int[],
        ${chunk.map((r) => r.level)}::int[],
        ${chunk.map((r) => r.source)}::text[]::"RatingSource"[],
        ${chunk.map((r) => r.ratedAt)}::text[]::timestamp(3)[]
      )`;
  }
  return { created: fresh.length, updated: existingIds.size, ratings: ratings.length };
}

/**
 * Reads ratings as one text aggregate per batch of people instead of one Prisma row per rating: for
 * 10,000 people with 30 ratings each on embedded PGlite, rows took about 4 s and the aggregate 0.3 s.
 */
async function listPeopleWithRatings(
  prisma: PrismaClient,
  frameworkName: string,
  filter: PeopleFilter = {},
): Promise<PersonWithRatings[]> {
  const [frameworkCompetencies, people] = await Promise.all([
    prisma.competency.findMany({ where: { framework: { name: frameworkName } }, select: { id: true } }),
    filter.personIds
      ? prisma.person.findMany({
          where: { id: { in: [...filter.personIds] } },
          select: PERSON_COLUMNS,
          orderBy: { id: "asc" },
        })
      : // Raw, because Prisma's row mapping costs more than the query for 10,000 people.
        prisma.$queryRaw<
          Person[]
        >`SELECT id, name, email, "slackUserId", "currentProfileId" FROM "Person" ORDER BY id`,
  ]);
  const inFramework = new Set(frameworkCompetencies.map((row) => row.id));
  const competencyIds = filter.competencyIds
    ? filter.competencyIds.filter((id) => inFramework.has(id))
    : [...inFramework];
  const result: PersonWithRatings[] = people.map((person) => ({ ...person, ratings: [] }));
  if (competencyIds.length === 0) return result;
  const byId = new Map(result.map((person) => [person.id, person]));
  for (const chunk of chunks(result, PEOPLE_PER_READ)) {
    const text = filter.personIds
      ? await readRatings(prisma, competencyIds, { personIds: chunk.map((person) => person.id) })
      : await readRatings(prisma, competencyIds, {
          from: (chunk[0] as Person).id,
          to: (chunk.at(-1) as Person).id,
        });
    if (text) for (const [personId, rating] of parseRatings(text)) byId.get(personId)?.ratings.push(rating);
  }
  return result;
}

/** A few people by id, or everyone in an id range: a range reads the table in one pass. */
async function readRatings(
  prisma: PrismaClient,
  competencyIds: number[],
  people: { personIds: number[] } | { from: number; to: number },
): Promise<string | null> {
  const [row] =
    "personIds" in people
      ? await prisma.$queryRaw<{ ratings: string | null }[]>`
          SELECT string_agg(concat_ws(',', "personId", "competencyId", level, left(source::text, 1), "ratedAt"::date - DATE '1970-01-01'), ';') AS ratings
          FROM "CompetencyRating"
          WHERE "personId" = ANY(${people.personIds}::int[]) AND "competencyId" = ANY(${competencyIds}::int[])`
      : await prisma.$queryRaw<{ ratings: string | null }[]>`
          SELECT string_agg(concat_ws(',', "personId", "competencyId", level, left(source::text, 1), "ratedAt"::date - DATE '1970-01-01'), ';') AS ratings
          FROM "CompetencyRating"
          WHERE "personId" BETWEEN ${people.from} AND ${people.to} AND "competencyId" = ANY(${competencyIds}::int[])`;
  return row?.ratings ?? null;
}

const SOURCE_BY_INITIAL = new Map<number, RatingSource>(
  RATING_SOURCES.map((source) => [source.charCodeAt(0), source]),
);
if (SOURCE_BY_INITIAL.size !== RATING_SOURCES.length)
  throw new Error("Rating sources must have distinct initials.");

/**
 * Reads "personId,competencyId,level,source initial,days since 1970;…" a character at a time: splitting and
 * converting 300,000 ratings the obvious way took longer than the query. Ratings of one day share a
 * Date; nothing mutates them.
 */
function* parseRatings(text: string): Generator<[number, Rating]> {
  const days = new Map<number, Date>();
  const fields = [0, 0, 0, 0, 0];
  let field = 0;
  let number = 0;
  let sign = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : SEMICOLON;
    if (c === COMMA || c === SEMICOLON) {
      fields[field] = sign * number;
      field += 1;
      number = 0;
      sign = 1;
      if (c === COMMA) continue;
      const day = fields[4] as number;
      let ratedAt = days.get(day);
      if (!ratedAt) {
        ratedAt = new Date(day * DAY_MS);
        days.set(day, ratedAt);
      }
      const source = SOURCE_BY_INITIAL.get(fields[3] as number) as RatingSource;
      yield [
        fields[0] as number,
        { competencyId: fields[1] as number, level: fields[2] as number, source, ratedAt },
      ];
      field = 0;
    } else if (field === 3) {
      number = c;
    } else if (c === MINUS) {
      sign = -1;
    } else {
      number = number * 10 + (c - ZERO);
    }
  }
}

const COMMA = 44;
const SEMICOLON = 59;
const MINUS = 45;
const ZERO = 48;

function key(framework: string, name: string): string {
  return `${framework}\u0000${name}`;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
