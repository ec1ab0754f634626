/**
 * Succession at the scale: 10,000 people with 30 ratings each in an embedded database, an
 * O*NET-sized framework (1,000 profiles of 30 requirements over 200 competencies, in 20 families).
 * Measures, for several roles, ranking everyone for the role and the role's bench strength, each
 * including the reads from the store; prints the figures, and `runSuccessionBench()` returns them for
 * the main bench.
 *
 *   npx tsx bench/succession.bench.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/adapters/db/database.js";
import { createLibraryRepository } from "../src/adapters/db/library-repository.js";
import { migrate } from "../src/adapters/db/migrate.js";
import { createPeopleRepository } from "../src/adapters/db/people-repository.js";
import type {
  CompetencyDefinition,
  FrameworkDefinition,
  JobProfile,
  ProfileDefinition,
} from "../src/domain/library.js";
import { type PersonDefinition, RATING_SOURCES } from "../src/domain/people.js";
import {
  benchCandidates,
  benchStrength,
  rankSuccessors,
  successionOptions,
} from "../src/domain/succession.js";
import { Library } from "../src/services/library.js";
import { listSuccessors } from "../src/services/list-successors.js";
import { median, percentile, round } from "./stats.js";

const PEOPLE = 10_000;
const RATINGS_PER_PERSON = 30;
const FAMILIES = 20;
const PROFILES_PER_FAMILY = 50;
const COMPETENCIES_PER_FAMILY = 10;
const GENERAL_COMPETENCIES = 30;
const REQUIREMENTS_PER_PROFILE = 30;
const ROLES_MEASURED = 7;
const NOW = new Date("2026-11-28T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

export type SuccessionBenchFigures = {
  people: number;
  ratings: number;
  profiles: number;
  seedSeconds: number;
  /** Ranking all people for one role, read from the store included. */
  rankMedianMs: number;
  rankMaxMs: number;
  /** Bench strength for one role (candidates, their ratings, every job of the framework), reads included. */
  benchMedianMs: number;
  benchMaxMs: number;
  /** The whole successors use case: ranking and bench strength together. */
  serviceMedianMs: number;
  /** The same computations on people already in memory. */
  rankInMemoryMedianMs: number;
  benchInMemoryMedianMs: number;
  benchMembersMedian: number;
  /** Stress: the successors use case with the bench minimum at 30 %, putting most people on the bench. */
  wideBenchMs: number;
  wideBenchMembers: number;
};

export async function runSuccessionBench(): Promise<SuccessionBenchFigures> {
  const random = mulberry32(20261128);
  const framework = benchFramework(random);
  const database = await openDatabase({ kind: "pglite", directory: null });
  try {
    await migrate(database);
    const started = performance.now();
    const libraryRepository = createLibraryRepository(database.prisma);
    await libraryRepository.saveFramework(framework);
    const library = new Library(await libraryRepository.loadProfiles());
    const people = createPeopleRepository(database.prisma);
    const seeded = await people.savePeople({ people: benchPeople(random, framework) });
    const seedSeconds = (performance.now() - started) / 1000;

    const options = successionOptions();
    const roles = Array.from(
      { length: ROLES_MEASURED },
      (_, i) => library.profiles[(i * 137) % library.profiles.length] as JobProfile,
    );
    const rank: number[] = [];
    const bench: number[] = [];
    const service: number[] = [];
    const rankInMemory: number[] = [];
    const benchInMemory: number[] = [];
    const members: number[] = [];
    const allPeople = await people.listPeopleWithRatings(framework.name);
    const loaded = allPeople.reduce((sum, person) => sum + person.ratings.length, 0);
    if (allPeople.length !== PEOPLE || loaded !== seeded.ratings) {
      throw new Error(
        `read back ${allPeople.length} people and ${loaded} ratings; stored ${PEOPLE} and ${seeded.ratings}`,
      );
    }

    for (const role of roles) {
      const competencyIds = role.competencies.map((requirement) => requirement.competencyId);
      let t = performance.now();
      const roleRatings = await people.listPeopleWithRatings(role.frameworkName, { competencyIds });
      const readMs = performance.now() - t;
      t = performance.now();
      rankSuccessors({ role, people: roleRatings, now: NOW, options, limit: 10 });
      rank.push(readMs + performance.now() - t);

      t = performance.now();
      const candidates = benchCandidates({ role, people: roleRatings, now: NOW, options });
      const candidateRatings = await people.listPeopleWithRatings(role.frameworkName, {
        personIds: candidates.map((person) => person.id),
      });
      const strength = benchStrength({
        role,
        profiles: library.profiles,
        people: candidateRatings,
        now: NOW,
        options,
      });
      bench.push(readMs + performance.now() - t);
      members.push(strength.members.length);

      t = performance.now();
      await listSuccessors({ library, people, clock: () => NOW }, { profileId: role.id });
      service.push(performance.now() - t);

      t = performance.now();
      rankSuccessors({ role, people: allPeople, now: NOW, options, limit: 10 });
      rankInMemory.push(performance.now() - t);
      t = performance.now();
      benchStrength({ role, profiles: library.profiles, people: allPeople, now: NOW, options });
      benchInMemory.push(performance.now() - t);
    }
    const wideStarted = performance.now();
    const wide = await listSuccessors(
      { library, people, clock: () => NOW },
      { profileId: (roles[0] as JobProfile).id, settings: { benchMinimumMatch: 30, readySoonMatch: 30 } },
    );
    const wideBenchMs = performance.now() - wideStarted;
    return {
      people: PEOPLE,
      ratings: seeded.ratings,
      profiles: library.profiles.length,
      seedSeconds: round(seedSeconds, 1),
      rankMedianMs: median(rank),
      rankMaxMs: percentile(rank, 1),
      benchMedianMs: median(bench),
      benchMaxMs: percentile(bench, 1),
      serviceMedianMs: median(service),
      rankInMemoryMedianMs: median(rankInMemory),
      benchInMemoryMedianMs: median(benchInMemory),
      benchMembersMedian: median(members),
      wideBenchMs: round(wideBenchMs, 0),
      wideBenchMembers: wide.bench.members.length,
    };
  } finally {
    await database.close();
  }
}

