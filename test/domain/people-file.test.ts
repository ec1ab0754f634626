import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/domain/framework-file.js";
import {
  PEOPLE_FILE_LIMITS,
  type PeopleColumn,
  type PeopleRow,
  type PeopleValidation,
  type PeopleVocabulary,
  validatePeopleRows,
} from "../../src/domain/people-file.js";

const NOW = new Date("2026-11-28T12:00:00Z");

const vocabulary: PeopleVocabulary = {
  frameworks: [
    {
      name: "acme",
      competencies: ["Negotiation", "Communication", "Budget Management"],
      profiles: ["Sales Manager", "Account Executive"],
    },
    { name: "other", competencies: ["Negotiation"], profiles: [] },
  ],
};

/** Rows as the JSON reader makes them: `rows[i].column`. */
function rows(...cells: Partial<Record<PeopleColumn, unknown>>[]): PeopleRow[] {
  return cells.map((row, index) => ({
    cells: row,
    where: `rows[${index}]`,
    at: (column) => `rows[${index}].${column}`,
  }));
}

const ann = {
  email: "Ann.Lee@Example.com",
  name: "Ann Lee",
  framework: "acme",
  competency: "Negotiation",
  level: 3,
  source: "manager",
  rated_at: "2026-05-01",
};

function problems(validation: PeopleValidation): string[] {
  return validation.ok ? [] : validation.problems.map(formatProblem);
}

