import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type {
  AssessmentRecord,
  AssessmentRepository,
  NewAssessment,
} from "../../services/assessment-ports.js";

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

export function createAssessmentRepository(prisma: PrismaClient): AssessmentRepository {
  return {
    async create(assessment: NewAssessment) {
      try {
        const row = await prisma.assessment.create({
          data: { ...assessment, details: assessment.details as Prisma.InputJsonValue },
          select: SELECT,
        });
        return { record: row, duplicate: false };
      } catch (error) {
        // A retried request (same key) lost the race to the first delivery: answer with the first result.
        if (isUniqueViolation(error) && assessment.requestKey) {
          const existing = await prisma.assessment.findUnique({
            where: { requestKey: assessment.requestKey },
            select: SELECT,
          });
          if (existing) return { record: existing, duplicate: true };
        }
        throw error;
      }
    },
    async findByRequestKey(requestKey) {
      const row = await prisma.assessment.findUnique({ where: { requestKey }, select: SELECT });
      return row;
    },
    async findById(id) {
      const row = await prisma.assessment.findUnique({ where: { id }, select: SELECT });
      return row;
    },
    async listRecentByActor(actor, limit) {
      const rows = await prisma.assessment.findMany({
        where: { actor },
        orderBy: { createdAt: "desc" },
        take: limit,
        select: SELECT,
      });
      return rows;
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
