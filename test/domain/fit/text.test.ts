import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { read } from "../../../src/domain/fit/reading.js";
import { foldText, originalRange, tokenize } from "../../../src/domain/fit/text.js";

const words = (text: string): string[] =>
  tokenize(foldText(text), new Set(["javascript", "powerpoint"])).map((token) => token.norm);

describe("reading messy résumé text", () => {
  it("repairs mojibake, smart quotes and non-breaking spaces", () => {
    expect(foldText("St Maryâ€™s â€“ 6\u00a0yearsâ€™ experience").text).toBe(
      "St Mary's - 6 years' experience",
    );
    expect(foldText("Budget of Â£3m, cafÃ©").text).toBe("Budget of £3m, cafe");
    expect(foldText("“quoted” and ‘single’").text).toBe(`"quoted" and 'single'`);
  });

  it("splits run-together words but keeps names written with capitals", () => {
    expect(words("ExperienceSenior Accountant")).toEqual(["experience", "senior", "accountant"]);
    expect(words("Excel,Word,PowerPoint")).toEqual(["excel", "word", "powerpoint"]);
    expect(words("JavaScript and HRManager, 10years")).toEqual([
      "javascript",
      "and",
      "hr",
      "manager",
      "10",
      "years",
    ]);
  });

  it("keeps programming names whole", () => {
    expect(words("C++, C#, .NET, A/P, CI/CD, R&D")).toEqual(["c++", "c#", ".net", "a/p", "ci/cd", "r&d"]);
  });

  it("ends sentences at bullets, line breaks and full stops but not at abbreviations", () => {
    const reading = read("Led the team, e.g. five people. • Built APIs\nWrote tests");
    const sentenceOf = (word: string) => reading.tokens.find((token) => token.norm === word)?.sentence;
    expect(sentenceOf("led")).toBe(sentenceOf("people"));
    expect(sentenceOf("built")).not.toBe(sentenceOf("people"));
    expect(sentenceOf("wrote")).not.toBe(sentenceOf("built"));
  });

  it("maps every token back to an exact range of the text as given", () => {
    const fragments = [
      "â€™",
      "\u00a0",
      "•",
      "Ã©",
      "ExperienceSenior",
      "ﬁnance",
      "İstanbul",
      "😀",
      "\r\n",
      "\ufeff",
      "Excel,Word",
      "k8s",
      "  ",
    ];
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { maxLength: 40 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const folded = foldText(raw);
        for (const token of tokenize(folded, new Set())) {
          const range = originalRange(folded, token.start, token.end);
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThanOrEqual(raw.length);
          expect(range.start).toBeLessThan(range.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
