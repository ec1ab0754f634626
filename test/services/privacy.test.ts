import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentRepository } from "../../src/adapters/db/assessment-repository.js";
import { createAuditRepository } from "../../src/adapters/db/audit-repository.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { createPendingRequestRepository } from "../../src/adapters/db/pending-request-repository.js";
import { createPeopleRepository } from "../../src/adapters/db/people-repository.js";
import { scoreFit } from "../../src/domain/fit/scoring.js";
import type { AuditEntry, NewAssessment } from "../../src/services/assessment-ports.js";
import { forgetPersonalData } from "../../src/services/forget-personal-data.js";
import { purgeCandidateText } from "../../src/services/purge-candidate-text.js";
import { createPendingSummaries } from "../../src/slack/pending-summaries.js";
import { profileWith, requirement } from "../domain/fit/support/profiles.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { marketingFramework } from "../support/frameworks.js";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date("2026-11-28T12:00:00Z");

const SUMMARY = "pitched to 40 journalists; reach me at jo@example.com";
const MEDIA_RELATIONS = requirement("Media Relations");
const FIT = scoreFit(
  profileWith("Media Relations Specialist", [MEDIA_RELATIONS, requirement("Budgeting")]),
  [
    {
      competencyId: MEDIA_RELATIONS.competencyId,
      demonstratedLevel: 3,
      evidence: [{ start: 0, end: 10, text: "pitched to" }],
    },
  ],
  "local",
);

function assessment(id: string, purgeAfter: Date | null, requestKey: string | null = null): NewAssessment {
  return {
    id,
    actor: "U_RECRUITER",
    createdAt: new Date(NOW.getTime() - 40 * DAY),
    profileId: null,
    profileTitle: "Media Relations Specialist",
    frameworkName: "acme",
    profileVersion: 1,
    engine: "local",
    overall: 72,
    general: 80,
    technical: 65,
    band: "strong",
    details: FIT,
    summaryText: SUMMARY,
    purgeAfter,
    requestKey,
  };
}

function auditOf(entry: NewAssessment): AuditEntry {
  return { actor: entry.actor, action: "assess_fit", outcome: "ok", detail: { assessmentId: entry.id } };
}

async function store(repository: ReturnType<typeof createAssessmentRepository>, entry: NewAssessment) {
  return repository.create(entry, auditOf(entry));
}

