/**
 * The OpenAI-backed assessor end to end: the real openai client against a fake server on loopback, the
 * local engine, the scoring rule and the shared cache in a real database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/database.js";
import { createExtractionCacheRepository } from "../../../src/adapters/db/extraction-cache-repository.js";
import { createOpenAiAssessor } from "../../../src/adapters/openai/create-openai-assessor.js";
import { type OpenAiConfig, parseDatabaseUrl } from "../../../src/config.js";
import {
  extractEvidence,
  FitInputError,
  type FitResult,
  MAX_SUMMARY_CHARS,
  scoreFit,
} from "../../../src/domain/fit/index.js";
import type { JobProfile } from "../../../src/domain/library.js";
import {
  byProfileId,
  MODEL_TEXT_MAX_CHARS,
  type ModelAssessor,
} from "../../../src/services/model-assessor.js";
import type { ExtractionCache } from "../../../src/services/model-evidence-ports.js";
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from "../../support/database.js";
import {
  answerReply,
  completionReply,
  errorReply,
  type FakeOpenAi,
  startFakeOpenAi,
} from "../../support/fake-openai.js";
import { backendProfile } from "./profile.js";

const SUMMARY =
  "Jane Doe — backend engineer, jane.doe@example.com, +44 20 7946 0958, 221B Baker Street, London NW1 6XE.\n" +
  "Led a team of six engineers for 4 years. Moved billing to Kafka and microservices. Tuned PostgreSQL queries. " +
  "Presented the roadmap to the board every quarter.";

const LEADERSHIP = 11;
const COMMUNICATION = 12;
const DISTRIBUTED = 21;
const DATABASES = 22;

/** What a well-behaved model answers for SUMMARY (as masked: quotes hold no personal data). */
const ANSWER = {
  competencies: [
    {
      id: LEADERSHIP,
      level: 4,
      quotes: ["Led a team of six engineers for 4 years."],
      rationale: "Leads people over years.",
    },
    {
      id: COMMUNICATION,
      level: 3,
      quotes: ["Presented the roadmap to the board every quarter."],
      rationale: "Presents to the board.",
    },
    {
      id: DISTRIBUTED,
      level: 3,
      quotes: ["Moved billing to Kafka and microservices."],
      rationale: "Ran a migration.",
    },
    { id: DATABASES, level: 2, quotes: ["Tuned PostgreSQL queries."], rationale: "Query tuning." },
  ],
};

const profile = backendProfile();
let fake: FakeOpenAi;
let db: TestDatabase;

