import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STARTER_ONET_DIRECTORY } from "../../../src/adapters/onet/starter-library.js";
import { FitEngine } from "../../../src/domain/fit/index.js";
import { answersFor, rankingsFor } from "./support/match-record.js";
import { loadEvalProfiles, loadOnetProfiles, readLabelled } from "./support/profiles.js";

/**
 * The matcher's answers on the evaluation sets — match lists with their scores, fits with their quoted
 * evidence, rankings — as recorded in __records__/. They were recorded before the indexes were packed
 * to save memory, which changed no answer. After a change meant to alter answers, review the diff and
 * rewrite the records: `npx vitest run test/domain/fit/match-record.test.ts -u`.
 */
describe("the matcher's recorded answers", () => {
  it("are unchanged on the development set", async () => {
    const dev = readLabelled("dev-set.jsonl");
    const engine = new FitEngine(loadEvalProfiles());
    const lines = [
      ...answersFor(engine, dev, "eval-dev", 3),
      ...rankingsFor(engine, dev, ["Accountant", "Software Engineer", "Registered Nurse"], "eval-dev"),
    ];
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./__records__/eval-dev.txt");
  });

  it.runIf(existsSync(STARTER_ONET_DIRECTORY))(
    "are unchanged against the O*NET starter library",
    async () => {
      const engine = new FitEngine(await loadOnetProfiles());
      const lines = answersFor(engine, readLabelled("onet-dev-set.jsonl"), "onet", 0);
      await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./__records__/onet.txt");
    },
  );
});
