import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROMPT_VERSION } from "../../../src/adapters/openai/evidence-prompt.js";
import {
  createOpenAiClient,
  createOpenAiEvidenceReader,
} from "../../../src/adapters/openai/openai-evidence-reader.js";
import { ModelUnavailableError } from "../../../src/services/model-evidence-ports.js";
import {
  answerReply,
  completionReply,
  errorReply,
  type FakeOpenAi,
  startFakeOpenAi,
} from "../../support/fake-openai.js";
import { backendProfile } from "./profile.js";

const profile = backendProfile();
const TEXT = "Led a team of six. Moved billing to Kafka.";

const validAnswer = {
  competencies: [
    { id: 11, level: 3, quotes: ["Led a team of six."], rationale: "Leads a small team." },
    { id: 21, level: 3, quotes: ["Moved billing to Kafka."], rationale: "Ran a Kafka migration." },
  ],
};

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function reader(settings: { timeoutMs?: number; maxRetries?: number } = {}) {
  const config = {
    apiKey: "test-key",
    baseUrl: fake.baseUrl,
    timeoutMs: settings.timeoutMs ?? 5_000,
    maxRetries: settings.maxRetries ?? 2,
  };
  return createOpenAiEvidenceReader({ client: createOpenAiClient(config), model: "fake-model", ...config });
}

async function failure(promise: Promise<unknown>): Promise<ModelUnavailableError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ModelUnavailableError);
  return error as ModelUnavailableError;
}

describe("OpenAI evidence reader", () => {
  it("asks with a strict JSON schema at temperature 0 and returns the model's reading", async () => {
    fake.script(() => answerReply(validAnswer));

    const readings = await reader().read({ text: TEXT, profile });

    expect(readings).toEqual([
      { competencyId: 11, level: 3, quotes: ["Led a team of six."], rationale: "Leads a small team." },
      {
        competencyId: 21,
        level: 3,
        quotes: ["Moved billing to Kafka."],
        rationale: "Ran a Kafka migration.",
      },
    ]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.headers.authorization).toBe("Bearer test-key");
    expect(request?.body).toMatchObject({ model: "fake-model", temperature: 0, store: false });
    expect(request?.body.max_completion_tokens).toBeGreaterThan(0);
    expect(request?.body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "competency_evidence", strict: true },
    });
    const schema = JSON.stringify(request?.body.response_format?.json_schema?.schema);
    expect(schema).toContain('"enum":[11,12,21,22]');
    const [system, user] = request?.body.messages ?? [];
    expect(system?.role).toBe("system");
    expect(system?.content).toContain("Job profile: Backend Engineer");
    expect(system?.content).toContain("id 21: Distributed Systems");
    expect(user).toEqual({ role: "user", content: TEXT });
    expect(PROMPT_VERSION).toMatch(/\S/);
  });

  it("rejects an answer that is not JSON", async () => {
    fake.script(() => completionReply('{"competencies": [ {"id": 11, "level": 3'));
    expect((await failure(reader().read({ text: TEXT, profile }))).reason).toBe("malformed answer");
  });

  it("rejects a response body that is not a completion", async () => {
    fake.script(() => ({ kind: "raw", status: 200, text: "<html>proxy</html>", contentType: "text/html" }));
    expect((await failure(reader().read({ text: TEXT, profile }))).reason).toBe("malformed answer");
  });

  it.each([
    ["a level above 5", { competencies: [{ id: 11, level: 7, quotes: [], rationale: "" }] }],
    ["an unknown competency", { competencies: [{ id: 99, level: 2, quotes: [], rationale: "" }] }],
    ["a missing rationale", { competencies: [{ id: 11, level: 2, quotes: [] }] }],
    ["an extra field", { competencies: [], verdict: "hire" }],
    [
      "a competency answered twice",
      {
        competencies: [
          { id: 11, level: 2, quotes: [], rationale: "" },
          { id: 11, level: 4, quotes: [], rationale: "" },
        ],
      },
    ],
  ])("rejects an answer with %s", async (_, answer) => {
    fake.script(() => answerReply(answer));
    expect((await failure(reader().read({ text: TEXT, profile }))).reason).toBe("answer outside the schema");
  });

  it("rejects an answer cut short by the token limit", async () => {
    fake.script(() => completionReply('{"competencies": []}', "length"));
    expect((await failure(reader().read({ text: TEXT, profile }))).reason).toBe("answer cut short");
  });

  it("retries a 429 and then succeeds", async () => {
    fake.script((_, index) => (index === 0 ? errorReply(429) : answerReply(validAnswer)));
    const readings = await reader().read({ text: TEXT, profile });
    expect(readings).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up on a server error after its retries", async () => {
    fake.script(() => errorReply(500));
    expect((await failure(reader({ maxRetries: 2 }).read({ text: TEXT, profile }))).reason).toBe(
      "server error",
    );
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry a rejected key", async () => {
    fake.script(() => errorReply(401));
    expect((await failure(reader().read({ text: TEXT, profile }))).reason).toBe("not authorised");
    expect(fake.requests).toHaveLength(1);
  });

  it("times out within its budget when the server does not answer", async () => {
    fake.script(() => ({ kind: "hang" }));
    const started = Date.now();
    expect((await failure(reader({ timeoutMs: 300 }).read({ text: TEXT, profile }))).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("keeps its budget when the server asks to retry later than the budget allows", async () => {
    fake.script(() => errorReply(429, { "retry-after-ms": "30000" }));
    const started = Date.now();
    expect((await failure(reader({ timeoutMs: 400 }).read({ text: TEXT, profile }))).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(1);
  });
});