beforeAll(async () => {
  [fake, db] = await Promise.all([startFakeOpenAi(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([fake.close(), db.dispose()]);
});
beforeEach(async () => {
  fake.requests.length = 0;
  fake.script(() => answerReply(ANSWER));
  await db.prisma.extractionCache.deleteMany();
});

const CONFIG: OpenAiConfig = {
  apiKey: "test-key",
  model: "fake-model",
  baseUrl: null,
  timeoutMs: 5_000,
  maxRetries: 2,
  sendCandidateText: true,
  maskNames: false,
};

function assessor(settings: Partial<OpenAiConfig> = {}, cache?: ExtractionCache): ModelAssessor {
  const created = createOpenAiAssessor({ ...CONFIG, baseUrl: fake.baseUrl, ...settings }, { cache });
  if (!created) throw new Error("expected an assessor");
  return created;
}

const competency = (fit: FitResult, id: number) => fit.competencies.find((item) => item.competencyId === id);

const localFit = (summary: string, p: JobProfile = profile) =>
  scoreFit(p, extractEvidence(summary, p), "local");

describe("OpenAI assessor", () => {
  it("scores the model's levels with the deterministic rule, quoting the summary as given", async () => {
    const { fit, notices } = await assessor()(SUMMARY, profile);

    expect(fit.engine).toBe("openai (fake-model)");
    expect(competency(fit, LEADERSHIP)).toMatchObject({
      demonstratedLevel: 4,
      rationale: "Leads people over years.",
    });
    expect(competency(fit, DATABASES)).toMatchObject({ demonstratedLevel: 2, rationale: "Query tuning." });
    for (const item of fit.competencies) {
      for (const span of item.evidence) expect(SUMMARY.slice(span.start, span.end)).toBe(span.text);
    }
    expect(competency(fit, COMMUNICATION)?.evidence.map((span) => span.text)).toEqual([
      "Presented the roadmap to the board every quarter.",
    ]);
    const evidence = fit.competencies.map(({ competencyId, demonstratedLevel, evidence, rationale }) => ({
      competencyId,
      demonstratedLevel,
      evidence,
      rationale,
    }));
    expect(fit).toEqual(scoreFit(profile, evidence, "openai (fake-model)"));
    expect(notices).toEqual([
      "Before the summary went to OpenAI, 1 e-mail address, 1 phone number and 1 street address were replaced by placeholders.",
    ]);
  });

  it("drops a quote that is not in the summary, counts it, and keeps the local reading there", async () => {
    fake.script(() =>
      answerReply({
        competencies: [
          ...ANSWER.competencies.filter((item) => item.id !== DISTRIBUTED),
          {
            id: DISTRIBUTED,
            level: 5,
            quotes: ["Designed the global Kafka platform."],
            rationale: "Invented.",
          },
        ],
      }),
    );

    const { fit, notices } = await assessor()(SUMMARY, profile);

    expect(competency(fit, DISTRIBUTED)).toEqual(competency(localFit(SUMMARY), DISTRIBUTED));
    expect(competency(fit, LEADERSHIP)).toMatchObject({ demonstratedLevel: 4 });
    expect(notices).toContain("1 quote from OpenAI is not in the summary word for word and was dropped.");
    expect(notices).toContain(
      "For 1 competency OpenAI gave a level without a quote found in the summary; the local engine's reading is used there.",
    );
  });

  it("maps a quote holding a whole placeholder back to the summary, and drops one cutting it", async () => {
    fake.script(() =>
      answerReply({
        competencies: [
          {
            id: COMMUNICATION,
            level: 2,
            quotes: ["backend engineer, [EMAIL_1],"],
            rationale: "Gives contact.",
          },
          { id: LEADERSHIP, level: 4, quotes: ["[PHONE"], rationale: "Half a placeholder." },
        ],
      }),
    );

    const { fit } = await assessor()(SUMMARY, profile);

    expect(competency(fit, COMMUNICATION)?.evidence.map((span) => span.text)).toEqual([
      "backend engineer, jane.doe@example.com,",
    ]);
    expect(competency(fit, LEADERSHIP)).toEqual(competency(localFit(SUMMARY), LEADERSHIP));
  });

  it("sends no e-mail, phone number or street address, and no names when asked to mask them", async () => {
    fake.script((request) => {
      const sent = JSON.stringify(request.body);
      for (const secret of [
        "jane.doe@example.com",
        "7946",
        "0958",
        "Baker Street",
        "NW1 6XE",
        "Jane",
        "Doe",
      ]) {
        if (sent.includes(secret)) throw new Error(`received personal data: ${secret}`);
      }
      return answerReply(ANSWER);
    });

    const { fit, notices } = await assessor({ maskNames: true })(SUMMARY, profile);

    expect(fit.engine).toBe("openai (fake-model)");
    const user = fake.requests[0]?.body.messages.find((message) => message.role === "user")?.content;
    expect(user).toBe(
      "[NAME_1] — backend engineer, [EMAIL_1], [PHONE_1], [ADDRESS_1].\n" +
        SUMMARY.slice(SUMMARY.indexOf("Led a team")),
    );
    expect(notices[0]).toContain("and 1 name were replaced by placeholders");
  });

  it("sends nothing when sending candidate text is switched off", async () => {
    const { fit, notices } = await assessor({ sendCandidateText: false })(SUMMARY, profile);

    expect(fake.requests).toHaveLength(0);
    expect(fit.engine).toBe("local (candidate text is not sent to OpenAI)");
    expect(fit.overall).toBe(localFit(SUMMARY).overall);
    expect(notices).toEqual([
      "Sending candidate text to OpenAI is switched off here; the local engine read this summary.",
    ]);
  });

  it.each([
    ["malformed JSON", () => completionReply('{"competencies": [{"id": 11,'), "malformed answer"],
    [
      "a schema violation",
      () => answerReply({ competencies: [{ id: LEADERSHIP, level: 9, quotes: [], rationale: "" }] }),
      "answer outside the schema",
    ],
    ["a server error every time", () => errorReply(500), "server error"],
  ])("falls back to the local engine on %s, and says so", async (_, reply, reason) => {
    fake.script(reply);

    const { fit, notices } = await assessor()(SUMMARY, profile);

    expect(fit.engine).toBe(`local (OpenAI unavailable: ${reason})`);
    expect({ ...fit, engine: "local" }).toEqual(localFit(SUMMARY));
    expect(notices).toEqual([
      `OpenAI gave no usable answer (${reason}); the local engine read this summary instead.`,
    ]);
  });

  it("retries a server error within the budget before falling back, and reports the failure", async () => {
    fake.script(() => errorReply(500));
    const failures: string[] = [];
    const config = { ...CONFIG, baseUrl: fake.baseUrl, maxRetries: 2 };
    const withReport = createOpenAiAssessor(config, {
      onModelFailure: (error) => failures.push(error.reason),
    });

    await withReport?.(SUMMARY, profile);

    expect(fake.requests).toHaveLength(3);
    expect(failures).toEqual(["server error"]);
  });

  it("falls back within the time budget when OpenAI does not answer", async () => {
    fake.script(() => ({ kind: "hang" }));
    const started = Date.now();

    const { fit } = await assessor({ timeoutMs: 300 })(SUMMARY, profile);

    expect(fit.engine).toBe("local (OpenAI unavailable: timeout)");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers after a 429 followed by success", async () => {
    fake.script((_, index) => (index === 0 ? errorReply(429) : answerReply(ANSWER)));

    const { fit } = await assessor()(SUMMARY, profile);

    expect(fit.engine).toBe("openai (fake-model)");
    expect(fake.requests).toHaveLength(2);
  });

  it("reuses a cached answer from another instance on the same database without asking again", async () => {
    const second = TEST_SERVER_URL ? await openDatabase(parseDatabaseUrl(db.url)) : null;
    try {
      const first = await assessor({}, createExtractionCacheRepository(db.prisma))(SUMMARY, profile);
      const otherInstance = createExtractionCacheRepository((second ?? db).prisma);
      fake.script(() => {
        throw new Error("the cached answer should have been used");
      });

      const again = await assessor({}, otherInstance)(SUMMARY, profile);

      expect(fake.requests).toHaveLength(1);
      expect(again).toEqual(first);
      expect(await db.prisma.extractionCache.count()).toBe(1);
      const stored = JSON.stringify(await db.prisma.extractionCache.findMany());
      expect(stored).not.toContain("six engineers");
      expect(stored).not.toContain("jane.doe");
    } finally {
      await second?.close();
    }
  });

  it("asks again when the profile version or the model changes", async () => {
    const cache = createExtractionCacheRepository(db.prisma);
    await assessor({}, cache)(SUMMARY, profile);
    await assessor({}, cache)(SUMMARY, backendProfile({ version: profile.version + 1 }));
    await assessor({ model: "other-model" }, cache)(SUMMARY, profile);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[2]?.body.model).toBe("other-model");
  });

  it("answers when the cache cannot be reached", async () => {
    const broken: ExtractionCache = {
      find: () => Promise.reject(new Error("database down")),
      save: () => Promise.reject(new Error("database down")),
    };
    const { fit } = await assessor({}, broken)(SUMMARY, profile);
    expect(fit.engine).toBe("openai (fake-model)");
  });

  it("sends at most the documented length of a long summary and tells the user", async () => {
    const long = `${SUMMARY}\n${"Maintained internal tools and wrote runbooks for the on-call rotation. ".repeat(220)}`;
    expect(long.length).toBeGreaterThan(MODEL_TEXT_MAX_CHARS);
    expect(long.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);

    const { notices } = await assessor()(long, profile);

    const user = fake.requests[0]?.body.messages.find((message) => message.role === "user")?.content ?? "";
    expect(user.length).toBeLessThanOrEqual(MODEL_TEXT_MAX_CHARS);
    expect(notices.some((notice) => notice.startsWith("The summary is longer than 12,000 characters"))).toBe(
      true,
    );
  });

  it("rejects a summary the engine will not read before sending anything", async () => {
    await expect(assessor()("x".repeat(MAX_SUMMARY_CHARS + 1), profile)).rejects.toBeInstanceOf(
      FitInputError,
    );
    await expect(assessor()("   ", profile)).rejects.toBeInstanceOf(FitInputError);
    expect(fake.requests).toHaveLength(0);
  });

  it("fits assessCandidate's port: looks the profile up and carries the notices on the result", async () => {
    const fitAssessor = byProfileId(assessor(), (id) => {
      if (id !== profile.id) throw new Error("unknown profile");
      return profile;
    });
    const fit = await fitAssessor(SUMMARY, profile.id);
    expect(fit.engine).toBe("openai (fake-model)");
    expect(fit.notices).toHaveLength(1);
  });

  it("is not created without an API key", () => {
    expect(createOpenAiAssessor({ ...CONFIG, apiKey: null })).toBeNull();
  });
});
