import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompetencyEvidence } from "../../../src/domain/fit/index.js";
import { assessFit, bandFor, scoreFit } from "../../../src/domain/fit/index.js";
import { fitTotals } from "../../../src/domain/fit/scoring.js";
import type { JobProfile } from "../../../src/domain/library.js";
import { evalProfile, profileWith, requirement } from "./support/profiles.js";

const span = { start: 0, end: 4, text: "text" };

function evidence(profile: JobProfile, levels: Record<string, number>): CompetencyEvidence[] {
  return profile.competencies.map((item) => {
    const level = levels[item.name] ?? 0;
    return { competencyId: item.competencyId, demonstratedLevel: level, evidence: level > 0 ? [span] : [] };
  });
}

describe("the scoring rule", () => {
  const profile = profileWith("Analyst", [
    requirement("Modelling", { level: 4, importance: 5, essential: true }),
    requirement("Reporting", { level: 2, importance: 1 }),
    requirement("Communication", {
      kind: "GENERAL",
      level: 3,
      importance: 3,
      definition: "Conveys ideas clearly.",
      indicators: { "3": "Presents confidently to groups." },
    }),
  ]);

  it("gives full credit at or above the required level and partial credit below it", () => {
    const full = scoreFit(
      profile,
      evidence(profile, { Modelling: 5, Reporting: 2, Communication: 3 }),
      "test",
    );
    expect([full.overall, full.general, full.technical]).toEqual([100, 100, 100]);
    const half = scoreFit(
      profile,
      evidence(profile, { Modelling: 2, Reporting: 2, Communication: 3 }),
      "test",
    );
    expect(half.technical).toBe(Math.round((100 * (10 * 0.5 + 1)) / 11));
  });

  it("weights technical competencies more than general ones", () => {
    const technicalOnly = scoreFit(profile, evidence(profile, { Modelling: 4, Reporting: 2 }), "test");
    const generalOnly = scoreFit(profile, evidence(profile, { Communication: 3 }), "test");
    expect(technicalOnly.overall).toBe(60);
    expect(generalOnly.overall).toBe(40);
  });

  it("labels each competency's status", () => {
    const fit = scoreFit(
      profile,
      evidence(profile, { Modelling: 3, Reporting: 0, Communication: 1 }),
      "test",
    );
    expect(fit.competencies.map((item) => item.status)).toEqual(["partial", "no_evidence", "gap"]);
    expect(scoreFit(profile, evidence(profile, { Modelling: 4 }), "test").competencies[0]?.status).toBe(
      "meets",
    );
  });

  it("flags essential competencies without evidence, and never rates such a candidate strong", () => {
    const fit = scoreFit(profile, evidence(profile, { Reporting: 5, Communication: 5 }), "test");
    expect(fit.essentialWithoutEvidence).toEqual(["Modelling"]);
    expect(fit.overall).toBeLessThan(70);
    const withoutEssentials = profileWith("Plain", [requirement("Reporting", { level: 2 })]);
    expect(scoreFit(withoutEssentials, evidence(withoutEssentials, {}), "test").overall).toBe(0);
  });

  it("bands at 70 and 40", () => {
    expect([bandFor(100), bandFor(70), bandFor(69), bandFor(40), bandFor(39), bandFor(0)]).toEqual([
      "strong",
      "strong",
      "partial",
      "partial",
      "weak",
      "weak",
    ]);
  });

  it("lists strengths and asks a behavioural question for every gap, essential gaps first", () => {
    const fit = scoreFit(profile, evidence(profile, { Reporting: 3, Communication: 1 }), "test");
    expect(fit.strengths.map((item) => item.name)).toEqual(["Reporting"]);
    expect(fit.gaps.map((gap) => gap.competency.name)).toEqual(["Modelling", "Communication"]);
    const question = fit.gaps[1]?.question ?? "";
    expect(question).toContain("Tell me about a recent time your work called for communication.");
    expect(question).toContain("conveys ideas clearly");
    expect(question).toContain(`"Presents confidently to groups"`);
  });

  it("treats a level without quoted evidence as no evidence", () => {
    const unquoted = profile.competencies.map((item) => ({
      competencyId: item.competencyId,
      demonstratedLevel: 5,
      evidence: [],
    }));
    expect(scoreFit(profile, unquoted, "model").overall).toBe(0);
  });

  it("reports the profile, its version and the engine", () => {
    const fit = scoreFit(profile, [], "gpt-test");
    expect(fit).toMatchObject({
      profileId: profile.id,
      title: "Analyst",
      profileVersion: 1,
      engine: "gpt-test",
    });
  });
});

describe("assessFit", () => {
  const accountant = evalProfile("Accountant");
  const summary =
    "Senior accountant, 9 years. I run the month-end close, post journal entries and reconcile the general ledger; prepare GAAP financial statements and sales tax returns in NetSuite and Excel. Known for accurate, detail-oriented work.";

  it("is deterministic", () => {
    expect(assessFit(summary, accountant)).toEqual(assessFit(summary, accountant));
  });

  it("rates a clear match strong and an unrelated summary weak", () => {
    expect(assessFit(summary, accountant).band).toBe("strong");
    expect(assessFit("Line cook on the grill station; prep, sauces and plating.", accountant).band).toBe(
      "weak",
    );
  });

  it("quotes evidence for what it finds", () => {
    const financialAccounting = assessFit(summary, accountant).competencies.find(
      (item) => item.name === "Financial Accounting",
    );
    expect(financialAccounting?.status).toBe("meets");
    expect(financialAccounting?.evidence[0]?.text).toContain("journal entries");
  });
});

describe("fit totals from levels alone", () => {
  it("are the totals of the full fit, for evidence of those levels", () => {
    const profile = evalProfile("Software Engineer");
    const levels = fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5), {
      minLength: profile.competencies.length,
      maxLength: profile.competencies.length,
    });
    fc.assert(
      fc.property(levels, (values) => {
        const byName = Object.fromEntries(
          profile.competencies.map((item, at) => [item.name, values[at] ?? 0]),
        );
        const full = scoreFit(profile, evidence(profile, byName), "test");
        const byId = new Map(profile.competencies.map((item, at) => [item.competencyId, values[at] ?? 0]));
        expect(fitTotals(profile, byId)).toEqual({
          overall: full.overall,
          general: full.general,
          technical: full.technical,
          essentialWithoutEvidence: full.essentialWithoutEvidence,
        });
      }),
    );
  });
});
