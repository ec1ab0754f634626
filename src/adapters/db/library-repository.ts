import { createHash } from "node:crypto";
import type {
  CompetencyDefinition,
  FrameworkDefinition,
  FrameworkSummary,
  JobProfile,
  ProfileDefinition,
  RequiredCompetency,
} from "../../domain/library.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LibraryRepository, SaveFrameworkResult, SaveProgress } from "../../services/ports.js";
import { createStringPool } from "./string-pool.js";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Saves of one framework queue on this lock, so two instances loading the same library cannot interleave. */
const SAVE_FRAMEWORK_LOCK_KEY = 72707370;

/** Rows per INSERT: large enough to load the O*NET library in seconds, small enough for any driver. */
const CHUNK = 2_000;

export function createLibraryRepository(prisma: PrismaClient): LibraryRepository {
  return {
    saveFramework: (definition, options) =>
      prisma.$transaction((tx) => saveFramework(tx, definition, options?.onProgress ?? (() => {})), {
        maxWait: 30_000,
        timeout: 10 * 60_000,
      }),
    loadProfiles: () => loadProfiles(prisma),
    listFrameworks: () => listFrameworks(prisma),
    countProfiles: () => prisma.jobProfile.count(),
  };
}

async function saveFramework(
  tx: Tx,
  definition: FrameworkDefinition,
  onProgress: (progress: SaveProgress) => void,
): Promise<SaveFrameworkResult> {
  await tx.$queryRawUnsafe("SELECT 1 FROM pg_advisory_xact_lock($1)", SAVE_FRAMEWORK_LOCK_KEY);
  const existingFramework = await tx.framework.findUnique({
    where: { name: definition.name },
    select: { id: true },
  });
  const framework = await tx.framework.upsert({
    where: { name: definition.name },
    create: { name: definition.name, description: definition.description, source: definition.source },
    update: { description: definition.description, source: definition.source },
    select: { id: true },
  });

  const competencyIds = await saveCompetencies(tx, framework.id, definition.competencies);
  onProgress({
    stage: "competencies",
    done: definition.competencies.length,
    total: definition.competencies.length,
  });

  const stored = await tx.jobProfile.findMany({
    where: { frameworkId: framework.id },
    select: { id: true, title: true, contentHash: true },
  });
  const storedByTitle = new Map(stored.map((row) => [row.title, row]));
  const wanted = new Set(definition.profiles.map((profile) => profile.title));
  const removedIds = stored.filter((row) => !wanted.has(row.title)).map((row) => row.id);
  if (removedIds.length > 0) await tx.jobProfile.deleteMany({ where: { id: { in: removedIds } } });

  const toCreate: ProfileDefinition[] = [];
  const toUpdate: { id: number; profile: ProfileDefinition; hash: string }[] = [];
  let unchanged = 0;
  for (const profile of definition.profiles) {
    const hash = contentHash(profile);
    const row = storedByTitle.get(profile.title);
    if (!row) toCreate.push(profile);
    else if (row.contentHash !== hash) toUpdate.push({ id: row.id, profile, hash });
    else unchanged += 1;
  }

  const profileIds = new Map<ProfileDefinition, number>();
  for (const chunk of chunks(toCreate, CHUNK)) {
    const created = await tx.jobProfile.createManyAndReturn({
      data: chunk.map((profile) => ({
        frameworkId: framework.id,
        ...profileColumns(profile),
        contentHash: contentHash(profile),
      })),
      select: { id: true, title: true },
    });
    const idByTitle = new Map(created.map((row) => [row.title, row.id]));
    for (const profile of chunk) profileIds.set(profile, idByTitle.get(profile.title) as number);
    onProgress({ stage: "profiles", done: profileIds.size, total: toCreate.length + toUpdate.length });
  }
  for (const { id, profile, hash } of toUpdate) {
    await tx.jobProfile.update({
      where: { id },
      data: { ...profileColumns(profile), contentHash: hash, version: { increment: 1 } },
    });
    profileIds.set(profile, id);
  }
  if (toUpdate.length > 0) {
    await tx.profileCompetency.deleteMany({ where: { profileId: { in: toUpdate.map((u) => u.id) } } });
  }

  const requirementRows = [...profileIds].flatMap(([profile, profileId]) =>
    profile.competencies.map((requirement) => ({
      profileId,
      competencyId: competencyIds.get(requirement.competency) as number,
      requiredLevel: requirement.level,
      importance: requirement.importance,
      essential: requirement.essential,
      examples: requirement.examples,
    })),
  );
  let written = 0;
  for (const chunk of chunks(requirementRows, CHUNK)) {
    await tx.profileCompetency.createMany({ data: chunk });
    written += chunk.length;
    onProgress({ stage: "requirements", done: written, total: requirementRows.length });
  }

  return {
    framework: definition.name,
    created: !existingFramework,
    profilesCreated: toCreate.length,
    profilesUpdated: toUpdate.length,
    profilesUnchanged: unchanged,
    profilesRemoved: removedIds.length,
    competencies: definition.competencies.length,
  };
}