describe("validatePeopleRows", () => {
  it("gathers rows into people with their ratings", () => {
    const validation = validatePeopleRows(
      rows(
        { ...ann, slack_user_id: "u024be7lh", current_profile: "sales manager" },
        {
          ...ann,
          competency: "Communication",
          level: "4",
          source: "Self",
          rated_at: "2026-06-01T09:30:00+02:00",
        },
        { email: "bob@example.com", name: "Bob", competency: "" },
      ),
      vocabulary,
      NOW,
    );
    expect(validation).toEqual({
      ok: true,
      ratings: 2,
      definition: {
        people: [
          {
            email: "ann.lee@example.com",
            name: "Ann Lee",
            slackUserId: "U024BE7LH",
            currentProfile: { framework: "acme", title: "Sales Manager" },
            ratings: [
              {
                framework: "acme",
                competency: "Negotiation",
                level: 3,
                source: "MANAGER",
                ratedAt: new Date("2026-05-01T00:00:00Z"),
              },
              {
                framework: "acme",
                competency: "Communication",
                level: 4,
                source: "SELF",
                ratedAt: new Date("2026-06-01T07:30:00Z"),
              },
            ],
          },
          { email: "bob@example.com", name: "Bob", slackUserId: null, currentProfile: null, ratings: [] },
        ],
      },
    });
  });

  it("names the path and the value of a level out of range", () => {
    const validation = validatePeopleRows(
      rows(ann, { ...ann, competency: "Communication", level: 7 }),
      vocabulary,
      NOW,
    );
    expect(problems(validation)).toEqual(["rows[1].level: 7 is not in 0–5"]);
  });

  it("suggests the competency a misspelt name probably meant", () => {
    const validation = validatePeopleRows(rows({ ...ann, competency: "Negotiaton" }), vocabulary, NOW);
    expect(problems(validation)).toEqual([
      'rows[0].competency: "Negotiaton" is not a competency of framework acme (did you mean "Negotiation"?)',
    ]);
  });

  it("reports every problem of every row, not just the first", () => {
    const validation = validatePeopleRows(
      rows(
        { ...ann, email: "not-an-email", level: "three", source: "boss", rated_at: "2026-02-30" },
        { ...ann, framework: "acme-corp", current_profile: "Sales Mgr" },
        { ...ann, level: 2.5, rated_at: "2027-03-01", slack_user_id: "bob" },
        { email: "", name: "Nobody" },
      ),
      vocabulary,
      NOW,
    );
    expect(problems(validation)).toEqual([
      'rows[0].email: "not-an-email" is not an email address',
      'rows[0].level: "three" is not a whole number 0–5',
      'rows[0].source: "boss" is not a source; use self, manager, assessment',
      'rows[0].rated_at: "2026-02-30" is not a date (YYYY-MM-DD)',
      'rows[1].framework: "acme-corp" is not a framework',
      'rows[2].slack_user_id: "bob" is not a Slack user id (like U024BE7LH)',
      "rows[2].level: 2.5 is not a whole number 0–5",
      'rows[2].rated_at: "2027-03-01" is in the future',
      "rows[3].email: is empty; every row names a person by email",
    ]);
  });

  it("suggests the profile a misspelt title probably meant", () => {
    const validation = validatePeopleRows(rows({ ...ann, current_profile: "Sales Manger" }), vocabulary, NOW);
    expect(problems(validation)).toEqual([
      'rows[0].current_profile: "Sales Manger" is not a profile of framework acme (did you mean "Sales Manager"?)',
    ]);
  });

  it("requires a framework for a competency or a current profile", () => {
    const validation = validatePeopleRows(rows({ ...ann, framework: "" }), vocabulary, NOW);
    expect(problems(validation)).toEqual([
      "rows[0].framework: is empty; it names the framework of the competency",
    ]);
  });

  it("requires the rating cells of a rating, and no rating cells without a competency", () => {
    const validation = validatePeopleRows(
      rows(
        { ...ann, level: "", source: undefined, rated_at: null },
        { email: "bob@example.com", name: "Bob", level: 3 },
      ),
      vocabulary,
      NOW,
    );
    expect(problems(validation)).toEqual([
      "rows[0].level: is empty; a rating needs a level 0–5",
      "rows[0].source: is empty; use self, manager, assessment",
      "rows[0].rated_at: is empty; a rating needs the date it was made (YYYY-MM-DD)",
      "rows[1].level: 3 is given but the row names no competency",
    ]);
  });

  it("refuses a person's details that disagree between rows, and one rating per competency and source", () => {
    const validation = validatePeopleRows(
      rows(
        { ...ann, slack_user_id: "U1ANN" },
        { ...ann, name: "Anne Lee", source: "self" },
        { ...ann, slack_user_id: "U2ANN", competency: "Communication" },
        { ...ann, rated_at: "2026-07-01" },
      ),
      vocabulary,
      NOW,
    );
    expect(problems(validation)).toEqual([
      'rows[1].name: "Anne Lee" differs from "Ann Lee" given for ann.lee@example.com on rows[0]',
      'rows[2].slack_user_id: "U2ANN" differs from "U1ANN" given for ann.lee@example.com on rows[0]',
      'rows[3]: ann.lee@example.com already has a manager rating of "Negotiation" on rows[0]; a person has one rating per competency and source',
    ]);
  });

  it("lets the same competency name be rated in two frameworks", () => {
    const validation = validatePeopleRows(rows(ann, { ...ann, framework: "other" }), vocabulary, NOW);
    expect(validation.ok).toBe(true);
  });

  it("refuses one Slack user id for two people, and a person without a name", () => {
    const validation = validatePeopleRows(
      rows({ ...ann, slack_user_id: "U1ANN" }, { email: "bob@example.com", slack_user_id: "U1ANN" }),
      vocabulary,
      NOW,
    );
    expect(problems(validation)).toEqual([
      'rows[1].slack_user_id: "U1ANN" is already given to ann.lee@example.com on rows[0]',
      "rows[1]: bob@example.com has no name on any row",
    ]);
  });

  it("refuses an empty file and one with too many rows", () => {
    expect(problems(validatePeopleRows([], vocabulary, NOW))).toEqual(["the file has no rows"]);
    const many = Array.from({ length: PEOPLE_FILE_LIMITS.rows + 1 }, () => rows(ann)[0] as PeopleRow);
    expect(problems(validatePeopleRows(many, vocabulary, NOW))).toEqual([
      "the file has 100,001 rows; the limit is 100,000",
    ]);
  });

  it("refuses names over 200 characters", () => {
    expect(problems(validatePeopleRows(rows({ ...ann, name: "x".repeat(201) }), vocabulary, NOW))).toEqual([
      "rows[0].name: is 201 characters long; the limit is 200",
      "rows[0]: ann.lee@example.com has no name on any row",
    ]);
  });

  it("says so when no framework has been imported yet", () => {
    expect(problems(validatePeopleRows(rows(ann), { frameworks: [] }, NOW))).toEqual([
      'rows[0].framework: "acme" is not a framework; no framework has been imported yet',
    ]);
  });
});
