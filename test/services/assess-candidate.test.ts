import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssessmentRepository } from "../../src/adapters/db/assessment-repository.js";
import { createLibraryRepository } from "../../src/adapters/db/library-repository.js";
import { assessFit } from "../../src/domain/fit/index.js";
import { type AssessCandidateDeps, assessCandidate } from "../../src/services/assess-candidate.js";
import { LibraryProvider } from "../../src/services/library.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { marketingFramework } from "../support/frameworks.js";

const SUMMARY =
  "Marketing manager for six years: led a team of four, set the marketing strategy and pricing, " +
  "and presented campaign results to the board.";

describe("assessing a candidate", () => {
  let database: TestDatabase;
  let deps: AssessCandidateDeps;
  let profileId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const repository = createLibraryRepository(database.prisma);
    await repository.saveFramework(marketingFramework());
    const library = await new LibraryProvider(repository).get();
    profileId = library.profiles.find((profile) => profile.title === "Marketing Manager")?.id ?? -1;
    deps = {
      library,
      assessments: createAssessmentRepository(database.prisma),
      clock: () => new Date("2026-11-28T12:00:00Z"),
      retentionDays: 30,
    };
  });
  afterAll(() => database.dispose());

  it("stores the assessment with its audit record, and answers a repeated request with the first", async () => {
    const request = { actor: "U_RECRUITER", profileId, summary: SUMMARY, requestKey: "command:1" };
    const first = await assessCandidate(deps, request);
    const again = await assessCandidate(deps, { ...request, summary: `${SUMMARY} Also fluent in French.` });

    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(first.fit.gaps.length).toBeGreaterThan(0);
    const audit = await database.prisma.auditRecord.findMany();
    expect(audit).toMatchObject([
      {
        actor: "U_RECRUITER",
        action: "assess_fit",
        outcome: "ok",
        engine: "local",
        target: "acme/Marketing Manager",
      },
    ]);
    expect(audit[0]?.detail).toMatchObject({ assessmentId: first.assessmentId, overall: first.fit.overall });
  });

  it("does not ask a model again for a repeated request", async () => {
    let readings = 0;
    const library = deps.library;
    const withModel: AssessCandidateDeps = {
      ...deps,
      assessor: async (summary, id) => {
        readings += 1;
        const profile = library.getProfile(id);
        if (!profile) throw new Error(`no profile ${id}`);
        return { ...assessFit(summary, profile), engine: "model (test)" };
      },
    };
    const request = { actor: "U_RECRUITER", profileId, summary: SUMMARY, requestKey: "command:model" };
    const first = await assessCandidate(withModel, request);
    const again = await assessCandidate(withModel, request);
    expect(readings).toBe(1);
    expect(again).toEqual({ ...first, duplicate: true });
  });

  it("keeps a summary holding characters PostgreSQL refuses, with every quote pointing into the kept text", async () => {
    const summary = `Marketing manager\u0000 for six years \ud800: led a team of four and set the marketing strategy.`;
    const { assessmentId, fit } = await assessCandidate(deps, { actor: "U_RECRUITER", profileId, summary });
    const stored = await deps.assessments.findById(assessmentId);
    expect(stored?.summaryText).toBe(
      "Marketing manager for six years \uFFFD: led a team of four and set the marketing strategy.",
    );
    expect(fit.notices).toEqual([expect.stringContaining("cannot be stored")]);
    const quotes = fit.competencies.flatMap((competency) => competency.evidence);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(stored?.summaryText?.slice(quote.start, quote.end)).toBe(quote.text);
  });
});
