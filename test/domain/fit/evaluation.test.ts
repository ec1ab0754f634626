import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STARTER_ONET_DIRECTORY } from "../../../src/adapters/onet/starter-library.js";
import { evaluateRanking } from "../../../src/domain/fit/evaluate.js";
import { FitEngine } from "../../../src/domain/fit/index.js";
import { TfidfBaseline } from "../../../src/domain/fit/tfidf-baseline.js";
import { loadEvalProfiles, loadOnetProfiles, readLabelled } from "./support/profiles.js";

/** Regression floors, a little under what was measured when they were set (see docs/decisions/003). */
const FLOORS = {
  devTop1: 0.95,
  devTop3: 0.98,
  evidencePrecision: 0.9,
  onetTop5: 0.93,
  hardTop1: 0.95,
  blind2Top1: 0.95,
  blind2Top3: 0.98,
};

describe("evaluation on the development set", () => {
  const profiles = loadEvalProfiles();
  const dev = readLabelled("dev-set.jsonl");

  it("has at least 60 labelled summaries over the 25 profiles", () => {
    expect(dev.length).toBeGreaterThanOrEqual(60);
    const titles = new Set(profiles.map((profile) => profile.title));
    expect(dev.every((item) => titles.has(item.label as string))).toBe(true);
    expect(profiles).toHaveLength(25);
  });

  it("ranks the right profile first, beats the TF-IDF baseline, and quotes precise evidence", () => {
    const ours = evaluateRanking(new FitEngine(profiles), dev, { framework: "eval-dev" });
    const baseline = evaluateRanking(new TfidfBaseline(profiles), dev, { framework: "eval-dev" });
    expect(ours.top1).toBeGreaterThanOrEqual(FLOORS.devTop1);
    expect(ours.top3).toBeGreaterThanOrEqual(FLOORS.devTop3);
    expect(ours.top1).toBeGreaterThan(baseline.top1);
    expect(ours.macroF1).toBeGreaterThan(baseline.macroF1 ?? 0);
    expect(ours.evidencePrecision).toBeGreaterThanOrEqual(FLOORS.evidencePrecision);
  });
});

describe("evaluation on summaries whose job titles mislead", () => {
  const profiles = loadEvalProfiles();
  const hard = readLabelled("dev-set-hard.jsonl");

  it("has at least 40 labelled summaries against the development framework", () => {
    expect(hard.length).toBeGreaterThanOrEqual(40);
    const titles = new Set(profiles.map((profile) => profile.title));
    expect(hard.every((item) => titles.has(item.label as string))).toBe(true);
  });

  it("ranks the job held first, not a past, wanted or writer's job, and beats the TF-IDF baseline", () => {
    const ours = evaluateRanking(new FitEngine(profiles), hard, { framework: "eval-dev" });
    const baseline = evaluateRanking(new TfidfBaseline(profiles), hard, { framework: "eval-dev" });
    expect(ours.top1).toBeGreaterThanOrEqual(FLOORS.hardTop1);
    expect(ours.top1).toBeGreaterThan(baseline.top1);
  });
});

describe("evaluation on the second set written blind (eval/blind-2)", () => {
  const profiles = loadEvalProfiles();
  const blind2 = readLabelled("blind-2/summaries.jsonl");

  it("has 100 labelled summaries against the development framework", () => {
    expect(blind2).toHaveLength(100);
    const titles = new Set(profiles.map((profile) => profile.title));
    expect(blind2.every((item) => titles.has(item.label as string))).toBe(true);
  });

  it("ranks the right profile first and beats the TF-IDF baseline", () => {
    const ours = evaluateRanking(new FitEngine(profiles), blind2, { framework: "eval-dev" });
    const baseline = evaluateRanking(new TfidfBaseline(profiles), blind2, { framework: "eval-dev" });
    expect(ours.top1).toBeGreaterThanOrEqual(FLOORS.blind2Top1);
    expect(ours.top3).toBeGreaterThanOrEqual(FLOORS.blind2Top3);
    expect(ours.top1).toBeGreaterThan(baseline.top1);
  });
});

describe.runIf(existsSync(STARTER_ONET_DIRECTORY))("evaluation against the O*NET starter library", () => {
  it("puts an acceptable occupation in the top 5", async () => {
    const profiles = await loadOnetProfiles();
    const report = evaluateRanking(new FitEngine(profiles), readLabelled("onet-dev-set.jsonl"), {
      framework: "onet",
    });
    expect(report.top5).toBeGreaterThanOrEqual(FLOORS.onetTop5);
  });
});
