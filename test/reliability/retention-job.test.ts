import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssessmentRepository } from "../../src/adapters/db/assessment-repository.js";
import { createAuditRepository } from "../../src/adapters/db/audit-repository.js";
import { createExtractionCacheRepository } from "../../src/adapters/db/extraction-cache-repository.js";
import { createPendingRequestRepository } from "../../src/adapters/db/pending-request-repository.js";
import { createProcessedRequestRepository } from "../../src/adapters/db/processed-request-repository.js";
import { createRecurringJobRepository } from "../../src/adapters/db/recurring-job-repository.js";
import { startMaintenance } from "../../src/ops/maintenance.js";
import { RETENTION_PERIOD_MS, type RetentionJobDeps, runRetentionJob } from "../../src/ops/retention-job.js";
import { createLogger } from "../../src/slack/logger.js";
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from "../support/database.js";
import { anotherHandle } from "./support/service.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse("2026-11-28T10:00:00Z");

let db: TestDatabase;
let now = START;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.dispose();
});
beforeEach(async () => {
  now += 10 * DAY_MS;
});

function retentionOver(handle: TestDatabase, overrides: Partial<RetentionJobDeps> = {}): RetentionJobDeps {
  const cache = createExtractionCacheRepository(handle.prisma);
  return {
    jobs: createRecurringJobRepository(handle.prisma),
    assessments: createAssessmentRepository(handle.prisma),
    audit: createAuditRepository(handle.prisma),
    purgeModelCache: (before) => cache.purgeCreatedBefore(before),
    processedRequests: createProcessedRequestRepository(handle.prisma),
    retentionDays: 30,
    clock: () => new Date(now),
    ...overrides,
  };
}

async function storeExpiredAssessment(): Promise<string> {
  const id = `a-${now}-${Math.random().toString(36).slice(2)}`;
  await db.prisma.assessment.create({
    data: {
      id,
      actor: "U1",
      createdAt: new Date(now - 31 * DAY_MS),
      profileTitle: "Marketing Manager",
      frameworkName: "acme",
      profileVersion: 1,
      engine: "local",
      overall: 70,
      band: "good",
      details: { evidence: [{ text: "a quote from the summary", start: 0, end: 24 }] },
      summaryText: "Candidate text past its retention.",
      purgeAfter: new Date(now - DAY_MS),
    },
  });
  return id;
}

describe("the retention job", () => {
  it("drops candidate text, old model answers and old request keys, then waits a period", async () => {
    const id = await storeExpiredAssessment();
    await db.prisma.extractionCache.create({
      data: {
        key: `k-${now}`,
        result: { rationale: "about the candidate" },
        createdAt: new Date(now - 31 * DAY_MS),
      },
    });
    await db.prisma.processedRequest.create({
      data: { key: `old-${now}`, createdAt: new Date(now - 2 * DAY_MS) },
    });

    const first = await runRetentionJob(retentionOver(db));
    expect(first).toMatchObject({ ran: true, assessments: 1, cachedAnswers: 1, requestKeys: 1 });
    const row = await db.prisma.assessment.findUnique({ where: { id } });
    expect(row?.summaryText).toBeNull();
    expect(JSON.stringify(row?.details)).not.toContain("a quote from the summary");

    now += RETENTION_PERIOD_MS - 1;
    expect(await runRetentionJob(retentionOver(db))).toEqual({ ran: false });
    now += 1;
    expect(await runRetentionJob(retentionOver(db))).toMatchObject({ ran: true, assessments: 0 });
  });

  it("gives its period back when a run fails, so the next attempt runs it", async () => {
    await storeExpiredAssessment();
    const failing = retentionOver(db, {
      purgeModelCache: async () => {
        throw new Error("connection terminated");
      },
    });
    await expect(runRetentionJob(failing)).rejects.toThrow("connection terminated");
    expect(await runRetentionJob(retentionOver(db))).toMatchObject({ ran: true });
  });

  it("runs once when several instances try at the same moment", async () => {
    await storeExpiredAssessment();
    const handles = TEST_SERVER_URL
      ? await Promise.all([1, 2, 3, 4].map(() => anotherHandle(db)))
      : [db, db, db, db];
    try {
      const runs = await Promise.all(handles.map((handle) => runRetentionJob(retentionOver(handle))));
      expect(runs.filter((run) => run.ran)).toHaveLength(1);
      expect(runs.filter((run) => run.ran && run.assessments === 1)).toHaveLength(1);
      const audits = await db.prisma.auditRecord.count({
        where: { action: "purge_candidate_text", at: { gte: new Date(Date.now() - 60_000) } },
      });
      expect(audits).toBeGreaterThanOrEqual(1);
    } finally {
      if (TEST_SERVER_URL) await Promise.all(handles.map((handle) => handle.dispose()));
    }
  });
});

describe("maintenance", () => {
  it("deletes expired pending requests at every tick and runs the retention job when due", async () => {
    const pending = createPendingRequestRepository(db.prisma);
    await pending.save({
      id: `p-${now}`,
      actor: "U1",
      payload: { summary: "text" },
      expiresAt: new Date(now - 1),
    });
    await pending.save({
      id: `q-${now}`,
      actor: "U1",
      payload: { summary: "text" },
      expiresAt: new Date(now + 60_000),
    });
    await storeExpiredAssessment();
    const lines: string[] = [];
    const maintenance = startMaintenance({
      retention: retentionOver(db),
      pendingRequests: pending,
      logger: createLogger("info", (line) => lines.push(line)),
      everyMs: 60 * 60_000,
    });
    await maintenance.tick();
    await maintenance.stop();
    expect(await db.prisma.pendingRequest.count({ where: { id: `p-${now}` } })).toBe(0);
    expect(await db.prisma.pendingRequest.count({ where: { id: `q-${now}` } })).toBe(1);
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: "Deleted expired pending requests", count: 1 }),
    );
    expect(logged).toContainEqual(expect.objectContaining({ msg: "Retention job ran", assessments: 1 }));
    for (const line of logged) expect(line.requestId).toMatch(/^job-maintenance-/);
  });
});