describe("candidate data retention, erasure and audit", () => {
  let database: TestDatabase;
  let deps: {
    assessments: ReturnType<typeof createAssessmentRepository>;
    audit: ReturnType<typeof createAuditRepository>;
    people: ReturnType<typeof createPeopleRepository>;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = {
      assessments: createAssessmentRepository(database.prisma),
      audit: createAuditRepository(database.prisma),
      people: createPeopleRepository(database.prisma),
    };
  });
  afterAll(() => database.dispose());

  it("stores one assessment and one audit record per request key, however often it is delivered", async () => {
    const first = await store(
      deps.assessments,
      assessment("a-1", new Date(NOW.getTime() - DAY), "slack:retry-1"),
    );
    const again = await store(
      deps.assessments,
      assessment("a-2", new Date(NOW.getTime() - DAY), "slack:retry-1"),
    );
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, record: { id: "a-1" } });
    expect(await database.prisma.assessment.count()).toBe(1);
    expect(await database.prisma.auditRecord.findMany({ select: { action: true, detail: true } })).toEqual([
      { action: "assess_fit", detail: { assessmentId: "a-1" } },
    ]);
    await database.prisma.auditRecord.deleteMany();
  });

  it("reads back the fit result exactly as it was shown, dates included", async () => {
    const stored = await deps.assessments.findById("a-1");
    expect(stored?.details).toEqual(FIT);
    expect(stored?.createdAt).toEqual(new Date(NOW.getTime() - 40 * DAY));
    expect(stored?.purgeAfter).toEqual(new Date(NOW.getTime() - DAY));
  });

  it("writes neither the assessment nor its audit record when the statement fails", async () => {
    const broken = { ...assessment("a-broken", null), profileTitle: "x".repeat(10) } as NewAssessment;
    await expect(
      deps.assessments.create(broken, { ...auditOf(broken), outcome: null as unknown as "ok" }),
    ).rejects.toThrow();
    expect(await deps.assessments.findById("a-broken")).toBeNull();
    expect(await database.prisma.auditRecord.count()).toBe(0);
  });

  it("purges candidate text and quoted evidence past retention, keeping scores and offsets", async () => {
    await store(deps.assessments, assessment("fresh", new Date(NOW.getTime() + 10 * DAY)));
    const purged = await purgeCandidateText(
      { assessments: deps.assessments, audit: deps.audit, clock: () => NOW, retentionDays: 30 },
      "retention-job",
    );
    expect(purged).toEqual({ assessments: 1, cachedAnswers: 0, pendingSummaries: 0 });
    const old = await deps.assessments.findById("a-1");
    expect(old).toMatchObject({ summaryText: null, overall: 72, band: "strong" });
    expect(JSON.stringify(old?.details)).not.toContain("pitched");
    expect(old?.details).toMatchObject({
      competencies: [{ name: "Media Relations", evidence: [{ start: 0, end: 10, text: null }] }, {}],
      strengths: [{ name: "Media Relations", evidence: [{ start: 0, end: 10, text: null }] }],
      gaps: [{ competency: { name: "Budgeting" } }],
    });
    expect((await deps.assessments.findById("fresh"))?.summaryText).toContain("journalists");
    // Nothing left to purge: a second run (another instance's timer) changes nothing.
    expect(
      await purgeCandidateText(
        { assessments: deps.assessments, audit: deps.audit, clock: () => NOW, retentionDays: 30 },
        "retention-job",
      ),
    ).toEqual({ assessments: 0, cachedAnswers: 0, pendingSummaries: 0 });
  });

  it("drops summaries left waiting for a profile to be chosen once they expire", async () => {
    const repository = createPendingRequestRepository(database.prisma);
    const waitingSince = (at: Date) => createPendingSummaries(repository, () => at);
    await waitingSince(new Date(NOW.getTime() - 31 * MINUTE)).put("U_RECRUITER", SUMMARY);
    const open = await waitingSince(NOW).put("U_RECRUITER", SUMMARY);
    const purged = await purgeCandidateText(
      { ...deps, clock: () => NOW, retentionDays: 30, pendingSummaries: repository },
      "retention-job",
    );
    expect(purged).toEqual({ assessments: 0, cachedAnswers: 0, pendingSummaries: 1 });
    expect(await database.prisma.pendingRequest.count()).toBe(1);
    expect(await waitingSince(NOW).get("U_RECRUITER", open)).toBe(SUMMARY);
  });

  it("forgets an assessment's candidate data on request and records that it did", async () => {
    expect(await forgetPersonalData(deps, "cli:admin", "fresh")).toEqual({ kind: "assessment", id: "fresh" });
    expect((await deps.assessments.findById("fresh"))?.summaryText).toBeNull();
    await expect(forgetPersonalData(deps, "cli:admin", "no-such-id")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("forgets a person with all their ratings", async () => {
    await createLibraryRepository(database.prisma).saveFramework(marketingFramework());
    await deps.people.savePeople({
      people: [
        {
          email: "jo@example.com",
          name: "Jo Example",
          slackUserId: null,
          currentProfile: null,
          ratings: [{ framework: "acme", competency: "Teamwork", level: 3, source: "MANAGER", ratedAt: NOW }],
        },
      ],
    });
    expect(await forgetPersonalData(deps, "cli:admin", "JO@example.com")).toMatchObject({ kind: "person" });
    expect(await deps.people.findPersonByEmail("jo@example.com")).toBeNull();
    expect(await database.prisma.competencyRating.count()).toBe(0);
  });

  it("lists the audit trail newest first, without candidate text", async () => {
    const records = await deps.audit.list({ since: new Date(0) });
    expect(records.map((r) => r.action)).toEqual([
      "forget_person",
      "forget_assessment",
      "purge_candidate_text",
      "purge_candidate_text",
      "assess_fit",
    ]);
    expect(JSON.stringify(records)).not.toMatch(/journalists|jo@example\.com/);
  });
});
