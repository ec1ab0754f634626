import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMention } from "../../src/slack/parse-mention.js";
import { parseProfileCommand, SUBCOMMANDS } from "../../src/slack/parse-profile-command.js";

describe("parseProfileCommand", () => {
  it.each([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["help compare", { kind: "help", topic: "compare" }],
    ["Marketing Manager", { kind: "show", title: "Marketing Manager" }],
    ["show   Marketing\nManager", { kind: "show", title: "Marketing Manager" }],
    ["search pr specialist", { kind: "search", query: "pr specialist" }],
    [
      "compare Marketing Manager vs Media Relations Specialist",
      { kind: "compare", titleA: "Marketing Manager", titleB: "Media Relations Specialist" },
    ],
    ['compare "Sales, Marketing" "PR"', { kind: "compare", titleA: "Sales, Marketing", titleB: "PR" }],
    [
      "fit Media Relations Specialist: ten years of PR",
      { kind: "fit", title: "Media Relations Specialist", summary: "ten years of PR" },
    ],
    [
      "fit Media Relations Specialist\nten years\nof PR",
      { kind: "fit", title: "Media Relations Specialist", summary: "ten years\nof PR" },
    ],
    [
      'fit "Media Relations Specialist" ten years of PR',
      { kind: "fit", title: "Media Relations Specialist", summary: "ten years of PR" },
    ],
    ["fit Media Relations Specialist", { kind: "fit", title: "Media Relations Specialist", summary: null }],
    ["match", { kind: "match", summary: null }],
    ["match ten years of PR", { kind: "match", summary: "ten years of PR" }],
    ["successors Marketing Manager", { kind: "successors", target: { title: "Marketing Manager" } }],
    ["successor R&amp;D Manager", { kind: "successors", target: { title: "R&D Manager" } }],
    ["successors <@U04MAYA|maya.chen>", { kind: "successors", target: { userId: "U04MAYA" } }],
    ["successors <@W123ABC>", { kind: "successors", target: { userId: "W123ABC" } }],
    ["successors @U04MAYA", { kind: "successors", target: { userId: "U04MAYA" } }],
    [
      "gaps <@U04MAYA|maya> Marketing Manager",
      { kind: "gaps", userId: "U04MAYA", title: "Marketing Manager" },
    ],
    ["gap <@U04MAYA>", { kind: "gaps", userId: "U04MAYA", title: null }],
  ])("%j", (text, expected) => {
    expect(parseProfileCommand(text)).toEqual(expected);
  });

  it.each([
    ["comapre A vs B", "compare"],
    ["serch nurse", "search"],
    ["fti Nurse: summary", "fit"],
    ["hlep", "help"],
  ])("points at the subcommand meant by %j", (text, meant) => {
    expect(parseProfileCommand(text)).toMatchObject({ didYouMean: meant });
  });

  it("explains what is missing", () => {
    expect(parseProfileCommand("compare Marketing Manager")).toMatchObject({
      kind: "help",
      topic: "compare",
      problem: expect.stringContaining("vs"),
    });
    expect(parseProfileCommand("fit : summary")).toMatchObject({ kind: "help", topic: "fit" });
    expect(parseProfileCommand("search")).toMatchObject({ kind: "help", topic: "search" });
    expect(parseProfileCommand("successors")).toMatchObject({ kind: "help", topic: "successors" });
    expect(parseProfileCommand("successors <@U1AB> Marketing Manager")).toMatchObject({
      kind: "help",
      problem: expect.stringContaining("not both"),
    });
    // A command that does not escape users sends "@maya": say how to name a person instead.
    expect(parseProfileCommand("successors @maya.chen")).toMatchObject({
      kind: "help",
      problem: expect.stringContaining("Mention the person"),
    });
    expect(parseProfileCommand("gaps Marketing Manager")).toMatchObject({
      kind: "help",
      topic: "gaps",
      problem: expect.stringContaining("@mention the person first"),
    });
  });

  it("turns any text into a request or help, never an exception", () => {
    const word = fc.constantFrom(
      ...SUBCOMMANDS,
      "vs",
      "|",
      ":",
      '"',
      "“",
      "\n",
      "versus",
      "comapre",
      "fti",
      " ",
      "<@U1AB|maya>",
      "<@W9>",
      "@U04MAYA",
      "@maya",
      "&amp;",
      "<https://example.com|x>",
      "constructor",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(fc.oneof(word, fc.string({ maxLength: 12 })), { maxLength: 20 })
        .map((parts) => parts.join(" ")),
    );
    fc.assert(
      fc.property(text, (input) => {
        const request = parseProfileCommand(input);
        expect(SUBCOMMANDS).toContain(request.kind);
        if (request.kind === "show") expect(request.title.trim()).not.toBe("");
        if (request.kind === "compare") expect(request.titleA && request.titleB).toBeTruthy();
        if (request.kind === "fit") expect(request.title).not.toBe("");
        if (request.kind === "successors") {
          if ("title" in request.target) expect(request.target.title.trim()).not.toBe("");
          else expect(request.target.userId).toMatch(/^[UW][A-Z0-9]+$/);
        }
        if (request.kind === "gaps") {
          expect(request.userId).toMatch(/^[UW][A-Z0-9]+$/);
          if (request.title !== null) expect(request.title.trim()).not.toBe("");
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("parseMention", () => {
  it("reads the profile named in the question and the summary after it", () => {
    expect(
      parseMention("<@UBOT> how does this candidate fit Media Relations Specialist? Ten years in PR."),
    ).toEqual({
      title: "Media Relations Specialist",
      summary: "Ten years in PR.",
    });
    expect(parseMention("<@UBOT> is she a good fit for a Marketing Manager role?\nShe led teams")).toEqual({
      title: "Marketing Manager",
      summary: "She led teams",
    });
  });

  it("names no profile when the question does not", () => {
    expect(parseMention("<@UBOT> what roles suit this person? Ten years in PR")).toEqual({
      title: null,
      summary: "Ten years in PR",
    });
    expect(parseMention("<@UBOT> Ten years in PR &amp; comms")).toEqual({
      title: null,
      summary: "Ten years in PR & comms",
    });
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (input) => void parseMention(input)),
      { numRuns: 1_000 },
    );
  });
});