/** Upserts the framework's competencies by name, removes those no longer defined; returns name → id. */
async function saveCompetencies(
  tx: Tx,
  frameworkId: number,
  competencies: CompetencyDefinition[],
): Promise<Map<string, number>> {
  const stored = await tx.competency.findMany({ where: { frameworkId }, select: { id: true, name: true } });
  const idByName = new Map(stored.map((row) => [row.name, row.id]));
  const wanted = new Set(competencies.map((competency) => competency.name));
  const removed = stored.filter((row) => !wanted.has(row.name)).map((row) => row.id);
  if (removed.length > 0) await tx.competency.deleteMany({ where: { id: { in: removed } } });

  const fresh = competencies.filter((competency) => !idByName.has(competency.name));
  for (const chunk of chunks(fresh, CHUNK)) {
    const created = await tx.competency.createManyAndReturn({
      data: chunk.map((competency) => ({ frameworkId, ...competencyColumns(competency) })),
      select: { id: true, name: true },
    });
    for (const row of created) idByName.set(row.name, row.id);
  }
  for (const competency of competencies) {
    if (fresh.includes(competency)) continue;
    await tx.competency.update({
      where: { id: idByName.get(competency.name) as number },
      data: competencyColumns(competency),
    });
  }
  return idByName;
}

function competencyColumns(competency: CompetencyDefinition) {
  return {
    name: competency.name,
    kind: competency.kind,
    category: competency.category,
    definition: competency.definition,
    indicators: competency.indicators,
    keywords: competency.keywords,
    externalId: competency.externalId ?? null,
  };
}

function profileColumns(profile: ProfileDefinition) {
  return {
    title: profile.title,
    family: profile.family,
    description: profile.description,
    alternateTitles: profile.alternateTitles,
    code: profile.code ?? null,
    tasks: profile.tasks,
  };
}

function contentHash(profile: ProfileDefinition): string {
  return createHash("sha256").update(JSON.stringify(profile)).digest("hex");
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** A row of the raw reads below, typed as the SQL returns it. */
type CompetencyRow = Omit<
  RequiredCompetency,
  "competencyId" | "level" | "importance" | "essential" | "examples"
> & {
  id: number;
};
type ProfileRow = Omit<JobProfile, "frameworkName" | "competencies"> & { frameworkId: number };
type RequirementRow = Pick<RequiredCompetency, "importance" | "essential" | "examples"> & {
  profileId: number;
  competencyId: number;
  requiredLevel: number;
};

/**
 * Raw reads, with every text[] column as JSON: PGlite parses a quoted array element a character at a time,
 * and V8 keeps such a string as one 32-byte node per character. For the O*NET library's ~90,000 alternate
 * titles, tasks and examples that was ~70 MB kept for the life of the process, and as much again in garbage
 * while loading; JSON.parse gives each string flat. Identical strings (a tool named in many occupations'
 * examples, a family) are then kept once.
 */
async function loadProfiles(prisma: PrismaClient): Promise<JobProfile[]> {
  const [frameworks, competencies, profiles, requirements] = await Promise.all([
    prisma.framework.findMany({ select: { id: true, name: true } }),
    prisma.$queryRaw<CompetencyRow[]>`
      SELECT "id", "name", "kind"::text AS "kind", "category", "definition", "indicators",
             COALESCE(array_to_json("keywords"), '[]') AS "keywords"
      FROM "Competency"`,
    prisma.$queryRaw<ProfileRow[]>`
      SELECT "id", "frameworkId", "title", "family", "code", "description",
             COALESCE(array_to_json("alternateTitles"), '[]') AS "alternateTitles",
             COALESCE(array_to_json("tasks"), '[]') AS "tasks", "version", "positions"
      FROM "JobProfile" ORDER BY "id"`,
    prisma.$queryRaw<RequirementRow[]>`
      SELECT "profileId", "competencyId", "requiredLevel", "importance", "essential",
             COALESCE(array_to_json("examples"), '[]') AS "examples"
      FROM "ProfileCompetency"`,
  ]);
  const pooled = createStringPool();
  const frameworkName = new Map(frameworks.map((row) => [row.id, row.name]));
  const competencyById = new Map(
    competencies.map((row) => [
      row.id,
      { ...row, category: pooled(row.category), keywords: row.keywords.map(pooled) },
    ]),
  );
  const requirementsByProfile = new Map<number, RequiredCompetency[]>();
  for (const requirement of requirements) {
    const competency = competencyById.get(requirement.competencyId);
    if (!competency) continue;
    const list = requirementsByProfile.get(requirement.profileId) ?? [];
    list.push({
      competencyId: competency.id,
      name: competency.name,
      kind: competency.kind,
      category: competency.category,
      definition: competency.definition,
      indicators: competency.indicators,
      keywords: competency.keywords,
      level: requirement.requiredLevel,
      importance: requirement.importance,
      essential: requirement.essential,
      examples: requirement.examples.map(pooled),
    });
    requirementsByProfile.set(requirement.profileId, list);
  }
  return profiles.map((profile) => ({
    id: profile.id,
    frameworkName: frameworkName.get(profile.frameworkId) ?? "",
    title: profile.title,
    family: pooled(profile.family),
    code: profile.code,
    description: profile.description,
    alternateTitles: profile.alternateTitles.map(pooled),
    tasks: profile.tasks.map(pooled),
    version: profile.version,
    positions: profile.positions,
    competencies: (requirementsByProfile.get(profile.id) ?? []).sort(
      (a, b) => b.importance - a.importance || a.name.localeCompare(b.name),
    ),
  }));
}

async function listFrameworks(prisma: PrismaClient): Promise<FrameworkSummary[]> {
  const rows = await prisma.framework.findMany({
    select: {
      name: true,
      description: true,
      source: true,
      updatedAt: true,
      _count: { select: { profiles: true, competencies: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({
    name: row.name,
    description: row.description,
    source: row.source,
    updatedAt: row.updatedAt,
    profileCount: row._count.profiles,
    competencyCount: row._count.competencies,
  }));
}
