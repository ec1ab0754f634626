import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type {
  AssessmentRecord,
  AssessmentRepository,
  AuditEntry,
  NewAssessment,
} from "../../services/assessment-ports.js";
import { fromStoredFit, toStoredFit } from "./stored-fit.js";
import { createWriteBatches, ONE_STATEMENT_AT_A_TIME } from "./write-batches.js";

/** Exactly the columns of an AssessmentRecord, so a selected row is one. */
const SELECT = {
  id: true,
  actor: true,
  createdAt: true,
  profileId: true,
  profileTitle: true,
  frameworkName: true,
  profileVersion: true,
  engine: true,
  overall: true,
  general: true,
  technical: true,
  band: true,
  details: true,
  summaryText: true,
  purgeAfter: true,
} as const satisfies Record<keyof AssessmentRecord, true>;

type NewAssessmentWithAudit = { assessment: NewAssessment; audit: AuditEntry };

export function createAssessmentRepository(prisma: PrismaClient): AssessmentRepository {
  const findByRequestKey = async (requestKey: string) =>
    withFit(await prisma.assessment.findUnique({ where: { requestKey }, select: SELECT }));
  const insert = createWriteBatches((items: NewAssessmentWithAudit[]) => insertWithAudit(prisma, items), {
    maxItems: 50,
    concurrency: ONE_STATEMENT_AT_A_TIME,
  });
  return {
    async create(assessment, audit) {
      if (await insert({ assessment, audit })) {
        const { requestKey: _key, ...record } = assessment;
        return { record, duplicate: false };
      }
      const first = assessment.requestKey ? await findByRequestKey(assessment.requestKey) : null;
      if (!first) throw new Error(`Assessment ${assessment.id} was not stored.`);
      return { record: first, duplicate: true };
    },
    findByRequestKey,
    async findById(id) {
      return withFit(await prisma.assessment.findUnique({ where: { id }, select: SELECT }));
    },
    async listRecentByActor(actor, limit) {
      const rows = await prisma.assessment.findMany({
        where: { actor },
        orderBy: { createdAt: "desc" },
        take: limit,
        select: SELECT,
      });
      return rows.map((row) => withFit(row));
    },
    async purgeTextOlderThan(now) {
      const expired = await prisma.assessment.findMany({
        where: { purgeAfter: { lte: now }, summaryText: { not: null } },
        select: { id: true, details: true },
      });
      for (const row of expired) {
        await prisma.assessment.update({
          where: { id: row.id },
          data: { summaryText: null, details: withoutQuotes(row.details) as Prisma.InputJsonValue },
        });
      }
      return expired.length;
    },
    async erase(id) {
      const row = await prisma.assessment.findUnique({ where: { id }, select: { details: true } });
      if (!row) return false;
      await prisma.assessment.update({
        where: { id },
        data: {
          summaryText: null,
          details: withoutQuotes(row.details) as Prisma.InputJsonValue,
          purgeAfter: null,
        },
      });
      return true;
    },
  };
}

/**
 * Quoted evidence is a piece of the candidate's text, so it goes with the text: offsets, levels and
 * statuses stay for the audit trail, the quoted words do not.
 */
export function withoutQuotes(details: unknown): unknown {
  if (Array.isArray(details)) return details.map(withoutQuotes);
  if (details && typeof details === "object") {
    const entries = Object.entries(details as Record<string, unknown>).map(([key, value]) =>
      key === "text" && typeof value === "string" ? [key, null] : [key, withoutQuotes(value)],
    );
    return Object.fromEntries(entries);
  }
  return details;
}

/**
 * Stores assessments with their audit records in one statement: each assessment and its record are
 * written together or not at all, and an assessment whose request key is already stored (a second
 * delivery) writes neither. True for each one stored. Times are the app's, in UTC as Prisma writes them
 * (a column's CURRENT_TIMESTAMP default would be the server's local time).
 */
async function insertWithAudit(prisma: PrismaClient, items: NewAssessmentWithAudit[]): Promise<boolean[]> {
  const rows = items.map(({ assessment: a, audit }) => {
    const details = JSON.stringify(toStoredFit(a.details));
    const auditDetail = audit.detail === undefined ? null : JSON.stringify(audit.detail);
    return Prisma.sql`(${a.id}::text, ${a.actor}::text, ${a.createdAt}::timestamp(3), ${a.profileId}::int,
      ${a.profileTitle}::text, ${a.frameworkName}::text, ${a.profileVersion}::int, ${a.engine}::text,
      ${a.overall}::int, ${a.general}::int, ${a.technical}::int, ${a.band}::text, ${details}::json,
      ${a.summaryText}::text, ${a.purgeAfter}::timestamp(3), ${a.requestKey}::text,
      ${audit.actor}::text, ${audit.action}::text, ${audit.target ?? ""}::text, ${audit.outcome}::text,
      ${audit.engine ?? null}::text, ${auditDetail}::jsonb)`;
  });
  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    WITH input ("id", "actor", "createdAt", "profileId", "profileTitle", "frameworkName", "profileVersion",
      "engine", "overall", "general", "technical", "band", "details", "summaryText", "purgeAfter",
      "requestKey", "auditActor", "auditAction", "auditTarget", "auditOutcome", "auditEngine", "auditDetail") AS (
      VALUES ${Prisma.join(rows)}
    ), assessment AS (
      INSERT INTO "Assessment" ("id", "actor", "createdAt", "profileId", "profileTitle", "frameworkName",
        "profileVersion", "engine", "overall", "general", "technical", "band", "details", "summaryText",
        "purgeAfter", "requestKey")
      SELECT "id", "actor", "createdAt", "profileId", "profileTitle", "frameworkName", "profileVersion",
        "engine", "overall", "general", "technical", "band", "details", "summaryText", "purgeAfter",
        "requestKey"
      FROM input
      ON CONFLICT ("requestKey") DO NOTHING
      RETURNING "id"
    ), audit AS (
      INSERT INTO "AuditRecord" ("at", "actor", "action", "target", "outcome", "engine", "detail")
      SELECT "createdAt", "auditActor", "auditAction", "auditTarget", "auditOutcome", "auditEngine", "auditDetail"
      FROM input JOIN assessment USING ("id")
    )
    SELECT "id" FROM assessment`;
  const stored = new Set(inserted.map((row) => row.id));
  return items.map(({ assessment }) => stored.has(assessment.id));
}

function withFit<Row extends { details: unknown }>(row: Row): Row;
function withFit<Row extends { details: unknown }>(row: Row | null): Row | null;
function withFit<Row extends { details: unknown }>(row: Row | null): Row | null {
  return row && { ...row, details: fromStoredFit(row.details) };
}
