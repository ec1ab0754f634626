import { describe, expect, it } from "vitest";
import { namesOwnRole } from "../../../src/domain/fit/cues.js";
import { FitEngine } from "../../../src/domain/fit/index.js";
import { read } from "../../../src/domain/fit/reading.js";
import { TermIds } from "../../../src/domain/fit/term-ids.js";
import { TitlePhraseIndex } from "../../../src/domain/fit/title-phrases.js";
import { loadEvalProfiles } from "./support/profiles.js";

/** Whether `title` (its words as written in `summary`) is read as the candidate's own job there. */
function ownRole(summary: string, title: string): boolean {
  const reading = read(summary);
  const words = read(title).tokens.map((token) => token.norm);
  const first = reading.tokens.findIndex((_, at) =>
    words.every((word, offset) => reading.tokens[at + offset]?.norm === word),
  );
  if (first < 0) throw new Error(`"${title}" is not in "${summary}"`);
  return namesOwnRole(reading, first, first + words.length - 1);
}

describe("a job title read in context", () => {
  it("is the candidate's job where the summary says so, or says nothing about it", () => {
    const own: [summary: string, title: string][] = [
      ["Staff accountant, 4 yrs. Month-end close.", "Staff accountant"],
      ["Eight years as an ICU registered nurse.", "registered nurse"],
      ["Ex-nurse, now a data analyst at a bank.", "data analyst"],
      ["Was promoted to marketing manager in 2021.", "marketing manager"],
      ["Personal banker turned mortgage loan officer.", "mortgage loan officer"],
      ["Recruiter note: staff accountant, 4 years.", "staff accountant"],
      ["Partnered with hiring managers on interview plans.", "hiring managers"],
    ];
    for (const [summary, title] of own) expect(ownRole(summary, title), summary).toBe(true);
  });

  it("is not the candidate's job when it is a past job, one wanted, the writer's, or negated", () => {
    const notOwn: [summary: string, title: string][] = [
      ["Former teacher, now three years as a data analyst.", "teacher"],
      ["Ex-chef, personal trainer for four years.", "chef"],
      ["Previously worked as a loan officer.", "loan officer"],
      ["Used to be a graphic designer.", "graphic designer"],
      ["Wants to become a project manager.", "project manager"],
      ["Aspiring data scientist.", "data scientist"],
      ["Looking for her first software engineer role.", "software engineer"],
      ["Referred by our Head of Marketing.", "Head of Marketing"],
      ["Note from the talent partner who screened him.", "talent partner"],
      ["Recruiter note: strong phone screen.", "Recruiter"],
      ["Applied for our financial analyst vacancy.", "financial analyst"],
      ["Agency recruiter's notes on the candidate.", "recruiter's"],
      ["Personal banker turned mortgage loan officer.", "Personal banker"],
      ["An FP&A analyst, not an accountant.", "accountant"],
      ["I started as a backend engineer, then moved to the data team.", "backend engineer"],
      ["Began as a line cook in 2015.", "line cook"],
      ["Backend developer by background, platform team for three years.", "Backend developer"],
    ];
    for (const [summary, title] of notOwn) expect(ownRole(summary, title), summary).toBe(false);
  });
});

describe("match, with titles read in context", () => {
  const engine = new FitEngine(loadEvalProfiles());
  const best = (summary: string) => engine.match(summary, { framework: "eval-dev" })[0]?.title;

  it("ranks the job the candidate holds, not the one left, wanted or named by the writer", () => {
    const cases: [summary: string, title: string][] = [
      [
        "Recruiter note: good call today. 5 yrs in AP/AR at a distributor, runs the month-end close and bank recs in NetSuite, wants to move up.",
        "Accountant",
      ],
      [
        "Former graphic designer, now a software developer for three years: React, TypeScript, Node.js APIs, code reviews.",
        "Software Engineer",
      ],
      [
        "Until 2019 I was a registered nurse. Since then a medical device sales rep: territory of 40 hospitals, demos to surgeons, 112% of quota.",
        "Sales Representative",
      ],
      [
        "Hiring manager feedback: interviewed him for Charge Nurse, but he is a healthcare assistant: observations, personal care, dressings.",
        "Medical Assistant",
      ],
    ];
    for (const [summary, title] of cases) expect(best(summary), summary).toBe(title);
  });
});

describe("titles named through the vocabulary", () => {
  const profiles = loadEvalProfiles();
  const titles = TitlePhraseIndex.build(
    profiles,
    profiles.map((_, doc) => doc),
    new TermIds(),
  );
  const titleScore = (summary: string, title: string): number =>
    titles.scores(read(summary), profiles.length).scores[profiles.findIndex((p) => p.title === title)] ?? 0;

  it("counts an abbreviation in capitals, or words ending in a title's word, as the title", () => {
    expect(titleScore("RN on a medical ward for two years.", "Registered Nurse")).toBeGreaterThan(0.5);
    expect(titleScore("HR business partner for a tech company.", "HR Generalist")).toBeGreaterThan(0.5);
  });

  it("does not count a skill the vocabulary reads as the same concept as a title", () => {
    expect(titleScore("Classes of 30 in a gym: fitness units and team sports.", "Personal Trainer")).toBe(0);
    expect(titleScore("Roadway geometry, stormwater and drainage design.", "Civil Engineer")).toBe(0);
    expect(titleScore("Made posters and brochures for the bank.", "Graphic Designer")).toBe(0);
  });
});
