import { describe, expect, it } from "vitest";
import { assessFit, FitEngine } from "../../../src/domain/fit/index.js";
import { evalProfile, loadEvalProfiles } from "./support/profiles.js";

/** A summary written about a candidate, with the protected details filled in. */
type Details = {
  name: string;
  subject: string;
  object: string;
  possessive: string;
  age: string;
  nationality: string;
};

const template = ({ name, subject, object, possessive, age, nationality }: Details) =>
  `${name} (${age}, ${nationality}) is a registered nurse with 7 years on a busy medical-surgical unit. ` +
  `${subject} performs patient assessments, administers medications and IV therapy, and documents care in Epic. ` +
  `Colleagues describe ${object} as calm under pressure; ${possessive} charge nurse shifts include precepting new graduates. ` +
  `${subject} holds BLS and ACLS.`;

const people: Details[] = [
  {
    name: "James Miller",
    subject: "He",
    object: "him",
    possessive: "his",
    age: "age 29",
    nationality: "American",
  },
  {
    name: "Aisha Okafor",
    subject: "She",
    object: "her",
    possessive: "her",
    age: "age 52",
    nationality: "Nigerian",
  },
  {
    name: "Wei Chen",
    subject: "They",
    object: "them",
    possessive: "their",
    age: "born 1968",
    nationality: "Canadian citizen",
  },
  {
    name: "María José García",
    subject: "She",
    object: "her",
    possessive: "her",
    age: "61 years old",
    nationality: "Mexican",
  },
];

describe("counterfactual fairness", () => {
  const nurse = evalProfile("Registered Nurse");

  it("gives the same fit whatever the name, pronouns, age or nationality", () => {
    const fits = people.map((person) => assessFit(template(person), nurse));
    const scores = fits.map((fit) => ({
      overall: fit.overall,
      general: fit.general,
      technical: fit.technical,
    }));
    const levels = fits.map((fit) =>
      fit.competencies.map((item) => [item.name, item.demonstratedLevel, item.status]),
    );
    for (const index of [1, 2, 3]) {
      expect(scores[index]).toEqual(scores[0]);
      expect(levels[index]).toEqual(levels[0]);
    }
  });

  it("gives the same match order and scores", () => {
    const engine = new FitEngine(loadEvalProfiles());
    const matches = people.map((person) =>
      engine
        .match(template(person), { top: 5 })
        .map((result) => [result.title, result.score, result.general, result.technical]),
    );
    for (const index of [1, 2, 3]) expect(matches[index]).toEqual(matches[0]);
  });
});
