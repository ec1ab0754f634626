import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  importanceFromOnet,
  levelFromImportance,
  levelFromOnetLevel,
  onetToFramework,
} from "../../../src/adapters/onet/onet-to-framework.js";
import {
  type OnetRating,
  type OnetRelease,
  type OnetTechnology,
  readOnetDirectory,
} from "../../../src/adapters/onet/read-onet-directory.js";
import type { FrameworkDefinition, ProfileDefinition } from "../../../src/domain/library.js";

const REORDERED = fileURLToPath(new URL("../../fixtures/onet/reordered/", import.meta.url));

const ELEMENTS: Record<string, string> = {
  "1.C.1.a": "Achievement/Effort",
  "1.C.1.b": "Persistence",
  "1.C.1.c": "Initiative",
  "1.C.2.b": "Leadership",
  "1.C.3.a": "Cooperation",
  "1.C.4.a": "Self Control",
  "1.C.4.b": "Stress Tolerance",
  "1.C.5.b": "Attention to Detail",
  "1.C.5.c": "Integrity",
  "2.A.1.a": "Reading Comprehension",
  "2.A.1.b": "Active Listening",
  "2.A.1.c": "Writing",
  "2.A.1.d": "Speaking",
  "2.A.1.e": "Mathematics",
  "2.A.2.a": "Critical Thinking",
  "2.B.1.c": "Persuasion",
  "2.B.1.d": "Negotiation",
  "2.B.2.i": "Complex Problem Solving",
  "2.B.3.e": "Programming",
  "2.B.4.e": "Judgment and Decision Making",
  "2.B.5.a": "Time Management",
  "2.C.1.d": "Sales and Marketing",
  "2.C.3.a": "Computers and Electronics",
  "2.C.4.a": "Mathematics",
};

const MARKETING = "11-2021.00";
const DEVELOPERS = "15-1132.00";

/** A release with two rated occupations; tests add the ratings and rows they are about. */
function release(extra: Partial<OnetRelease> = {}): OnetRelease {
  return {
    occupations: [
      { code: MARKETING, title: "Marketing Managers", description: "Plan marketing programs." },
      { code: DEVELOPERS, title: "Software Developers, Applications", description: "Develop software." },
      { code: "27-1024.00", title: "Graphic Designers", description: "Design graphics." },
    ],
    alternateTitles: [],
    skills: [...rated(MARKETING, { "2.A.1.d": [4.12, 4.75] }), ...rated(DEVELOPERS, { "2.B.3.e": [4.5, 6] })],
    knowledge: [],
    workStyles: [],
    technologySkills: [],
    tasks: [],
    elements: Object.entries(ELEMENTS).map(([id, name]) => ({
      id,
      name,
      description: `${name} description.`,
    })),
    levelAnchors: [],
    ...extra,
  };
}

/** Ratings of one occupation: element id → importance, or [importance, level]. */
function rated(code: string, values: Record<string, number | [number, number]>): OnetRating[] {
  return Object.entries(values).flatMap(([elementId, value]) => {
    const [im, lv] = typeof value === "number" ? [value, undefined] : value;
    const ratings: OnetRating[] = [{ code, elementId, scaleId: "IM", value: im }];
    if (lv !== undefined) ratings.push({ code, elementId, scaleId: "LV", value: lv });
    return ratings;
  });
}

function technology(code: string, commodityTitle: string, example: string, hot = false): OnetTechnology {
  const commodityCode = String(
    43_000_000 + [...commodityTitle].reduce((sum, char) => sum + char.charCodeAt(0), 0),
  );
  return { code, example, commodityCode, commodityTitle, hot };
}

function profileOf(framework: FrameworkDefinition, code: string): ProfileDefinition {
  const found = framework.profiles.find((profile) => profile.code === code);
  if (!found) throw new Error(`no profile ${code}`);
  return found;
}

function requirement(framework: FrameworkDefinition, code: string, competency: string) {
  return profileOf(framework, code).competencies.find((r) => r.competency === competency);
}

function competency(framework: FrameworkDefinition, name: string) {
  return framework.competencies.find((c) => c.name === name);
}

