import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type LookupResult,
  type TitleEntry,
  TitleIndex,
  type TitleMatch,
} from "../../src/domain/title-index.js";

let nextId = 0;
function profile(
  title: string,
  alternateTitles: string[] = [],
  frameworkName = "onet",
  family = "Management",
): TitleEntry {
  nextId += 1;
  return { profileId: nextId, title, alternateTitles, frameworkName, family };
}

const marketingOnet = profile("Marketing Managers", ["Marketing Director", "Brand Marketing Manager"]);
const salesManagers = profile("Sales Managers", ["Sales Director", "Regional Sales Manager"]);
const publicRelations = profile(
  "Public Relations Specialists",
  ["Communications Specialist"],
  "onet",
  "Media",
);
const mediaRelations = profile(
  "Media Relations Specialist",
  ["PR Specialist", "Press Liaison"],
  "sample",
  "Media",
);
const softwareDevelopers = profile("Software Developers", ["Application Developer", "Software Engineer"]);
const registeredNurses = profile("Registered Nurses", ["RN", "Staff Nurse"], "onet", "Healthcare");
const practicalNurses = profile(
  "Licensed Practical and Licensed Vocational Nurses",
  ["LPN", "Charge Nurse"],
  "onet",
  "Healthcare",
);
const truckDrivers = profile(
  "Heavy and Tractor-Trailer Truck Drivers",
  ["Semi Truck Driver"],
  "onet",
  "Transport",
);
const systemsAnalysts = profile(
  "Computer Systems Analysts",
  ["Systems Analyst", "IT Analyst"],
  "onet",
  "Computing",
);
const securityAnalysts = profile(
  "Information Security Analysts",
  ["Security Analyst", "IT Analyst"],
  "onet",
  "Computing",
);
const foodService = profile("Food Service Managers", ["Café Manager", "Restaurant Manager"]);
const humanResources = profile(
  "Human Resources Specialists",
  ["HR Generalist", "Recruiter"],
  "onet",
  "Business",
);
const marketingSample = profile("Marketing Manager", [], "sample", "Marketing");

const index = TitleIndex.build([
  marketingOnet,
  salesManagers,
  publicRelations,
  mediaRelations,
  softwareDevelopers,
  registeredNurses,
  practicalNurses,
  truckDrivers,
  systemsAnalysts,
  securityAnalysts,
  foodService,
  humanResources,
  marketingSample,
]);
const onet = { framework: "onet" };

function found(result: LookupResult): TitleMatch {
  if (result.kind !== "found") throw new Error(`expected found, got ${JSON.stringify(result)}`);
  return result.match;
}

function ids(matches: TitleMatch[]): number[] {
  return matches.map((match) => match.profileId).sort((x, y) => x - y);
}