/** 20 families of 50 profiles; each needs 30 competencies among its family's 10 and the 30 general ones. */
function benchFramework(random: () => number): FrameworkDefinition {
  const competency = (name: string): CompetencyDefinition => ({
    name,
    kind: "GENERAL",
    category: "",
    definition: name,
    indicators: { "1": `${name} 1`, "3": `${name} 3`, "5": `${name} 5` },
    keywords: [],
  });
  const general = Array.from({ length: GENERAL_COMPETENCIES }, (_, i) => `General ${i + 1}`);
  const families = Array.from({ length: FAMILIES }, (_, f) =>
    Array.from({ length: COMPETENCIES_PER_FAMILY }, (_, i) => `Family ${f + 1} skill ${i + 1}`),
  );
  const profiles: ProfileDefinition[] = families.flatMap((own, f) =>
    Array.from({ length: PROFILES_PER_FAMILY }, (_, p) => ({
      title: `Family ${f + 1} role ${p + 1}`,
      family: `Family ${f + 1}`,
      description: "",
      alternateTitles: [],
      tasks: [],
      competencies: shuffle([...own, ...general], random)
        .slice(0, REQUIREMENTS_PER_PROFILE)
        .map((name) => ({
          competency: name,
          level: 2 + Math.floor(random() * 4),
          importance: 1 + Math.floor(random() * 5),
          essential: random() < 0.1,
          examples: [],
        })),
    })),
  );
  return {
    name: "bench",
    description: "",
    source: "",
    competencies: [...general, ...families.flat()].map(competency),
    profiles,
  };
}

/** Each person holds a role and rates 30 of their family's and the general competencies, near their role's levels. */
function benchPeople(random: () => number, framework: FrameworkDefinition): PersonDefinition[] {
  return Array.from({ length: PEOPLE }, (_, i) => {
    const role = framework.profiles[Math.floor(random() * framework.profiles.length)] as ProfileDefinition;
    const asked = new Map(
      role.competencies.map((requirement) => [requirement.competency, requirement.level]),
    );
    const family = Number(role.family.split(" ")[1]);
    const pool = framework.competencies
      .map((c) => c.name)
      .filter((name) => name.startsWith("General") || name.startsWith(`Family ${family} `));
    return {
      email: `person${i}@example.com`,
      name: `Person ${i}`,
      slackUserId: null,
      currentProfile: { framework: framework.name, title: role.title },
      ratings: shuffle(pool, random)
        .slice(0, RATINGS_PER_PERSON)
        .map((competency) => ({
          framework: framework.name,
          competency,
          level: Math.max(0, Math.min(5, (asked.get(competency) ?? 2) + Math.floor(random() * 4) - 2)),
          source: RATING_SOURCES[
            Math.floor(random() * RATING_SOURCES.length)
          ] as (typeof RATING_SOURCES)[number],
          ratedAt: new Date(NOW.getTime() - Math.floor(random() * 730) * DAY_MS),
        })),
    };
  });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const f = await runSuccessionBench();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `succession: ${f.people} people, ${f.ratings} ratings, ${f.profiles} profiles (seeded in ${f.seedSeconds} s)`,
  );
  console.log(
    `  rank one role, store read included: median ${ms(f.rankMedianMs)}, max ${ms(f.rankMaxMs)} (floor: median < 500 ms)`,
  );
  console.log(
    `  bench strength for one role, store reads included: median ${ms(f.benchMedianMs)}, max ${ms(f.benchMaxMs)} ` +
      `(${f.benchMembersMedian} bench members, median) (floor: < 1 s)`,
  );
  console.log(`  successors use case (ranking and bench strength): median ${ms(f.serviceMedianMs)}`);
  console.log(
    `  stress: successors with the bench minimum at 30 % (${f.wideBenchMembers} bench members): ${ms(f.wideBenchMs)}`,
  );
  console.log(
    `  in memory: rank ${ms(f.rankInMemoryMedianMs)}, bench strength ${ms(f.benchInMemoryMedianMs)} (medians)`,
  );
}
