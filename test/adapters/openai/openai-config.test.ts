import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_OPENAI_MODEL, loadConfig } from "../../../src/config.js";

describe("OpenAI configuration", () => {
  it("leaves OpenAI off without a key, with documented defaults for the rest", () => {
    expect(loadConfig({}).openai).toEqual({
      apiKey: null,
      model: DEFAULT_OPENAI_MODEL,
      baseUrl: null,
      timeoutMs: 20_000,
      maxRetries: 2,
      sendCandidateText: true,
      maskNames: false,
    });
  });

  it("reads every variable, and `false` as false", () => {
    const openai = loadConfig({
      OPENAI_API_KEY: " sk-test ",
      OPENAI_MODEL: "gpt-4o-mini",
      OPENAI_BASE_URL: "http://127.0.0.1:8000/v1",
      OPENAI_TIMEOUT_MS: "5000",
      OPENAI_MAX_RETRIES: "0",
      OPENAI_SEND_CANDIDATE_TEXT: "false",
      OPENAI_MASK_NAMES: "true",
    }).openai;
    expect(openai).toEqual({
      apiKey: "sk-test",
      model: "gpt-4o-mini",
      baseUrl: "http://127.0.0.1:8000/v1",
      timeoutMs: 5_000,
      maxRetries: 0,
      sendCandidateText: false,
      maskNames: true,
    });
  });

  it("names each invalid variable", () => {
    const load = () =>
      loadConfig({
        OPENAI_BASE_URL: "ftp://x",
        OPENAI_TIMEOUT_MS: "soon",
        OPENAI_SEND_CANDIDATE_TEXT: "nope",
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/OPENAI_BASE_URL[\s\S]*OPENAI_TIMEOUT_MS[\s\S]*OPENAI_SEND_CANDIDATE_TEXT/);
  });
});
