import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { AuditEntry, AuditLog } from "../../services/assessment-ports.js";

export type AuditRow = AuditEntry & { id: number; at: Date };

export type AuditRepository = AuditLog & {
  list(options: { since?: Date; limit?: number }): Promise<AuditRow[]>;
};

export function createAuditRepository(prisma: PrismaClient): AuditRepository {
  return {
    async record(entry) {
      await prisma.auditRecord.create({
        data: {
          actor: entry.actor,
          action: entry.action,
          target: entry.target ?? "",
          outcome: entry.outcome,
          engine: entry.engine ?? null,
          detail: (entry.detail ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
    },
    async list({ since, limit = 200 }) {
      const rows = await prisma.auditRecord.findMany({
        where: since ? { at: { gte: since } } : {},
        orderBy: { at: "desc" },
        take: limit,
      });
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        target: row.target,
        outcome: row.outcome as AuditEntry["outcome"],
        engine: row.engine ?? undefined,
        detail: (row.detail as Record<string, unknown> | null) ?? undefined,
      }));
    },
  };
}