describe("TitleIndex.lookup", () => {
  it("finds a profile by its exact title, with the framework and family", () => {
    expect(found(index.lookup("Sales Managers"))).toEqual({
      profileId: salesManagers.profileId,
      title: "Sales Managers",
      frameworkName: "onet",
      family: "Management",
      matchedTitle: "Sales Managers",
      score: 1,
    });
  });

  it("ignores case and punctuation", () => {
    expect(found(index.lookup("  SALES-managers!! ")).profileId).toBe(salesManagers.profileId);
  });

  it("treats singular and plural as the same title", () => {
    expect(found(index.lookup("sales manager")).title).toBe("Sales Managers");
    expect(found(index.lookup("Registered Nurse")).title).toBe("Registered Nurses");
  });

  it("ignores diacritics on either side", () => {
    expect(found(index.lookup("cafe manager")).matchedTitle).toBe("Café Manager");
    expect(found(index.lookup("Régistered Nürses")).title).toBe("Registered Nurses");
  });

  it("finds by an alternate title and says which title matched", () => {
    const match = found(index.lookup("semi truck driver"));
    expect(match).toMatchObject({
      title: "Heavy and Tractor-Trailer Truck Drivers",
      matchedTitle: "Semi Truck Driver",
    });
  });

  it("corrects a typo", () => {
    const match = found(index.lookup("Markting Manager", onet));
    expect(match.title).toBe("Marketing Managers");
    expect(match.score).toBeGreaterThan(0.75);
    expect(match.score).toBeLessThan(1);
    expect(found(index.lookup("Registred Nurse")).title).toBe("Registered Nurses");
  });

  it("expands abbreviations", () => {
    expect(found(index.lookup("PR specialist")).title).toBe("Public Relations Specialists");
    expect(found(index.lookup("HR Specialist")).title).toBe("Human Resources Specialists");
    expect(found(index.lookup("Sales Mgr")).title).toBe("Sales Managers");
    expect(found(index.lookup("RN")).title).toBe("Registered Nurses");
  });

  it("tries every expansion of an ambiguous abbreviation instead of picking one", () => {
    const project = profile("Project Managers");
    const product = profile("Product Managers");
    const managers = TitleIndex.build([project, product, profile("Program Analysts")]);
    const result = managers.lookup("PM");
    expect(result.kind).toBe("ambiguous");
    if (result.kind === "ambiguous")
      expect(ids(result.candidates)).toEqual([project.profileId, product.profileId]);
    expect(managers.lookup("Senior PM").kind).toBe("ambiguous");
  });

  it("reads two words written as one, and one written as two", () => {
    const retail = TitleIndex.build([profile("Retail Salespersons"), profile("Marketing Managers")]);
    expect(found(retail.lookup("retail sales person"))).toMatchObject({
      title: "Retail Salespersons",
      score: 1,
    });
    expect(found(retail.lookup("MarketingManager"))).toMatchObject({ title: "Marketing Managers", score: 1 });
  });

  it("matches an alternate title written as an abbreviation", () => {
    const match = found(index.lookup("Public Relations Specialist", { framework: "sample" }));
    expect(match).toMatchObject({ title: "Media Relations Specialist", matchedTitle: "PR Specialist" });
  });

  it("finds a profile from part of its title", () => {
    expect(found(index.lookup("truck driver")).title).toBe("Heavy and Tractor-Trailer Truck Drivers");
    expect(found(index.lookup("tractor trailer driver")).title).toBe(
      "Heavy and Tractor-Trailer Truck Drivers",
    );
  });

  it("reports an alternate title shared by several profiles as ambiguous", () => {
    const result = index.lookup("IT Analyst");
    expect(result.kind).toBe("ambiguous");
    if (result.kind !== "ambiguous") return;
    expect(ids(result.candidates)).toEqual([systemsAnalysts.profileId, securityAnalysts.profileId]);
  });

  it("offers candidates instead of guessing when several fit about equally", () => {
    const practical = profile("Licensed Practical Nurses");
    const vocational = profile("Licensed Vocational Nurses");
    const nurses = TitleIndex.build([practical, vocational, profile("Registered Nurses")]);
    const result = nurses.lookup("licensed nurse");
    expect(result.kind).toBe("ambiguous");
    if (result.kind !== "ambiguous") return;
    expect(ids(result.candidates)).toEqual([practical.profileId, vocational.profileId]);
    expect(found(nurses.lookup("licensed practical nurse")).profileId).toBe(practical.profileId);
  });

  it("lets a profile's own title win over the same words as another's alternate title", () => {
    const index = TitleIndex.build([
      profile("Software Developers"),
      profile("Computer Programmers", ["Software Developer"]),
    ]);
    expect(found(index.lookup("Software Developer")).title).toBe("Software Developers");
    expect(found(index.lookup("Sofware Developer")).title).toBe("Software Developers");
  });

  it("prefers the title spelled as typed when two frameworks hold the same title", () => {
    expect(found(index.lookup("Marketing Manager")).profileId).toBe(marketingSample.profileId);
    expect(found(index.lookup("marketing managers")).profileId).toBe(marketingOnet.profileId);
    expect(found(index.lookup("Markting Manager")).profileId).toBe(marketingSample.profileId);
  });

  it("is ambiguous across frameworks when neither is spelled as typed, unless a framework is given", () => {
    const result = index.lookup("Marketing Mgr");
    expect(result.kind).toBe("ambiguous");
    if (result.kind === "ambiguous") {
      expect(ids(result.candidates)).toEqual([marketingOnet.profileId, marketingSample.profileId]);
    }
    expect(found(index.lookup("Marketing Managers", { framework: "sample" })).profileId).toBe(
      marketingSample.profileId,
    );
    expect(found(index.lookup("marketing manager", { framework: "ONET" })).profileId).toBe(
      marketingOnet.profileId,
    );
  });

  it("returns the closest titles as suggestions when nothing fits", () => {
    const result = index.lookup("Marketing Astronaut");
    expect(result.kind).toBe("not_found");
    if (result.kind !== "not_found") return;
    expect(result.suggestions.map((match) => match.title)).toContain("Marketing Managers");
    expect(result.suggestions.every((match) => match.score < 0.75)).toBe(true);
  });

  it("returns no suggestions for a title unlike any", () => {
    expect(index.lookup("Astronaut")).toEqual({ kind: "not_found", suggestions: [] });
  });

  it("finds nothing outside the requested framework", () => {
    expect(index.lookup("Registered Nurses", { framework: "sample" })).toEqual({
      kind: "not_found",
      suggestions: [],
    });
    expect(index.lookup("Registered Nurses", { framework: "nonexistent" }).kind).toBe("not_found");
  });

  it("handles empty, punctuation-only and very long input", () => {
    expect(index.lookup("")).toEqual({ kind: "not_found", suggestions: [] });
    expect(index.lookup("???")).toEqual({ kind: "not_found", suggestions: [] });
    expect(index.lookup("marketing ".repeat(1_000)).kind).not.toBe("found");
    expect(index.lookup("x".repeat(10_000)).kind).toBe("not_found");
  });

  it("works on an empty library", () => {
    expect(TitleIndex.build([]).lookup("Marketing Manager")).toEqual({ kind: "not_found", suggestions: [] });
  });

  it("never throws and always returns a well-formed result", () => {
    const query = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc
        .array(fc.constantFrom("marketing", "mgr", "nurse", "pm", "it", "the", "&", "sr.", "Café", "C++"), {
          maxLength: 15,
        })
        .map((words) => words.join(" ")),
    );
    fc.assert(
      fc.property(
        query,
        fc.option(fc.constantFrom("onet", "sample", "other"), { nil: undefined }),
        (text, framework) => {
          const result = index.lookup(text, framework === undefined ? {} : { framework });
          expect(isWellFormed(result, framework)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("TitleIndex.search", () => {
  it("ranks one row per profile, best first", () => {
    const results = index.search("manager");
    const profileIds = results.map((match) => match.profileId);
    expect(new Set(profileIds).size).toBe(profileIds.length);
    expect(results.map((match) => match.title)).toEqual(
      expect.arrayContaining(["Marketing Managers", "Marketing Manager", "Sales Managers"]),
    );
    const scores = results.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it("puts an exact match first with score 1", () => {
    const [first] = index.search("Sales Director");
    expect(first).toMatchObject({ title: "Sales Managers", matchedTitle: "Sales Director", score: 1 });
  });

  it("filters by framework and family and respects the limit", () => {
    expect(index.search("manager", { framework: "sample" }).map((match) => match.title)).toEqual([
      "Marketing Manager",
    ]);
    expect(
      index
        .search("analyst", { family: "computing" })
        .map((match) => match.family)
        .every((family) => family === "Computing"),
    ).toBe(true);
    expect(index.search("manager", { limit: 1 })).toHaveLength(1);
    expect(index.search("manager", { limit: 0 })).toEqual([]);
  });
});

function isWellFormed(result: LookupResult, framework: string | undefined): boolean {
  const valid = (match: TitleMatch) =>
    match.score >= 0 &&
    match.score <= 1 &&
    typeof match.matchedTitle === "string" &&
    (framework === undefined || match.frameworkName === framework);
  const distinctProfiles = (matches: TitleMatch[]) => new Set(ids(matches)).size === matches.length;
  switch (result.kind) {
    case "found":
      return valid(result.match);
    case "ambiguous":
      return (
        result.candidates.length >= 2 &&
        result.candidates.length <= 5 &&
        result.candidates.every(valid) &&
        distinctProfiles(result.candidates)
      );
    case "not_found":
      return (
        result.suggestions.length <= 5 &&
        result.suggestions.every(valid) &&
        distinctProfiles(result.suggestions)
      );
  }
}