describe("onetToFramework", () => {
  it("makes a profile of every occupation with skill ratings, and of no other", () => {
    const framework = onetToFramework(release());

    expect(framework.name).toBe("onet");
    expect(framework.profiles.map((profile) => profile.title)).toEqual([
      "Marketing Managers",
      "Software Developers, Applications",
    ]);
  });

  it("credits O*NET with the CC BY 4.0 text, naming this product", () => {
    expect(onetToFramework(release()).source).toBe(
      "This product includes information from the O*NET 23.0 Database by the U.S. Department of Labor, " +
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a " +
        "trademark of USDOL/ETA. competency-bot has modified all or some of this information. USDOL/ETA has not " +
        "approved, endorsed, or tested these modifications.",
    );
  });

  it("splits general from technical competencies by content-model domain", () => {
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, {
          "2.A.1.d": 4,
          "2.B.1.c": 4,
          "2.B.2.i": 4,
          "2.B.3.e": 4,
          "2.B.4.e": 4,
          "2.B.5.a": 4,
        }),
        knowledge: rated(MARKETING, { "2.C.1.d": 4 }),
        workStyles: rated(MARKETING, { "1.C.5.c": 4 }),
        technologySkills: [technology(MARKETING, "Spreadsheet software", "Microsoft Excel")],
      }),
    );

    const kinds = Object.fromEntries(framework.competencies.map((c) => [c.name, `${c.kind} ${c.category}`]));
    expect(kinds).toEqual({
      Integrity: "GENERAL Work Styles",
      Speaking: "GENERAL Basic Skills",
      Persuasion: "GENERAL Social Skills",
      "Complex Problem Solving": "GENERAL Complex Problem Solving Skills",
      "Judgment and Decision Making": "GENERAL Systems Skills",
      "Time Management": "GENERAL Resource Management Skills",
      Programming: "TECHNICAL Technical Skills",
      "Sales and Marketing": "TECHNICAL Knowledge",
      "Spreadsheet software": "TECHNICAL Technology",
    });
    expect(competency(framework, "Speaking")).toMatchObject({
      definition: "Speaking description.",
      externalId: "2.A.1.d",
    });
  });

  it("converts the O*NET level (0–7) and importance (1–5) to the 1–5 scales", () => {
    expect([0, 0.5, 2, 3, 3.5, 4, 4.75, 6, 7].map(levelFromOnetLevel)).toEqual([1, 1, 1, 2, 3, 3, 3, 4, 5]);
    expect([1, 2.49, 3.5, 4.12, 4.5, 5].map(importanceFromOnet)).toEqual([1, 2, 4, 4, 5, 5]);
    expect([3, 3.5, 4, 4.5, 5].map(levelFromImportance)).toEqual([2, 3, 3, 4, 4]);

    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, { "2.A.1.d": [4.12, 4.75] }),
        knowledge: rated(MARKETING, { "2.C.1.d": 4.75 }),
      }),
    );
    expect(requirement(framework, MARKETING, "Speaking")).toMatchObject({ level: 3, importance: 4 });
    expect(requirement(framework, MARKETING, "Sales and Marketing")).toMatchObject({
      level: 4,
      importance: 5,
    });
  });

  it("marks at most five requirements essential: the most important at 4 or more, Work Styles at 4.75", () => {
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, {
          "2.A.1.a": 4.1,
          "2.A.1.b": 4.2,
          "2.A.1.c": 4.3,
          "2.A.1.d": 4.4,
          "2.A.2.a": 4.5,
          "2.B.1.c": 3.9,
        }),
        knowledge: rated(MARKETING, { "2.C.1.d": 4.6 }),
        workStyles: rated(MARKETING, { "1.C.1.c": 4.7, "1.C.5.c": 4.8 }),
      }),
    );

    const essential = profileOf(framework, MARKETING)
      .competencies.filter((r) => r.essential)
      .map((r) => r.competency);
    expect(essential).toEqual([
      "Integrity",
      "Critical Thinking",
      "Speaking",
      "Writing",
      "Sales and Marketing",
    ]);
  });

  it("leaves out elements of low importance, and Work Styles below 3.5", () => {
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, {
          "2.A.1.a": 4,
          "2.A.1.b": 4,
          "2.A.1.c": 4,
          "2.A.1.d": 4,
          "2.A.2.a": 4,
          "2.B.1.c": 4,
          "2.B.1.d": 4,
          "2.B.2.i": 4,
          "2.B.4.e": 3,
          "2.B.5.a": 2.9,
          "2.B.3.e": 2.9,
        }),
        workStyles: rated(MARKETING, { "1.C.1.c": 3.5, "1.C.5.c": 3.4 }),
        knowledge: rated(MARKETING, { "2.C.1.d": 3, "2.C.3.a": 1.5 }),
        technologySkills: ["A", "B", "C", "D", "E", "F", "G", "H"].map((name) =>
          technology(MARKETING, `${name} software`, `${name} Suite`),
        ),
      }),
    );

    const names = profileOf(framework, MARKETING).competencies.map((r) => r.competency);
    expect(names).toContain("Judgment and Decision Making");
    expect(names).toContain("Initiative");
    expect(names).toContain("Sales and Marketing");
    expect(names).not.toContain("Time Management");
    expect(names).not.toContain("Integrity");
    expect(names).not.toContain("Programming");
    expect(names).not.toContain("Computers and Electronics");
  });

  it("fills a thin profile up to ten general competencies, but never with importance below 2.5", () => {
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, {
          "2.A.1.a": 3.2,
          "2.A.1.b": 2.9,
          "2.A.1.c": 2.8,
          "2.A.1.d": 2.7,
          "2.A.2.a": 2.6,
          "2.B.1.c": 2.5,
          "2.B.1.d": 2.4,
        }),
        workStyles: rated(MARKETING, { "1.C.5.c": 3.4 }),
      }),
    );

    expect(profileOf(framework, MARKETING).competencies.map((r) => r.competency)).toEqual([
      "Integrity",
      "Reading Comprehension",
      "Active Listening",
      "Writing",
      "Speaking",
      "Critical Thinking",
      "Persuasion",
    ]);
  });

  it("keeps at most seven Work Styles, so their high ratings do not crowd skills out", () => {
    const workStyles = Object.keys(ELEMENTS).filter((id) => id.startsWith("1.C."));
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, { "2.A.1.c": 3, "2.B.1.c": 3.2, "2.B.1.d": 3.1 }),
        workStyles: rated(MARKETING, Object.fromEntries(workStyles.map((id) => [id, 4.5]))),
      }),
    );

    const general = profileOf(framework, MARKETING).competencies.map((r) => r.competency);
    expect(general.filter((name) => workStyles.some((id) => ELEMENTS[id] === name))).toHaveLength(7);
    expect(general).toEqual(expect.arrayContaining(["Persuasion", "Negotiation", "Writing"]));
  });

  it("groups technologies by commodity class: keywords from every occupation, examples per profile", () => {
    const framework = onetToFramework(
      release({
        technologySkills: [
          technology(MARKETING, "Spreadsheet software", "Apple Numbers"),
          technology(MARKETING, "Spreadsheet software", "Microsoft Excel", true),
          technology(DEVELOPERS, "Spreadsheet software", "Google Sheets"),
          technology(DEVELOPERS, "Spreadsheet software", "Microsoft Excel", true),
        ],
      }),
    );

    expect(competency(framework, "Spreadsheet software")).toMatchObject({
      kind: "TECHNICAL",
      category: "Technology",
      keywords: ["Apple Numbers", "Microsoft Excel", "Google Sheets"],
    });
    expect(competency(framework, "Spreadsheet software")?.definition).toContain("such as Microsoft Excel");
    expect(requirement(framework, MARKETING, "Spreadsheet software")).toEqual({
      competency: "Spreadsheet software",
      level: 3,
      importance: 4,
      essential: false,
      examples: ["Microsoft Excel", "Apple Numbers"],
    });
    expect(requirement(framework, DEVELOPERS, "Spreadsheet software")?.examples).toEqual([
      "Microsoft Excel",
      "Google Sheets",
    ]);
  });

  it("keeps at most eight technology classes per profile, those with hot technologies and more examples first", () => {
    const classes = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    const framework = onetToFramework(
      release({
        technologySkills: [
          ...classes.map((name) => technology(MARKETING, `${name} software`, `${name} One`)),
          technology(MARKETING, "J software", "J Two"),
          technology(MARKETING, "I software", "I Hot", true),
        ],
      }),
    );

    const technologies = profileOf(framework, MARKETING).competencies.filter((r) =>
      r.competency.endsWith("software"),
    );
    expect(technologies.map((r) => [r.competency, r.importance])).toEqual([
      ["I software", 4],
      ["J software", 3],
      ["A software", 3],
      ["B software", 3],
      ["C software", 3],
      ["D software", 3],
      ["E software", 3],
      ["F software", 3],
    ]);
  });

  it("keeps alternate titles and short titles once each, case-insensitively, without the title itself", () => {
    const framework = onetToFramework(
      release({
        alternateTitles: [
          { code: MARKETING, title: "Brand Manager", shortTitle: "" },
          { code: MARKETING, title: "brand manager", shortTitle: "" },
          { code: MARKETING, title: "MARKETING MANAGERS", shortTitle: "" },
          { code: MARKETING, title: "Chief Marketing Officer", shortTitle: "CMO" },
          { code: DEVELOPERS, title: "Application Developer", shortTitle: "" },
        ],
      }),
    );

    expect(profileOf(framework, MARKETING).alternateTitles).toEqual([
      "Brand Manager",
      "Chief Marketing Officer",
      "CMO",
    ]);
  });

  it("lists core tasks before supplemental ones, at most twenty", () => {
    const framework = onetToFramework(
      release({
        tasks: [
          { code: MARKETING, task: "Supplemental task.", type: "Supplemental" },
          ...Array.from({ length: 25 }, (_, index) => ({
            code: MARKETING,
            task: `Core task ${index + 1}.`,
            type: "Core",
          })),
        ],
      }),
    );

    const tasks = profileOf(framework, MARKETING).tasks;
    expect(tasks).toHaveLength(20);
    expect(tasks[0]).toBe("Core task 1.");
    expect(tasks).not.toContain("Supplemental task.");
  });

  it("takes the family from the SOC major group", () => {
    const framework = onetToFramework(release());

    expect(profileOf(framework, MARKETING).family).toBe("Management");
    expect(profileOf(framework, DEVELOPERS).family).toBe("Computer and Mathematical");
  });

  it("keeps competency names unique: the knowledge area Mathematics is named after its category", () => {
    const framework = onetToFramework(
      release({
        skills: rated(MARKETING, { "2.A.1.e": [3.5, 3.5] }),
        knowledge: rated(MARKETING, { "2.C.4.a": 3.5 }),
      }),
    );

    expect(framework.competencies.map((c) => [c.name, c.externalId])).toEqual([
      ["Mathematics", "2.A.1.e"],
      ["Mathematics (Knowledge)", "2.C.4.a"],
    ]);
  });

  it("reads indicators from the level anchors, placed on the 1–5 scale", () => {
    const framework = onetToFramework(
      release({
        levelAnchors: [
          { elementId: "2.A.1.d", scaleId: "LV", value: 2, description: "Greet tourists" },
          { elementId: "2.A.1.d", scaleId: "LV", value: 4, description: "Interview applicants" },
          { elementId: "2.A.1.d", scaleId: "LV", value: 6, description: "Argue before the Supreme Court" },
        ],
      }),
    );

    expect(competency(framework, "Speaking")?.indicators).toEqual({
      "1": "Greet tourists",
      "3": "Interview applicants",
      "4": "Argue before the Supreme Court",
    });
  });

  it("maps a release read from files with reordered columns", async () => {
    const framework = onetToFramework(await readOnetDirectory(REORDERED));

    expect(profileOf(framework, MARKETING)).toMatchObject({
      alternateTitles: ["Brand Manager", "Chief Marketing Officer", "CMO"],
      tasks: ["Develop pricing strategies.", "Negotiate contracts with vendors."],
    });
    expect(profileOf(framework, MARKETING).competencies.map((r) => r.competency)).toEqual([
      "Initiative",
      "Speaking",
      "Sales and Marketing",
      "Spreadsheet software",
    ]);
  });
});
