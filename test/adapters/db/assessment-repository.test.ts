import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentRepository } from "../../../src/adapters/db/assessment-repository.js";
import { createProcessedRequestRepository } from "../../../src/adapters/db/processed-request-repository.js";
import { assessFit, withGapQuestions } from "../../../src/domain/fit/index.js";
import type { NewAssessment } from "../../../src/services/assessment-ports.js";
import { evalProfile } from "../../domain/fit/support/profiles.js";
import { createTestDatabase, type TestDatabase } from "../../support/database.js";

const SUMMARY =
  "Eight years as a software engineer: built TypeScript services on PostgreSQL and Kubernetes, led a team of four, " +
  "wrote the design documents and coached junior developers.";
const PROFILE = evalProfile("Software Engineer");
const FIT = assessFit(SUMMARY, PROFILE);

function assessment(id: string, requestKey: string | null): NewAssessment {
  return {
    id,
    actor: "U_RECRUITER",
    createdAt: new Date("2026-11-28T12:00:00.123Z"),
    profileId: null,
    profileTitle: FIT.title,
    frameworkName: FIT.frameworkName,
    profileVersion: FIT.profileVersion,
    engine: FIT.engine,
    overall: FIT.overall,
    general: FIT.general,
    technical: FIT.technical,
    band: FIT.band,
    details: FIT,
    summaryText: SUMMARY,
    purgeAfter: null,
    requestKey,
  };
}

describe("assessments stored under load", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it("stores a burst once per request, each with its audit record, and answers repeats with the first", async () => {
    const repository = createAssessmentRepository(database.prisma);
    // 60 requests at once, every third one delivered twice (the repeat carries another id).
    const deliveries = Array.from({ length: 60 }, (_, i) => assessment(`a-${i}`, `key-${i}`)).flatMap(
      (entry, i) => (i % 3 === 0 ? [entry, { ...entry, id: `${entry.id}-again` }] : [entry]),
    );
    const results = await Promise.all(
      deliveries.map((entry) =>
        repository.create(entry, {
          actor: entry.actor,
          action: "assess_fit",
          outcome: "ok",
          engine: entry.engine,
          detail: { assessmentId: entry.id },
        }),
      ),
    );

    expect(results.filter((result) => !result.duplicate)).toHaveLength(60);
    for (const [at, result] of results.entries()) {
      expect(result.record.id).toBe(deliveries[at]?.id.replace("-again", ""));
    }
    expect(await database.prisma.assessment.count()).toBe(60);
    const audit = await database.prisma.auditRecord.findMany({
      select: { at: true, engine: true, detail: true },
    });
    expect(audit).toHaveLength(60);
    // When it was assessed, by the app's clock: not the column's default, the server's local time.
    expect(audit.every((record) => record.at.getTime() === Date.parse("2026-11-28T12:00:00.123Z"))).toBe(
      true,
    );
    expect(
      new Set(audit.map((record) => (record.detail as { assessmentId: string }).assessmentId)).size,
    ).toBe(60);
    expect(audit.every((record) => record.engine === "local")).toBe(true);

    const stored = await repository.findById("a-7");
    expect(withGapQuestions(stored?.details as typeof FIT, PROFILE)).toEqual(FIT);
    expect(stored?.createdAt).toEqual(new Date("2026-11-28T12:00:00.123Z"));
    const repeat = results.find((result) => result.duplicate);
    expect(withGapQuestions(repeat?.record.details as typeof FIT, PROFILE)).toEqual(FIT);
  });

  it("stores the others when one assessment of a batch is refused", async () => {
    const repository = createAssessmentRepository(database.prisma);
    const entries = ["b-1", "b-2", "b-3"].map((id) => assessment(id, `key-${id}`));
    const results = await Promise.allSettled(
      entries.map((entry) =>
        repository.create(entry, {
          actor: entry.actor,
          action: "assess_fit",
          // A NOT NULL column left empty: PostgreSQL refuses this row.
          outcome: (entry.id === "b-2" ? null : "ok") as "ok",
        }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await repository.findById("b-1")).not.toBeNull();
    expect(await repository.findById("b-2")).toBeNull();
    expect(await repository.findById("b-3")).not.toBeNull();
  });

  it("keeps each competency's reading once, and reads results stored whole before that", async () => {
    const [row] = await database.prisma.$queryRaw<{ details: string }[]>`
      SELECT "details"::text AS "details" FROM "Assessment" WHERE "id" = 'a-7'`;
    const kept = JSON.parse(row?.details ?? "{}");
    expect(Object.keys(kept)).not.toContain("strengths");
    expect(kept.competencies).toEqual(FIT.competencies);
    expect(row?.details.length).toBeLessThan(JSON.stringify(FIT).length / 2);

    await database.prisma.assessment.create({
      data: { ...assessment("stored-whole", null), details: JSON.parse(JSON.stringify(FIT)) },
    });
    expect((await createAssessmentRepository(database.prisma).findById("stored-whole"))?.details).toEqual(
      FIT,
    );
  });

  it("records when a request was claimed in UTC, whatever the server's time zone", async () => {
    // On the embedded store this sets the zone of its one session; on a server, of one pooled connection.
    await database.prisma.$executeRawUnsafe("SET TIME ZONE 'America/New_York'");
    await createProcessedRequestRepository(database.prisma).claim("command:zone");
    const claimed = await database.prisma.processedRequest.findUnique({ where: { key: "command:zone" } });
    expect(Math.abs((claimed?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    await database.prisma.$executeRawUnsafe("SET TIME ZONE 'UTC'");
  });

  it("claims each request key once, however many instances and deliveries claim it together", async () => {
    const one = createProcessedRequestRepository(database.prisma);
    const other = createProcessedRequestRepository(database.prisma);
    const keys = Array.from({ length: 100 }, (_, i) => `command:${i % 40}`);
    const claims = await Promise.all(keys.map((key, i) => (i % 2 === 0 ? one : other).claim(key)));
    expect(claims.filter(Boolean)).toHaveLength(40);
    const winners = new Set(keys.filter((_, i) => claims[i]));
    expect(winners.size).toBe(40);
    expect(await one.claim("command:7")).toBe(false);
    expect(await database.prisma.processedRequest.count({ where: { key: { startsWith: "command:" } } })).toBe(
      41,
    );
  });
});
